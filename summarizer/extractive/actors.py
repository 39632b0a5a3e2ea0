"""Who is who: canonical names, roles and aliases for the actors of an article.

The cast is read from capitalised runs ("US Secretary of State Antony Blinken"):
a leading run of title words is the role, the rest is the name. A person's
first and last names become aliases of the full name, so "Blinken" and "Wang"
resolve to "Antony Blinken" and "Wang Yi". Descriptions ("the top US diplomat",
"the mayor's office") resolve only to an actor whose role shares a word with
them, which is how the article itself links the two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from summarizer.checks.actors import plain_letters
from summarizer.extractive.lexicon import (
    AGENT_CTOR_MIN_CHARS,
    AGENT_ENDINGS,
    AGENT_MIN_CHARS,
    COMMON_NOUN_ENDINGS,
    DESCRIPTION_HEADS,
    DESCRIPTOR_MIN_CHARS,
    ED_NOT_VERBS,
    GROUP_HEADS,
    GROUP_WORDS,
    IRREGULAR_PAST,
    MEMBER_TITLES,
    NON_PERSON,
    NOT_NAMES,
    SPEECH_VERBS,
    STOPWORDS,
    TITLES,
)
from summarizer.extractive.sentences import Sentence

_CAP_TAIL = r"(?:[\w’'\-]|\.(?=\w)|&(?=[A-Z])){0,30}\.?"  # "PG&E": one name
# Up to seven capitalised words, linked by particles of names ("Bank of England").
# The particles of names: "Ursula von der Leyen", "Arnel dela Vega", "Pedro da Silva".
_PARTICLES = "of|de|van|von|der|den|da|del|della|dela|di|du|dos|das|le|la|bin|ibn|ter|ten"
_PARTICLE_WORDS = frozenset(_PARTICLES.split("|"))
# A surname may open on a lower-case article joined by a hyphen: "al-Assadi", "el-Sisi".
_NAME_PREFIX = r"(?:al|el|ad|ar|as|ash|at|az|ud|ul|an|ibn|bin|abu|abd)-"
# ... as a word of its own: "el-Sisi" is a name's word though it opens in lower case.
PREFIXED_NAME = re.compile(_NAME_PREFIX + "[A-Z]")
_CAP_MORE = (
    r"(?:[ ](?:(?:"
    + _PARTICLES
    + r")[ ]){0,2}(?:"
    + _NAME_PREFIX
    + r")?[A-Z]"
    + _CAP_TAIL
    + r"){0,6}"
)
# Segments joined by "and"/"for" (split again by _split_joined): each joined name has
# its own seven words, so "US President Ada Brenn and Danish President Karl Henrik
# Vinter" does not cut the second name at the run's length.
_CAP_RUN = re.compile(
    r"[A-Z](?<![\w’'.].)"  # [A-Z] first: re skips to it fast
    + _CAP_TAIL
    + _CAP_MORE
    + r"(?:[ ](?:and|for)[ ][A-Z]"
    + _CAP_TAIL
    + _CAP_MORE
    + r"){0,3}"
)
_JOINER = re.compile(r" (?:and|for) ")
_PLURAL_POSSESSIVE = re.compile(r"s[’']$")
_LOWER_WORD = re.compile(r"[a-z](?<![\w’'].)[a-z’'\-]{0,30}")  # [a-z] first: fast skip
_LOWER_WORD_ASCII = re.compile(_LOWER_WORD.pattern, re.ASCII)
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")


def _unpossessed(word: str) -> str:
    """``word`` without a trailing possessive (``_POSSESSIVE``): "Vance's" -> "Vance".

    Most words hold no apostrophe, and there the pattern has nothing to find: asked
    of every word of every capitalised run, the look costs more than the answer.
    """
    if "'" not in word and "’" not in word:
        return word
    return _POSSESSIVE.sub("", word)


_APPOSITIVE_BEFORE = re.compile(
    r"(?:^|\s)(?:([Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)|([A-Z][\w’'\-]{0,30}(?:’s|'s)))"
    r"((?:\s[\w’'\-]{1,30}){1,4}),\s$"
)
# "Harbour Authority chair Mirela Vasko", "campaign spokeswoman Lena Achterberg".
_ROLE_BEFORE = re.compile(
    r"(?:(?<![\w’'])([A-Z][\w’'\-]{0,30}(?: [A-Z][\w’'\-]{0,30}){0,3})"
    r"|(?<![\w’'])([a-z][a-z\-]{2,20}))? ([a-z]{2,20}) $"
)
# "Inspector Pavel Dorn of the county police": the body the person speaks for ("of the
# Anna and Pieter Holm Foundation": an "and" inside its name).
_OF_BODY = re.compile(
    r" of the ([a-z][a-z\-]{1,20}(?: [a-z][a-z\-]{1,20}){0,2}"
    r"|[A-Z][\w’'\-]{1,30}(?: (?:and )?[A-Z][\w’'\-]{1,30}){0,4})\b"
)
# "the Save Saltmere Harbour campaign": a name that modifies a body noun is a body.
_BODY_AFTER = re.compile(
    r" (?:campaign|coalition|group|movement|party|committee|union|alliance|association"
    r"|council|company|firm|network|organisation|organization|foundation)\b"
)
# "in Selbury Vale", "near Port Elvan": a name after these is where something is.
_PLACE_BEFORE = re.compile(r"(?<![\w’'])(?:in|near|across|throughout|outside) $")
# "in Holt's view": a person's, not a place.
_POSSESSED = re.compile(r"(?:’s|'s|’|')")
_APPOSITIVE_AFTER = re.compile(
    r",\s+((?:the|a|an|[A-Z][\w\-]*(?:’s|'s))\s+[^,;:\"“”()]{3,70}?)(?:,(?!\d)|\.(?:\s|$|[\"”]))"
)


@dataclass
class Actor:
    """One actor of the article.

    Attributes:
        name: The canonical name, the longest full form the article uses.
        role: The role or title the article gives, if any.
        person: True for a named person (pronouns may refer back to them).
    """

    name: str
    role: str | None = None
    person: bool = False
    gender: str | None = None


@dataclass
class Cast:
    """The actors of one article and the names that refer to them."""

    actors: dict[str, Actor] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    # Sentence index -> (offset, name) of every named-person mention, in order.
    mentions: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    # The words the article uses in lower case (``lowercase_words``).
    lower_words: set[str] = field(default_factory=set)

    def resolve_name(self, run: str) -> Actor | None:
        """Resolve a capitalised run (with or without role) to an actor."""
        role, name = split_role(run.split())
        name = name[descriptor_end(name, self.lower_words) :]
        name = _person_of(name)[0]
        if not name:
            return self.resolve_description(" ".join(role)) if role else None
        key = " ".join(name)
        canonical = self.aliases.get(key, key)
        actor = self.actors.get(canonical)
        if actor is None and len(name) > 1:
            canonical = self.aliases.get(name[-1], "")
            actor = self.actors.get(canonical)
        return actor

    def allied(self, first: str, second: str) -> bool:
        """True when two actors speak for the same side.

        A person speaks for a body their role names ("Morvenlink's managing
        director", "the group's chair" for the Ferry Users Group), and two names
        sharing a word that is no generic noun ("Corvane", "Corvane Minerals") are one body.
        """
        if first == second:
            return True
        a, b = self.actors.get(first), self.actors.get(second)
        if a is None or b is None:
            return False
        for person, body in ((a, b), (b, a)):
            if person.person and person.role and not body.person:
                if _speaks_for(_role_words(person.role), _name_words(body.name)):
                    return True
        if not a.person and not b.person:
            return bool(_name_words(a.name) & _name_words(b.name) - GROUP_WORDS)
        return False

    def speaker_for(self, actor: Actor, speakers: set[str]) -> Actor:
        """The one named person who speaks for a country, if the article shows one.

        "China" is the Chinese Foreign Minister when, of the people the article
        gives a Chinese role, exactly one is quoted (is among ``speakers``).
        """
        name = actor.name
        if actor.person or " " in name or len(name) < 4:
            return actor
        stem = name[:4].lower()
        found = [
            other
            for other in self.actors.values()
            if other.person
            and other.role
            and any(
                w[:1].isupper() and w.lower().startswith(stem) and w.lower() != name.lower()
                for w in other.role.split()
            )
        ]
        if len(found) > 1:
            found = [other for other in found if other.name in speakers]
        return found[0] if len(found) == 1 else actor

    def resolve_description(self, description: str, recent: Iterable[str] = ()) -> Actor | None:
        """Resolve "the top US diplomat" to the actor whose role shares a word with it.

        Args:
            description: The description without its article.
            recent: Canonical names of recent speakers, most recent first; they are
                preferred when several roles match.
        """
        words = _role_words(description)
        for word in list(words):
            words |= _SYNONYMS.get(word, set())
        common = _role_words(" ".join(w for w in description.split() if w[:1].islower()))
        best: tuple[float, int, Actor] | None = None
        recent = list(recent)
        peoples = _peoples(description)
        for actor in self.actors.values():
            theirs = _peoples(actor.role) if peoples and actor.role else set()
            if theirs and theirs.isdisjoint(peoples):
                continue  # "the Egyptian Foreign Minister" is not the Israeli Prime Minister
            overlap: float = len(words & _role_words(actor.role)) if actor.role else 0
            name = actor.name.split()
            if not actor.person and len(name) > 1 and name[-1].lower() in common:
                overlap += 1.5  # "the authority" is the Harbour Authority
            if overlap == 0:
                continue
            rank = recent.index(actor.name) if actor.name in recent else len(recent)
            if best is None or (overlap, -rank) > (best[0], -best[1]):
                best = (overlap, rank, actor)
        return best[2] if best is not None else None


def _peoples(text: str) -> set[str]:
    """The adjectives of a people in ``text``: "Egyptian", "Israeli", "British", "Thai".

    Read by their endings ("-ian", "-an", "-ish", "-ese", "-i"), from capitalised
    words that are no title: enough to tell two countries' ministers apart.
    """
    found = set()
    for word in text.replace(",", " ").split():
        lower = word.lower()
        if not word[:1].isupper() or lower in TITLES or len(lower) < 4:
            continue
        if lower.endswith(("ian", "ish", "ese", "an")) or (lower.endswith("i") and len(lower) >= 4):
            found.add(lower)
    return found


_ROLE_FILLERS = frozenset("the a an of and top senior former then".split())
# Descriptions that name a role by another word: "the top diplomat" is a foreign
# minister or secretary of state.
_SYNONYMS = {
    "diplomat": {"foreign", "state", "ambassador", "envoy"},
    "chief": {"ceo", "executive", "head"},
    "boss": {"ceo", "executive", "head", "chief"},
}


def _speaks_for(role: set[str], name: set[str]) -> bool:
    """A role word names the body: "group's chair", "Auditor General" of the Audit Office."""
    if role & name:
        return True
    specific = [w for w in name - GROUP_WORDS if len(w) >= 5]
    return any(r.startswith(w) or w.startswith(r) for r in role if len(r) >= 5 for w in specific)


def _name_words(name: str) -> set[str]:
    return {_unpossessed(w.lower()) for w in name.split()} - {"the", "of", "and", "for"}


def _role_words(role: str) -> set[str]:
    return {_unpossessed(w.lower().strip(".,")) for w in role.split()} - _ROLE_FILLERS


def split_role(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split the tokens of a capitalised run into ``(role, name)``.

    The role runs up to the last title word, plus an "of X" that follows it
    ("Secretary of State"); what remains is the name.
    """
    last = -1
    for i, token in enumerate(tokens):
        word = token.lower().rstrip(".")
        if word in TITLES or ("-" in word and all(p in TITLES for p in word.split("-"))):
            last = i  # "Vice-President" as "Vice President"
    if last < 0:
        return [], tokens
    end = last + 1
    if end + 1 < len(tokens) and tokens[end] == "of":
        end += 2
        # "of Hong Kong", "of New South Wales": a place named in two or three words
        # stays in the role, as long as a name is left after it.
        while tokens[end - 1].lower() in _PLACE_HEADS and len(tokens) - end >= 2:
            end += 1
    bodies = [
        i
        for i, t in enumerate(tokens[end:], end)
        if t.lower() in NON_PERSON and t.lower() not in SURNAME_PLACES
    ]
    if bodies:
        return _titled_body_of(tokens, last, bodies[-1])
    styled = tokens[end - 1].lower() in _STYLED_TITLES
    if styled and (len(tokens) - end == 1 or _REGNAL.fullmatch(tokens[-1])):
        # "Pope Francis", "King Harald", "Queen Elizabeth II", "Pope John Paul II":
        # the title is part of the name they go by.
        return tokens[: end - 1], tokens[end - 1 :]
    return tokens[:end], tokens[end:]


def _titled_body_of(tokens: list[str], title: int, body: int) -> tuple[list[str], list[str]]:
    """A run with a body's word after its last title: the body and its person, if any.

    "UN General Assembly" is a body, not General Assembly: no role. "Chief of Oslo
    Harbour Authority Per Lunde": a title, "of", a body's name, then a person's full
    name; the role runs to the body's last word and the person is the rest.
    """
    person = tokens[body + 1 :]
    if tokens[title + 1 : title + 2] == ["of"] and _is_person(person):
        return tokens[: body + 1], person
    return [], tokens


# Words that begin, and never end, a place's name of several words.
_PLACE_HEADS = frozenset(
    "new north south east west hong sri el la los las san santa sao saint st costa puerto "
    "saudi united sierra burkina papua cape ivory czech dominican".split()
)
# A regnal number: "II", "XVI".
_REGNAL = re.compile(r"[IVX]{1,5}")
_STYLED_TITLES = frozenset(
    "pope king queen prince princess emperor empress sultan sheikh emir".split()
)


def descriptor_end(tokens: list[str], lower_words: set[str]) -> int:
    """Where a person's name begins after descriptor words, or 0 when none lead it.

    "Glaciologist Maren Tveit", "Liberal Democrat MP Fiona Garside": the words up to
    the last descriptor (see ``is_descriptor``) say what the person is, the rest who.
    A cut is made only where what follows is still a person's full name, a first and a
    last name at least: "Glaciologist Tveit" and "Archer Brandt" stay whole.
    """
    for k in range(len(tokens) - 3, -1, -1):
        if is_descriptor(tokens[k], lower_words) and _full_name(tokens[k + 1 :], lower_words):
            return k + 1
    if (
        len(tokens) >= 3
        and _is_acronym(tokens[0])
        and "." not in tokens[0]
        and _full_name(tokens[1:], lower_words)
    ):
        return 1  # "SES Laura Goodin": the body she speaks for, then her name
    return 0


# A member of a party, named before the person: "Republican Chuck Hagel". Names no
# given name or surname shares (not "Green", not "Labour").
_PARTY_MEMBERS = frozenset("republican democrat conservative tory liberal socialist".split())
# "Co-author", "Ex-minister", "Vice-chair": a prefix no name takes.
_TITLE_PREFIXES = frozenset("co ex vice".split())


def is_descriptor(token: str, lower_words: set[str]) -> bool:
    """True for a capitalised word that says what a person is, not who they are.

    - an abbreviated member's title: "MP", "MEP" (any other acronym may name a body);
    - a word with a prefix no name takes: "Co-author", "Ex-minister";
    - an agent noun with an ending no given name shares: "-ist", "-ician", "-grapher",
      "-ator", "-tress", "-maker"; "-ctor" only in a long word ("Inspector", not
      "Victor");
    - a word with an ending job nouns share with given names ("-er", "-or", "-an",
      "-al", ...), when the article also uses it in lower case ("historians", "a
      cardinal"): "Baker" stays a name in an article with no baker in it.
    """
    bare = token.rstrip(".")
    word = bare.lower()
    if word in NON_PERSON:
        return False  # "Royal Military Academy", "United States Geological Survey": a body
    if bare.isupper():
        return word in MEMBER_TITLES
    head, hyphen, tail = word.partition("-")
    if hyphen and head in _TITLE_PREFIXES and tail.isalpha():
        return True
    if hyphen and tail.isalpha() and is_descriptor(tail.capitalize(), lower_words):
        return True  # "Leg-spinner", "Co-pilot": what the last part says
    if word in _PARTY_MEMBERS:
        return True  # "Republican Chuck Hagel"
    forms = [word]
    if word.endswith("men"):
        forms.append(word[:-3] + "man")  # "Businessmen Ola Lew and Per Fox"
    elif word.endswith("es"):
        forms += [word[:-1], word[:-2]]  # "Actresses", "Researchers"
    elif word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    for form in forms:
        if len(form) < DESCRIPTOR_MIN_CHARS:
            continue
        if len(form) >= AGENT_MIN_CHARS and form.endswith(AGENT_ENDINGS):
            return True
        if form.endswith("ctor") and len(form) >= AGENT_CTOR_MIN_CHARS:
            return True
        if (
            form.endswith(COMMON_NOUN_ENDINGS)
            and not form.endswith("ness")
            and (form in lower_words or f"{form}s" in lower_words)
        ):
            return True
    return False


_BODY_WORDS = NON_PERSON | GROUP_HEADS
# Words a body's name shares with many others ("Council", "of"): no firm ends on one.
_GROUP_NAME_WORDS = GROUP_HEADS | GROUP_WORDS


def _full_name(tokens: list[str], lower_words: set[str]) -> bool:
    """True for a person's name of a first and a last name at least ("Ana Ruiz").

    No word of it may be one the article uses in lower case: "Opinion Lab" and
    "Security Adviser" are not names, whatever stands before them.
    """
    return (
        len(tokens) >= 2
        and tokens[0][:1].isupper()
        and tokens[0] not in _PARTICLE_WORDS
        and _is_person(tokens)
        and not any(
            t.lower() in lower_words or t.lower() in GROUP_HEADS
            for t in tokens
            if t not in _PARTICLE_WORDS
        )
    )


# "Deputy Mayor for Finance ", "Senator from Vermont ", "President of the United
# States ", "Ambassador to the United Nations ": a title and the preposition that
# gives its portfolio, constituency or country, just before a capitalised run.
_TITLE_PREPOSITION = re.compile(
    r"(?<![\w’'])([A-Z][\w’'\-]{0,30}(?:[ ](?:of[ ])?[A-Z][\w’'\-]{0,30}){0,4})"
    r"[ ](for|from|to|of[ ]the|to[ ]the)[ ]$"
)


def _portfolio(
    sentence: str, start: int, name: list[str], lower_words: set[str]
) -> tuple[str, int] | None:
    """The role of a name run that follows "<title> for" or "<title> from".

    "Deputy Mayor for Finance Raymond Tull": "Finance" completes the title, and the
    role is "Deputy Mayor for Finance"; "Senator from New York Ana Ruiz" takes a
    place of two words ("New York"). Returns the role and how many words of ``name``
    it takes, or None.
    """
    if not sentence.endswith((" for ", " from ", " to ", " the "), 0, start):
        return None  # most runs: no search
    match = _TITLE_PREPOSITION.search(sentence, max(0, start - 100), start)
    if match is None:
        return None
    title = match.group(1).split()
    while title and title[0].lower() in NOT_NAMES:
        title = title[1:]  # "The Vice President": the article is no part of the role
    if not title or title[-1].lower().rstrip(".") not in TITLES:
        return None
    # A body's name ends in a body noun ("Royal Society"); otherwise one word, or a
    # place of two ("Finance", "New York").
    taken = next(
        (
            n
            for n in range(2, len(name) - 1)
            if name[n - 1].lower() in _BODY_WORDS and _full_name(name[n:], lower_words)
        ),
        2 if name[0].lower() in _PLACE_HEADS else 1,
    )
    if not _full_name(name[taken:], lower_words):
        return None
    return f"{' '.join(title)} {match.group(2)} {' '.join(name[:taken])}", taken


def _merge_unaccented(cast: Cast) -> None:
    """Make "Erdogan" an alias of "Recep Tayyip Erdoğan": one name spelt without accents.

    An article may spell a name both ways. Only an actor whose whole name is plain
    ASCII and equals an accented name or alias once its accents are dropped is merged.
    """
    accented = {
        _fold_accents(name): cast.aliases.get(name, name)
        for name in (*cast.aliases, *cast.actors)
        if not name.isascii()
    }
    if not accented:
        return
    for name in list(cast.actors):
        target = accented.get(name) if name.isascii() else None
        if target is not None and target in cast.actors and target != name:
            del cast.actors[name]
            for alias, aliased in list(cast.aliases.items()):
                if aliased == name:
                    cast.aliases[alias] = target
            cast.aliases[name] = target


def _fold_accents(text: str) -> str:
    """``text`` as the grounding check reads names, and a dotless i as i: "Yıldırım"."""
    return plain_letters(text.replace("ı", "i"))


def clean_run(run: str) -> str:
    """Strip a trailing full stop and possessive from a capitalised run.

    The stop of dotted initials is theirs: "U.S." stays "U.S.", as in "U.S. Army".
    """
    if run.endswith(".") and _INITIALS_END.search(run) is None:  # most runs end on no stop
        run = run.rstrip(".")
    return _unpossessed(run)


_INITIALS_END = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,}$")


def _is_acronym(token: str) -> bool:
    return len(token) > 1 and token.replace(".", "").isupper()


def _is_person(name: list[str], titled: bool = False) -> bool:
    """True for a run that reads as a person's name of two to four words.

    With ``titled`` (the article gives the name a person's title: "the Defence
    Minister, Robert Hill"), a last word that also names a kind of place and is a
    common surname ("Hill", "Park", "Lake") does not make it a place.
    """
    if not 2 <= len(name) <= 4:
        return False
    if _demonym(name[0]) or _demonym(name[-1]):
        return False  # "Turkish Cypriot", "Maltese Falcon": a people's adjective, no person
    surname = len(name) - 1 if titled and name[-1].lower() in SURNAME_PLACES else None
    for at, token in enumerate(name):
        if (token.lower() in NON_PERSON and at != surname) or token.lower() in NOT_NAMES:
            return False
        if 0 < at < len(name) - 1 and _MIDDLE_INITIAL.fullmatch(token):
            continue  # "Ada J. Brunvoll": a middle initial, no acronym
        if _is_acronym(token):
            return False  # an acronym: "UN General Assembly"
    return True


# One capital and its stop, between a given name and a surname.
_MIDDLE_INITIAL = re.compile(r"[A-Z]\.")


def _demonym(token: str) -> bool:
    """True for an adjective of a people: "Turkish", "Polish", "Chinese", "Maltese".

    Only the endings no given name or surname shares are read: "-ish" and "-ese"
    after n, m, l, t or u ("Therese" and "Reese" stay names).
    """
    lower = token.lower()
    if len(lower) >= 5 and lower.endswith("ish"):
        return True
    return len(lower) >= 7 and lower.endswith("ese") and lower[-4] in "nmltu"


def _titled_one_name(name: list[str], role: str | None) -> bool:
    """True for one name after a person's title: "Turkish president Erdogan"."""
    if len(name) != 1 or not role or _is_acronym(name[0]) or name[0].lower() in NOT_NAMES:
        return False
    return _titled(role) and (
        name[0].lower() not in NON_PERSON or name[0].lower() in SURNAME_PLACES
    )


def _titled(role: str | None) -> bool:
    """True for a role that ends in a person's title: "Defence Minister", "Senator"."""
    if not role:
        return False
    words = role.replace(",", " ").split()
    return bool(words) and words[-1].lower() in TITLES


# Words for a kind of place that are also common surnames: after a person's title
# ("Senator Hill", "the minister, Ana Park,") they are part of a person's name.
SURNAME_PLACES = frozenset("hill park lake bay beach hall church bank lane street".split())


def _strip_openers(tokens: list[str], at_start: bool, lower_words: set[str]) -> list[str]:
    # A run that ends in a body noun ("Harbour Authority") keeps its first word.
    body = len(tokens) > 1 and tokens[-1].lower() in NON_PERSON
    while (
        tokens
        and not _is_acronym(tokens[0])
        and (
            tokens[0].lower() in NOT_NAMES
            or (
                at_start
                and not body
                and tokens[0].lower() in lower_words
                and not _opens_name(tokens, lower_words)
                and not (len(tokens) > 1 and tokens[0].lower() in _PARTICLE_WORDS)
            )
        )
    ):
        tokens = tokens[1:]
        at_start = False
    while tokens and tokens[-1] in _PARTICLE_WORDS:
        tokens = tokens[:-1]
    return tokens


def _opens_name(tokens: list[str], lower_words: set[str]) -> bool:
    """True when a sentence's first word, used in lower case elsewhere, is no opener.

    It is part of a title ("Transport Minister Ingrid Solvang", "Mayor Ada Brenn"), a
    descriptor the name's role is read from ("Ecologist Ryan Norris"): cutting it
    would lose the role.
    """
    if len(tokens) < 2:
        return False
    role, name = split_role(tokens)
    return bool(role and name) or descriptor_end(tokens, lower_words) > 0


def capital_runs(sentence: str, lower_words: set[str]) -> list[tuple[int, int, list[str]]]:
    """Return ``(start, end, tokens)`` for each capitalised run of ``sentence``."""
    runs: list[tuple[int, int, list[str]]] = []
    for match in _CAP_RUN.finditer(sentence):
        for start, end in _owner_split(sentence, _split_joined(match)):
            tokens = clean_run(sentence[start:end]).split()
            tokens = [
                _PLURAL_POSSESSIVE.sub("s'", t) if "’" in t else t for t in tokens[:-1]
            ] + tokens[-1:]
            tokens = [t if t.endswith("s'") else _unpossessed(t) for t in tokens]
            tokens = _strip_openers(tokens, start == 0, lower_words)
            if not tokens:
                continue
            if (
                len(runs) >= 2
                and _NICKNAME_OPEN.fullmatch(sentence, runs[-2][1], runs[-1][0])
                and _NICKNAME_CLOSE.fullmatch(sentence, runs[-1][1], start)
                and len(runs[-1][2]) == 1
            ):
                # 'Edward Lodewijk "Eddie" Van Halen': one name around a nickname.
                first = runs[-2]
                del runs[-2:]
                runs.append((first[0], end, first[2] + tokens))
                continue
            runs.append((start, end, tokens))
    return runs


def _owner_split(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans with a person's owner set apart: "Apple's | Tim Cook", "the army's" no.

    A singular possessive inside a run, followed by what reads as a person's name
    (two to four words, no body word), owns that person: "Apple Tim Cook" is no one.
    A firm's own possessive ("McDonald's Corporation") is followed by no person and
    stays whole.
    """
    split: list[tuple[int, int]] = []
    for start, end in spans:
        owner = _INNER_OWNER.search(sentence, start, end)
        if owner is not None and _is_person(sentence[owner.end() : end].split()):
            split += [(start, owner.end() - 1), (owner.end(), end)]
        else:
            split.append((start, end))
    return split


# "Apple's Tim Cook": a singular possessive, then a capitalised word, inside a run.
_INNER_OWNER = re.compile(r"(?:'s|’s) (?=[A-Z])")
# The quotation marks around a nickname between a given name and a surname.
_NICKNAME_OPEN = re.compile(r" [\"“]")
_NICKNAME_CLOSE = re.compile(r"[\"”] ")


def _split_joined(match: re.Match[str]) -> list[tuple[int, int]]:
    """Spans of a run: "and"/"for" join only a body's name.

    "Port Elvan and District Trades Council" is one body; "Okafor and Albrecht"
    are two names.
    """
    text = match.group()
    last = clean_run(text.split()[-1]).lower()
    if last in NON_PERSON:
        return [(match.start(), match.end())]
    spans: list[tuple[int, int]] = []
    pos = 0
    for joiner in _JOINER.finditer(text):
        spans.append((match.start() + pos, match.start() + joiner.start()))
        pos = joiner.end()
    spans.append((match.start() + pos, match.end()))
    return spans


def lowercase_words(text: str) -> set[str]:
    """The words ``text`` uses in lower case: a capitalised one of them is no name.

    Read line by line (no word runs across a line break), each ASCII line with the
    faster ASCII twin of the pattern: an article with one curly quote is otherwise
    read all through the Unicode tables.
    """
    found: set[str] = set()
    for line in text.split("\n"):
        found.update((_LOWER_WORD_ASCII if line.isascii() else _LOWER_WORD).findall(line))
    return found


def build_cast(sentences: list[Sentence], lower_words: set[str]) -> Cast:
    """Collect every named actor, its role and its aliases from the article."""
    cast = Cast(lower_words=lower_words)
    bodies: list[str] = []
    places: set[str] = set()
    raw: list[tuple[Sentence, int, list[str]]] = []
    for sentence in sentences:
        if sentence.kind == "heading":
            continue  # a title-case headline capitalises every word: no names to read
        found_bodies: list[str] = []
        for start, end, tokens in capital_runs(sentence.text, lower_words):
            text = sentence.text
            role, name = split_role(tokens)
            portfolio = _portfolio(text, start, name, lower_words) if name else None
            cut = portfolio[1] if portfolio else descriptor_end(name, lower_words)
            if cut:
                # "Labour MP Ann Holt": the descriptor is the role, the rest the name.
                cast.aliases.setdefault(" ".join(name), " ".join(name[cut:]))
                role, name = role + name[:cut], name[cut:]
            body_cut = _body_before_person(text, start, name)
            if body_cut:
                # "director of Greenpeace Ann Holt": the body is the role's, the rest the name.
                cast.aliases.setdefault(" ".join(name), " ".join(name[body_cut:]))
                role = role + name[:body_cut]
                name = name[body_cut:]
            name, origin = _person_of(name)
            if not name:
                continue
            if portfolio:
                found: str | None = portfolio[0]
            else:
                found = " ".join(role) if role else _appositive(text, start, end, bodies)
            found = found or _role_before(text, start, lower_words)
            found = _with_body(found, _OF_BODY.match(text, end))
            if origin:
                found = f"{found}, {origin}" if found else origin
            actor = _add(cast, name, found)
            if _BODY_AFTER.match(text, end):
                actor.person = False
            if _PLACE_BEFORE.search(text, max(0, start - 12), start) and not _POSSESSED.match(
                text, end
            ):
                places.add(actor.name)
            raw.append((sentence, start, name))
            if not actor.person:
                found_bodies.append(actor.name)
        bodies = found_bodies
    for place in places:
        cast.actors[place].person = False  # "in Selbury Vale": a place, whoever it sounds like
    for actor in cast.actors.values():
        if actor.person and _ends_on_common_word(actor.name, lower_words):
            actor.person = False  # "Canada Emergency Response Benefit", "New York State"
    _link_aliases(cast)
    _merge_unaccented(cast)
    # Where each actor is first named in full: a shorter name before that ("in Harlow"
    # before "The Open Door Harlow" is named) is someone or somewhere else.
    named_at: dict[str, int] = {}
    for sentence, _, name in raw:
        if " ".join(name) in cast.actors:
            named_at.setdefault(" ".join(name), sentence.index)
    for sentence, start, name in raw:
        person = cast.resolve_name(" ".join(name))
        if person is None or not person.person:
            continue
        if sentence.index < named_at.get(person.name, sentence.index):
            continue
        cast.mentions.setdefault(sentence.index, []).append((start, person.name))
    return cast


def _ends_on_common_word(name: str, lower_words: set[str]) -> bool:
    """True for a name whose last word the article also writes in lower case.

    "New York State" (the article says "the state"), "Chicago Marathon", "Oslo Fire":
    a body, a place or an event, not a person. On the tuning and fiction articles 29
    of the 30 multi-word "persons" so ending were no one; the 30th, "Qaboos bin Said",
    has a particle before its last word, which keeps it a person.
    """
    words = name.split()
    if len(words) < 2 or words[-2] in _PARTICLE_WORDS:
        return False
    return words[-1].lower() in lower_words


def _person_of(name: list[str]) -> tuple[list[str], str | None]:
    """Split "Hassan Rouhani of Iran" into the person and where they are from.

    A run that reads as a person's name before "of" ("Aldo Renzetti of Valmora",
    "Lena Brandt of Kestrel Films") names that person; what follows "of" is their
    country or body, not part of their name. "Bank of England" and "Federal Bureau of
    Investigation" stay whole: their first part is no person's name.
    """
    if "of" not in name:
        return name, None
    cut = name.index("of")
    if 2 <= cut <= 4 and cut + 1 < len(name) and _is_person(name[:cut]):
        return name[:cut], " ".join(name[cut + 1 :])
    return name, None


def _body_before_person(sentence: str, start: int, name: list[str]) -> int:
    """Where a person's name begins in "director of Greenpeace Ann Holt", else 0.

    After a lower-case title and "of", a run of three or more words names the body
    first and its person last: the person begins after the run's last body word
    ("Amnesty International Man-kei Tam"), else is its last two words ("Greenpeace
    Ann Holt"). A run that ends on a body word is the body alone.
    """
    if len(name) < 3 or name[-1].lower() in _BODY_HEADS:
        return 0
    before = sentence[max(0, start - 40) : start]
    match = _TITLE_OF.search(before)
    if match is None or match.group(1) not in TITLES:
        return 0
    bodies = [i for i, w in enumerate(name[:-2]) if w.lower() in _BODY_HEADS]
    if bodies:
        return bodies[-1] + 1
    if match.group(2) != "of":
        # "ambassador to Pakistan Abdul Salam Zaeef": a place, then the person's whole
        # name; the place is the shortest start that leaves a person's name.
        return next((k for k in range(1, len(name) - 1) if _is_person(name[k:])), len(name) - 2)
    return len(name) - 2


# "director of ", "head of the ", "ambassador to ": a lower-case title and "of", "to"
# or "in" right before a run.
_TITLE_OF = re.compile(r"\b([a-z]+) (of|to|in) (?:the )?$")
# Words that end a body's name: the non-persons and group heads, and a few more.
_BODY_HEADS = _BODY_WORDS | frozenset(
    "international organization organisation society forces command".split()
)


def _role_before(sentence: str, start: int, lower_words: set[str]) -> str | None:
    """A title word just before a name, with its qualifier: "Harbour Authority chair"."""
    # The match must end at the name with " <title> ": without both, skip the search.
    gap = start - 1
    if (
        gap < 1
        or sentence[gap] != " "
        or sentence[sentence.rfind(" ", 0, gap) + 1 : gap] not in TITLES
    ):
        return None
    match = _ROLE_BEFORE.search(sentence, max(0, start - 60), start)
    if match is None or match.end() != start or match.group(3) not in TITLES:
        return None
    body, qualifier, title = match.groups()
    if body and body.split()[0].lower() not in NOT_NAMES:
        return f"{clean_run(body)} {title}"
    if qualifier and qualifier not in STOPWORDS and qualifier not in SPEECH_VERBS:
        if _verb_not_qualifier(sentence, match.start(2), qualifier):
            return title
        return f"{qualifier} {title}"
    return title


def _verb_not_qualifier(sentence: str, at: int, word: str) -> bool:
    """True for a past participle before a title that is the verb, not the title's qualifier.

    "has appointed director Ana Holt": after an auxiliary a past form is a verb and the
    person its object. After "and" only an irregular one is ("and given leader Per
    Lunde two days"): "adviser and retired general", "the newly elected mayor" and
    "acting president" keep their qualifiers.
    """
    irregular = word in IRREGULAR_PAST
    if not irregular and (not word.endswith("ed") or word in ED_NOT_VERBS):
        return False
    before = sentence[max(0, at - 12) : at].split()
    if not before:
        return False
    return before[-1] in _AUXILIARY_WORDS or (irregular and before[-1] in ("and", "or"))


# The auxiliaries after which a past form is a verb: "has appointed", "was sent".
_AUXILIARY_WORDS = frozenset("has have had was were is are been be being".split())


def _with_body(role: str | None, of: re.Match[str] | None) -> str | None:
    if of is None:
        return role
    body = of.group(1)
    if body[0].islower():
        words = body.split()
        heads = [i for i, word in enumerate(words) if word in GROUP_HEADS]
        if not heads:
            return role
        body = " ".join(words[: heads[0] + 1])
    return f"{role}, {body}" if role else body


def _appositive(sentence: str, start: int, end: int, bodies: list[str]) -> str | None:
    """A role set off by commas: "Its chairman, Rui Abrantes," or "Hale, the director,".

    "Its president" names the body of the sentence before, when it named one.
    """
    if sentence.startswith(",", end):
        before = _APPOSITIVE_BEFORE.search(sentence, max(0, start - 80), start)
        title = before.group(3).split()[-1] if before is not None else ""
        if before is not None and (_person_noun(title) or title.lower() in TITLES):
            determiner, owner, role = before.group(1), before.group(2), before.group(3).strip()
            related = bare_relation(role)
            if related is not None:
                return related  # "the husband of crash victim, Ana Holt,": she is the victim
            if owner:
                return f"{owner} {role}"
            if determiner and determiner.lower() in ("its", "their") and bodies:
                return f"{role} of the {bodies[0]}"
            return role
    match = _APPOSITIVE_AFTER.match(sentence, end)
    if match is None:
        return None
    phrase = match.group(1)
    words = phrase.split()
    said = next((i for i, w in enumerate(words) if w.islower() and w in SPEECH_VERBS), None)
    if said is not None and words[0].lower() in ("a", "an"):
        return None  # "a cease-fire with Israel, a Palestinian official said": someone else
    if said is not None:
        # "Lord Carloway, the Lord President of the court decided, according to ...": the
        # comma before the verb is missing, and the verb is no part of the role.
        phrase = " ".join(words[:said])
    if any(w.lower().strip("’'s") in TITLES for w in phrase.split()[1:]):
        first, rest = phrase.split(" ", 1)
        return phrase if first[:1].isupper() else rest
    return None


def _person_noun(word: str) -> bool:
    """A lower-case noun that names a person: "the director", "his widow", "her aunt".

    "In a statement following the attack, Ahmed al-Assadi": an attack is no role.
    """
    if not word.islower():
        return False
    return (
        word in TITLES
        or word in DESCRIPTION_HEADS
        or word in _KIN
        or (len(word) >= AGENT_MIN_CHARS and word.endswith(AGENT_ENDINGS))
    )


def bare_relation(phrase: str) -> str | None:
    """The person a name set off after "<kin> of <bare noun>" is, else None.

    "the husband of crash victim, Ana Holt, says he ...": with no determiner after
    "of", "crash victim" is the title of the name that follows, as in "crash victim
    Ana Holt"; the husband is someone else. "the head of security, Ana Holt," (no
    person noun) and "the wife of the dead soldier, Ana Holt," (a determiner) keep
    the name as the first noun's.
    """
    words = phrase.split()
    if len(words) < 3 or words[0] not in _KIN or words[1] != "of":
        return None
    rest = words[2:]
    if len(rest) > 3 or any(w in _BARE_BREAKS or not w.islower() for w in rest):
        return None
    return " ".join(rest) if _person_noun(rest[-1]) and not rest[-1].endswith("s") else None


# Words after "of" that make the phrase no bare title: a determiner or a number.
_BARE_BREAKS = frozenset("the a an his her its their this that these those one two".split())

# People named by whom they are to someone: kin, and parties to a case.
_KIN = frozenset(
    """
    mother father wife husband son daughter brother sister aunt uncle cousin widow widower
    niece nephew grandmother grandfather grandson granddaughter partner fiancee fiance
    friend neighbour neighbor colleague plaintiff defendant victim owner successor
    predecessor parent parents
    """.split()
)


def _add(cast: Cast, name: list[str], role: str | None) -> Actor:
    key = " ".join(name)
    bare = " ".join(_unpossessed(t) for t in name)
    if bare != key:
        cast.aliases.setdefault(bare, key)  # "Villagers Association", as a speaker is read
    actor = cast.actors.get(key)
    if actor is None:
        actor = cast.actors[key] = Actor(key, person=_is_person(name))
    if not actor.person and (
        _titled_one_name(name, role) or (_titled(role) and _is_person(name, True))
    ):
        actor.person = True
    if role and actor.role is None:
        actor.role = role
    return actor


def _link_aliases(cast: Cast) -> None:
    """Map single names to the full name of the one person who carries them."""
    claims: dict[str, list[str]] = {}
    for actor in cast.actors.values():
        if not actor.person:
            continue
        tokens = actor.name.split()
        if len(tokens) == 1:
            continue  # one name ("Erdogan"): the actor itself, no alias of another
        for token in (tokens[0], tokens[-1]):
            if len(token) > 1 and token.lower() not in NOT_NAMES:
                claims.setdefault(token, []).append(actor.name)
    for token, names in claims.items():
        full = max(names, key=lambda n: (len(n), n)) if len(set(names)) == 1 else names[0]
        cast.aliases[token] = full
        alone = cast.actors.get(token)
        if alone is not None and alone.role:
            target = cast.actors[full]
            target.role = target.role or alone.role
    _link_name_tails(cast)
    _link_short_bodies(cast)
    for alias in cast.aliases:
        cast.actors.pop(alias, None)


def _link_name_tails(cast: Cast) -> None:
    """Map "Rodriguez Saa" to "Adolfo Rodriguez Saa": the last words of one person's name.

    A person named in full once is named by a two-word surname later; when exactly
    one person's full name ends with those words, they are that person.
    """
    people = [
        a.name
        for a in cast.actors.values()
        if a.person
        and a.name.count(" ") >= 2
        and not any(len(w) > 2 and w.endswith(".") for w in a.name.split())
    ]
    for actor in list(cast.actors.values()):
        if not actor.person or actor.name.count(" ") != 1 or actor.name in cast.aliases:
            continue
        full = [p for p in people if p.endswith(" " + actor.name)]
        if len(full) == 1:
            cast.aliases[actor.name] = full[0]
            target = cast.actors[full[0]]
            target.role = target.role or actor.role


def _link_short_bodies(cast: Cast) -> None:
    """Map "the Alliance" to the one body whose full name ends with that word.

    An article names a body in full once ("the Gannet Sound Alliance") and then
    by its last word alone; the short form is the same body, not another actor.
    """
    bodies = [a.name for a in cast.actors.values() if not a.person and " " in a.name]
    firms = [b for b in bodies if b.split()[-1].lower() not in _GROUP_NAME_WORDS]
    for actor in list(cast.actors.values()):
        name = actor.name
        if actor.person or " " in name or name in cast.aliases:
            continue
        if name.lower() not in GROUP_HEADS:
            # "Phillips" after "Phillips Petroleum": a firm by the first word of its name.
            own = [f for f in firms if f.split()[0] == name]
            if len(own) == 1:
                cast.aliases[name] = own[0]
            continue
        full = [b for b in bodies if b.split()[-1] == name]
        if len(full) == 1:
            cast.aliases[name] = full[0]
            target = cast.actors[full[0]]
            target.role = target.role or actor.role
