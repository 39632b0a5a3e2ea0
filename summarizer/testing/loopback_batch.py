"""The Batch API half of the loopback server: ``/v1/files`` and ``/v1/batches``.

Enough of OpenAI's Batch API for the real ``openai`` client to run a batch end to
end: upload a JSONL file (multipart), create a batch over it, poll it, download
the output and error files. Each request line is answered by the server's
scripted replies (or its fallback), exactly as a live ``/v1/chat/completions``
call would be; answers go to the output file, HTTP errors to the error file.
A batch reports ``in_progress`` for ``polls_before_done`` retrievals, then
``completed``.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_CREATED = 1_700_000_000


@dataclass
class _Batch:
    id: str
    input_file_id: str
    endpoint: str
    completion_window: str
    metadata: dict[str, Any] | None
    polls_left: int
    status: str = "validating"
    output_file_id: str | None = None
    error_file_id: str | None = None
    counts: dict[str, int] = field(
        default_factory=lambda: {"total": 0, "completed": 0, "failed": 0}
    )

    def as_json(self) -> dict[str, Any]:
        done = self.status == "completed"
        return {
            "id": self.id,
            "object": "batch",
            "endpoint": self.endpoint,
            "errors": None,
            "input_file_id": self.input_file_id,
            "completion_window": self.completion_window,
            "status": self.status,
            "output_file_id": self.output_file_id,
            "error_file_id": self.error_file_id,
            "created_at": _CREATED,
            "in_progress_at": _CREATED,
            "expires_at": _CREATED + 86_400,
            "completed_at": _CREATED + 60 if done else None,
            "request_counts": self.counts,
            "metadata": self.metadata,
        }


# (status, JSON body) for one request line; supplied by the server.
Answer = Callable[[dict[str, Any]], tuple[int, dict[str, Any]]]
Response = tuple[int, bytes, str]


class BatchAPI:
    """Files and batches held in memory.

    Attributes:
        polls_before_done: Retrievals that report ``in_progress`` before a batch completes.
        files: Uploaded and produced files by id: ``(filename, purpose, content)``.
        batch_bodies: Every request body a batch ran, in order.
    """

    def __init__(self, answer: Answer, polls_before_done: int = 1) -> None:
        self.polls_before_done = polls_before_done
        self.files: dict[str, tuple[str, str, bytes]] = {}
        self.batch_bodies: list[dict[str, Any]] = []
        self._answer = answer
        self._batches: dict[str, _Batch] = {}
        self._lock = threading.Lock()

    @property
    def created(self) -> int:
        """How many batches have been created."""
        with self._lock:
            return len(self._batches)

    def release(self) -> None:
        """Let every batch still in progress complete at its next retrieval."""
        with self._lock:
            for batch in self._batches.values():
                batch.polls_left = 0

    def handle(self, method: str, route: str, content_type: str, raw: bytes) -> Response:
        """Serve one request under ``/v1/files`` or ``/v1/batches``."""
        parts = route.strip("/").split("/")[1:]  # drop "v1"
        with self._lock:
            if parts == ["files"] and method == "POST":
                return self._upload(content_type, raw)
            if parts[0] == "files" and len(parts) >= 2 and parts[1] in self.files:
                name, purpose, data = self.files[parts[1]]
                if parts[2:] == ["content"]:
                    return 200, data, "application/jsonl"
                return 200, _dumps(_file_json(parts[1], name, purpose, data)), "application/json"
            if parts == ["batches"] and method == "POST":
                return self._create(raw)
            if parts[0] == "batches" and len(parts) >= 2 and parts[1] in self._batches:
                batch = self._batches[parts[1]]
                if parts[2:] == ["cancel"]:
                    batch.status = "cancelled"
                elif method == "GET":
                    self._advance(batch)
                return 200, _dumps(batch.as_json()), "application/json"
        return (
            404,
            _error(404, f"loopback: no such {parts[0] if parts else 'route'}"),
            "application/json",
        )

    def _upload(self, content_type: str, raw: bytes) -> Response:
        header = f"Content-Type: {content_type}\r\n\r\n".encode()
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(header + raw)
        fields: dict[str, tuple[str | None, bytes]] = {}
        for part in message.iter_parts():
            payload = part.get_payload(decode=True)
            name = part.get_param("name", header="content-disposition")
            if isinstance(name, str) and isinstance(payload, bytes):
                fields[name] = (part.get_filename(), payload)
        if "file" not in fields:
            return 400, _error(400, "loopback: no file in the upload"), "application/json"
        filename = fields["file"][0] or "upload.jsonl"
        purpose = fields.get("purpose", (None, b"batch"))[1].decode()
        file_id = self._store(filename, purpose, fields["file"][1])
        data = fields["file"][1]
        return 200, _dumps(_file_json(file_id, filename, purpose, data)), "application/json"

    def _store(self, name: str, purpose: str, data: bytes) -> str:
        file_id = f"file-loopback{len(self.files)}"
        self.files[file_id] = (name, purpose, data)
        return file_id

    def _create(self, raw: bytes) -> Response:
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        if not isinstance(body, dict) or body.get("input_file_id") not in self.files:
            return 400, _error(400, "loopback: unknown input_file_id"), "application/json"
        batch = _Batch(
            id=f"batch_loopback{len(self._batches)}",
            input_file_id=body["input_file_id"],
            endpoint=str(body.get("endpoint")),
            completion_window=str(body.get("completion_window")),
            metadata=body.get("metadata"),
            polls_left=self.polls_before_done,
        )
        self._batches[batch.id] = batch
        return 200, _dumps(batch.as_json()), "application/json"

    def _advance(self, batch: _Batch) -> None:
        if batch.status in ("completed", "cancelled", "failed"):
            return
        if batch.polls_left > 0:
            batch.polls_left -= 1
            batch.status = "in_progress"
            return
        self._run(batch)

    def _run(self, batch: _Batch) -> None:
        outputs: list[bytes] = []
        errors: list[bytes] = []
        for i, raw in enumerate(self.files[batch.input_file_id][2].splitlines()):
            if not raw.strip():
                continue
            line = json.loads(raw)
            self.batch_bodies.append(line["body"])
            status, body = self._answer(line["body"])
            result = {
                "id": f"batch_req_{i}",
                "custom_id": line["custom_id"],
                "response": {"status_code": status, "request_id": f"req_{i}", "body": body},
                "error": None,
            }
            (outputs if status == 200 else errors).append(_dumps(result) + b"\n")
        batch.counts = {
            "total": len(outputs) + len(errors),
            "completed": len(outputs),
            "failed": len(errors),
        }
        if outputs:
            batch.output_file_id = self._store(
                f"{batch.id}_output.jsonl", "batch_output", b"".join(outputs)
            )
        if errors:
            batch.error_file_id = self._store(
                f"{batch.id}_error.jsonl", "batch_output", b"".join(errors)
            )
        batch.status = "completed"


def _file_json(file_id: str, name: str, purpose: str, data: bytes) -> dict[str, Any]:
    return {
        "id": file_id,
        "object": "file",
        "bytes": len(data),
        "created_at": _CREATED,
        "filename": name,
        "purpose": purpose,
        "status": "processed",
    }


def _dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()


def _error(status: int, message: str) -> bytes:
    kind = "invalid_request_error" if status < 500 else "server_error"
    return _dumps({"error": {"message": message, "type": kind, "param": None, "code": None}})
