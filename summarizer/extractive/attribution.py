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

from summarizer.checks.literals import literal_pattern
from summarizer.extractive.actors import PREFIXED_NAME, Actor, Cast, bare_relation, clean_run
from summarizer.extractive.lexicon import (
    DENIAL_VERBS,
    DESCRIPTION_HEADS,
    DIRECTIVE_VERBS,
    GROUP_HEADS,
    GROUP_WORDS,
    LY_NOT_ADVERBS,
    MEDIA_NAMES,
    MEDIA_WORDS,
    MONTHS,
    NOT_NAMES,
    PURE_SPEECH_VERBS,
    SPEECH_VERBS,
    TITLES,
    WEEKDAYS,
)
from summarizer.extractive.pronouns import resolve_pronoun
from summarizer.extractive.sentences import Sentence
from summarizer.extractive.tokens import (
    ARTICLES,
    PREPOSITIONS,
    PREPOSITIONS_OR_OF,
    Token,
    according_clause,
    negation_start,
    past_frame,
    pronoun_closes,
    reported_clause,
    tokenize,
    words_end,
)

_MAX_GAP = 6
_CAPITALISED = re.compile(r"(?<![\w’'])[A-Z][\w’'\-]*(?: (?:of )?[A-Z][\w’'\-]*){0,5}")
_STOP_WALK = frozenset(
    'that which who whom whose and or because if when while ; : " “ ” ( )'.split()
)
_TIME_WORDS = WEEKDAYS | MONTHS
_PUT_REACH = 30
_ADDING = frozenset("add adds added".split())
_POSSESSIVE_END = re.compile(r"(?:’s|'s|s’|s')$")
# "Its preliminary estimate ... is that": a body's own figure, the body named just before.
_OWN_FINDINGS = frozenset(
    """
    estimate estimates figure figures count calculation calculations analysis survey
    report forecast forecasts projection projections data numbers study own
    """.split()
)
_QUOTE_MARKS = frozenset('" “ ” ; :'.split())
_SPEAKING_FOR = frozenset(
    "office spokesman spokeswoman spokesperson aides website statement".split()
)
# ... of these, only with a possessive owner: "the WHO's website said".
_OWNED_ONLY = frozenset("website statement".split())
# A description owned by a pronoun ("its critics") names no one the reader can place.
_POSSESSIVE_DETERMINERS = frozenset("its their his her our my your this these those".split())
# Groups of people named by where they live or work: "residents of Eastquay".
_PEOPLE_OF = frozenset(
    "residents people villagers citizens voters families parents workers staff employees "
    "members farmers fishermen traders shopkeepers tenants".split()
    # ... and a place's own government: "the government of Eastquay" speaks for itself.
    + ["government"]
)
# A sentence can be attributed only if it holds one of these words (checked before
# tokenizing it): the verbs of saying, "according", and "put ... at".
# Verbs of saying and of asking someone to do something: each has a speaker before it.
_SPEAKING = SPEECH_VERBS | DIRECTIVE_VERBS
# Participles by which the subject of a clause says why it did what it did, or what it
# holds: "postponed the vote, citing the storm", "condemned it, calling it a betrayal".
_SAYING_PARTICIPLES = frozenset(
    "citing saying calling arguing claiming insisting warning stating urging".split()
)
# Verbs of position whose passive names the holder after "by": "the closure was
# condemned by the union" is the union's position on the closure.
_POSITION_PASSIVES = frozenset(
    """
    condemned denounced criticised criticized rejected disputed questioned opposed
    welcomed praised claimed described dismissed
    """.split()
)
_SAYING = (
    _SPEAKING | _SAYING_PARTICIPLES | _POSITION_PASSIVES | frozenset(("according", "put", "puts"))
)
# ... as one pattern: a run of letters of a lower-cased sentence that is one of them
# (what ``_SAYING.isdisjoint(re.findall("[a-z]+", ...))`` asks, without the list).
_SAYING_RUN = re.compile(
    r"(?<![a-z])(?:"
    + literal_pattern(sorted(w for w in _SAYING if w.isascii() and w.isalpha() and w.islower()))
    + r")(?![a-z])"
)
# Words that may stand between a subject and its verb of saying: adverbs, auxiliaries,
# determiners.
_BETWEEN = frozenset(
    """
    also later then now previously recently reportedly still repeatedly again once earlier
    first subsequently never not further already only even too however meanwhile long
    has have had would will could did does do is was were are may might must can should
    been be being a an the this that its their his her both all yesterday today tonight
    separately jointly publicly privately since
    """.split()
)
_CONJUNCTIONS = frozenset("but yet so nor".split())
# A sentence's opening pronoun, subject or possessive, as the pronoun it resolves as.
_SUBJECT_PRONOUNS = {"He": "he", "She": "she", "His": "he", "Her": "she"}

# Plurals of speakers that may follow a people's word as a second speaker ("but Israeli
# officials said"), and, with "negotiators", the plural heads "it" never refers to.
_SPEAKER_PLURALS = frozenset(
    "officials sources leaders ministers spokesmen police witnesses officers".split()
)
_PLURAL_SPEAKERS = _SPEAKER_PLURALS | {"negotiators"}
# What follows an "it" that stands for no one: "it is too early to say", "it will be
# weeks before ...", "it remains unclear whether", "it will take days to". Only the
# adjectives and nouns that take such a dummy subject count ("it is ready to invest"
# is the body's own readiness), and only right after the verb, with at most a "too",
# "not", "still" or "very" between.
_EXPLETIVE_IT = re.compile(
    r"(?:(?:will|would|could|may|might|should|must|can)(?: not)? )?"
    r"(?:(?:be|is|was|has been|had been|seems?|seemed|appears?|appeared|remains?|remained)"
    r"(?: (?:not|still|also|now|too|very|so|quite|far|more|less|increasingly|highly))*"
    r" (?:to be )?(?:(?:early|late|premature|possible|impossible|likely|unlikely|clear|"
    r"unclear|known|unknown|safe|unsafe|important|essential|vital|crucial|necessary|"
    r"unnecessary|difficult|hard|easy|worth|time|true|hoped|expected|believed|thought|"
    r"feared|understood|estimated|reported)\b|(?:a matter of |only )?(?:a (?:few|couple of) |"
    r"several |many |some )?(?:hours|days|weeks|months|years)\b)"
    r"|(?:takes?|took|take) (?:(?:a|an|the|some|several|many|a few|a couple of|up to) )?"
    r"(?:\w+ )?(?:hours?|days?|weeks?|months?|years?|time)\b)"
)
# A statement, a letter or a message: what it says is its owner's words.
_DOCUMENTS = frozenset("statement letter message".split())
_DOCUMENT_RUN = re.compile(r"statement|letter|message")
# Verbs by which a body issues one: "issued a statement", "a statement released by".
_ISSUING = frozenset("issued issues released releases published publishes".split())
# How far before the statement its issuing verb may stand ("issued a brief joint statement").
_DOCUMENT_REACH = 4
# Words by which a statement gives its content: "read:", "saying", "to the effect".
_DOCUMENT_SAYS = frozenset("read reads said says saying stating agreeing that effect".split())
# How far after the statement its content may begin ("which read, in part,").
_CONTENT_REACH = 5
# How many capitalised words a body's name may hold before an inner "the" ("Save the
# Pier", "Friends of the Harbour" is read by "of" already).
_INNER_ARTICLE_REACH = 2
# Words that join a second verb to the first, with the same subject: "opposed it and said".
_JOINING = frozenset("and but yet".split())
# How far back from the second verb its clause may begin: a subject, a first verb, its
# object and a phrase ("The Boat Owners Association (BOA) opposed the closure of the pier
# and said": 13). Read off fresh sentences, not tuned.
_JOINED_REACH = 18
# How far back from a participle of saying its clause may begin: a fronted time, a
# name, an aside, a first verb and its object ("Yesterday, Ada Holt, the mayor of
# Harlow, signed an order closing the pier until June, citing": 21). Read off fresh
# sentences, not tuned.
_PARTICIPLE_REACH = 24
# Pronouns that name no one a position could be about: "It was condemned by".
_PRONOUN_SUBJECTS = frozenset("it they he she this that these those we i you".split())
# How far after a passive's "by" its "as ..." may stand: an agent of a few words ("by
# the harbour master Piet Vos as"). Read off fresh sentences, not tuned.
_AGENT_REACH = 8
# How many lower-case words a description opening a clause may hold ("the harbour
# trust"): read off fresh sentences, not tuned.
_DESCRIBED_WORDS = 3
# Marks that close a quotation, and how many words a quoted phrase inside a clause
# may hold ('gave its "full support"'): read off fresh sentences, not tuned.
_QUOTE_ENDS = frozenset('" ”'.split())
_SHORT_QUOTE = 6
# A count opening a clause: "Twenty-two signed", "Three of them said".
_COUNT_WORD = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundreds|thousands|dozens)\b",
    re.IGNORECASE,
)
# Words of time that may open a clause before its subject, set off by a comma.
_FRONTED_TIME = WEEKDAYS | frozenset(
    "yesterday today tonight earlier later meanwhile separately previously".split()
)
# Marks that begin a new clause, before which no subject of the joined verbs stands.
_CLAUSE_BREAKS = frozenset('; : " “ ”'.split())
# Lower-case words after a name that are no verb: the name goes on, or a phrase follows.
_NOT_VERBS = frozenset("of and or who which whose that the a an".split())
_BE_FORMS = frozenset("was were is are been being be".split())
# Verbs that may come before their speaker: '"...," said Mayor Holt', '..., added Holt'.
# "told" never does: what follows it is the listener ("..., told Reuters").
_INVERTING = frozenset(
    """
    said says added adds wrote writes explained explains remarked commented noted asked
    replied continued insisted warned argued stated declared recalled tweeted tweets
    """.split()
)
# Verbs by which a news outlet passes on a fact.
_REPORTING = frozenset("reported reports said says according wrote writes noted".split())
# Heads by which an article refers back to a firm it has just named ("the company said").
_FIRM_HEADS = frozenset("company firm operator".split())
_GROUP_OR_FIRM_HEADS = GROUP_HEADS | _FIRM_HEADS


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
        negated: The verb is negated ("did not dispute"): the statement denies
            what the verb alone would say.
        joint: The other speaker of a joint subject ("Rita Osei and Piet Vos both
            said"), who says the same, if any: their name and role.
    """

    sentence: Sentence
    actor: str
    role: str | None
    verb: str
    clause: str
    negated: bool = False
    joint: tuple[str, str | None] | None = None


class Attributor:
    """Attributes sentences in article order, remembering recent speakers."""

    def __init__(self, cast: Cast) -> None:
        self.cast = cast
        self.recent: list[str] = []
        self.last_person: str | None = None
        self.last_body: str | None = None
        self.previous: Sentence | None = None
        self.current: Sentence | None = None
        # Who the sentence before and this one are attributed to, if anyone.
        self.previous_speaker: str | None = None
        self.current_speaker: str | None = None

    def attribute(self, sentence: Sentence) -> Attribution | None:
        """Return the statement ``sentence`` attributes to someone, if any."""
        self.previous, self.current = self.current, sentence
        self.previous_speaker, self.current_speaker = self.current_speaker, None
        lower_text = sentence.text.lower()
        if (
            _SAYING_RUN.search(lower_text) is None
            and not sentence.text.startswith(("Its ", "Their "))
            and _DOCUMENT_RUN.search(lower_text) is None
        ):
            return None  # no verb of saying, no "according to": most sentences, no tokens
        tokens = tokenize(sentence.text)
        # A weaker reading: the subject of a clause a participle of saying closes
        # ("postponed the vote, citing the storm") or the agent of a passive ("was
        # condemned by the union"), with the verb and the clause. It is the statement
        # only if no finite verb of saying in the sentence has a subject of its own.
        weaker: tuple[Actor, str, str] | None = None
        for i, token in enumerate(tokens):
            if token.quoted:
                continue
            lower = token.text.lower()
            if lower not in _SAYING:
                continue  # every branch below needs a verb of saying, "according" or "put"
            if lower in _ADDING and not _adds_speech(tokens, i):
                continue  # "The wing adds 2,400 square metres": adding, not saying
            if _plural_noun_subject(tokens, i):
                continue  # "Preliminary reports suggested ...": a noun, the next word its verb
            if lower in DIRECTIVE_VERBS and (not _directs(tokens, i) or _hedged(tokens, i)):
                # "asked for a recount", "invited guests to the launch": no request; "might
                # have urged him to": what others suspect, not the subject's words
                continue
            if lower in _GOVERNING and _governs(tokens, i):
                continue  # "ruled Norland for forty years": a reign, not a ruling
            if lower in _FINDING and _gained(tokens, i):
                continue  # "Baker found early success": something gained, not a finding
            if lower in PURE_SPEECH_VERBS and negation_start(tokens, i) is not None:
                continue  # "has not said how many": no statement, so no position
            if weaker is None and lower in _POSITION_PASSIVES:
                weaker = self._passive_agent(sentence.text, tokens, i)
            if lower in _SPEAKING and _passive(tokens, i):
                continue  # "was reported missing", "was widely reported": the subject says nothing
            if lower in _SPEAKING and _reduced_passive(tokens, i):
                continue  # "Tomas Brink, accused of fraud by ...,": what others say of him
            if lower in _SPEAKING and _participle(tokens, i):
                continue  # "an alleged bribe", "people accused of theft": no one speaks
            if lower in _SPEAKING and any(t.text == "according" for t in tokens[max(0, i - 3) : i]):
                continue  # "according to government reports": a noun, not a verb
            if lower in _SPEAKING and _object_relative(tokens, i):
                continue  # "the bridge, which the council declared unsafe,": no words of theirs
            if lower in _SPEAKING and self._unnamed_relative_speaker(tokens, i):
                continue  # "the engineer decried the scrutiny that he says ...": unnamed
            joint: Actor | None = None
            if (lower in _SPEAKING or _puts_figure(tokens, i)) and token.text.islower():
                actor = self._subject_before(tokens, i)
                if actor is not None:
                    joint = self._joint_speaker(tokens, i, actor)
                else:
                    actor = self._subject_after(tokens, i)
            elif i == 0 and lower in _SPEAKING and len(tokens) > 1:
                actor = self._named_after(tokens, 1)  # 'Remarked ecologist Tilde Aune, "..."'
            elif lower == "according" and i + 2 < len(tokens) and tokens[i + 1].text == "to":
                actor = self._subject_at(tokens, i + 2)
            elif lower in _SAYING_PARTICIPLES:
                acted = self._participle_subject(tokens, i) if weaker is None else None
                if acted is not None:
                    clause = sentence.text[tokens[acted[1]].start :].strip()
                    weaker = (acted[0], token.text, clause)
                continue  # a finite verb of saying later in the sentence comes first
            else:
                continue
            if actor is not None and is_media(actor.name) and lower in _REPORTING:
                continue  # "Reuters reported", "according to the Herald": a source of facts
            if actor is not None:
                if lower == "according":
                    clause, negated = according_clause(sentence.text, tokens, i), False
                else:
                    negated = negation_start(tokens, i) is not None
                    clause = reported_clause(sentence.text, tokens, i)
                    clause = _joined_content(sentence.text, tokens, i, clause)
                    clause = _relative_subject_content(sentence.text, tokens, i) or clause
                    if not negated:
                        clause = _quotation_after(sentence.text, tokens, i) or clause
                        clause = _denied_charge(sentence.text, tokens, i) or clause
                if lower in _TOLD:
                    clause = _without_outlet(clause)
                return self._said(sentence, actor, token.text, clause, negated, joint)
        if weaker is not None:
            return self._said(sentence, *weaker)
        return self._statement(sentence, tokens) or self._own_findings(sentence, tokens)

    def _said(
        self,
        sentence: Sentence,
        actor: Actor,
        verb: str,
        clause: str,
        negated: bool = False,
        joint: Actor | None = None,
    ) -> Attribution:
        """``actor``'s statement ``clause``, up to a second speaker; ``actor`` spoke last."""
        self._remember(actor)
        clause = self._own_pronoun_named(_before_second_speaker(clause), actor)
        self.current_speaker = actor.name
        also = (joint.name, joint.role) if joint is not None else None
        return Attribution(sentence, actor.name, actor.role, verb, clause, negated, also)

    def _unnamed_relative_speaker(self, tokens: list[Token], verb: int) -> bool:
        """True for "he" in a relative clause whose referent is the sentence's unnamed subject.

        "Again the engineer decried the scrutiny that he contends has ruined his life":
        the "he" of the relative clause is the engineer, a description that names no
        one in the article, not a person named in the sentence before.
        """
        if verb < 2 or tokens[verb - 1].text not in ("he", "she"):
            return False
        if tokens[verb - 2].text.lower() not in _RELATIVE_SUBJECTS:
            return False
        commas = [k for k in range(verb) if tokens[k].text == ","]
        first = commas[0] + 1 if commas and commas[0] < verb - 2 else 0
        if first + 1 >= verb - 2 or tokens[first].text.lower() != "the":
            return False
        noun = tokens[first + 1].text
        if not noun.isalpha() or not noun.islower():
            return False
        return self.cast.resolve_description(noun, self.recent) is None

    def _joint_speaker(self, tokens: list[Token], verb: int, actor: Actor) -> Actor | None:
        """The other of two speakers joined as the subject of ``verb``, if ``actor`` is one.

        "Councillor Rita Osei and harbour master Piet Vos both questioned ...", "Osei and
        Mayor Lena Brandt, who faces re-election, have said ...": two names joined by
        "and" at the start of the clause (after an opening phrase and its comma), the
        second after its description, then only an aside, adverbs or auxiliaries before
        the verb. Names after a word ("arrested Tomas Brink and Ada Lind and said",
        "a report by Osei and Vos said", "Councillors including Osei and Vos") are
        objects or inside a phrase, and a name in an aside (", a friend of Vos and
        Brandt,") is no subject.
        """
        j = verb - 1
        while j >= 0:
            text = tokens[j].text
            if text == ",":
                skipped = _skip_parenthetical(tokens, j)
                if skipped == j - 1:
                    return None  # no aside: ", a friend of ...," opens no clause of its own
                j = skipped
            elif _skippable(text) or text.lower() in _JOINT_WORDS:
                j -= 1
            else:
                break
        if j < 0 or tokens[j].quoted or not tokens[j].text[:1].isupper():
            return None
        second_start = _run_start(tokens, j)
        second = self._resolve_run(tokens, second_start, j)
        # The second speaker's description: "harbour master", "incoming chair of the
        # House Intelligence Committee" (lower-case words and names, no comma).
        k = second_start - 1
        while k >= 0 and second_start - k <= _JOINT_DESCRIPTION and tokens[k].text != "and":
            if tokens[k].quoted or not tokens[k].text.isalpha():
                return None
            k -= 1
        if k < 1 or tokens[k].text != "and" or not tokens[k - 1].text[:1].isupper():
            return None
        first_start = _run_start(tokens, k - 1)
        opener = tokens[first_start].text.lower()
        while first_start < k - 1 and (opener in _JOINT_WORDS or opener in NOT_NAMES):
            first_start += 1  # "Both Rita Osei and ...", "Councillor Rita Osei and ..."
            opener = tokens[first_start].text.lower()
        if first_start > 0 and tokens[first_start - 1].text not in (",", ":", "Both", "both"):
            return None  # "by Osei and Vos", "including Osei and Vos": not the subject
        first = self._resolve_run(tokens, first_start, k - 1)
        if first is None or second is None or first.name == second.name:
            return None
        if actor.name == first.name:
            return second
        return first if actor.name == second.name else None

    def _statement(self, sentence: Sentence, tokens: list[Token]) -> Attribution | None:
        """What a statement, letter or message says, given as its owner's words.

        "Dina Voss's statement read: "..."", "The association issued a statement saying
        ...", "according to a statement released by Voss's office, "..."": the owner
        or the issuer speaks. A statement whose content the sentence does not give
        ("issued a statement on Friday") says nothing.
        """
        for d, token in enumerate(tokens):
            if token.quoted or token.text.lower() not in _DOCUMENTS:
                continue
            actor = self._document_owner(tokens, d)
            if actor is None:
                continue
            according = _according_before(tokens, d)
            said = _document_content(tokens, d)
            if according is not None:
                clause = according_clause(sentence.text, tokens, according)
            elif said is not None:
                clause = _content_after(sentence.text, tokens, said)
            else:
                continue
            return self._said(sentence, actor, "said", clause)
        return None

    def _document_owner(self, tokens: list[Token], d: int) -> Actor | None:
        """Whose is the statement at ``d``: its possessive owner, its issuer, or "by" whom."""
        before = tokens[d - 1].text if d >= 1 else ""
        if _POSSESSIVE_END.search(before):
            if before[:1].isupper():
                return self._resolve_run(tokens, _run_start(tokens, d - 1), d - 1)
            return self._description(tokens, d - 1, possessive=True)
        if d + 2 < len(tokens) and tokens[d + 1].text in _ISSUING and tokens[d + 2].text == "by":
            return self._subject_at(tokens, d + 3)  # "a statement released by Voss's office"
        if d + 1 < len(tokens) and tokens[d + 1].text == "from":
            return self._subject_at(tokens, d + 2)  # "the following statement from the king:"
        k = d - 1
        while k >= 0 and d - k <= _DOCUMENT_REACH and tokens[k].text not in _ISSUING:
            if not tokens[k].text.isalpha() or not tokens[k].text.islower():
                return None
            k -= 1
        if k < 1 or d - k > _DOCUMENT_REACH:
            return None
        return self._subject_before(tokens, k)  # "The association issued a statement"

    def subject(self, sentence: Sentence) -> str | None:
        """The named person a leading "He", "She", "His" or "Her" of ``sentence`` is, if known.

        Call it right after :meth:`attribute` on the same sentence: the pronoun
        resolves against the sentences and speakers seen so far.
        """
        first = sentence.text.split(" ", 1)[0]
        pronoun = _SUBJECT_PRONOUNS.get(first)
        if pronoun is None or self.current is not sentence:
            return None
        actor = self._pronoun(pronoun)
        return actor.name if actor is not None and actor.person else None

    def _own_pronoun_named(self, clause: str, actor: Actor) -> str:
        """``clause`` with a leading "it" that is the speaking body named instead.

        "The company said it would invest ..." holds the position "The company
        would invest ...", a sentence of its own rather than "It would invest" or
        the fragment "would invest". "He" and "she" stay: the article may mean
        someone other than the speaker ("Marsh said she had been thorough", of the
        judge), and the position must not change hands on a guess.
        """
        first, _, rest = clause.partition(" ")
        if first != "it" or not rest or not rest[:1].islower() or actor.person:
            return clause
        if actor.name.split()[-1] in _PLURAL_SPEAKERS:
            return clause  # "Norland officials said it had gone well": "it" is no officials
        if _EXPLETIVE_IT.match(rest):
            return clause  # "said it was too early to say": no one is too early
        return f"{actor.name} {rest}" if self._pronoun("it") is actor else clause

    def _own_findings(self, sentence: Sentence, tokens: list[Token]) -> Attribution | None:
        """A body's own finding ("Its estimate ... is that"), the body named just before."""
        if len(tokens) < 3 or tokens[0].text not in ("Its", "Their"):
            return None
        noun = next((t for t in tokens[1:4] if t.text.lower() in _OWN_FINDINGS), None)
        if noun is None or self.previous is None:
            return None
        if self.previous.paragraph != sentence.paragraph:
            return None
        body = self._body_in(self.previous.text)
        if body is None:
            return None
        self._remember(body)
        clause = sentence.text[noun.end :].strip()
        return Attribution(sentence, body.name, body.role, tokens[0].text, clause)

    def _body_in(self, text: str) -> Actor | None:
        """The first named organisation of ``text``."""
        for token_run in _CAPITALISED.finditer(text):
            words = [clean_run(w) for w in token_run.group().split()]
            while words and words[0].lower() in NOT_NAMES:
                words = words[1:]
            actor = self.cast.resolve_name(" ".join(words)) if words else None
            if actor is not None and not actor.person:
                return actor
        return None

    def _firm_named_before(self) -> Actor | None:
        """The firm "the company" refers to: the one the sentence before names.

        Only a body whose name is no generic noun ("Brannock Offshore Wind", not
        "the Trades Council") can be "the company"; a union or a council is not.
        """
        previous, current = self.previous, self.current
        if previous is None or current is None or current.paragraph - previous.paragraph > 1:
            return None
        for token_run in _CAPITALISED.finditer(previous.text):
            words = [clean_run(w) for w in token_run.group().split()]
            while words and words[0].lower() in NOT_NAMES:
                words = words[1:]
            actor = self.cast.resolve_name(" ".join(words)) if words else None
            if actor is None or actor.person:
                continue
            first, last = actor.name.split()[0].lower(), actor.name.split()[-1].lower()
            if first in GROUP_HEADS:
                continue  # "the Government of Tarvia", "the Council of Ministers": no firm
            if " " in actor.name and last not in GROUP_HEADS and last not in GROUP_WORDS:
                return actor
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

    def _pronoun(self, word: str, at: int = 0) -> Actor | None:
        name = None
        if word in ("he", "she") and self.current is not None:
            name = resolve_pronoun(
                self.cast,
                word,
                self.previous,
                self.current,
                self.recent,
                self.previous_speaker,
                at,
            )
        if word == "it":
            name = self.last_body
        return self.cast.actors.get(name) if name else None

    def _subject_before(self, tokens: list[Token], verb: int) -> Actor | None:
        if verb > 0 and tokens[verb - 1].text.lower() in _JOINING:
            joined = self._joined_subject(tokens, verb)
            if joined is not None:
                return joined
        j = verb - 1
        gap = 0
        # A noun between a name and the verb makes the name a modifier of the real
        # subject: "The Veskan statement called" is the statement's, not Veska's.
        noun_between = False
        # "X backed the project but said ...": the subject of the first verb says it too.
        coordinated = verb > 0 and tokens[verb - 1].text.lower() in ("but", "yet")
        # Past a phrase naming a body ("to the Harlow Gazette"): inside the speaker's
        # description, whose small words do not count towards the gap.
        described = False
        while j >= 0 and gap <= _MAX_GAP:
            text = tokens[j].text
            lower = text.lower()
            if described and lower == "and" and tokens[j + 1].text.isalpha():
                if tokens[j + 1].text.islower() and j >= 1 and tokens[j - 1].text[:1].isupper():
                    # "of Keele University and contributor to the Gazette": one description.
                    j, gap, noun_between = j - 1, gap + 1, False
                    continue
            if text == ")" and j == verb - 1 and not tokens[j].quoted:
                opening = _bracket_open(tokens, j)
                if opening is not None:
                    # "Greta Holm of the Coastal Safety Board (CSB) said": an aside.
                    j, gap = opening - 1, gap + 1
                    continue
            if tokens[j].quoted or lower in _STOP_WALK:
                return None
            if lower in ("he", "she", "it", "they", "we", "i"):
                if noun_between and not coordinated:
                    return None  # "After she filed, the palace said": the palace speaks
                if text.islower() or j == 0:
                    if j == verb - 1 and _closing_speaker(tokens, verb):
                        # "Two Tarvik Front guards were hurt(,) he said": the name opening
                        # the sentence is inside what was said, not the speaker.
                        return self._pronoun(lower)
                    return self._pronoun(lower, tokens[j].start)
                return None
            if text[0].isupper() or PREFIXED_NAME.match(text):
                start = _run_start(tokens, j)
                people = self._people_of(tokens, start, j)
                if people is not None:
                    return people
                titled = self._person_after_body(tokens, start, j)
                if titled is not None:
                    return titled  # "director of Greenpeace Ann Holt said": Holt
                clause_subject = gap == 0 and _opens_clause(tokens, start)
                if (_is_adverbial(tokens, start) or lower in _TIME_WORDS) and not clause_subject:
                    # "of the Anna and Pieter Holm Foundation": past the whole name.
                    while start >= 2 and tokens[start - 1].text == "and":
                        if not tokens[start - 2].text[:1].isupper():
                            break
                        start = _run_start(tokens, start - 2)
                    j, gap = start - 1, gap + 1
                    described = True
                    continue
                found = self._joined_run(tokens, start, j) or self._resolve_run(tokens, start, j)
                if found is None and (lower in GROUP_HEADS or lower in DESCRIPTION_HEADS):
                    return self._description(tokens, j)
                if noun_between and not coordinated:
                    return None
                head = self._head_of_of_phrase(tokens, start, found)
                return head or found
            if lower in GROUP_HEADS or lower in DESCRIPTION_HEADS or lower in _SPEAKING_FOR:
                owner = _of_phrase_owner(tokens, j)
                if owner is not None:
                    # "Peter Iseley of worldwide victim group Ending Clergy Abuse said":
                    # the group describes the speaker before "of".
                    j, gap = owner, gap + 1
                    noun_between = False
                    continue
                inner = _inside_of_phrase(tokens, j)
                if inner is not None:
                    # "Organisers from the Save Marlow coalition said": the subject
                    # is the head before the prepositional phrase.
                    j, gap = inner, gap + 1
                    continue
                return self._description(tokens, j)
            if text == ",":
                if noun_between and not coordinated:
                    # "When a chance came at the fair, his cousins urged": the subject
                    # is the noun after the comma, not a name in the clause before it.
                    return None
                if j == verb - 1 and _relation_aside(tokens, j):
                    return None  # "the husband of crash victim, Ana Holt, says": not Holt
                j = _skip_parenthetical(tokens, j)
                continue
            if lower in PREPOSITIONS or lower == "of":
                noun_between = False  # the nouns after it were inside its phrase
            elif text.isalpha() and not _skippable(lower):
                noun_between = True
            if not (described and (lower in PREPOSITIONS_OR_OF or lower in ARTICLES)):
                gap += 1
            j -= 1
        return None

    def _joined_subject(self, tokens: list[Token], verb: int) -> Actor | None:
        """The subject of the first of two joined verbs, who says what the second says.

        "The Boat Owners Association opposed the closure and said ...", "Greta Lind
        wept at the vote and said ...": the speaker is the clause's subject (see
        :meth:`_clause_subject`).
        """
        found = self._clause_subject(tokens, verb - 1, _JOINED_REACH)
        return found[0] if found is not None else None

    def _passive_agent(
        self, text: str, tokens: list[Token], verb: int
    ) -> tuple[Actor, str, str] | None:
        """The holder of a position told in the passive, with the verb and the position.

        "The closure was condemned by the Boat Owners Association": the association
        condemned the closure. The position is the verb and what it was done to
        ("condemned the closure"), and an "as ..." after the agent ("was described by
        Holt as a disgrace"). What was done to a pronoun ("It was condemned by") says
        nothing, and a passive with no "by" names no holder.
        """
        if verb < 2 or verb + 2 >= len(tokens) or tokens[verb + 1].text != "by":
            return None
        be = verb - 1
        while be >= 0 and verb - be <= 3 and tokens[be].text.lower() not in _BE_FORMS:
            if not _skippable(tokens[be].text.lower()):
                return None
            be -= 1
        if be < 1 or tokens[be].text.lower() not in _BE_FORMS:
            return None
        start = be - 1
        while start >= 0 and not tokens[start].quoted and tokens[start].text not in ",;:":
            start -= 1
        start += 1
        if be - start < 1 or tokens[start].text.lower() in _PRONOUN_SUBJECTS:
            return None
        if be > start and tokens[be - 1].text.lower() in ("has", "have", "had"):
            be -= 1  # "has been condemned": the auxiliary is no part of the subject
        agent = self._subject_at(tokens, verb + 2)
        if agent is None or is_media(agent.name):
            return None
        done_to = text[tokens[start].start : tokens[be - 1].end]
        first = done_to.split(" ", 1)[0]
        if first.lower() in ARTICLES:
            done_to = first.lower() + done_to[len(first) :]
        clause = f"{tokens[verb].text} {done_to}"
        as_at: int | None = None
        for k in range(verb + 2, min(len(tokens), verb + 2 + _AGENT_REACH)):
            if tokens[k].quoted or tokens[k].text in ',;:"“':
                break  # the agent's phrase has ended: what follows is another clause
            if tokens[k].text == "as":
                as_at = k
                break
        if as_at is not None:
            clause += " " + text[tokens[as_at].start :].strip()
        return agent, tokens[verb].text, clause

    def _participle_subject(self, tokens: list[Token], at: int) -> tuple[Actor, int] | None:
        """The subject of a clause that a participle of saying after a comma closes.

        "Mayor Ada Holt postponed the vote, citing the storm", "The union condemned
        the closure, calling it a betrayal": the subject of the main clause gives
        the reason or the view, and what it did and why is its position. Returns the
        subject and the index of the clause's first verb. A participle with no comma
        before it ("a letter citing the storm") belongs to a noun, not to a clause.
        """
        if at < 3 or tokens[at - 1].text != ",":
            return None
        return self._clause_subject(tokens, at - 1, _PARTICIPLE_REACH)

    def _clause_subject(
        self, tokens: list[Token], join: int, reach: int
    ) -> tuple[Actor, int] | None:
        """The named subject of the clause that ends at ``join``, and its first verb.

        The subject is named at the clause's start (after a fronted "On Tuesday," or
        "Yesterday,"), with a bracket or an aside after it, and a lower-case verb next.
        A name after the first verb is its object ("Officers arrested Tomas Brink and
        said"), never the subject. ``reach`` bounds how far back the clause may begin.
        """
        verb = join + 1
        start = join - 1
        while start >= 0:
            if verb - start > reach:
                return None  # the clause begins too far back to read
            if tokens[start].text in _QUOTE_ENDS and not tokens[start].quoted:
                opening = _short_quote_open(tokens, start)
                if opening is not None:
                    start = opening - 1  # 'gave its "full support" and said': a phrase
                    continue
            if tokens[start].quoted or tokens[start].text in _CLAUSE_BREAKS:
                break
            start -= 1
        start += 1
        if start < verb and tokens[start].text.lower() in PREPOSITIONS:
            # "On Tuesday, the association wrote ... and said": past the fronted phrase.
            comma = next((k for k in range(start, verb) if tokens[k].text == ","), None)
            if comma is None:
                return None
            start = comma + 1
        elif start + 1 < verb and tokens[start].text.lower() in _FRONTED_TIME:
            if tokens[start + 1].text == ",":
                start += 2  # "Yesterday, Ada Holt signed ...": past the fronted time
        named = self._named_aside(tokens, start, verb)
        if named is not None:
            return named  # "Waseem's mother, Anwar, wept ... and said": Anwar
        if start + 2 < verb and tokens[start].text in ("He", "She"):
            # "She postponed the vote, citing ...": the pronoun's person, if known.
            following = tokens[start + 1].text
            if not (following.isalpha() and following.islower()) or following in _NOT_VERBS:
                return None
            person = self._pronoun(tokens[start].text.lower(), tokens[start].start)
            return (person, start + 1) if person is not None else None
        if start < verb and tokens[start].text.lower() == "the":
            start += 1
            described = self._described_subject(tokens, start, verb)
            if described is not None:
                return described  # "The trust declined the request and said": the trust
        if start >= verb or not tokens[start].text[:1].isupper():
            return None
        end = start
        while end + 1 < verb and (
            tokens[end + 1].text[:1].isupper()
            or tokens[end + 1].text in ("of", "for")
            and end + 2 < verb
            and tokens[end + 2].text[:1].isupper()
        ):
            end += 1
        after = end + 1
        if after < verb and tokens[after].text == "(":
            close = next((k for k in range(after, verb) if tokens[k].text == ")"), None)
            after = close + 1 if close is not None and close - after <= _BRACKET_REACH else verb
        if after < verb and tokens[after].text == ",":
            close = next((k for k in range(after + 1, verb) if tokens[k].text == ","), None)
            after = close + 1 if close is not None else verb
        while after < verb and _skippable(tokens[after].text):
            after += 1
        if (
            after + 1 < verb
            and tokens[after].text in TITLES
            and tokens[after + 1].text[:1].isupper()
        ):
            # "Team captain Ola Berg has defended ...": the body's title, then the person.
            start = end = after + 1
            while end + 1 < verb and tokens[end + 1].text[:1].isupper():
                end += 1
            after = end + 1
        if after >= verb - 1:
            return None
        first_verb = tokens[after].text
        if not (first_verb.isalpha() and first_verb.islower()):
            return None
        if first_verb in PREPOSITIONS or first_verb in _NOT_VERBS:
            return None  # "Ann Holt of the union and ...": no verb yet
        if tokens[start].text.lower() in _TIME_WORDS or _COUNT_WORD.match(tokens[start].text):
            return None  # "Twenty-two signed a letter": a count of people names no one
        found = self._resolve_run(tokens, start, end)
        if found is None and tokens[end].text.lower() in GROUP_HEADS:
            found = self._description(tokens, end)
        return (found, after) if found is not None else None

    def _described_subject(
        self, tokens: list[Token], start: int, verb: int
    ) -> tuple[Actor, int] | None:
        """The actor a definite description opening a clause refers to, and its verb.

        "The trust declined the request and said ...": a few lower-case words after
        "the", the last of them a description the article links to a named actor,
        then a lower-case verb. A description that links to no one gives nothing.
        """
        for head in range(start, min(start + _DESCRIBED_WORDS, verb - 2)):
            word = tokens[head].text
            if not (word.isalpha() and word.islower()) or word in _NOT_VERBS:
                return None
            following = tokens[head + 1].text
            if not (following.isalpha() and following.islower()) or following in _NOT_VERBS:
                continue
            if following in PREPOSITIONS:
                continue
            found = self._description(tokens, head)
            if found is not None and found.name.lower() != word:
                return found, head + 1
        return None

    def _person_after_body(self, tokens: list[Token], start: int, end: int) -> Actor | None:
        """The person a body's name runs into: "(director of) Amnesty International Man-kei Tam".

        The cast read such a run as the body and then its person (``actors``); the run
        itself is then an alias of the person.
        """
        if end - start < 2 or start < 1 or tokens[start - 1].text != "of":
            return None
        run = " ".join(clean_run(t.text) for t in tokens[start : end + 1])
        if run not in self.cast.aliases:
            return None
        found = self.cast.actors.get(self.cast.aliases[run])
        return found if found is not None and found.person else None

    def _named_aside(self, tokens: list[Token], start: int, verb: int) -> tuple[Actor, int] | None:
        """The person named in a subject's aside: "The pier's owner, Tom Hale, wept".

        Returns the person and the index of the verb after the aside.
        """
        first = next((k for k in range(start, verb) if tokens[k].text == ","), None)
        if first is None or first - start > _TITLE_REACH + 3:
            return None
        close = first + 1
        while close < verb and tokens[close].text[:1].isupper():
            close += 1
        if close == first + 1 or close >= verb - 1 or tokens[close].text != ",":
            return None
        following = tokens[close + 1].text
        if not (following.isalpha() and following.islower()) or following in _NOT_VERBS:
            return None
        found = self._resolve_run(tokens, first + 1, close - 1)
        return (found, close + 1) if found is not None and found.person else None

    def _head_of_of_phrase(
        self, tokens: list[Token], start: int, found: Actor | None
    ) -> Actor | None:
        """The person before "of the <body>": "Lena Brandt of the University of Kestrel said"."""
        if found is not None and found.person:
            return None
        k = start - 1
        if k >= 0 and tokens[k].text.islower() and _POSSESSIVE_END.search(tokens[k].text):
            k -= 1  # "Arnel dela Vega of the army's Western Mindanao Command said"
        if k >= 0 and tokens[k].text.lower() in ("the", "a", "an"):
            k -= 1
        inner = 0
        while k >= 1 and inner < _INNER_ARTICLE_REACH and tokens[k].text[:1].isupper():
            # "Rosa Kleinfeld of Save the Pier said": a body's name with "the" inside.
            k, inner = k - 1, inner + 1
        if k < 1 or tokens[k].text != "of" or not tokens[k - 1].text[0].isupper():
            return None
        head_start = _run_start(tokens, k - 1)
        head = self._resolve_run(tokens, head_start, k - 1)
        return head if head is not None and head.person else None

    def _people_of(self, tokens: list[Token], start: int, end: int) -> Actor | None:
        """The residents, not the place, in "the residents of Eastquay said"."""
        if start < 2 or tokens[start - 1].text != "of":
            return None
        head = tokens[start - 2].text
        if head.lower() not in _PEOPLE_OF:
            return None
        place = " ".join(clean_run(t.text) for t in tokens[start : end + 1])
        name = f"{head[0].upper()}{head[1:].lower()} of {place}"
        return self.cast.actors.setdefault(name, Actor(name))

    def _people_of_after(self, tokens: list[Token], i: int) -> Actor | None:
        """The people, not the place or body, in "members of the Harlow Rowing Club"."""
        if i + 2 >= len(tokens) or tokens[i].text.lower() not in _PEOPLE_OF:
            return None
        k = i + 2 if tokens[i + 1].text == "of" else len(tokens)
        if k < len(tokens) and tokens[k].text.lower() == "the":
            k += 1
        if k >= len(tokens) or not tokens[k].text[:1].isupper():
            return None
        stop = k
        while stop + 1 < len(tokens) and tokens[stop + 1].text[:1].isupper():
            stop += 1
        words = [t.text for t in tokens[i:stop]] + [clean_run(tokens[stop].text)]
        name = " ".join(words)  # as the article names them: "members of the ... Club"
        name = name[0].upper() + name[1:]
        return self.cast.actors.setdefault(name, Actor(name))

    def _subject_after(self, tokens: list[Token], verb: int) -> Actor | None:
        if verb == 0 or tokens[verb - 1].text not in (",", '"', "”"):
            return None
        if tokens[verb].text.lower() not in _INVERTING:
            return None
        return self._subject_at(tokens, verb + 1)

    def _subject_at(self, tokens: list[Token], i: int) -> Actor | None:
        if i >= len(tokens):
            return None
        if tokens[i].text.lower() == "the":
            i += 1
        people = self._people_of_after(tokens, i)
        if people is not None:
            return people  # "according to residents of the Eastquay estate": the residents
        end = i
        while end < len(tokens) and end - i < 6 and tokens[end].text not in ',;:."”(':
            end += 1
        if end == i:
            return None
        if tokens[i].text[0].isupper():
            stop = i
            while stop + 1 < len(tokens):
                following = tokens[stop + 1].text
                if following[0].isupper():
                    stop += 1
                elif (
                    following in ("of", "for", "and")
                    and stop + 2 < len(tokens)
                    and tokens[stop + 2].text[0].isupper()
                ):
                    stop += 2  # "the Centers for Disease Control and Prevention"
                else:
                    break
            if _owned_people(tokens, stop, end):
                return None  # "according to Vance's critics": the critics, not Vance
            found = self._resolve_run(tokens, i, stop)
            later = self._person_after_role(tokens, stop + 1, end)
            if later is None and (found is None or not found.person):
                later = self._person_in_apposition(tokens, stop + 1)
            return later or found
        named = self._person_after_title(tokens, i, end) or self._person_in_apposition(tokens, end)
        if named is not None:
            # 'said study co-author Ines Maro' and 'said the councillor who chairs the
            # board, Ines Maro': Maro
            return named
        for k in range(i, end):
            if _POSSESSIVE_END.search(tokens[k].text):
                # "according to the group's analysis": the owner of the analysis.
                return self._description(tokens, k, possessive=True)
        return self._description(tokens, end - 1)

    def _person_in_apposition(self, tokens: list[Token], k: int) -> Actor | None:
        """The person a description after an inverted verb leads up to, if any.

        '"...," said the head of the Kestrel Institute, Ines Maro.' and '..., said
        Kestrel University's dean, Ines Maro.': the speaker is the named person the
        description leads up to, not the body inside the description. Only a person
        the cast knows, at the end of the sentence or of the aside, is taken.
        """
        limit = min(len(tokens), k + _APPOSITION_REACH)
        while k < limit:
            if tokens[k].text == "," and k + 1 < len(tokens) and tokens[k + 1].text[0].isupper():
                stop = k + 1
                while stop + 1 < len(tokens) and tokens[stop + 1].text[0].isupper():
                    stop += 1
                closes = stop + 1 >= len(tokens) or tokens[stop + 1].text in ',.;:"”'
                found = self._resolve_run(tokens, k + 1, stop)
                if closes and found is not None and found.person:
                    return found
            if tokens[k].quoted or tokens[k].text in ';:."“”':
                return None
            k += 1
        return None

    def _named_after(self, tokens: list[Token], i: int) -> Actor | None:
        """The speaker named after a sentence-opening verb of saying, a person first.

        'Remarked Center for Biological Diversity scientist Tierra Curry, "..."':
        the scientist speaks, not the centre.
        """
        first: Actor | None = None
        last_person: Actor | None = None
        k = i
        while k < min(i + 12, len(tokens)):
            if tokens[k].text in ',;:"“':
                break
            if tokens[k].text[0].isupper():
                stop = k
                while stop + 1 < len(tokens) and tokens[stop + 1].text[0].isupper():
                    stop += 1
                found = self._resolve_run(tokens, k, stop)
                if found is not None and found.person:
                    last_person = found  # the head of the phrase comes last
                first = first or found
                k = stop
            k += 1
        return last_person or first

    def _person_after_title(self, tokens: list[Token], k: int, end: int) -> Actor | None:
        """'said study co-author Ines Maro': the person a short lower-case title leads to.

        Only a title of at most ``_TITLE_REACH`` words with no preposition: in "according
        to posts shared by the seller Orvik Health" the posts, not the seller, speak.
        """
        stop = k
        while stop < end and tokens[stop].text.islower():
            if tokens[stop].text in PREPOSITIONS or tokens[stop].text in ("of", "by"):
                return None
            stop += 1
        if stop == k or stop - k > _TITLE_REACH:
            return None
        return self._person_after_role(tokens, k, end)

    def _person_after_role(self, tokens: list[Token], k: int, end: int) -> Actor | None:
        """'according to the Samoa Observer editor Keni Lesa': the editor, not the paper."""
        if k >= len(tokens) or not tokens[k].text.islower():
            return None
        while k < len(tokens) and tokens[k].text.islower() and tokens[k].text not in ",;:":
            k += 1
        if k >= len(tokens) or not tokens[k].text[0].isupper():
            return None
        stop = k
        while stop + 1 < len(tokens) and tokens[stop + 1].text[0].isupper():
            stop += 1
        found = self._resolve_run(tokens, k, stop)
        return found if found is not None and found.person else None

    def _joined_run(self, tokens: list[Token], start: int, end: int) -> Actor | None:
        """A body whose name holds "and" or "for": "Port Elvan and District Trades Council"."""
        if start < 2 or tokens[start - 1].text not in ("and", "for"):
            return None
        if not tokens[start - 2].text[0].isupper():
            return None
        return self._resolve_run(tokens, _run_start(tokens, start - 2), end)

    def _resolve_run(self, tokens: list[Token], start: int, end: int) -> Actor | None:
        words = [clean_run(t.text) for t in tokens[start : end + 1]]
        words = [w for w in words if w]
        while words and words[0].lower() in NOT_NAMES:
            words = words[1:]
        if not words:
            return None
        return self.cast.resolve_name(" ".join(words))

    def _description(
        self, tokens: list[Token], head: int, possessive: bool = False
    ) -> Actor | None:
        start = head
        while start > 0 and head - start < 4:
            prev = tokens[start - 1].text
            if prev.lower() in ("the", ",", "to", "of", "according") or prev.lower() in _STOP_WALK:
                break
            if prev.lower() in _CONJUNCTIONS:
                break  # "..., but a consumer group accused": the group, not "But a ..."
            if prev.lower() in _POSSESSIVE_DETERMINERS:
                return None
            start -= 1
        words = [t.text for t in tokens[start : head + 1]]
        if words[0].lower() in ("no", "none", "neither", "nobody"):
            return None  # "no other party has commented": nobody spoke
        if possessive:
            words[-1] = clean_run(words[-1])
        head_word = words[-1].lower()
        if head_word in _SPEAKING_FOR and len(words) > 1:
            owner = words[-2]
            if head_word in _OWNED_ONLY and not _POSSESSIVE_END.search(owner):
                return None  # "the Veskan statement": an adjective, not an owner
            return self._possessor(clean_run(owner))
        if words[0].lower() in ("a", "an") and head_word not in _GROUP_OR_FIRM_HEADS:
            return None  # "..., a Palestinian official said": someone unnamed, not the leader
        found = self.cast.resolve_description(" ".join(words), self.recent)
        if found is None and head_word in _FIRM_HEADS and len(words) == 1:
            found = self._firm_named_before()
        if found is not None or head_word not in GROUP_HEADS:
            return found
        if len(words) > 1 and words[0].lower() in ("a", "an"):
            words = words[1:]  # "a consumer group" is named "Consumer group"
        name = " ".join(words)
        return self.cast.actors.setdefault(name, Actor(name[0].upper() + name[1:]))

    def _possessor(self, word: str) -> Actor | None:
        if word[:1].isupper():
            return self.cast.resolve_name(word)
        return self.cast.resolve_description(word, self.recent)


# What stands between a statement's word of saying and its content: "read, in part, ".
_CONTENT_LEAD = re.compile(r"^[\s,:]*(?:in part[\s,:]*)?(?:that\s+)?")


def _content_after(text: str, tokens: list[Token], said: int) -> str:
    """What a statement says, after its word of saying ("read:", "saying", "to the effect")."""
    return _CONTENT_LEAD.sub("", text[tokens[said].end :], count=1).strip()


def _according_before(tokens: list[Token], d: int) -> int | None:
    """Index of "according" in "according to a statement" before ``d``, if it is there."""
    k = d - 1
    if k >= 0 and tokens[k].text.lower() in ARTICLES:
        k -= 1
    if k >= 1 and tokens[k].text == "to" and tokens[k - 1].text.lower() == "according":
        return k - 1
    return None


def _document_content(tokens: list[Token], d: int) -> int | None:
    """Index of the word after which the statement at ``d`` gives its content, if it does."""
    for k in range(d + 1, min(d + 1 + _CONTENT_REACH, len(tokens))):
        if tokens[k].text in _DOCUMENT_SAYS and not tokens[k].quoted:
            return k
        if tokens[k].text in (":", '"', "“"):
            return k - 1 if k > d + 1 else None
    return None


def _passive(tokens: list[Token], verb: int) -> bool:
    """True for "was reported", "were widely reported", "has been told": a passive verb.

    A form of "be" before the verb, with only adverbs between ("was previously
    announced"), makes the subject what was said, not who said it.
    """
    k = verb - 1
    while k >= 0 and k >= verb - 3 and tokens[k].text.lower() not in _BE_FORMS:
        word = tokens[k].text.lower()
        if (
            not (word.endswith("ly") and word not in LY_NOT_ADVERBS)
            and word not in _BETWEEN_ADVERBS
        ):
            return False
        k -= 1
    return k >= 0 and tokens[k].text.lower() in _BE_FORMS


# Adverbs that may stand inside a passive: "was previously announced", "were also told".
_BETWEEN_ADVERBS = frozenset(
    "also later then now previously recently still again once first".split()
)
# How many lower-case words a title before a name may have: "study co-author",
# "retired police officer" (read off fresh sentences, not tuned on any split).
_TITLE_REACH = 3
# How far after an inverted verb a description may run before the name it leads to.
_APPOSITION_REACH = 14


def _quotation_after(text: str, tokens: list[Token], verb: int) -> str | None:
    """The quotation right after the verb: 'Speaking to reporters, Holm said, "..."'.

    What stands before the speaker there is how or where they spoke, not what they
    said: the quotation that follows the verb is the statement.
    """
    # After "told" the frame may open on the listener; after a verb that opens the
    # sentence, on the speaker ('Remarked ecologist Tilde Aune, "..."').
    told = tokens[verb].text.lower() in _TOLD
    k = past_frame(tokens, verb + 1, telling=told or verb == 0)
    if k < len(tokens) and tokens[k].text in (",", ":"):
        k += 1
    if k >= len(tokens) or tokens[k].text not in ('"', "“"):
        framed = _past_spoken_frame(text, tokens, verb)
        if framed is None:
            return None
        k = framed
    rest = text[tokens[k].end :]
    close = min((i for i in (rest.find('"'), rest.find("”")) if i >= 0), default=len(rest))
    quote = rest[:close].strip()
    return quote if len(quote.split()) >= _MIN_QUOTE_WORDS else None


_MIN_QUOTE_WORDS = 3
# How many tokens a frame of where or on what someone spoke may run before the colon
# or dash that opens the quotation ("spoke on Harlow Radio's breakfast show when she
# announced the closure:"); read off fresh sentences, not swept.
_SPOKEN_FRAME_REACH = 30
_FRAME_PREPOSITIONS = frozenset("on about at in to during via after over".split())


def _past_spoken_frame(text: str, tokens: list[Token], verb: int) -> int | None:
    """The opening quote mark after a frame that a colon or a dash closes, if any.

    "commented on the closure — which the Gazette called unusual — "...", "spoke on
    the breakfast show when she announced it: "..."": the verb's complement is a
    phrase of where or on what they spoke (it opens on a preposition), and the
    quotation after it is what they said. A clause before a colon ("said the council
    had one choice: "...") is part of what was said, and is kept.
    """
    start = verb + 1
    if start >= len(tokens) or tokens[start].text.lower() not in _FRAME_PREPOSITIONS:
        return None
    for j in range(start + 1, min(len(tokens), start + _SPOKEN_FRAME_REACH)):
        token = tokens[j]
        if token.text in ('"', "“") and not token.quoted:
            closed = tokens[j - 1].text == ":" or any(
                dash in text[tokens[j - 1].end : token.start] for dash in ("—", "–")
            )
            return j if closed else None
        if token.quoted or token.text in ("”", ";"):
            return None
    return None


# "was accused of inciting the murder": the charge a later "which he denied" denies.
_CHARGE = re.compile(
    r"\b(?:accused|suspected|charged|convicted|blamed)\s+(?:of|with|for)\s+(.+?)[\s,]*$"
)


def _denied_charge(text: str, tokens: list[Token], verb: int) -> str | None:
    """For "X was accused of fraud, which he denied.": "denied fraud".

    The denial points back at the charge the sentence reports; the charge alone is
    what others say of X, not X's position.
    """
    lower = tokens[verb].text.lower()
    if lower not in DENIAL_VERBS or verb < 2:
        return None
    which = next(
        (k for k in range(verb - 1, max(-1, verb - 4), -1) if tokens[k].text == "which"), None
    )
    if which is None or which == 0 or tokens[which - 1].text != ",":
        return None
    charge = _CHARGE.search(text[: tokens[which - 1].start])
    return f"{tokens[verb].text} {charge.group(1)}" if charge else None


_FINDING = frozenset("found finds find".split())
# What a person finds that is no finding: "found early success", "found work".
_GAINS = frozenset(
    """
    success fame fortune work employment love refuge shelter comfort solace peace time
    favour favor popularity acclaim support backing buyers investors jobs job home way
    """.split()
)


def _gained(tokens: list[Token], i: int) -> bool:
    """True for "found (early|new|a) success/work/a home": an object gained."""
    for token in tokens[i + 1 : i + 4]:
        word = token.text.lower()
        if word in _GAINS:
            return True
        if not word.isalpha() or word in ("that", "the"):
            return False
    return False


def _adds_speech(tokens: list[Token], i: int) -> bool:
    """True for "added that", "she added." or "..., he added": a verb of saying."""
    if i + 1 >= len(tokens):
        return True
    return tokens[i + 1].text in ("that", ",", '"', "“", "”", ";", ":")


# How far after a verb of asking its "to" may stand: an object of a few words
# ("advised residents of her city to", "asked the state's two senators to"). Read off
# fresh sentences, not tuned.
_DIRECTIVE_REACH = 8
# Words after "to" that begin a noun phrase, not a verb: "invited them to the launch".
_NOT_INFINITIVE = ARTICLES | frozenset(
    "his her its their our my your these those them him us me all every each".split()
)
# Words before "to" that show the request has not begun: "asked for", "asked whether".
_NO_REQUEST = frozenset('for about whether if why how what when where that , ; : " “ ”'.split())


def _directs(tokens: list[Token], i: int) -> bool:
    """True for "advised skippers to stay", "implored both sides not to walk away".

    A verb of asking is a statement only with someone asked and what they are to do:
    an object, then "to" (or "not to") and a verb.
    """
    for k in range(i + 2, min(i + 2 + _DIRECTIVE_REACH, len(tokens) - 1)):
        word = tokens[k].text
        if tokens[k].quoted or word.lower() in _NO_REQUEST:
            return False
        if word != "to":
            continue
        following = tokens[k + 1].text
        return following.isalpha() and following.islower() and following not in _NOT_INFINITIVE
    return False


# Words before a verb by which the article suspects rather than reports it: "might
# have encouraged", "allegedly asked".
_HEDGES = frozenset("might may could allegedly reportedly supposedly apparently".split())


def _hedged(tokens: list[Token], i: int) -> bool:
    """True for "might have encouraged", "allegedly asked": a suspicion, not a statement."""
    return any(t.text.lower() in _HEDGES for t in tokens[max(0, i - 3) : i])


# "ruled" is a court's ruling and a monarch's reign.
_GOVERNING = frozenset("ruled rules".split())


def _governs(tokens: list[Token], i: int) -> bool:
    """True for "ruled Norland for forty years": a name as the object, then no verb.

    A ruling says something of its object ("ruled Osei had no case"): a lower-case
    verb follows the name. A reign names a country and ends, or goes on with when.
    """
    k = i + 1
    if k >= len(tokens) or not tokens[k].text[:1].isupper() or tokens[k].quoted:
        return False
    while k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper():
        k += 1
    if k + 1 >= len(tokens):
        return True
    following = tokens[k + 1].text
    return not following.isalpha() or following in PREPOSITIONS or following in ("and", "until")


def _puts_figure(tokens: list[Token], i: int) -> bool:
    """True for "put the figure at" or "put the cost of the tunnel, ..., at 18 billion"."""
    if tokens[i].text not in ("put", "puts"):
        return False
    for k in range(i + 1, min(i + _PUT_REACH, len(tokens) - 1)):
        if tokens[k].text == "at":
            following = tokens[k + 1 : k + 3]
            return k < i + 5 or any(t.text[0].isdigit() for t in following)
    return False


def _inside_of_phrase(tokens: list[Token], head: int) -> int | None:
    """For "X from the <words> coalition", the index of X's last token, else None."""
    k = head - 1
    while k >= 0 and head - k <= 4 and tokens[k].text.lower() not in ("the", "a", "an"):
        if not tokens[k].text[0].isalpha():
            return None
        k -= 1
    if k < 1 or tokens[k - 1].text.lower() not in ("from", "of", "at", "with"):
        return None
    before = k - 2
    if before < 0:
        return None
    word = tokens[before].text
    return before if word[0].isupper() or word.lower() in GROUP_HEADS else None


def _of_phrase_owner(tokens: list[Token], head: int) -> int | None:
    """For "<Name> of <few words> <head>", the index of the name's last token, else None."""
    for k in range(head - 1, max(0, head - 4), -1):
        if tokens[k].text == "of":
            return k - 1 if k >= 1 and tokens[k - 1].text[:1].isupper() else None
        if not tokens[k].text.isalpha():
            return None
    return None


# Words between a joint subject and its verb: "both questioned", "together said".
_JOINT_WORDS = frozenset("both together jointly each".split())
# How many words the second of two joint speakers' description may have ("incoming
# chair of the House Intelligence Committee Representative": 9); read off fresh
# sentences, not swept.
_JOINT_DESCRIPTION = 10


def _joined_content(text: str, tokens: list[Token], verb: int, clause: str) -> str:
    """What a second joined verb says, not a quoted phrase of the first verb's object.

    'gave its "full support" and said the pier was safe': the content is what follows
    "said"; the quoted phrase before "and" belongs to the first verb.
    """
    if verb < 2 or tokens[verb - 1].text.lower() not in _JOINING or verb + 1 >= len(tokens):
        return clause
    at = text.find(clause)
    if at < 0 or at >= tokens[verb].start:
        return clause
    rest = text[tokens[verb].end :].strip()
    rest = rest.removeprefix("that ").strip()
    return rest or clause


def _short_quote_open(tokens: list[Token], close: int) -> int | None:
    """The opening mark of a short quoted phrase inside a clause, if ``close`` ends one.

    'gave its "full support" and': a few quoted words after a lower-case word of the
    clause, not a quotation that opens it.
    """
    k = close - 1
    while k >= 0 and close - k <= _SHORT_QUOTE + 1 and tokens[k].quoted:
        k -= 1
    if k < 1 or k == close - 1 or tokens[k].text not in ('"', "“") or tokens[k].quoted:
        return None
    before = tokens[k - 1].text
    return k if before.isalpha() and before.islower() else None


def _run_start(tokens: list[Token], end: int) -> int:
    start = end
    while start > 0:
        prev = tokens[start - 1].text
        if prev[0].isupper() and prev[0].isalpha() or PREFIXED_NAME.match(prev):
            start -= 1
        elif prev == "of" and start > 1 and tokens[start - 2].text[0].isupper():
            start -= 2
        else:
            break
    return start


# How many tokens a bracketed aside between a speaker and the verb may hold: "(CSB)",
# "(C-MORE)", "(a unit of the Coast Guard)" (read off fresh sentences).
_BRACKET_REACH = 8


def _bracket_open(tokens: list[Token], close: int) -> int | None:
    """The index of the "(" that the ")" at ``close`` closes, if it is near."""
    for k in range(close - 1, max(-1, close - _BRACKET_REACH - 2), -1):
        if tokens[k].text == "(":
            return k
        if tokens[k].text in (")", '"', "“", "”"):
            return None
    return None


def _skip_parenthetical(tokens: list[Token], comma: int) -> int:
    """Step back over ", during a summit with Joe Biden," to the subject before it.

    An aside may hold commas of its own: ", from Leeds, England," opens with a
    preposition two commas back. A name set off by commas (", Councillor Ines
    Maro,") is the subject itself.
    """
    first: int | None = None
    for k in range(comma - 1, max(-1, comma - 25), -1):
        if tokens[k].text == ",":
            opener = tokens[k + 1].text
            if first is None:
                if _titled_name(tokens, k + 1, comma):
                    return comma - 1  # ", engineer Dana Voss,": the subject, titled
                if opener.islower() or _relative_of(tokens, k + 1, comma):
                    return k - 1
                first = k
            elif opener.islower():
                return k - 1 if opener in PREPOSITIONS else comma - 1
            continue
        if tokens[k].quoted or tokens[k].text in _QUOTE_MARKS:
            break
    return comma - 1


def _relation_aside(tokens: list[Token], comma: int) -> bool:
    """True for ", Ana Holt," after "<kin> of <bare person noun>": the kin speaks.

    See ``bare_relation``: the name is the bare noun's, and the speaker, the one
    before "of", is not named here.
    """
    k = comma - 1
    while k >= 0 and comma - k <= 4 and tokens[k].text[:1].isupper():
        k -= 1
    if k < 3 or k == comma - 1 or tokens[k].text != ",":
        return False
    words = [t.text for t in tokens[max(0, k - 5) : k]]
    for n in range(3, len(words) + 1):
        if bare_relation(" ".join(words[-n:])) is not None:
            return True
    return False


def _titled_name(tokens: list[Token], start: int, comma: int) -> bool:
    """True for ", engineer Dana Voss,": a short lower-case title, then a name to the comma.

    Set off by commas after "One of the survey's authors", it names the subject; an
    aside that opens with a preposition (", from Leeds,") or holds no name does not.
    """
    k = start
    while k < comma and tokens[k].text.isalpha() and tokens[k].text.islower():
        word = tokens[k].text
        if word in PREPOSITIONS_OR_OF or word in ARTICLES or word in _STOP_WALK:
            return False  # ", which includes the Quds Force,": a relative clause
        if k - start >= _TITLE_REACH:
            return False
        k += 1
    if k == start or comma - k < 2:
        return False
    return all(t.text[:1].isupper() and t.text[:1].isalpha() for t in tokens[k:comma])


def _relative_of(tokens: list[Token], start: int, comma: int) -> bool:
    """True for an aside like "Anna Berg's father": a name's relative or colleague.

    The aside is a possessive name followed by lower-case words only, up to the
    comma: it says who the speaker is, and the name in it says nothing.
    """
    for k in range(start, comma):
        if _POSSESSIVE_END.search(tokens[k].text):
            rest = [t.text for t in tokens[k + 1 : comma]]
            if any(w in TITLES or w in DESCRIPTION_HEADS or w in _SPEAKING_FOR for w in rest):
                return False  # "Tarn Mining's operations director": speaks for the firm
            return bool(rest) and all(w.islower() for w in rest)
        if not tokens[k].text[:1].isupper():
            return False
    return False


def _plural_noun_subject(tokens: list[Token], i: int) -> bool:
    """True for "reports", "claims" used as a plural noun: "Early reports suggested".

    A verb in -s with a verb of its own straight after it ("reports said", "claims
    suggested") is the noun the second verb has for its subject; so are "claims" and
    "reports" before "of" ("claims of a witch-hunt").
    """
    word = tokens[i].text
    if not word.endswith("s") or word == "says" or i + 1 >= len(tokens) or tokens[i + 1].quoted:
        return False
    following = tokens[i + 1].text
    if following == "of":
        # "prompting union claims of a witch-hunt": these verbs never take "of" ("warns
        # of storms" does, and stays a verb).
        return word in ("claims", "reports")
    return following.islower() and following in _SUBJECT_VERBS


# Verbs that follow a plural subject noun directly: "reports suggested", "claims said".
# Past forms only: "says state inspectors will ..." has a present noun after a verb.
_SUBJECT_VERBS = frozenset(
    """
    said suggested indicated showed claimed stated quoted reported added were had
    """.split()
)


def _reduced_passive(tokens: list[Token], i: int) -> bool:
    """True for ", accused of fraud," or ", criticised by the union,": a participle, not a verb."""
    if (
        0 < i < len(tokens) - 1
        and tokens[i].text in _BLAMED_FOR
        and tokens[i + 1].text in ("for", "over")
    ):
        return True  # "the ailing government blamed for a long recession": no object, passive
    if i == 0 or tokens[i - 1].text != "," or not tokens[i].text.endswith("ed"):
        return False
    return i + 1 < len(tokens) and tokens[i + 1].text in ("of", "by", "in", "for", "as")


# Verbs of blame that take their object first in the active ("blamed the contractor
# for the delay"): straight before "for" or "over" they are passive participles.
_BLAMED_FOR = frozenset("blamed criticised criticized condemned faulted censured".split())


# Words after which a verb form is an adjective: "an alleged bribe", "the most
# pledged votes", "silent about alleged affairs" (a preposition takes a noun phrase).
_ADJECTIVE_AFTER = frozenset(
    """
    a an the most more its their his her this these those such about of over for with
    into against from
    """.split()
)
# Participles that take their charge with "of" only in the passive: "accused of theft"
# (the active needs an object: "accused the mayor of theft").
_CHARGED_OF = frozenset("accused alleged suspected convicted".split())


def _participle(tokens: list[Token], i: int) -> bool:
    """True for a verb form with no speaker: an adjective or a passive participle.

    "an alleged bribe", "1,200 pledged delegates", "people accused of theft", "a plan
    criticised by growers".
    """
    word = tokens[i].text.lower()
    if i > 0 and tokens[i - 1].text.lower() in _ADJECTIVE_AFTER:
        return True
    if i > 0 and tokens[i - 1].text[:1].isdigit():
        return True  # "has 1,217 pledged delegates": a count's adjective, no speaker
    if i + 1 >= len(tokens) or not word.endswith("ed"):
        return False
    after = tokens[i + 1].text
    return after == "by" or (after == "of" and word in _CHARGED_OF)


def _closing_speaker(tokens: list[Token], verb: int) -> bool:
    """True for a pronoun and ``verb`` that close the sentence after what was said.

    "Two guards were hurt, he said." and, the comma missing, "... hurt he said.": the
    pronoun is the speaker of the words before it, so it is no one named in them.
    """
    if pronoun_closes(tokens, verb):
        return True
    if verb < 3 or tokens[verb - 2].text != "," or tokens[verb - 1].text not in _PRONOUN_WORDS:
        return False
    return words_end(tokens, verb) == verb + 1


_PRONOUN_WORDS = frozenset("he she".split())


def _skippable(word: str) -> bool:
    """A word that may stand between a subject and its verb: an adverb or an auxiliary."""
    return word in _BETWEEN or (
        word.endswith("ly") and len(word) > 4 and word not in LY_NOT_ADVERBS
    )


def is_media(name: str) -> bool:
    """True for a news outlet: "Reuters", "the Valley Herald", "Al Jazeera"."""
    lower = name.lower().removeprefix("the ")
    if lower in MEDIA_NAMES:
        return True
    return any(word in MEDIA_WORDS for word in lower.split())


def _is_adverbial(tokens: list[Token], start: int) -> bool:
    """True when the capitalised run at ``start`` sits in a phrase like "in a UN address".

    "of" counts after a word: in "Suman Haripriya of the Hajo assembly said" the
    body belongs to the speaker's description, and the speaker comes before it.
    """
    k = start - 1
    if k >= 1 and tokens[k].text == "and" and tokens[k - 1].text[:1].isupper():
        # "hosted by Greta Holm and Pia Lind": the second name shares the first's phrase.
        return _is_adverbial(tokens, _run_start(tokens, k - 1))
    if k >= 0 and tokens[k].text.lower() in ARTICLES:
        k -= 1
    # "of worldwide victim group Ending Clergy Abuse": a few lower-case words first.
    words = 0
    while k >= 1 and words < 4 and tokens[k].text.islower() and tokens[k].text.isalpha():
        if tokens[k].text in PREPOSITIONS or tokens[k].text == "of":
            break
        k, words = k - 1, words + 1
    if k >= 1 and tokens[k].text == "of" and tokens[k - 1].text[:1].isalpha():
        return True
    return k >= 0 and tokens[k].text.lower() in PREPOSITIONS and (words == 0 or k >= 1)


# Words that are prepositions before a noun and conjunctions before a clause.
_CLAUSE_PREPOSITIONS = frozenset("after before since until".split())


def _opens_clause(tokens: list[Token], start: int) -> bool:
    """True for a name right after "after", "before", "since" or "until".

    Called for a name right before its verb (past an aside only): "after Judge
    Lena Marsh ordered": the word opens a clause whose subject the name is.
    """
    return start >= 1 and tokens[start - 1].text.lower() in _CLAUSE_PREPOSITIONS


# Verbs whose object is the listener: "told Reuters the plan was dead".
_TOLD = frozenset("told tells tell".split())
_LISTENER = re.compile(r"(?:[Tt]he )?((?:[A-Z][\w’'.&\-]*)(?: [A-Z][\w’'.&\-]*){0,3}),? (?=\S)")
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _without_outlet(clause: str) -> str:
    """The clause without the news outlet that was told it: "told CNN | the reef had ...".

    Only an outlet (a known name, a name with a media word, or a short acronym) is
    taken for the listener: a person's name after "told" may open the clause itself.
    """
    found = _LISTENER.match(clause)
    if found is None:
        return clause
    words = found.group(1).split()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        if is_media(name) or (n == 1 and _ACRONYM.fullmatch(name)):
            rest = clause[found.start(1) + len(name) :].strip()
            # "told Radio Nord, the strike ...": a comma may close the outlet's name.
            rest = rest.removeprefix(",").strip()
            if rest.startswith("("):
                return clause  # "CERB (Canada Emergency ...) payments": an acronym glossed
            rest = rest.removeprefix("that ").strip()
            return rest if len(rest.split()) >= _MIN_QUOTE_WORDS else clause
    return clause


# "..., while Minister Oskar Lien wrote he had ...": another speaker takes over.
_SECOND_SPEAKER = re.compile(
    r"[ ,]+(?:while|whereas|and|but)\s+((?:[A-Z][\w’'.\-]*\s+(?:of\s+(?:the\s+)?)?){1,6})"
    # "... but Israeli officials said": a people's word and a plural of speakers
    rf"(?:(?:{'|'.join(sorted(_SPEAKER_PLURALS))})\s+)?"
    r"(?:\w+ly\s+)?([a-z]+)\b"
)


def _before_second_speaker(clause: str) -> str:
    """``clause`` up to where a second named speaker's own statement begins.

    'the closure was "a disgrace" while Transport Minister Oskar Lien wrote he had
    ordered an inquiry': what Lien wrote is Lien's, not the first speaker's. A
    mark of quotation left open before the match means the words are still quoted.
    """
    for found in _SECOND_SPEAKER.finditer(clause):
        if found.group(2) not in SPEECH_VERBS:
            continue
        before = clause[: found.start()]
        if sum(before.count(m) for m in '"“”') % 2:
            continue
        last = before.rsplit(" ", 1)[-1]
        if last[:1].isupper() and not last.endswith(","):
            continue  # "..., US and Israeli sources said": one subject of two names
        if len(before.split()) >= _MIN_QUOTE_WORDS:
            return before
    return clause


# People of a person's circle who speak for themselves, not for that person: "Vance's
# critics" (the owner of a timetable, an analysis or a spokesman is the source).
_OWN_PEOPLE = frozenset(
    """
    critics opponents detractors rivals supporters allies fans followers family relatives
    friends neighbours neighbors colleagues
    """.split()
)


def _owned_people(tokens: list[Token], stop: int, end: int) -> bool:
    """True for "<Name>'s critics": people of their own, not the named owner."""
    if not _POSSESSIVE_END.search(tokens[stop].text) or stop + 1 >= end:
        return False
    return tokens[stop + 1].text in _OWN_PEOPLE


_AUXILIARIES = frozenset(
    "is are was were will would could can should may might must has have had".split()
)
# Object relative pronouns: in "which the council declared unsafe" the thing declared
# stands before "which".
_RELATIVES = frozenset("which whom".split())
# How many words may stand between the relative pronoun and the verb: a subject of
# a few words and an adverb ("which the Marlow County Council later declared"). 7:
# read off fresh sentences, not swept on any split (the same reach as a speaker's
# name and short apposition before a verb).
_RELATIVE_REACH = 7


def _relative_subject_content(text: str, tokens: list[Token], verb: int) -> str | None:
    """What was said of the noun before "which/that <subject> <verb> <auxiliary>".

    "The ferry, which the harbour master said may be ready by May, is in dock": the
    relative pronoun is the subject of what was said, so the statement is "The ferry
    may be ready by May", not the fragment "May be ready by May, is in dock". The noun
    phrase runs back to its determiner, past one inside a phrase after a preposition
    ("the scrutiny from the police"); a relative set off by a comma ends at the next
    one. None when no such noun phrase is found.
    """
    if verb + 1 >= len(tokens) or tokens[verb + 1].text.lower() not in _AUXILIARIES:
        return None
    relative = None
    for k in range(verb - 1, max(-1, verb - 1 - _RELATIVE_REACH), -1):
        word = tokens[k].text
        if word.lower() in _RELATIVE_SUBJECTS and k < verb - 1:
            relative = k
            break
        if not (word[:1].isalpha() or word in ("’s", "'s")) or tokens[k].quoted:
            return None
    if relative is None or tokens[relative].text == "that" and tokens[relative - 1].text == ",":
        return None
    set_off = relative >= 1 and tokens[relative - 1].text == ","
    end = relative - 1 if set_off else relative
    start = None
    for k in range(end - 1, max(-1, end - 1 - _ANTECEDENT_REACH), -1):
        word = tokens[k].text
        if not word[:1].isalpha() or tokens[k].quoted:
            return None
        if word.lower() in _NOUN_DETERMINERS:
            start = k
            if k == 0 or tokens[k - 1].text.lower() not in PREPOSITIONS_OR_OF:
                break
    if start is None or start == end - 1:
        return None
    if start > 0 and tokens[start - 1].text.lower() in _SUBORDINATORS:
        return None  # "on when the next launch happens, which ...": a clause, no noun
    rest = text[tokens[verb + 1].start :].strip()
    if set_off:
        rest = rest.split(",", 1)[0].rstrip(".") + "."
    subject = text[tokens[start].start : tokens[end - 1].end]
    return f"{subject} {rest}"


# Relative pronouns that stand for the subject of what was said: "which the agency
# said may be ready", "that he contends has ruined his life".
_RELATIVE_SUBJECTS = frozenset("which that".split())
_SUBORDINATORS = frozenset(
    "when if because while after before as until since whether where once unless".split()
)
_NOUN_DETERMINERS = frozenset("the a an his her its their this these those our".split())
# How far back the noun phrase before the relative may reach: "the scrutiny from the
# county police" is six words; 8 read off fresh sentences, not tuned.
_ANTECEDENT_REACH = 8


def _object_relative(tokens: list[Token], verb: int) -> bool:
    """True for a verb of saying inside "which/whom <subject> <verb>".

    Its object is the relative pronoun, so what follows the verb is not what the
    subject said. Where an auxiliary follows ("which the agency said may be
    ready"), the pronoun is the subject of what was said, and the verb keeps it. A
    denial ("which he denied") points back at a charge the sentence names and is
    read by ``_denied_charge``.
    """
    if tokens[verb].text.lower() in DENIAL_VERBS:
        return False
    if verb + 1 < len(tokens) and tokens[verb + 1].text.lower() in _AUXILIARIES:
        return False  # "which the agency said may be ready": the agency says it may be
    for k in range(verb - 1, max(-1, verb - 1 - _RELATIVE_REACH), -1):
        text = tokens[k].text
        if text.lower() in _RELATIVES:
            return k < verb - 1
        if not (text[:1].isalpha() or text in ("’s", "'s")) or tokens[k].quoted:
            return False
    return False
