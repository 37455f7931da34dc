"""The time budget of Python code (qantar.validate.deadline): code that overruns is stopped, code
that finishes is left alone, and nothing is raised after a block has been left."""

from __future__ import annotations

import threading
import time

import pytest

from qantar.validate.deadline import OutOfTime, budget


def _spin(seconds: float) -> int:
    n, end = 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        n += 1
    return n


def test_code_that_overruns_is_stopped() -> None:
    started = time.perf_counter()
    with pytest.raises(OutOfTime), budget(0.2):
        _spin(60)
    assert time.perf_counter() - started < 30  # stopped, not run to its end


def test_a_rule_that_catches_every_exception_is_stopped_all_the_same() -> None:
    caught = []
    with pytest.raises(OutOfTime), budget(0.2):
        for _ in range(10_000_000):
            try:
                _spin(0.01)
            except Exception as exc:  # what a careless rule does
                caught.append(exc)
    assert caught == []


def test_code_that_finishes_is_left_alone_and_nothing_leaks_after_the_block() -> None:
    # budgets close to the work they bound: the timer fires around the block's end in some rounds,
    # and its exception must then be raised inside the block or withdrawn, never later
    stopped = finished = 0
    for i in range(300):
        try:
            with budget(0.001 + (i % 5) * 0.0005):
                _spin(0.001 + (i % 7) * 0.0003)
            finished += 1
        except OutOfTime:
            stopped += 1
        _spin(0.003)  # an exception left pending would surface here, outside any handler
    assert stopped + finished == 300 and finished > 0


def test_a_budget_in_another_thread_stops_that_thread_only() -> None:
    seen: list[str] = []

    def worker() -> None:
        try:
            with budget(0.2):
                _spin(60)
            seen.append("finished")
        except OutOfTime:
            seen.append("stopped")

    t = threading.Thread(target=worker)
    t.start()
    with budget(30):
        _spin(0.5)  # this thread's own block, with a budget of its own, is not disturbed
    t.join(30)
    assert seen == ["stopped"]


def test_no_budget_means_none() -> None:
    with budget(0):
        assert _spin(0.05) > 0
