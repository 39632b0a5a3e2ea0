"""Time to replay and score the eval, and how it grows with the number of cases.

Replays every committed case (LLM from its recordings, extractive engine live),
then subsets of 1, 2, 4, ... cases, and prints the time per case and per run
(one engine on one case, or one flawed variant) at each size. A flat time per
run means the eval grows linearly with the work it is given.

Run: python bench/bench_eval.py
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from summarizer.evals.cases import load_cases
from summarizer.evals.harness import evaluate

CASES = Path(__file__).resolve().parent.parent / "evals" / "cases"


def main() -> None:
    # instructor logs each rejected attempt of the flawed runs; the bench needs none of it.
    logging.getLogger("instructor").setLevel(logging.CRITICAL)
    # The reference case has no recorded LLM run, so it would skew the per-run figure.
    cases = [c for c in load_cases(CASES) if not c.reference]
    evaluate(cases[:1])  # warm up imports
    # From 2 cases up: the first case alone (no flawed variants) is not typical.
    sizes = sorted({min(2**k, len(cases)) for k in range(1, len(cases).bit_length() + 1)})
    print(f"{'cases':>6} {'runs':>6} {'seconds':>9} {'ms/case':>9} {'ms/run':>8}")
    per_run = {}
    for size in sizes:
        subset = cases[:size]
        runs = sum(1 + len(c.runs()) for c in subset)
        started = time.perf_counter()
        evaluate(subset)
        elapsed = time.perf_counter() - started
        per_run[size] = elapsed / runs
        print(
            f"{size:>6} {runs:>6} {elapsed:>9.3f} {1000 * elapsed / size:>9.1f}"
            f" {1000 * per_run[size]:>8.1f}"
        )
    smallest, largest = min(per_run), max(per_run)
    ratio = per_run[largest] / per_run[smallest]
    print(f"time per run at {largest} cases / at {smallest}: {ratio:.2f}")


if __name__ == "__main__":
    main()
