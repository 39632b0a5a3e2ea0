"""Throughput of the extractive engine through the public API, 300 to 50,000 words.

Each article goes through ``summarizer.summarize(text, engine="extractive")``, as a
caller's would: the text read as an article, briefed by rules, and the briefing
validated against the article. Prints articles per second and microseconds per
word at each size, and the ratio of the time per word at the largest size to the
smallest: about 1 means the cost grows linearly with the length of the article.

Each size briefs VARIANTS different articles in turn: the injection search keeps
its answer for the last few article texts, so timing one article over and over
measured the cache and one easy article, not the work a user's distinct articles
need (about 40% faster at 700 words, some 15% of it the cache).

Timing is the best of many short rounds, in CPU time of this process: on a
shared machine the wall clock also counts other people's work. The machine's
load average is printed beside the figures, since on a busy machine even CPU
time runs slower (caches and cores are shared). Issue 14's target: at least 150
articles a second at 700 words.

Run: python bench/bench_extractive.py
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from summarizer import summarize

ARTICLES = Path(__file__).resolve().parent.parent / "tests" / "extractive" / "articles"
SIZES = (300, 700, 2_000, 10_000, 50_000)
# Each size is timed for SECONDS in rounds of ROUND_SECONDS; the best round counts.
SECONDS = 3.0
ROUND_SECONDS = 0.1
# Distinct articles briefed in turn at each size: more than any article cache holds.
VARIANTS = 8


def corpus() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]


def build(words: int, texts: list[str], variant: int = 0) -> str:
    """An article of about ``words`` words: paragraphs of the fiction articles, varied.

    Each ``variant`` starts at another paragraph, so variants are different articles.
    """
    paragraphs = [p for text in texts for p in text.split("\n\n") if p.strip()]
    shift = variant * 7 % len(paragraphs)
    paragraphs = paragraphs[shift:] + paragraphs[:shift]
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


def measure(texts: list[str]) -> tuple[float, float, int]:
    """Best CPU and wall seconds per briefing over short rounds, and the runs.

    The briefings take ``texts`` in turn: distinct articles, as a user's are, so no
    cache keyed by an article's text (the injection search keeps the last few)
    answers a repeat.
    """
    best_cpu = best_wall = float("inf")
    total = 0
    deadline = time.perf_counter() + SECONDS
    while time.perf_counter() < deadline or total < 3:
        runs = 0
        cpu, wall = time.process_time(), time.perf_counter()
        while runs == 0 or time.perf_counter() - wall < ROUND_SECONDS:
            summarize(texts[(total + runs) % len(texts)], engine="extractive")
            runs += 1
        best_cpu = min(best_cpu, (time.process_time() - cpu) / runs)
        best_wall = min(best_wall, (time.perf_counter() - wall) / runs)
        total += runs
    return best_cpu, best_wall, total


def main() -> None:
    texts = corpus()
    summarize(texts[0], engine="extractive")  # warm up imports and regex caches
    per_word: dict[int, float] = {}
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'words':>8} {'articles/s':>11} {'(wall)':>8} {'us/word':>9} {'runs':>6}")
    for size in SIZES:
        variants = [build(size, texts, v) for v in range(VARIANTS)]
        words = round(sum(len(t.split()) for t in variants) / VARIANTS)
        cpu, wall, runs = measure(variants)
        per_word[size] = cpu / words * 1e6
        print(f"{words:>8} {1 / cpu:>11.1f} {1 / wall:>8.1f} {per_word[size]:>9.2f} {runs:>6}")
    ratio = per_word[SIZES[-1]] / per_word[SIZES[0]]
    print(f"time per word, {SIZES[-1]:,} vs {SIZES[0]:,} words: {ratio:.2f}x")


if __name__ == "__main__":
    main()
