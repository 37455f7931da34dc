"""Running the layers: in order, one of them in a worker process when that saves time.

With more than one layer to run, the slowest independent one (Great Expectations, or without it
Frictionless) runs in a worker process (``qantar.validate.worker``) while the others run here, so
a full run costs about as much as Great Expectations alone. The report is the same either way
(``parallel=False`` runs everything here, one layer after the other).

In the validator's own process (the ``qantar validate`` program) with Frictionless in the worker,
pandera goes to whichever process is free first (``worker.SHARED_LAYERS``): this one runs its other
layers, then takes pandera back unless the worker, done with Frictionless, has taken it. On the
real package (seconds of CPU) this process's share was about 1.7 s, pandera's 0.4 s included,
against 1.3 s in the worker: pandera (0.4 s) now waits on neither. A library caller keeps the plain
arrangement (one layer in the worker, the rest here, in order).
"""

from __future__ import annotations

from pathlib import Path

from qantar.validate import engines, worker
from qantar.validate.engines import LAYERS
from qantar.validate.inputs import Inputs
from qantar.validate.layer import run_layer
from qantar.validate.progress import Progress
from qantar.validate.report import LayerResult

WHERE = " in a worker process"


def run_layers(
    root: Path, inputs: Inputs, chosen: list[str], progress: Progress, *, skip: frozenset[str], fast: bool,
    report_dir: str | Path | None, parallel: bool,
) -> list[LayerResult]:
    """Every chosen layer's result, in ``LAYERS`` order."""
    results: list[LayerResult] = []
    offload = worker.offload(chosen, parallel=parallel)
    helper: worker.Worker | None = None
    if offload is not None:
        wanted = worker.key(root, offload, skip, fast, report_dir)
        helper = worker.claim(wanted) or worker.start(wanted)
        if helper is not None:
            progress.started(offload, where=WHERE)
    shared = _shared(chosen, offload, helper)
    for name in shared:
        helper.offer(name)  # type: ignore[union-attr]

    def here(name: str, *, announced: bool = False) -> None:
        if not announced:
            progress.started(name)
        results.append(run_layer(name, inputs, skip=skip, fast=fast, report_dir=report_dir))
        progress.finished(results[-1])

    try:
        for name in chosen:
            if (helper is not None and name == offload) or name in shared:
                continue
            here(name)
        taken = []  # the offered layers the worker took
        for name in shared:
            if helper.take(name):  # type: ignore[union-attr]
                here(name)
            else:
                progress.started(name, where=WHERE)
                taken.append(name)
        if helper is not None and offload is not None:
            try:
                done: list[LayerResult] = helper.results()
            except Exception as exc:  # the worker died (killed, out of memory)
                failed = LayerResult(offload)
                failed.error = f"the layer's worker process failed: {type(exc).__name__}: {exc}"
                done = [failed]
            results.append(done[0])
            progress.finished(done[0], where=WHERE)
            for name in taken:
                found = next((r for r in done[1:] if r.layer == name), None)
                if found is None:  # the worker took it but did not live to give it: run here
                    here(name, announced=True)
                else:
                    results.append(found)
                    progress.finished(found, where=WHERE)
    finally:
        if helper is not None:
            helper.stop()
    results.sort(key=lambda layer: LAYERS.index(layer.layer))
    return results


def _shared(chosen: list[str], offload: str | None, helper: worker.Worker | None) -> list[str]:
    """The chosen layers offered to the worker (see the module's docstring)."""
    if helper is None or offload != "frictionless" or not engines.OWN_PROCESS or not helper.offers:
        return []
    return [name for name in worker.SHARED_LAYERS if name in chosen]
