"""Issue 14: briefings that compress. Fresh fiction written for these tests."""

from __future__ import annotations

import pytest

from summarizer.checks.grounding import ArticleIndex, normalise
from summarizer.extractive import brief_extractive
from summarizer.extractive.compress import (
    drop_appositives,
    drop_source_detail,
    has_verb,
    quotation_ends,
    shorten,
)
from summarizer.extractive.headline import headline_form
from summarizer.models import Briefing

# About 380 words: a long lead, long sentences, quotes, an appositive or two.
KESTREL = """Kestrel Point Council Backs Ferry Fare Rise

KESTREL POINT, April 9 (Estuary Post) - On Tuesday evening, after a debate that ran \
past midnight, Kestrel Point's council voted by seven votes to four to raise the fare on \
the island ferry from $3 to $4.50 from June, a rise its leader says will keep the service \
afloat and its critics call a tax on the island's poorest families.

Council leader Orla Vance, who has run the council since 2019, said the ferry had lost \
$1.2 million last year and that without the rise the second boat would be withdrawn by \
the autumn, leaving islanders with one crossing an hour instead of two.

The Islanders' Association, which says it speaks for about 900 households on Gull Island, \
said the rise would cost a family that crosses twice a day more than $1,000 a year.

Its chair, Bram Kettle, a retired harbour pilot, said the council had ignored a cheaper \
plan that would have sold advertising on the boats and cut the number of late crossings \
in winter.

"They have asked the people with the least to pay the most," Kettle said. "We will take \
this to the regional ombudsman, and we will win."

The council's finance officer, Nia Drummond, said the association's figure assumed a \
family bought single tickets every time, although a monthly pass would cost $90, and that \
most regular travellers already used one.

Fares for schoolchildren and for residents over 70 will stay at $1, the council said.

Drummond said the ferry carried 410,000 passengers last year, about 6 percent fewer than \
in 2022, while fuel and crew costs rose by about 14 percent over the same period.

The ombudsman's office said it had received no complaint yet and could not comment on a \
case it had not seen.

A public meeting on the timetable will be held at the ferry terminal on April 20, and \
the new fares will take effect on June 1 if the regional transport board approves them \
at its May meeting.

Island shopkeeper Petra Lusk, 58, who crosses every morning to collect stock from the \
mainland wholesaler, said she would pass the cost on to her customers.

"Everybody on the island will pay for this in the end, one way or another," she said.
"""


@pytest.fixture(scope="module")
def kestrel() -> Briefing:
    return brief_extractive(KESTREL)


def _briefing_words(briefing: Briefing) -> int:
    texts = [briefing.headline, briefing.summary, *(p.text for p in briefing.key_points)]
    return sum(len(t.split()) for t in texts)


def test_the_headline_is_the_lead_compressed_to_twenty_words(kestrel: Briefing) -> None:
    headline = kestrel.headline
    assert len(headline.split()) <= 20
    assert not headline.startswith(("On Tuesday", "KESTREL"))
    assert "after a debate that ran past midnight" not in headline  # an aside, dropped
    assert headline.startswith("Kestrel Point's council voted")


def test_key_points_are_single_sentences_of_at_most_thirty_words(kestrel: Briefing) -> None:
    assert 1 <= len(kestrel.key_points) <= 7
    index = ArticleIndex(KESTREL)
    for point in kestrel.key_points:
        assert len(point.text.split()) <= 30, point.text
        assert len(point.evidence) == 1
        assert index.contains_quote(point.evidence[0])


def test_a_shortened_point_keeps_the_whole_sentence_as_its_evidence(kestrel: Briefing) -> None:
    shortened = [p for p in kestrel.key_points if len(p.text.split()) < len(p.evidence[0].split())]
    assert shortened, "the long lead must have been shortened"
    for point in shortened:
        assert len(point.evidence[0].split()) > 30 or point.evidence[0].startswith("On Tuesday")


def test_the_summary_is_short_and_repeats_no_key_point(kestrel: Briefing) -> None:
    sentences = [s for s in kestrel.summary.replace("?", ".").split(". ") if s.strip()]
    assert 1 <= len(sentences) <= 3
    for point in kestrel.key_points:
        assert normalise(point.text).rstrip(".") not in normalise(kestrel.summary)
    assert normalise(kestrel.headline).rstrip(".") not in normalise(kestrel.summary)


def test_the_briefing_is_at_most_half_of_a_400_word_article(kestrel: Briefing) -> None:
    assert 350 <= len(KESTREL.split()) <= 460
    assert _briefing_words(kestrel) <= len(KESTREL.split()) / 2


def test_a_long_article_gets_at_most_300_words() -> None:
    paragraphs = KESTREL.split("\n\n")[1:]
    long_article = "\n\n".join(
        p.replace("Kestrel", f"Kestrel{n}").replace("$", f"${n}")
        for n in range(1, 8)
        for p in paragraphs
    )
    briefing = brief_extractive(long_article)
    assert len(long_article.split()) > 2500
    assert _briefing_words(briefing) <= 300
    assert len(briefing.key_points) <= 7


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # An appositive saying who someone is goes; the name and the claim stay.
        (
            "Marta Quell, the director of the Lowmoor museum since its founding, said the "
            "roof would be repaired before the winter storms and the galleries reopened.",
            "Marta Quell said the roof would be repaired",
        ),
        # A non-restrictive relative clause goes.
        (
            "The old signal box, which was built by the railway company in the last years "
            "of the war, will be moved to the museum yard on a lorry next spring.",
            "The old signal box will be moved",
        ),
    ],
)
def test_shortening_drops_descriptions_not_claims(sentence: str, kept: str) -> None:
    short = shorten(sentence, 20)
    assert short.fits and short.words <= 20
    assert short.text.startswith(kept), short.text


def test_shortening_never_cuts_inside_a_quotation() -> None:
    sentence = (
        '"We will not accept a plan that closes the school, moves the clinic and sells the '
        "playing fields to a developer,\" said Ada Brenn, who chairs the parents' group."
    )
    short = shorten(sentence, 22)
    quote = sentence[: sentence.index('," said') + 2]
    assert short.text.startswith(quote)
    assert "Ada Brenn" in short.text


def test_shortening_keeps_the_source_of_a_claim() -> None:
    sentence = (
        "The plant will close in March, which will cost the valley its largest employer "
        "and about 300 jobs in the mill towns along the river, the company said."
    )
    short = shorten(sentence, 12)
    assert short.fits
    assert short.text.endswith(", the company said.")


def test_shortening_keeps_a_condition() -> None:
    # Without its "if", the claim would say something else.
    sentence = (
        "Nordvale Ferries said it would run a second boat from May if the council "
        "agreed to pay for a new pontoon at the northern landing stage."
    )
    short = shorten(sentence, 14)
    assert not short.fits or " if " in short.text


def test_a_time_in_the_claim_stays_but_the_day_of_saying_goes() -> None:
    sentence = (
        "Mayor Ilse Brandt said on Monday that the new bridge would open in September, "
        "three months later than planned, because of flooding at the site."
    )
    short = shorten(sentence, 16)
    assert "on Monday" not in short.text
    assert "in September" in short.text


def test_a_list_of_titles_is_not_a_clause() -> None:
    assert not has_verb("Radio presenter, columnist, and author")
    assert has_verb("The bridge was closed")
    assert has_verb("Police arrested a man")


def test_an_opening_time_clause_goes_from_the_headline() -> None:
    text = (
        "A month after a storm tore the roof off the old Kelvin school, the council and "
        "the parents' association still cannot agree on who should pay to repair it "
        "before the winter term begins.\n\n"
        "The council says the school's insurer must pay; the association says the council "
        "let the roof decay for years.\n"
    )
    headline = brief_extractive(text).headline
    assert not headline.endswith("…"), headline
    assert headline.startswith("The council and the parents' association still cannot agree")


def test_a_point_is_cut_no_more_than_it_must_be() -> None:
    # Dropping the relative clause makes it fit, but so does ending the sentence
    # before "because", which keeps what the incinerator is for.
    sentence = (
        "Judge Ines Marlow said on Monday the county may now build the incinerator, which "
        "she said would let it close the Dunmore landfill and sell power to the grid, "
        "because the permit was lawful."
    )
    plain = shorten(sentence, 30)
    fullest = shorten(sentence, 30, fullest=True)
    assert fullest.fits
    assert fullest.words >= plain.words
    assert "Dunmore landfill" in fullest.text, fullest.text


def test_a_long_quotation_ends_after_a_whole_sentence() -> None:
    sentence = (
        'Harbour master Oskar Lind said: "The channel will stay closed until the wreck is '
        "lifted. Every ship that waits outside costs its owner money, and the owners know "
        'it. We will not reopen it early to please them."'
    )
    ends = quotation_ends(sentence)
    assert ends[-1] == (
        'Harbour master Oskar Lind said: "The channel will stay closed until the wreck is lifted."'
    )
    assert all(e.endswith('."') for e in ends)


def test_a_quotation_before_its_speaker_closes_on_a_comma() -> None:
    sentence = (
        '"We have waited nine years for this bridge. Nobody here believed it would come," '
        "said Rhian Teague, who runs the ferry café."
    )
    assert quotation_ends(sentence) == [
        '"We have waited nine years for this bridge," said Rhian Teague, who runs the ferry café.'
    ]


def test_a_sentence_without_a_quotation_has_no_quotation_ends() -> None:
    assert quotation_ends("The museum will reopen in May. It closed in 2021.") == []


def test_a_march_is_not_the_month_of_march() -> None:
    sentence = (
        "The march, organised by the tenants' union, set off from the tower blocks at noon "
        "and ended outside the housing office, where speakers addressed a crowd of several "
        "hundred from the back of a van."
    )
    short = shorten(sentence, 30, fullest=True, weak_cuts=True)
    assert short.text.startswith("The march"), short.text


def test_a_cut_never_strands_a_verb_without_its_particle_or_agent() -> None:
    # "called | on" and "presented | by" would leave "Mayor Lind called." and
    # "The show presented." — sentences that say nothing.
    for sentence in (
        "Opening the new clinic on Friday, Mayor Hanna Lind called on neighbouring towns, "
        "their health boards and the regional hospital trust to pool the cost of a second "
        "ambulance for the valley.",
        "The morning show on Valley FM presented by Ines Carr and Tom Ruddock for eleven "
        "years has been dropped from the schedule in favour of a music programme.",
    ):
        short = shorten(sentence, 12, weak_cuts=True)
        assert not short.text.endswith(("called.", "presented.")), short.text


# Key points may end a sentence that no clause cut brings within the limit before a
# place, a time or a purpose, but only where every phrase kept is whole.
def test_weak_cut_ends_a_long_sentence_before_a_purpose() -> None:
    text = (
        "The water authority of Brenmoor opened a temporary pumping station beside the old "
        "reservoir to keep supplies running through the summer while engineers repair the "
        "cracked main under the ring road."
    )
    short = shorten(text, 20, weak_cuts=True)
    assert short.fits
    assert short.text.endswith("beside the old reservoir.")


def test_weak_cut_never_ends_on_the_object_of_a_verb_like_allowed() -> None:
    text = (
        "The harbour board said the new rules would have allowed the port police of Tallow "
        "Bay to search fishing boats without a warrant at any hour of the night or day."
    )
    short = shorten(text, 16, weak_cuts=True)
    assert not short.text.endswith("Tallow Bay.")


def test_weak_cut_never_ends_inside_an_opening_phrase() -> None:
    text = (
        "In findings published on Tuesday in the journal Marsh Studies by a team from Orrin "
        "College and a second team from the Delft institute, eels were confirmed in the lake."
    )
    short = shorten(text, 22, weak_cuts=True)
    assert not short.fits  # "In findings ... and a second team." has no clause


def test_weak_cut_never_ends_on_a_verb_missing_its_complement() -> None:
    for text in (
        "Marta Quell of the Lindow Residents Association commented on the decision in a long "
        "letter to the editor of the county paper last week.",
        "The county auditor Piet Raske noted the accounts in the annual report of the harbour "
        "trust were incomplete for the third year running.",
        "The bridge engineers used readings from the sensors on the deck to measure changes "
        "in the load coming from the heavy lorries on the northern span.",
    ):
        short = shorten(text, 12, weak_cuts=True)
        assert not short.text.endswith(("commented.", "the accounts.", "coming."))


def test_weak_cut_never_leaves_a_dash_aside_open() -> None:
    text = (
        "Engineers said the new ferry — built in Gdynia for the island route — and the older "
        "vessel could both enter service by the end of the month."
    )
    short = shorten(text, 9, weak_cuts=True)
    assert short.text.count("—") != 1


def test_a_cut_never_leaves_a_degree_adverb_hanging() -> None:
    sentence = (
        "The flower show drew record crowds to the county showground this summer partly "
        "because the city festival that usually fills the riverside park every June had been "
        "cancelled by its organisers who feared heavy rain."
    )
    short = shorten(sentence, 30)
    assert not short.text.rstrip(".").endswith(("partly", "largely", "mainly")), short.text


def test_a_comma_closing_an_aside_does_not_end_the_clause() -> None:
    # ", now 41," is an aside: the sentence goes on with what the judge gave him.
    sentence = (
        "On Tuesday, Circuit Judge Omar Feld sentenced Leeds builder Colin Ashby, now 41, to "
        "twelve years in prison for setting fire to the warehouse of a rival firm that employed "
        "sixty people on the eastern edge of the city."
    )
    short = shorten(sentence, 30)
    assert not short.text.endswith("now 41."), short.text


def test_a_closing_source_that_runs_on_is_cut_to_its_head_and_kept() -> None:
    # Too long as it stands; the finding and its source both fit once the source
    # loses how and when it appeared.
    sentence = (
        "Families who cooked together twice a week threw away less food over the winter "
        "than families who did not, according to a survey released on Friday by the "
        "Hallam Consumer Panel at its annual meeting in Leeds."
    )
    short = shorten(sentence, 30)
    assert short.fits
    assert short.text == (
        "Families who cooked together twice a week threw away less food over the winter "
        "than families who did not, according to a survey."
    )
    # A short source, or one with nothing after its head, is left as it is.
    plain = "Ferry fares rose by a tenth, according to the operator's published tables."
    assert drop_source_detail(plain) == plain
    quoted = 'She said: "Prices fell, according to a survey published in May."'
    assert drop_source_detail(quoted) == quoted


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # A trailing participle clause is a consequence or a detail: it goes first.
        (
            "On Monday the Eastvale Rowing Club won four more medals at the regional "
            "championships, totalling 11 medals, overtaking the Marlow club in the "
            "standings for the first time.",
            "The Eastvale Rowing Club won four more medals at the regional championships.",
        ),
        (
            "The storm flooded two hundred homes along the Lowmoor river and its tributaries, "
            "stranding dozens of drivers on the coast road, and closing three schools.",
            "The storm flooded two hundred homes along the Lowmoor river and its tributaries.",
        ),
    ],
)
def test_a_trailing_participle_clause_goes_from_a_headline(sentence: str, kept: str) -> None:
    short = headline_form(sentence)
    assert short.fits, short.text
    assert short.text.startswith(kept), short.text


def test_a_list_item_ending_in_ing_is_not_a_participle_clause() -> None:
    # "housing" after a comma is a noun in a list: cutting there would drop part of
    # what was cut.
    sentence = (
        "The council will cut spending on roads, housing and libraries by a tenth next year "
        "to close a gap of four million pounds in its budget."
    )
    short = shorten(sentence, 20)
    assert "housing and libraries" in short.text or not short.text.startswith(
        "The council will cut spending on roads."
    )


def test_an_age_aside_is_not_a_clause_to_cut_at() -> None:
    sentence = (
        "On Friday Judge Ana Ruiz of the Lowmoor district court sentenced Tomas Brink, now "
        "41, to twelve years in prison for setting fire to the old warehouse."
    )
    short = headline_form(sentence)
    assert "to twelve years" in short.text, short.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Before the merger, Eastvale Freight was the largest haulier on the coast.",
        "Under the new rules, every ferry must carry two extra crew members on winter crossings.",
        "Two weeks before the vote, the Harbour Party led every poll by ten points or more.",
    ],
)
def test_an_opening_that_limits_when_or_whether_a_claim_holds_stays(sentence: str) -> None:
    # Without "Before the merger," the claim would be stated as true today.
    opening = sentence.split(",", 1)[0]
    assert headline_form(sentence).text.startswith(opening)


def test_a_cut_never_parts_an_object_from_what_it_is_asked_to_do() -> None:
    sentence = (
        "On Monday, Mayor Ilse Varga joined the calls by island councillors asking the "
        "Eastvale Ferry Company to restore the night crossing to the outer islands."
    )
    short = headline_form(sentence)
    assert not short.text.endswith("asking the Eastvale Ferry Company."), short.text


def test_a_dropped_day_takes_its_part_of_the_day_with_it() -> None:
    sentence = (
        "A fire yesterday afternoon destroyed the old boathouse of the Eastvale Rowing "
        "Club, which had stood on the river bank since 1911, the club said."
    )
    assert "afternoon" not in headline_form(sentence).text.split()


def test_a_restrictive_relative_clause_is_not_cut_off() -> None:
    # "the first town to hold a council meeting" is not the news: which meeting is.
    sentence = (
        "On Monday, Eastvale became the first town in the county to hold a council "
        "meeting in which every member of the public could vote on the budget."
    )
    short = headline_form(sentence).text
    # Either the whole claim, or an honest cut that shows it is cut: never a shorter
    # sentence that says something else.
    assert "every member of the public" in short or short.endswith("…"), short


def test_a_headline_does_not_lean_on_an_earlier_sentence_with_also() -> None:
    short = headline_form("Mayor Ilse Varga also announced a new ferry to the outer islands.")
    assert short.text == "Mayor Ilse Varga announced a new ferry to the outer islands."


def test_an_aside_inside_the_clause_is_not_a_trailing_clause() -> None:
    sentence = (
        "A recall is the process by which a councillor, including the mayor, can be "
        "removed from office by a vote of the residents of the ward."
    )
    short = shorten(sentence, 18)
    assert short.text != "A recall is the process by which a councillor.", short.text


def test_a_cut_never_ends_on_an_aside_that_renames_the_subject() -> None:
    sentence = (
        "The director of the Eastvale clinic, Ada Holm, told the Harbour Times that the "
        "winter grants, a scheme of the county council, presented a real change in "
        "the number of families who could heat their homes this year."
    )
    # Within 24 words the only comma left is the aside's own: no cut there.
    short = shorten(sentence, 24, weak_cuts=True)
    # The grants' verb stays, or the sentence is not shortened at all.
    assert not short.fits or "presented a real change" in short.text, short.text


def test_a_cut_takes_the_word_that_measures_the_clause_with_it() -> None:
    sentence = (
        "According to the county coroner, there were 40 suspected deaths in May alone, "
        "shortly after the new winter grants started, most of them among older residents."
    )
    short = shorten(sentence, 18, weak_cuts=True)
    assert not short.text.rstrip(".").endswith("shortly"), short.text


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        (
            "Dame Olive Prentice, the Welsh novelist best known for her long series of seaside "
            "mystery books for young children, died at her home in Cardiff aged 91.",
            "Dame Olive Prentice died at her home in Cardiff aged 91.",
        ),
        (
            "Kell Rovers, the amateur football club based in the old mill town at the head of the "
            "valley since 1887, remains in the league after a late appeal.",
            "Kell Rovers remains in the league after a late appeal.",
        ),
        (  # a clause of its own in the aside: who said so is kept
            "Piet Holm, the farmer whose cattle were taken from the high pasture by rustlers "
            "during the long winter storm, says the police did too little.",
            None,
        ),
        (  # a negation in the aside
            "Ann Roe, the only candidate never to have lost a council election in the district "
            "in more than thirty years of trying, stood down on Friday.",
            None,
        ),
        (  # no verb after the aside: a list, not a description
            "Kell Rovers, the amateur football club based in the old mill town at the head of the "
            "valley since 1887, and two other sides were fined.",
            None,
        ),
    ],
)
def test_a_long_description_of_the_opening_name_goes(sentence: str, kept: str | None) -> None:
    assert drop_appositives(sentence) == (sentence if kept is None else kept)
