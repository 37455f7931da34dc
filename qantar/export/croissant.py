"""Croissant (MLCommons) JSON-LD: ``croissant.json``, generated from the descriptor.

A ``FileObject`` per file it describes (the Parquet export of every table, and the other files a
release hands it: the data archive and the SQLite database), each with its sha256; a ``RecordSet``
per table whose fields read the Parquet columns (``extract.column``), typed from the descriptor,
keyed by the table's primary key.

Foreign keys are *not* declared (no ``references``) while mlcroissant mishandles them: with
Qantar's foreign keys declared, mlcroissant 1.1.1 still validates the file but loads only the
tables whose keys reach no cycle (``actors.affiliation_id`` points back at ``actors``, and most
tables point at ``actors``): 11 of the 13 record sets fail with networkx's "Graph contains a
cycle". The file's description says so, and where the keys are declared instead
(``datapackage.json``, the SQLite export). The context is the Croissant 1.0 one that mlcroissant
writes; the tests check the file with ``mlcroissant``.

Written here rather than with mlcroissant's builder so that ``qantar release`` does not pull in
mlcroissant's dependencies; nothing in the file is typed by hand.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from qantar import _atomic
from qantar.model import Field, Package

NAME = "croissant.json"
CONFORMS_TO = "http://mlcommons.org/croissant/1.0"
PARQUET = "application/x-parquet"
ENCODINGS = {".zip": "application/zip", ".sqlite": "application/vnd.sqlite3", ".parquet": PARQUET}
DATA_TYPES = {
    "string": "sc:Text", "any": "sc:Text", "integer": "sc:Integer", "number": "sc:Float", "boolean": "sc:Boolean",
    "date": "sc:Date", "datetime": "sc:DateTime", "list": "sc:Text",
}
NO_REFERENCES = (
    "Foreign keys are not declared in this Croissant file (no `references`) while mlcroissant mishandles them "
    "(with them, mlcroissant 1.1.1 cannot load a table whose keys reach a cycle, such as actors.affiliation_id); "
    "they are declared in datapackage.json (schema.foreignKeys) and in the SQLite export."
)
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _file_object(folder: Path, relative: str) -> dict[str, Any]:
    return {
        "@type": "cr:FileObject",
        "@id": relative,
        "name": relative,
        "contentUrl": relative,
        "encodingFormat": ENCODINGS.get(Path(relative).suffix, "application/octet-stream"),
        "sha256": _sha256(folder / relative),
    }


def _field(table: str, f: Field, file_id: str) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "cr:Field", "@id": f"{table}/{f.name}", "name": f.name}
    if f.description:
        out["description"] = f.description
    out["dataType"] = DATA_TYPES.get(f.type, "sc:Text")
    if f.type == "list":
        out["repeated"] = True
    out["source"] = {"fileObject": {"@id": file_id}, "extract": {"column": f.name}}
    return out


def document(
    package: Package, folder: str | Path, *, parquet: str = "parquet", others: Iterable[str] = (), cite_as: str | None = None,
) -> dict[str, Any]:
    """The Croissant document of the files in ``folder``: ``parquet/<table>.parquet`` and ``others``."""
    folder = Path(folder)
    raw = package.raw
    description = (raw.get("description") or "") + ("\n\n" if raw.get("description") else "") + NO_REFERENCES
    licenses = [lic.get("path") for lic in raw.get("licenses", []) if isinstance(lic, dict) and lic.get("path")]
    creators = [
        {"@type": "sc:Organization", "name": c.get("title")} for c in raw.get("contributors", [])
        if isinstance(c, dict) and c.get("title")
    ]
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "name": package.name or "dataset",
        "conformsTo": CONFORMS_TO,
        "description": description,
        "version": package.version,
        "license": licenses[0] if len(licenses) == 1 else licenses,
        "keywords": list(raw.get("keywords", [])),
        "creator": creators,
        "url": raw.get("homepage"),  # only a declared one: none is made up
    }
    if isinstance(raw.get("created"), str):
        doc["datePublished"] = raw["created"][:10]
    if cite_as:
        doc["citeAs"] = cite_as
    files = [f"{parquet}/{name}.parquet" for name in package.tables]
    doc["distribution"] = [_file_object(folder, rel) for rel in [*files, *others]]
    record_sets = []
    for (name, table), file_id in zip(package.tables.items(), files, strict=True):
        record: dict[str, Any] = {"@type": "cr:RecordSet", "@id": name, "name": name}
        if table.description:
            record["description"] = table.description
        if table.primary_key:
            keys = [{"@id": f"{name}/{c}"} for c in table.primary_key]
            record["key"] = keys[0] if len(keys) == 1 else keys
        record["field"] = [_field(name, f, file_id) for f in table.fields]
        record_sets.append(record)
    doc["recordSet"] = record_sets
    return {k: v for k, v in doc.items() if v not in (None, [], "")}


def write_croissant(folder: str | Path, package: Package, **kwargs: Any) -> Path:
    """Write ``croissant.json`` into ``folder`` (which holds the files it describes); returns it."""
    path = Path(folder) / NAME
    _atomic.write_text(path, json.dumps(document(package, folder, **kwargs), ensure_ascii=False, indent=1) + "\n")
    return path
