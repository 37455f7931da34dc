"""What one model of the package mended: the drift between readers that 1.0.0 had.

- a span table the rules had forgotten (exclusions) is checked like every other, since every rule
  reads the spans the descriptor declares;
- one fault is one failure: an empty required cell, seen by three layers, is reported once,
  naming the three;
- a new quoted table is checked by declaring it in the descriptor, with no change to any rule.
"""

from __future__ import annotations

import json
from pathlib import Path

from _validate_helpers import copy_package, read_table, write_table

from qantar.curate import stamp
from qantar.validate import validate


def test_an_exclusion_that_is_no_longer_the_articles_text_fails(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "pkg")
    header, rows = read_table(root, "exclusions")
    i = header.index("text")
    old = rows[4][i]
    rows[4][i] = "x" * len(old)  # same length: only the text itself is wrong
    write_table(root, "exclusions", header, rows)
    stamp(root)
    report = validate(root, layers=["consistency"])
    hits = [f for f in report.failures if (f.rule, f.table, f.row, f.column) == ("quote-verbatim", "exclusions", 5, "text")]
    assert len(hits) == 1 and old in hits[0].message


def test_an_empty_required_cell_is_one_failure_seen_by_every_layer(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "pkg")
    header, rows = read_table(root, "events")
    rows[2][header.index("summary_en")] = ""
    write_table(root, "events", header, rows)
    stamp(root)
    report = validate(root)
    required = [f for f in report.failures if f.rule == "required"]
    assert [(f.table, f.row, f.column) for f in required] == [("events", 3, "summary_en")]
    assert set(required[0].layers) == {"frictionless", "pandera", "great_expectations"}


def test_a_new_quoted_table_is_checked_from_its_declaration_alone(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "pkg")
    article = sorted((root / "articles").glob("*.txt"))[0]
    source_id = article.stem
    text = article.read_text(encoding="utf-8")
    rows = [["N001", source_id, "0", "5", text[0:5]], ["N002", source_id, "6", "11", "wrong"]]
    write_table(root, "notes", ["note_id", "source_id", "char_start", "char_end", "text"], rows)
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"].insert(1, {
        "name": "notes", "type": "table", "path": "data/notes.csv", "format": "csv", "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {
            "fields": [
                {"name": "note_id", "type": "string", "constraints": {"required": True, "unique": True}},
                {"name": "source_id", "type": "string", "constraints": {"required": True}},
                {"name": "char_start", "type": "integer", "constraints": {"required": True, "minimum": 0}},
                {"name": "char_end", "type": "integer", "constraints": {"required": True, "minimum": 1}},
                {"name": "text", "type": "string", "constraints": {"required": True}},
            ],
            "primaryKey": ["note_id"],
            "foreignKeys": [{"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}}],
            "qantar:spans": [{"name": "note", "kind": "exclusion", "source": "source_id", "start": "char_start",
                              "end": "char_end", "text": "text"}],
        },
    })
    (root / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    stamp(root)
    report = validate(root, fast=True)
    notes = {(f.rule, f.row) for f in report.failures if f.table == "notes"}
    assert ("quote-verbatim", 2) in notes and ("quote-verbatim", 1) not in notes
