"""Briefing through the provider's Batch API: upload, create, poll, download, validate.

Request shaping: each request line carries the exact body a live call would send.
Rather than rebuild instructor's request shaping (tools, tool_choice, schema,
response_format) for every mode, the real engine is run once per article
against a transport that records the request and answers 400, so nothing is
sent and nothing is retried. The body is therefore byte for byte the one the
live path sends, in every mode, and its cache key is the live call's. An article
long enough to be briefed in parts is one request line per part (custom id
``ID#part2of3``); once every part is answered, the parts' briefings are merged
and the merge checked against the whole article, as a live call does.

Crash recovery: each job is recorded in a ledger beside the output as soon as
it is created (see ``ledger``). A rerun collects the unfinished jobs it finds
there instead of submitting (and paying for) their articles again.

Validation: instructor's batch helper parses results without a validation
context, so it cannot check grounding. Each answer is validated here with
``Briefing.model_validate_json(..., context={CONTEXT_KEY: ArticleIndex(text)})``,
the same validators as a live call; an ungrounded or malformed answer becomes an
error line. The Batch API cannot re-ask, so there is no second chance: rerun
those articles live with ``--retry-errors``.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final

import openai

from summarizer.batch.inputs import BatchItem, load_local
from summarizer.batch.ledger import InFlight, JobLedger
from summarizer.batch.options import BatchOptions, BatchSummary, OnResult, Status
from summarizer.batch.output import ResultFile, error_line, ok_line, writable
from summarizer.checks.grounding import ArticleIndex
from summarizer.config import Settings, redact_url
from summarizer.errors import InputError, SummarizerError
from summarizer.inputs.article import Article
from summarizer.llm import request, retry
from summarizer.llm.calllog import CallLog, cache_key
from summarizer.llm.capture import RequestShaper, ShapedRequest
from summarizer.llm.engine import CallStats
from summarizer.llm.faults import model_error
from summarizer.llm.request import parse_completion
from summarizer.models import Briefing, grounded_in
from summarizer.pipeline.longdoc import assemble

TERMINAL = frozenset({"completed", "failed", "expired", "cancelled"})
ENDPOINT: Final = "/v1/chat/completions"


def validate_completion(
    article: Article, completion: dict[str, Any], settings: Settings, model: str
) -> Briefing:
    """Validate one Batch API answer as a briefing of ``article``, exactly as a live answer.

    The answer goes through the one response parser and then through instructor,
    so a refusal, a cut-off answer or an ungrounded quote is the same error here
    as in a live call (without the re-ask a live call would make).

    Raises:
        UngroundedError: A quote or figure is not in the article.
        ModelOutputError: The answer is missing, cut off, refused or not a briefing.
        TransportError: The line holds no usable completion.
    """
    stats = CallStats()
    try:
        parsed = parse_completion(json.dumps(completion))
        stats.record(parsed)
        with grounded_in(ArticleIndex(article.text)):
            return request.validate_completion(parsed, settings.mode, Briefing)
    except Exception as exc:  # translated into one of ours, as a live call's would be
        raise model_error(
            exc, settings=settings, model=model, requests=1, retries=0, last_text=stats.last_text
        ) from exc


@dataclass
class _Part:
    """One request line: an article's part (or the whole), and its answer once known."""

    custom_id: str
    shaped: ShapedRequest
    key: str
    completion: dict[str, Any] | None = None  # answered from the cache, or collected


@dataclass
class _Pending:
    """An article waiting for the answers to its parts."""

    article: Article
    parts: list[_Part]


def _custom_id(item_id: str, position: tuple[int, int] | None) -> str:
    return item_id if position is None else f"{item_id}#part{position[0]}of{position[1]}"


def run_batch_api(
    items: Iterable[BatchItem],
    out: ResultFile,
    settings: Settings,
    *,
    summary: BatchSummary,
    options: BatchOptions,
    log: CallLog | None = None,
    policy: retry.RetryPolicy | None = None,
    on_result: OnResult | None = None,
    sleep: Callable[[float], None] | None = None,
) -> None:
    """Brief ``items`` through the Batch API, ``options.chunk_size`` requests per job."""
    job = _Job(
        settings, out, summary, options, log, policy or retry.RetryPolicy(), on_result, sleep
    )
    try:
        for chunk in _chunks(items, options.chunk_size):
            job.run(chunk)
        job.resume_rest()
    finally:
        job.close()


def _chunks(items: Iterable[BatchItem], size: int) -> Iterator[list[BatchItem]]:
    chunk: list[BatchItem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Job:
    def __init__(
        self,
        settings: Settings,
        out: ResultFile,
        summary: BatchSummary,
        options: BatchOptions,
        log: CallLog | None,
        policy: retry.RetryPolicy,
        on_result: OnResult | None,
        sleep: Callable[[float], None] | None,
    ) -> None:
        self.settings, self.out, self.summary, self.options = settings, out, summary, options
        self.log, self.policy, self.on_result, self.sleep = log, policy, on_result, sleep
        self.model = settings.resolved_model()
        self.endpoint = redact_url(settings.base_url or "https://api.openai.com/v1")
        self.ledger = JobLedger(out.path)
        # Jobs an earlier run created and never collected, and which of their
        # articles this run has read so far (to validate the answers against).
        self.unfinished: dict[str, InFlight] = {}
        self.owner: dict[str, str] = {}
        self.seen: dict[str, dict[str, _Pending]] = {}
        self.claimed: set[str] = set()  # the ids read so far for those jobs
        for flight in self.ledger.in_flight():
            flight.ids -= out.done
            if not flight.ids:
                self.ledger.finished(flight.batch_id)  # its lines were written before the crash
                continue
            self.unfinished[flight.batch_id] = flight
            self.seen[flight.batch_id] = {}
            self.owner.update(dict.fromkeys(flight.ids, flight.batch_id))
        self.shaper = RequestShaper(settings)
        self.client = openai.OpenAI(
            api_key=settings.api_key or "no-key-needed",
            base_url=settings.base_url,
            max_retries=0,  # the one retry policy is retry.call, below (file and job calls)
            timeout=settings.timeout,
        )

    def close(self) -> None:
        self.client.close()

    def _call(self, fn: Callable[[], Any]) -> Any:
        return retry.call(self.policy, retry.RetryCounter(), fn)

    def _download(self, file_id: str) -> Any:
        return self._call(lambda: self.client.files.content(file_id))

    def _emit(self, line: dict[str, Any]) -> None:
        line = writable(line)
        self.out.append(line)
        status: Status = "ok" if line["status"] == "ok" else "error"
        self.summary.count(status)
        if self.on_result is not None:
            self.on_result(status)

    def run(self, chunk: list[BatchItem]) -> None:
        pending: dict[str, _Pending] = {}
        for item in chunk:
            if item.id in self.out.done or item.id in pending or item.id in self.claimed:
                self.summary.count("skipped")
                if self.on_result is not None:
                    self.on_result("skipped")
                continue
            try:
                if item.url is not None and item.problem is None:
                    raise InputError("url inputs are fetched only with --via live")
                article = load_local(item)
                shaped = self.shaper.shape_parts(article)
            except SummarizerError as exc:
                self._emit(error_line(item.id, type(exc).__name__, str(exc)))
                continue
            except Exception as exc:  # one broken article must not sink the batch
                self._emit(error_line(item.id, "InternalError", f"{type(exc).__name__}: {exc}"))
                continue
            entry = _Pending(
                article,
                [
                    _Part(_custom_id(item.id, s.part.position), s, cache_key(s.url, s.body))
                    for s in shaped
                ],
            )
            if item.id in self.owner:
                self.seen[self.owner.pop(item.id)][item.id] = entry
                self.claimed.add(item.id)
                continue
            if self.log is not None and self.options.use_cache:
                for part in entry.parts:
                    cached = self.log.lookup(part.key)
                    if cached is not None:
                        part.completion = json.loads(cached)
                        self._log(part, 200, cached, cache_hit=True)
            if any(part.completion is None for part in entry.parts):
                pending[item.id] = entry
                continue
            self._emit(self._line(item.id, entry, 0.0))
        if pending:
            self._submit(pending)
        for flight in list(self.unfinished.values()):
            if flight.ids <= self.seen[flight.batch_id].keys():
                self._resume(flight)

    def resume_rest(self) -> None:
        """Collect the earlier jobs whose articles were not all in the inputs this time."""
        for flight in list(self.unfinished.values()):
            self._resume(flight)

    def _resume(self, flight: InFlight) -> None:
        del self.unfinished[flight.batch_id]
        entries = self.seen.pop(flight.batch_id)
        for lost in flight.ids - entries.keys():
            self.owner.pop(lost, None)  # not in this run's inputs: nothing to write
        try:
            batch = self._call(lambda: self.client.batches.retrieve(flight.batch_id))
        except openai.NotFoundError:
            # Gone (another endpoint, or deleted): brief its articles in a new job.
            self.ledger.finished(flight.batch_id)
            if entries:
                self._submit(entries)
            return
        self.summary.resumed_jobs += 1
        self._collect(batch, entries, time.perf_counter())

    def _submit(self, pending: dict[str, _Pending]) -> None:
        started = time.perf_counter()
        batch = self._create(pending)
        self.ledger.started(batch.id, self.endpoint, pending)
        self._collect(batch, pending, started)

    def _create(self, pending: dict[str, _Pending]) -> Any:
        with tempfile.TemporaryFile() as handle:
            for entry in pending.values():
                for part in entry.parts:
                    if part.completion is not None:
                        continue  # answered from the cache
                    line = {
                        "custom_id": part.custom_id,
                        "method": "POST",
                        "url": ENDPOINT,
                        "body": part.shaped.body,
                    }
                    handle.write(json.dumps(line, ensure_ascii=False).encode() + b"\n")

            def upload() -> Any:
                handle.seek(0)  # a retried upload sends the whole file again
                return self.client.files.create(
                    file=("summarizer-batch.jsonl", handle), purpose="batch"
                )

            uploaded = self._call(upload)
        return self._call(
            lambda: self.client.batches.create(
                input_file_id=uploaded.id,
                endpoint=ENDPOINT,
                completion_window="24h",
                metadata={"tool": "summarizer"},
            )
        )

    def _collect(self, batch: Any, pending: dict[str, _Pending], started: float) -> None:
        """Wait for ``batch``, then write a line for each of ``pending`` and mark it finished."""
        batch_id = batch.id
        while batch.status not in TERMINAL:
            (self.sleep or retry._sleep)(self.options.poll_interval)
            batch = self._call(lambda: self.client.batches.retrieve(batch_id))
        results: dict[str, dict[str, Any]] = {}
        unreadable = 0
        for file_id in (batch.output_file_id, batch.error_file_id):
            if file_id:
                for raw in self._download(file_id).content.splitlines():
                    if raw.strip():
                        result = _result_line(raw)
                        if result is None:
                            unreadable += 1
                        else:
                            results[result["custom_id"]] = result
        elapsed = time.perf_counter() - started
        for item_id, entry in pending.items():
            try:
                line = self._outcome(item_id, entry, results, batch, elapsed, unreadable)
            except SummarizerError as exc:
                line = error_line(item_id, type(exc).__name__, str(exc))
            except Exception as exc:  # one broken answer must not sink the batch
                line = error_line(item_id, "InternalError", f"{type(exc).__name__}: {exc}")
            self._emit(line)
        self.ledger.finished(batch_id)

    def _outcome(
        self,
        item_id: str,
        entry: _Pending,
        results: dict[str, dict[str, Any]],
        batch: Any,
        elapsed: float,
        unreadable: int = 0,
    ) -> dict[str, Any]:
        """The line for one article: its briefing, or why a part of it got no answer."""
        for part in entry.parts:
            if part.completion is None:
                failure = self._answer(part, results.get(part.custom_id), batch, unreadable)
                if failure is not None:
                    return error_line(item_id, "TransportError", failure)
        return self._line(item_id, entry, elapsed)

    def _answer(
        self, part: _Part, result: dict[str, Any] | None, batch: Any, unreadable: int = 0
    ) -> str | None:
        """Take ``part``'s answer from its result line; say why not when there is none."""
        position = part.shaped.part.position
        which = "it" if position is None else f"part {position[0]} of {position[1]}"
        if result is None:
            damaged = (
                f" ({unreadable} line(s) of the results could not be read)" if unreadable else ""
            )
            return f"batch {batch.id} ended {batch.status} with no result for {which}{damaged}"
        response = result.get("response")
        response = response if isinstance(response, dict) else {}
        status = response.get("status_code")
        body = response.get("body")
        if result.get("error") or status != 200 or not isinstance(body, dict):
            error = result.get("error")
            if not error and isinstance(body, dict):
                error = body.get("error")
            message = _failure(error)
            logged = json.dumps(body, ensure_ascii=False) if body is not None else None
            self._log(part, status if isinstance(status, int) else None, logged, error=message)
            return f"batch {batch.id} answered HTTP {status} for {which}: {message}"
        self._log(part, 200, json.dumps(body, ensure_ascii=False))
        part.completion = body
        return None

    def _log(
        self,
        part: _Part,
        status: int | None,
        response: str | None,
        *,
        cache_hit: bool = False,
        error: str | None = None,
    ) -> None:
        if self.log is not None:
            self.log.record(
                key=part.key,
                url=part.shaped.url,
                request=part.shaped.body,
                status=status,
                response=response,
                latency_s=None,
                attempt=1,
                cache_hit=cache_hit,
                error=error,
                via="batch-api",
            )

    def _line(self, item_id: str, entry: _Pending, elapsed: float) -> dict[str, Any]:
        """Validate every part's answer against its part, merge, and check the whole."""
        runs = []
        try:
            for part in entry.parts:
                assert part.completion is not None
                shaped = part.shaped
                briefing = validate_completion(
                    shaped.part.article, part.completion, self.settings, self.model
                )
                usage = part.completion.get("usage")
                stats = CallStats(
                    requests=1,
                    prompt_tokens=_count(usage, "prompt_tokens"),
                    completion_tokens=_count(usage, "completion_tokens"),
                )
                runs.append((shaped.prompt, briefing, stats))
            result = assemble(
                entry.article, runs, settings=self.settings, model=self.model, latency=elapsed
            )
        except SummarizerError as exc:
            return error_line(item_id, type(exc).__name__, str(exc))
        if self.log is not None:  # only an accepted answer may answer a later request
            self.log.accept_latest(*(part.key for part in entry.parts))
        return ok_line(item_id, result)


def _result_line(raw: bytes) -> dict[str, Any] | None:
    """One line of a Batch API results file, or None when it is not a usable one."""
    try:
        result = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(result, dict) or not isinstance(result.get("custom_id"), str):
        return None
    return result


def _failure(error: object) -> str:
    """What a failed result line says went wrong."""
    if isinstance(error, dict):
        return str(error.get("message") or error)
    return str(error) if error else "no usable answer"


def _count(usage: object, key: str) -> int:
    value = usage.get(key) if isinstance(usage, dict) else None
    return int(value) if isinstance(value, int | float) and value >= 0 else 0
