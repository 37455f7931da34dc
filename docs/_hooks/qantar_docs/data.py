"""Loading the data package for the documentation build.

Tables are read with every column as a string (``infer_schema_length=0``) so the site shows each value
exactly as it is written in the CSV; empty cells are ``None`` (the descriptor's missingValues is [""]).
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from .escape import anchor, url_path


@dataclass
class Table:
    name: str
    resource: dict[str, Any]
    frame: pl.DataFrame

    @property
    def schema(self) -> dict[str, Any]:
        return self.resource.get("schema", {})

    @property
    def fields(self) -> list[dict[str, Any]]:
        return self.schema.get("fields", [])

    @property
    def field_names(self) -> list[str]:
        return [f["name"] for f in self.fields]

    @property
    def primary_key(self) -> list[str]:
        pk = self.schema.get("primaryKey", [])
        return [pk] if isinstance(pk, str) else list(pk)

    @property
    def foreign_keys(self) -> list[dict[str, Any]]:
        return self.schema.get("foreignKeys", []) or []

    @property
    def path(self) -> str:
        return self.resource["path"]

    @property
    def rows(self) -> list[dict[str, str | None]]:
        return self.frame.to_dicts()

    def __len__(self) -> int:
        return self.frame.height

    def row_id(self, row: dict[str, Any]) -> str:
        """HTML id of a row on its table page: the primary key value(s), joined by '--' (see ``anchor``)."""
        pk = self.primary_key or self.field_names[:1]
        return anchor("--".join(str(row.get(k) or "") for k in pk))

    @property
    def relations(self) -> list[tuple[list[str], str, list[str]]]:
        """Each foreign key as (fields, referenced table, referenced fields); a self-reference names this table."""
        out = []
        for fk in self.foreign_keys:
            fields, ref = fk.get("fields") or [], fk.get("reference", {})
            ref_fields = ref.get("fields") or []
            out.append((
                [fields] if isinstance(fields, str) else list(fields),
                ref.get("resource") or self.name,
                [ref_fields] if isinstance(ref_fields, str) else list(ref_fields),
            ))
        return out

    def fk_links(self) -> dict[str, tuple[str, str]]:
        """Single-field foreign keys: field -> (referenced table, referenced field)."""
        return {f[0]: (res, rf[0]) for f, res, rf in self.relations if len(f) == 1 and len(rf) == 1}


@dataclass
class Package:
    root: Path
    descriptor: dict[str, Any]
    tables: dict[str, Table] = field(default_factory=dict)
    files: list[dict[str, Any]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # source_id -> article text

    @property
    def version(self) -> str:
        return str(self.descriptor.get("version", "unversioned"))

    @property
    def title(self) -> str:
        return self.descriptor.get("title") or self.descriptor.get("name", "Qantar")

    def table(self, name: str) -> Table | None:
        return self.tables.get(name)

    def rows(self, name: str) -> list[dict[str, str | None]]:
        t = self.tables.get(name)
        return t.rows if t is not None else []


def read_table(path: Path) -> pl.DataFrame:
    return pl.read_csv(path, infer_schema_length=0, encoding="utf8")


def load_package(root: Path) -> Package:
    root = Path(root)
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    pkg = Package(root=root, descriptor=descriptor)
    for res in descriptor.get("resources", []):
        rtype = res.get("type")
        is_table = rtype == "table" or (rtype is None and "schema" in res)
        if is_table:
            frame = read_table(root / res["path"])
            pkg.tables[res["name"]] = Table(res["name"], res, frame)
        else:
            pkg.files.append(res)
    # Article texts, keyed by source_id, decoded exactly as the offsets are defined (UTF-8, no newline
    # translation, so code-point offsets line up).
    for row in pkg.rows("sources"):
        p = row.get("path")
        sid = row.get("source_id")
        if p and sid and (root / p).is_file():
            with open(root / p, encoding="utf-8", newline="") as fh:
                pkg.texts[sid] = fh.read()
    return pkg


def table_src(name: str) -> str:
    """The generated page of a table (its name made safe for a file name)."""
    return f"tables/{anchor(name)}.md"


def article_src(source_id: str) -> str:
    """The generated page of an article (its source_id made safe for a file name)."""
    return f"provenance/{anchor(source_id)}.md"


def page_url(src_uri: str) -> str:
    """URL of a page relative to the site root (use_directory_urls is false)."""
    if src_uri.endswith(".md"):
        return src_uri[:-3] + ".html"
    return src_uri


def href(from_src: str, to_src: str, fragment: str | None = None) -> str:
    """Relative link from the page generated from ``from_src`` to the page or file ``to_src``.

    The fragment is an id as ``escape.anchor`` makes it; the URL is percent-encoded."""
    target = page_url(to_src)
    base = posixpath.dirname(page_url(from_src))
    rel = posixpath.relpath(target, base or ".")
    return url_path(rel, anchor(fragment) if fragment else None)


def mdref(from_src: str, to_src: str, fragment: str | None = None) -> str:
    """Relative Markdown link between source files (MkDocs rewrites it to the page URL and checks it)."""
    base = posixpath.dirname(from_src)
    rel = posixpath.relpath(to_src, base or ".")
    return url_path(rel, anchor(fragment) if fragment else None)
