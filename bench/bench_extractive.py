"""Throughput of the extractive engine, from a 300-word article to a 50,000-word one.

Prints articles per second and microseconds per word at each size, and the ratio
of the time per word at the largest size to the smallest: about 1 means the cost
grows linearly with the length of the article.

Run: python bench/bench_extractive.py
"""

from __future__ import annotations

import time
from pathlib import Path

from summarizer.extractive import brief_extractive

ARTICLES = Path(__file__).resolve().parent.parent / "tests" / "extractive" / "articles"
SIZES = (300, 700, 2_000, 10_000, 50_000)
MIN_SECONDS = 1.0


def corpus() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]


def build(words: int, texts: list[str]) -> str:
    """An article of about ``words`` words: paragraphs of the fiction articles, varied."""
    paragraphs = [p for text in texts for p in text.split("\n\n") if p.strip()]
    out: list[str] = []
    count = 0
    round_ = 0
    while count < words:
        for i, paragraph in enumerate(paragraphs):
            # Vary the numbers so repeated paragraphs are not identical.
            varied = paragraph.replace("0", str((i + round_) % 10)) if round_ else paragraph
            out.append(varied)
            count += len(varied.split())
            if count >= words:
                break
        round_ += 1
    return "\n\n".join(out)


def measure(text: str) -> tuple[float, int]:
    """Seconds per briefing of ``text``, and the number of briefings timed."""
    runs = 0
    started = time.perf_counter()
    while True:
        brief_extractive(text)
        runs += 1
        elapsed = time.perf_counter() - started
        if elapsed >= MIN_SECONDS and runs >= 3:
            return elapsed / runs, runs


def main() -> None:
    texts = corpus()
    brief_extractive(texts[0])  # warm up imports and regex caches
    per_word: dict[int, float] = {}
    print(f"{'words':>8} {'articles/s':>12} {'us/word':>9} {'runs':>6}")
    for size in SIZES:
        text = build(size, texts)
        words = len(text.split())
        seconds, runs = measure(text)
        per_word[size] = seconds / words * 1e6
        print(f"{words:>8} {1 / seconds:>12.1f} {per_word[size]:>9.2f} {runs:>6}")
    ratio = per_word[SIZES[-1]] / per_word[SIZES[0]]
    print(f"time per word, {SIZES[-1]:,} vs {SIZES[0]:,} words: {ratio:.2f}x")


if __name__ == "__main__":
    main()
