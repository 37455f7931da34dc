"""Validate a Qantar data package: four layers, each owning what it does best.

1. ``frictionless``: the descriptor against the Data Package v2 profile, every table against
   its Table Schema (types, required, unique, enum, pattern, ranges), primary and foreign keys,
   byte counts and sha256 hashes of tables and article files, strict UTF-8.
2. ``pandera``: typed polars frames against models derived from the descriptor
   (:mod:`qantar.validate.schemas`), plus the row rules a schema cannot say.
3. ``consistency``: cross-table rules written as SQL (``validators/consistency/*.sql``).
4. ``great_expectations``: suites generated from the descriptor plus distributions and value
   sets; slow to import (about 3 s), left out by ``fast=True``.

Usage::

    from qantar.validate import validate
    report = validate()                   # the package's own data
    report = validate("path/to/copy", fast=True)
    report.ok, report.exit_code, report.failures
    print(report.to_text()); report.to_json()

    from qantar.validate import schemas   # the typed contracts (pandera models)
    schemas.model("events").validate(frame)

From a shell: ``qantar validate [PATH] [--fast] [--format json] [--report DIR]`` or
``python -m qantar.validate``. Importing this module imports nothing heavy: each layer imports
its library when it runs, and a missing one is reported with ``pip install "qantar[validate]"``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from qantar import _atomic
from qantar.validate._package import UsageError, find_root
from qantar.validate._report import Failure, LayerResult, MissingDependency, Report

__all__ = [
    "FAST_LAYERS",
    "WORKER_LAYERS",
    "LAYERS",
    "Failure",
    "LayerResult",
    "MissingDependency",
    "Report",
    "UsageError",
    "run_layer",
    "validate",
]

LAYERS = ("frictionless", "pandera", "consistency", "great_expectations")
FAST_LAYERS = LAYERS[:3]


#: Layers that need nothing from the others and spend their time in importing their library
#: (Great Expectations, about 3 s) or in pure Python (Frictionless). With more than one layer to
#: run, the first of these that runs goes to a worker process, alongside the layers run here:
#: one worker, since a second one only competes for the same cores (the bench measures 2).
WORKER_LAYERS = ("great_expectations", "frictionless")


def validate(
    path: str | Path | None = None,
    *,
    fast: bool = False,
    layers: Iterable[str] | None = None,
    skip: Iterable[str] = (),
    report_dir: str | Path | None = None,
    parallel: bool = True,
    progress: TextIO | None = None,
) -> Report:
    """Validate the data package at ``path`` (default: the package's own data).

    ``fast`` leaves out the Great Expectations layer; ``layers`` picks layers by name (in
    their fixed order); ``skip`` names consistency rules not to run (reported as skipped);
    ``report_dir`` is where the static HTML report is written. Raises :class:`UsageError`
    when ``path`` does not exist or holds no ``datapackage.json``.

    ``parallel``: when more than one layer runs (and the machine has more than one core), the
    Great Expectations layer, or without it the Frictionless one, runs in a worker process
    (``python -m qantar.validate._worker``) while the others run here: a full run then costs
    about as much as Great Expectations alone. ``parallel=False`` runs every layer in this
    process, one after the other. The report is the same either way.

    ``progress``: a stream (``qantar validate`` gives standard error) that gets a line when each
    layer starts and when it ends, those of the worker process included, as they happen.
    """
    from qantar.validate._package import Package
    from qantar.validate._progress import Progress

    started = time.perf_counter()
    root = find_root(path)
    chosen = list(FAST_LAYERS if fast else LAYERS) if layers is None else [n for n in LAYERS if n in set(layers)]
    unknown = set(layers or ()) - set(LAYERS)
    if unknown:
        raise UsageError(f"unknown layer(s): {', '.join(sorted(unknown))} (layers: {', '.join(LAYERS)})")
    package = Package(root)
    report = Report(str(root))
    lines = Progress(progress)
    skip_set = frozenset(skip)

    if package.descriptor_error is not None:
        layer = LayerResult("frictionless")
        layer.check("descriptor")
        layer.fail("descriptor", "descriptor-profile", None, None, None, None, package.descriptor_error)
        report.layers.append(layer)
        lines.finished(layer)
        report.seconds = time.perf_counter() - started
        return report

    workers = {}
    offload = next((name for name in WORKER_LAYERS if name in chosen), None)
    if parallel and len(chosen) > 1 and offload is not None and (os.cpu_count() or 1) > 1:
        from qantar.validate import _worker

        worker = _worker.start(root, offload, skip=skip_set, fast=fast, report_dir=report_dir, progress=lines)
        if worker is not None:
            workers[offload] = worker
            lines.started(offload, where=" in a worker process")
    try:
        for name in chosen:
            if name not in workers:
                lines.started(name)
                report.layers.append(run_layer(name, package, skip=skip_set, fast=fast, report_dir=report_dir))
                lines.finished(report.layers[-1])
        for worker in workers.values():
            report.layers.append(worker.result())
            if not worker.relayed:  # a worker that died wrote no line of its own
                lines.finished(report.layers[-1], where=" in a worker process")
    finally:  # interrupted (Ctrl-C, an error): no worker is left behind
        for worker in workers.values():
            worker.close()
    report.layers.sort(key=lambda layer: LAYERS.index(layer.layer))
    report.seconds = time.perf_counter() - started
    if report_dir is not None:
        from qantar.validate._html import write_report

        report.artifacts["html report"] = str(write_report(report, Path(report_dir)))
        json_path = Path(report_dir) / "validation.json"  # what the documentation site shows
        report.artifacts["json report"] = str(json_path)
        _atomic.write_text(json_path, report.to_json() + "\n")
    return report


def run_layer(
    name: str, package, *, skip: frozenset[str] = frozenset(), fast: bool = False, report_dir: str | Path | None = None
) -> LayerResult:
    """Run one layer on a :class:`~qantar.validate._package.Package`; a crash is the layer's error."""
    from qantar.validate._sandbox import no_network

    layer = LayerResult(name)
    t0 = time.perf_counter()
    try:
        with no_network():
            _run(name, package, layer, skip=skip, fast=fast, report_dir=report_dir)
    except MissingDependency as exc:
        layer.error = str(exc)
    except Exception as exc:  # a layer that crashes fails the run, with its reason
        layer.error = f"the layer crashed: {type(exc).__name__}: {exc}"
    layer.seconds = time.perf_counter() - t0
    return layer


def _run(name: str, package, layer: LayerResult, *, skip: frozenset[str], fast: bool, report_dir) -> None:
    if name == "frictionless":
        from qantar.validate import _frictionless

        _frictionless.run(package, layer)
    elif name == "pandera":
        from qantar.validate import _pandera

        _pandera.run(package, layer)
    elif name == "consistency":
        from qantar.validate import consistency

        consistency.run(package, layer, skip=skip, fast=fast)
    elif name == "great_expectations":
        from qantar.validate import _gx

        _gx.run(package, layer, report_dir=report_dir)
