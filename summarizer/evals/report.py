"""Eval reports: the data (JSON), a terminal table, Markdown and one HTML page."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table

from summarizer.evals.cases import MAIN_RUN, Case
from summarizer.evals.gold import GoldBriefing
from summarizer.evals.metrics import METRICS, CaseScore, Match, aggregate, to_jsonable
from summarizer.evals.runner import Run
from summarizer.models import Briefing

# What each kind of flawed variant must move, and which way, for the flaw to count as caught.
VARIANT_SIGNALS: dict[str, tuple[str, ...]] = {
    "invented_quote": ("reasks",),
    "misattributed_stance": ("position_agreement", "stance_actor_recall", "stance_actor_precision"),
    "altered_figure": ("figure_recall", "claimed_by_accuracy", "disputed_by_accuracy"),
    "missed_figure": ("figure_recall",),
    "obeys_injection": ("injection_followed", "must_not_contain_violations", "invented_numbers"),
}


@dataclass
class Scored:
    """A run and its score."""

    run: Run
    score: CaseScore


@dataclass
class EvalReport:
    """Everything one eval produced.

    Attributes:
        engines: Engine name to case id to the main run's score.
        variants: Case id to variant name to its score.
        cases: The cases, by id.
        reference: Engine name to reference case id to its score (outside the
            aggregates: the article is not part of the repository).
    """

    engines: dict[str, dict[str, Scored]] = field(default_factory=dict)
    variants: dict[str, dict[str, Scored]] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    reference: dict[str, dict[str, Scored]] = field(default_factory=dict)

    def failures(self) -> list[str]:
        """Runs that did not produce a briefing (stale, not recorded, errors)."""
        found = []
        for engine, runs in self.engines.items():
            for case_id, s in runs.items():
                if s.run.error:
                    found.append(f"{engine} {case_id}: {s.run.error}")
        for case_id, runs in self.variants.items():
            for name, s in runs.items():
                # A flawed run may end in a typed error (rejected): that is a catch,
                # unless the recording itself is missing or stale.
                if s.run.stale or (s.run.error or "").startswith("not recorded"):
                    found.append(f"llm {case_id}/{name}: {s.run.error}")
        return found

    def caught(self, case_id: str, name: str) -> list[str]:
        """The signals by which variant ``name`` of ``case_id`` is worse than the clean run."""
        clean = self.engines.get("llm", {}).get(case_id)
        flawed = self.variants[case_id][name]
        if clean is None:
            return []
        if flawed.run.stale or (flawed.run.error or "").startswith("not recorded"):
            return []
        if flawed.run.error:
            return [f"rejected ({flawed.run.error})"]
        moved = []
        for signal in VARIANT_SIGNALS.get(name, tuple(METRICS)):
            if signal == "reasks":
                if flawed.run.reasks > clean.run.reasks:
                    moved.append(f"reasks {clean.run.reasks}->{flawed.run.reasks}")
                continue
            a, b = clean.score.metrics.get(signal), flawed.score.metrics.get(signal)
            if a is None or b is None:
                continue
            worse = b < a if METRICS[signal] == "higher" else b > a
            if worse:
                moved.append(f"{signal} {a:.2f}->{b:.2f}")
        return moved

    def to_json(self) -> dict[str, Any]:
        """The report as plain data (the format of the committed baseline)."""
        engines: dict[str, Any] = {}
        for engine, runs in self.engines.items():
            engines[engine] = {
                "aggregate": aggregate([s.score.metrics for s in runs.values() if not s.run.error]),
                "totals": {
                    "requests": sum(s.run.requests for s in runs.values()),
                    "reasks": sum(s.run.reasks for s in runs.values()),
                    "tokens": sum(s.run.tokens for s in runs.values()),
                    "cost_usd": _sum_known([s.run.cost_usd for s in runs.values()]),
                    "latency_s": round(sum(s.run.latency_s for s in runs.values()), 3),
                    "failed": sum(1 for s in runs.values() if s.run.error),
                },
                "cases": {cid: _case_json(s) for cid, s in sorted(runs.items())},
            }
        variants = {
            cid: {
                name: _case_json(s)
                | {"flaw": self.cases[cid].variants[name].flaw, "caught_by": self.caught(cid, name)}
                for name, s in sorted(runs.items())
            }
            for cid, runs in sorted(self.variants.items())
        }
        reference = {
            engine: {cid: _case_json(s) for cid, s in sorted(runs.items())}
            for engine, runs in self.reference.items()
        }
        return {
            "metrics": METRICS,
            "engines": engines,
            "variants": variants,
            "reference": reference,
        }


def _sum_known(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(sum(known), 6) if known else None


def _case_json(s: Scored) -> dict[str, Any]:
    data = to_jsonable(s.score)
    data |= {
        "error": s.run.error,
        "stale": list(s.run.stale) if s.run.stale else None,
        "requests": s.run.requests,
        "reasks": s.run.reasks,
        "tokens": s.run.tokens,
        "latency_s": round(s.run.latency_s, 4),
    }
    return data


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def terminal(report: EvalReport, console: Console) -> None:
    """Print the aggregate table, failures and caught flaws."""
    data = report.to_json()
    table = Table(title="summarizer eval: aggregate over cases")
    table.add_column("metric")
    engines = list(data["engines"])
    for engine in engines:
        table.add_column(engine, justify="right")
    for name in METRICS:
        table.add_row(name, *[_fmt(data["engines"][e]["aggregate"][name]) for e in engines])
    for total in ("requests", "reasks", "tokens", "cost_usd", "latency_s", "failed"):
        table.add_row(total, *[str(data["engines"][e]["totals"][total]) for e in engines])
    console.print(table)
    for case_id, runs in data["variants"].items():
        for name, v in runs.items():
            caught = ", ".join(v["caught_by"]) or "[red]NOT CAUGHT[/red]"
            console.print(f"flawed run {case_id}/{name} caught by {caught}", highlight=False)
    for engine, runs in data["reference"].items():
        for case_id, c in runs.items():
            m = c["metrics"]
            console.print(
                f"reference case {case_id} ({engine}, not in the aggregates): "
                f"key points {_fmt(m['keypoint_recall'])}, "
                f"stances {_fmt(m['stance_actor_recall'])}, "
                f"figures {_fmt(m['figure_recall'])}, claimed_by {_fmt(m['claimed_by_accuracy'])}, "
                f"violations {_fmt(m['must_not_contain_violations'])}",
                highlight=False,
            )
    for failure in report.failures():
        console.print(f"[red]FAILED[/red] {failure}")


def markdown(report: EvalReport) -> str:
    """The report as Markdown (for a CI summary)."""
    data = report.to_json()
    engines = list(data["engines"])
    lines = ["# summarizer eval", "", "| metric | " + " | ".join(engines) + " |"]
    lines.append("| --- |" + " ---: |" * len(engines))
    for name in METRICS:
        row = [_fmt(data["engines"][e]["aggregate"][name]) for e in engines]
        lines.append(f"| {name} | " + " | ".join(row) + " |")
    lines += [
        "",
        "## Cases",
        "",
        "| engine | case | kp recall | stance recall | figure recall | status |",
    ]
    lines.append("| --- | --- | ---: | ---: | ---: | --- |")
    for e in engines:
        for cid, c in data["engines"][e]["cases"].items():
            m = c["metrics"]
            status = c["error"] or "ok"
            lines.append(
                f"| {e} | {cid} | {_fmt(m['keypoint_recall'])} | {_fmt(m['stance_actor_recall'])} "
                f"| {_fmt(m['figure_recall'])} | {status} |"
            )
    lines += ["", "## Flawed runs", ""]
    for cid, runs in data["variants"].items():
        for name, v in runs.items():
            lines.append(
                f"- **{cid}/{name}**: {v['flaw']} — caught by "
                + (", ".join(v["caught_by"]) or "NOTHING")
            )
    return "\n".join(lines) + "\n"


def to_json_text(report: EvalReport) -> str:
    """The report as indented JSON."""
    return json.dumps(report.to_json(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.box{border:1px solid #ddd;padding:.5em 1em}
.ok{background:#e6f6e6}.miss{background:#fde2e2}.extra{background:#fff1d6}
h2{margin-top:2em;border-top:2px solid #444;padding-top:.5em}small{color:#666}
"""


def _items(title: str, texts: list[str], matched: set[int], other: str) -> str:
    rows = []
    for i, text in enumerate(texts):
        css = "ok" if i in matched else other
        mark = "matched" if i in matched else ("missed" if other == "miss" else "unmatched")
        rows.append(f'<li class="{css}">{html.escape(text)} <small>({mark})</small></li>')
    return f"<h4>{title}</h4><ul>{''.join(rows) or '<li><small>none</small></li>'}</ul>"


def html_page(report: EvalReport) -> str:
    """One self-contained HTML page: per case, gold and output side by side."""
    data = report.to_json()
    parts = [
        f"<!doctype html><meta charset=utf-8><title>summarizer eval</title><style>{_CSS}</style>"
    ]
    parts.append("<h1>summarizer eval</h1><table><tr><th>metric</th>")
    parts += [f"<th>{html.escape(e)}</th>" for e in data["engines"]]
    parts.append("</tr>")
    for name in METRICS:
        cells = "".join(f"<td>{_fmt(d['aggregate'][name])}</td>" for d in data["engines"].values())
        parts.append(f"<tr><td>{name}</td>{cells}</tr>")
    parts.append("</table>")
    if data["variants"]:
        parts.append(
            "<h2>Flawed runs</h2><table><tr><th>run</th><th>flaw</th><th>caught by</th></tr>"
        )
        for case_id, runs in data["variants"].items():
            for name, v in runs.items():
                caught = ", ".join(v["caught_by"])
                css = "ok" if caught else "miss"
                parts.append(
                    f"<tr><td>{html.escape(case_id)}/{html.escape(name)}</td>"
                    f"<td>{html.escape(v['flaw'])}</td>"
                    f'<td class="{css}">{html.escape(caught or "NOT CAUGHT")}</td></tr>'
                )
        parts.append("</table>")
    for group in (report.engines, report.reference):
        for engine, runs in group.items():
            for case_id, s in sorted(runs.items()):
                parts.append(_case_html(report.cases[case_id], engine, s))
    return "".join(parts) + "\n"


def _column(title: str, b: GoldBriefing | Briefing, sc: CaseScore, *, gold: bool) -> str:
    """One side of a case: gold items marked matched or missed, output items matched or extra."""

    def side(matches: list[Match]) -> set[int]:
        return {m.gold if gold else m.predicted for m in matches}

    other = "miss" if gold else "extra"
    return (
        f"<h3>{title}</h3><p>{html.escape(b.headline)}</p>"
        + _items("Key points", [k.text for k in b.key_points], side(sc.keypoint_matches), other)
        + _items(
            "Stances",
            [f"{x.actor}: {x.position}" for x in b.stances],
            side(sc.stance_matches),
            other,
        )
        + _items(
            "Disputed figures",
            [f"{f.figure} ({f.claimed_by})" for f in b.disputed_figures],
            side(sc.figure_matches),
            other,
        )
    )


def _case_html(case: Case, engine: str, s: Scored) -> str:
    g = case.gold
    head = f"<h2>{html.escape(case.id)} <small>{engine} · {', '.join(g.tags)}</small></h2>"
    if s.run.briefing is None:
        return head + f'<p class="miss">{html.escape(s.run.error or "no briefing")}</p>'
    b = s.run.briefing
    sc = s.score
    gold_col = _column("Gold", g, sc, gold=True)
    out_col = _column("Output", b, sc, gold=False)
    flags = ""
    if sc.violations or sc.invented_numbers or sc.ungrounded:
        flags = (
            f'<p class="miss">must_not_contain: {html.escape(", ".join(sc.violations) or "none")}; '
            f"invented numbers: {html.escape(', '.join(sc.invented_numbers) or 'none')}; "
            f"ungrounded quotes: {len(sc.ungrounded)}</p>"
        )
    return (
        head
        + flags
        + f'<div class="grid"><div class="box">{gold_col}</div>'
        + f'<div class="box">{out_col}</div></div>'
    )


def scored(run: Run, case: Case) -> Scored:
    """Score a run against its case's gold."""
    from summarizer.evals.metrics import score_case

    score = score_case(
        case.gold, run.briefing, case.article.text, injection="injection" in case.gold.tags
    )
    return Scored(run, score)


__all__ = [
    "MAIN_RUN",
    "EvalReport",
    "Scored",
    "html_page",
    "markdown",
    "scored",
    "terminal",
    "to_json_text",
]
