"""Page furniture rules: what is stripped, what must survive, and at what cost."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from summarizer.inputs.article import clean_text
from summarizer.inputs.furniture import byline_name, furniture_kind, parse_page, split_furniture

PAGES = Path(__file__).resolve().parent / "data" / "pages"
STORY = (
    "The council voted on Monday to repair the harbour wall before the winter storms, "
    "the mayor said."
)


def story_with(*lines: str) -> str:
    """A story paragraph, the given lines, and a closing paragraph."""
    closing = "Work is due to start in October and should take six weeks, officials said."
    return "\n\n".join([STORY, *lines, closing])


@pytest.mark.parametrize(
    "line",
    [
        "Sign up to read this article",
        "Subscribe now",
        "Already a member? Sign in here",
        "Already a subscriber? Log in",
        "Log in or register",
        "Download the app",
        "Get the Coastline app",
        "Read this story in the Harbour Times app",
        "Start reading",
        "Start your free trial",
        "Fourteen days free",
        "30 days free",
        "Read more",
        "Continue reading",
        "Related Stories",
        "Related",
        "Most read",
        "Most popular",
        "Top stories on inkl right now",
        "Our Picks",
        "Recommended for you",
        "You may also like",
        "Newsletter",
        "Sign up for our morning newsletter",
        "Advertisement",
        "Share this article",
        "Share on Facebook",
        "Follow us on Instagram",
        "We use cookies to improve your experience. Manage preferences",
        "Accept all cookies",
        "Privacy policy",
        "Get all your news in one place.",
        "100’s of premium titles.",
        "One app.",
        "One app. One membership.",
        "Become a member",
        "Support independent journalism",
        "Skip to main content",
        "5 min read",
        "Comments (12)",
        "Terms of use",
        "Copyright 2024 Harbour Times",
        "30 days free, then $4.99 a month",
        "Subscribers only",
        "© 2024 Coastline Daily. All rights reserved.",
        "Related: Council delays harbour decision",
    ],
)
def test_calls_to_action_and_navigation_are_furniture(line: str) -> None:
    text, removed = split_furniture(story_with(line))
    assert line not in text
    assert removed == (line,)


@pytest.mark.parametrize(
    "line",
    [
        "US envoy met her counterpart at the summit on Friday (Credit: AFP)",
        "Boats in the harbour at dawn (Photo: Jane Roe/Harbour Times)",
        "Sandbags outside shops on Mill Lane. Photograph: Owen Fitch/Riverton Gazette",
        "A cargo ship waits outside the port (AFP/Getty Images)",
    ],
)
def test_photo_captions_are_furniture(line: str) -> None:
    assert furniture_kind(line) == "caption"
    text, removed = split_furniture(story_with(line))
    assert line not in text
    assert removed == (line,)


@pytest.mark.parametrize(
    "line",
    [
        "Residents who want the flood alerts can sign up at the town hall until Friday, "
        "the council said.",
        "“Read the report,” she told reporters.",
        '"Subscribe to the facts, not the rumours," the mayor said.',
        "Sign-ups for the scheme closed on Friday with 4,000 households enrolled.",
        "Subscribers will pay 4 percent more from June, according to the company.",
        "Share prices fell 3 percent on Monday.",
        "Budget fight",
        "A march, and two counts",
        "Most residents opposed the plan",
        "Residents can register at the town hall until 6 p.m. on Wednesday.",
        "Download speeds in the valley are the slowest in the region, the report found.",
        "Full access to the harbour will resume in May.",
        "Copyright law changes take effect in June.",
        "By continuing to dredge, the authority would accept the risk.",
        "One subscription service grew 20 percent last year.",
        "Free trial results were published on Tuesday.",
        "12 sources close to the talks confirmed the deal.",
        "Related charges were filed against two others",
        "Privacy policy changes at the bank worry customers.",
        "Members only learned of the vote on Friday.",
        "Two days free of rain let the crews finish the wall.",
    ],
)
def test_story_lines_that_resemble_furniture_survive(line: str) -> None:
    text, removed = split_furniture(story_with(line))
    assert line in text.split("\n")
    assert removed == ()


def test_a_list_heading_takes_the_short_lines_under_it() -> None:
    raw = story_with(
        "More on this story\nValdoria port strike enters second week\nShipping lines divert"
    )
    text, removed = split_furniture(raw)
    assert removed == (
        "More on this story",
        "Valdoria port strike enters second week",
        "Shipping lines divert",
    )
    assert "Valdoria" not in text
    assert text.endswith("officials said.")


def test_short_lines_in_the_tail_go_but_the_story_s_last_line_stays() -> None:
    last = "The council will meet again on June 17 to approve the contract."
    tail = ["Sign up to read more", "Ferry strike called off", "Download the app", "Every weekday."]
    text, removed = split_furniture("\n".join([STORY, "", last, *tail]))
    assert text.endswith(last)
    assert removed == tuple(tail)


def test_one_furniture_line_inside_the_story_does_not_start_a_tail() -> None:
    raw = "\n".join([STORY, "Advertisement", "The vote is on Tuesday"])
    text, removed = split_furniture(raw)
    assert removed == ("Advertisement",)
    assert text.endswith("The vote is on Tuesday")


def test_short_lines_without_any_prose_are_not_taken_for_a_tail() -> None:
    raw = "Harbour notes for the week\n\nSign up\nShare\nBoats out: 12\nBoats in: 9"
    text, removed = split_furniture(raw)
    assert removed == ("Sign up", "Share")
    assert text == "Harbour notes for the week\n\nBoats out: 12\nBoats in: 9"


def test_head_furniture_byline_outlet_and_section_label() -> None:
    raw = (
        "Download the app\nCoastline Daily\nCoastline Daily\nLocal\nBy Ines Marlowe\n\n"
        "Harbour Vote Splits Town\n\n" + STORY
    )
    page = parse_page(raw)
    assert page.removed == (
        "Download the app",
        "Coastline Daily",
        "Coastline Daily",
        "Local",
        "By Ines Marlowe",
    )
    assert page.byline == "Ines Marlowe"
    assert page.outlet == "Coastline Daily"
    assert page.text.startswith("Harbour Vote Splits Town\n\n")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Shaun TANDON", "Shaun TANDON"),
        ("By Jane Doe", "Jane Doe"),
        ("By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe"),
        ("By Ilse Marrant, Regional Affairs Correspondent", "Ilse Marrant"),
        ("By Tom Weir, Political Editor, and Ana Bell", "Tom Weir and Ana Bell"),
        ("by Ana María de la Cruz", "Ana María de la Cruz"),
        ("Budget fight", None),
        ("UN General Assembly", None),
        ("By Tuesday the vote was over", None),
        ("BREAKING NEWS", None),
    ],
)
def test_byline_shapes(line: str, name: str | None) -> None:
    assert byline_name(line) == name


@pytest.mark.parametrize(
    "line",
    [
        # photo credits in their many shapes
        "Main image credit: Getty",
        "Main image: Lakeside Press/Alamy",
        "Top image credit: Coastline Daily",
        "Header image: Ferry at dawn. Credit: Ines Marlowe",
        "Image credit: AFP via Getty Images",
        "Image source, Getty Images",
        "Image caption, Ferry workers at the terminal on Tuesday",
        "Photo: Reuters",
        "Photo credit: Jane Roe",
        "photo by Jane Roe/Harbour Times",
        "Photograph by Owen Fitch for the Riverton Gazette",
        "Pictures: Riverton Council",
        "Illustration by Mira Tal",
        "Video: Coastline Daily",
        "Credit: Shutterstock",
        "Credits: Jane Roe; Owen Fitch",
        "Courtesy of the Eastbay Ferry Company",
        "AFP via Getty Images",
        "Jane Roe/AFP via Getty Images",
        "AP Photo/Owen Fitch",
        "Reuters/Owen Fitch",
        # "follow ... coverage" lines
        "Follow our full coverage of the ferry strike",
        "Follow the Riverton Gazette's full coverage here",
        "Follow all the latest updates on our live page",
        "Follow live coverage of the vote",
        "For the latest updates, follow our live blog",
        "For full coverage of the election, visit our politics page",
        "See our full coverage of the harbour dispute",
        "Catch up on all our coverage of the strike",
        "Follow Ines Marlowe on X",
        "Follow her on Instagram",
        # reporter contact lines
        "ines.marlowe@coastlinedaily.example",
        "Email: ines.marlowe@coastlinedaily.example",
        "E-mail the author at ines.marlowe@coastlinedaily.example",
        "Contact the reporter: owen.fitch@gazette.example",
        "Reach Owen Fitch at owen.fitch@gazette.example or on X @owenfitch",
        "Ines Marlowe can be reached at imarlowe@coastline.example.",
        "Ines Marlowe is a staff reporter. Contact her at imarlowe@coastline.example",
        "Got a news tip? Email tips@coastline.example",
        "Have a story? Contact newsdesk@gazette.example",
    ],
)
def test_credits_coverage_pitches_and_reporter_contacts_are_furniture(line: str) -> None:
    text, removed = split_furniture(story_with(line))
    assert line not in text.split("\n")
    assert removed == (line,)


@pytest.mark.parametrize(
    "line",
    [
        "Residents can email complaints to harbour@riverton.example before Friday.",
        "Complaints may be sent to ferries@eastbay.example, the company said.",
        "The photo, taken by a passenger, shows the ferry listing to one side.",
        "Photographs of the damage were shared widely on Monday.",
        "Image rights were at the centre of the court case.",
        "Credit card fees will rise from June, the bank said.",
        "Follow-up inspections found no further damage to the hull.",
        "Follow the money, the auditor told the committee.",
        "Reporters were asked to follow the ferry's route from the shore.",
        "Coverage of the strike in the national press was limited.",
        "Courtesy calls to residents began on Tuesday.",
        "Pictures by local photographers go on show at the library in June.",
        "Video footage showed the ferry striking the pier.",
        "Illustrations by schoolchildren decorate the new terminal.",
        "Getty Images donated the archive to the museum in 2019.",
        "Reuters reported that the talks had stalled.",
        "The union's full coverage plan would insure every crew member.",
        "Contact between the two sides has been limited since May.",
        "Police said anyone with information should contact them at the station.",
        "Editor's note: an earlier version of this story misstated the cost; readers can "
        "e-mail corrections@gazette.example with questions.",
    ],
)
def test_story_sentences_about_photos_coverage_and_email_survive(line: str) -> None:
    text, removed = split_furniture(story_with(line))
    assert line in text.split("\n")
    assert removed == ()


@pytest.mark.parametrize(
    ("byline", "outlet"),
    [("Hosted", "Hosted"), ("Username", "Username"), ("Hosted", "Coastline Daily")],
)
def test_head_words_that_are_no_name_are_not_a_byline_or_an_outlet(
    byline: str, outlet: str
) -> None:
    raw = (
        f"Download the app\n{outlet}\n{outlet}\nBy {byline}\n\nHarbour Vote Splits Town\n\n{STORY}"
    )
    page = parse_page(raw)
    assert page.byline is None
    assert page.outlet == (None if outlet in ("Hosted", "Username") else outlet)


def test_a_headline_repeated_in_the_head_is_not_an_outlet() -> None:
    raw = "Harbour Vote Splits Town\n\nHarbour Vote Splits Town\n\n" + STORY
    page = parse_page(raw)
    assert page.outlet is None
    assert page.removed == ()


def test_a_byline_shaped_line_inside_the_story_stays() -> None:
    raw = story_with("Shaun TANDON")
    assert split_furniture(raw) == (raw, ())


def test_normalisation() -> None:
    raw = (
        "\n\n  \nTitle Line Here  \r\n\r\nFirst\x00 par\x07agraph.\t \rsecond\x1b line"
        "\n\n\n\n\nend\u0085 \n\n"
    )
    assert clean_text(raw) == "Title Line Here\n\nFirst paragraph.\nsecond line\n\nend"


def test_page_and_line_separators_break_lines() -> None:
    assert clean_text("one\x0ctwo\x0bthree\u2028four\x85five") == "one\ntwo\nthree\nfour\nfive"


def test_tabs_and_leading_indentation_are_kept() -> None:
    assert clean_text("\tIndented\tparagraph with tabs.") == "\tIndented\tparagraph with tabs."


def test_crlf_page_cleans_like_lf_page() -> None:
    raw = (PAGES / "riverton-flood.page.txt").read_text(encoding="utf-8")
    assert split_furniture(raw.replace("\n", "\r\n")) == split_furniture(raw)


@pytest.mark.parametrize("path", sorted(PAGES.glob("*.txt")), ids=lambda p: p.name)
def test_nothing_is_lost_silently(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    text, removed = split_furniture(raw)
    assert clean_text(raw) == text
    given = Counter(line.strip() for line in raw.splitlines() if line.strip())
    kept = Counter(line.strip() for line in text.split("\n") if line.strip())
    assert kept + Counter(removed) == given


@pytest.mark.parametrize(
    "line",
    [
        "word " * 2_000_000,
        "sign up " * 1_250_000,
        "(Photo: " * 1_250_000 + ")",
        "By " + "Ab " * 3_000_000,
        "“" * 10_000_000,
    ],
    ids=["words", "sign-up", "captions", "byline", "quotes"],
)
def test_a_10_mb_line_is_cleaned_in_linear_time(line: str) -> None:
    started = time.perf_counter()
    text, removed = split_furniture(line)
    elapsed = time.perf_counter() - started
    assert removed == ()
    assert text == line.rstrip()
    # Linear work on 10 MB takes well under a second; backtracking would take minutes.
    assert elapsed < 30.0  # guards catastrophic backtracking, not speed (see bench/)
