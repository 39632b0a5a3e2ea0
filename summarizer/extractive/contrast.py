"""Contrasts inside one sentence: "$9 million, not the $11 million the authority used".

The speaker asserts the first figure and contests the second, which belongs to
whoever the sentence names right after it ("the authority has used") or, failing
that, to whoever the article earlier quoted with the same number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from summarizer.extractive.figures import Figure

_NOT_THE = re.compile(r"[\s,;\"”’']*(?:and |but )?not (?:the |a |an |their |its |his |her )?")
_CLAIMANT_AFTER = re.compile(
    r"\s+(?:that |which )?(?:the |a )?"
    r"((?:[A-Za-z][\w’'\-]* ){0,3}?[A-Za-z][\w’'\-]*?)(?:’s|'s)? "
    r"(?:has |had |have )?(?:is|was|were|says|said|used|uses|gave|gives|put|puts|cited|cites"
    r"|quoted|quotes|claims|claimed|promised|published|announced|budgeted|assumed|uses)\b"
)
_OBJECT = re.compile(r"\s+(?:the|its|their|his|her) ([a-z][\w’'\-]*(?: [a-z][\w’'\-]*)?)")
_CURRENCIES = frozenset("USD EUR GBP JPY CNY SEK crowns kroner francs rupees pesos".split())
_SKIP_WORDS = frozenset("also then later again".split())

Resolver = Callable[[str], str | None]


def find_contrast(
    text: str, figures: list[Figure], verb: str, resolve: Resolver
) -> tuple[Figure, Figure, str | None] | None:
    """Find "A, not the B" in ``text``.

    Args:
        text: The sentence.
        figures: Its figures, in order.
        verb: The verb of saying attributed in it ("questioned").
        resolve: Turns a name or description ("authority") into a canonical actor.

    Returns:
        ``(asserted, contested, owner)``: the speaker's figure, the contested one
        (its measure read from the sentence when the figure alone gives none), and
        the owner of the contested figure named in the sentence, if any.
    """
    for first, second in zip(figures, figures[1:], strict=False):
        if first.unit != second.unit:
            continue
        between = _NOT_THE.fullmatch(text, first.start + len(first.text), second.start)
        if between is None:
            continue
        end = second.start + len(second.text)
        after = _CLAIMANT_AFTER.match(text, end)
        owner = resolve(after.group(1)) if after is not None else None
        measure = _measure(text, verb, second) or first.measure
        return first, replace(second, measure=measure), owner
    return None


def _measure(text: str, verb: str, figure: Figure) -> str | None:
    """Name a bare figure by the verb's object: "questioned the grant" -> "amount of the grant"."""
    if figure.measure and figure.measure != figure.unit:
        return figure.measure
    at = text.find(" " + verb + " ")
    if at < 0:
        return None
    found = _OBJECT.match(text, at + len(verb) + 1)
    if found is None or found.group(1).split()[0] in _SKIP_WORDS:
        return None
    noun = found.group(1).split(",")[0]
    return f"amount of the {noun}" if figure.unit in _CURRENCIES else f"the {noun}"
