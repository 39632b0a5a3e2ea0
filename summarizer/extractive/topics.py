"""A stance's topic as a short noun phrase a reader can read.

The topic is what the figure in the statement measures ("the cost of the
works"), else the most salient noun phrase of the reported clause ("the
price", "the crowd"), else the clause's most salient noun. Never a list of
keywords, and at most six words. A phrase is whole: it stops before the clause's
verb, ends on its head noun (not an adjective, adverb, time word or verb form),
and is left out rather than cut off when its head lies beyond six words.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from summarizer.checks.asciire import twin_re
from summarizer.extractive.figures import find_figures
from summarizer.extractive.lexicon import (
    CURRENCY_SYMBOLS,
    ED_NOT_VERBS,
    IRREGULAR_PAST,
    SPEECH_VERBS,
    STOPWORDS,
    WEEKDAYS,
)

MAX_TOPIC_WORDS = 6
_TOKEN = twin_re(r"[\w’'\-]+|[^\w\s]")
_DETERMINERS = frozenset("the a an its their his her these those our".split())
# A possessive ending; tokens and words hold no newline, so endswith is "(?:’s|'s)$".
_POSSESSIVES = ("’s", "'s")
# The same with a plural's bare apostrophe: "the Democrats' inquiry".
_ANY_POSSESSIVE = (*_POSSESSIVES, "s’", "s'")
_NOT_NOUNS = frozenset(
    """
    is are was were be been being has have had do does did would will can could should may
    might must not also only just very more most less least all both each every other same
    such own first last next many much few several about up out off over into onto
    leaves left gets got goes went made makes take takes took come came say says
    via amid despite toward towards across within without upon onto amongst beyond
    throughout unless whether versus like near inside outside behind beside besides beneath
    along alongside underneath regarding concerning whose whom cannot
    """.split()
)
_PLAIN_MEASURES = frozenset("people percent USD EUR GBP".split())


def topic_of(clauses: list[str], frequencies: Counter[str]) -> str:
    """The topic of a group of statements (their reported clauses, first first)."""
    for clause in clauses[:1]:
        for figure in find_figures(clause):
            measure = figure.measure
            if measure and measure not in _PLAIN_MEASURES and measure != figure.unit:
                topic = _measure_topic(measure, clause)
                if topic:
                    return topic
                break  # a measure that is no phrase of the clause: its noun phrases
    best: tuple[bool, float, str] | None = None
    for order, clause in enumerate(clauses[:3]):
        for position, phrase in enumerate(_phrases(clause)):
            weight = _salience(phrase.text, frequencies) / (1 + order + 0.1 * position)
            # A predicate noun ("is a fair price") only when the clauses have no other.
            key = (not phrase.predicate, weight, phrase.text)
            if best is None or key[:2] > best[:2]:
                best = key
    if best is not None:
        return best[2]
    words = [w for clause in clauses for w in _last_resort_words(clause)]
    if not words:
        return "the statement"
    return "the " + max(words, key=lambda w: (frequencies[w.lower()], -words.index(w)))


@dataclass(frozen=True)
class _Phrase:
    """A noun phrase of a clause, and whether it is the predicate of a copula."""

    text: str
    predicate: bool


def noun_phrases(clause: str) -> list[str]:
    """Determiner-led noun phrases: "the true cost", "the authority's figure"."""
    return [phrase.text for phrase in _phrases(clause)]


def _phrases(clause: str) -> list[_Phrase]:
    """Each determiner's or owner's noun phrase in the clause, in order."""
    tokens = _TOKEN.findall(clause)
    phrases: list[_Phrase] = []
    for i, token in enumerate(tokens):
        owner = i > 0 and _owner(token)
        if token.lower() not in _DETERMINERS and not owner:
            continue
        lead = [token] if owner else ["the"]
        start = i + 1
        if not owner and token.lower() in _INDEFINITE and _quantity_word(tokens, start):
            start = _counted_start(tokens, start)
            if start < 0:
                continue
            if _owner(tokens[start]):
                lead = []  # "a number of | Port Ellis's berths"
        room = MAX_TOPIC_WORDS - len(lead)
        words = _head_run(tokens, start, room)
        if not words or not any(_nounish(w) for w in words):
            continue
        first = i
        if owner:
            name = _owner_name(tokens, i)
            lead = name if len(name) + len(words) <= MAX_TOPIC_WORDS else [token]
            first = i - len(name) + 1
        if _subject_position(tokens, first) and _swallowed_verb(tokens, start, words):
            words.pop()
        words += _of_phrase(tokens, start + len(words), MAX_TOPIC_WORDS - len(lead) - len(words))
        predicate = token.lower() in _INDEFINITE and _predicate_position(tokens, i)
        phrases.append(_Phrase(_trim([*lead, *words]), predicate))
    return phrases


# The union made once, not at every word a topic is trimmed of.
_TRIMMED = STOPWORDS | _DETERMINERS


def _trim(words: list[str]) -> str:
    words = words[:MAX_TOPIC_WORDS]
    while len(words) > 2 and words[-1].lower() in _TRIMMED:
        words.pop()
    return " ".join(words)


def _head_run(tokens: list[str], k: int, room: int) -> list[str]:
    """The words of a noun phrase from token k to its head noun, or none.

    The run stops at the clause's verb, an adverb or a time word, and gives up
    when its head lies beyond the room left (a cut-off phrase is no phrase) or
    after "and" (an adjective before "and" modifies a later head). Then it ends
    on its head: no possessive, adjective or adverb last.
    """
    words: list[str] = []
    j = k
    while j < len(tokens):
        word = tokens[j]
        if not _in_noun_phrase(word):
            break
        following = tokens[j + 1] if j + 1 < len(tokens) else ""
        after_noun = words and not words[-1].endswith(_ANY_POSSESSIVE)
        if after_noun and (_verb_after_noun(word) or _verb_with_object(words[-1], word, following)):
            break  # not after an owner: "the Board's | proposed rules" is no verb
        if _time_word(word) or (word == "own" and not words):
            break  # "his own hands" is no "the own hands"
        if len(words) == room:
            return []  # "the largest deep water | berth": the head is out of reach
        words.append(word)
        j += 1
    if words and not _head_shaped(words[-1]) and j < len(tokens) and tokens[j] in _COORDINATORS:
        return []  # "the current political | and economic mess": the head comes later
    while words and (words[-1].endswith(_ANY_POSSESSIVE) or not _head_shaped(words[-1])):
        words.pop()
    return words


def _subject_position(tokens: list[str], i: int) -> bool:
    """A phrase that opens its clause: first, or after "that", "if", "until", ";"."""
    return i == 0 or tokens[i - 1].lower() in _CLAUSE_OPENERS


def _swallowed_verb(tokens: list[str], start: int, words: list[str]) -> bool:
    """A subject's run whose last word is the clause's verb, as no verb follows it.

    "the statistics | show that", "the fishermen | want more", "if the storm
    system | moves further": a plain word after a plural, or an -s word after a
    singular followed by an adverb. Not when an auxiliary, a speech verb, a
    preposition or punctuation follows ("the arms deal with", "the jobs figure,").
    """
    if len(words) < 2:
        return False
    previous, last = words[-2], words[-1]
    following = tokens[start + len(words)] if start + len(words) < len(tokens) else ""
    lower = following.lower()
    if not last.islower() or previous.endswith(_ANY_POSSESSIVE) or not following.islower():
        return False
    if lower in _AUXILIARIES or lower in SPEECH_VERBS or lower.endswith("ed"):
        return False
    if lower in _PREPOSITIONS or lower in _RELATIVES_NOT_THAT or lower in _COORDINATORS:
        return False
    plural_before = _plural(previous) and previous.islower()
    if _s_form(last):
        return not plural_before and lower in _ADVERBS_OR_COMPARATIVES
    return plural_before


def _in_noun_phrase(word: str) -> bool:
    if word in _PRENOMINAL:
        return True  # "the Board's proposed | new harbour rules": a modifier, never the head
    return _nounish(word) or (word[:1].isupper() and word.lower() not in STOPWORDS)


def _of_phrase(tokens: list[str], k: int, room: int) -> list[str]:
    """The word "of" and its complement, when the complement is a whole noun phrase.

    Not a verb's clause ("accused the board | of hiding the report"), and not a
    complement cut off before its head.
    """
    if k + 1 >= len(tokens) or tokens[k] != "of" or room < 2:
        return []
    words = ["of"]
    k += 1
    if tokens[k].lower() in _DETERMINERS:
        words.append("the")
        k += 1
    if _gerund_with_object(tokens, k):
        return []
    run = _head_run(tokens, k, room - len(words))
    return [*words, *run] if run else []


def _gerund_with_object(tokens: list[str], k: int) -> bool:
    """An -ing word with an object or a preposition after it is a verb.

    "of | hiding the report", "of | working with the unions".
    """
    if k >= len(tokens) or not tokens[k].islower() or not tokens[k].endswith("ing"):
        return False
    following = tokens[k + 1] if k + 1 < len(tokens) else ""
    return _object_start(following) or following[:1].isupper() or following.lower() in _PREPOSITIONS


def _owner(token: str) -> bool:
    """A capitalised possessive that owns a phrase: "the Board's" yes, "It's" no."""
    if not token[:1].isupper() or not token.endswith(_POSSESSIVES):
        return False
    return token[:-2].lower() not in _CONTRACTING_PRONOUNS


def _owner_name(tokens: list[str], i: int) -> list[str]:
    """The owner with the rest of its name: "Port Ellis's", not "Ellis's".

    Not from the clause's first word, which may be a capitalised verb. The caller
    keeps the whole name when the topic has room for it, else the owner's word alone
    (cut elsewhere, "Prime Minister Orla Breen's" would read "Minister Orla Breen's").
    """
    name = [tokens[i]]
    j = i - 1
    while j >= 1:
        word = tokens[j]
        particle = word in _NAME_PARTICLES and tokens[j - 1][:1].isupper()
        if not particle and not (word[:1].isupper() and word.lower() not in STOPWORDS):
            break
        if word.endswith(_POSSESSIVES):
            break
        name.insert(0, word)
        j -= 1
    return name


def _quantity_word(tokens: list[str], k: int) -> bool:
    return k < len(tokens) and tokens[k].lower() in _QUANTITY_WORDS


def _counted_start(tokens: list[str], k: int) -> int:
    """Where what "a lot of" counts starts, or -1: "a bit careless" counts nothing."""
    if k + 2 < len(tokens) and tokens[k + 1] == "of":
        return k + 2 + (tokens[k + 2].lower() in _DETERMINERS)
    return -1


def _predicate_position(tokens: list[str], i: int) -> bool:
    """An indefinite phrase right after a copula: "it is | a fair price".

    Not after "there is", where the phrase is the subject ("there is a leak").
    """
    if i == 0 or not _copula(tokens[i - 1]):
        return False
    before = tokens[i - 2].lower() if i > 1 else ""
    return before != "there" and not tokens[i - 1].lower().startswith("there")


def _copula(word: str) -> bool:
    lower = word.lower()
    if lower in _COPULAS:
        return True
    return lower.endswith(_POSSESSIVES) and lower[:-2] in _CONTRACTING_PRONOUNS


def _measure_topic(measure: str, clause: str) -> str:
    """A figure's measure as a topic, or "" when it is no noun phrase of the clause.

    A measure the figure names itself ("number of boats", "share of the vote",
    "cost") keeps its head and loses a dangling preposition or relative clause.
    A measure read from the loose words before a figure ("harbour levy rise",
    "pledged") must be a noun phrase the clause itself has ("the harbour levy").
    """
    words = measure.split()
    if words[0].lower() in _FIGURE_HEADS:
        words = words[: MAX_TOPIC_WORDS - 1]
        for cut, word in enumerate(words):
            if word.lower() in _RELATIVES:
                words = words[:cut]
                break
        while len(words) > 1 and words[-1].lower() in _DANGLING:
            words.pop()
        return _with_article(" ".join(words))
    parsed = _phrases(_with_article(measure))
    if not parsed:
        return ""
    head = parsed[0].text.split()[1:]
    for phrase in noun_phrases(clause):
        if phrase.split()[-len(head) :] == head:
            return phrase
    return ""


_DANGLING = _NOT_NOUNS | _TRIMMED


def _verb_with_object(previous: str, word: str, following: str) -> bool:
    """A word after a noun with an object after it is the clause's verb.

    "the ferry company | nears the end", "the baker | paying the fine", "the
    stall | sells them": a noun takes no object of its own. A plain word is let
    be ("give the British public | the say"). An -ing word followed by a
    preposition is a verb too, after a plural.
    """
    if not word.islower() or previous.endswith(_ANY_POSSESSIVE):
        return False
    if word.endswith("ing") and following.lower() in _PREPOSITIONS and _plural(previous):
        # "the skiffs | drifting into the bay"; after a singular it is as often a
        # noun ("the suicide bombing in the city")
        return True
    if not _object_start(following):
        return False
    if word.endswith(("ing", "ed")):
        return True
    # A plain word may be a noun with its own object ("give the British public | the
    # say"), and a plural after a plural is no verb; an -s word after a singular is.
    return _s_form(word) and not (_plural(previous) and previous.islower())


def _s_form(word: str) -> bool:
    """A word in -s: a plural noun or a verb after a singular subject."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _plural(word: str) -> bool:
    lower = word.lower()
    if lower in _IRREGULAR_PLURALS or lower.endswith("men"):
        return True  # "fishermen", "ferrymen"
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


def _object_start(token: str) -> bool:
    """A token that starts a verb's object: a determiner, a pronoun or a figure."""
    lower = token.lower()
    return (
        lower in _DETERMINERS
        or lower in _OBJECT_PRONOUNS
        or token[:1].isdigit()
        or token in CURRENCY_SYMBOLS
    )


def _time_word(word: str) -> bool:
    """A day or a time adverb, which ends a phrase: "the vote | tomorrow"."""
    return word.lower() in _TIME_WORDS or word.lower() in WEEKDAYS


def _head_shaped(word: str) -> bool:
    """A word that can head a noun phrase: not an adverb, nor an adjective by its ending.

    "the lighthouse | operable", "the mooring fees | reasonable", "a | deeply careless":
    the phrase is cut back to its noun.
    """
    lower = word.lower()
    if not word.islower():
        return True
    if lower in _PRENOMINAL:
        return False
    if len(lower) > 4 and lower.endswith("ly") and lower not in _LY_NOUNS:
        return False
    return not (len(lower) > 6 and lower.endswith(_ADJECTIVE_ENDINGS))


def _noun_shaped(word: str) -> bool:
    """A last-resort topic word that reads as a noun: no verb form, adverb or pronoun."""
    lower = word.lower()
    if lower in IRREGULAR_PAST or lower in _INDEFINITE_PRONOUNS:
        return False
    if lower.endswith(("ed", "ing")) and lower not in ED_NOT_VERBS:
        return False
    return _head_shaped(word) and lower not in _TIME_WORDS


def _verb_after_noun(word: str) -> bool:
    """A word that, after a noun, is its verb or an adverb: "showed", "saw", "eventually".

    Not an -ing word: after a noun it is as often a noun of its own ("the maintenance
    dredging", "the regional fishing") as a verb.
    """
    lower = word.lower()
    if not word.islower():
        return False
    if lower in _VERB_FORMS or lower in _ADVERBS or lower in _CONTRACTIONS:
        return True
    if len(lower) > 3 and lower in IRREGULAR_PAST and lower not in _PAST_NOUNS:
        return True  # "the air strikes | began"; short ones ("cut", "set") are nouns too
    if lower.endswith(_CONTRACTED_ENDINGS):
        return True  # "the slipway | that's crumbling", "the crew | who'd"
    if len(lower) > 4 and lower.endswith("ly") and lower not in _LY_NOUNS:
        return True  # "the system | eventually cost": an adverb, then the verb
    return len(lower) > 4 and lower.endswith("ed") and lower not in ED_NOT_VERBS


# Verbs that do not end in -ed or -ing, common after a subject in news; and the
# linking verbs, which are followed by an adjective, not an object.
_VERB_FORMS = frozenset(
    """
    saw stood hid hides held led fell rose risen grew shown seen won lost sent spent kept
    left wants needs adds brings dies works shows falls represents remains
    becomes become seems seem appears stays looks sounds feels
    """.split()
)
# Adverbs that end a noun phrase: "the people | back".
_ADVERBS = frozenset(
    "back again away now then still already ahead instead abroad overseas aboard forward "
    "outright together alone anyway too either later earlier soon recently higher lower".split()
)
# Time words that end a noun phrase: "the vote | tomorrow". Weekdays too.
_TIME_WORDS = frozenset("today tonight yesterday tomorrow".split())
# Nouns in -ly. Not the lexicon's LY_NOT_ADVERBS: after a noun, "daily", "early" and
# "weekly" are adverbs ("drown in the Mediterranean | daily").
_LY_NOUNS = frozenset("family assembly supply rally ally anomaly monopoly italy july".split())
# Adjective endings that nouns of more than six letters hardly have ("operable",
# "reasonable", "careless", "dangerous"); shorter words ("table", "cable") may be nouns.
_ADJECTIVE_ENDINGS = ("able", "ible", "ous", "less", "ful", "ical")
# Common words that only modify a noun after a determiner: "the | new | rules",
# "its | own | survey". Inside a phrase, never at its end.
_PRENOMINAL = frozenset("new own other first last next same".split())
# Determiners of one thing, which may lead a predicate noun ("is a fair price").
_INDEFINITE = frozenset(("a", "an"))
# Words that count or measure what follows "of": "a lot of trawlers", "a bit careless".
_QUANTITY_WORDS = frozenset(
    "lot lots bit little couple handful plenty host range variety number kind sort".split()
)
_COPULAS = frozenset("is are was were be been being remains remained became becomes".split())
# Pronouns that contract with "is" or "has": "It's", "that's", "there's".
_CONTRACTING_PRONOUNS = frozenset(
    "it that there here what who he she let where how this everyone nobody".split()
)
_CONTRACTIONS = frozenset(f"{p}{s}" for p in _CONTRACTING_PRONOUNS for s in _POSSESSIVES)
_CONTRACTED_ENDINGS = tuple(
    f"{q}{end}" for q in ("’", "'") for end in ("re", "ve", "ll", "d", "m", "t")
)
_OBJECT_PRONOUNS = frozenset("it them him her us me you this these those".split())
_INDEFINITE_PRONOUNS = frozenset(
    """
    nobody somebody anybody everybody nothing something anything everything
    none someone anyone everyone elsewhere everywhere somewhere anywhere nowhere
    """.split()
)
# Name particles inside a person's name: "Osama bin Laden's", "Vincent van Gogh's".
_NAME_PARTICLES = frozenset("bin ibn van von de der da di du del la le al el".split())
# Measures a figure names itself ("number of boats", "share of the vote", "cost").
_FIGURE_HEADS = frozenset("number share change cost total".split())
# Not the comma: "the deal acceptable, saying" has its head ("deal") before it.
_COORDINATORS = frozenset(("and", "or"))
# Words after which a clause opens with its subject.
_CLAUSE_OPENERS = frozenset(
    "that if until unless when whenever because while after before since once whether ; :".split()
)
_AUXILIARIES = frozenset(
    """
    is are was were be been being has have had do does did will would can could should
    may might must shall cannot
    """.split()
)
_COMPARATIVES = frozenset("more less most least further".split())
_RELATIVES = frozenset("who which that whose where when".split())
_DEMONSTRATIVES = frozenset("this that".split())
# Unions asked of every word of a clause, made once.
_RELATIVES_NOT_THAT = _RELATIVES - {"that"}
_ADVERBS_OR_COMPARATIVES = _ADVERBS | _COMPARATIVES
_DETERMINERS_OR_DEMONSTRATIVES = _DETERMINERS | _DEMONSTRATIVES
# Plurals without an -s: "the young fish | coming through".
_IRREGULAR_PLURALS = frozenset("people men women children police staff fish sheep cattle".split())
# Prepositions and particles: after a noun, an -ing word followed by one is a verb
# ("the skiff | drifting into the bay").
_PREPOSITIONS = frozenset(
    """
    in on at to for from with by through into onto across over under up out off down
    around about along past toward towards near behind inside outside
    """.split()
)
# Past forms that are also common nouns after a noun ("the budget cut", "the drum beat").
_PAST_NOUNS = frozenset("spread shot rose beat felt quit".split())


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


def _last_resort_words(clause: str) -> list[str]:
    """The clause's words that read as nouns, for a topic when it has no noun phrase.

    An -ing or -ed word counts only after a determiner ("disputes that reading"):
    alone it is a verb ("is still trying", "was not interested"). A word right
    before another such word modifies it ("psychiatric | reports") or is its verb
    ("nobody | stops sailing"), so only the last of a run counts.
    """
    tokens = _TOKEN.findall(clause)
    words: list[str] = []
    for i, word in enumerate(tokens):
        if not _nounish(word) or len(word) <= 2:
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if _nounish(following) and not _verb_after_noun(following):
            continue
        led = i > 0 and tokens[i - 1].lower() in _DETERMINERS_OR_DEMONSTRATIVES
        if _noun_shaped(word) or (led and _head_shaped(word)):
            words.append(word)
    return words


def _with_article(measure: str) -> str:
    first = measure.split()[0]
    if first.lower() in _DETERMINERS or first[:1].isupper():
        return measure
    return _trim(f"the {measure}".split())
