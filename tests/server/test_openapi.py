"""The OpenAPI document: served with docs, and its Briefing is schemas/briefing.v1.json."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from support import REPO


def _inline(node: Any, components: dict[str, Any]) -> Any:
    """Put every $ref back as #/$defs/..., the file's form."""
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str) and v.startswith("#/components/schemas/"):
                out[k] = "#/$defs/" + v.rsplit("/", 1)[1]
            else:
                out[k] = _inline(v, components)
        return out
    if isinstance(node, list):
        return [_inline(v, components) for v in node]
    return node


def test_the_openapi_briefing_is_the_published_schema(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    components = spec["components"]["schemas"]
    published = json.loads((REPO / "schemas" / "briefing.v1.json").read_text(encoding="utf-8"))
    published.pop("$schema")
    published.pop("$id")
    defs = published.pop("$defs")
    assert _inline(components["Briefing"], components) == published
    for name, schema in defs.items():
        assert _inline(components[name], components) == schema
    # The briefing result's response points at that Briefing.
    result = components["BriefingResult"]
    assert result["properties"]["briefing"] == {"$ref": "#/components/schemas/Briefing"}


def test_the_api_is_described_and_the_docs_are_served(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/v1/briefings",
        "/v1/briefings/{briefing_id}",
        "/v1/briefings/{briefing_id}.html",
        "/v1/batches",
        "/v1/batches/{job_id}",
        "/v1/batches/{job_id}/results",
        "/healthz",
        "/readyz",
        "/metrics",
    ):
        assert path in paths, path
    body = paths["/v1/briefings"]["post"]["requestBody"]["content"]
    assert {"application/json", "text/plain", "text/html"} <= set(body)
    errors = paths["/v1/briefings"]["post"]["responses"]
    assert {"401", "413", "422", "429", "502", "503", "504"} <= set(errors)
    docs = client.get("/docs")
    assert docs.status_code == 200 and "openapi.json" in docs.text
