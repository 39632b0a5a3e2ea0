"""Eval cases on disk.

A case is a folder ``<cases>/<id>/`` holding:

- ``article.txt`` or ``article.html``: the article as a user would pass it;
- ``gold.yaml``: the hand-written gold briefing (``summarizer.gold``);
- ``answer.json``: the hand-written answer a strong model would give, served by
  the loopback server when recording without a live model (optional);
- ``variants/<name>.json``: flawed model runs, ``{"flaw": ..., "answers": [...]}``;
- ``recorded/<run>.yaml``: cassettes of LLM runs, ``answer`` and one per variant.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.article import Article, read_article
from summarizer.errors import GoldFileError, InputError
from summarizer.gold import GoldBriefing, load_gold

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
    """

    id: str
    path: Path
    article: Article
    gold: GoldBriefing
    answer: dict[str, Any] | None = None
    variants: dict[str, Variant] = field(default_factory=dict)

    @property
    def tags(self) -> list[str]:
        """The gold's tags."""
        return list(self.gold.tags)

    def recording(self, run: str) -> Path:
        """The cassette of run ``run`` (``answer`` or a variant name)."""
        return self.path / "recorded" / f"{run}.yaml"

    def runs(self) -> list[str]:
        """The LLM runs this case has: the main answer, then each variant."""
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
    articles = [p for p in (path / "article.txt", path / "article.html") if p.is_file()]
    if not articles:
        raise InputError(f"eval case {path} has no article.txt or article.html")
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
    )


def load_cases(directory: Path, only: list[str] | None = None) -> list[Case]:
    """Load every case under ``directory`` (or only the ids in ``only``), sorted by id.

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
    return [load_case(p) for p in folders]
