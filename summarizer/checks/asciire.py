r"""A pattern that reads ASCII text with its ASCII twin: the same matches, found faster.

In a ``str`` pattern ``\w``, ``\d`` and ``\b`` ask Unicode tables about every
character; compiled with ``re.ASCII`` they ask a small table instead, about a
third faster on a sentence. On ASCII text the two find exactly the same matches,
with one exception: Unicode counts the separators ``\x1c``-``\x1f`` as
whitespace (``\s``) and ASCII does not, so text holding one of them is read with
the Unicode pattern when the pattern speaks of whitespace. Most sentences of an
English article are ASCII; the others (a curly quote, a dash) take the Unicode
pattern as before.

Most patterns find nothing in most sentences, and many cannot match without one
of a few words ("missed", "heart of gold"): those words are read from the parsed
pattern (``required_literals``), and an ASCII text that holds none of them is
answered without the search, in one scan for all the words.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from summarizer.checks.literals import literal_pattern

try:  # the parsed form of a pattern, to read its literals (CPython's own modules)
    # Imported by name: they are private, so the type stubs do not list them.
    _sre: Any = importlib.import_module("re._constants")
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a Python without them: no pre-check
    _parser = None

# The characters on which ``\s`` differs between the two modes.
_SEPARATORS = re.compile(r"[\x1c-\x1f]")


def reads_ascii(text: str) -> bool:
    """True when a pattern's ASCII twin reads ``text`` exactly as the pattern does.

    It reads ``text`` once: ask it once per text, not once per place in it.
    """
    return text.isascii() and _SEPARATORS.search(text) is None


def ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` compiled with ``re.ASCII``: for text of which ``reads_ascii`` is True."""
    return re.compile(pattern.pattern, (pattern.flags & ~re.UNICODE) | re.ASCII)


class Twin:
    """``pattern`` for any text, and its ``re.ASCII`` twin for ASCII text.

    Offers the methods of ``re.Pattern`` the rules use; each picks the twin by the
    text it is given.
    """

    __slots__ = ("_ascii", "_fold", "_needed", "_spaces", "pattern", "unicode")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.unicode = pattern
        self.pattern = pattern.pattern
        self._ascii = ascii_twin(pattern)
        self._spaces = "\\s" in pattern.pattern or "\\S" in pattern.pattern
        needed = required_literals(pattern)
        self._fold = bool(pattern.flags & re.IGNORECASE)
        self._needed = (
            re.compile(literal_pattern(needed))
            if needed and min(map(len, needed)) >= _MIN_NEEDED
            else None
        )

    def _absent(self, text: str) -> bool:
        """True when ASCII ``text`` holds none of the words every match needs: no match.

        Only for a whole text, never a slice of it, so a pattern tried at many
        places of a long text stays linear.
        """
        needed = self._needed
        return needed is not None and needed.search(text.lower() if self._fold else text) is None

    def _for(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Pattern[str]:
        # ``isascii`` costs nothing (CPython keeps the answer with the string). The
        # look for separators reads the text, so it is made only for a whole text:
        # a pattern tried at many places of an article must stay linear.
        if not text.isascii():
            return self.unicode
        if self._spaces and (pos or endpos < len(text) or _SEPARATORS.search(text)):
            return self.unicode
        return self._ascii

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``re.Pattern.search``."""
        if text.isascii():  # the usual case
            if not pos and endpos >= len(text) and self._absent(text):
                return None
            if not self._spaces:
                return self._ascii.search(text, pos, endpos)
        return self._for(text, pos, endpos).search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``re.Pattern.match``."""
        return self._for(text, pos, endpos).match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``re.Pattern.fullmatch``."""
        return self._for(text, pos, endpos).fullmatch(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[str]:
        """``re.Pattern.findall`` (of a pattern with at most one group)."""
        if text.isascii() and not pos and endpos >= len(text) and self._absent(text):
            return []
        return self._for(text, pos, endpos).findall(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """``re.Pattern.finditer``."""
        if text.isascii() and not pos and endpos >= len(text) and self._absent(text):
            return iter(())
        return self._for(text, pos, endpos).finditer(text, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        """``re.Pattern.sub``."""
        if text.isascii() and self._absent(text):
            return text
        return self._for(text).sub(repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        """``re.Pattern.split``."""
        return self._for(text).split(text, maxsplit)


def twin_re(pattern: str, flags: int = 0) -> Twin:
    """``re.compile(pattern, flags)``, read with its ASCII twin whenever the text is ASCII."""
    return Twin(re.compile(pattern, flags))


# A pre-check is kept only when every word it looks for has this many characters:
# a shorter one (", ", " ") is in nearly every sentence and would only add a scan.
_MIN_NEEDED = 3


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Words of which every match of ``pattern`` holds at least one; None if unknown.

    Read from the parsed pattern: a run of literal characters is needed, an
    alternation needs one of its branches' words, a repeat of at least one needs
    its body's, and a sequence needs what any of its parts needs (the part with
    the longest words is taken). Lookarounds, classes and optional parts need
    nothing. Under ``re.IGNORECASE`` the words are lower-cased and must be ASCII,
    for they are looked for in ASCII text lower-cased; a group that switches
    case-folding on or off needs nothing.
    """

    def needed(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
        found: list[frozenset[str]] = []
        run: list[str] = []
        for op, av in items:
            if op is _sre.LITERAL:
                run.append(chr(av))
                continue
            if run:
                found.append(frozenset(["".join(run)]))
                run = []
            part: frozenset[str] | None = None
            if op is _sre.SUBPATTERN:
                _, added, dropped, inner = av
                # A group that switches case-folding, "(?-i:[A-Z])", needs nothing here.
                part = None if (added | dropped) & re.IGNORECASE else needed(inner.data)
            elif op is _sre.ATOMIC_GROUP:
                part = needed(av.data)
            elif op is _sre.BRANCH:
                branches = [needed(b.data) for b in av[1]]
                if all(b is not None for b in branches):
                    part = frozenset().union(*branches)  # type: ignore[arg-type]
            elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
                least, _, inner = av
                part = needed(inner.data) if least >= 1 else None
            if part is not None:
                found.append(part)
        if run:
            found.append(frozenset(["".join(run)]))
        return max(found, key=lambda w: (min(map(len, w)), -len(w)), default=None)

    if _parser is None:
        return None
    words = needed(_parser.parse(pattern.pattern, pattern.flags).data)
    if not words:
        return None
    if pattern.flags & re.IGNORECASE:
        if not all(w.isascii() for w in words):
            return None
        return frozenset(w.lower() for w in words)
    return words
