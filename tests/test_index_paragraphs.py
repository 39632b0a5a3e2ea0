"""An article index normalises the article and finds its paragraphs in one pass.

The paragraphs normalised one by one and joined by a space must be the article
normalised whole, whatever sits at a paragraph's edge (a no-break space, the
datamark, an invisible character, a separator); otherwise a quote would ground
differently.
"""

from __future__ import annotations

import pytest

from summarizer.checks.grounding import MARK, ArticleIndex
from summarizer.checks.normal import _PARAGRAPH_GAP, normalise


def _ends_one_by_one(text: str) -> tuple[int, ...]:
    if "\n" not in text:
        return ()
    pieces = [p for p in map(normalise, _PARAGRAPH_GAP.split(text)) if p]
    ends, size = [], 0
    for piece in pieces[:-1]:
        size += len(piece)
        ends.append(size)
        size += 1
    return tuple(ends)


@pytest.mark.parametrize(
    "text",
    [
        "The ferry runs at dawn.",
        "Fares rise in May.\n\nThe council voted 7-2.\n",
        "\n\n  Leading gap.\r\n\r\nCRLF paragraphs\u00a0\n \n\u202fnext one\u200b\n\n",
        f"Marked{MARK}\n\n{MARK}words{MARK}and “quotes” — dashes\n\n\u200b\n\nlast",
        "one line\nwrapped line\n\t\n\x1c\x1d\n\nafter separators\x1f\n\n\n\n",
        "   \n\n   \n\n",
    ],
)
def test_the_index_reads_the_article_as_normalising_it_whole_would(text: str) -> None:
    index = ArticleIndex(text)
    assert index._norm == normalise(text)
    assert index._paragraphs == _ends_one_by_one(text)
