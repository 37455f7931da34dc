"""W3C Web Annotations (JSON-LD) of every quote anchor: ``annotations.jsonld``.

One ``Annotation`` per declared span (``"qantar:spans"`` of each table, read through
``qantar.model``) of every row that fills it, in descriptor order, rows in file order:

* ``target``: the article copy, identified by its sha256 (an RFC 6920 ``ni:`` name; ``label`` is
  its path in the package), with a ``TextQuoteSelector`` (``exact`` and up to ``CONTEXT`` code
  points of ``prefix`` and ``suffix``) and a ``TextPositionSelector`` (``start``/``end`` in code
  points, as the Web Annotation model counts them and as Qantar's offsets are);
* ``body``: the row the passage supports, as a ``SpecificResource`` on the table's CSV file with an
  RFC 7111 fragment (``row=N``, counting the header line as row 1, so N is the file's record
  number), its primary key as an identifying ``TextualBody`` (``table: column=value, ...``) and, for a
  span with a translation, the English translation as a describing ``TextualBody``.

Every id is a UUID derived from the package name, table, span and key (``uuid5``): the same data
give the same file. The file is written with ``qantar._atomic``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from pathlib import Path
from typing import Any

import polars as pl

from qantar import _atomic, _safe_files
from qantar.model import Package, Span

NAME = "annotations.jsonld"
CONTEXT = 32  # code points of prefix and suffix, as annotation tools commonly take
CSV_FRAGMENT = "http://tools.ietf.org/rfc/rfc7111"
_NAMESPACE = uuid.UUID("5b0c7a4e-0d1f-4d0b-9a53-6a2f3c1e9b11")  # Qantar's: fixed, so ids are stable


def ni(data: bytes) -> str:
    """The RFC 6920 name of some bytes by their sha256."""
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).decode("ascii").rstrip("=")
    return f"ni:///sha-256;{digest}"


def _articles(package: Package, frames: dict[str, pl.DataFrame]) -> dict[str, tuple[str, bytes, str]]:
    """source_id -> (path, bytes, text) of every article the sources table names."""
    out = {}
    if package.root is None or "sources" not in frames:
        return out
    for source_id, path in frames["sources"].select("source_id", "path").iter_rows():
        data = _safe_files.read(package.root, path, limit=_safe_files.MAX_TEXT_BYTES, table="sources")
        out[source_id] = (path, data, data.decode("utf-8"))
    return out


def annotation(
    package: Package, span: Span, row: dict[str, Any], record: int, article: tuple[str, bytes, str]
) -> dict[str, Any]:
    """The annotation of one row's span; ``record`` is the row's record number in its CSV (header: 1)."""
    table = package.tables[span.table]
    path, data, text = article
    start, end = row[span.start], row[span.end]
    key = ", ".join(f"{c}={row[c]}" for c in table.primary_key)
    name = f"{package.name}/{table.name}/{span.name}/{key}"
    bodies: list[dict[str, Any]] = [
        {
            "type": "SpecificResource",
            "source": table.path,
            "selector": {"type": "FragmentSelector", "conformsTo": CSV_FRAGMENT, "value": f"row={record}"},
        },
        {"type": "TextualBody", "purpose": "identifying", "format": "text/plain", "value": f"{table.name}: {key}"},
    ]
    if span.translation and row.get(span.translation):
        bodies.append({
            "type": "TextualBody", "purpose": "describing", "format": "text/plain", "language": "en",
            "value": row[span.translation],
        })
    return {
        "id": f"urn:uuid:{uuid.uuid5(_NAMESPACE, name)}",
        "type": "Annotation",
        "motivation": "linking",
        "body": bodies,
        "target": {
            "source": {"id": ni(data), "type": "Text", "format": "text/plain", "language": "id", "label": path},
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": text[start:end],
                    "prefix": text[max(0, start - CONTEXT):start],
                    "suffix": text[end:end + CONTEXT],
                },
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
    }


def collection(package: Package, frames: dict[str, pl.DataFrame]) -> dict[str, Any]:
    """The ``AnnotationCollection`` of every filled span of every table."""
    articles = _articles(package, frames)
    items = []
    for table in package.tables.values():
        frame = frames[table.name]
        for span in table.spans:
            for i, row in enumerate(frame.iter_rows(named=True)):
                if row[span.text] is None or row[span.start] is None or row[span.source] is None:
                    continue  # an optional span left empty (e.g. a claim B that is absent)
                items.append(annotation(package, span, row, i + 2, articles[row[span.source]]))
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{package.name}/{package.version}/annotations')}",
        "type": "AnnotationCollection",
        "label": f"{package.title or package.name} {package.version or ''}: every quoted passage".replace("  ", " "),
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def write_annotations(out: str | Path, package: Package, frames: dict[str, pl.DataFrame]) -> Path:
    """Write ``annotations.jsonld`` into ``out``; returns the file."""
    path = Path(out) / NAME
    text = json.dumps(collection(package, frames), ensure_ascii=False, indent=1) + "\n"
    _atomic.write_text(path, text)
    return path
