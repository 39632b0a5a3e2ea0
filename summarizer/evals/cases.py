"""Eval cases on disk.

A case is a folder ``<cases>/<id>/`` holding:

- ``article.txt`` or ``article.html``: the article as a user would pass it; or
  ``article.ref``, a path (relative to the case) to an article that may not be
  redistributed: a *reference* case, scored when the file is present, kept out
  of the aggregates, and never recorded (a recording would copy the article);
- ``gold.yaml``: the hand-written gold briefing (``summarizer.evals.gold``);
- ``answer.json``: the hand-written answer a strong model would give, served by
  the loopback server when recording without a live model (optional);
- ``variants/<name>.json``: flawed model runs, ``{"flaw": ..., "answers": [...]}``;
- ``recorded/<run>.yaml``: cassettes of LLM runs, ``answer`` and one per variant;
- ``recorded-<set>/answer.yaml``: the main run recorded into another recording set
  (``summarizer.evals.recordings``), e.g. from a small local model.

A real-news case (gold tag ``real-news``) has no hand-written answer: its LLM run
is scored only where someone recorded one from a model, and a missing recording
is not a failure. Which set a case belongs to is ``summarizer.evals.sets``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.errors import CaseUnavailable, GoldFileError, InputError
from summarizer.evals.gold import GoldBriefing, load_gold
from summarizer.evals.recordings import MAIN, RecordingSet
from summarizer.evals.sets import is_real_news, set_of
from summarizer.inputs.article import Article
from summarizer.inputs.load import read_article

MAIN_RUN = "answer"


@dataclass(frozen=True)
class Variant:
    """A flawed model run kept to show the metrics catch its flaw.

    Attributes:
        name: The variant's name (file stem), e.g. ``misattributed_stance``.
        flaw: What is wrong with it, in one line.
        answers: The model's answers in order (a re-asked run has several).
    """

    name: str
    flaw: str
    answers: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Case:
    """One eval case.

    Attributes:
        id: The folder name.
        path: The folder.
        article: The loaded (clean) article.
        gold: The gold briefing.
        answer: The hand-written model answer, when present.
        variants: Flawed runs by name.
        reference: The article lives outside the repository (``article.ref``).
    """

    id: str
    path: Path
    article: Article
    gold: GoldBriefing
    answer: dict[str, Any] | None = None
    variants: dict[str, Variant] = field(default_factory=dict)
    reference: bool = False

    @property
    def tags(self) -> list[str]:
        """The gold's tags."""
        return list(self.gold.tags)

    @property
    def eval_set(self) -> str | None:
        """The set the case is reported in (``summarizer.evals.sets``); None for the reference."""
        return set_of(self.gold.tags, reference=self.reference)

    @property
    def real_news(self) -> bool:
        """The case is a real-news article (either split)."""
        return is_real_news(self.eval_set)

    def recording(self, run: str, recording_set: RecordingSet = MAIN) -> Path:
        """The cassette of run ``run`` (``answer`` or a variant name) in ``recording_set``."""
        return self.path / recording_set.folder / f"{run}.yaml"

    def recorded_in(self, recording_set: RecordingSet) -> bool:
        """The case's main run has a cassette in ``recording_set``."""
        return self.recording(MAIN_RUN, recording_set).is_file()

    def runs(self) -> list[str]:
        """The LLM runs this case has: the main answer, then each variant.

        A reference case has an LLM run only where someone recorded one locally, and
        a real-news case only where one was recorded from a model: neither has a
        hand-written answer to record, so a missing recording is no failure.
        """
        if self.reference:
            return [MAIN_RUN] if self.recording(MAIN_RUN).is_file() else []
        if self.real_news:
            runs = [MAIN_RUN, *sorted(self.variants)]
            return [run for run in runs if self.recording(run).is_file()]
        return [MAIN_RUN, *sorted(self.variants)]


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc


def load_case(path: Path) -> Case:
    """Load the case in folder ``path``.

    Raises:
        InputError: The article or an answer file is missing or unreadable.
        GoldFileError: The gold file breaks the gold schema.
    """
    reference = (path / "article.ref").is_file()
    if reference:
        target = (path / (path / "article.ref").read_text(encoding="utf-8").strip()).resolve()
        if not target.is_file():
            raise CaseUnavailable(f"reference case {path.name}: its article {target} is not here")
        articles = [target]
    else:
        articles = [p for p in (path / "article.txt", path / "article.html") if p.is_file()]
    if not articles:
        raise InputError(f"eval case {path} has no article.txt, article.html or article.ref")
    gold_path = path / "gold.yaml"
    if not gold_path.is_file():
        raise GoldFileError(str(gold_path), None, "missing")
    answer_path = path / "answer.json"
    answer = _json(answer_path) if answer_path.is_file() else None
    variants = {}
    for file in sorted((path / "variants").glob("*.json")):
        data = _json(file)
        if not isinstance(data, dict) or not isinstance(data.get("answers"), list):
            raise InputError(f"{file}: expected {{'flaw': str, 'answers': [briefing, ...]}}")
        variants[file.stem] = Variant(file.stem, str(data.get("flaw", "")), tuple(data["answers"]))
    return Case(
        id=path.name,
        path=path,
        article=read_article(articles[0]),
        gold=load_gold(gold_path),
        answer=answer,
        variants=variants,
        reference=reference,
    )


def load_cases(
    directory: Path, only: list[str] | None = None, skipped: list[str] | None = None
) -> list[Case]:
    """Load every case under ``directory`` (or only the ids in ``only``), sorted by id.

    Args:
        directory: The cases folder.
        only: Case ids to keep.
        skipped: Collects why a reference case was left out (its article is absent).

    Raises:
        InputError: The folder is missing, holds no case, or an id in ``only`` is unknown.
    """
    if not directory.is_dir():
        raise InputError(f"eval cases folder {directory} does not exist")
    folders = sorted(p for p in directory.iterdir() if (p / "gold.yaml").is_file())
    if only:
        unknown = sorted(set(only) - {p.name for p in folders})
        if unknown:
            raise InputError(f"unknown eval case(s): {', '.join(unknown)}")
        folders = [p for p in folders if p.name in only]
    if not folders:
        raise InputError(f"no eval cases (folders with gold.yaml) under {directory}")
    cases = []
    for folder in folders:
        try:
            cases.append(load_case(folder))
        except CaseUnavailable as exc:
            if skipped is not None:
                skipped.append(str(exc))
    if not cases:
        raise InputError(f"no eval case under {directory} could be loaded")
    return cases
