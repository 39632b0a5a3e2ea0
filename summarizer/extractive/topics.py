"""A stance's topic as a short noun phrase a reader can read.

The topic is what the figure in the statement measures ("the cost of the
works"), else the most salient noun phrase of the reported clause ("the
price", "the crowd"), else the clause's most salient noun. Never a list of
keywords, and at most six words.
"""

from __future__ import annotations

import math
from collections import Counter

from summarizer.checks.asciire import twin_re
from summarizer.extractive.figures import find_figures
from summarizer.extractive.lexicon import ED_NOT_VERBS, SPEECH_VERBS, STOPWORDS

MAX_TOPIC_WORDS = 6
_TOKEN = twin_re(r"[\w’'\-]+|[^\w\s]")
_DETERMINERS = frozenset("the a an its their his her these those our".split())
# A possessive ending; tokens and words hold no newline, so endswith is "(?:’s|'s)$".
_POSSESSIVES = ("’s", "'s")
_NOT_NOUNS = frozenset(
    """
    is are was were be been being has have had do does did would will can could should may
    might must not also only just very more most less least all both each every other same
    such own first last next many much few several about up out off over into onto
    leaves left gets got goes went made makes take takes took come came say says
    via amid despite toward towards across within without upon onto amongst beyond
    throughout unless whether versus like near inside outside behind beside besides beneath
    along alongside underneath regarding concerning
    """.split()
)
_PLAIN_MEASURES = frozenset("people percent USD EUR GBP".split())


def topic_of(clauses: list[str], frequencies: Counter[str]) -> str:
    """The topic of a group of statements (their reported clauses, first first)."""
    for clause in clauses[:1]:
        for figure in find_figures(clause):
            measure = figure.measure
            if measure and measure not in _PLAIN_MEASURES and measure != figure.unit:
                return _with_article(measure)
    best: tuple[float, int, str] | None = None
    for order, clause in enumerate(clauses[:3]):
        for position, phrase in enumerate(noun_phrases(clause)):
            weight = _salience(phrase, frequencies) / (1 + order + 0.1 * position)
            if best is None or weight > best[0]:
                best = (weight, order, phrase)
    if best is not None:
        return best[2]
    words = [w for clause in clauses for w in _content(clause)]
    if not words:
        return "the statement"
    return "the " + max(words, key=lambda w: (frequencies[w.lower()], -words.index(w)))


def noun_phrases(clause: str) -> list[str]:
    """Determiner-led noun phrases: "the true cost", "the authority's figure"."""
    tokens = _TOKEN.findall(clause)
    phrases: list[str] = []
    for i, token in enumerate(tokens):
        owner = i > 0 and token[:1].isupper() and token.endswith(_POSSESSIVES)
        if token.lower() not in _DETERMINERS and not owner:
            continue
        words: list[str] = []
        for word in tokens[i + 1 : i + 4]:
            if not (_nounish(word) or (word[:1].isupper() and word.lower() not in STOPWORDS)):
                break
            if words and _verb_after_noun(word):
                break  # "the audit | showed", "the walkout | costing": the verb ends it
            words.append(word)
            if not word.endswith(_POSSESSIVES) and len(words) >= 3:
                break
        while words and words[-1].endswith(_POSSESSIVES):
            words.pop()
        if words and any(_nounish(w) for w in words):
            words += _of_phrase(tokens, i + 1 + len(words))
            phrases.append(_trim([token if owner else "the", *words]))
    return phrases


# The union made once, not at every word a topic is trimmed of.
_TRIMMED = STOPWORDS | _DETERMINERS


def _trim(words: list[str]) -> str:
    words = words[:MAX_TOPIC_WORDS]
    while len(words) > 2 and words[-1].lower() in _TRIMMED:
        words.pop()
    return " ".join(words)


def _of_phrase(tokens: list[str], k: int) -> list[str]:
    if k + 1 >= len(tokens) or tokens[k] != "of":
        return []
    words = ["of"]
    if tokens[k + 1].lower() in _DETERMINERS:
        words.append("the")
        k += 1
    for word in tokens[k + 1 : k + 3]:
        if not _nounish(word) and not word[:1].isupper():
            break
        words.append(word)
    return words if len(words) > 1 and words[-1] != "the" else []


def _verb_after_noun(word: str) -> bool:
    """A word that, after a noun, is its verb or an adverb: "showed", "saw", "eventually".

    Not an -ing word: after a noun it is as often a noun of its own ("the maintenance
    dredging", "the regional fishing") as a verb.
    """
    lower = word.lower()
    if not word.islower():
        return False
    if lower in _VERB_FORMS or lower in _ADVERBS:
        return True
    if len(lower) > 4 and lower.endswith("ly") and lower not in _LY_NOUNS:
        return True  # "the system | eventually cost": an adverb, then the verb
    return len(lower) > 4 and lower.endswith("ed") and lower not in ED_NOT_VERBS


# Verbs that do not end in -ed or -ing, common after a subject in news.
_VERB_FORMS = frozenset(
    """
    saw stood hid hides held led fell rose risen grew shown seen won lost sent spent kept
    left wants needs adds brings dies works shows falls represents remains
    """.split()
)
# Adverbs that end a noun phrase: "the people | back".
_ADVERBS = frozenset("back again away now then still already".split())
# Nouns in -ly. Not the lexicon's LY_NOT_ADVERBS: after a noun, "daily", "early" and
# "weekly" are adverbs ("drown in the Mediterranean | daily").
_LY_NOUNS = frozenset("family assembly supply rally ally anomaly monopoly italy july".split())


def _nounish(word: str) -> bool:
    lower = word.lower()
    return (
        word[:1].isalpha()
        and word[:1].islower()
        and lower not in STOPWORDS
        and lower not in _NOT_NOUNS
        and lower not in SPEECH_VERBS
        and lower not in _DETERMINERS
    )


def _salience(phrase: str, frequencies: Counter[str]) -> float:
    words = [_unpossessed(w.lower()) for w in phrase.split() if w not in ("the", "of")]
    return sum(math.log(1 + frequencies[w]) for w in words if w not in STOPWORDS) + 0.01


def _unpossessed(word: str) -> str:
    return word[:-2] if word.endswith(_POSSESSIVES) else word


def _content(clause: str) -> list[str]:
    return [w for w in _TOKEN.findall(clause) if _nounish(w) and len(w) > 2]


def _with_article(measure: str) -> str:
    first = measure.split()[0]
    if first.lower() in _DETERMINERS or first[:1].isupper():
        return measure
    return _trim(f"the {measure}".split())
