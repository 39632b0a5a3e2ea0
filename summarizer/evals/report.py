"""Eval reports: the data (JSON), a terminal table, Markdown and one HTML page."""

from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table

from summarizer.evals.cases import MAIN_RUN, Case
from summarizer.evals.gold import GoldBriefing
from summarizer.evals.metrics import METRICS, CaseScore, Match, aggregate, to_jsonable
from summarizer.evals.recordings import MAIN, RECORDING_SETS, RecordingSet
from summarizer.evals.runner import Run
from summarizer.evals.setreport import HEADERS, NOTE, case_lines, rows
from summarizer.evals.setreport import notes as set_notes
from summarizer.evals.sets import SETS, SHORT, is_real_news
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
        recording_sets: Recording set name to case id to its replayed run, for the
            sets besides the main one (``summarizer.evals.recordings``).
    """

    engines: dict[str, dict[str, Scored]] = field(default_factory=dict)
    variants: dict[str, dict[str, Scored]] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    reference: dict[str, dict[str, Scored]] = field(default_factory=dict)
    recording_sets: dict[str, dict[str, Scored]] = field(default_factory=dict)

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
        for set_name, runs in self.recording_sets.items():
            for case_id, s in runs.items():
                # A refusal is what the model did, recorded on purpose; a run that
                # does not replay (stale, damaged) is a failure.
                if s.run.error and not s.run.refused:
                    found.append(f"{set_name} {case_id}: {s.run.error}")
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
        members = self.sets()
        engines: dict[str, Any] = {}
        for engine, runs in self.engines.items():
            engines[engine] = {
                "sets": {
                    name: _set_json({cid: s for cid, s in runs.items() if cid in ids})
                    for name, ids in members.items()
                },
                "totals": _totals(list(runs.values())),
                "cases": {
                    cid: {"set": self.cases[cid].eval_set} | _case_json(s)
                    for cid, s in sorted(runs.items())
                },
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
        data: dict[str, Any] = {
            "metrics": METRICS,
            "sets": members,
            "engines": engines,
            "variants": variants,
            "reference": reference,
            "recording_sets": self._recording_sets_json(),
        }
        if "llm" in self.engines:
            real = [cid for name in SETS if is_real_news(name) for cid in members[name]]
            recorded = sum(1 for cid in real if cid in self.engines["llm"])
            data["llm_real_news"] = {"recorded": recorded, "cases": len(real)}
        return data

    def _recording_sets_json(self) -> dict[str, Any]:
        """One row per recording set: the main set (the ``llm`` engine) and every other."""
        found: dict[str, Any] = {}
        for rset in RECORDING_SETS:
            if rset == MAIN:
                if "llm" in self.engines:
                    found[rset.name] = _recording_set_json(rset, self.engines["llm"])
                continue
            runs = self.recording_sets.get(rset.name)
            if runs:
                found[rset.name] = _recording_set_json(rset, runs) | {
                    "cases": {
                        cid: {"set": self.cases[cid].eval_set, "refused": s.run.refused}
                        | _case_json(s)
                        for cid, s in sorted(runs.items())
                    }
                }
        return found

    def sets(self) -> dict[str, list[str]]:
        """Set name to the ids of its cases (every set, in report order; no reference case)."""
        members: dict[str, list[str]] = {name: [] for name in SETS}
        for cid, case in sorted(self.cases.items()):
            if case.eval_set is not None:
                members[case.eval_set].append(cid)
        return members


def _totals(runs: list[Scored]) -> dict[str, Any]:
    return {
        "requests": sum(s.run.requests for s in runs),
        "reasks": sum(s.run.reasks for s in runs),
        "tokens": sum(s.run.tokens for s in runs),
        "cost_usd": _sum_known([s.run.cost_usd for s in runs]),
        "latency_s": round(sum(s.run.latency_s for s in runs), 3),
        "failed": sum(1 for s in runs if s.run.error),
    }


def _recording_set_json(rset: RecordingSet, runs: dict[str, Scored]) -> dict[str, Any]:
    """A recording set's row: how many briefings were accepted, refused (why), or failed.

    The metrics are aggregated over the accepted briefings only; a refused run is
    counted, with its reason, not scored as an empty briefing.
    """
    accepted = [s for s in runs.values() if not s.run.error]
    refused = [s for s in runs.values() if s.run.error and s.run.refused and rset.keeps_refused]
    failed = len(runs) - len(accepted) - len(refused)
    return {
        "title": rset.title,
        "answers": rset.answers,
        "model": rset.model,
        "summary": {
            "cases": len(runs),
            "accepted": len(accepted),
            "refused": len(refused),
            "failed": failed,
            "refusals": dict(sorted(Counter(str(s.run.refused) for s in refused).items())),
        },
        "aggregate": aggregate([s.score.metrics for s in accepted]),
    }


def _set_json(runs: dict[str, Scored]) -> dict[str, Any]:
    """One engine's scores over one set: aggregate, lead-k baseline and totals."""
    ok = [s for s in runs.values() if not s.run.error]
    lead = [s.score.lead_k_score for s in ok if s.score.lead_k_score is not None]
    ahead = [
        s
        for s in ok
        if s.score.lead_k_score is not None
        and (s.score.metrics.get("length_aware_keypoint_score") or 0.0) > s.score.lead_k_score
    ]
    return {
        "cases": len(runs),
        "aggregate": aggregate([s.score.metrics for s in ok]),
        "lead_k": {
            "length_aware_keypoint_score": sum(lead) / len(lead) if lead else None,
            "engine_ahead": len(ahead),
            "cases": len(lead),
        },
        "totals": _totals(list(runs.values())),
    }


def llm_coverage(data: dict[str, Any]) -> str | None:
    """The line saying how many real-news cases have an LLM recording (None: no LLM run)."""
    info = data.get("llm_real_news")
    if not info or not info["cases"]:
        return None
    return (
        f"LLM: recorded for {info['recorded']} of {info['cases']} real-news cases "
        "(hand-written answers are not expected for these)"
    )


def shown_sets(data: dict[str, Any]) -> list[str]:
    """The sets that have cases in this run, in report order."""
    return [name for name in SETS if data["sets"].get(name)]


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


LEAD_K_ROW = "  lead-k, same words"
TOTALS = ("requests", "reasks", "tokens", "cost_usd", "latency_s", "failed")


def set_rows(data: dict[str, Any], engine: str) -> list[tuple[str, list[str]]]:
    """One engine's per-set table as (row label, one cell per shown set) rows.

    Every metric, the lead-k baseline under the length-aware score, then the totals.
    """
    sets = [data["engines"][engine]["sets"][name] for name in shown_sets(data)]
    rows = []
    for name in METRICS:
        rows.append((name, [_fmt(s["aggregate"][name]) for s in sets]))
        if name == "length_aware_keypoint_score":
            rows.append(
                (LEAD_K_ROW, [_fmt(s["lead_k"]["length_aware_keypoint_score"]) for s in sets])
            )
    for total in TOTALS:
        rows.append((total, [str(s["totals"][total]) for s in sets]))
    return rows


def _set_header(data: dict[str, Any], name: str, engine: str, sep: str = " ") -> str:
    return f"{SHORT[name]}{sep}({data['engines'][engine]['sets'][name]['cases']})"


LEAD_K_NOTE = (
    "lead-k: the article's opening cut to as many words as the engine's briefing "
    "(headline, summary, key points), given the same length-aware score"
)


def lead_k_lines(data: dict[str, Any]) -> list[str]:
    """Per engine and set: the length-aware score against the lead-k baseline, in words."""
    lines = []
    for engine, d in data["engines"].items():
        for name in shown_sets(data):
            s = d["sets"][name]
            if not s["lead_k"]["cases"]:
                continue
            lines.append(
                f"{engine}, {name}: length-aware key-point score "
                f"{_fmt(s['aggregate']['length_aware_keypoint_score'])} vs lead-k "
                f"{_fmt(s['lead_k']['length_aware_keypoint_score'])}; ahead of lead-k in "
                f"{s['lead_k']['engine_ahead']} of {s['lead_k']['cases']} cases"
            )
    return [LEAD_K_NOTE, *lines] if lines else []


def terminal(report: EvalReport, console: Console) -> None:
    """Print one per-set table per engine, the lead-k comparison, failures and caught flaws."""
    data = report.to_json()
    for engine in data["engines"]:
        table = Table(title=f"summarizer eval: {engine}, aggregate per set (cases)")
        table.add_column("metric", no_wrap=True)
        for name in shown_sets(data):
            table.add_column(_set_header(data, name, engine, "\n"), justify="right")
        for label, cells in set_rows(data, engine):
            table.add_row(label, *cells)
        console.print(table)
    recordings = rows(data)
    if recordings:
        # One column per set (as the engines' tables have one per eval set): it fits
        # a narrow terminal however many sets there are.
        table = Table(title="summarizer eval: LLM recording sets", caption=NOTE)
        table.add_column(HEADERS[0], no_wrap=True)
        for row in recordings:
            table.add_column(row[0], justify="right")
        for i, header in enumerate(HEADERS[1:], start=1):
            table.add_row(header, *(row[i] for row in recordings))
        console.print(table)
    for line in set_notes(data) + case_lines(data):
        console.print(line, highlight=False)
    coverage = llm_coverage(data)
    if coverage:
        console.print(coverage, highlight=False)
    for line in lead_k_lines(data):
        console.print(line, highlight=False)
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
                f"violations {_fmt(m['must_not_contain_violations'])}, "
                f"length-aware {_fmt(m['length_aware_keypoint_score'])} "
                f"(lead-k {_fmt(c['lead_k']['length_aware_keypoint_score'])})",
                highlight=False,
            )
    for failure in report.failures():
        console.print(f"[red]FAILED[/red] {failure}")


# Per-case columns of the Markdown report: (header, metric).
CASE_COLUMNS = (
    ("kp recall", "keypoint_recall"),
    ("length-aware", "length_aware_keypoint_score"),
    ("stance recall", "stance_actor_recall"),
    ("figure recall", "figure_recall"),
    ("compression", "compression"),
    ("kp words", "mean_keypoint_words"),
    ("false disputes", "false_disputes"),
    ("unnamed actors", "unnamed_stance_actors"),
)


def markdown(report: EvalReport) -> str:
    """The report as Markdown (for a CI summary)."""
    data = report.to_json()
    lines = ["# summarizer eval"]
    for engine in data["engines"]:
        heads = [_set_header(data, name, engine) for name in shown_sets(data)]
        lines += ["", f"## {engine}, per set (cases)", ""]
        lines.append("| metric | " + " | ".join(heads) + " |")
        lines.append("| --- |" + " ---: |" * len(heads))
        for label, cells in set_rows(data, engine):
            lines.append(f"| {label.strip()} | " + " | ".join(cells) + " |")
    recordings = rows(data)
    if recordings:
        lines += ["", "## LLM recording sets", "", f"{NOTE}.", ""]
        lines.append("| " + " | ".join(HEADERS) + " |")
        lines.append("| --- |" + " ---: |" * (len(HEADERS) - 1))
        lines += ["| " + " | ".join(row) + " |" for row in recordings]
        lines += [""] + [f"- {line}" for line in set_notes(data) + case_lines(data)]
    coverage = llm_coverage(data)
    lead = lead_k_lines(data)
    if coverage or lead:
        lines.append("")
        lines += [f"- {line}" for line in ([coverage] if coverage else []) + lead]
    columns = " | ".join(h for h, _ in CASE_COLUMNS)
    lines += ["", "## Cases", "", f"| engine | set | case | {columns} | lead-k | status |"]
    lines.append("| --- | --- | --- |" + " ---: |" * (len(CASE_COLUMNS) + 1) + " --- |")
    for e in data["engines"]:
        for cid, c in data["engines"][e]["cases"].items():
            m = c["metrics"]
            row = " | ".join(_fmt(m[name]) for _, name in CASE_COLUMNS)
            lead_k = _fmt(c["lead_k"]["length_aware_keypoint_score"])
            status = c["error"] or "ok"
            lines.append(f"| {e} | {SHORT[c['set']]} | {cid} | {row} | {lead_k} | {status} |")
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
    """One self-contained HTML page: per-set tables, then per case gold and output side by side."""
    data = report.to_json()
    parts = [
        f"<!doctype html><meta charset=utf-8><title>summarizer eval</title><style>{_CSS}</style>"
    ]
    parts.append("<h1>summarizer eval</h1>")
    for engine in data["engines"]:
        parts.append(f"<h3>{html.escape(engine)}, per set (cases)</h3><table><tr><th>metric</th>")
        parts += [
            f"<th>{html.escape(_set_header(data, name, engine))}</th>" for name in shown_sets(data)
        ]
        parts.append("</tr>")
        for label, cells in set_rows(data, engine):
            row = "".join(f"<td>{html.escape(c)}</td>" for c in cells)
            parts.append(f"<tr><td>{html.escape(label.strip())}</td>{row}</tr>")
        parts.append("</table>")
    recordings = rows(data)
    if recordings:
        parts.append("<h3>LLM recording sets</h3><table><tr>")
        parts += [f"<th>{html.escape(h)}</th>" for h in HEADERS]
        parts.append("</tr>")
        for cells in recordings:
            parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        parts.append(f"</table><p><small>{html.escape(NOTE)}</small></p><ul>")
        parts += [f"<li>{html.escape(line)}</li>" for line in set_notes(data) + case_lines(data)]
        parts.append("</ul>")
    notes = ([llm_coverage(data)] if llm_coverage(data) else []) + lead_k_lines(data)
    if notes:
        parts.append("<ul>" + "".join(f"<li>{html.escape(str(n))}</li>" for n in notes) + "</ul>")
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
    for group in (report.engines, report.recording_sets, report.reference):
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
    where = SHORT[case.eval_set] if case.eval_set else "reference"
    head = (
        f"<h2>{html.escape(case.id)} <small>{engine} · {where} · "
        f"{html.escape(', '.join(g.tags))}</small></h2>"
    )
    if s.run.briefing is None:
        return head + f'<p class="miss">{html.escape(s.run.error or "no briefing")}</p>'
    b = s.run.briefing
    sc = s.score
    gold_col = _column("Gold", g, sc, gold=True)
    out_col = _column("Output", b, sc, gold=False)
    m = sc.metrics
    numbers = (
        f"<p><small>length-aware key-point score {_fmt(m['length_aware_keypoint_score'])} "
        f"(lead-k {_fmt(sc.lead_k_score)}), compression {_fmt(m['compression'])} "
        f"({sc.briefing_words} words), {_fmt(m['mean_keypoint_words'])} words per key point"
        "</small></p>"
    )
    flags = ""
    if (
        sc.violations
        or sc.invented_numbers
        or sc.ungrounded
        or sc.false_disputes
        or sc.unnamed_actors
    ):
        flags = (
            f'<p class="miss">must_not_contain: {html.escape(", ".join(sc.violations) or "none")}; '
            f"invented numbers: {html.escape(', '.join(sc.invented_numbers) or 'none')}; "
            f"ungrounded quotes: {len(sc.ungrounded)}; "
            f"false disputes: {html.escape(', '.join(sc.false_disputes) or 'none')}; "
            f"stance actors the article does not name: "
            f"{html.escape(', '.join(sc.unnamed_actors) or 'none')}</p>"
        )
    return (
        head
        + numbers
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
    "llm_coverage",
    "markdown",
    "scored",
    "set_rows",
    "terminal",
    "to_json_text",
]
