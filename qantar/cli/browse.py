"""``qantar browse``: explore the tables in Datasette, on this machine only.

Writes the SQLite export and its Datasette metadata (``qantar.export.datasette``: descriptions,
label columns, facets, canned queries) into a temporary folder and serves them read-only
(``--immutable``) at http://127.0.0.1:PORT/qantar until Ctrl-C; the folder is removed after.
Datasette is the ``browse`` extra (how to install it: ``qantar._extras.install_hint``).
"""

from __future__ import annotations

import argparse
import sys

NAME = "browse"
HELP = "explore the tables in Datasette at http://127.0.0.1:PORT (needs the browse extra)"
HOST = "127.0.0.1"  # never another interface: the browser is for this machine only


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8001, help="port on 127.0.0.1 (default: 8001)")
    parser.add_argument("--root", help="a data package folder (default: the installed data)")


def run(args: argparse.Namespace) -> int:
    import importlib.util
    import json
    import signal
    import subprocess
    import tempfile
    from pathlib import Path

    if importlib.util.find_spec("datasette") is None:
        from qantar._extras import install_hint

        print(f"qantar browse: Datasette is not installed; install it with: {install_hint('browse')}", file=sys.stderr)
        return 1
    if not 0 < args.port < 65536:
        print(f"qantar browse: --port must be between 1 and 65535, not {args.port}", file=sys.stderr)
        return 2
    from qantar import _atomic, model
    from qantar.export import write_sqlite
    from qantar.export.datasette import metadata

    package = model.current() if args.root is None else model.read(args.root)
    with tempfile.TemporaryDirectory(prefix="qantar-browse-") as tmp:
        db = write_sqlite(tmp, root=args.root)
        meta = Path(tmp) / "metadata.json"
        _atomic.write_text(meta, json.dumps(metadata(package), ensure_ascii=False, indent=1))
        command = [
            sys.executable, "-m", "datasette", "serve", "--immutable", str(db), "--metadata", str(meta),
            "--host", HOST, "--port", str(args.port), "--setting", "default_page_size", "50",
        ]
        print(f"qantar browse: http://{HOST}:{args.port}/{db.stem} (Ctrl-C to stop)", flush=True)
        child = subprocess.Popen(command)

        def stop(_signum: int, _frame: object) -> None:
            raise KeyboardInterrupt  # SIGTERM stops Datasette and removes the folder, as Ctrl-C does

        signal.signal(signal.SIGTERM, stop)
        try:
            return child.wait()
        except KeyboardInterrupt:
            child.terminate()
            child.wait(timeout=30)
            return 0
