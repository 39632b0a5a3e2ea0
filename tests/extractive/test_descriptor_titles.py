"""A job title or descriptor before a person's name is their role, not part of their name.

The title list can never hold every job ("Glaciologist", "Co-author", "Labour MP"):
these tests write descriptors the list lacks, on invented sentences, and check that
the stance names the person and gives the descriptor as the role, while names that
merely look like words stay whole.
"""

from __future__ import annotations

from summarizer.extractive.engine import all_stances


def cast(text: str) -> list[tuple[str, str | None]]:
    """(actor, role) of every stance the attribution rules find, in order."""
    return [(s.actor, s.role) for s in all_stances(text)]


def test_an_agent_noun_before_a_full_name_is_the_role() -> None:
    text = (
        "Glaciologist Maren Tveit said the ice shelf had thinned by a third since 2010.\n\n"
        "Tveit added that the survey flights would resume in the spring.\n"
    )
    assert cast(text) == [("Maren Tveit", "Glaciologist")]


def test_a_word_the_article_uses_in_lower_case_before_a_name_is_the_role() -> None:
    text = (
        "The town archive will close for two years while its roof is rebuilt.\n\n"
        "Other historians had asked the council to move the papers first, and "
        "Historian Oskar Lindqvist said the damp had already ruined several ledgers.\n"
    )
    assert cast(text) == [("Oskar Lindqvist", "Historian")]


def test_a_party_member_of_parliament_is_named_without_party_and_title() -> None:
    text = (
        "The ferry subsidy was cut by a fifth in the spring budget.\n\n"
        "Liberal Democrat MP Fiona Garside said the cut would leave two islands "
        "without a winter service.\n\n"
        "Garside said she would table an amendment next week.\n"
    )
    assert cast(text) == [("Fiona Garside", "Liberal Democrat MP")]


def test_a_member_of_parliament_in_mid_sentence_keeps_the_party_as_role() -> None:
    text = (
        "The vote was close, and Labour MP Devan Rakesh said the government had "
        "broken its promise to the fishing towns.\n"
    )
    assert cast(text) == [("Devan Rakesh", "Labour MP")]


def test_a_hyphenated_co_title_is_the_role() -> None:
    text = "Co-author Lars Pettersen said the study had been checked by two outside labs.\n"
    assert cast(text) == [("Lars Pettersen", "Co-author")]


def test_a_portfolio_after_for_belongs_to_the_title_not_the_name() -> None:
    text = (
        "Deputy Mayor for Housing Ines Calloway said the new flats would be finished "
        "by the end of next year.\n"
    )
    assert cast(text) == [("Ines Calloway", "Deputy Mayor for Housing")]


def test_a_state_after_from_belongs_to_the_title_not_the_name() -> None:
    text = (
        "The bill also drew criticism from Senator from Ohio Dana Whitfield, who said "
        "it would close rural clinics.\n\n"
        "Whitfield said she would vote against it.\n"
    )
    assert [actor for actor, _ in cast(text)] == ["Dana Whitfield"]


def test_a_stripped_sentence_opener_that_names_a_job_becomes_the_role() -> None:
    text = (
        "A researcher at the institute found the same pattern in older samples.\n\n"
        "Researcher Ana Ruiz said the pattern held in every sample they tested.\n"
    )
    assert ("Ana Ruiz", "Researcher") in cast(text)


def test_a_title_before_a_surname_alone_never_leaves_a_bare_surname() -> None:
    text = "Glaciologist Tveit said the ice shelf had thinned by a third since 2010.\n"
    assert cast(text) == [("Glaciologist Tveit", None)]


def test_a_first_name_that_is_also_a_common_word_stays_in_the_name() -> None:
    # "mark" is used in lower case, but a bare word with no job's ending is no title.
    text = (
        "The spill left a dark mark on the harbour wall, and the port's owner "
        "Mark Ellis Varga said the clean-up would take a month.\n"
    )
    assert cast(text) == [("Mark Ellis Varga", None)]


def test_a_first_name_with_a_job_ending_stays_when_the_article_never_uses_the_word() -> None:
    text = "Victor Hale Dunmore said the vineyard would double its output by 2030.\n"
    assert cast(text) == [("Victor Hale Dunmore", None)]


def test_a_two_word_name_is_never_cut() -> None:
    text = (
        "Archer Brandt said the archers' club would not leave the park.\n\n"
        "Brandt said members had trained there since 1962.\n"
    )
    assert [actor for actor, _ in cast(text)] == ["Archer Brandt"]


def test_a_sentence_opening_title_keeps_its_first_word_in_the_role() -> None:
    # "transport" is used in lower case, yet "Transport Minister" is one title.
    text = (
        "Rail freight fell for a third year, the transport agency said.\n\n"
        "Transport Minister Ola Brekke said the new terminal would reverse the decline.\n"
    )
    assert ("Ola Brekke", "Transport Minister") in cast(text)


def test_a_country_after_of_the_belongs_to_the_title_not_the_name() -> None:
    text = (
        "The Vice President of the United Provinces Tarek Holm said the treaty would "
        "open the border to trade within a year.\n"
    )
    assert cast(text) == [("Tarek Holm", "Vice President of the United Provinces")]


def test_a_body_after_a_title_and_of_the_is_part_of_the_role() -> None:
    text = "The Chairman of the Royal Society Jane Ostrow said the prize would be split.\n"
    assert cast(text) == [("Jane Ostrow", "Chairman of the Royal Society")]


def test_a_verb_of_saying_after_a_number_is_an_adjective_not_a_statement() -> None:
    # Once the title is cut, the candidate is a named person with a role: a count of
    # "pledged delegates" must still not read as something she pledged.
    text = (
        "The Governor of the Eastern Province Mira Lendl has won 412 pledged delegates "
        "so far in the primary.\n"
    )
    assert cast(text) == []


def test_a_posting_after_to_belongs_to_the_title_not_the_name() -> None:
    text = "Ambassador to the Northern League Petra Voss said the talks would resume in June.\n"
    assert cast(text) == [("Petra Voss", "Ambassador to the Northern League")]
