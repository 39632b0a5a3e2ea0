"""Rendering a briefing as plain text, Markdown, JSON or HTML.

``render_briefing`` picks the renderer for a format. The terminal rendering
(rich, for ``text`` on a TTY) is in ``summarizer.render.rich``, the HTML page
in ``summarizer.render.html``.

Every string shown came from an article or a model. Plain text and Markdown drop
terminal control codes (``summarizer.render.safe``); JSON escapes them. In
Markdown each item is one line of literal text: line breaks are collapsed,
Markdown punctuation is backslash-escaped, a leading ``-``, ``+``, ``=`` or
``1.`` cannot start a list or a rule, ``|`` cannot split a table cell, and URLs,
``www.`` names, bare domains and e-mail addresses are shown as code, which no
renderer turns into a link.
"""

from __future__ import annotations

import json
import re
import textwrap
from typing import Literal

from summarizer.checks.grounding import normalise
from summarizer.models import Briefing
from summarizer.render.safe import escape_json, printable
from summarizer.results import BriefingResult, Provenance

Format = Literal["text", "markdown", "json", "html"]

_WIDTH = 88


def _wrap(text: str, indent: str, first: str | None = None) -> str:
    return textwrap.fill(
        printable(text),
        width=_WIDTH,
        initial_indent=first if first is not None else indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def provenance_line(p: Provenance) -> str:
    """One line saying how the briefing was made."""
    if p.engine == "extractive":
        return f"engine: extractive (offline rules) · {p.latency_s * 1000:.0f} ms"
    parts = [
        f"engine: llm · model: {p.model} ({p.endpoint_kind}, mode {p.mode})",
        f"prompt: {p.prompt_template} v{p.prompt_version} #{(p.prompt_hash or '')[:12]}",
        f"{p.requests} request(s), {p.reasks} re-ask(s), {p.transport_retries} retry(ies)",
        f"{p.total_tokens} tokens · {p.latency_s:.2f} s",
    ]
    return " · ".join(parts)


def _figure_line(claimed_by: str, disputed_by: list[str]) -> str:
    if disputed_by:
        return f"claimed by {claimed_by}; disputed by {', '.join(disputed_by)}"
    return f"claimed by {claimed_by}; not contested in the article"


def quotes_itself(text: str, evidence: list[str]) -> bool:
    """True when a point is its quotes, in order (the extractive engine's points are).

    Such a point is shown once, marked as the article's own words, rather than
    printed again quote by quote.
    """
    return bool(evidence) and normalise(" ".join(evidence)) == normalise(text)


def to_text(result: BriefingResult) -> str:
    """Plain text for a terminal or a pipe."""
    b = result.briefing
    out = [_wrap(b.headline, ""), "", _wrap(b.summary, ""), "", "KEY POINTS"]
    for i, point in enumerate(b.key_points, 1):
        out.append(_wrap(point.text, "    ", f"{i:>2}. "))
        if quotes_itself(point.text, point.evidence):
            out.append("    ▸ (the article's own words)")
        else:
            out.extend(_wrap(f"“{q}”", "      ", "    ▸ ") for q in point.evidence)
    out += ["", "STANCES"]
    if not b.stances:
        out.append("    (the article reports no positions)")
    for s in b.stances:
        role = f" ({s.role})" if s.role else ""
        out.append(_wrap(f"{s.actor}{role}, on {s.topic}: {s.position}", "      ", "  • "))
        out.extend(_wrap(f"“{q}”", "      ", "    ▸ ") for q in s.evidence)
    out += ["", "DISPUTED FIGURES"]
    if not b.disputed_figures:
        out.append("    (no contested numbers in the article)")
    for f in b.disputed_figures:
        out.append(_wrap(f"{f.figure}: {f.measure}", "      ", "  • "))
        out.append(_wrap(_figure_line(f.claimed_by, f.disputed_by), "      ", "      "))
        if f.counter_claim:
            out.append(_wrap(f"counter-claim: {f.counter_claim}", "      ", "      "))
        out.extend(_wrap(f"“{q}”", "      ", "    ▸ ") for q in f.evidence)
    out += ["", f"— {result.source.source} · {provenance_line(result.provenance)}"]
    return printable("\n".join(out) + "\n")


# What a Markdown renderer could turn into a link: a URL with a scheme (or
# protocol-relative), a www. name, an e-mail address, a bare domain with a path.
_LINKISH = re.compile(
    r"(?:\b(?:https?|ftp|sftp|file|mailto|xmpp|tel|sms|irc|ssh|git|wss?|news|nntp|telnet|data|"
    r"javascript|vbscript):(?://)?|(?<![\w:])//(?=\w)|\bwww\.)[^\s<>`|]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w.@/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}\b(?::\d+)?(?:/[^\s<>`|]*)?",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)]}'\"’”"
# Characters with a meaning somewhere in Markdown (CommonMark or GFM), escaped anywhere.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>!#|~&@])")
# What starts a list item, a rule or a setext underline at the start of a line.
_MD_LEADING = re.compile(r"^(?:[-+=]|\d{1,9}(?=[.)]))")


def _md_literal(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_escape(text: str) -> str:
    """One line of Markdown that shows ``text`` literally and adds no structure or link."""
    text = " ".join(printable(text).split())
    out: list[str] = []
    last = 0
    for found in _LINKISH.finditer(text):
        link = found.group().rstrip(_TRAILING)
        if not link:
            continue
        out.append(_md_literal(text[last : found.start()]))
        out.append(f"`{link}`")
        last = found.start() + len(link)
    out.append(_md_literal(text[last:]))
    escaped = "".join(out)
    leading = _MD_LEADING.match(escaped)
    if leading is not None:
        end = leading.end()
        escaped = escaped[:end] + "\\" + escaped[end:] if escaped[:1].isdigit() else "\\" + escaped
    return escaped


def to_markdown(result: BriefingResult) -> str:
    """Markdown for notes and tickets."""
    b: Briefing = result.briefing
    e = _md_escape
    out = [f"## {e(b.headline)}", "", e(b.summary), "", "### Key points", ""]
    for i, point in enumerate(b.key_points, 1):
        out.append(f"{i}. {e(point.text)}")
        if not quotes_itself(point.text, point.evidence):
            out.extend(f"   > {e(q)}" for q in point.evidence)
    out += ["", "### Stances", ""]
    if not b.stances:
        out.append("_The article reports no positions._")
    else:
        out += ["| Actor | Topic | Position |", "| --- | --- | --- |"]
        for s in b.stances:
            actor = e(s.actor) + (f" ({e(s.role)})" if s.role else "")
            out.append(f"| {actor} | {e(s.topic)} | {e(s.position)} |")
    out += ["", "### Disputed figures", ""]
    if not b.disputed_figures:
        out.append("_No contested numbers in the article._")
    for f in b.disputed_figures:
        out.append(
            f"- **{e(f.figure)}**: {e(f.measure)}; {e(_figure_line(f.claimed_by, f.disputed_by))}"
        )
        if f.counter_claim:
            out.append(f"  - counter-claim: {e(f.counter_claim)}")
        out.extend(f"  > {e(q)}" for q in f.evidence)
    out += ["", f"<sub>{e(result.source.source)} · {e(provenance_line(result.provenance))}</sub>"]
    return "\n".join(out) + "\n"


def to_json(result: BriefingResult, *, provenance: bool = False) -> str:
    """JSON: the Briefing alone, or with its provenance and source.

    The Briefing alone validates against ``schemas/briefing.v1.json``.
    """
    data = result.model_dump(mode="json") if provenance else result.briefing.model_dump(mode="json")
    return escape_json(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
