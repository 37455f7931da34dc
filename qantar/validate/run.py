"""Running the layers: in order, one of them in a worker process when that saves time.

With more than one layer to run, the slowest independent one (Great Expectations, or without it
Frictionless) runs in a worker process (``qantar.validate.worker``) while the others run here, so
a full run costs about as much as Great Expectations alone. The report is the same either way
(``parallel=False`` runs everything here, one layer after the other).
"""

from __future__ import annotations

from pathlib import Path

from qantar.validate import worker
from qantar.validate.engines import LAYERS
from qantar.validate.inputs import Inputs
from qantar.validate.layer import run_layer
from qantar.validate.progress import Progress
from qantar.validate.report import LayerResult


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
            progress.started(offload, where=" in a worker process")
    try:
        for name in chosen:
            if helper is not None and name == offload:
                continue
            progress.started(name)
            results.append(run_layer(name, inputs, skip=skip, fast=fast, report_dir=report_dir))
            progress.finished(results[-1])
        if helper is not None and offload is not None:
            try:
                results.append(helper.future.result())
            except Exception as exc:  # the worker died (killed, out of memory)
                failed = LayerResult(offload)
                failed.error = f"the layer's worker process failed: {type(exc).__name__}: {exc}"
                results.append(failed)
            progress.finished(results[-1], where=" in a worker process")
    finally:
        if helper is not None:
            helper.stop()
    results.sort(key=lambda layer: LAYERS.index(layer.layer))
    return results
