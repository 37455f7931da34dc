"""The worker process of a validation run: which layer it takes, starting it, ending it.

Great Expectations spends about 3 s importing itself; with more than one layer to run, it (or,
without it, Frictionless) runs in a worker process of a ``concurrent.futures`` pool while the
others run in the calling process (``qantar.validate.run``).

This module imports nothing heavy (no polars), so the ``qantar validate`` program can start the
worker before it imports what its own layers need (:func:`reserve`): the worker's imports and the
program's then run at once on two cores, 0.2 s sooner. The run claims the reserved worker when it
was started for exactly its folder, layer and options (:func:`claim`), else starts its own.

A layer of :data:`SHARED_LAYERS` the run offers (:meth:`Worker.offer`) goes to whichever process is
free first: the worker takes it after its own layer unless the run has taken it back
(:meth:`Worker.take`), so neither process waits while the other still has work.

A worker never outlives its parent, however the parent ends: on Linux it asks the kernel for
SIGKILL when its parent dies (``prctl(PR_SET_PDEATHSIG)``, which works even while it is busy in C
code), and on every system a thread of the worker watches its parent and ends the worker when the
parent is gone. A parent that stops waiting (an error, Ctrl-C) stops the pool.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

#: Layers worth a process of their own: the first of these that runs goes to the worker.
WORKER_LAYERS = ("great_expectations", "frictionless")

#: Layers the run may hand to its worker when it is free first (``qantar validate --fast``: the
#: worker's Frictionless takes about as long as the consistency layer here, and pandera half that).
SHARED_LAYERS = ("pandera",)

#: What a worker is started for: folder, layer, skipped rules, fast, report folder.
Key = tuple[str, str, frozenset[str], bool, "str | None"]


@dataclass
class Worker:
    """A pool of one process, busy with one layer."""

    key: Key
    pool: ProcessPoolExecutor
    future: Future[Any]
    #: One semaphore per layer of SHARED_LAYERS, released once when the run offers that layer:
    #: whoever acquires it first (the worker, or the run taking it back) runs the layer.
    offers: tuple[Any, ...] = ()

    def offer(self, layer: str) -> None:
        """Let the worker run ``layer`` too, if it is free before the run takes it back."""
        self.offers[SHARED_LAYERS.index(layer)].release()

    def take(self, layer: str) -> bool:
        """True when ``layer`` (offered) is the run's to run after all: the worker has not taken it."""
        return self.offers[SHARED_LAYERS.index(layer)].acquire(block=False)

    def results(self) -> list[Any]:
        """The worker's results: its own layer's, then those of the offered layers it took."""
        done = self.future.result()
        return done if isinstance(done, list) else [done]

    def stop(self) -> None:
        """End the pool: at once if its layer is not done (nothing is left behind)."""
        done = self.future.done()
        # The pool keeps its processes private (and forgets them when it shuts down): the one
        # process of this pool is ended here so that an interrupted run leaves nothing behind even
        # when the calling program goes on.
        processes = list((getattr(self.pool, "_processes", None) or {}).values())
        self.pool.shutdown(wait=done, cancel_futures=True)
        if not done:
            for process in processes:
                process.kill()
                process.join(timeout=5)


#: The collector's thresholds in a process of the validator's own: the default (a young collection
#: every 700 new objects) made 290 collections in a ``qantar validate --fast`` of the real package,
#: 0.1 s of its 2 s, most of them over the objects of the libraries it imports, which live as long as
#: the process. Larger thresholds only make the rare cyclic garbage wait longer (at most about 50,000
#: objects more); 3 collections remain (0.035 s).
GC_THRESHOLDS = (50_000, 20, 20)


def fewer_collections() -> None:
    """Set :data:`GC_THRESHOLDS`; only for a process that runs the validator and ends (nothing else lives in it)."""
    gc.set_threshold(*GC_THRESHOLDS)


def offload(chosen: list[str], *, parallel: bool) -> str | None:
    """The layer of ``chosen`` a worker would take, or None when everything runs here."""
    layer = next((name for name in WORKER_LAYERS if name in chosen), None)
    if layer is None or not parallel or len(chosen) < 2 or (os.cpu_count() or 1) < 2 or not _can_start():
        return None
    return layer


def key(root: str | Path, layer: str, skip: frozenset[str], fast: bool, report_dir: str | Path | None) -> Key:
    return (str(root), layer, frozenset(skip), bool(fast), None if report_dir is None else str(report_dir))


#: Whether this process is the ``qantar validate`` program's own (set by ``qantar.cli.validate``):
#: its worker may then be a copy of it made by ``fork()`` (see :func:`_context`).
OWN_PROCESS = False


def start(of: Key) -> Worker | None:
    """A worker busy with ``of``'s layer, or None when no process can be started."""
    try:
        context = _context()
        offers = tuple(context.Semaphore(0) for _ in SHARED_LAYERS)
        pool = ProcessPoolExecutor(
            max_workers=1, mp_context=context, initializer=_tie_to_parent, initargs=(os.getpid(), offers),
        )
        return Worker(of, pool, pool.submit(_task, *of), offers)
    except OSError:  # no process can be started: the layer runs here
        return None


_reserved: Worker | None = None


def reserve(of: Key) -> None:
    """Start a worker for ``of`` now, for a run to :func:`claim` (the ``qantar validate`` program)."""
    global _reserved
    release()
    _reserved = start(of)


def claim(of: Key) -> Worker | None:
    """The reserved worker if it was started for ``of`` (it is then the caller's to stop), else None."""
    global _reserved
    found, _reserved = _reserved, None
    if found is not None and found.key != of:
        found.stop()
        return None
    return found


def release() -> None:
    """Stop a reserved worker no run claimed (the package could not be validated, or other options)."""
    global _reserved
    found, _reserved = _reserved, None
    if found is not None:
        found.stop()


#: The worker process's semaphores of the offered layers (``Worker.offers``), set when it starts.
_offers: tuple[Any, ...] = ()


def _task(root: str, layer: str, skip: frozenset[str], fast: bool, report_dir: str | None) -> list[Any]:
    """What the worker process runs: its layer on its own reading of the package, then each
    offered layer the run has not taken back; their results, in that order."""
    # imported here, in the worker: the parent that starts it need not have imported anything heavy
    from qantar.validate import engines
    from qantar.validate.inputs import Inputs
    from qantar.validate.layer import run_layer

    engines.OWN_PROCESS = True  # this process runs this one task and ends
    fewer_collections()
    inputs = Inputs(Path(root))
    results = [run_layer(layer, inputs, skip=skip, fast=fast, report_dir=report_dir, in_worker=True)]
    for name, offered in zip(SHARED_LAYERS, _offers):
        if offered.acquire(block=False):
            results.append(run_layer(name, inputs, skip=skip, fast=fast, report_dir=report_dir, in_worker=True))
    # The worker ends after its one task, and the run waits for it: its objects go back to the
    # system whole rather than through the collector's last passes (over a second with GX loaded).
    gc.freeze()
    return results


def _context() -> Any:
    """How the worker is started: a fresh interpreter (``spawn``), or, in the ``qantar validate``
    program on Linux before it has imported polars or started a thread, a copy of this process
    (``fork``): the copy has the interpreter and the modules already, and its semaphores need no
    resource tracker (a third Python process of ``spawn``): 0.1 s of CPU less on a run of 1.6 s.
    Polars' thread pool would not survive a fork, hence before polars; a library caller's process
    is never copied (its threads and state are not the validator's to duplicate)."""
    fork = (OWN_PROCESS and sys.platform == "linux" and "polars" not in sys.modules
            and threading.active_count() == 1)
    return get_context("fork" if fork else "spawn")


def _can_start() -> bool:
    """Whether a worker can be started at all (the interpreter the pool starts is there)."""
    from multiprocessing import spawn

    exe = spawn.get_executable()
    return bool(exe) and os.access(os.fsdecode(exe), os.X_OK)


def _tie_to_parent(parent: int, offers: tuple[Any, ...] = ()) -> None:
    """Make this worker end when ``parent`` ends (see the module's docstring); keep ``offers``."""
    global _offers
    _offers = offers
    if sys.platform == "linux":
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - no libc to ask; the watcher remains
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os.kill(os.getpid(), signal.SIGKILL)  # the parent is gone: nothing is left to report to

    if os.getppid() != parent:  # the parent ended before the worker started
        os.kill(os.getpid(), signal.SIGKILL)
    threading.Thread(target=watch, name="qantar-parent-watch", daemon=True).start()
