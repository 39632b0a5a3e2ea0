"""Numbers with units: finding them in a sentence and parsing value and unit.

"$12.4 million" is 12400000 USD, "18 billion crowns" is 18e9 crowns, "70 percent"
is 70 percent, "3 percentage points" is 3 percentage points and "12,000 people"
is 12000 people. Years, ages, durations and bare numbers are not figures: a
count needs a plural noun after it. The figure text is always the span as
written, so it is found in the article by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.checks.asciire import twin_re
from summarizer.extractive.lexicon import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    SCALES,
    STOPWORDS,
    TIME_UNITS,
)
from summarizer.extractive.memo import per_briefing

# A number of at most 15 digits, not glued to a word or another number; the
# lookbehind keeps a run of ten million digits from being rescanned.
_NUMBER = twin_re(
    r"(?<![\w.,$€£¥])(?P<cur>US\$|\$|€|£|¥)?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3}){1,4}|\d{1,15})(?P<dec>\.\d{1,6})?(?![\d,.]?\d)"
)
_DIGIT = re.compile(r"\d")
_SCALE = re.compile(r"[ \-]?(thousand|million|billion|trillion|bn|mn|tn|m|k)\b")
_PERCENT = re.compile(r"\s?(%|percent\b|per cent\b|percentage points?\b|points?\b)")
_NOUN = re.compile(r" (?:([a-z][a-z\-]{1,20}) )?([a-z][a-z\-]{1,20})\b")
_OF_PHRASE = re.compile(r" of ((?:[\w’'\-]+ ?){1,4})")
_PHRASE_END = frozenset(
    "and or but that which who to in on at for by from with as than while since".split()
)
_IRREGULAR_PLURALS = frozenset(
    "people staff personnel children police cattle sheep fish troops crew".split()
)
_NOT_COUNTS = TIME_UNITS | frozenset("as is was has its this us yes less ones".split())
_FUNCTION = frozenset(
    """
    of in on at to for by from with and or the a an as than that which who were was are
    is has have had be been will would could should more less about over under per
    """.split()
)
_HEDGE = r"(?:about |around |roughly |nearly |almost |some |up to |at least |more than )?"
_PUT_AT = re.compile(
    r"\bput (?:the |its |their )?((?:[a-z][\w’'\-]* ){0,2}[a-z][\w’'\-]*) at " + _HEDGE + "$"
)
_COSTS = re.compile(
    r"\b((?:the|a|an|its|their) (?:[a-z][\w’'\-]* ){0,2}[a-z][\w’'\-]*) "
    r"(?:would |will |could |might |should |to |did |does )?(cost|costs|total|totals) "
    + _HEDGE
    + "$"
)
_OF_BEFORE = twin_re(r"\b(?:the |a |an )?([a-z][\w’'\-]*) of " + _HEDGE + "$")
_MODALS = frozenset("would will could might should to did does".split())
_DETERMINER = re.compile(r"^(?:its|their) ")
_DATES = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december today yesterday tomorrow
    """.split()
)
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\d")
# "12 parts per million": a concentration, one unit of three words, not a count of parts.
_DIMENSIONS = frozenset(("cubic", "square"))
_PER_SCALE = re.compile(r" per (million|billion|thousand|trillion)\b")
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


@dataclass(frozen=True)
class Figure:
    """A number with a unit, as found in one sentence.

    Attributes:
        text: The figure as written, e.g. ``"$12.4 million"``.
        value: The number with scale words applied.
        unit: ``"USD"``, ``"percent"``, ``"people"``, ...
        measure: What the number measures, in a few words.
        start: Offset of the figure in its sentence.
    """

    text: str
    value: float
    unit: str
    measure: str
    start: int


def parse_number(digits: str, decimals: str | None) -> float:
    """Parse "12,000" or "12" with optional decimals ".4" into a float."""
    return float(digits.replace(",", "") + (decimals or ""))


def find_figures(sentence: str) -> list[Figure]:
    """Every number with a unit in ``sentence``, in order."""
    if _DIGIT.search(sentence) is None:
        return []  # most sentences hold no number at all
    return list(_figures_in(sentence))


# The analysis reads every sentence's figures, and the stances read those of the
# sentences they quote again: within one briefing each sentence is read once.
@per_briefing
def _figures_in(sentence: str) -> tuple[Figure, ...]:
    found: list[Figure] = []
    for match in _NUMBER.finditer(sentence):
        figure = _figure_at(sentence, match)
        if figure is not None:
            found.append(figure)
    return tuple(found)


def bare_numbers(sentence: str) -> list[tuple[str, float]]:
    """Every number in ``sentence`` that is not a year or a time, as ``(text, value)``.

    A scale word stays with its number ("5 million"), so the text says the value.
    """
    numbers: list[tuple[str, float]] = []
    for match in _NUMBER.finditer(sentence):
        if sentence[match.end() : match.end() + 1].isalpha():
            continue  # "5bn", "3rd": not a bare number, and not findable as one
        if _part_of_date_or_time(sentence, match):
            continue
        value = parse_number(match.group("num"), match.group("dec"))
        if _is_year(match.group("num"), value):
            continue
        scale = _SCALE.match(sentence, match.end())
        if scale is not None and scale.group(1) in ("thousand", "million", "billion", "trillion"):
            # "5 million": the number with its scale, as the article writes it
            numbers.append(
                (sentence[match.start() : scale.end()].strip(), value * SCALES[scale.group(1)])
            )
            continue
        numbers.append((match.group().strip(), value))
    return numbers


_DATE_BEFORE = re.compile(
    r"(?:\d{4}[-–/]|\d[:.]|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? )$"
)
_TIME_AFTER = re.compile(r"[:.]\d\d(?!\d)|\s?[ap]\.?m\b")


def _part_of_date_or_time(sentence: str, match: re.Match[str]) -> bool:
    """True for the "21" of "2020-21", the "10" and "30" of "10:30", the "3" of "Dec 3"."""
    start = match.start("num")
    if _DATE_BEFORE.search(sentence, max(0, start - 12), start):
        return True
    return _TIME_AFTER.match(sentence, match.end()) is not None


def _is_year(digits: str, value: float) -> bool:
    return "," not in digits and 1800 <= value <= 2100 and value.is_integer()


def _figure_at(sentence: str, match: re.Match[str]) -> Figure | None:
    if _part_of_date_or_time(sentence, match):
        return None
    value = parse_number(match.group("num"), match.group("dec"))
    end = match.end()
    scale = _SCALE.match(sentence, end)
    if scale is not None:
        value *= SCALES[scale.group(1)]
        end = scale.end()
    currency = match.group("cur")
    start = match.start() + (len(match.group()) - len(match.group().lstrip()))
    if currency:
        unit = CURRENCY_SYMBOLS[currency.lower()]
        return _make(sentence, start, end, value, unit, _measure_before(sentence, start))
    percent = _PERCENT.match(sentence, end)
    if percent is not None:
        unit = "percentage points" if "point" in percent.group(1) else "percent"
        kind = "share" if unit == "percent" else "change"
        measure = _measure_of(sentence, start, percent.end(), kind)
        return _make(sentence, start, percent.end(), value, unit, measure)
    noun = _NOUN.match(sentence, end)
    if noun is None:
        return None
    return _counted(sentence, match, start, end, value, noun, scale is not None)


def _counted(
    sentence: str,
    match: re.Match[str],
    start: int,
    end: int,
    value: float,
    noun: re.Match[str],
    scaled: bool,
) -> Figure | None:
    first, second = noun.group(1), noun.group(2)
    if first is None:
        first, second = second, None
        first_end = noun.end()
    else:
        first_end = noun.start(2) - 1
    if first in CURRENCY_WORDS:
        unit = CURRENCY_WORDS[first]
        return _make(sentence, start, first_end, value, unit, _measure_before(sentence, start))
    if _is_year(match.group("num"), value) and not scaled:
        return None
    if _is_plural(first):
        head, head_end = first, first_end
    elif second is not None and first not in _FUNCTION and _is_plural(second):
        head, head_end = second, noun.end()
    else:
        return None
    per = _PER_SCALE.match(sentence, head_end) if head == "parts" else None
    if per is not None:
        unit = f"parts per {per.group(1)}"
        return _make(sentence, start, per.end(), value, unit, _measure_before(sentence, start))
    if first in _DIMENSIONS and second is not None and head == second:
        # "4.2 million cubic metres": a volume, its unit two words
        unit = f"{first} {second}"
        return _make(sentence, start, head_end, value, unit, _measure_before(sentence, start))
    measure = f"number of {head}" + _tail(sentence, head_end)
    return _make(sentence, start, head_end, value, head, measure)


def _is_plural(word: str) -> bool:
    if word in _NOT_COUNTS or word in STOPWORDS:
        return False
    return word in _IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith("ss"))


def _make(sentence: str, start: int, end: int, value: float, unit: str, measure: str) -> Figure:
    return Figure(sentence[start:end], value, unit, measure or unit, start)


def _measure_of(sentence: str, start: int, end: int, fallback: str) -> str:
    of = _OF_PHRASE.match(sentence, end)
    if of is not None:
        words = _phrase_words(of.group(1))
        if words:
            return f"{fallback} of {' '.join(words)}"
    return _measure_before(sentence, start) or fallback


def _phrase_words(phrase: str) -> list[str]:
    words: list[str] = []
    for word in _WORD.findall(phrase):
        if word.lower() in _PHRASE_END:
            break
        words.append(word)
    return words


def _tail(sentence: str, end: int) -> str:
    following = _WORD.findall(sentence[end : end + 60])[:4]
    if not following or following[0].lower() not in ("at", "in", "on", "who", "from", "across"):
        return ""
    words = [following[0]]
    for word in following[1:]:
        if word.lower() in _PHRASE_END:
            break
        words.append(word)
    return " " + " ".join(words) if len(words) > 1 else ""


def _measure_before(sentence: str, start: int) -> str:
    """What a money figure measures, read from the words before it.

    "put the true cost at $19 million" is the "true cost"; "the works would cost
    $12.4 million" is the "cost of the works"; "a budget of €3bn" is the "budget".
    Otherwise the last content words before the figure, without dates.
    """
    window = sentence[max(0, start - 80) : start]
    window = _CLAUSE_BREAK.split(window)[-1]
    put = _PUT_AT.search(window)
    if put is not None:
        return put.group(1)
    costs = _COSTS.search(window)
    if costs is not None:
        noun = "cost" if costs.group(2).startswith("cost") else "total"
        phrase = costs.group(1).split()
        while len(phrase) > 2 and phrase[-1] in _MODALS:
            phrase.pop()
        return f"{noun} of {_DETERMINER.sub('the ', ' '.join(phrase))}"
    of = _OF_BEFORE.search(window)
    if of is not None and of.group(1).lower() not in STOPWORDS:
        return of.group(1)
    words = _WORD.findall(window)
    content = [w for w in words if w.lower() not in STOPWORDS and w.lower() not in _DATES]
    return " ".join(content[-3:])
