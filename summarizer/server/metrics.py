"""Prometheus metrics in the text exposition format, kept by hand (a few counters).

Requests are counted by route template (``/v1/briefings/{briefing_id}``, never
the id itself) and status; briefing latency is a histogram by engine; model
calls, tokens, cost and cache hits come from the call log's tally. Only
numbers and route names are written: no key, header, article or URL.
Each worker process keeps its own figures (scrape each, or run one worker).
"""

from __future__ import annotations

import bisect
import threading
from collections import Counter
from dataclasses import dataclass, field

from summarizer.llm.calllog import Tally

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


@dataclass
class _Histogram:
    counts: list[int] = field(default_factory=lambda: [0] * (len(LATENCY_BUCKETS) + 1))
    total: float = 0.0

    def observe(self, seconds: float) -> None:
        self.counts[bisect.bisect_left(LATENCY_BUCKETS, seconds)] += 1
        self.total += seconds


class Metrics:
    """The service's counters, safe to update from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: Counter[tuple[str, str, int]] = Counter()
        self._briefings: Counter[tuple[str, str]] = Counter()
        self._latency: dict[str, _Histogram] = {}
        self._in_flight = 0

    def request(self, route: str, method: str, status: int) -> None:
        """Count one answered request."""
        with self._lock:
            self._requests[(route, method, status)] += 1

    def briefing(self, engine: str, outcome: str, seconds: float) -> None:
        """Count one briefing made (``ok``) or failed (the error type) and its latency."""
        with self._lock:
            self._briefings[(engine, outcome)] += 1
            self._latency.setdefault(engine, _Histogram()).observe(seconds)

    def render(self, tally: Tally, in_flight: int) -> str:
        """Everything, in the Prometheus text format."""
        with self._lock:
            requests = sorted(self._requests.items())
            briefings = sorted(self._briefings.items())
            latency = {k: (list(v.counts), v.total) for k, v in sorted(self._latency.items())}
        out = [
            "# HELP summarizer_http_requests_total HTTP requests answered, by route and status.",
            "# TYPE summarizer_http_requests_total counter",
        ]
        for (route, method, status), n in requests:
            out.append(
                f'summarizer_http_requests_total{{route="{_label(route)}",method="{method}",'
                f'status="{status}"}} {n}'
            )
        out += [
            "# HELP summarizer_http_requests_in_flight Requests being answered now.",
            "# TYPE summarizer_http_requests_in_flight gauge",
            f"summarizer_http_requests_in_flight {in_flight}",
            "# HELP summarizer_briefings_total Briefings made, by engine and outcome.",
            "# TYPE summarizer_briefings_total counter",
        ]
        for (engine, outcome), n in briefings:
            out.append(
                f'summarizer_briefings_total{{engine="{engine}",outcome="{_label(outcome)}"}} {n}'
            )
        out += [
            "# HELP summarizer_briefing_seconds Time to brief one article, by engine.",
            "# TYPE summarizer_briefing_seconds histogram",
        ]
        for engine, (counts, total) in latency.items():
            running = 0
            for bound, n in zip([*LATENCY_BUCKETS, float("inf")], counts, strict=True):
                running += n
                le = "+Inf" if bound == float("inf") else repr(bound)
                out.append(
                    f'summarizer_briefing_seconds_bucket{{engine="{engine}",le="{le}"}} {running}'
                )
            out.append(f'summarizer_briefing_seconds_sum{{engine="{engine}"}} {total:.6f}')
            out.append(f'summarizer_briefing_seconds_count{{engine="{engine}"}} {running}')
        for name, kind, value, help_text in (
            ("model_calls_total", "counter", tally.http_calls, "Model requests sent."),
            (
                "model_cache_hits_total",
                "counter",
                tally.cache_hits,
                "Model requests answered from the call log.",
            ),
            ("model_prompt_tokens_total", "counter", tally.prompt_tokens, "Prompt tokens sent."),
            (
                "model_completion_tokens_total",
                "counter",
                tally.completion_tokens,
                "Completion tokens received.",
            ),
            (
                "model_cost_usd_total",
                "counter",
                round(tally.cost_usd, 6),
                "What the model calls cost, for priced models.",
            ),
        ):
            out += [
                f"# HELP summarizer_{name} {help_text}",
                f"# TYPE summarizer_{name} {kind}",
                f"summarizer_{name} {value}",
            ]
        return "\n".join(out) + "\n"
