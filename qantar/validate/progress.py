"""Progress of a validation run: one line on standard error when a layer starts, one when it ends.

Plain lines, flushed at once, rather than a progress bar: a run is four layers, a few seconds each,
and the lines read the same in a terminal, a CI log and a file (no library needed for that). They go
to standard error so that ``--format json`` on standard output stays clean. A worker process
(``qantar.validate.run``) writes its lines to its standard error behind :data:`MARK`; the parent
passes them on as they come (:meth:`Progress.relay`).
"""

from __future__ import annotations

import threading
from typing import TextIO

from qantar.validate.report import LayerResult

PREFIX = "qantar validate: "
#: Starts a progress line in a worker's standard error (anything else there is diagnostics).
MARK = "\x1eqantar-progress\x1e"


class Progress:
    """Writes progress lines to ``stream``; with ``stream=None`` it stays silent."""

    def __init__(self, stream: TextIO | None, *, mark: str = PREFIX) -> None:
        self.stream = stream
        self.mark = mark
        self._lock = threading.Lock()  # the worker's lines come from a reader thread

    def _line(self, text: str) -> None:
        with self._lock:
            if self.stream is None:
                return
            try:
                self.stream.write(self.mark + text + "\n")
                self.stream.flush()
            except (OSError, ValueError):  # a closed or broken stream must not fail the validation
                self.stream = None

    def started(self, layer: str, *, where: str = "") -> None:
        self._line(f"{layer}: started{where}")

    def finished(self, result: LayerResult, *, where: str = "") -> None:
        if result.error and not result.checks_run:
            self._line(f"{result.layer}: error in {result.seconds:.1f} s{where} (it could not run: see the report)")
            return
        status = "error" if result.error else ("ok" if result.ok else "failed")
        self._line(f"{result.layer}: {status} in {result.seconds:.1f} s{where} "
                   f"({result.checks_run} checks, {len(result.failures)} failure(s))")

    def relay(self, line: str) -> bool:
        """Pass on a worker's progress line; False when ``line`` is not one."""
        if not line.startswith(MARK):
            return False
        self._line(line[len(MARK):].rstrip("\n"))
        return True
