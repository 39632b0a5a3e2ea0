"""Property-based tests of the whole API against its own OpenAPI document (schemathesis).

Every generated request (valid or not) must get no 5xx, a documented status and
content type, and a body that matches the documented schema. The number of
examples is bounded so CI stays quick.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis import Case  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from summarizer.config import Settings  # noqa: E402
from summarizer.server import ServerConfig, create_app  # noqa: E402

MAX_EXAMPLES = 25


# The schema must exist when the module is collected (schemathesis parametrizes
# from it); the app's data goes to a temporary folder removed after the module.
_DATA = Path(tempfile.mkdtemp(prefix="summarizer-schemathesis-"))
APP = create_app(
    ServerConfig(
        settings=Settings(engine="extractive"),
        data_dir=_DATA,
        auth=False,
        rate_per_minute=0,
        concurrent_briefings=0,
    )
)
# A JSONL body is text: send the generated string as it is.
schemathesis.serializer.alias("application/x-ndjson", "text/plain")
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _remove_data() -> Iterator[None]:
    yield
    shutil.rmtree(_DATA, ignore_errors=True)


@schema.parametrize()  # type: ignore[untyped-decorator]
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_request_gets_a_5xx_or_an_undocumented_answer(case: Case[Any]) -> None:
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )
