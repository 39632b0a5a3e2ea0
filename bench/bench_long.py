"""Long articles: requests and time as the article grows (map-reduce over parts).

Briefs articles of 5,000 to 80,000 words through the loopback server (answers
generated per part, zero server latency) and prints parts, requests, the median
seconds of five runs and milliseconds per 1,000 words, then the ratio of time
per word at the largest size to the smallest, and to the smallest with parts to
merge (the one-part article skips the merge and its check against the whole
text): about 1 means cost grows linearly with length.

Run: python bench/bench_long.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from long_article import answer_for, long_article, part_from_request  # noqa: E402
from summarizer import Summarizer  # noqa: E402
from summarizer.testing.loopback import LoopbackServer, RecordedRequest, Reply  # noqa: E402

SIZES = (5_000, 10_000, 20_000, 40_000, 80_000)
RUNS = 5


def serve(request: RecordedRequest) -> Reply:
    assert request.body is not None
    return Reply.answer(answer_for(part_from_request(request.body)))


def main() -> None:
    print(f"{'words':>7} {'parts':>6} {'requests':>9} {'seconds':>8} {'ms/1k words':>12}")
    per_word = {}
    with LoopbackServer(models=("m",), fallback=serve) as server:
        with Summarizer.from_env({}, base_url=server.base_url, model="m") as s:
            s.summarize(long_article(2_000))  # warm up
            for words in SIZES:
                text = long_article(words)
                times = []
                for _ in range(RUNS):
                    before = len(server.requests)
                    started = time.perf_counter()
                    result = s.summarize(text)
                    times.append(time.perf_counter() - started)
                    requests = len(server.requests) - before
                elapsed = statistics.median(times)
                per_word[words] = elapsed / words
                print(
                    f"{words:>7} {result.provenance.parts:>6} {requests:>9} {elapsed:>8.3f}"
                    f" {1e6 * per_word[words]:>12.1f}"
                )
    ratio = per_word[SIZES[-1]] / per_word[SIZES[0]]
    merged = per_word[SIZES[-1]] / per_word[SIZES[1]]
    print(
        f"time per word, {SIZES[-1]:,} vs {SIZES[0]:,} words: {ratio:.2f}x; "
        f"vs {SIZES[1]:,} (the smallest in parts): {merged:.2f}x"
    )


if __name__ == "__main__":
    main()
