"""Checking that an actor is one the article names.

A stance's actor and a figure's ``claimed_by`` and ``disputed_by`` must be named
by the article, in a form it supports:

- the words as the article writes them ("Mirela Vasko", "the dockworkers' union",
  "Harbour Authority chair Mirela Vasko"), in any case, possessives and dotted
  abbreviations aside ("U.S." is "US");
- with a title in front ("Ms Vasko", "Secretary Blinken");
- a shorter form of one name the article gives, its words in order ("Kellmoor Water
  Board" for "Kellmoor Valley Water Board", "Vasko");
- the acronym of a name it gives ("EPA" for "Environmental Protection Agency");
- a person's name with initials for the given names ("M. Smith" for "Mary Smith");
- a role in front of a full name, which the article gives that person ("Teacher
  Mary Smith" for "Mary Smith, a local teacher");
- several of these joined ("Tomas Brell and the dockworkers' union").

A person the article never names (a famous figure the model adds) fails, and so
does a first name stitched to another person's surname ("Mirela Brell") or a title
the article does not give that person ("President López" for "Senator María
López"; a courtesy title, "Ms López", is anyone's). Accents and typographic
apostrophes do not tell names apart ("Jose Lopez", "O’Neil").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

# Each starts with a plain character, so that a long article is scanned quickly.
_DOTTED = re.compile(r"\.(?<=(?<![\w.])[A-Za-z]\.)(?:[A-Za-z]\.)+")  # "U.S." -> "US"
_INITIALS = re.compile(r"[A-Z](?<!\w[A-Z])(?:[\s.]+[A-Za-z]\b)+")  # "U. S", "J. R. R."
_INITIAL_GAPS = re.compile(r"[\s.]")
_POSSESSIVE = re.compile(r"'(?:s\b|(?!\w))")
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*", re.UNICODE)
_UPPER = r"[A-ZÀ-ÖØ-Þ0-9]"
# A name as an article writes it: capitalised words, with "of", "the", "de"... inside.
_RUN = re.compile(
    _UPPER + r"[\w'-]*(?:[\s'&-]+(?:(?:of|the|for|and|de|la|le|du|des|da|di|del|van|von|der|den|al|"
    r"el|bin|ibn|y|on|in)[\s'&-]+)*" + _UPPER + r"[\w'-]*)*"
)
# Words that may join the capitalised words of one name: "Secretary of State".
_CONNECTORS = frozenset(
    "of the for and de la le du des da di del van von der den al el bin ibn y & on in".split()
)
# Where an actor field joins several names: "Tomas Brell and the dockworkers' union".
_PARTS = re.compile(r"[,;()/&\[\]]|\s[-–]\s|\band\b", re.IGNORECASE)
_LEADING = frozenset("the a an".split())
# Titles a person's name may carry in front: "Ms Vasko", "Secretary Blinken".
TITLES = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady president secretary minister
    senator sen rep representative congressman congresswoman governor gov mayor chancellor chair
    chairman chairwoman chairperson director judge justice colonel col captain capt lieutenant lt
    sergeant sgt officer inspector detective sheriff commissioner councillor councilor
    councilwoman councilman superintendent principal dean rev reverend father bishop archbishop
    rabbi imam sheikh king queen prince princess premier ambassador spokesman spokeswoman
    spokesperson ceo trustee mp mep attorney""".split()
)
# At most this many words may follow a title: a person's name, not an organisation.
_MAX_NAME_WORDS = 3
# Titles anyone may be given: every other title ("Senator", "Dr", "Mayor") must be
# one the article gives that person, within this many words of the name.
COURTESY_TITLES = frozenset("mr mrs ms miss mx".split())
_TITLE_REACH = 6
# The most actors an index remembers its answer for (a bound on memory, not tuned).
_MAX_NAMED = 256
# Accents and typographic apostrophes are not what tells two names apart: "Jose
# Lopez" is "José López", "O’Neil" is "O'Neil".
_MARKS = re.compile("[\u0300-\u036f]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})


def plain_letters(text: str) -> str:
    """``text`` without accents, typographic apostrophes as "'": "José" is "Jose"."""
    if text.isascii():
        return text
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.translate(_APOSTROPHES)))


def _prepared(text: str) -> str:
    """``text`` with initials run together and possessives dropped.

    "U.S.", "U. S." and "US" are all "US"; "J. R. R. Tolkien" is "JRR Tolkien";
    "the Users' Council" is "the Users Council"; accents are dropped.
    """
    text = plain_letters(text)
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _INITIALS.sub(lambda m: _INITIAL_GAPS.sub("", m.group(0)), text)
    return _POSSESSIVE.sub("", text)


def _words(text: str) -> list[str]:
    """The words of ``text`` as names are compared: see ``_prepared``."""
    return _TOKEN.findall(_prepared(text))


# ASCII characters that cannot be part of a token become spaces.
_SEPARATE = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "'")}
)


def _tokens(text: str) -> list[str]:
    """``_TOKEN.findall(text)``, faster for ASCII text.

    No token spans a character outside letters, digits and "'", and ``_TOKEN``
    reads each run of those alone: a run without "'" is one token, and only a run
    with one needs the pattern. ``str.translate`` is fast from ASCII to ASCII.
    """
    if not text.isascii():
        return _TOKEN.findall(text)
    found: list[str] = []
    for run in text.translate(_SEPARATE).split():
        if "'" in run:
            found.extend(_TOKEN.findall(run))
        else:
            found.append(run)
    return found


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


@dataclass
class NameIndex:
    """The words and names of an article, for checking actors against it.

    Attributes:
        text: The article text, normalised.
    """

    text: str
    _prepared_text: str = field(init=False, repr=False)
    _sequence: str = field(init=False, repr=False)
    _vocabulary: frozenset[str] = field(init=False, repr=False)
    # A briefing names one actor in many places (a stance, each figure it claims or
    # disputes): each is checked once per index.
    _named: dict[str, bool] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._prepared_text = _prepared(self.text)
        lower = _tokens(self._prepared_text.lower())
        self._sequence = " " + " ".join(lower) + " "
        self._vocabulary = frozenset(lower)

    @cached_property
    def _runs(self) -> list[list[str]]:
        """The article's names: runs of capitalised words, lower-cased."""
        runs = []
        for match in _RUN.finditer(self._prepared_text):
            words = _TOKEN.findall(match.group(0).lower())
            while words and words[-1] in _CONNECTORS:
                words.pop()
            if words:
                runs.append(words)
        return runs

    def _contiguous(self, words: list[str]) -> bool:
        return bool(words) and f" {' '.join(words)} " in self._sequence

    def _in_one_name(self, words: list[str]) -> bool:
        """True when ``words`` occur in order within one of the article's names."""
        for run in self._runs:
            i = 0
            for word in run:
                if i < len(words) and word == words[i]:
                    i += 1
            if i == len(words):
                return True
        return False

    def _acronym(self, word: str) -> bool:
        letters = word.lower()
        if not (2 <= len(letters) <= 8 and word.isupper() and word.isalpha()):
            return False
        for run in self._runs:
            initials = "".join(w[0] for w in run if w not in _CONNECTORS)
            if letters in initials:
                return True
        return False

    def _names_one(self, words: list[str], original: list[str]) -> bool:
        """One name: as written, after a title, a shorter form, or an acronym."""
        while words and words[0] in _LEADING:
            words, original = words[1:], original[1:]
        if not words:
            return False
        if self._contiguous(words):
            return True
        bare, shown = list(words), list(original)
        while len(bare) > 1 and bare[0] in TITLES:
            bare, shown = bare[1:], shown[1:]
        # "Ms Vasko" is Vasko; "Minister of Health" is not "Health".
        personal = len(bare) <= _MAX_NAME_WORDS and all(_capitalised(w) for w in shown)
        if bare != words and personal and self._contiguous(bare):
            return self._gives_titles(words[: len(words) - len(bare)], bare)
        if len(bare) > 1 and self._in_one_name(bare):
            return True
        expanded = self._initialled(bare, shown) if len(bare) > 1 else None
        if expanded is not None:  # "M. Smith", "Ms M. Smith" for "Mary Smith"
            return self._gives_titles(words[: len(words) - len(bare)], expanded)
        if self._described(words, original):
            return True
        return len(original) == 1 and self._acronym(original[0])

    def _initialled(self, words: list[str], shown: list[str]) -> list[str] | None:
        """The article's name that ``words`` give with initials ("M Smith"), else None.

        Each initial (a capital letter, or up to three run together, "MJ" for
        "M. J.") stands for one word of the name that starts with it, and the words
        after the initials must be the name's own, in order and unbroken.
        """
        initials = [
            len(w) <= 3 and o.isalpha() and o.isupper() for w, o in zip(words, shown, strict=True)
        ]
        if not any(initials[:-1]) or initials[-1]:
            return None
        for run in self._runs:
            for start in range(len(run)):
                pos = start
                for word, initial in zip(words, initials, strict=True):
                    wanted = list(word) if initial else [word]
                    got = run[pos : pos + len(wanted)]
                    if len(got) < len(wanted) or any(
                        not g.startswith(w) if initial else g != w
                        for g, w in zip(got, wanted, strict=True)
                    ):
                        break
                    pos += len(wanted)
                else:
                    return run[start:pos]
        return None

    def _described(self, words: list[str], original: list[str]) -> bool:
        """True for a role in front of a full name the article gives that person.

        "Teacher Mary Smith" for "Mary Smith, a local teacher": the role word is one
        the article writes in lower case, capitalised only because it leads, and,
        like a title, the article gives it to that person.
        """
        if len(words) < 3 or words[0] in TITLES or not _capitalised(original[0]):
            return False
        name = words[1:]
        if len(name) > _MAX_NAME_WORDS or not all(_capitalised(w) for w in original[1:]):
            return False
        if not self._contiguous(name):
            return False
        lower = re.compile(r"(?<![\w'])" + re.escape(words[0]) + r"(?![\w'])")
        return bool(lower.search(self._prepared_text)) and self._gives_titles(words[:1], name)

    def _gives_titles(self, titles: list[str], name: list[str]) -> bool:
        """True when the article gives ``name`` each of ``titles`` (courtesy titles aside).

        "President López" is refused when the article calls her "Senator María López".
        """
        wanted = [t for t in titles if t not in COURTESY_TITLES]
        if not wanted:
            return True
        needle = f" {' '.join(name)} "
        reach = 20 * _TITLE_REACH
        pos = self._sequence.find(needle)
        while pos >= 0:
            before = self._sequence[max(0, pos - reach) : pos].split()[-_TITLE_REACH:]
            after = self._sequence[pos + len(needle) : pos + len(needle) + reach].split()
            if all(t in before or t in after[:4] for t in wanted):  # "Vasko, the chair"
                return True
            pos = self._sequence.find(needle, pos + 1)
        return False

    def names(self, actor: str) -> bool:
        """True when the article names ``actor`` in a form it supports."""
        named = self._named.get(actor)
        if named is None:
            if len(self._named) >= _MAX_NAMED:
                self._named.clear()  # an index kept for many briefings stays small
            named = self._named[actor] = self._names_whole(actor)
        return named

    def _names_whole(self, actor: str) -> bool:
        if self._names_part(actor, whole=True):
            return True
        parts = [p for p in _PARTS.split(actor) if p and p.strip()]
        return bool(parts) and all(self._names_part(p) for p in parts)

    def _names_part(self, part: str, whole: bool = False) -> bool:
        original = _words(part)
        words = [w.lower() for w in original]
        if not words:
            return False
        if self._names_one(words, original):
            return True
        if whole:
            return False
        # A name with a description ("Board chair Martin Oyelaran"): each capitalised
        # stretch must be a name the article gives, every other word one it uses.
        stretches: list[tuple[list[str], list[str]]] = []
        current: tuple[list[str], list[str]] = ([], [])
        for word, orig in zip(words, original, strict=True):
            if _capitalised(orig) or (current[0] and word in _CONNECTORS):
                current[0].append(word)
                current[1].append(orig)
                continue
            if current[0]:
                stretches.append(current)
                current = ([], [])
            if word not in self._vocabulary and word not in _CONNECTORS:
                return False
        if current[0]:
            stretches.append(current)
        return bool(stretches) and all(self._names_one(w, o) for w, o in stretches)
