"""One validation layer in a process of its own (see ``validate(parallel=True)``).

The parent starts ``python -m qantar.validate._worker ROOT LAYER OPTIONS LIFELINE`` and goes
on with the other layers; the worker runs its layer on its own reading of the package and writes
the pickled :class:`LayerResult` to standard output. A worker that cannot start leaves its layer
to the parent; one that dies reports that as the layer's error (with the end of its stderr).

A worker never outlives its parent, however the parent ends (SIGKILL included):

* the *lifeline* is a pipe whose write end only the parent holds; when the parent ends, the
  kernel closes it, and a thread of the worker that waits on the read end sees end-of-file and
  ends the worker at once;
* on Linux the worker also asks the kernel for SIGKILL when its parent dies
  (``prctl(PR_SET_PDEATHSIG)``), which works even while the worker's Python is busy in C code;
* a parent that stops waiting for any reason (an exception, Ctrl-C) kills its worker (``close``).
"""

from __future__ import annotations

import json
import os
import pickle
import signal
import subprocess
import sys
import threading
from pathlib import Path

from qantar.validate._progress import MARK, Progress
from qantar.validate._report import LayerResult

_PACKAGE_PARENT = str(Path(__file__).resolve().parent.parent.parent)  # the directory holding qantar/


class Worker:
    def __init__(self, layer: str, process: subprocess.Popen[bytes], progress: Progress, lifeline: int = -1) -> None:
        self.layer = layer
        self.process = process
        self._lifeline = lifeline
        self._errors: list[str] = []
        self.relayed = False  # whether the worker reported its own end
        # The worker's standard error is read as it comes: progress lines are passed on at once,
        # the rest is kept for the error message.
        self._reader = threading.Thread(target=self._read_stderr, args=(progress,), daemon=True)
        self._reader.start()

    def _read_stderr(self, progress: Progress) -> None:
        assert self.process.stderr is not None
        for raw in self.process.stderr:
            line = raw.decode("utf-8", errors="replace")
            if progress.relay(line):
                self.relayed = True
            else:
                self._errors.append(line)
                del self._errors[:-50]

    def result(self) -> LayerResult:
        assert self.process.stdout is not None
        try:
            out = self.process.stdout.read()
            self.process.wait()
        finally:
            self.close()
        self._reader.join()
        err = "".join(self._errors).encode("utf-8")
        if self.process.returncode == 0:
            try:
                layer = pickle.loads(out)
                if isinstance(layer, LayerResult):
                    return layer
            except Exception:  # noqa: S110 - reported below
                pass
        layer = LayerResult(self.layer)
        tail = err.decode("utf-8", errors="replace").strip().splitlines()[-3:]
        layer.error = (
            f"the layer's worker process failed (exit {self.process.returncode})"
            + (": " + " | ".join(tail) if tail else "")
        )
        return layer

    def close(self) -> None:
        """Kill the worker unless it has ended, and let go of its lifeline."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self._lifeline >= 0:
            os.close(self._lifeline)
            self._lifeline = -1


def start(root: Path, layer: str, *, skip: frozenset[str], fast: bool, report_dir: str | Path | None,
          progress: Progress | None = None) -> Worker | None:
    """Start a worker for ``layer``; ``None`` if no process can be started (run it here then).
    The worker's progress lines go to ``progress`` as it writes them."""
    options = json.dumps({"skip": sorted(skip), "fast": fast, "report_dir": None if report_dir is None else str(report_dir)})
    env = dict(os.environ)
    env["PYTHONPATH"] = _PACKAGE_PARENT + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    # Both ends are non-inheritable: only this worker gets the read end (POSIX; elsewhere none).
    read_end, write_end = os.pipe() if os.name == "posix" else (-1, -1)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "qantar.validate._worker", str(root), layer, options, str(read_end)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
            pass_fds=(read_end,) if read_end >= 0 else (),
        )
    except OSError:
        if write_end >= 0:
            os.close(write_end)
        return None
    finally:
        if read_end >= 0:
            os.close(read_end)
    return Worker(layer, process, progress or Progress(None), write_end)


def _die_with_parent(lifeline: int) -> None:
    if sys.platform == "linux":
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - no libc to ask; the lifeline remains
            pass
    if lifeline < 0:
        return

    def wait() -> None:
        while os.read(lifeline, 1):
            pass
        os._exit(1)  # end-of-file: the parent has ended (also when it ended before prctl above)

    threading.Thread(target=wait, name="qantar-lifeline", daemon=True).start()


def main(argv: list[str]) -> int:
    root, layer, options = argv[0], argv[1], json.loads(argv[2])
    _die_with_parent(int(argv[3]) if len(argv) > 3 else -1)

    from qantar.validate import run_layer
    from qantar.validate._package import Package

    result = run_layer(
        layer, Package(Path(root)), skip=frozenset(options["skip"]), fast=options["fast"],
        report_dir=options["report_dir"],
    )
    Progress(sys.stderr, mark=MARK).finished(result, where=" in a worker process")
    sys.stdout.buffer.write(pickle.dumps(result))
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # skip tearing down pandas/GX (see qantar.cli._exit)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
