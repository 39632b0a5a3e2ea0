"""Tokens of a sentence, and the content a verb of saying reports.

A token knows whether it sits inside a quotation, so a speaker is never read
from quoted words. Work per sentence is capped at a fixed number of tokens.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import NamedTuple

from summarizer.extractive.lexicon import (
    DENIAL_VERBS,
    DESCRIPTION_HEADS,
    ED_NOT_VERBS,
    IRREGULAR_PAST,
    MONTHS,
    PURE_SPEECH_VERBS,
    SPEECH_VERBS,
    TITLES,
    WEEKDAYS,
)

_MAX_TOKENS = 160
# A capitalised name may hold "&" between capitals: "PG&E", "AT&T" are one word.
# So may dotted initials: "U.S." is one word, as the cast names it ("U.S. Army").
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}(?![\w’'])|[^\W\d_][\w’'\-]*(?:&[A-Z][\w’'\-]*)*|\d+(?:[.,]\d+)*|[,;:\"“”()]"
)
# ``_TOKEN`` for ASCII text, most sentences: the same matches, read from ranges of
# characters rather than Unicode classes, about a third faster.
_ASCII_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}(?![a-zA-Z0-9_'])|[a-zA-Z][a-zA-Z0-9_'\-]*(?:&[A-Z][a-zA-Z0-9_'\-]*)*"
    r"|[0-9]+(?:[.,][0-9]+)*|[,;:\"()]"
)
_QUOTED = re.compile(r"[\"“]([^\"“”]{8,800})[\"”]")
PREPOSITIONS = frozenset(
    "in on at during with from to for by after before into over against through".split()
)
ARTICLES = frozenset("a an the this last next".split())
PREPOSITIONS_OR_OF = PREPOSITIONS | {"of"}


class Token(NamedTuple):
    """One word, number or mark of a sentence (a tuple: made by the hundred per article)."""

    text: str
    start: int
    end: int
    quoted: bool


_QUOTE_MARKS = ('"', "“", "”")
# Token(...) goes through a Python-level __new__; a tuple made directly is the same
# Token at half the cost, and a sentence makes a hundred of them.
_make = tuple.__new__


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` (capped), each marked as inside a quotation or not."""
    pattern = _ASCII_TOKEN if text.isascii() else _TOKEN
    if '"' not in text and "“" not in text and "”" not in text:
        # No quotation mark, so no token is quoted: the usual sentence, built at once.
        return [
            _make(Token, (match.group(), *match.span(), False))
            for match in islice(pattern.finditer(text), _MAX_TOKENS)
        ]
    tokens: list[Token] = []
    append = tokens.append
    quoted = False
    for match in pattern.finditer(text):
        word = match.group()
        start, end = match.span()
        if word in _QUOTE_MARKS:  # a mark itself is never quoted
            quoted = word == "“" or (word == '"' and not quoted)
            append(_make(Token, (word, start, end, False)))
        else:
            append(_make(Token, (word, start, end, quoted)))
        if len(tokens) >= _MAX_TOKENS:
            break
    return tokens


_DETERMINED = frozenset(",.;:")
_TELLING = frozenset("told tells tell".split())
# Words that open the reported clause itself; a "that" after them is a relative pronoun.
_CLAUSE_STARTS = frozenset("that he she it they we i there".split())
_CLAUSE_OPENERS = frozenset(
    "was were is are had has have would will could should did does do can may might".split()
)


_NEGATIONS = frozenset("not never".split())
_AUXILIARIES = frozenset(
    "do does did has have had is are was were will would could can should may might must".split()
)


def negation_start(tokens: list[Token], verb: int) -> int | None:
    """Where a negation of the verb at ``verb`` starts, if it is negated.

    "does not believe", "never disputed", "didn't dispute", "no longer accepts":
    the index of the auxiliary or negation word, so a clause taken from there
    keeps the "not" that turns its meaning around.
    """
    if verb < 1:
        return None
    before = tokens[verb - 1].text.lower()
    if before.endswith(("n't", "n’t")):
        return verb - 1
    if before in _NEGATIONS:
        if verb >= 2 and tokens[verb - 2].text.lower() in _AUXILIARIES:
            return verb - 2
        return verb - 1
    if before == "longer" and verb >= 2 and tokens[verb - 2].text.lower() == "no":
        return verb - 2
    return None


# What may stand between a verb of saying and the words it reports: when, where or
# how they were said ("said on Friday", "said via Twitter,", "told the press after
# the vote:"). None of it is the speaker's position.
_FRAME_OPENERS = PREPOSITIONS | {"via", "of"}
_TIME_ADVERBS = frozenset("yesterday today tonight earlier later".split()) | WEEKDAYS
_DAYS_AND_MONTHS = WEEKDAYS | MONTHS
_PERIODS = frozenset("week weekend month year night morning afternoon evening".split())
_TIME_FRAME_WORDS = (
    _TIME_ADVERBS
    | MONTHS
    | _PERIODS
    | frozenset("on in at the this last next early late local time".split())
)
# How many tokens a frame closed by a comma or colon may hold: "on MSNBC's morning
# news show after the debate," (read off fresh sentences, not tuned on any split).
_FRAME_REACH = 10


def past_frame(tokens: list[Token], k: int, *, telling: bool = False) -> int:
    """The index after a frame that opens at ``k`` (``k`` itself when there is none).

    - A frame closed by a comma or colon: a quotation must follow it ('said via
      Twitter, "..."'), unless the frame only says when ("said on Monday, the fees
      ..."). After "told" the frame may open on the listener ("told the press
      after the vote: "...").
    - A time said without a comma: "said on Friday the quay ...", "said yesterday".
    """
    n = len(tokens)
    if k >= n:
        return k
    first = tokens[k].text.lower()
    if telling or first in _FRAME_OPENERS or first in _TIME_ADVERBS:
        only_time = not telling
        for j in range(k, min(k + _FRAME_REACH + 1, n)):
            word = tokens[j].text
            if word in (",", ":") and j > k:
                if j + 1 < n and (tokens[j + 1].text in ('"', "“") or only_time):
                    return j + 1
                break
            lower = word.lower()
            if (
                word in ('"', "“", "”", ";", "(", ")")
                or lower == "that"
                or lower in _CLAUSE_OPENERS
                or lower in SPEECH_VERBS
            ):
                break
            if not (lower in _TIME_FRAME_WORDS or word.isdigit()):
                only_time = False
    return _past_time(tokens, k)


def _past_time(tokens: list[Token], k: int) -> int:
    """The index after "on Friday", "yesterday", "last week" or "on March 3" at ``k``."""
    n = len(tokens)
    words = [t.text.lower() for t in tokens[k : k + 3]]
    end = k
    if words[:1] and words[0] in _TIME_ADVERBS:
        end = k + 1
    elif len(words) >= 2 and words[0] == "on" and words[1] in _DAYS_AND_MONTHS:
        end = k + 2
        if words[1] in MONTHS and end < n and tokens[end].text.isdigit():
            end += 1
    elif len(words) >= 2 and words[0] in ("last", "this") and words[1] in _PERIODS:
        end = k + 2
    if end > k and end < n and tokens[end].text == ",":
        end += 1
    return end


def reported_clause(text: str, tokens: list[Token], verb: int) -> str:
    """The content reported by the verb at index ``verb``.

    A negated verb ("does not believe the figures", "never disputed the count")
    and a verb of denial ("denied that the jobs would go") report their whole
    predicate, the negation or denial included: what follows the verb alone
    would say the opposite of what the sentence says.
    """
    negated = negation_start(tokens, verb)
    if negated is not None:
        return text[tokens[negated].start :].strip()
    before = _content_before(text, tokens, verb)
    if before:
        return before
    if tokens[verb].text.lower() in DENIAL_VERBS:
        return text[tokens[verb].start :].strip()
    start = verb + 1
    if tokens[verb].text.lower() in _TELLING and _told_to(tokens, verb):
        return text[tokens[verb].start :].strip()  # "told Mr Selin to free them": an order
    if tokens[verb].text.lower() in _TELLING:
        framed = past_frame(tokens, start, telling=True)
        start = framed if framed > start else past_frame(tokens, _after_listener(tokens, start))
    else:
        start = past_frame(tokens, start)
    for k in range(start, min(start + 9, len(tokens))):
        if tokens[k].text == "that" and not tokens[k].quoted and not _determiner(tokens, k):
            return text[tokens[k].end :].strip()
        if tokens[k].text in ('"', "“"):
            break
        if tokens[k].text.lower() in _CLAUSE_OPENERS and k > verb + 1:
            break  # "said the union was counting posts that ...": no "that" to find
        if k > start and _past_verb(tokens[k].text):
            break  # "says the board left out the dredging that ...": the clause has begun
    if start < len(tokens) and start > verb + 1 and tokens[start].text not in ('"', "“"):
        return text[tokens[start].start :].strip()  # "told councillors the choice was ..."
    if start == verb + 1 and bare_clause(tokens, start):
        return text[tokens[start].start :].strip()  # "believe his visit could help ..."
    quoted = _QUOTED.search(text)
    after = start < len(tokens) and tokens[start].text in ('"', "“")
    if quoted is not None and (quoted.start() < tokens[verb].start or after):
        return quoted.group(1)
    if (
        tokens[verb].text.lower() in PURE_SPEECH_VERBS
        and verb + 1 < len(tokens)
        and tokens[verb + 1].text != "to"
    ):
        return text[tokens[verb].end :].strip()
    # "wrote to the minister asking him to ...": the letter's address is no statement
    # without its verb.
    return text[tokens[verb].start :].strip()


def bare_clause(tokens: list[Token], k: int) -> bool:
    """True when a clause with no "that" opens at ``k``: "his visit could help end it".

    A determiner, one to four words of its noun phrase and then an auxiliary or modal:
    after a verb of saying or thinking the noun phrase is the clause's subject, and the
    verb ("believe", "fears") is no part of what was said.
    """
    if k >= len(tokens) or tokens[k].text.lower() not in _BARE_DETERMINERS:
        return False
    for j in range(k + 1, min(k + 6, len(tokens))):
        word = tokens[j].text
        if tokens[j].quoted or not word.isalpha() or word in _RELATIVE_WORDS:
            return False  # "praised the crews who had stayed": the auxiliary is theirs
        if word in _CLAUSE_OPENERS:
            return j > k + 1
    return False


_RELATIVE_WORDS = frozenset("who whom whose which that where when".split())


# Determiners that open a noun phrase as a clause's subject: "the", "his", "their".
_BARE_DETERMINERS = frozenset("the a an his her its their this these our".split())


def _past_verb(word: str) -> bool:
    """A past form: "left", "ignored" (not "a hundred"); the verb of a clause begun."""
    if not word.islower():
        return False
    return word in IRREGULAR_PAST or (
        len(word) > 4 and word.endswith("ed") and word not in ED_NOT_VERBS
    )


def according_clause(text: str, tokens: list[Token], according: int) -> str:
    """What "according to X" reports: the rest of the sentence, not the attribution."""
    before = text[: tokens[according].start].rstrip()
    if before.endswith(","):
        return before[:-1].strip()
    for k in range(according + 2, min(according + 12, len(tokens))):
        if tokens[k].text == "," and not tokens[k].quoted:
            return text[tokens[k].end :].strip()
    return reported_clause(text, tokens, according)


def _after_listener(tokens: list[Token], k: int) -> int:
    """After "told", the index past the listener: "told the inquiry | he had read"."""
    end = min(k + 4, len(tokens))
    i = k
    if i < end and tokens[i].text.lower() in ("the", "a", "an"):
        i += 1
    while i < end and tokens[i].text.islower() and tokens[i].text not in _CLAUSE_STARTS:
        if i > k and tokens[i].text in ("the", "a", "an"):
            break
        if i > k and tokens[i].text in _TIME_ADVERBS:
            return _past_time(tokens, i)  # "told reporters today | the suspect ..."
        i += 1
    if i == k:
        return _named_listener_end(tokens, k)
    if i >= len(tokens):
        return k
    if tokens[i].text in _CLAUSE_STARTS or tokens[i].text.lower() in ("the", "a", "an"):
        return i
    heard = [t.text for t in tokens[k:i] if t.text.lower() not in ("the", "a", "an")]
    if heard and heard[-1] in ("of", "and", "from"):
        named = _named_listener_end(tokens, i)  # "told a meeting of | Danish officials | he"
        return named if named > i else k
    if heard and tokens[i].text[:1].isupper() and tokens[i].text not in _TIME_NAMES:
        return i  # "told local media | Adamowicz's heart was restarted": a name opens it
    return _named_listener_end(tokens, k)


# How far a named listener may run after "told": "told | Danish and Swedish fisheries
# officials | she ...". Eight words cover a two-part body with a plural head; longer
# runs were clauses of their own in the fiction and tuning articles.
_LISTENER_REACH = 8
_SUBJECTS = frozenset("he she it they we i".split())


def _told_to(tokens: list[Token], verb: int) -> bool:
    """True for "told Mr Selin to free the prisoners": an order, "told" and all.

    The listener (a name, a pronoun or a short noun phrase) is followed by "to" and
    a verb; what was said is the order, which reads only with its verb of telling.
    """
    end = min(verb + _LISTENER_REACH, len(tokens) - 1)
    for k in range(verb + 1, end):
        word = tokens[k].text
        if word == "to" and k > verb + 1:
            following = tokens[k + 1].text
            return following.isalpha() and following.islower() and following not in ARTICLES
        if tokens[k].quoted or not word.isalpha() or word.lower() in _CLAUSE_STARTS:
            return False
        if word.islower() and (word in _CLAUSE_OPENERS or _past_verb(word)):
            return False
    return False


def _named_listener_end(tokens: list[Token], k: int) -> int:
    """After "told", the index past a listener that a name opens, else ``k``.

    "told the Northside Rovers | he wants to ...", "told Channel Four, | the inquiry
    ...": a run of names and nouns up to a subject pronoun, or up to a comma before
    the clause, is who was told. A verb before the pronoun ("told Parliament Holm
    had resigned") means the name may open the clause itself: left as it is.
    """
    end = min(k + _LISTENER_REACH + 1, len(tokens))
    named = False
    for j in range(k, end):
        word = tokens[j].text
        lower = word.lower()
        if j > k and named and lower in _SUBJECTS and not tokens[j].quoted:
            return j
        if j > k and named and word == ",":
            after = tokens[j + 1].text.lower() if j + 1 < len(tokens) else ""
            return j + 1 if after in _SUBJECTS or after in ("the", "a", "an") else k
        if word[:1].isupper():
            named = named or lower not in ("the", "a", "an")
            continue
        if named and lower in ("the", "a", "an") and tokens[j - 1].text[:1].isupper():
            return j  # "told the Harbour Board | the ferry would ..."
        if lower in _CLAUSE_OPENERS or lower == "that" or _past_verb(word) or not word.isalpha():
            return k
    return k


# Days and months: after "told reporters" they date the telling, not open the clause.
_TIME_NAMES = frozenset(w.capitalize() for w in WEEKDAYS | MONTHS)


def _determiner(tokens: list[Token], k: int) -> bool:
    """True for "disputed that figure," where "that" points at a noun, not a clause."""
    if k > 0 and tokens[k - 1].text.lower() in PREPOSITIONS_OR_OF:
        return True  # "a rise of that size"
    if k + 2 >= len(tokens):
        return k + 1 < len(tokens)
    noun, after = tokens[k + 1].text, tokens[k + 2].text
    if noun in _REFERRED_NOUNS:
        return True  # "says that figure leaves out ...": the figure just given
    return noun.islower() and noun not in ARTICLES and after.lower() in _DETERMINED


# Nouns by which a statement refers back to what was just said or counted: after "that"
# they make it a determiner ("says that number is wrong"), not a conjunction.
_REFERRED_NOUNS = frozenset(
    """
    figure figures number numbers estimate estimates total sum amount claim claims count
    reading account argument view plan proposal decision report
    """.split()
)


# Words that open a description of the speaker rather than the rest of what they said.
_APPOSITIVE_OPENERS = frozenset("the a an its their his her our who which whose".split())


def _content_before(text: str, tokens: list[Token], verb: int) -> str:
    """For "The protest was peaceful, police said." the content precedes the speaker."""
    k = verb + 1
    reach = _SUBJECT_REACH
    if _only_frame_after(tokens, verb):
        k = len(tokens)  # "..., the minister said today.", "..., Osei told a press conference."
        reach = _LONG_SUBJECT_REACH  # "..., a spokesman for the Hare Krishna group said."
    elif _inverted(tokens, verb):
        return text[: tokens[verb - 1].start].strip()  # "..., said the official, who ..."
    while k < len(tokens) and k - verb <= 4 and tokens[k].text not in (",", ";"):
        if not (tokens[k].text.lower() in PREPOSITIONS or tokens[k].text[0].isupper()):
            return ""
        k += 1
    for c in range(verb - 1, max(-1, verb - reach), -1):
        if tokens[c].text == "," and c > 2:
            before = text[: tokens[c].start].strip()
            return before + _continuation(text, tokens, k)
    if k == len(tokens) and pronoun_closes(tokens, verb):
        return text[: tokens[verb - 1].start].strip()
    return ""


def pronoun_closes(tokens: list[Token], verb: int) -> bool:
    """True for "Two guards had been hurt he added.": the comma before the speaker missing.

    A lower-case pronoun, then the verb at the sentence's end, after a clause of four
    words or more: what was said is the clause. A pronoun after a word that opens a
    clause of its own ("that is what he said", "the thing he said") is no speaker of it.
    """
    if verb < 5 or tokens[verb - 1].text not in _SUBJECTS:
        return False
    before = tokens[verb - 2]
    if before.quoted or not before.text.isalpha() or not before.text.islower():
        return False
    if before.text in _NOT_CLOSED or any(t.text in ',;:"“”' for t in tokens[:verb]):
        return False
    return words_end(tokens, verb) == verb + 1


def words_end(tokens: list[Token], verb: int) -> int:
    """The index past the last word after ``verb``: the closing stop and quotes left out."""
    end = len(tokens)
    while end > verb + 1 and not tokens[end - 1].text[:1].isalnum():
        end -= 1
    return end


# Words after which a pronoun and a verb of saying are a clause inside the sentence,
# not its speaker: "what he said", "all she added", "as they said".
_NOT_CLOSED = frozenset(
    """
    what which that who whom whose where when why how as if because than though
    although whether all everything anything something nothing thing things words
    and or but so
    """.split()
)


# How far back a comma may close what was said before its speaker: "..., police said"
# (6, as before); when nothing follows the verb, a whole description may stand
# between: "..., witnesses and Palestinian security officials said." (12, read off
# fresh sentences, not tuned).
_SUBJECT_REACH = 6
_LONG_SUBJECT_REACH = 12


def _inverted(tokens: list[Token], verb: int) -> bool:
    """True for "..., said the official, who ...": the verb comes right after the words.

    Only with a described speaker after it ("the official", "a spokesman") up to the
    next comma or the end: "..., says the police force, part of which ..." is the
    clause's own subject.
    """
    if verb < 3 or tokens[verb - 1].text != "," or tokens[verb].text.lower() not in _SAID_SAYS:
        return False
    if verb + 2 >= len(tokens) or tokens[verb + 1].text.lower() not in ARTICLES:
        return False
    for k in range(verb + 2, min(verb + 2 + _SUBJECT_REACH, len(tokens))):
        word = tokens[k].text
        if word in (",", ".") or not word[:1].isalnum():
            head = tokens[k - 1].text.lower()
            return head in DESCRIPTION_HEADS or head in TITLES or head.rstrip("s") in TITLES
        if word.lower() in _CLAUSE_OPENERS or word.lower() == "that":
            return False
    return False


_SAID_SAYS = frozenset("said says".split())


# How many lower-case words may name who was told at the end of a sentence: "told a
# press conference", "told local radio" (read off fresh sentences, not tuned).
_TAIL_LISTENER_WORDS = 3


def _only_frame_after(tokens: list[Token], verb: int) -> bool:
    """True when the sentence ends at ``verb`` or all it holds after says when or to whom.

    "..., the minister said today." and "..., Osei told a press conference.": no
    clause follows the verb, so what was said came before it.
    """
    telling = tokens[verb].text.lower() in _TELLING
    listener = 0
    for token in tokens[verb + 1 : words_end(tokens, verb)]:
        lower = token.text.lower()
        if token.quoted:
            return False
        if lower in PREPOSITIONS or lower in _TIME_FRAME_WORDS or lower in ARTICLES:
            continue
        if token.text[:1].isupper() or token.text.isdigit():
            continue
        if telling and token.text.isalpha() and lower not in _CLAUSE_OPENERS:
            listener += 1
            if listener <= _TAIL_LISTENER_WORDS:
                continue
        return False
    return True


def _continuation(text: str, tokens: list[Token], comma: int) -> str:
    """For "Most riders, he said, use the pass." the words after the parenthesis."""
    if comma + 1 >= len(tokens) or tokens[comma].text != ",":
        return ""
    following = tokens[comma + 1]
    if following.quoted or not following.text.islower() or following.text.endswith("ing"):
        return ""
    if following.text in _APPOSITIVE_OPENERS:
        return ""  # "said Morwenna Tass, the trades council's secretary": who, not what
    return " " + text[following.start :].strip()
