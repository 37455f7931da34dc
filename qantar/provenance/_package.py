"""A data package read as plain strings, with its article texts, for the provenance checks."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl


@dataclass(frozen=True)
class Finding:
    check: str
    table: str
    row: int | None  # 1-based data row (the CSV line is row + 1)
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = self.table + (f" row {self.row}" if self.row is not None else "") + (f" column {self.column}" if self.column else "")
        value = f" (value {self.value!r})" if self.value is not None else ""
        return f"[{self.check}] {where}: {self.message}{value}"


@dataclass
class Package:
    root: Path
    descriptor: dict
    tables: dict[str, pl.DataFrame]
    texts: dict[str, str] = field(default_factory=dict)  # source_id -> article text
    raw: dict[str, bytes] = field(default_factory=dict)  # source_id -> article bytes

    @classmethod
    def read(cls, root: str | Path) -> "Package":
        root = Path(root)
        descriptor = json.loads((root / "datapackage.json").read_text("utf-8"))
        tables = {
            r["name"]: pl.read_csv(root / r["path"], infer_schema=False, encoding="utf8")
            for r in descriptor["resources"]
            if r.get("type", "table") == "table"
        }
        pkg = cls(root, descriptor, tables)
        for sid, path in tables["sources"].select("source_id", "path").iter_rows():
            data = (root / path).read_bytes()
            pkg.raw[sid] = data
            pkg.texts[sid] = data.decode("utf-8", errors="replace")
        return pkg

    def fields(self, table: str) -> list[str]:
        for r in self.descriptor["resources"]:
            if r["name"] == table:
                return [f["name"] for f in r["schema"]["fields"]]
        raise KeyError(table)
