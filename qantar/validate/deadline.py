"""A time budget for Python code: ``with budget(seconds): ...`` stops the code in it when the budget runs out.

The consistency layer's Python rules are plain loops over a package's rows, and some cost what the
package makes them cost (a quote searched for in a large article, once per row). A flag they would
have to read is easy to forget in the next rule, so the budget comes from outside: a timer thread
asks CPython to raise :class:`OutOfTime` in the thread running the rule
(``PyThreadState_SetAsyncExc``, the interpreter's API for exactly this). The exception arrives
between two bytecodes: a single long call into C finishes first, and every such call of a rule is
bounded by the size of one file.

:class:`OutOfTime` is a ``BaseException``, so a rule's own ``except Exception`` does not swallow
it. An exception asked for just as the code finished is withdrawn before the block is left, so
nothing is raised later in code that was not budgeted. One watchdog thread serves every budget. Without CPython's API (another
interpreter), the code runs without a budget.
"""

from __future__ import annotations

import ctypes
import heapq
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class OutOfTime(BaseException):
    """Raised in code that ran out of its budget (see :func:`budget`)."""


def _ask(thread: int, exc: type[BaseException] | None) -> None:
    # None withdraws an exception asked for and not yet raised
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), ctypes.py_object(exc) if exc else None)


class _Watchdog:
    """One thread for every budget of the process: a budget is a deadline handed to it, not a thread of its own.
    Starting a thread waits until the new thread runs, which on a busy machine (the SQL rules and another
    process on the other core) cost milliseconds per rule, about a second for the 78 rules of the real data."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._due: list[tuple[float, int, dict]] = []  # (deadline, order, state), a heap
        self._order = 0
        self._thread: threading.Thread | None = None

    def add(self, seconds: float, state: dict) -> None:
        with self._cond:
            self._order += 1
            heapq.heappush(self._due, (time.monotonic() + seconds, self._order, state))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="qantar-budget", daemon=True)
                self._thread.start()
            self._cond.notify()

    def _run(self) -> None:
        with self._cond:
            while True:
                while self._due and not self._due[0][2]["armed"]:
                    heapq.heappop(self._due)  # a budget whose block is done
                if not self._due:
                    self._cond.wait()
                    continue
                left = self._due[0][0] - time.monotonic()
                if left > 0:
                    self._cond.wait(left)
                    continue
                _, _, state = heapq.heappop(self._due)
                with state["lock"]:
                    if state["armed"]:
                        state["fired"] = True
                        state["fire"]()


_WATCHDOG = _Watchdog()


def _after_fork() -> None:
    # a forked child has no watchdog thread, and its lock may have been copied held: a new one
    global _WATCHDOG
    _WATCHDOG = _Watchdog()


os.register_at_fork(after_in_child=_after_fork)


@contextmanager
def alarm(seconds: float, action: Callable[[], None]) -> Iterator[dict]:
    """Call ``action`` (in the watchdog thread) once ``seconds`` have passed, unless the block is left first.
    Yields the alarm's state: ``state["fired"]`` says whether it went off."""
    state: dict = {"armed": True, "fired": False, "lock": threading.Lock(), "fire": action}
    _WATCHDOG.add(seconds, state)
    try:
        yield state
    finally:
        with state["lock"]:
            state["armed"] = False


@contextmanager
def budget(seconds: float) -> Iterator[None]:
    """Run the block for at most ``seconds`` (then :class:`OutOfTime` is raised in it)."""
    if seconds <= 0 or not hasattr(ctypes, "pythonapi") or not hasattr(ctypes.pythonapi, "PyThreadState_SetAsyncExc"):
        yield
        return
    thread = threading.get_ident()
    with alarm(seconds, lambda: _ask(thread, OutOfTime)) as state:
        try:
            yield
        finally:
            with state["lock"]:
                state["armed"] = False
                if state["fired"]:
                    _ask(thread, None)  # asked for just as the block finished: withdrawn, never raised later
