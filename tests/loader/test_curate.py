"""`qantar anchor` fills offsets from typed quotes; `qantar stamp` records bytes and hashes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import polars as pl
import pytest
from _validate_helpers import copy_package

from qantar.curate import AnchorError, anchor, find_quote, stamp
from qantar.validate import validate


def misquoted(root: Path) -> list:
    """What the schema, table and consistency layers report about quotes and their offsets."""
    report = validate(root, layers=["pandera", "consistency"])
    return [f for f in report.failures if f.column in ("quote", "char_start", "char_end")]

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not (ROOT / "datapackage.json").exists(), reason="no data package at the repository root")


@pytest.fixture
def copy(tmp_path) -> Path:
    return copy_package(tmp_path / "pkg")


def test_real_data_needs_no_anchoring():
    assert anchor(ROOT, write=False) == []
    assert stamp(ROOT, write=False) == []


def test_find_quote_tolerates_nbsp_and_typographic_quotes():
    text = "Kata dia, “ekstremis\u00a0dan radikal” telah menyerang."
    start, end, exact = find_quote(text, '"ekstremis dan radikal"')
    assert text[start:end] == exact == "“ekstremis\u00a0dan radikal”"


def test_find_quote_ambiguous_needs_a_hint():
    with pytest.raises(LookupError, match="occurs 2 times"):
        find_quote("a b a b", "a b")
    assert find_quote("a b a b", "a b", near=3)[:2] == (4, 7)


def test_typed_quote_is_anchored_and_stamped(copy):
    path = copy / "data" / "statements.csv"
    frame = pl.read_csv(path, infer_schema=False)
    row = frame.filter(pl.col("statement_id") == "ST18").row(0, named=True)
    typed = row["quote"].replace("\u00a0", " ")
    frame.with_columns(
        pl.when(pl.col("statement_id") == "ST18").then(pl.lit(None)).otherwise(pl.col(c)).alias(c) for c in ("char_start", "char_end")
    ).with_columns(pl.when(pl.col("statement_id") == "ST18").then(pl.lit(typed)).otherwise(pl.col("quote")).alias("quote")).write_csv(path)
    assert misquoted(copy)  # broken before
    changes = anchor(copy)
    assert {(c.table, c.column) for c in changes} == {("statements", "char_start"), ("statements", "char_end")}
    assert misquoted(copy) == []
    assert (copy / "data" / "statements.csv").read_bytes() == (ROOT / "data" / "statements.csv").read_bytes()


def test_nbsp_typed_as_space_is_restored(copy):
    path = copy / "data" / "event_sources.csv"
    original = path.read_bytes()
    frame = pl.read_csv(path, infer_schema=False)
    has_nbsp = frame["quote"].str.contains("\u00a0")
    assert has_nbsp.any()
    frame.with_columns(pl.col("quote").str.replace_all("\u00a0", " ")).write_csv(path)
    changes = anchor(copy)
    assert changes and all(c.column == "quote" for c in changes)
    assert pl.read_csv(path, infer_schema=False).equals(pl.read_csv(ROOT / "data" / "event_sources.csv", infer_schema=False))
    assert path.read_bytes() == original


def test_unplaceable_quote_fails_and_writes_nothing(copy):
    path = copy / "data" / "figures.csv"
    frame = pl.read_csv(path, infer_schema=False)
    frame.with_columns(pl.when(pl.col("figure_id") == "F002").then(pl.lit("tidak ada di artikel")).otherwise(pl.col("quote")).alias("quote")).write_csv(path)
    before = {p.name: p.read_bytes() for p in (copy / "data").iterdir()}
    with pytest.raises(AnchorError, match="figures row 2 column quote") as err:
        anchor(copy)
    assert {p.name: p.read_bytes() for p in (copy / "data").iterdir()} == before
    assert "nothing was written" in str(err.value) and "then run `qantar anchor` again" in str(err.value)


def test_stamp_records_new_hash(copy):
    path = copy / "data" / "places.csv"
    path.write_bytes(path.read_bytes().replace(b"Almaty Region", b"Almaty Province"))
    assert {(name, key) for name, key, _, _ in stamp(copy)} == {("places", "bytes"), ("places", "hash")}
    res = next(r for r in json.loads((copy / "datapackage.json").read_text())["resources"] if r["name"] == "places")
    assert res["hash"] == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest() and res["bytes"] == path.stat().st_size
    assert stamp(copy) == []


def test_cli_exit_codes(copy, tmp_path, capsys):
    from qantar.cli import main

    assert main(["anchor", str(copy), "--check"]) == 0
    assert main(["stamp", str(copy), "--check"]) == 0
    assert main(["stamp", str(tmp_path / "nowhere")]) == 2
    path = copy / "data" / "places.csv"
    path.write_bytes(path.read_bytes().replace(b"Almaty Region", b"Almaty Province"))
    assert main(["stamp", str(copy), "--check"]) == 1  # would change: the hash is stale
    assert main(["stamp", str(copy)]) == 0
    assert main(["stamp", str(copy), "--check"]) == 0
    frame = pl.read_csv(copy / "data" / "figures.csv", infer_schema=False)
    frame.with_columns(pl.when(pl.col("figure_id") == "F002").then(pl.lit("tidak ada di artikel")).otherwise(pl.col("quote")).alias("quote")).write_csv(copy / "data" / "figures.csv")
    capsys.readouterr()
    assert main(["anchor", str(copy)]) == 1
    assert "figures row 2 column quote" in capsys.readouterr().err


def test_number_follows_its_moved_quote(copy):
    """A figure whose quote is re-anchored elsewhere gets its number placed inside the new quote."""
    path = copy / "data" / "figures.csv"
    frame = pl.read_csv(path, infer_schema=False)
    f003 = frame.filter(pl.col("figure_id") == "F003").row(0, named=True)
    assert f003["number_as_written"] == "3.000"
    # point F003 at the same sentence in its article, typed again with its offsets cleared
    frame.with_columns(pl.when(pl.col("figure_id") == "F003").then(pl.lit(None)).otherwise(pl.col(c)).alias(c)
                       for c in ("char_start", "char_end", "number_char_start")).write_csv(path)
    anchor(copy)
    again = pl.read_csv(path, infer_schema=False).filter(pl.col("figure_id") == "F003").row(0, named=True)
    assert again == f003
