"""An editor's choices: which sentences become key points, and how a position reads."""

from __future__ import annotations

import pytest

from summarizer.extractive import brief_extractive
from summarizer.extractive.attribution import Attribution
from summarizer.extractive.disputes import content_words
from summarizer.extractive.keytext import point_text, strip_marker
from summarizer.extractive.salience import editorial_bonus, is_scene_setting
from summarizer.extractive.stances import joined_position, position_text
from summarizer.extractive.tokens import reported_clause, tokenize
from summarizer.models import Briefing

QUARRY = """Quarry Plan Splits Dunmere

DUNMERE, May 4 (Hillside Post) - Dunmere council approved a new gravel quarry on \
Tuesday, a project the operator says will create 120 jobs and its neighbours say will \
ruin the valley.

Under the grey sky above Kell Ridge, sheep grazed on the slopes where the diggers will \
soon arrive and the hedgerows were white with blossom.

Stonecraft Ltd said the quarry would extract 400,000 tonnes of gravel a year and pay \
£2 million in local taxes.

However, the Kell Valley Society said the true output would be closer to 700,000 tonnes \
and that lorries would pass the primary school every four minutes.

The society rejected the company's figure.

The society's chair, Ada Quist, said the council had ignored 900 objections. "We will \
ask the courts to review this decision," she said.

The county planning board is expected to decide on the access road by the end of June.

Dunmere has quarried stone since 1850, and the old Kell pit closed in 1962.
"""


@pytest.fixture(scope="module")
def quarry() -> Briefing:
    return brief_extractive(QUARRY)


def _texts(briefing: Briefing) -> list[str]:
    return [p.text for p in briefing.key_points]


def test_scene_setting_is_not_in_the_briefing_when_claims_with_figures_exist(
    quarry: Briefing,
) -> None:
    said = " ".join([quarry.headline, quarry.summary, *_texts(quarry)])
    assert "sheep grazed" not in said
    assert "700,000 tonnes" in said


def test_counter_claim_is_a_key_point_and_history_is_not(quarry: Briefing) -> None:
    texts = _texts(quarry)
    assert any("closer to 700,000 tonnes" in t for t in texts)
    assert not any("since 1850" in t for t in texts)


def test_a_next_step_outweighs_a_plain_statement() -> None:
    step = "The planning board is expected to decide on the access road by the end of June."
    plain = "The planning board met in the old town hall on a wet afternoon in the spring."
    assert editorial_bonus(
        step, _vocabulary(step), figures=False, attributed=False, words=16
    ) > editorial_bonus(plain, _vocabulary(plain), figures=False, attributed=False, words=16)


def test_a_disputed_figure_outweighs_an_undisputed_one() -> None:
    disputed = "The society rejected the count of 400 lorries a day as far too low."
    plain = "The society counted 400 lorries a day on the road past the school."
    assert editorial_bonus(
        disputed, _vocabulary(disputed), figures=True, attributed=False, words=14
    ) > editorial_bonus(plain, _vocabulary(plain), figures=True, attributed=False, words=14)


def _vocabulary(text: str) -> frozenset[str]:
    return frozenset(content_words(text))


def test_key_point_drops_a_leading_discourse_marker(quarry: Briefing) -> None:
    point = next(p for p in quarry.key_points if "700,000" in p.text)
    assert "The Kell Valley Society said" in point.text and "However" not in point.text
    assert any(e.startswith("However, the Kell Valley Society") for e in point.evidence)


def test_a_key_point_is_one_sentence_with_that_sentence_as_evidence(quarry: Briefing) -> None:
    # Issue 14: a point is one (possibly shortened) sentence, not a run of two or three.
    point = next(p for p in quarry.key_points if "700,000 tonnes" in p.text)
    assert point.evidence == [
        "However, the Kell Valley Society said the true output would be closer to 700,000 "
        "tonnes and that lorries would pass the primary school every four minutes."
    ]
    assert "400,000" not in point.text


def test_key_point_evidence_stays_verbatim(quarry: Briefing) -> None:
    for point in quarry.key_points:
        assert 1 <= len(point.evidence) <= 3
        assert all(quote in " ".join(QUARRY.split()) for quote in point.evidence)


def test_a_short_article_gets_a_short_briefing(quarry: Briefing) -> None:
    words = len(" ".join([quarry.headline, quarry.summary, *_texts(quarry)]).split())
    assert words <= 90  # the floor for an article of under 180 words
    assert 2 <= len(quarry.key_points) <= 7


def test_strip_marker_keeps_words_that_are_not_markers() -> None:
    assert strip_marker("Meanwhile, the board met.  It voted.") == "The board met.  It voted."
    assert strip_marker("But the union said the offer was too low.") == (
        "The union said the offer was too low."
    )
    assert strip_marker("Still more residents came.") == "Still more residents came."
    assert strip_marker("Andrew Moss said no.") == "Andrew Moss said no."


def test_point_text_names_the_speaker_of_an_inner_pronoun(quarry: Briefing) -> None:
    said = next(s for s in _attributions(QUARRY) if "Most regular" in s.sentence.text)
    text = point_text(said.sentence.text, said)
    assert text.startswith("Most regular riders, Ada Quist said, use")


def _attributions(text: str) -> list[Attribution]:
    from summarizer.extractive.actors import build_cast, lowercase_words
    from summarizer.extractive.attribution import Attributor
    from summarizer.extractive.pronouns import infer_genders
    from summarizer.extractive.sentences import split_sentences

    article = text + "\nMost regular riders, she said, use the monthly pass every week.\n"
    sentences = split_sentences(article)
    cast = build_cast(sentences, lowercase_words(article))
    infer_genders(sentences, cast)
    attributor = Attributor(cast)
    found = [attributor.attribute(s) for s in sentences if s.is_sentence]
    return [a for a in found if a is not None]


def test_editorial_bonus_rewards_claims_and_penalises_colour() -> None:
    claim = "The union said the strike cost 4 million crowns a day."
    colour = "Under the bridge, gulls circled over the quiet water of the harbour."
    assert editorial_bonus(
        claim, _vocabulary(claim), figures=True, attributed=True, words=10
    ) > editorial_bonus(colour, _vocabulary(colour), figures=False, attributed=False, words=12)
    assert is_scene_setting(colour)
    assert not is_scene_setting(claim)


def _clause(sentence: str, verb: str) -> str:
    tokens = tokenize(sentence)
    index = next(i for i, t in enumerate(tokens) if t.text == verb)
    return reported_clause(sentence, tokens, index)


def test_position_drops_the_speaker_and_the_verb() -> None:
    assert _clause("Mayor Lena Ortiz said that the levy would fund buses.", "said") == (
        "the levy would fund buses."
    )
    assert _clause(
        "A spokesman, Tom Reed, said the union was counting posts that were empty.", "said"
    ) == ("the union was counting posts that were empty.")


def test_position_skips_the_listener_of_told() -> None:
    assert _clause("Ortiz told councillors the choice was between a rise and cuts.", "told") == (
        "the choice was between a rise and cuts."
    )
    assert _clause("Reed told the inquiry he had read the report with care.", "told") == (
        "he had read the report with care."
    )


def test_that_after_a_preposition_is_not_a_clause() -> None:
    clause = _clause("Pruitt said a rise of that size would push shoppers away.", "said")
    assert clause == "a rise of that size would push shoppers away."


def test_parenthetical_attribution_keeps_both_halves_of_the_claim() -> None:
    clause = _clause("Most regular riders, he said, use the monthly pass every week.", "said")
    assert clause == "Most regular riders use the monthly pass every week."


def test_a_description_of_the_speaker_is_not_the_rest_of_the_claim() -> None:
    sentence = '"Nobody here is against jobs," said Mora Tass, the trades council\'s secretary.'
    assert _clause(sentence, "said") == '"Nobody here is against jobs'


def test_a_negated_verb_reports_its_whole_predicate() -> None:
    sentence = "The union supports the plan but does not believe the jobs numbers."
    assert _clause(sentence, "believe") == "does not believe the jobs numbers."
    assert _clause("Velt never disputed the count.", "disputed") == "never disputed the count."


@pytest.mark.parametrize(
    ("sentence", "verb", "clause"),
    [
        (
            "The company denied that most of the jobs would end with construction.",
            "denied",
            "denied that most of the jobs would end with construction.",
        ),
        (
            "Tass rejected claims that the union had agreed to the plan.",
            "rejected",
            "rejected claims that the union had agreed to the plan.",
        ),
        (
            "Harr disputed that the council had been consulted.",
            "disputed",
            "disputed that the council had been consulted.",
        ),
        # Countering asserts what follows: that is the position.
        (
            "Reed countered that the pass would pay for itself.",
            "countered",
            "the pass would pay for itself.",
        ),
    ],
)
def test_a_denial_keeps_its_verb_so_the_position_is_not_the_denied_claim(
    sentence: str, verb: str, clause: str
) -> None:
    assert _clause(sentence, verb) == clause


def test_position_joins_two_short_clauses_and_skips_a_bare_rejection() -> None:
    position = joined_position(
        [
            "rejected the claim.",
            "the levy is needed to keep buses running.",
            "cuts would hurt every family.",
        ]
    )
    assert position == "The levy is needed to keep buses running; cuts would hurt every family."
    assert "rejected" not in position


def test_a_joined_clause_keeps_a_capital_only_for_a_name() -> None:
    opening = joined_position(["the depot would close in March.", "If the sale fails, it stays."])
    assert opening == "The depot would close in March; if the sale fails, it stays."
    named = joined_position(["the depot would close in March.", "Norby Freight would buy it."])
    assert named == "The depot would close in March; Norby Freight would buy it."


def test_the_second_that_of_a_reported_pair_is_not_left_behind() -> None:
    position = position_text(
        "the new rota would be unpaid and that the owners have not said how long it would last."
    )
    assert position == (
        "The new rota would be unpaid and the owners have not said how long it would last."
    )
    # A "that" before a verb is a pronoun, and stays.
    kept = position_text("the fares went up and that is why riders left.")
    assert kept == "The fares went up and that is why riders left."
    # The same in the first half of a joined position.
    joined = joined_position(["the rota is unpaid and that nobody asked.", "the depot shuts soon."])
    assert joined == "The rota is unpaid and nobody asked; the depot shuts soon."


def test_position_does_not_join_a_restatement() -> None:
    position = joined_position(
        [
            "the levy is needed to keep buses running.",
            "the levy is needed to keep the buses running.",
        ]
    )
    assert position == "The levy is needed to keep buses running."


def test_quoted_position_is_the_quoted_claim(quarry: Briefing) -> None:
    stance = next(s for s in quarry.stances if s.actor == "Ada Quist")
    assert "said" not in stance.position.split()[:3]
    assert '"' not in stance.position


def test_scene_setting_never_joins_a_key_point(quarry: Briefing) -> None:
    lead = quarry.key_points[0]
    assert lead.text.startswith("Dunmere council approved")
    assert not any("sheep" in quote for quote in lead.evidence)


def test_a_quotation_split_after_its_opening_clause_joins_back_into_one_sentence() -> None:
    # Fresh fiction: '"Whenever the council promises to listen," wrote Ada Lund. "It
    # comes back with a tighter grip."' is one sentence of hers, not two positions.
    position = joined_position(
        ['"Whenever the council promises to listen,"', "it comes back with a tighter grip."]
    )
    assert position == "Whenever the council promises to listen, it comes back with a tighter grip."


def test_the_speakers_own_attribution_inside_a_quotation_is_not_their_position() -> None:
    position = joined_position(
        ["the ferry is safe. Overall, she continued, the harbour has never been busier"]
    )
    assert "continued" not in position
    assert "the harbour has never been busier" in position
    named = joined_position(["the plan, Ada Lund said, is a disgrace to the town"])
    assert named == "The plan is a disgrace to the town."
