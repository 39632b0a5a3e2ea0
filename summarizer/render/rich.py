"""Rendering a briefing for a terminal with rich: headline, key points, tables.

Text from the article and the model is wrapped in ``rich.text.Text`` (never
parsed as markup, so ``[bold]`` in an article stays literal) and stripped of
control characters, so an article cannot move the cursor or recolour the
terminal with escape sequences (see ``summarizer.render.safe``).
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from summarizer.render.safe import printable
from summarizer.render.text import quotes_itself
from summarizer.results import BriefingResult

__all__ = ["briefing_renderable", "print_rich"]


def _t(text: str, style: str = "") -> Text:
    return Text(printable(text), style=style)


def _quotes(evidence: list[str]) -> list[RenderableType]:
    if not evidence:
        return []
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    for quote in evidence:
        grid.add_row(Text("▸", style="dim"), _t(f"“{quote}”", "italic dim"))
    return [grid]


def _key_points(result: BriefingResult) -> list[RenderableType]:
    parts: list[RenderableType] = [Text("KEY POINTS", style="bold cyan")]
    for i, point in enumerate(result.briefing.key_points, 1):
        if quotes_itself(point.text, point.evidence):
            body = Group(_t(point.text), _t("▸ (the article's own words)", "dim"))
        else:
            body = Group(_t(point.text), *_quotes(point.evidence))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", style="bold", width=3, no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(f"{i}.", body)
        parts.append(grid)
    return parts


def _stances(result: BriefingResult) -> RenderableType:
    stances = result.briefing.stances
    if not stances:
        return Group(
            Text("STANCES", style="bold cyan"), _t("(the article reports no positions)", "dim")
        )
    table = Table(
        title="STANCES",
        title_style="bold cyan",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        expand=True,
    )
    table.add_column("Actor", style="bold", ratio=2)
    table.add_column("Topic", ratio=2)
    table.add_column("Position", ratio=5)
    for s in stances:
        actor = _t(s.actor, "bold")
        if s.role:
            actor.append("\n")
            actor.append(_t(s.role, "dim"))
        table.add_row(actor, _t(s.topic), Group(_t(s.position), *_quotes(s.evidence)))
    return table


def _figures(result: BriefingResult) -> RenderableType:
    figures = result.briefing.disputed_figures
    if not figures:
        return Group(
            Text("DISPUTED FIGURES", style="bold cyan"),
            _t("(no contested numbers in the article)", "dim"),
        )
    table = Table(
        title="DISPUTED FIGURES",
        title_style="bold cyan",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        expand=True,
    )
    table.add_column("Figure", style="bold yellow", ratio=2)
    table.add_column("Claimed by", ratio=2)
    table.add_column("", width=2, no_wrap=True)
    table.add_column("Disputed by", ratio=5)
    for f in figures:
        figure = Group(_t(f.figure, "bold yellow"), _t(f.measure, "dim"))
        disputed: list[RenderableType] = [
            _t(", ".join(f.disputed_by) if f.disputed_by else "not contested in the article")
        ]
        if f.counter_claim:
            disputed.append(_t(f"counter-claim: {f.counter_claim}", "dim"))
        disputed.extend(_quotes(f.evidence))
        table.add_row(figure, _t(f.claimed_by), Text("vs", style="dim"), Group(*disputed))
    return table


def briefing_renderable(result: BriefingResult) -> RenderableType:
    """The whole briefing as one rich renderable."""
    from summarizer.render.text import provenance_line

    b = result.briefing
    s = result.source
    meta = " · ".join(x for x in (s.outlet, s.byline and f"by {s.byline}", s.published) if x)
    header: list[RenderableType] = [_t(b.headline, "bold")]
    if meta:
        header.append(_t(meta, "dim"))
    return Group(
        *header,
        Text(""),
        _t(b.summary),
        Text(""),
        *_key_points(result),
        Text(""),
        _stances(result),
        _figures(result),
        Rule(style="dim"),
        Padding(_t(f"{s.source} · {provenance_line(result.provenance)}", "dim"), (0, 0)),
    )


def print_rich(result: BriefingResult, console: Console | None = None) -> None:
    """Print the briefing on ``console`` (default: a console on stdout)."""
    (console or Console()).print(briefing_renderable(result))
