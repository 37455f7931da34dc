"""Anchoring, coverage and corroboration: pass on the data, fail on deliberately broken copies."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from qantar.provenance import Package, check_anchors, check_coverage, corroboration

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not (ROOT / "datapackage.json").exists(), reason="no data package at the repository root")


@pytest.fixture
def copy(tmp_path) -> Path:
    for name in ("datapackage.json", "data", "articles"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, tmp_path / name)
    return tmp_path


def edit(root: Path, table: str, fn) -> None:
    path = root / "data" / f"{table}.csv"
    fn(pl.read_csv(path, infer_schema=False)).write_csv(path)


def checks(findings) -> set[str]:
    return {f.check for f in findings}


@pytest.fixture(scope="module")
def real():
    return Package.read(ROOT)


def test_real_data_is_anchored(real):
    assert check_anchors(real) == []


def test_real_data_is_covered(real):
    cov = check_coverage(real)
    assert cov.findings == [], "\n".join(map(str, cov.findings))
    for sid in real.texts:
        assert cov.numbers[sid]["uncovered"] == 0 and cov.numbers[sid]["figure"] > 0
        assert cov.names[sid]["uncovered"] == 0 and cov.names[sid]["curated"] > 0


def test_quote_changed_by_one_character(copy):
    edit(copy, "statements", lambda d: d.with_columns(
        pl.when(pl.col("statement_id") == "ST07").then(pl.col("quote").str.replace("500", "600")).otherwise(pl.col("quote")).alias("quote")))
    found = check_anchors(Package.read(copy))
    assert [(f.check, f.table, f.row, f.column) for f in found] == [("quote-verbatim", "statements", 7, "quote")]


def test_offsets_shifted(copy):
    edit(copy, "event_sources", lambda d: d.with_columns(
        pl.when(pl.int_range(pl.len()) == 3).then((pl.col("char_start").cast(int) + 1).cast(str)).otherwise(pl.col("char_start")).alias("char_start")))
    found = check_anchors(Package.read(copy))
    assert {(f.check, f.table, f.row) for f in found} == {("quote-verbatim", "event_sources", 4)}


def test_article_byte_changed(copy):
    art = next((copy / "articles").glob("002_*.txt"))
    art.write_bytes(art.read_bytes().replace(b"Aktobe", b"Aktabe"))
    assert "article-hash" in checks(check_anchors(Package.read(copy)))


def test_article_not_utf8(copy):
    art = next((copy / "articles").glob("000_*.txt"))
    art.write_bytes(art.read_bytes() + b"\xff")
    found = [f for f in check_anchors(Package.read(copy)) if f.check == "article-hash"]
    assert any("not UTF-8" in f.message for f in found) and all(f.table == "sources" and f.row == 1 for f in found)


def test_missing_translation(copy):
    edit(copy, "figures", lambda d: d.with_columns(
        pl.when(pl.col("figure_id") == "F003").then(pl.lit(None)).otherwise(pl.col("quote_en")).alias("quote_en")))
    found = check_anchors(Package.read(copy))
    assert [(f.check, f.table, f.row, f.column) for f in found] == [("translation", "figures", 3, "quote_en")]


@pytest.mark.parametrize("column,new,reason", [("value", "300", "reads as 3000"), ("number_char_start", "1", "outside its quote")])
def test_figure_number_disagrees(copy, column, new, reason):
    edit(copy, "figures", lambda d: d.with_columns(
        pl.when(pl.col("figure_id") == "F003").then(pl.lit(new)).otherwise(pl.col(column)).alias(column)))
    found = [f for f in check_anchors(Package.read(copy)) if f.check == "figure-number"]
    assert found and all(f.row == 3 for f in found) and any(reason in f.message for f in found)


def test_vague_range_disagrees(copy):
    edit(copy, "figures", lambda d: d.with_columns(
        pl.when(pl.col("figure_id") == "F029").then(pl.lit("50")).otherwise(pl.col("value_high")).alias("value_high")))
    found = check_anchors(Package.read(copy))
    assert [(f.check, f.row, f.column) for f in found] == [("figure-number", 29, "value_high")]


def test_name_form_not_in_any_article(copy):
    edit(copy, "actors", lambda d: d.with_columns(
        pl.when(pl.col("actor_id") == "putin").then(pl.lit("Vladimir Putin|Poetin")).otherwise(pl.col("name_forms")).alias("name_forms")))
    found = check_anchors(Package.read(copy))
    assert [(f.check, f.table, f.value) for f in found] == [("name-form", "actors", "Poetin")]


def test_removed_exclusion_leaves_a_token_uncovered(copy):
    edit(copy, "exclusions", lambda d: d.filter(pl.col("text") != "158"))
    found = check_coverage(Package.read(copy), names=False).findings
    assert [(f.check, f.value) for f in found] == [("coverage-numbers", "158")]


def test_removed_figure_leaves_its_number_uncovered(copy):
    edit(copy, "figures", lambda d: d.filter(pl.col("figure_id") != "F013"))
    found = check_coverage(Package.read(copy), names=False).findings
    assert [(f.check, f.value) for f in found] == [("coverage-numbers", "500")]


def test_unresolved_relative_date(copy):
    edit(copy, "events", lambda d: d.with_columns(
        pl.when(pl.col("event_id") == "E015").then(pl.lit("Some day in January.")).otherwise(pl.col("date_reasoning")).alias("date_reasoning")))
    found = check_coverage(Package.read(copy), names=False).findings
    assert [(f.check, f.value) for f in found] == [("coverage-dates", "Rabu")]


def test_missing_actor_name_is_found_by_the_tagger(copy):
    edit(copy, "actors", lambda d: d.with_columns(
        pl.when(pl.col("actor_id") == "mallinson").then(pl.lit("Mallinson")).otherwise(pl.col("name_forms")).alias("name_forms")))
    found = check_coverage(Package.read(copy)).findings
    assert [(f.check, f.value) for f in found] == [("coverage-names", "Kate")]


def test_corroboration_counts_independent_outlets(copy):
    pkg = Package.read(ROOT)
    before = corroboration(pkg.tables["events"], pkg.tables["event_sources"], pkg.tables["sources"])
    e011 = before.filter(pl.col("event_id") == "E011").row(0, named=True)
    assert (e011["n_sources"], e011["n_independent_sources"]) == (5, 5)
    assert before["n_sources"].min() >= 1 and (before["n_independent_sources"] <= before["n_sources"]).all()
    # If source 000 were a repost of the BBC, it would no longer be independent of source 002.
    edit(copy, "sources", lambda d: d.with_columns(
        pl.when(pl.col("source_id").str.starts_with("000_")).then(pl.lit("BBC News")).otherwise(pl.col("original_outlet")).alias("original_outlet")))
    pkg = Package.read(copy)
    after = corroboration(pkg.tables["events"], pkg.tables["event_sources"], pkg.tables["sources"])
    e011 = after.filter(pl.col("event_id") == "E011").row(0, named=True)
    assert (e011["n_sources"], e011["n_independent_sources"]) == (5, 4)
