"""Stances a reader would reject: whose words they are, and whether they are a position at all.

Every snippet is fresh fiction written for these rules (none is taken from an eval
article or a by-eye article).
"""

from __future__ import annotations

from summarizer.extractive import brief_extractive
from summarizer.extractive.engine import all_stances
from summarizer.models import Stance


def brief_stances(text: str) -> dict[str, Stance]:
    """The stances the briefing reports, by actor."""
    return {s.actor: s for s in brief_extractive(text).stances}


def stances(text: str) -> dict[str, Stance]:
    """Every stance the attribution rules find, by actor."""
    return {s.actor: s for s in all_stances(text)}


def test_the_speaker_of_an_object_relative_clause_states_nothing_there() -> None:
    # What the council declared is the bridge, named before "which": the clause after
    # the verb is the rest of the main sentence, not the council's words.
    text = (
        "The old toll bridge, which the Marlow County Council later declared unsafe, "
        "reopened to traffic on Friday.\n"
    )
    assert "Marlow County Council" not in stances(text)


def test_declaring_a_day_or_admitting_a_charge_is_an_act_not_a_position() -> None:
    text = (
        "Flood waters receded in Eastvale on Sunday.\n\n"
        "Mayor of Eastvale Gunnar Sorli has declared Monday a day of remembrance for the "
        "flood victims. Rennick Steel on Tuesday admitted its liability for the spill at "
        'the Halden works. "The dam should have been inspected years ago," said Ilse '
        "Varga, who chairs the residents' association.\n"
    )
    found = brief_stances(text)
    assert "Gunnar Sorli" not in found
    assert "Rennick Steel" not in found
    assert "Ilse Varga" in found


def test_an_act_announced_with_what_it_means_is_still_a_statement() -> None:
    text = (
        "Transport Minister Oskar Lien announced the ferry subsidy will end in March, "
        "and warned that fares would double.\n"
    )
    assert "Oskar Lien" in brief_stances(text)


def test_the_news_outlet_someone_told_is_not_part_of_their_position() -> None:
    text = "Marine biologist Edda Lindqvist told CNN the reef had lost half of its coral.\n"
    found = stances(text)
    assert found["Edda Lindqvist"].position.startswith("The reef had lost half")


def test_a_pronoun_refers_first_to_the_person_named_earlier_in_its_own_sentence() -> None:
    # "she also remarked" in Voss's sentence is Voss, not Dunn who spoke before.
    text = (
        "Mirela Dunn said the timetable was overdue. Carla Voss of the Anna and Pieter "
        "Holm Foundation, which paid for the first crossing some years ago, noted the new "
        "boats are quieter; though she also remarked that, because fuel costs rise, fares "
        "would rise for islanders.\n"
    )
    found = stances(text)
    assert "fares" not in found["Mirela Dunn"].position
    assert "Carla Voss" in found


def test_a_second_speaker_in_the_sentence_ends_the_first_speakers_words() -> None:
    text = (
        'Mayor Ilse Brant said the closure was "a disgrace" while Transport Minister Oskar '
        "Lien wrote he had ordered an inquiry into the delays.\n"
    )
    position = stances(text)["Ilse Brant"].position
    assert "closure was a disgrace" in position
    assert "inquiry" not in position and "Lien" not in position


def test_a_source_that_only_reports_facts_holds_no_position() -> None:
    text = (
        "Orbis names the Lakeside festival the year's biggest\n\n"
        "The Lakeside festival drew record crowds on 20 June, according to Orbis. Orbis "
        'reported that fans were chanting "Lakeside forever" as the gates opened.\n'
    )
    assert "Orbis" not in brief_stances(text)


def test_what_a_persons_critics_say_is_not_that_persons_position() -> None:
    text = (
        "Premier Ola Vance wants an early vote. According to Vance's critics, the early "
        "vote is a ploy to silence the regional assemblies.\n"
    )
    found = stances(text)
    assert (
        "ploy"
        not in found.get(
            "Ola Vance", Stance(actor="x", topic="x", position="x", evidence=["x"])
        ).position
    )


def test_a_description_between_an_inverted_verb_and_the_name_finds_the_speaker() -> None:
    text = (
        '"The glaciers are retreating faster than any model predicted," said study '
        "co-author Ilse Marwick.\n"
    )
    found = stances(text)
    assert list(found) == ["Ilse Marwick"]


def test_what_the_speaker_always_knew_is_an_account_not_a_position() -> None:
    text = (
        "The old Halden bridge collapsed on Sunday.\n\n"
        '"I always knew the bridge would fall one day," said retired engineer Maren Holt.\n'
    )
    assert "Maren Holt" not in brief_stances(text)


def test_a_quoted_expert_introduced_by_according_to_holds_a_position_despite_a_figure() -> None:
    text = (
        "Rents in Kestrel rose again this year.\n\n"
        'According to Kestrel University economist Dana Whitlock, "Rents rose 40 percent '
        'in five years, and that is a heavy blow for young families."\n'
    )
    assert "Dana Whitlock" in brief_stances(text)


def test_a_sourced_figure_in_indirect_speech_is_still_no_position() -> None:
    text = (
        "Rents in Kestrel rose again this year.\n\n"
        "According to the housing office's Dana Whitlock, rents rose 40 percent in five "
        "years.\n"
    )
    assert "Dana Whitlock" not in brief_stances(text)


def test_a_person_spoken_to_in_an_opening_phrase_is_not_the_pronouns_speaker() -> None:
    text = (
        "Fleet admiral Rune Haldor accepted blame for the collision. Speaking to Ilse "
        'Marwick of Radio Kestrel, he said, "It happened on my watch and I answer for it."\n'
    )
    found = stances(text)
    assert "Ilse Marwick" not in found
    assert any("my watch" in e for e in found["Rune Haldor"].evidence)


def test_what_a_speaker_says_of_the_thing_before_which_is_still_theirs() -> None:
    text = (
        "The second ferry, which harbour master Ines Lorca has said may be ready by "
        "late May, is still in dry dock.\n"
    )
    assert "Ines Lorca" in stances(text)


def test_a_quoted_verdict_on_what_was_declared_is_a_position() -> None:
    # "declared the count "a fraud"" judges, like "called the count a fraud".
    text = (
        "Kestrel held its council election on Sunday.\n\n"
        'The opposition Harbour Party declared the count "a fraud from start to finish '
        'and an insult to every voter".\n'
    )
    assert "Harbour Party" in brief_stances(text)


def test_an_announcement_in_the_speakers_own_quoted_words_is_a_statement() -> None:
    text = (
        "A fishing boat sank off Kestrel Point on Sunday.\n\n"
        'The Kestrel Harbour Guard announced: "The search was called off too early and '
        'it must resume at dawn."\n'
    )
    assert "Kestrel Harbour Guard" in brief_stances(text)


def test_a_body_named_with_and_after_of_the_is_the_whole_role() -> None:
    text = (
        "Carla Voss of the Anna and Pieter Holm Foundation said the ferry fares should "
        "be frozen for islanders.\n"
    )
    assert stances(text)["Carla Voss"].role == "Anna and Pieter Holm Foundation"


def test_a_speaker_of_a_body_named_with_and_is_found_past_the_body() -> None:
    text = (
        "Carla Voss of the Anna and Pieter Holm Foundation said the ferry fares should "
        "be frozen for islanders.\n"
    )
    assert "should be frozen" in stances(text)["Carla Voss"].position


def test_when_where_or_how_someone_spoke_is_not_part_of_their_position() -> None:
    # A frame between the verb and the words (a day, a channel, a listener) says when,
    # where or how the words were said: the position is the words.
    text = (
        "Harbour master Pia Lind said on Thursday the new quay would open in May.\n\n"
        'Councillor Tomas Brink said via Facebook, "Every ferry must stop at Eastvale '
        'before the summer."\n\n'
        'Union secretary Ada Holm told the press after the vote: "Our members will not '
        'accept a second pay freeze."\n\n'
        'Ferry owner Nils Aune spoke on local radio, "The timetable cannot work without '
        'more crew."\n\n'
        "Mayor Greta Sund said on Monday, the harbour fees would rise by a tenth.\n\n"
        "Judge Ana Berg told reporters today psychiatric tests would be carried out on "
        "the skipper.\n\n"
        'Asked about the old pier, "It should have been rebuilt in spring," said '
        "Eastvale Harbour Trust engineer Jon Berg. Historian Lise Moe said of the "
        'pier, "Nothing on this coast is older."\n'
    )
    found = stances(text)
    assert found["Pia Lind"].position.startswith("The new quay would open in May")
    assert found["Tomas Brink"].position.startswith("Every ferry must stop at Eastvale")
    assert found["Ada Holm"].position.startswith("Our members will not accept")
    assert found["Nils Aune"].position.startswith("The timetable cannot work")
    assert found["Greta Sund"].position.startswith("The harbour fees would rise")
    assert found["Ana Berg"].position.startswith("Psychiatric tests would be carried out")
    assert found["Historian Lise Moe"].position.startswith("Nothing on this coast is older")


def test_a_frame_that_is_the_content_is_kept() -> None:
    # "said in a statement that ..." keeps the clause after "that"; a place that is
    # the subject of what was said is not a frame.
    text = (
        "The Eastvale Ferry Company said in a statement that crossings would resume "
        "on Friday.\n\n"
        "Harbour master Pia Lind said Eastvale had waited long enough for a new quay.\n"
    )
    found = stances(text)
    assert found["Eastvale Ferry Company"].position.startswith("Crossings would resume")
    assert found["Pia Lind"].position.startswith("Eastvale had waited long enough")


def test_a_speaker_named_after_an_opening_verb_is_not_part_of_the_words() -> None:
    text = (
        'Remarked Eastvale Harbour Trust engineer Jon Berg, "The pier must be rebuilt '
        'before the winter storms."\n'
    )
    found = stances(text)
    assert found["Jon Berg"].position.startswith("The pier must be rebuilt")
