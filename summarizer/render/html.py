"""Rendering a briefing as one self-contained HTML page, the article beside it.

Every evidence quote is highlighted in the article as ``<mark id="q-N">`` and
linked (``href="#q-N"``) from each item it supports; the same quote cited by two
items is one highlight with two links. A quote that elides words with ``...``
is highlighted part by part, and the id sits on its first part. Everything that
came from the article or the model is HTML-escaped, and the page's Content
Security Policy forbids scripts and outside resources, so a ``<script>`` in an
article is shown as text and never runs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from summarizer.checks.quotespans import NormalisedText, Span, locate
from summarizer.render.safe import printable
from summarizer.results import BriefingResult

__all__ = ["to_html"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")

_CSS = """
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d9dde5;
  --mark: #fff1a8; --mark-hot: #ffc94d; --accent: #1f5fbf; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
  color: var(--ink); background: #f6f7f9; }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0;
  min-height: 100vh; }
main > section { padding: 28px 36px; }
#article { background: #fff; border-right: 1px solid var(--line); }
#article p { white-space: pre-line; margin: 0 0 1em; }
#briefing h1 { font-size: 1.45rem; line-height: 1.3; margin: 0 0 .6em; }
h2 { font-size: .8rem; letter-spacing: .08em; text-transform: uppercase; color: var(--muted);
  margin: 1.8em 0 .6em; }
#article h2 { margin-top: 0; }
.source { color: var(--muted); font-size: .9rem; margin: 0 0 1.2em; }
.summary { font-size: 1.02rem; }
ol.points { padding-left: 1.4em; }
ol.points > li { margin-bottom: .9em; }
.evidence { list-style: none; padding: 0; margin: .3em 0 0; }
.evidence li { margin: .2em 0; font-size: .9rem; color: var(--muted); }
.evidence a { color: var(--accent); text-decoration: none; border-bottom: 1px dotted; }
.evidence a::after { content: "\\201D"; }
.evidence .unlocated { font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px;
  border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; font-size: .8rem; }
.role { color: var(--muted); font-size: .85rem; }
.figure { font-weight: 700; white-space: nowrap; }
.versus { color: var(--muted); font-size: .85rem; }
.none { color: var(--muted); font-style: italic; }
mark { background: var(--mark); color: inherit; border-radius: 2px; padding: 0 1px; }
mark mark { background: var(--mark-hot); }
mark[id]::before { content: attr(data-quote); font-size: .68em; font-weight: 700;
  vertical-align: super; color: var(--accent); margin-right: 2px; }
.evidence a::before { content: "[" attr(data-quote) "] \\201C"; }
mark:target { outline: 2px solid var(--accent); background: var(--mark-hot); }
footer { grid-column: 1 / -1; color: var(--muted); font-size: .8rem; padding: 12px 36px;
  border-top: 1px solid var(--line); }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"


def _e(text: str) -> str:
    return html.escape(printable(text), quote=True)


@dataclass
class _Quotes:
    """Evidence quotes, numbered in the order they occur in the article.

    Quotes found at the same place are one quote, whoever cites them.
    """

    article: NormalisedText
    found: dict[str, tuple[Span, ...] | None] = field(default_factory=dict)
    cited_by: dict[tuple[Span, ...], list[str]] = field(default_factory=dict)
    numbers: dict[tuple[Span, ...], int] = field(default_factory=dict)

    def cite(self, quote: str, item: str) -> None:
        """Record that ``item`` cites ``quote`` (before numbering)."""
        if quote not in self.found:
            spans = locate(self.article, quote)
            self.found[quote] = tuple(spans) if spans else None
        key = self.found[quote]
        if key is not None:
            self.cited_by.setdefault(key, []).append(item)

    def number_all(self) -> None:
        """Number the quotes by where they start in the article."""
        ordered = sorted(self.cited_by, key=lambda k: (k[0][0], -k[-1][1]))
        self.numbers = {key: n for n, key in enumerate(ordered, 1)}

    def number(self, quote: str) -> int | None:
        key = self.found.get(quote)
        return self.numbers.get(key) if key is not None else None

    def spans(self) -> dict[int, tuple[Span, ...]]:
        return {n: key for key, n in self.numbers.items()}

    def citations(self, n: int) -> list[str]:
        return next((self.cited_by[k] for k, m in self.numbers.items() if m == n), [])


def _items(result: BriefingResult) -> Iterator[tuple[str, Sequence[str]]]:
    b = result.briefing
    for i, point in enumerate(b.key_points, 1):
        yield f"key point {i}", point.evidence
    for i, stance in enumerate(b.stances, 1):
        yield f"stance {i}", stance.evidence
    for i, figure in enumerate(b.disputed_figures, 1):
        yield f"disputed figure {i}", figure.evidence


@dataclass(frozen=True)
class _Piece:
    """One highlighted stretch: part ``part`` of quote ``n``."""

    n: int
    part: int
    start: int
    end: int


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for found in _PARAGRAPH_BREAK.finditer(text):
        yield start, found.start()
        start = found.end()
    yield start, len(text)


def _marked_article(text: str, quotes: _Quotes) -> str:
    pieces = [
        _Piece(n, part, start, end)
        for n, spans in quotes.spans().items()
        for part, (start, end) in enumerate(spans)
    ]
    given_ids: set[int] = set()
    out = []
    for p_start, p_end in _paragraphs(text):
        if text[p_start:p_end].strip():
            body = _mark_range(text, p_start, p_end, pieces, quotes, given_ids)
            out.append(f"<p>{body}</p>")
    return "\n".join(out)


def _mark_range(
    text: str,
    start: int,
    end: int,
    pieces: Sequence[_Piece],
    quotes: _Quotes,
    given_ids: set[int],
) -> str:
    """Escape ``text[start:end]`` with its pieces wrapped in (possibly nested) marks.

    The text is cut at every piece boundary; each cut carries the marks that
    cover it, outermost first. Marks still wanted by the next cut stay open, so
    a quote inside another nests; a quote that overlaps another's end is closed
    there and reopened (without its id) to keep the HTML well formed.
    """
    inside = [p for p in pieces if p.start < end and p.end > start]
    cuts = sorted(
        {start, end} | {max(p.start, start) for p in inside} | {min(p.end, end) for p in inside}
    )
    out: list[str] = []
    stack: list[_Piece] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        wanted = sorted(
            (p for p in inside if p.start <= a and p.end >= b),
            key=lambda p: (p.start, -p.end, p.n, p.part),
        )
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] == wanted[keep]:
            keep += 1
        out.extend("</mark>" for _ in stack[keep:])
        for piece in wanted[keep:]:
            out.append(_open_mark(piece, quotes, given_ids))
        stack = wanted
        out.append(_e(text[a:b]))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _open_mark(piece: _Piece, quotes: _Quotes, given_ids: set[int]) -> str:
    ident = ""
    if piece.part == 0 and piece.n not in given_ids:
        given_ids.add(piece.n)
        ident = f' id="q-{piece.n}"'
    title = "evidence for " + ", ".join(quotes.citations(piece.n))
    return f'<mark{ident} class="q q-{piece.n}" data-quote="{piece.n}" title="{_e(title)}">'


def _evidence(quotes: _Quotes, evidence: Sequence[str]) -> str:
    rows = []
    for quote in evidence:
        n = quotes.number(quote)
        if n is None:
            rows.append(f'<li><span class="unlocated">{_e(quote)}</span></li>')
        else:
            rows.append(f'<li><a href="#q-{n}" data-quote="{n}">{_e(quote)}</a></li>')
    return f'<ul class="evidence">{"".join(rows)}</ul>'


def _source_line(result: BriefingResult) -> str:
    s = result.source
    parts = [_e(x) for x in (s.outlet, s.byline and f"by {s.byline}", s.published) if x]
    scheme = urlsplit(s.source).scheme.lower()
    if scheme in ("http", "https"):
        parts.append(f'<a href="{_e(s.source)}" rel="noreferrer noopener">{_e(s.source)}</a>')
    else:
        parts.append(_e(s.source))
    return " · ".join(parts)


def _briefing(result: BriefingResult, quotes: _Quotes) -> str:
    b = result.briefing
    out = [
        f"<h1>{_e(b.headline)}</h1>",
        f'<p class="source">{_source_line(result)}</p>',
        f'<p class="summary">{_e(b.summary)}</p>',
        "<h2>Key points</h2>",
        '<ol class="points">',
    ]
    for i, point in enumerate(b.key_points, 1):
        ev = _evidence(quotes, point.evidence)
        out.append(f'<li id="kp-{i}">{_e(point.text)}{ev}</li>')
    out += ["</ol>", "<h2>Stances</h2>"]
    if not b.stances:
        out.append('<p class="none">The article reports no positions.</p>')
    else:
        out.append("<table><tr><th>Actor</th><th>Topic</th><th>Position</th></tr>")
        for i, s in enumerate(b.stances, 1):
            role = f'<div class="role">{_e(s.role)}</div>' if s.role else ""
            ev = _evidence(quotes, s.evidence)
            out.append(
                f'<tr id="stance-{i}"><td>{_e(s.actor)}{role}</td><td>{_e(s.topic)}</td>'
                f"<td>{_e(s.position)}{ev}</td></tr>"
            )
        out.append("</table>")
    out.append("<h2>Disputed figures</h2>")
    if not b.disputed_figures:
        out.append('<p class="none">No contested numbers in the article.</p>')
    else:
        out.append("<table><tr><th>Figure</th><th>Claimed by</th><th>Disputed by</th></tr>")
        for i, f in enumerate(b.disputed_figures, 1):
            disputants = ", ".join(f.disputed_by) or "not contested in the article"
            counter = (
                f'<div class="versus">counter-claim: {_e(f.counter_claim)}</div>'
                if f.counter_claim
                else ""
            )
            ev = _evidence(quotes, f.evidence)
            out.append(
                f'<tr id="figure-{i}"><td><span class="figure">{_e(f.figure)}</span>'
                f'<div class="versus">{_e(f.measure)}</div></td>'
                f"<td>{_e(f.claimed_by)}</td><td>{_e(disputants)}{counter}{ev}</td></tr>"
            )
        out.append("</table>")
    return "\n".join(out)


def to_html(result: BriefingResult, article_text: str) -> str:
    """One self-contained HTML page: the article with its quotes marked, and the briefing.

    Args:
        result: The briefing.
        article_text: The clean article text the briefing was made from (the
            text its quotes were checked against).
    """
    from summarizer.render.text import provenance_line

    quotes = _Quotes(NormalisedText.of(article_text))
    for item, evidence in _items(result):
        for quote in evidence:
            quotes.cite(quote, item)
    quotes.number_all()
    briefing = _briefing(result, quotes)
    article = _marked_article(article_text, quotes)
    title = result.source.title or result.briefing.headline
    footer = f"{_e(result.source.source)} · {_e(provenance_line(result.provenance))}"
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Briefing: {_e(title)}</title>\n"
        f"<style>{_CSS}</style></head>\n"
        "<body><main>\n"
        f'<section id="article"><h2>The article</h2>\n{article}\n</section>\n'
        f'<section id="briefing">\n{briefing}\n</section>\n'
        f"<footer>{footer}</footer>\n"
        "</main></body></html>\n"
    )
