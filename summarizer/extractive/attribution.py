"""Who said it: finding the speaker of each sentence.

A sentence is attributed when a verb of saying outside quotation marks has a
subject: a name ("Blinken said"), possibly followed by a short adverbial
("Zelensky in a UN address criticized"), a pronoun resolved to the last named
speaker ("he said"), a description the article links to a named actor ("the top
US diplomat said"), a collective ("police said"), an inverted subject
(``"...," said Mayor Ann Holt``) or "according to X". Work per sentence is capped
at a fixed number of tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from summarizer.extractive.actors import Actor, Cast, clean_run
from summarizer.extractive.lexicon import (
    DESCRIPTION_HEADS,
    GROUP_HEADS,
    NOT_NAMES,
    PURE_SPEECH_VERBS,
    SPEECH_VERBS,
)
from summarizer.extractive.pronouns import resolve_pronoun
from summarizer.extractive.sentences import Sentence

_MAX_TOKENS = 160
_MAX_GAP = 6
_TOKEN = re.compile(r"[^\W\d_][\w’'\-]*|\d[\d,.]*|[,;:\"“”()]")
_QUOTED = re.compile(r"[\"“]([^\"“”]{8,800})[\"”]")
_PREPOSITIONS = frozenset(
    "in on at during with from to for by after before into over against through".split()
)
_ARTICLES = frozenset("a an the this last next".split())
_STOP_WALK = frozenset(
    'that which who whom whose and or because if when while ; : " “ ” ( )'.split()
)
_TIME_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    """.split()
)
_QUOTE_MARKS = frozenset('" “ ” ; :'.split())
_SPEAKING_FOR = frozenset("office spokesman spokeswoman spokesperson aides".split())
# A description owned by a pronoun ("its critics") names no one the reader can place.
_POSSESSIVE_DETERMINERS = frozenset("its their his her our my your this these those".split())


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    quoted: bool


@dataclass(frozen=True)
class Attribution:
    """A statement the article attributes to an actor.

    Attributes:
        sentence: The sentence carrying the statement (the evidence).
        actor: The canonical name of the speaker.
        role: The speaker's role, if known.
        verb: The verb of saying, as written.
        clause: The reported content: the "that" clause, the quotation, or what
            follows the verb.
    """

    sentence: Sentence
    actor: str
    role: str | None
    verb: str
    clause: str


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` (capped), each marked as inside a quotation or not."""
    tokens: list[Token] = []
    quoted = False
    for match in _TOKEN.finditer(text):
        word = match.group()
        if word in ('"', "“", "”"):
            quoted = word == "“" or (word == '"' and not quoted)
        tokens.append(Token(word, match.start(), match.end(), quoted and word not in '"“”'))
        if len(tokens) >= _MAX_TOKENS:
            break
    return tokens


class Attributor:
    """Attributes sentences in article order, remembering recent speakers."""

    def __init__(self, cast: Cast) -> None:
        self.cast = cast
        self.recent: list[str] = []
        self.last_person: str | None = None
        self.last_body: str | None = None
        self.previous: Sentence | None = None
        self.current: Sentence | None = None

    def attribute(self, sentence: Sentence) -> Attribution | None:
        """Return the statement ``sentence`` attributes to someone, if any."""
        self.previous, self.current = self.current, sentence
        tokens = tokenize(sentence.text)
        for i, token in enumerate(tokens):
            if token.quoted:
                continue
            lower = token.text.lower()
            if (lower in SPEECH_VERBS or _puts_figure(tokens, i)) and token.text.islower():
                actor = self._subject_before(tokens, i) or self._subject_after(tokens, i)
            elif lower == "according" and i + 2 < len(tokens) and tokens[i + 1].text == "to":
                actor = self._subject_at(tokens, i + 2)
            else:
                continue
            if actor is not None:
                self._remember(actor)
                if lower == "according":
                    clause = according_clause(sentence.text, tokens, i)
                else:
                    clause = reported_clause(sentence.text, tokens, i)
                return Attribution(sentence, actor.name, actor.role, token.text, clause)
        return None

    def resolve_phrase(self, phrase: str) -> str | None:
        """The canonical actor a name ("Reyland") or description ("authority") names."""
        words = [clean_run(w) for w in phrase.split()]
        words = [w for w in words if w and w.lower() not in NOT_NAMES]
        if not words:
            return None
        if words[0][0].isupper():
            actor = self.cast.resolve_name(" ".join(words))
        else:
            actor = self.cast.resolve_description(" ".join(words), self.recent)
        return actor.name if actor is not None else None

    def link_countries(self, attributions: dict[int, Attribution]) -> None:
        """Credit a country's statements to the one quoted person who speaks for it."""
        speakers = {said.actor for said in attributions.values()}
        for index, said in attributions.items():
            actor = self.cast.actors.get(said.actor)
            if actor is None:
                continue
            speaker = self.cast.speaker_for(actor, speakers)
            if speaker is not actor:
                attributions[index] = replace(said, actor=speaker.name, role=speaker.role)

    def _remember(self, actor: Actor) -> None:
        if actor.name in self.recent:
            self.recent.remove(actor.name)
        self.recent.insert(0, actor.name)
        del self.recent[8:]
        if actor.person:
            self.last_person = actor.name
        else:
            self.last_body = actor.name

    def _pronoun(self, word: str) -> Actor | None:
        name = None
        if word in ("he", "she") and self.current is not None:
            name = resolve_pronoun(self.cast, word, self.previous, self.current, self.recent)
        if word == "it":
            name = self.last_body
        return self.cast.actors.get(name) if name else None

    def _subject_before(self, tokens: list[Token], verb: int) -> Actor | None:
        j = verb - 1
        gap = 0
        while j >= 0 and gap <= _MAX_GAP:
            text = tokens[j].text
            lower = text.lower()
            if tokens[j].quoted or lower in _STOP_WALK:
                return None
            if lower in ("he", "she", "it", "they", "we", "i"):
                return self._pronoun(lower) if text.islower() or j == 0 else None
            if text[0].isupper():
                start = _run_start(tokens, j)
                if _is_adverbial(tokens, start) or lower in _TIME_WORDS:
                    j, gap = start - 1, gap + 1
                    continue
                found = self._resolve_run(tokens, start, j)
                if found is None and (lower in GROUP_HEADS or lower in DESCRIPTION_HEADS):
                    return self._description(tokens, j)
                return found
            if lower in GROUP_HEADS or lower in DESCRIPTION_HEADS or lower in _SPEAKING_FOR:
                return self._description(tokens, j)
            if text == ",":
                j = _skip_parenthetical(tokens, j)
                continue
            gap += 1
            j -= 1
        return None

    def _subject_after(self, tokens: list[Token], verb: int) -> Actor | None:
        if verb == 0 or tokens[verb - 1].text not in (",", '"', "”"):
            return None
        return self._subject_at(tokens, verb + 1)

    def _subject_at(self, tokens: list[Token], i: int) -> Actor | None:
        if i >= len(tokens):
            return None
        if tokens[i].text.lower() == "the":
            i += 1
        end = i
        while end < len(tokens) and end - i < 6 and tokens[end].text not in ',;:."”(':
            end += 1
        if end == i:
            return None
        if tokens[i].text[0].isupper():
            stop = i
            while stop + 1 < end and tokens[stop + 1].text[0].isupper():
                stop += 1
            return self._resolve_run(tokens, i, stop)
        return self._description(tokens, end - 1)

    def _resolve_run(self, tokens: list[Token], start: int, end: int) -> Actor | None:
        words = [clean_run(t.text) for t in tokens[start : end + 1]]
        words = [w for w in words if w]
        while words and words[0].lower() in NOT_NAMES:
            words = words[1:]
        if not words:
            return None
        return self.cast.resolve_name(" ".join(words))

    def _description(self, tokens: list[Token], head: int) -> Actor | None:
        start = head
        while start > 0 and head - start < 4:
            prev = tokens[start - 1].text
            if prev.lower() in ("the", ",") or prev.lower() in _STOP_WALK:
                break
            if prev.lower() in _POSSESSIVE_DETERMINERS:
                return None
            start -= 1
        words = [t.text for t in tokens[start : head + 1]]
        head_word = words[-1].lower()
        if head_word in _SPEAKING_FOR and len(words) > 1:
            return self._possessor(clean_run(words[-2]))
        found = self.cast.resolve_description(" ".join(words), self.recent)
        if found is not None or head_word not in GROUP_HEADS:
            return found
        name = " ".join(words)
        return self.cast.actors.setdefault(name, Actor(name[0].upper() + name[1:]))

    def _possessor(self, word: str) -> Actor | None:
        if word[:1].isupper():
            return self.cast.resolve_name(word)
        return self.cast.resolve_description(word, self.recent)


def _puts_figure(tokens: list[Token], i: int) -> bool:
    """True for "put the figure at": a speaker giving their own number."""
    if tokens[i].text not in ("put", "puts"):
        return False
    return any(t.text == "at" for t in tokens[i + 1 : i + 5])


def _run_start(tokens: list[Token], end: int) -> int:
    start = end
    while start > 0:
        prev = tokens[start - 1].text
        if prev[0].isupper() and prev[0].isalpha():
            start -= 1
        elif prev == "of" and start > 1 and tokens[start - 2].text[0].isupper():
            start -= 2
        else:
            break
    return start


def _skip_parenthetical(tokens: list[Token], comma: int) -> int:
    """Step back over ", during a summit with Joe Biden," to the subject before it."""
    for k in range(comma - 1, max(-1, comma - 25), -1):
        if tokens[k].text == ",":
            opener = tokens[k + 1].text
            return k - 1 if opener.islower() else comma - 1
        if tokens[k].quoted or tokens[k].text in _QUOTE_MARKS:
            break
    return comma - 1


def _is_adverbial(tokens: list[Token], start: int) -> bool:
    """True when the capitalised run at ``start`` sits in a phrase like "in a UN address"."""
    k = start - 1
    if k >= 0 and tokens[k].text.lower() in _ARTICLES:
        k -= 1
    return k >= 0 and tokens[k].text.lower() in _PREPOSITIONS


_DETERMINED = frozenset(",.;:")


def reported_clause(text: str, tokens: list[Token], verb: int) -> str:
    """The content reported by the verb at index ``verb``."""
    before = _content_before(text, tokens, verb)
    if before:
        return before
    for k in range(verb + 1, min(verb + 10, len(tokens))):
        if tokens[k].text == "that" and not tokens[k].quoted and not _determiner(tokens, k):
            return text[tokens[k].end :].strip()
        if tokens[k].text in ('"', "“"):
            break
    quoted = _QUOTED.search(text)
    after = verb + 1 < len(tokens) and tokens[verb + 1].text in ('"', "“")
    if quoted is not None and (quoted.start() < tokens[verb].start or after):
        return quoted.group(1)
    if tokens[verb].text.lower() in PURE_SPEECH_VERBS and verb + 1 < len(tokens):
        return text[tokens[verb].end :].strip()
    return text[tokens[verb].start :].strip()


def according_clause(text: str, tokens: list[Token], according: int) -> str:
    """What "according to X" reports: the rest of the sentence, not the attribution."""
    before = text[: tokens[according].start].rstrip()
    if before.endswith(","):
        return before[:-1].strip()
    for k in range(according + 2, min(according + 12, len(tokens))):
        if tokens[k].text == "," and not tokens[k].quoted:
            return text[tokens[k].end :].strip()
    return reported_clause(text, tokens, according)


def _determiner(tokens: list[Token], k: int) -> bool:
    """True for "disputed that figure," where "that" points at a noun, not a clause."""
    if k + 2 >= len(tokens):
        return k + 1 < len(tokens)
    noun, after = tokens[k + 1].text, tokens[k + 2].text
    return noun.islower() and noun not in _ARTICLES and after.lower() in _DETERMINED


def _content_before(text: str, tokens: list[Token], verb: int) -> str:
    """For "The protest was peaceful, police said." the content precedes the speaker."""
    k = verb + 1
    while k < len(tokens) and k - verb <= 4 and tokens[k].text not in (",", ";"):
        if not (tokens[k].text.lower() in _PREPOSITIONS or tokens[k].text[0].isupper()):
            return ""
        k += 1
    for c in range(verb - 1, max(-1, verb - 6), -1):
        if tokens[c].text == "," and c > 2:
            return text[: tokens[c].start].strip()
    return ""
