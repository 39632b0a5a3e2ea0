"""The shared rate gate: one 429 holds every worker."""

from __future__ import annotations

import asyncio

import httpx2

from summarizer.batch.gate import GatedTransport, RateGate, retry_after


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


async def test_a_pause_holds_every_waiting_worker_until_it_ends() -> None:
    t = FakeTime()
    gate = RateGate(clock=t.clock, sleep=t.sleep)
    await gate.wait()
    assert t.slept == []  # open: nobody waits
    gate.pause(5.0)
    released: list[float] = []

    async def worker() -> None:
        await gate.wait()
        released.append(t.now)

    await asyncio.gather(*(worker() for _ in range(3)))
    assert len(released) == 3 and all(when >= 105.0 for when in released)


async def test_a_second_429_during_a_pause_extends_it() -> None:
    t = FakeTime()
    gate = RateGate(clock=t.clock, sleep=t.sleep)
    gate.pause(2.0)

    async def push() -> None:
        gate.pause(10.0)  # runs while wait() sleeps its first 2 s

    await asyncio.gather(gate.wait(), push())
    assert t.now == 112.0 and t.slept == [2.0, 10.0]
    assert gate.pauses == 2


def test_pauses_are_capped_and_default_when_the_server_gives_no_hint() -> None:
    t = FakeTime()
    gate = RateGate(clock=t.clock, sleep=t.sleep, default_pause=1.5, max_pause=30.0)
    gate.pause(None)
    assert gate._open_at == 101.5
    gate.pause(3600.0)
    assert gate._open_at == 130.0


def test_retry_after_reads_milliseconds_seconds_and_dates() -> None:
    assert retry_after(httpx2.Headers({"retry-after-ms": "250"})) == 0.25
    assert retry_after(httpx2.Headers({"retry-after": "3"})) == 3.0
    assert retry_after(httpx2.Headers({"retry-after": "soon"})) is None
    assert retry_after(httpx2.Headers({})) is None
    date = httpx2.Headers({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"})
    assert retry_after(date) == 0.0  # in the past


async def test_the_transport_pauses_the_gate_on_a_429_only() -> None:
    t = FakeTime()
    gate = RateGate(clock=t.clock, sleep=t.sleep)
    statuses = iter([429, 200])

    def handler(request: httpx2.Request) -> httpx2.Response:
        status = next(statuses)
        return httpx2.Response(status, headers={"retry-after": "4"} if status == 429 else {})

    transport = GatedTransport(httpx2.MockTransport(handler), gate)
    async with httpx2.AsyncClient(transport=transport) as client:
        assert (await client.get("http://model.test/")).status_code == 429
        assert (await client.get("http://model.test/")).status_code == 200
    assert t.slept == [4.0]
