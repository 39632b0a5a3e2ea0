r"""A pattern that reads ASCII text with its ASCII twin: the same matches, found faster.

In a ``str`` pattern ``\w``, ``\d`` and ``\b`` ask Unicode tables about every
character; compiled with ``re.ASCII`` they ask a small table instead, about a
third faster on a sentence. On ASCII text the two find exactly the same matches,
with one exception: Unicode counts the separators ``\x1c``-``\x1f`` as
whitespace (``\s``) and ASCII does not, so text holding one of them is read with
the Unicode pattern when the pattern speaks of whitespace. Most sentences of an
English article are ASCII; the others (a curly quote, a dash) take the Unicode
pattern as before.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator

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

    __slots__ = ("_ascii", "_spaces", "pattern", "unicode")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.unicode = pattern
        self.pattern = pattern.pattern
        self._ascii = ascii_twin(pattern)
        self._spaces = "\\s" in pattern.pattern or "\\S" in pattern.pattern

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
        if not self._spaces and text.isascii():  # the usual case, without a call
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
        return self._for(text, pos, endpos).findall(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """``re.Pattern.finditer``."""
        return self._for(text, pos, endpos).finditer(text, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        """``re.Pattern.sub``."""
        return self._for(text).sub(repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        """``re.Pattern.split``."""
        return self._for(text).split(text, maxsplit)


def twin_re(pattern: str, flags: int = 0) -> Twin:
    """``re.compile(pattern, flags)``, read with its ASCII twin whenever the text is ASCII."""
    return Twin(re.compile(pattern, flags))
