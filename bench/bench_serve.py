"""Load test of ``summarizer serve``: 200 clients for 30 s, the offline engine, loopback only.

Starts ``summarizer serve --no-auth --engine extractive`` (one worker, no rate
limits) on 127.0.0.1 with a temporary data directory, then runs CLIENTS clients
that each keep one HTTP/1.1 connection and POST articles (the fiction eval
cases, in turn) as fast as they are answered, for DURATION seconds. Prints
requests per second, p50 and p99 latency, errors (target 0), and the ratio of
the service's throughput to the same briefings made in process, one after
another (read the text, brief it, render the JSON: target at least 0.7 with one
worker). Every briefing the service makes is also stored, as it would be in use.

The clients speak raw HTTP/1.1 over asyncio streams: an HTTP library's own cost
would be charged to the service, on a machine where client and server share the
cores.

Run: python bench/bench_serve.py [--clients 200] [--duration 30]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from summarizer.api import Summarizer
from summarizer.inputs.article import article_from_text
from summarizer.render import render_briefing

CASES = Path(__file__).resolve().parent.parent / "evals" / "cases"
CLIENTS = 200
DURATION = 30.0
BASELINE_SECONDS = 10.0
REQUEST_TIMEOUT = 60.0
MAX_REQUESTS = 1_000_000  # a bound on the count, whatever the speed


def articles() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CASES.glob("*/article.txt"))]


def in_process(texts: list[str], seconds: float) -> float:
    """Briefings per second made in this process, one after another."""
    done = 0
    with Summarizer.from_env({}, engine="extractive") as summarizer:
        started = time.perf_counter()
        while time.perf_counter() - started < seconds:
            article = article_from_text(texts[done % len(texts)])
            render_briefing(summarizer.summarize(article), "json", provenance=True)
            done += 1
        return done / (time.perf_counter() - started)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(home: Path, port: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env["SUMMARIZER_HOME"] = str(home)
    args = [
        sys.executable,
        "-m",
        "summarizer",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-auth",
        "--engine",
        "extractive",
        "--workers",
        "1",
        "--rate-limit",
        "0",
        "--concurrency-limit",
        "0",
        "--log-level",
        "warning",
    ]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"the server did not start: {proc.communicate()[1].decode()}")


def requests_for(texts: list[str], port: int) -> list[bytes]:
    out = []
    for text in texts:
        body = json.dumps({"text": text}).encode()
        head = (
            f"POST /v1/briefings HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        out.append(head + body)
    return out


async def read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


@dataclass
class Outcome:
    latencies: list[float]
    errors: dict[str, int]
    elapsed: float


async def load(port: int, payloads: list[bytes], clients: int, duration: float) -> Outcome:
    latencies: list[float] = []
    errors: dict[str, int] = {}
    stop_at = time.perf_counter() + duration
    sent = 0

    async def client(n: int) -> None:
        nonlocal sent
        reader = writer = None
        i = n
        while time.perf_counter() < stop_at and sent < MAX_REQUESTS:
            if writer is None:
                try:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                except OSError as exc:
                    errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                    await asyncio.sleep(0.1)
                    continue
            assert reader is not None
            sent += 1
            started = time.perf_counter()
            try:
                writer.write(payloads[i % len(payloads)])
                status = await asyncio.wait_for(read_response(reader), REQUEST_TIMEOUT)
            except (TimeoutError, OSError, asyncio.IncompleteReadError) as exc:
                errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                writer.close()
                reader = writer = None
                continue
            if status == 201:
                latencies.append(time.perf_counter() - started)
            else:
                errors[f"HTTP {status}"] = errors.get(f"HTTP {status}", 0) + 1
            i += clients
        if writer is not None:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    elapsed = time.perf_counter() - started
    return Outcome(latencies, errors, elapsed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=CLIENTS)
    parser.add_argument("--duration", type=float, default=DURATION)
    args = parser.parse_args()
    texts = articles()
    print(f"{len(texts)} articles, {args.clients} clients, {args.duration:g} s, one worker")
    # The same briefings in process, before and after the load, averaged: a machine
    # shared with other work drifts over a minute, and the ratio should not.
    before = in_process(texts, BASELINE_SECONDS / 2)
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as home:
        port = free_port()
        server = start_server(Path(home), port)
        try:
            result = asyncio.run(load(port, requests_for(texts, port), args.clients, args.duration))
        finally:
            server.terminate()
            server.wait(60)
    after = in_process(texts, BASELINE_SECONDS / 2)
    baseline = (before + after) / 2
    print(
        f"in process: {baseline:.1f} briefings/s one after another ({before:.1f} before, "
        f"{after:.1f} after)"
    )
    latencies = sorted(result.latencies)
    errors, elapsed = result.errors, result.elapsed
    rate = len(latencies) / elapsed
    p50 = statistics.median(latencies) if latencies else float("nan")
    p99 = latencies[int(0.99 * (len(latencies) - 1))] if latencies else float("nan")
    print(f"service: {len(latencies)} briefings in {elapsed:.1f} s = {rate:.1f} requests/s")
    print(f"latency: p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms")
    print(f"errors: {sum(errors.values())} {errors if errors else ''}".rstrip())
    ratio = rate / baseline
    verdict = "ok" if ratio >= 0.7 and not errors else "BELOW TARGET"
    print(f"service / in process: {ratio:.2f} (target >= 0.7, errors 0): {verdict}")


if __name__ == "__main__":
    main()
