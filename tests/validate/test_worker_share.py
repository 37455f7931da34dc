"""A layer the run offers its worker (``worker.SHARED_LAYERS``) gives the report the serial run gives,
whichever process runs it, and a worker that took it and failed leaves it to run here."""

from __future__ import annotations

import io
from concurrent.futures import wait
from pathlib import Path

import pytest
from _validate_helpers import misspelt_status_package, report_facts

from qantar.validate import engines, validate, worker


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    return misspelt_status_package(tmp_path / "pkg")


@pytest.fixture
def sharing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs as the validator's own process would (offering pandera), this process's pandera loaded as usual."""
    import pandera.polars  # noqa: F401  (already loaded: the engine does not load it without pandas here)

    monkeypatch.setattr(engines, "OWN_PROCESS", True)


def _worker_first(monkeypatch: pytest.MonkeyPatch) -> None:
    real = worker.Worker.take

    def take(self, layer):  # type: ignore[no-untyped-def]
        wait([self.future])  # the worker is done (and took the layer) before the run asks for it back
        return real(self, layer)

    monkeypatch.setattr(worker.Worker, "take", take)


def test_pandera_run_by_the_worker_is_the_serial_report(damaged: Path, sharing: None, monkeypatch: pytest.MonkeyPatch) -> None:
    _worker_first(monkeypatch)
    stream = io.StringIO()
    shared = validate(damaged, fast=True, progress=stream)
    assert "pandera: started in a worker process" in stream.getvalue()
    assert stream.getvalue().count("pandera:") == 2
    serial = validate(damaged, fast=True, parallel=False)
    assert [layer.layer for layer in shared.layers] == ["frictionless", "pandera", "consistency"]
    assert report_facts(shared) == report_facts(serial)
    assert shared.exit_code == serial.exit_code == 1


def test_pandera_taken_back_runs_here(damaged: Path, sharing: None) -> None:
    stream = io.StringIO()
    shared = validate(damaged, fast=True, progress=stream)  # the run takes it back unless the worker was first
    assert stream.getvalue().count("pandera:") == 2
    assert report_facts(shared) == report_facts(validate(damaged, fast=True, parallel=False))


def test_a_worker_that_took_pandera_and_failed_leaves_it_here(damaged: Path, sharing: None,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    _worker_first(monkeypatch)
    real = worker.Worker.results
    monkeypatch.setattr(worker.Worker, "results", lambda self: real(self)[:1])  # pandera's result lost
    shared = validate(damaged, fast=True)
    assert report_facts(shared) == report_facts(validate(damaged, fast=True, parallel=False))


def test_a_library_caller_offers_nothing(damaged: Path) -> None:
    stream = io.StringIO()
    validate(damaged, fast=True, progress=stream)
    assert "pandera: started\n" in stream.getvalue()  # here, in order
