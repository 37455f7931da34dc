"""Doing two shares of one job at once: one here, one in a copy of this process made by ``fork()``.

Great Expectations spends seconds importing itself, then checks expectation after expectation
in Python. A second process would import it again; a copy made by ``fork()`` after the import has
it already, so on a machine with a second core the expectations can be checked in two halves at
once. Only the validator's own worker process does this (it runs nothing else, and the caller
gives the copy only pandas frames and GX: polars' thread pool does not survive a fork), and only
on Linux, where ``fork()`` is the system's own way of starting a process.

The copy cannot harm the run: it answers through a pipe with JSON, and if it fails, dies, or has
not answered long after this side finished its own share, it is killed and its share is done
here. It ends with ``os._exit`` (nothing of the parent's is flushed or cleaned twice) and dies
with its parent (``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import json
import os
import select
import signal
import sys
import time
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

#: How long the copy may take after this side finished its own share: at least MIN_WAIT, or
#: PATIENCE times what this side took, scaled by how much larger the caller expects the copy's
#: share to be (``ratio``).
MIN_WAIT = 30.0
PATIENCE = 4.0


def available() -> bool:
    """Whether a share can go to a forked copy here (Linux, a second core)."""
    return sys.platform == "linux" and hasattr(os, "fork") and (os.cpu_count() or 1) > 1


def share(
    mine: Callable[[], T], theirs: Callable[[], Any], *, ratio: float = 1.0, spent: float = 0.0,
) -> tuple[T, Any | None]:
    """``mine()`` here and ``theirs()`` in a forked copy, at once; ``theirs``' JSON value, or None if it failed.

    How long to wait for the copy: ``ratio`` is the copy's share over this side's, as the caller
    estimates it; ``spent``, seconds of this side's share the caller did before calling.
    """
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # Python 3.12+: fork of a process with threads
        pid = os.fork()
    if pid == 0:  # the copy: its answer, then out without running anything of the parent's at exit
        code = 1
        try:
            os.close(read_end)
            _die_with_parent()
            data = json.dumps(theirs()).encode("utf-8")
            view = memoryview(data)
            while view:
                view = view[os.write(write_end, view):]
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    answered = False
    try:
        started = time.monotonic()
        own = mine()
        took = spent + time.monotonic() - started
        deadline = time.monotonic() + max(MIN_WAIT, PATIENCE * max(ratio, 1.0) * took)
        data = _read_all(read_end, deadline)
        answered = data is not None
    finally:
        os.close(read_end)
        if not answered:
            _kill(pid)
        status = _reap(pid, time.monotonic() + 5)
    if data is None or status != 0:
        return own, None
    try:
        return own, json.loads(data)
    except ValueError:
        return own, None


def _read_all(fd: int, deadline: float) -> bytes | None:
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            return None
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _reap(pid: int, deadline: float) -> int | None:
    """The copy's exit code once it has ended (killed if it lingers), None if it was killed."""
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status) if not os.WIFSIGNALED(status) else None
        if time.monotonic() > deadline:
            _kill(pid)
            os.waitpid(pid, 0)
            return None
        time.sleep(0.005)


def _die_with_parent() -> None:
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - no libc to ask: the copy ends with its share
        pass
