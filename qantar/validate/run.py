"""Running the layers: in order, one of them in a worker process when that saves time.

Great Expectations spends about 3 s importing itself; with more than one layer to run, it (or,
without it, Frictionless) runs in a worker process of a ``concurrent.futures`` pool while the
others run here, so a full run costs about as much as Great Expectations alone. The report is
the same either way (``parallel=False`` runs everything here, one layer after the other).

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
from multiprocessing import get_context
from pathlib import Path

from qantar.validate.engines import LAYERS, engine
from qantar.validate.inputs import Inputs
from qantar.validate.progress import Progress
from qantar.validate.report import LayerResult, MissingDependency

#: Layers worth a process of their own: the first of these that runs goes to the worker.
WORKER_LAYERS = ("great_expectations", "frictionless")


def run_layer(
    name: str, inputs: Inputs, *, skip: frozenset[str] = frozenset(), fast: bool = False,
    report_dir: str | Path | None = None, in_worker: bool = False,
) -> LayerResult:
    """Run one layer on ``inputs``; a crash is the layer's error, never the run's.

    ``in_worker``: this is the worker process, which runs nothing else, so Great Expectations may
    check half of its expectations in a forked copy of it (``qantar.validate.fork``).
    """
    from qantar.validate.sandbox import no_network

    layer = LayerResult(name)
    options: dict[str, object] = {}
    if name == "consistency":
        options = {"skip": skip, "fast": fast}
    elif name == "great_expectations":
        options = {"report_dir": report_dir, "fork": in_worker}
    t0 = time.perf_counter()
    try:
        with no_network():
            engine(name).run(inputs, layer, **options)
    except MissingDependency as exc:
        layer.error, layer.missing = str(exc), exc.module
    except Exception as exc:  # a layer that crashes fails the run, with its reason
        layer.error = f"the layer crashed: {type(exc).__name__}: {exc}"
    layer.seconds = time.perf_counter() - t0
    return layer


def run_layers(
    root: Path, inputs: Inputs, chosen: list[str], progress: Progress, *, skip: frozenset[str], fast: bool,
    report_dir: str | Path | None, parallel: bool,
) -> list[LayerResult]:
    """Every chosen layer's result, in ``LAYERS`` order."""
    results: list[LayerResult] = []
    offload = next((name for name in WORKER_LAYERS if name in chosen), None)
    pool: ProcessPoolExecutor | None = None
    future: Future[LayerResult] | None = None
    if parallel and len(chosen) > 1 and offload is not None and (os.cpu_count() or 1) > 1 and _can_start():
        try:
            pool = ProcessPoolExecutor(
                max_workers=1, mp_context=get_context("spawn"), initializer=_tie_to_parent, initargs=(os.getpid(),),
            )
            future = pool.submit(_in_worker, str(root), offload, skip, fast, None if report_dir is None else str(report_dir))
            progress.started(offload, where=" in a worker process")
        except OSError:  # no process can be started: run it here
            pool, future = None, None
    try:
        for name in chosen:
            if future is not None and name == offload:
                continue
            progress.started(name)
            results.append(run_layer(name, inputs, skip=skip, fast=fast, report_dir=report_dir))
            progress.finished(results[-1])
        if future is not None and offload is not None:
            try:
                results.append(future.result())
            except Exception as exc:  # the worker died (killed, out of memory)
                failed = LayerResult(offload)
                failed.error = f"the layer's worker process failed: {type(exc).__name__}: {exc}"
                results.append(failed)
            progress.finished(results[-1], where=" in a worker process")
    finally:
        if pool is not None:
            pool.shutdown(wait=future is None or future.done(), cancel_futures=True)
            if future is not None and not future.done():
                _kill_workers(pool)
    results.sort(key=lambda layer: LAYERS.index(layer.layer))
    return results


def _can_start() -> bool:
    """Whether a worker can be started at all (the interpreter the pool starts is there)."""
    from multiprocessing import spawn

    exe = spawn.get_executable()
    return bool(exe) and os.access(os.fsdecode(exe), os.X_OK)


def _in_worker(root: str, layer: str, skip: frozenset[str], fast: bool, report_dir: str | None) -> LayerResult:
    """What the worker process runs: one layer on its own reading of the package."""
    result = run_layer(layer, Inputs(Path(root)), skip=skip, fast=fast, report_dir=report_dir, in_worker=True)
    # The worker ends after its one task, and the run waits for it: its objects go back to the
    # system whole rather than through the collector's last passes (over a second with GX loaded).
    gc.freeze()
    return result


def _tie_to_parent(parent: int) -> None:
    """Make this worker end when ``parent`` ends (see the module's docstring)."""
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


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    # The pool keeps its processes private; the one process of this pool is ended here so that
    # an interrupted run leaves nothing behind even when the calling program goes on.
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()
