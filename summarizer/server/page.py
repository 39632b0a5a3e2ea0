"""The web page at ``/``: paste text or a URL, get the briefing, see the recent ones.

No framework: one HTML page, one script and one stylesheet, all served from the
app (``/static/``). The page's Content Security Policy allows nothing from
elsewhere: scripts and styles only from this origin (the briefing page itself
keeps its own policy and inline style), requests only to this origin, no
plugins, no frames of other sites, and no site may frame this one. The briefing
is shown in a sandboxed frame without scripts, exactly as the HTML renderer
makes it.
"""

from __future__ import annotations

import html
from importlib.resources import files

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from summarizer.server.state import ServiceState

router = APIRouter(include_in_schema=False)

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; img-src data:; frame-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
_STATIC = {"page.js": "text/javascript; charset=utf-8", "page.css": "text/css; charset=utf-8"}

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>summarizer: grounded briefings</title>
<link rel="stylesheet" href="/static/page.css">
<script src="/static/page.js" defer></script>
</head>
<body data-auth="{auth}">
<header><h1>summarizer</h1>
<p>Paste an article or its address. Every quote in the briefing is checked against the
article and highlighted in it.</p></header>
<main>
<section id="ask">
<form id="brief-form">
<label for="article">Article text or URL</label>
<textarea id="article" name="article" rows="12" required
 placeholder="Paste the article here, or an https:// address"></textarea>
<div class="row">
<label class="key" for="api-key" {key_hidden}>API key
<input id="api-key" type="password" autocomplete="off" placeholder="smz_..."></label>
<button id="brief-button" type="submit">Brief it</button>
</div>
<p id="status" role="status" aria-live="polite"></p>
</form>
<h2>Recent briefings</h2>
<form id="search-form" role="search">
<input id="search" type="search" placeholder="Search headlines, sources, people">
</form>
<ol id="recent"></ol>
</section>
<section id="result" hidden>
<p class="result-bar"><span id="result-title"></span>
<a id="result-json" href="#">JSON</a></p>
<iframe id="briefing-frame" title="The briefing" sandbox="allow-same-origin"></iframe>
</section>
</main>
</body></html>
"""


@router.get("/")
async def index(request: Request) -> Response:
    """The editor's page."""
    state: ServiceState = request.app.state.service
    auth = state.config.auth
    text = _PAGE.format(auth="1" if auth else "0", key_hidden="" if auth else "hidden")
    return Response(text, media_type="text/html; charset=utf-8", headers=SECURITY_HEADERS)


@router.get("/static/{name}")
async def static(name: str) -> Response:
    """The page's script and stylesheet."""
    if name not in _STATIC:
        raise HTTPException(404, f"no static file {html.escape(name)!r}")
    body = files("summarizer.server").joinpath("static", name).read_bytes()
    headers = {**SECURITY_HEADERS, "Cache-Control": "no-cache"}
    return Response(body, media_type=_STATIC[name], headers=headers)
