"""Which named person a "he" or "she" refers to.

The article reveals a person's gender by its titles ("Mr", "Ms", "spokeswoman")
and by the pronouns it uses right after naming them ("Vasko rejected the review
... she said"). A pronoun then resolves to the nearest named person of a
compatible gender: a person named in the sentence before, or a recent speaker.
A nearer person of the wrong gender is passed over, and a farther one is taken
only when the article has shown their gender, so a "he" is never pinned on a
woman merely because she spoke last.
"""

from __future__ import annotations

import re
from collections import Counter

from summarizer.checks.asciire import twin_re
from summarizer.extractive.actors import Cast
from summarizer.extractive.sentences import Sentence

# Starting with the first letters spelt out (re.I reads "ſ" as "s"), re skips to them fast.
_PRONOUN = twin_re(
    r"([hHsS\u017f](?<![\w’'].)(?i:(?<=h)(?:e|im|is|imself|er|ers|erself)|(?<=s)he))(?![\w’'])"
)
_QUOTE_MARK = re.compile(r"[\"“”]")
_FEMALE_WORDS = frozenset(
    """
    mrs ms miss madam dame lady spokeswoman chairwoman councilwoman congresswoman
    businesswoman queen princess duchess countess actress mother wife daughter sister
    grandmother widow
    """.split()
)
_MALE_WORDS = frozenset(
    """
    mr sir lord spokesman chairman councilman congressman businessman king prince duke
    count actor father husband son brother grandfather widower
    """.split()
)
_TITLE_WEIGHT = 3
_TITLE_BEFORE = re.compile(r"([A-Za-z]{2,14})\.? $")


def infer_genders(sentences: list[Sentence], cast: Cast) -> None:
    """Set ``Actor.gender`` ("m" or "f") where the article reveals it."""
    votes: dict[str, Counter[str]] = {}
    for actor in cast.actors.values():
        if actor.person and actor.role:
            _vote_words(votes, actor.name, actor.role.lower().replace(",", " ").split())
    last: str | None = None
    for sentence in sentences:
        mentions = cast.mentions.get(sentence.index, [])
        for start, name in mentions:
            title = _TITLE_BEFORE.search(sentence.text, max(0, start - 16), start)
            if title is not None:
                _vote_words(votes, name, [title.group(1).lower()])
        events = list(mentions)
        events += [(m.start(), m.group().lower()) for m in _pronouns(sentence.text)]
        for _, item in sorted(events):
            if item[:1].isupper():
                last = item
            elif last is not None:
                gender = "f" if item.startswith(("she", "her")) else "m"
                votes.setdefault(last, Counter())[gender] += 1
    for name, counter in votes.items():
        voted = cast.actors.get(name)
        if voted is None or counter["m"] == counter["f"]:
            continue
        voted.gender = "m" if counter["m"] > counter["f"] else "f"


def _vote_words(votes: dict[str, Counter[str]], name: str, words: list[str]) -> None:
    for word in words:
        if word in _FEMALE_WORDS:
            votes.setdefault(name, Counter())["f"] += _TITLE_WEIGHT
        elif word in _MALE_WORDS:
            votes.setdefault(name, Counter())["m"] += _TITLE_WEIGHT


def _pronouns(text: str) -> list[re.Match[str]]:
    """Pronouns outside quotation marks: the narrator's, not a speaker's."""
    found: list[re.Match[str]] = []
    for match in _PRONOUN.finditer(text):
        marks = len(_QUOTE_MARK.findall(text, 0, match.start()))
        if marks % 2 == 0:
            found.append(match)
    return found


def resolve_pronoun(
    cast: Cast,
    word: str,
    previous: Sentence | None,
    sentence: Sentence,
    recent: list[str],
    speaker: str | None = None,
    at: int = 0,
) -> str | None:
    """The canonical name "he" or "she" refers to in ``sentence``, or None.

    The speaker of the sentence before comes first: in '"... the people of Eastvale
    are worried," Holt said. She called for ...' the "she" is Holt, not a name
    inside her quotation.

    Args:
        cast: The article's actors, genders inferred.
        word: "he" or "she".
        previous: The sentence before, if any.
        sentence: The sentence holding the pronoun.
        recent: Canonical names of recent speakers, most recent first.
        speaker: Who the sentence before is attributed to, if anyone.
        at: Where the pronoun stands in ``sentence``: the person the sentence opens
            on, its subject, comes first ('Lena Holt of the trust, which ..., noted
            ...; she also said'). A person named first inside an opening phrase
            ("Speaking to Lena Holt, he said") is not the subject.
    """
    want = "m" if word == "he" else "f"
    candidates: list[str] = [
        name
        for start, name in cast.mentions.get(sentence.index, [])[:1]
        if start < at and _opens(sentence.text[:start])
    ]
    if previous is not None and previous.paragraph == sentence.paragraph:
        if speaker is not None and speaker in cast.actors and cast.actors[speaker].person:
            candidates.append(speaker)
        candidates += [name for _, name in cast.mentions.get(previous.index, [])]
    candidates += [n for n in recent if n in cast.actors and cast.actors[n].person]
    for rank, name in enumerate(dict.fromkeys(candidates)):
        gender = cast.actors[name].gender if name in cast.actors else None
        if gender == want or (gender is None and rank == 0):
            return name
    return None


def _opens(before: str) -> bool:
    """True when only a title stands before a name: it opens the sentence as its subject."""
    return all(word[:1].isupper() for word in before.split())
