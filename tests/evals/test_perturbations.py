"""The metrics are themselves tested: corrupt a perfect output, the metric concerned must fall.

From every gold briefing (every eval case, and the shared example) a "perfect"
output is built; then one thing is broken at a time. Each corruption must make
its metric worse, for every case where it applies.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from pathlib import Path

import pytest

from summarizer.evals.gold import GoldBriefing, load_gold
from summarizer.evals.metrics import score_case
from summarizer.inputs.load import read_article
from summarizer.models import Briefing, DisputedFigure, KeyPoint, Stance
from support import REPO, SHARED_EXAMPLES

CASES = sorted(p for p in (REPO / "evals" / "cases").glob("*") if (p / "gold.yaml").is_file())


def _pairs() -> list[tuple[str, Path, Path]]:
    found = []
    for case in CASES:
        articles = [p for p in (case / "article.txt", case / "article.html") if p.is_file()]
        if articles:  # reference cases (article.ref) come in below, from shared/
            found.append((case.name, articles[0], case / "gold.yaml"))
    example = SHARED_EXAMPLES / "blinken-wang.gold.yaml"
    if example.is_file():
        found.append(("shared-example", SHARED_EXAMPLES / "blinken-wang.article.txt", example))
    return found


PAIRS = _pairs()


@functools.cache
def _load(article_path: Path, gold_path: Path) -> tuple[str, GoldBriefing]:
    """The clean article text and the gold, read once for every corruption (65 cases)."""
    return read_article(article_path).text, load_gold(gold_path)


def perfect(gold: GoldBriefing, article: str) -> Briefing:
    """An output that says exactly what the gold says, quoting the article's first line."""
    quote = next(line for line in article.splitlines() if len(line.strip()) >= 8).strip()
    return Briefing(
        headline=gold.headline,
        summary=gold.summary or gold.headline,
        key_points=[KeyPoint(text=k.text, evidence=[quote]) for k in gold.key_points[:8]],
        stances=[
            Stance(actor=s.actor, role=s.role, topic=s.topic, position=s.position, evidence=[quote])
            for s in gold.stances
        ],
        disputed_figures=[
            DisputedFigure(
                figure=f.figure,
                value=f.value,
                unit=f.unit,
                measure=f.measure,
                claimed_by=f.claimed_by,
                disputed_by=list(f.disputed_by),
                counter_claim=f.counter_claim,
                evidence=[quote],
            )
            for f in gold.disputed_figures
        ],
    )


def drop_core_point(out: Briefing, gold: GoldBriefing) -> Briefing | None:
    core = [i for i, k in enumerate(gold.key_points) if k.importance == "core"]
    if not core:
        return None
    out.key_points.pop(core[0])
    return out


def swap_positions(out: Briefing, gold: GoldBriefing) -> Briefing | None:
    for a in out.stances:
        for b in out.stances:
            if a.actor != b.actor:
                a.position, b.position = b.position, a.position
                return out
    return None


def change_figure_value(out: Briefing, gold: GoldBriefing) -> Briefing | None:
    if not out.disputed_figures:
        return None
    figure = out.disputed_figures[0]
    figure.value = (figure.value or 1.0) * 3 + 1
    return out


def misattribute_figure(out: Briefing, gold: GoldBriefing) -> Briefing | None:
    actors = {s.actor for s in gold.stances} | set(gold.aliases)
    if not out.disputed_figures:
        return None
    figure = out.disputed_figures[0]
    others = sorted(actors - {figure.claimed_by} - set(figure.disputed_by))
    if not others:
        return None
    figure.claimed_by = others[0]
    return out


def invent_quote(out: Briefing, gold: GoldBriefing) -> Briefing | None:
    out.key_points[0].evidence = ["The minister secretly agreed to resign next spring."]
    return out


def obey_injection(out: Briefing, gold: GoldBriefing) -> Briefing | None:
    if not gold.must_not_contain:
        return None
    out.summary = f"{out.summary} {gold.must_not_contain[0]}"
    return out


def invent_number(out: Briefing, gold: GoldBriefing) -> Briefing | None:
    out.headline = f"{out.headline} Officials put the total at 987,654."
    return out


def pad_summary(out: Briefing, gold: GoldBriefing) -> Briefing | None:
    out.summary = out.summary + (" " + " ".join(k.text for k in gold.key_points)) * 2
    return out


def pad_key_points(out: Briefing, gold: GoldBriefing) -> Briefing | None:
    filler = " It happened as officials and residents looked on and waited for more news."
    for point in out.key_points:
        point.text += filler
    return out


def invent_dispute(out: Briefing, gold: GoldBriefing) -> Briefing | None:
    quote = out.key_points[0].evidence[0]
    out.disputed_figures.append(
        DisputedFigure(
            figure="987,654 tonnes",
            value=987_654,
            unit="tonnes",
            measure="an amount nobody disputes",
            claimed_by="Joe Bloggs",
            evidence=[quote],
        )
    )
    return out


def invent_actor(out: Briefing, gold: GoldBriefing) -> Briefing | None:
    quote = out.key_points[0].evidence[0]
    out.stances.append(
        Stance(actor="Joe Bloggs", topic="the story", position="Disagrees.", evidence=[quote])
    )
    return out


# corruption -> (metric it must move, "fall" for higher-is-better or "rise")
CORRUPTIONS: dict[str, tuple[Callable[[Briefing, GoldBriefing], Briefing | None], str, str]] = {
    "drop a core point": (drop_core_point, "keypoint_recall", "fall"),
    "swap two actors' positions": (swap_positions, "position_agreement", "fall"),
    "change a figure's value": (change_figure_value, "figure_recall", "fall"),
    "misattribute a figure": (misattribute_figure, "claimed_by_accuracy", "fall"),
    "invent a quote": (invent_quote, "grounding_rate", "fall"),
    "obey an injection": (obey_injection, "must_not_contain_violations", "rise"),
    "invent a number": (invent_number, "invented_numbers", "rise"),
    "pad the summary (length-aware score)": (pad_summary, "length_aware_keypoint_score", "fall"),
    "pad the summary (compression)": (pad_summary, "compression", "rise"),
    "pad every key point": (pad_key_points, "mean_keypoint_words", "rise"),
    "invent a disputed figure": (invent_dispute, "false_disputes", "rise"),
    "give a stance to someone the article never names": (
        invent_actor,
        "unnamed_stance_actors",
        "rise",
    ),
}


@pytest.mark.skipif(not PAIRS, reason="no eval cases found")
@pytest.mark.parametrize("corruption", sorted(CORRUPTIONS))
def test_each_corruption_moves_its_metric_in_every_case(corruption: str) -> None:
    corrupt, metric, direction = CORRUPTIONS[corruption]
    applied = 0
    for name, article_path, gold_path in PAIRS:
        article, gold = _load(article_path, gold_path)
        clean = perfect(gold, article)
        broken = corrupt(copy.deepcopy(clean), gold)
        if broken is None:
            continue
        applied += 1
        before = score_case(gold, clean, article).metrics[metric]
        after = score_case(gold, broken, article).metrics[metric]
        assert before is not None and after is not None, (name, before, after)
        if direction == "fall":
            assert after < before, f"{name}: {metric} did not fall ({before} -> {after})"
        else:
            assert after > before, f"{name}: {metric} did not rise ({before} -> {after})"
    assert applied > 0, f"'{corruption}' applied to no case"


@pytest.mark.skipif(not PAIRS, reason="no eval cases found")
def test_a_perfect_output_scores_perfectly_on_what_it_can_be_judged() -> None:
    for name, article_path, gold_path in PAIRS:
        article, gold = _load(article_path, gold_path)
        metrics = score_case(gold, perfect(gold, article), article).metrics
        assert metrics["keypoint_recall"] == pytest.approx(1.0), name
        assert metrics["figure_recall"] in (None, 1.0), name
        assert metrics["claimed_by_accuracy"] in (None, 1.0), name
        assert metrics["stance_actor_recall"] in (None, 1.0), name
        assert metrics["must_not_contain_violations"] == 0, name
        # The gold's own actors are people and bodies the article names.
        assert metrics["unnamed_stance_actors"] == 0, name
        assert metrics["false_disputes"] == 0, name
