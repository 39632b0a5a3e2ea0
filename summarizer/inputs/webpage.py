"""Extracting the story from an HTML page.

trafilatura finds the main text with comments switched off. Before it runs, HTML
comments are removed at parse time (left in, trafilatura loses the rest of a
paragraph after one), and so is every element a reader never sees
(``summarizer.inputs.hidden``: hidden attributes, inline styles and ``<style>``
rules), because hidden text is a classic carrier for instructions aimed at a
model. Title, outlet, byline and date are kept as metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from summarizer.errors import EmptyArticleError, InputError
from summarizer.inputs.hidden import drop_hidden
from summarizer.inputs.metadata import outlet_name, person_byline

_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


@dataclass(frozen=True)
class Extracted:
    """What a page yields.

    Attributes:
        text: The story text, paragraphs separated by blank lines.
        title: The headline, when found.
        byline: The author, when found.
        outlet: The site name, when found.
        published: The publication date (ISO 8601), when found.
    """

    text: str
    title: str | None
    byline: str | None
    outlet: str | None
    published: str | None


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML document rather than plain text."""
    return bool(_HTML_START.match(text[:4096]))


def extract(html: str, source: str) -> Extracted:
    """Extract the story and its metadata from ``html``.

    Raises:
        InputError: The page cannot be parsed.
        EmptyArticleError: No story text was found on the page.
    """
    # Comments and processing instructions go at parse time: left in the tree,
    # trafilatura drops a comment together with the text after it in its paragraph.
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse the HTML page {source}: {exc}") from exc
    drop_hidden(tree)
    document = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=True,
        favor_precision=True,
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise EmptyArticleError(source)
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return Extracted(
        text="\n\n".join(paragraphs),
        title=_clean(getattr(document, "title", None)),
        byline=person_byline(_clean(getattr(document, "author", None))),
        outlet=outlet_name(_clean(getattr(document, "sitename", None))),
        published=_clean(getattr(document, "date", None)),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
