"""Reading the numbers a text states, with their scale, unit and kind.

"$12.4 million" is 12,400,000 US dollars, not 12.4 nor $12.4 billion; the 3 of
"December 3" is a day, the 2022 of "in 2022" a year and the 30 of "10:30" part of
a clock time, and none of them is an amount; "nine hundred jobs" is 900 although
it is written in words. Both the article and a briefing are read this way, so a
briefing's number is licensed only by an article number of the same value, scale,
kind and (when the briefing gives one) unit. "half a million" is 500,000 and "two
dozen" 24; "2 points" is percentage points, never the 2 of "2%". "2024 jobs" is a
count although "in 2024" is a year, and "at 9.30" a clock time. "fifth" is an
ordinal and "a third", "one in three" and "1/3" are one fraction (kind
``fraction``, its share as the value).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from summarizer.checks.asciire import ascii_twin, reads_ascii
from summarizer.checks.literals import literal_pattern

Kind = Literal["amount", "day", "year", "time", "ordinal", "fraction"]

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
# Month names count only capitalised ("may" is a verb): matched case-sensitively.
_MONTH_NAMES = sorted(_MONTHS, key=len, reverse=True)
_MONTH = (
    r"(?P<{g}>(?-i:"
    + "|".join([*(m.capitalize() for m in _MONTH_NAMES), *(m.upper() for m in _MONTH_NAMES)])
    + r"))\.?"
)

_UNITS = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "pc": "percent",
    "percentage point": "points",
    "percentage points": "points",
    "point": "points",
    "points": "points",
    "pts": "points",
    "pp": "points",
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "jpy": "JPY",
}
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_DOLLAR_PREFIXES = {"us": "USD", "a": "AUD", "c": "CAD", "nz": "NZD", "hk": "HKD", "s": "SGD"}
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
# "5m" and "5k" may be metres or a 5k run; read both ways unless money is meant.
_SHORT_SCALES = {"m": 1e6, "k": 1e3}

_ONES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_WORD_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUMBER_WORD = "|".join(sorted([*_ONES, *_TENS, *_WORD_SCALES, "dozen"], key=len, reverse=True))
_FRACTION = r"(?:halves|half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)"

# Ordinals and fractions written in words: "the fifth vote", "a third of residents".
_ORDINALS = {
    word: i
    for i, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(),
        1,
    )
}
_ORDINALS |= {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "quarter": 4}
_DENOMINATORS |= {w: _ORDINALS[w] for w in "fifth sixth seventh eighth ninth tenth".split()}
_DENOMINATORS |= {w + "s": n for w, n in list(_DENOMINATORS.items()) if w != "halves"}
_SMALL = "one|two|three|four|five|six|seven|eight|nine|ten"
_UNIT_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
_ORDINAL_WORD = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_WHOLE_FRACTION = r"third|quarter|fifth|sixth|seventh|eighth|ninth|tenth"
_FRACTIONS = r"(?:halves|thirds|quarters|fifths|sixths|sevenths|eighths|ninths|tenths)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_SCALE_WORD = r"hundred|thousand|million|mln|billion|bn|trillion|tn|m|k"
_UNIT_WORD = (
    r"%|percentage\s+points?|points?\b|pts\b|pp\b|per\s*cent\b|percent\b|pc\b|dollars?\b"
    r"|euros?\b|pounds?\b"
    r"|sterling\b|yen\b|USD\b|EUR\b|GBP\b|JPY\b"
)
_CURRENCY = r"(?P<cur>(?:(?<![A-Za-z])(?-i:US|A|C|NZ|HK|S))?\$|[€£¥])"

_TOKEN = re.compile(
    # Clock times: "10:30", "9.30am", "3 p.m.", "15:00 GMT".
    r"(?P<time>\b(?P<th>\d{1,2})(?::(?P<tm>\d{2})\b(?:\s*(?P<tap>[ap])\.?m\b\.?)?"
    r"|[.](?P<tm2>\d{2})\s*(?:(?P<tap2>[ap])\.?m\b\.?|(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT)\b)"
    r"|\s*(?P<tap3>[ap])\.?m\b\.?))"
    # Dates: "December 3", "Dec. 3rd", "3 December", "3rd of December".
    r"|(?P<md>\b" + _MONTH.format(g="m1") + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b(?![.,]\d|:))"
    r"|(?P<dm>\b(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format(g="m2") + r"(?!\w))"
    # Years: "2022", "the 1990s", "2020-21".
    r"|(?P<year>(?<![\d.,$€£¥])\b(?P<y>1[5-9]\d\d|20\d\d|21\d\d)(?:s\b|(?P<ys>[-–/]\d\d)\b)?"
    r"(?![.,]?\d|\s*(?:%|" + _SCALE_WORD + r")\b|\s*(?:%|percent|per cent)))"
    # Ordinals: "3rd", "21st".
    r"|(?P<ord>\b\d+(?:st|nd|rd|th)\b)"
    # Fractions: "one in five", "1 in 5", "2/3", "two-thirds", "a quarter of", "half".
    r"|(?P<frac>\b(?:(?P<fn>[1-9]|" + _SMALL + r")\s+(?:in|out\s+of)\s+"
    r"(?P<fd>[1-9]\d?|" + _SMALL + r"|twenty|hundred)\b(?![.,]?\d)"
    r"|(?P<sn>[1-9])/(?P<sd>10|[1-9])\b(?![/.,]?\d)"
    r"|(?P<pn>two|three|four|five|six|seven|eight|nine)[\s-]+(?P<pd>" + _FRACTIONS + r")\b"
    r"|(?:an?|one)[\s-]+(?P<ad>" + _WHOLE_FRACTION + r")\b"
    r"(?=\s+(?:of|more|less|fewer|higher|lower)\b|\s*[^\w\s-]|\s*$)"
    r"|(?P<half>half)\b(?!-|\s+a\s+(?:hundred|thousand|million|billion|trillion|dozen)\b)))"
    # Ordinals written in words: "fifth", "twenty-first"; not "first-time", "second-hand".
    r"|(?P<oword>\b(?:an?\s+(?=(?:"
    + _WHOLE_FRACTION
    + r")\b))?(?:(?P<otens>"
    + "|".join(_TENS)
    + r")[\s-]+(?="
    + _UNIT_ORDINAL
    + r"\b))?"
    r"(?P<oone>" + _ORDINAL_WORD + r")\b(?!-))"
    # Amounts written with digits: "$12.4 million", "70%", "3bn euros", "US$5".
    r"|(?P<amount>(?:" + _CURRENCY + r"\s?)?(?P<num>" + _DIGITS + r")(?![\d])"
    r"(?:\s?(?P<scale>" + _SCALE_WORD + r")\b)?(?:\s?(?P<unit>" + _UNIT_WORD + r"))?)"
    # Amounts written in words: "nine hundred", "two million dollars", "forty-five".
    r"|(?P<words>\b(?:(?:half\s+)?a\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    r"(?:" + _NUMBER_WORD + r")(?:(?:\s+and\s+|[\s-]+)(?:" + _NUMBER_WORD + r"))*\b"
    r"(?!-?\s?" + _FRACTION + r"\b)(?:\s?(?P<wunit>" + _UNIT_WORD + r"))?)",
    re.IGNORECASE,
)
# Precompiled: re's own cache of patterns is a look-up on every call.
_WORD_GAP = re.compile(r"[\s-]+")
_NON_DIGIT = re.compile(r"\D")
_TRAILING_UNIT = re.compile(r"(?i)\s*(?:" + _UNIT_WORD + r")\s*$")
_DIGITS_RE = re.compile(_DIGITS)
_SCALE_TAIL = re.compile(r"(?i)\b(?:hundred|thousand|million|billion|trillion)\b.*$")
_DIGIT_RUN = re.compile(r"\d\d*")  # not "\d+": a class first lets re skip ahead fast
# The two patterns read at every place of an article, for text ``reads_ascii`` (an
# article normalised is most often ASCII): the same matches, found faster.
_TOKEN_ASCII = ascii_twin(_TOKEN)
_DIGIT_RUN_ASCII = ascii_twin(_DIGIT_RUN)
_SIGN = re.compile(r"[$€£¥]")
_DOLLAR_PREFIX = re.compile(r"(?<![A-Za-z])(?:US|NZ|HK|A|C|S)$")
_ALPHA_RUN = re.compile(r"[A-Za-z]+")
_ANCHOR_WORDS = frozenset([*_ONES, *_TENS, *_WORD_SCALES, "dozen", *_ORDINALS, "half"])
_FRACTION_NEXT = re.compile(r"[\s-]+(?:" + _WHOLE_FRACTION + r")\b", re.IGNORECASE)
# "the second half": a half that is part of a year, a game, not a share.
_ORDINAL_BEFORE = re.compile(r"\b(?:" + _ORDINAL_WORD + r"|\d+(?:st|nd|rd|th))\s+$", re.I)

_ANCHOR_SPELLINGS = sorted({*_ANCHOR_WORDS, *_MONTHS, "a", "an"})
_ANCHOR_FIRST = "".join(sorted({c for w in _ANCHOR_SPELLINGS for c in (w[0], w[0].upper())}))
# The runs of ``_ALPHA_RUN`` that may be anchors (a number word, a month, "a", "an"), in
# any ASCII case: found by one scan, not by a look-up of every word of the text.
_ANCHOR_CANDIDATE = re.compile(
    r"(?=["
    + _ANCHOR_FIRST
    + r"])(?<![A-Za-z])(?a:(?i:"
    + literal_pattern(_ANCHOR_SPELLINGS)
    + r"))(?![A-Za-z])"
)
# "a" or "an" before a fraction ("a third", "an eighth"): where an ASCII text's
# fast word scan looks for them.
_A_BEFORE_FRACTION = re.compile(r"(?<![A-Za-z])an?(?=" + _FRACTION_NEXT.pattern + ")", re.I)
_FRACTION_WORDS = frozenset(_WHOLE_FRACTION.split("|"))
_SCALE_NEXT = re.compile(r"\s+(?:hundred|thousand|million|billion|trillion|dozen)\b", re.IGNORECASE)
# Between two numbers of one range: "3 to 5 million", "$3-5bn", "between 3 and 5 percent".
_RANGE_GAP = re.compile(r"\s*(?:-|–|to)\s*|\s+(?:and|or)\s+", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# "at 9.30": a clock time written the British way, with a dot and no am or pm, after
# a word that places it in the day. Elsewhere "9.30" is an amount.
_DOT_TIME = re.compile(r"(?P<h>\d{1,2})\.(?P<m>\d{2})")
_TIME_BEFORE = re.compile(r"\b(?:at|until|till|before|after|since)\s+$", re.IGNORECASE)
# A year-shaped number that counts something ("2024 jobs", "2024 new workers") is a
# count, not a year: it is followed by a plural noun, lower-case, and no word that
# makes it a year stands before it ("in 2024 jobs were lost", "its 2024 results").
_COUNTED = re.compile(
    r"\s+(?:(?:new|more|extra|additional|other|local|full-time|part-time|permanent|temporary"
    r"|registered|eligible|affected|skilled)\s+)?(?P<noun>[a-z]{2,}s)\b"
)
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|until|till|of|from|during|before|after|for|through|to|and|or|between"
    r"|the|this|that|its|their|his|her|our|your|fiscal|financial|year|early|late|mid|spring"
    r"|summer|autumn|fall|winter|circa)|'s|-|" + _MONTH.format(g="ym") + r")\s*$",
    re.IGNORECASE,
)
# Plural words a year qualifies ("2024 results show...") and words that are no noun.
_NOT_COUNTED = frozenset(
    """was is has does as its his this thus plus us yes less unless always perhaps whereas
    results figures elections accounts earnings budgets games olympics numbers estimates
    forecasts statistics stats levels prices rates sales profits revenues targets plans rules
    returns filings polls midterms primaries finals championships seasons awards rankings
    standards guidelines regulations deadlines records reports data accounts taxes wages
    exams examinations tests graduates models editions""".split()
)


@dataclass(frozen=True)
class Stated:
    """One number as a text states it.

    Attributes:
        text: The number as written, with its currency, scale and unit words.
        start: Where it starts in the text.
        end: Where it ends.
        values: Its readings, scale applied; several only when the scale is ambiguous
            ("5m") or shared with a neighbour ("3 to 5 million" reads 3 as 3 and 3,000,000).
        kind: ``amount``, ``day`` (month * 100 + day), ``year``, ``time`` (minutes
            after midnight), ``ordinal`` or ``fraction`` (0.25 for "a quarter").
        unit: A currency code, ``percent`` or ``points``, else None.
        scaled: True when a scale word or symbol was given with it.
    """

    text: str
    start: int
    end: int
    values: tuple[float, ...]
    kind: Kind
    unit: str | None = None
    scaled: bool = False


def _words_value(words: str) -> float | None:
    """The value of a number written in words ("nine hundred and five" -> 905)."""
    total = 0.0
    current = 0.0
    seen = False
    share = 1.0  # "half a million" is 500,000
    for word in _WORD_GAP.split(words.lower()):
        if word in ("and", ""):
            continue
        if word == "half":
            share = 0.5
            continue
        if word == "dozen":
            current = (current or 1) * 12
        elif word == "a":
            current = 1
        elif word in _ONES:
            current += _ONES[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _WORD_SCALES:
            total += (current or 1) * _WORD_SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return (total + current) * share if seen else None


def _unit(text: str | None) -> str | None:
    if not text:
        return None
    key = " ".join(text.lower().split())
    return _UNITS.get(key, _UNITS.get(key.rstrip("s")))


def _currency(symbol: str | None) -> str | None:
    if not symbol:
        return None
    if symbol in _SYMBOLS:
        return _SYMBOLS[symbol]
    return _DOLLAR_PREFIXES.get(symbol[:-1].lower(), "USD")


def _amount(match: re.Match[str]) -> Stated:
    raw = float(match.group("num").replace(",", ""))
    currency = _currency(match.group("cur"))
    scale = (match.group("scale") or "").lower()
    unit = currency or _unit(match.group("unit"))
    if scale in _SCALES:
        values: tuple[float, ...] = (raw * _SCALES[scale],)
    elif scale in _SHORT_SCALES:
        scaled = raw * _SHORT_SCALES[scale]
        values = (scaled,) if currency else (scaled, raw)
    else:
        values = (raw,)
    return Stated(
        match.group(0).strip(),
        match.start(),
        match.end(),
        values,
        "amount",
        unit,
        scaled=bool(scale),
    )


def _time(match: re.Match[str]) -> Stated:
    hour = int(match.group("th"))
    minute = int(match.group("tm") or match.group("tm2") or 0)
    half = (match.group("tap") or match.group("tap2") or match.group("tap3") or "").lower()
    if half == "p" and hour < 12:
        hour += 12
    if half == "a" and hour == 12:
        hour = 0
    return Stated(match.group(0), match.start(), match.end(), _clock(hour, minute, half), "time")


def _clock(hour: int, minute: int, half: str) -> tuple[float, ...]:
    """Minutes after midnight; a time without am or pm ("9:30") may be either half."""
    if half or not 1 <= hour <= 12:
        return (hour * 60.0 + minute,)
    return (hour * 60.0 + minute, (hour + 12) % 24 * 60.0 + minute)


def _dot_time(match: re.Match[str]) -> Stated | None:
    """The clock time of an amount such as the "9.30" of "at 9.30", else None."""
    if match.group("cur") or match.group("scale") or match.group("unit"):
        return None
    digits = _DOT_TIME.fullmatch(match.group("num"))
    if digits is None or int(digits.group("h")) > 23 or int(digits.group("m")) > 59:
        return None
    if _TIME_BEFORE.search(match.string, max(0, match.start() - 8), match.start()) is None:
        return None
    hour, minute = int(digits.group("h")), int(digits.group("m"))
    return Stated(match.group(0), match.start(), match.end(), _clock(hour, minute, ""), "time")


def _read(match: re.Match[str]) -> Iterator[Stated]:
    text, start, end = match.group(0), match.start(), match.end()
    if match.group("time"):
        if match.group("tm") or match.group("tm2") or match.group("tap3"):
            yield _time(match)
        return
    if match.group("md") or match.group("dm"):
        month = _MONTHS[(match.group("m1") or match.group("m2")).lower()]
        day = int(match.group("d1") or match.group("d2"))
        if 1 <= day <= 31:
            yield Stated(text, start, end, (month * 100.0 + day,), "day")
        return
    if match.group("year"):
        year = int(match.group("y"))
        if _counts(match):
            yield Stated(text, start, end, (float(year),), "amount")
            return
        yield Stated(text, start, end, (float(year),), "year")
        if match.group("ys"):  # "2020-21": the second year too
            yield Stated(text, start, end, (float(year // 100 * 100 + int(text[-2:])),), "year")
        return
    if match.group("ord"):
        yield Stated(text, start, end, (float(_NON_DIGIT.sub("", text)),), "ordinal")
        return
    if match.group("frac"):
        yield from _fraction(match)
        return
    if match.group("oword"):
        rank = _ORDINALS[match.group("oone").lower()]
        if match.group("otens"):
            rank += _TENS[match.group("otens").lower()]
        yield Stated(text, start, end, (float(rank),), "ordinal")
        return
    if match.group("amount"):
        dot_time = _dot_time(match)
        yield dot_time if dot_time is not None else _amount(match)
        return
    value = _words_value(_TRAILING_UNIT.sub("", text))
    words = [w.lower() for w in _WORD_GAP.split(match.group("words")) if w]
    # "one" alone is a pronoun or an article ("one of them"), not a count; a scale
    # word alone ("the million-strong march", a topic "million") counts nothing.
    alone = words == ["one"] and not match.group("wunit")
    bare_scale = all(w in _WORD_SCALES or w == "and" for w in words)
    if value is not None and not alone and not bare_scale:
        scaled = any(w.lower() in _WORD_SCALES for w in _WORD_GAP.split(text))
        yield Stated(text, start, end, (value,), "amount", _unit(match.group("wunit")), scaled)


def _small(word: str) -> int:
    return int(word) if word.isdigit() else int(_words_value(word) or 0)


def _fraction(match: re.Match[str]) -> Iterator[Stated]:
    """The share a fraction states: "one in five" and "a fifth" are both 0.2."""
    text, start, end = match.group(0), match.start(), match.end()
    if match.group("half"):
        if _ORDINAL_BEFORE.search(match.string, max(0, start - 16), start) is None:
            yield Stated(text, start, end, (0.5,), "fraction")
        return
    if match.group("ad"):
        share = 1.0 / _DENOMINATORS[match.group("ad").lower()]
    elif match.group("pd"):
        share = _small(match.group("pn")) / _DENOMINATORS[match.group("pd").lower()]
    else:
        top = _small(match.group("fn") or match.group("sn"))
        bottom = _small(match.group("fd") or match.group("sd"))
        if not 0 < top < bottom:  # "5 in 2", "3/3": two numbers, not a share
            yield Stated(text, start, end, (float(top),), "amount")
            yield Stated(text, start, end, (float(bottom),), "amount")
            return
        share = top / bottom
    yield Stated(text, start, end, (share,), "fraction")


def _counts(match: re.Match[str]) -> bool:
    """True when the year-shaped number of ``match`` counts something ("2024 jobs")."""
    if match.group("ys") or match.group(0).endswith("s"):
        return False  # "2020-21", "the 1990s"
    counted = _COUNTED.match(match.string, match.end())
    if counted is None or counted.group("noun") in _NOT_COUNTED:
        return False
    before = match.string[max(0, match.start() - 16) : match.start()]
    return _YEAR_BEFORE.search(before) is None


def _share_ranges(found: list[Stated], text: str) -> list[Stated]:
    """Let a range share its scale and currency: "3 to 5 million", "$3-5bn"."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind != "amount" or b.kind != "amount":
            continue
        gap = _RANGE_GAP.fullmatch(text[a.end : b.start])
        if gap is None:
            continue
        if gap.group(0).strip().lower() in ("and", "or") and not _BETWEEN.search(
            text[max(0, a.start - 12) : a.start]
        ):
            continue  # "$12.4 million and 300 jobs" is two numbers, not a range
        if b.scaled and not a.scaled:
            factor = b.values[0] / _plain(b)
            out[i] = replace(a, values=(*a.values, a.values[0] * factor), unit=a.unit or b.unit)
        elif b.unit and not a.unit:
            out[i] = replace(a, unit=b.unit)
        if a.unit and not b.unit:
            out[i + 1] = replace(b, unit=a.unit)
    return out


def _plain(stated: Stated) -> float:
    """The number as written, before its scale ("5 million" -> 5)."""
    digits = _DIGITS_RE.search(stated.text)
    if digits is not None:
        return float(digits.group(0).replace(",", ""))
    words = _SCALE_TAIL.sub("", stated.text).strip()
    return _words_value(words) or 1.0


def _anchors(text: str) -> list[int]:
    """Where a number may start: a digit, a currency sign, a month or a number word.

    ``_TOKEN`` is tried only there: scanning every character with it costs a
    hundred times more on a long article.
    """
    digits = _DIGIT_RUN_ASCII if reads_ascii(text) else _DIGIT_RUN
    found = [m.start() for m in digits.finditer(text)]
    for match in _SIGN.finditer(text):
        prefix = _DOLLAR_PREFIX.search(text, max(0, match.start() - 2), match.start())
        found.append(prefix.start() if prefix else match.start())
    for start, word in _word_candidates(text):
        low = word.lower()
        if low in _ANCHOR_WORDS or (
            low in _MONTHS and (word[0].isupper()) and (word.istitle() or word.isupper())
        ):
            found.append(start)
        elif low == "a" and _SCALE_NEXT.match(text, start + 1):
            found.append(start)
        elif low in ("a", "an") and _FRACTION_NEXT.match(text, start + len(low)):
            found.append(start)
    return sorted(set(found))


_NOT_LETTER = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalpha()})
_RUN_WORDS = frozenset([*_ANCHOR_WORDS, *_MONTHS])
_SCALE_RUNS = ("hundred", "thousand", "million", "billion", "trillion", "dozen")


def _word_candidates(text: str) -> list[tuple[int, str]]:
    """Start and text of runs of ``_ALPHA_RUN`` that may be anchors: every one that is.

    In ASCII text the article's words are read with ``str.translate`` and ``split``
    (fast), and only the number words and months it uses are looked for; "a"
    counts only before a scale word, so only there. Other text: ``_ANCHOR_CANDIDATE``.
    """
    if not text.isascii():
        return [(m.start(), m.group(0)) for m in _ANCHOR_CANDIDATE.finditer(text)]
    low = text.lower()
    size = len(low)
    words = set(low.translate(_NOT_LETTER).split())
    found: list[tuple[int, str]] = []
    for word in words & _RUN_WORDS:
        at = low.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at and low[at - 1].isalpha()) and not (end < size and low[end].isalpha()):
                found.append((at, text[at:end]))
            at = low.find(word, at + 1)
    if ("a" in words or "an" in words) and words & _FRACTION_WORDS:
        found.extend((m.start(), m.group(0)) for m in _A_BEFORE_FRACTION.finditer(text))
    if "a" in words:
        for scale in _SCALE_RUNS:
            if scale not in words:
                continue
            at = low.find(scale)
            while at >= 0:
                k = at
                while k > 0 and low[k - 1].isspace():
                    k -= 1
                if k < at and k > 0 and low[k - 1] == "a" and not (k > 1 and low[k - 2].isalpha()):
                    found.append((k - 1, text[k - 1]))
                at = low.find(scale, at + 1)
    return found


def stated_numbers(text: str) -> list[Stated]:
    """Every number ``text`` states, in order, with its kind, unit and scale."""
    if len(text) <= _CACHED_CHARS:
        return list(_stated_in_line(text))
    return list(_stated_numbers(text))


# A briefing's lines are read again on every re-ask and merge (an article is read
# once per index, and is too big to keep).
_CACHED_CHARS = 2000


@lru_cache(maxsize=4096)
def _stated_in_line(text: str) -> tuple[Stated, ...]:
    return _stated_numbers(text)


def _stated_numbers(text: str) -> tuple[Stated, ...]:
    if not _DIGIT_RUN.search(text) and _ANCHOR_WORDS.isdisjoint(_ALPHA_RUN.findall(text.lower())):
        return ()  # no digit and no number word: nothing to read
    found: list[Stated] = []
    end = 0
    token = _TOKEN_ASCII if reads_ascii(text) else _TOKEN
    for anchor in _anchors(text):
        if anchor < end:
            continue
        match = token.match(text, anchor)
        if match is None or match.end() == match.start():
            continue
        end = match.end()
        found.extend(_read(match))
    return tuple(_share_ranges(found, text))


def plain(value: float) -> str:
    """A value as a person writes it: 1240000 -> "1,240,000", 12.5 -> "12.5"."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
