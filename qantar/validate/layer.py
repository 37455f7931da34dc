"""One layer's run: its engine on the package, a crash turned into the layer's error."""

from __future__ import annotations

import time
from pathlib import Path

from qantar.validate.engines import engine
from qantar.validate.inputs import Inputs
from qantar.validate.report import LayerResult, MissingDependency


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
