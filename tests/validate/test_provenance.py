"""Coverage, name forms and corroboration: pass on the data, fail on deliberately broken copies.

(Quotes, offsets, article hashes and figure readings are consistency rules: their damage cases
are in test_validate_mutations.py.)"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from _validate_helpers import copy_package

from qantar.corroboration import corroboration
from qantar.validate.inputs import Inputs
from qantar.validate.rules import coverage_dates, coverage_names, coverage_numbers, name_forms
from qantar.validate.rules._coverage import readings

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not (ROOT / "datapackage.json").exists(), reason="no data package at the repository root")


@pytest.fixture
def copy(tmp_path) -> Path:
    return copy_package(tmp_path / "pkg")


def edit(root: Path, table: str, fn) -> None:
    path = root / "data" / f"{table}.csv"
    fn(pl.read_csv(path, infer_schema=False)).write_csv(path)


class Found:
    """A finding with the name of the rule that made it."""

    def __init__(self, check: str, finding) -> None:
        self.check, self.table, self.row, self.value = check, finding.table, finding.row, finding.value


def check_name_forms(root: Path) -> list[Found]:
    return [Found("name-forms-occur", f) for f in name_forms.check(Inputs(root))]


def check_coverage(root: Path, *, names: bool = True) -> list[Found]:
    inputs = Inputs(root)
    modules = [("coverage-numbers", coverage_numbers), ("coverage-dates", coverage_dates)]
    modules += [("coverage-names", coverage_names)] if names else []
    return sorted((Found(n, f) for n, m in modules for f in m.check(inputs)), key=lambda f: (f.row or 0,))


@pytest.fixture(scope="module")
def real():
    return ROOT


def test_real_data_name_forms_occur(real):
    assert check_name_forms(real) == []


def test_real_data_is_covered(real):
    assert [(f.check, f.value) for f in check_coverage(real)] == []
    inputs = Inputs(real)
    by_source: dict[str, set[str]] = {}
    for r in readings(inputs):
        by_source.setdefault(r.source_id, set()).add(r.status)
    for sid in inputs.strings("sources")["source_id"].to_list():
        assert "figure" in by_source[sid] and "uncovered" not in by_source[sid]


def test_name_form_not_in_any_article(copy):
    edit(copy, "actors", lambda d: d.with_columns(
        pl.when(pl.col("actor_id") == "putin").then(pl.lit("Vladimir Putin|Poetin")).otherwise(pl.col("name_forms")).alias("name_forms")))
    found = check_name_forms(copy)
    assert [(f.check, f.table, f.row, f.value) for f in found] == [("name-forms-occur", "actors", 3, "Poetin")]


def test_removed_exclusion_leaves_a_token_uncovered(copy):
    edit(copy, "exclusions", lambda d: d.filter(pl.col("text") != "158"))
    found = check_coverage(copy, names=False)
    assert [(f.check, f.value) for f in found] == [("coverage-numbers", "158")]


def test_removed_figure_leaves_its_number_uncovered(copy):
    edit(copy, "figures", lambda d: d.filter(pl.col("figure_id") != "F013"))
    found = check_coverage(copy, names=False)
    assert [(f.check, f.value) for f in found] == [("coverage-numbers", "500")]


def test_vague_quantity_words_are_tokens_to_account_for(copy):
    article = next((copy / "articles").glob("000_*.txt"))
    text = article.read_text(encoding="utf-8")
    # Appended, so that no curated offset moves; none of these forms is in the articles.
    article.write_text(text + "\nSebagian besar warga dan segelintir elit setuju; hampir tak ada yang menolak di "
                              "pelbagai kota.\n", encoding="utf-8")
    found = check_coverage(copy, names=False)
    assert [(f.check, f.value) for f in found] == [
        ("coverage-numbers", "Sebagian besar"), ("coverage-numbers", "segelintir"),
        ("coverage-numbers", "hampir tak ada"), ("coverage-numbers", "pelbagai")]


def test_unresolved_relative_date(copy):
    edit(copy, "events", lambda d: d.with_columns(
        pl.when(pl.col("event_id") == "E015").then(pl.lit("Some day in January.")).otherwise(pl.col("date_reasoning")).alias("date_reasoning")))
    found = check_coverage(copy, names=False)
    assert [(f.check, f.value) for f in found] == [("coverage-dates", "Rabu")]


def test_missing_actor_name_is_found_by_the_names_check(copy):
    edit(copy, "actors", lambda d: d.with_columns(
        pl.when(pl.col("actor_id") == "mallinson").then(pl.lit("Mallinson")).otherwise(pl.col("name_forms")).alias("name_forms")))
    found = check_coverage(copy)
    assert [(f.check, f.value) for f in found] == [("coverage-names", "Kate")]


def test_every_exclusion_holds_a_candidate_or_a_number(real):
    """No exclusion is left over from an earlier rule: each one holds a name candidate or a
    number-like token that the coverage check would otherwise report."""
    from qantar.text.tokens import number_tokens
    from qantar.text.names import candidates
    inputs = Inputs(real)
    articles = inputs.texts()
    found = {sid: [(c.start, c.end) for c in candidates(t)] + [(k.start, k.end) for k in number_tokens(t)]
             for sid, t in articles.items()}
    idle = [x for x, sid, a, b in inputs.strings("exclusions").select("exclusion_id", "source_id", "char_start", "char_end").iter_rows()
            if not any(int(a) <= s and e <= int(b) for s, e in found[sid])]
    assert idle == []


def test_name_with_lookalike_letters_is_reported(copy):
    article = next((copy / "articles").glob("004_*.txt"))
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Antony Blinken", "Antony Bl\u0456nken", 1), encoding="utf-8")  # Cyrillic і
    found = check_coverage(copy)
    # "Antony" too: the name form "Antony Blinken" no longer matches around it.
    assert [(f.check, f.value) for f in found] == [("coverage-names", "Antony"), ("coverage-names", "Bl\u0456nken")]


def test_sentence_initial_common_word_is_not_reported(copy):
    article = next((copy / "articles").glob("000_*.txt"))
    text = article.read_text(encoding="utf-8")
    # Appended, so that no curated offset moves.
    article.write_text(text + "\nAkibatnya harga naik. Pemilihannya ditunda. “Revolusi tidak datang.”\nDilema itu nyata.\n",
                       encoding="utf-8")
    assert check_coverage(copy) == []


def test_corroboration_counts_independent_outlets(copy):
    pkg = Inputs(ROOT)
    before = corroboration(pkg.strings("events"), pkg.strings("event_sources"), pkg.strings("sources"))
    e011 = before.filter(pl.col("event_id") == "E011").row(0, named=True)
    assert (e011["n_sources"], e011["n_independent_sources"]) == (5, 5)
    assert before["n_sources"].min() >= 1 and (before["n_independent_sources"] <= before["n_sources"]).all()
    # If source 000 were a repost of the BBC, it would no longer be independent of source 002.
    edit(copy, "sources", lambda d: d.with_columns(
        pl.when(pl.col("source_id").str.starts_with("000_")).then(pl.lit("BBC News")).otherwise(pl.col("original_outlet")).alias("original_outlet")))
    pkg = Inputs(copy)
    after = corroboration(pkg.strings("events"), pkg.strings("event_sources"), pkg.strings("sources"))
    e011 = after.filter(pl.col("event_id") == "E011").row(0, named=True)
    assert (e011["n_sources"], e011["n_independent_sources"]) == (5, 4)
