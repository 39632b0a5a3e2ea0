"""The web page at ``/``: paste text or a URL, get the briefing; its script and style."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

router = APIRouter(include_in_schema=False)


@router.get("/")
async def index() -> Response:
    """The editor's page."""
    return Response("<!doctype html><title>summarizer</title>", media_type="text/html")
