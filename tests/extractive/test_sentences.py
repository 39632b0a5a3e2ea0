from summarizer.extractive.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text) if s.is_sentence]


def test_abbreviations_and_decimals_do_not_end_sentences() -> None:
    text = (
        "Dr. Owen Falk met U.S. officials on Jan. 14 in Marlow. "
        "Prices rose 4.5 percent to $12.4 million. It was the highest in years."
    )
    assert texts(text) == [
        "Dr. Owen Falk met U.S. officials on Jan. 14 in Marlow.",
        "Prices rose 4.5 percent to $12.4 million.",
        "It was the highest in years.",
    ]


def test_a_quotation_spanning_sentences_stays_whole() -> None:
    text = '"We cannot freeze Marlow. The harbour is half empty," she said. The vote is next week.'
    assert texts(text) == [
        '"We cannot freeze Marlow. The harbour is half empty," she said.',
        "The vote is next week.",
    ]


def test_curly_quotes_spanning_sentences_stay_whole() -> None:
    text = "“It is over. We lost,” he said. Then he left the hall for good."
    assert texts(text)[0] == "“It is over. We lost,” he said."


def test_dateline_is_stripped_from_the_first_sentence() -> None:
    sentences = split_sentences("MARLOW — Residents marched on Saturday against the plan.")
    assert sentences[0].text == "Residents marched on Saturday against the plan."
    assert sentences[0].dateline == "MARLOW —"


def test_headings_and_bylines_are_not_sentences() -> None:
    text = (
        "Thousands March in Marlow\n\nBy Tessa Rindell\n\n"
        "Residents marched through the town on Saturday to oppose the marina."
    )
    kinds = [(s.kind, s.text) for s in split_sentences(text)]
    assert kinds[0] == ("heading", "Thousands March in Marlow")
    assert kinds[1] == ("heading", "By Tessa Rindell")
    assert kinds[2][0] == "sentence"


def test_hard_wrapped_lines_join_into_one_paragraph() -> None:
    text = (
        "The council voted on Tuesday to approve the new tram line through the\n"
        "centre of the city, after a debate that lasted most of the night.\n"
    )
    assert len(texts(text)) == 1


def test_dotted_initials_end_a_sentence_only_before_an_opener() -> None:
    text = (
        "According to the B.C. Coroners Service, 170 deaths were reported in May. "
        "The team moved to L.A. The next season began in N.Y. in March.\n"
    )
    assert [s.text for s in split_sentences(text)] == [
        "According to the B.C. Coroners Service, 170 deaths were reported in May.",
        "The team moved to L.A.",
        "The next season began in N.Y. in March.",
    ]


def test_a_sentence_glued_to_the_next_without_a_space_still_ends() -> None:
    text = (
        '"Nothing in the law stops it," Professor Alan Berg said.Professor Berg expects '
        "no opposition. The U.S.Army did not comment.\n"
    )
    assert [s.text for s in split_sentences(text)] == [
        '"Nothing in the law stops it," Professor Alan Berg said.',
        "Professor Berg expects no opposition.",
        "The U.S.Army did not comment.",
    ]


def test_a_name_with_a_stop_inside_is_not_two_sentences() -> None:
    text = "The former director of Kell.Net has denied misleading the board.\n"
    assert [s.text for s in split_sentences(text)] == [text.strip()]
