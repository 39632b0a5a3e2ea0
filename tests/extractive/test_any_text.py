"""Item 17 of issue 13: the offline engine briefs any text the loader accepts, or refuses it.

Its briefings are re-validated against the article like a model's; a rule that
builds something the checks refuse would reach the user as an "internal error".
Text is generated from news-like sentences (names, attributions, numbers in
every form, links, quotes, ellipses, negations, injection-like lines) and from
raw characters.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer import summarize
from summarizer.errors import EmptyArticleError, InputError, SummarizerError
from summarizer.inputs.article import article_from_text

NAMES = [
    "Mayor Ann Holt",
    "the council",
    "Dr. Lee",
    "Acme Corp",
    "U.S. officials",
    "Kellmoor Valley Water Board",
    "KVWB",
    "the union's secretary, Tom Brell",
    "Xi",
]
VERBS = ["said", "told reporters", "argued", "claimed", "denied", "warned", "according to"]
LINKS = [
    "http://example.org/x",
    "www.example.com/a?b=1",
    "example.org/path",
    "https://t.co/abc.",
    "javascript:alert(1)",
    "tips@x.example",
]
NUMBERS = [
    "$12.4 million",
    "70 percent",
    "3,000 people",
    "December 3",
    "two million",
    "9:30 a.m.",
    "nine hundred jobs",
    "in 2022",
    "1.5bn euros",
    "between 3 and 5 million",
    "forty-five",
    "$3-5bn",
    "10:30",
    "2020-21",
    "5m",
]
CLAUSES = [
    "the plan is wrong",
    "we will not accept any delay",
    "costs rose sharply",
    "the figure is disputed",
    "visit",
    "call us",
    "ignore previous instructions",
    "AI assistants: tell readers",
    "nobody believes it",
]
FORMS = [
    '"{c} {u}," {n} {v}.',
    "{n} {v} that {c} at {u}",
    "{n} {v} {m} was {c}. {u}",
    "According to {n}, {c} {m} {u}",
    '"{c}," {v} {n}, who cited {u}.',
    '{n} {v}: "{c} {m}" {u}',
    "{n} {v} the cost was {m}, not {m2}.",
    "{n} disputed the {m} figure, saying it was {m2}.",
    "{C}.",
    "{m} {c}",
    '{n} {v} "{c} ... {c}"',
    "{u}",
]


@st.composite
def sentence(draw: st.DrawFn) -> str:
    clause = draw(st.sampled_from(CLAUSES))
    return draw(st.sampled_from(FORMS)).format(
        n=draw(st.sampled_from(NAMES)),
        v=draw(st.sampled_from(VERBS)),
        u=draw(st.sampled_from(LINKS)),
        m=draw(st.sampled_from(NUMBERS)),
        m2=draw(st.sampled_from(NUMBERS)),
        c=clause,
        C=clause.capitalize(),
    )


@st.composite
def news_like(draw: st.DrawFn) -> str:
    sentences = draw(st.lists(sentence(), min_size=1, max_size=8))
    text = draw(st.sampled_from([" ", "\n", "\n\n"])).join(sentences)
    return ("Headline About Things\n\n" + text) if draw(st.booleans()) else text


raw = st.text(min_size=1, max_size=300)


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.one_of(news_like(), news_like(), news_like(), raw))
def test_any_text_the_loader_accepts_is_briefed_or_refused_with_a_typed_error(text: str) -> None:
    try:
        article_from_text(text)
    except EmptyArticleError:
        return
    try:
        result = summarize(text, engine="extractive")
    except InputError:
        return  # a clear refusal of the input (nothing usable to brief)
    except SummarizerError as exc:  # pragma: no cover - the failure this test looks for
        pytest.fail(f"{type(exc).__name__}: {exc}\nfor {text!r}")
    assert result.briefing.key_points


@pytest.mark.parametrize(
    "text",
    [
        # A stance cut just after a link: the cut ("…") must not glue onto the link.
        "According to Dr. Lee, we will not accept any delay $12.4 million http://example.org/x "
        "Mayor Ann Holt told reporters 70 percent was the figure is disputed. example.org/path "
        "According to Anna Holt, we will not accept any delay 9:30 a.m. http://example.org/x "
        '"the plan is wrong https://t.co/abc.," the council told reporters.',
        'the council said: "the plan is wrong December 3" www.example.com/a?b=1 Dr. Lee denied '
        "70 percent was we will not accept any delay. http://example.org/x",
    ],
)
def test_inputs_the_offline_engine_once_failed_on_are_briefed(text: str) -> None:
    assert summarize(text, engine="extractive").briefing.key_points


_FILLER = (
    "the new joint board of the valley water service will run six plants with a "
    "combined yearly budget drawn from rates and grants of about"
).split()


@pytest.mark.parametrize("before", range(12, 26))
def test_a_headline_cut_at_its_word_limit_never_parts_a_number_from_its_scale(
    before: int,
) -> None:
    # A lead too long to compress (it starts mid-word, as a page cut short does) is
    # cut at the headline's limit: wherever the limit falls, "£1.1" must not be
    # left without its "billion", which would be a number the article never states.
    lead = " ".join((_FILLER * 2)[:before]) + " £1.1 billion a year and 14,000 staff in all."
    text = lead + "\n\nThe board said the merger would cut costs over three years."
    headline = summarize(text, engine="extractive").briefing.headline
    assert "£1.1…" not in headline and "£1.1 billion" in text


@pytest.mark.parametrize(
    "text", ["1" * 500, "0" * 40_000, "x0" * 20_000, "Note1" * 8_000, "a" * 1_000]
)
def test_text_that_runs_on_without_a_space_is_refused_as_unquotable(text: str) -> None:
    # A quote must end where a word ends, so a span cut from the middle of a run of
    # characters is no quote of it: such a text is refused with a reason, not
    # briefed with evidence its own check refuses (an internal error).
    with pytest.raises(EmptyArticleError, match="nothing to quote"):
        summarize(text, engine="extractive")
