"""Time to replay and score the eval, and how it grows with the number of cases.

First the total time of one full eval, as ``summarizer eval`` runs it: every case
of every set (fiction, real news, validation, and the reference case when its
article is here), the LLM replayed from its recordings, the extractive engine
live, then every report rendered. It must stay under a minute (CI runs it).

Then subsets of 1, 2, 4, ... cases, with the time per case and per run (one
engine on one case, or one flawed variant) at each size. A flat time per run
means the eval grows linearly with the work it is given.

Run: python bench/bench_eval.py
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from summarizer.evals.cases import load_cases
from summarizer.evals.harness import ENGINES, evaluate, steps
from summarizer.evals.report import html_page, markdown, to_json_text

CASES = Path(__file__).resolve().parent.parent / "evals" / "cases"
# The whole eval, fiction and real news, must finish within this on a developer machine.
BUDGET_S = 60.0


def full_run() -> None:
    """Time one full eval from loading the cases to the last report, as the CLI does it."""
    started = time.perf_counter()
    cases = load_cases(CASES)
    report = evaluate(cases, ENGINES)
    to_json_text(report), markdown(report), html_page(report)
    elapsed = time.perf_counter() - started
    members = report.sets()
    counts = ", ".join(f"{name} {len(ids)}" for name, ids in members.items())
    reference = sum(1 for c in cases if c.reference)
    print(
        f"full eval: {len(cases)} cases ({counts}, reference {reference}), "
        f"{steps(cases, ENGINES)} runs, {elapsed:.2f} s total "
        f"({'within' if elapsed < BUDGET_S else 'OVER'} the {BUDGET_S:.0f} s budget)"
    )


def main() -> None:
    # instructor logs each rejected attempt of the flawed runs; the bench needs none of it.
    logging.getLogger("instructor").setLevel(logging.CRITICAL)
    full_run()
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
