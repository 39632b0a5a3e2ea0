"""Dump every extractive briefing and grounding verdict of a fixed corpus, for diffing.

A speed-up must not change a single output. Run this before and after a change and
compare the two files (``cmp before.json after.json``):

- every ``evals/cases/*/article.*``, ``tests/extractive/articles/*.txt`` and
  ``tests/data/*/*`` briefed by ``summarize(..., engine="extractive")``, read from
  its path and as text, and as text cut at four places (its head and its tail);
- the bench's built articles of 300 to 50,000 words;
- every recorded model answer and flawed variant of the eval cases validated
  against its article (the grounding checks' verdict, or the briefing they pass).

Latency is left out; a refusal is recorded as its error's type and message.

Run: python bench/dump_extractive.py OUT.json
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer import summarize
from summarizer.checks.grounding import ArticleIndex
from summarizer.errors import SummarizerError
from summarizer.inputs.load import read_article
from summarizer.models import CONTEXT_KEY, Briefing

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extractive import SIZES, build, corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CUTS = (0.13, 0.37, 0.61, 0.83)


def briefed(article: str | Path) -> Any:
    """The result as JSON data without its latency, or the error that refused it."""
    try:
        result = summarize(article, engine="extractive")
    except SummarizerError as exc:
        return f"ERROR {type(exc).__name__}: {exc}"
    data = json.loads(result.model_dump_json())
    data.get("provenance", {}).pop("latency_s", None)
    return data


def verdict(answer: Any, text: str) -> Any:
    """The briefing the grounding checks pass, or the errors they give."""
    try:
        briefing = Briefing.model_validate(answer, context={CONTEXT_KEY: ArticleIndex(text)})
    except ValidationError as exc:
        return f"ERROR {exc.errors(include_url=False)!r}"
    return briefing.model_dump()


def answers(case: Path) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    if (case / "answer.json").exists():
        found.append(("answer", json.loads((case / "answer.json").read_text(encoding="utf-8"))))
    for variant in sorted(case.glob("variants/*.json")):
        data = json.loads(variant.read_text(encoding="utf-8"))
        for i, answer in enumerate(data.get("answers", [data])):
            found.append((f"{variant.stem}[{i}]", answer))
    return [(name, a.get("briefing", a) if "headline" not in a else a) for name, a in found]


OUT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path("extractive-dump.json")


def main() -> None:
    out: dict[str, Any] = {}
    os.chdir(ROOT)  # paths are read relative to the checkout, so sources compare equal
    paths = [
        *sorted(ROOT.glob("evals/cases/*/article.*")),
        *sorted(ROOT.glob("tests/extractive/articles/*.txt")),
        *sorted(ROOT.glob("tests/data/*/*")),
    ]
    for path in paths:
        name = str(path.relative_to(ROOT))
        text = path.read_text(encoding="utf-8")
        out[f"path:{name}"] = briefed(Path(name))
        out[f"text:{name}"] = briefed(text)
        for cut in CUTS:
            at = int(len(text) * cut)
            out[f"head{cut}:{name}"] = briefed(text[:at])
            out[f"tail{cut}:{name}"] = briefed(text[at:])
    texts = corpus()
    for size in SIZES:
        out[f"bench:{size}"] = briefed(build(size, texts))
    for case in sorted(ROOT.glob("evals/cases/*")):
        articles = sorted(case.glob("article.*"))
        if not articles:
            continue
        text = read_article(articles[0]).text
        for name, answer in answers(case):
            out[f"validate:{case.name}:{name}"] = verdict(answer, text)
    Path(OUT).write_text(json.dumps(out, indent=1, sort_keys=True), encoding="utf-8")
    refused = sum(1 for v in out.values() if isinstance(v, str))
    print(f"{len(out)} entries, {refused} refused")


if __name__ == "__main__":
    main()
