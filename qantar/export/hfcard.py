"""The Hugging Face dataset card: ``README.md`` of a release folder, generated from the descriptor.

Its YAML header declares one config per table on the Parquet export (``configs:``, one ``train``
split each) and, per config, the features typed from the descriptor (``dataset_info:``), so that
``datasets.load_dataset(folder, table)`` gives dates as dates and integers as integers whatever
the version of ``datasets`` makes of a Parquet dictionary column (a vocabulary is a ``string``
feature; its values are listed in ``datapackage.json``).

The YAML is written as JSON scalars (valid YAML), so no YAML library is needed to write it.
"""

from __future__ import annotations

import json
from pathlib import Path

from qantar import _atomic
from qantar.model import Field, Package

NAME = "README.md"
DTYPES = {
    "string": "string", "any": "string", "integer": "int64", "number": "float64", "boolean": "bool",
    "date": "date32", "datetime": "timestamp[us, tz=UTC]",
}
LICENSES = {"CC-BY-4.0": "cc-by-4.0", "CC0-1.0": "cc0-1.0", "ODC-BY-1.0": "odc-by"}


def _s(value: str) -> str:
    return json.dumps(value, ensure_ascii=True)


def feature(f: Field) -> list[str]:
    """The YAML lines of one feature."""
    if f.type == "list":
        return [f"  - name: {_s(f.name)}", "    sequence: string"]
    return [f"  - name: {_s(f.name)}", f"    dtype: {_s(DTYPES.get(f.type, 'string'))}"]


def card(package: Package, *, parquet: str = "parquet") -> str:
    raw = package.raw
    lines = ["---"]
    licenses = [LICENSES.get(lic.get("name"), "other") for lic in raw.get("licenses", []) if isinstance(lic, dict)]
    if licenses:
        lines.append(f"license: {_s(licenses[0])}")
    lines += ["language:", "- en", "- id"]
    if package.title:
        lines.append(f"pretty_name: {_s(package.title)}")
    tags = raw.get("keywords") or []
    if tags:
        lines += ["tags:", *(f"- {_s(t)}" for t in tags)]
    lines.append("configs:")
    for name in package.tables:
        lines += [f"- config_name: {_s(name)}", "  data_files:", "  - split: train", f"    path: {_s(f'{parquet}/{name}.parquet')}"]
    lines.append("dataset_info:")
    for name, table in package.tables.items():
        lines += [f"- config_name: {_s(name)}", "  features:"]
        for f in table.fields:
            lines += ["  " + line for line in feature(f)]
    lines.append("---")
    title = package.title or package.name or "Dataset"
    body = [
        "", f"# {title}", "", f"Version {package.version}." if package.version else "", "",
        raw.get("description", ""), "",
        "One configuration per table, each read from the Parquet export (`parquet/<table>.parquet`):", "",
        "```python",
        "from datasets import load_dataset",
        f"table = load_dataset(\"/full/path/to/this/folder\", \"{next(iter(package.tables), 'table')}\", split=\"train\")",
        "```", "",
        "| config | description |", "| --- | --- |",
    ]
    for name, table in package.tables.items():
        what = (table.description or "").replace("|", "\\|").replace("\n", " ")
        body.append(f"| `{name}` | {what} |")
    body += [
        "", "The types, vocabularies, keys and foreign keys of every column are declared in `datapackage.json` "
        "(Frictionless Data Package); the same tables are in `qantar.sqlite` and described for other tools "
        "in `croissant.json` (Croissant) and `annotations.jsonld` (W3C Web Annotations of every quoted passage).", "",
    ]
    return "\n".join(lines) + "\n" + "\n".join(body)


def write_card(folder: str | Path, package: Package, **kwargs: str) -> Path:
    """Write the dataset card ``README.md`` into ``folder``; returns it."""
    path = Path(folder) / NAME
    _atomic.write_text(path, card(package, **kwargs))
    return path
