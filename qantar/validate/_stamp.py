"""Re-stamp a data package: write every resource's real byte count and sha256 into its descriptor.

For maintainers after an intended edit of a table or article copy (the lead exposes it as a
command), and for the mutation tests, which re-stamp a damaged copy so that the damage is
reported by the layer that owns it rather than only as a hash mismatch.

The descriptor is rewritten as ``json.dumps(indent=2, ensure_ascii=False)`` plus a newline,
which is how ``datapackage.json`` is formatted, so a stamp that changes nothing changes no byte.
Only ``bytes`` and ``hash`` of each resource are touched; ``sources.bytes`` and
``sources.sha256`` (the article hashes recorded *in the data*) are deliberately left alone:
they are checked against the files by the consistency rule ``article-hash``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

__all__ = ["stamp"]


def stamp(root: str | Path, *, write: bool = True) -> list[tuple[str, str, object, object]]:
    """Recompute ``bytes`` and ``hash`` (sha256) of every resource under ``root``.

    Returns the changes as ``(resource, property, old, new)``; writes the descriptor only when
    ``write`` is true and something changed. A resource whose file is missing is left as is.
    """
    root = Path(root)
    descriptor_path = root / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    changes: list[tuple[str, str, object, object]] = []
    for resource in descriptor.get("resources", []):
        path = resource.get("path")
        if not isinstance(path, str) or ".." in Path(path).parts or path.startswith("/"):
            continue
        file = root / path
        if not file.is_file():
            continue
        data = file.read_bytes()
        new = {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}
        for key, value in new.items():
            if resource.get(key) != value:
                changes.append((resource.get("name", path), key, resource.get(key), value))
                resource[key] = value
    if write and changes:
        descriptor_path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return changes
