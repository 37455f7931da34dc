"""What a synthetic package is made from, read by ``synth.py`` (which records it) and ``run.py`` (which
regenerates a package made from anything else). Standard library only: ``run.py`` must stay small, since
every child it measures starts at least as large as it (Linux keeps the peak RSS across fork and exec)."""

from __future__ import annotations

import hashlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def made_from(real_root: Path = REPO) -> str:
    """The real descriptor (whose hashes cover every table and article) and the generator, hashed. A package
    made from other ones is stale: a table added to the real package would be missing from it, and the bench
    would measure the rules failing instead of checking."""
    digest = hashlib.sha256((real_root / "datapackage.json").read_bytes())
    digest.update((REPO / "bench" / "synth.py").read_bytes())
    return "sha256:" + digest.hexdigest()
