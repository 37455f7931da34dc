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
nothing is raised later in code that was not budgeted. Without CPython's API (another
interpreter), the code runs without a budget.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class OutOfTime(BaseException):
    """Raised in code that ran out of its budget (see :func:`budget`)."""


def _ask(thread: int, exc: type[BaseException] | None) -> None:
    # None withdraws an exception asked for and not yet raised
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), ctypes.py_object(exc) if exc else None)


@contextmanager
def budget(seconds: float) -> Iterator[None]:
    """Run the block for at most ``seconds`` (then :class:`OutOfTime` is raised in it)."""
    if seconds <= 0 or not hasattr(ctypes, "pythonapi") or not hasattr(ctypes.pythonapi, "PyThreadState_SetAsyncExc"):
        yield
        return
    thread = threading.get_ident()
    lock = threading.Lock()
    state = {"armed": True, "asked": False}

    def expire() -> None:
        with lock:
            if state["armed"]:
                state["asked"] = True
                _ask(thread, OutOfTime)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["armed"] = False
            if state["asked"]:
                _ask(thread, None)
