"""Check a table's bytes against the ``bytes`` and ``hash`` its descriptor records."""

from __future__ import annotations

import hashlib

from qantar._descriptor import Resource
from qantar.errors import DataError


def check(resource: Resource, data: bytes, path: str) -> None:
    """Raise ``DataError`` unless ``data`` has the recorded size and hash."""
    if resource.bytes is None and resource.hash_hex is None:
        raise DataError(
            'verify=True, but the descriptor records neither "bytes" nor "hash" for this table',
            table=resource.name,
            path=path,
        )
    if resource.bytes is not None and len(data) != resource.bytes:
        raise DataError(
            f"file has {len(data)} bytes but the descriptor records {resource.bytes}: "
            "the file is not the one the descriptor describes",
            table=resource.name,
            path=path,
        )
    if resource.hash_hex is not None:
        actual = hashlib.new(resource.hash_algorithm or "sha256", data).hexdigest()
        if actual != resource.hash_hex:
            raise DataError(
                f"{resource.hash_algorithm} of the file is {actual} but the descriptor records "
                f"{resource.hash_hex}: the file is not the one the descriptor describes",
                table=resource.name,
                path=path,
            )
