"""The fast paths behind the benchmarks give the answers of the plain ones they replace.

Each faster implementation (validators, provenance, reader) is checked against a slow
reference written the obvious way, on the real articles and on hypothesis-generated input.
No test here measures time: the timings live in bench/ (see docs/performance.md).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qantar import csvfile, model
from qantar.text import tokens as _tokens
from qantar.validate.rules._coverage import Spans as _Spans
from qantar.validate.rules.name_forms import occurring

REPO = Path(__file__).resolve().parents[2]
ARTICLES = sorted((REPO / "articles").glob("*.txt"))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- number tokens ------------------------------------------------------------------------

# The pattern as it was before the fast path: one IGNORECASE alternation, every kind with its
# own word-start look-behind.
_W = _tokens._words
_REFERENCE = re.compile(
    "|".join([
        rf"(?P<relative>(?<!\w)(?:{_W(_tokens.RELATIVE)})(?!\w))",
        r"(?P<time>(?<!\w)\d{1,2}:\d{2}(?::\d{2})?(?!\w))",
        r"(?P<day_month>(?<!\w)\d{1,2}/\d{1,2}(?![\w/]))",
        rf"(?P<digits>\$?(?<![\w.])\d+(?:[.,]\d+)*(?:\s?(?:{_W(_tokens.MULTIPLIERS)}))?(?!\w))",
        rf"(?P<vague>(?<![\w-])(?:(?:{_W(_tokens.VAGUE_RANGES)})(?:\s+(?:ribu|juta))?"
        rf"|{_W(_tokens._VAGUE_WORDS, spaced=True)})(?![\w-]))",
        rf"(?P<cardinal>(?<!\w)(?:{_W(_tokens._NUMBER_WORDS)})(?!\w))",
        rf"(?P<ordinal>(?<!\w)(?:{_W(_tokens.ORDINALS)})(?!\w))",
        rf"(?P<month>(?<!\w)(?:{_W(_tokens.MONTHS)})(?!\w))",
        rf"(?P<day>(?<!\w)(?:{_W(_tokens.DAYS)})(?!\w))",
        r"(?P<roman>(?<!\w)(?:II|III|IV|VI|VII|VIII|IX|XI|XII)(?!\w))",
    ]),
    re.IGNORECASE,
)


def reference_tokens(text: str) -> list[tuple[int, int, str, str]]:
    return [
        (m.start(), m.end(), m.group(0), m.lastgroup)
        for m in _REFERENCE.finditer(text)
        if not (m.lastgroup == "roman" and m.group(0) != m.group(0).upper())
        and not (m.lastgroup == "vague" and _tokens._is_hedge(text, m.start(), m.end()))
    ]


def tokens(text: str) -> list[tuple[int, int, str, str]]:
    return [(t.start, t.end, t.text, t.kind) for t in _tokens.number_tokens(text)]


def test_vocabulary_is_lower_case() -> None:
    # the fast path matches lower-cased text case-sensitively
    for words in (_tokens.RELATIVE, _tokens.MULTIPLIERS, _tokens._VAGUE_WORDS, _tokens._NUMBER_WORDS,
                  _tokens.ORDINALS, _tokens.MONTHS, _tokens.DAYS):
        assert all(w == w.lower() for w in words)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_tokens_of_the_articles_match_the_reference(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = tokens(text)
    assert found == reference_tokens(text)
    assert len(found) >= 10


@pytest.mark.parametrize(
    "text",
    [
        "US$500 dan $ 5, $x, $$5, .$5, 3.000 orang, 1.2.3, .5, a5, 5a, 20rb, 20 RIBU, 2 Juta",
        "Rabu, 5 Januari 2022 pukul 10:00 WIB; 12/01; beberapa hari lalu, BEBERAPA, baru-baru ini",
        "Pasal II, ii, Ii, iv, IV, XII; KEDUA, ketiga; sejumlah besar; sejuta; jutaan",
        "\u017fatu (long s) KAMIS \u0130ki \u212aelvin \u2168 \u0661\u0662 tiga",  # letters that fold under IGNORECASE
    ],
)
def test_tokens_of_tricky_text_match_the_reference(text: str) -> None:
    assert tokens(text) == reference_tokens(text)


_WORDS = ["dua", "Tiga", "RIBU", "rb", "juta", "Rabu", "januari", "hari", "ini", "lalu", "beberapa", "II", "iv",
          "ke", "kedua", "pertama", "sejumlah", "besar", "x", "US", "\u017f", "\u0130", "\u212a"]


@FAST
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.from_regex(r"\$?[0-9]{1,4}([.,:/][0-9]{1,3})?", fullmatch=True),
                          st.text(alphabet=" ,.-$/:\n", min_size=1, max_size=2)), max_size=30))
def test_tokens_match_the_reference_on_generated_text(parts: list[str]) -> None:
    text = "".join(parts)
    assert tokens(text) == reference_tokens(text)


_VOCABULARY = sorted({*_tokens.RELATIVE, *_tokens.VAGUE_RANGES, *_tokens._VAGUE_WORDS, *_tokens._NUMBER_WORDS,
                      *_tokens.ORDINALS, *_tokens.MONTHS, *_tokens.DAYS, *_tokens.MULTIPLIERS, *_tokens._ROMAN})


@FAST
@given(st.lists(st.one_of(st.sampled_from(_VOCABULARY), st.sampled_from(_VOCABULARY).map(str.title),
                          st.from_regex(r"\$?[0-9]{1,4}([.,:/][0-9]{1,3})?", fullmatch=True),
                          st.text(alphabet=" ,.-$/:\n_(ae1", min_size=1, max_size=2)), max_size=40))
def test_tokens_match_the_reference_on_the_whole_vocabulary(parts: list[str]) -> None:
    # the fast path tries the pattern only where a vocabulary entry's first word (or a digit, or
    # '$') starts: every entry, glued to its neighbours in every way, must still be found
    text = "".join(parts)
    assert tokens(text) == reference_tokens(text)


# --- name forms and spans -----------------------------------------------------------------


@FAST
@given(st.sets(st.text(alphabet="abAB -", min_size=1, max_size=4), max_size=8),
       st.lists(st.text(alphabet="abAB -x", max_size=30), max_size=4))
def test_occurring_is_substring_search(forms: set[str], corpus: list[str]) -> None:
    assert occurring(forms, corpus) == {f for f in forms if any(f in t for t in corpus)}


@FAST
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=12), st.integers(0, 40), st.integers(0, 40))
def test_spans_containment_is_the_plain_scan(pairs, a, b) -> None:
    spans = [(x, y, f"id{i}") for i, (x, y) in enumerate(pairs)]
    index = _Spans(spans)
    holding = [ident for x, y, ident in spans if x <= a and b <= y]
    assert index.covers(a, b) == bool(holding)
    assert sorted(index.holding(a, b)) == sorted(holding)


# --- the validators' reader ---------------------------------------------------------------


def _one_table(fields: list[str]) -> model.Table:
    descriptor = {"resources": [{"name": "t", "path": "data/t.csv", "schema": {"fields": [{"name": f} for f in fields]}}]}
    return model.from_descriptor(descriptor).tables["t"]


def _slow_rows(table: model.Table, data: bytes) -> list[list[str]]:
    return csvfile._rows(table.field_names, csvfile._text(data))


@pytest.mark.parametrize("table", [p.stem for p in sorted((REPO / "data").glob("*.csv"))])
def test_real_tables_take_the_fast_reader_and_agree(table: str) -> None:
    t = model.read(REPO).tables[table]
    data = (REPO / t.path).read_bytes()
    fast = csvfile._grid_fast(t.field_names, data)
    assert fast is not None, "a table written by the project's tools is read by polars"
    assert [list(r) for r in fast.rows()] == _slow_rows(t, data)


_CELL = st.tuples(st.text(alphabet='ab,"\n\r x\u00e9', max_size=6), st.integers(0, 2))


def _format(cell: str, how: int) -> str:
    if how == 0:
        return cell  # raw: may break the row
    if how == 1:
        return '"' + cell.replace('"', '""') + '"'
    return '"' + cell + '"'  # quoted, inner quotes not doubled


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.lists(_CELL, min_size=3, max_size=3), max_size=5), st.sampled_from(["\n", "\r\n"]), st.booleans(),
       st.sampled_from(["a,b,c", "b,a,c", "a,b", "a,b,c,d", "a,a,b,c"]))
def test_fast_reader_is_the_csv_reader_or_declines(rows, newline, final, header) -> None:
    body = header + newline + newline.join(",".join(_format(c, h) for c, h in r) for r in rows) + (newline if final else "")
    table = _one_table(["a", "b", "c"])
    fast = csvfile._grid_fast(table.field_names, body.encode("utf-8"))
    if fast is not None:
        assert [list(r) for r in fast.rows()] == _slow_rows(table, body.encode("utf-8"))


def test_fast_reader_declines_damage() -> None:
    cases = {
        "short row": b"a,b,c\n1,2\n",
        "blank line": b"a,b,c\n1,2,3\n\n4,5,6\n",
        "not utf-8": b"a,b,c\n1,\xff,3\n",
        "stray quote": b'a,b,c\n1,"x"y,3\n',
        "lone carriage return": b"a,b,c\r1,2,3\r",
    }
    for name, body in cases.items():
        assert csvfile._grid_fast(["a", "b", "c"], body) is None, name


# --- a synthetic package is valid -----------------------------------------------------------


@pytest.mark.slow
def test_synthetic_package_passes_every_fast_layer(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import synth
    finally:
        sys.path.remove(str(REPO / "bench"))
    from qantar.validate import validate

    facts = synth.generate(tmp_path / "syn", 2_000)
    assert facts["rows"] >= 2_000 and facts["copies"] > 2
    report = validate(tmp_path / "syn", fast=True, skip=synth.SKIP)
    assert [f.to_dict() for f in report.failures] == []
    assert all(layer.error is None for layer in report.layers)
    # and a damaged copy is not: one quote changed in a copy after the first
    events = tmp_path / "syn" / "data" / "event_sources.csv"
    lines = events.read_text(encoding="utf-8").split("\n")
    assert lines[-2].count(",") >= 5
    import polars as pl

    frame = pl.read_csv(events, infer_schema=False)
    frame = frame.with_columns(pl.when(pl.int_range(pl.len()) == frame.height - 1)
                               .then(pl.col("quote") + "!").otherwise(pl.col("quote")).alias("quote"))
    frame.write_csv(events)
    damaged = validate(tmp_path / "syn", layers=["consistency"], fast=True, skip=synth.SKIP)
    assert {(f.rule, f.table, f.row) for f in damaged.failures} >= {("quote-verbatim", "event_sources", frame.height)}


def test_coverage_span_index_is_the_plain_grouping() -> None:
    from qantar.validate.inputs import Inputs
    from qantar.validate.rules._coverage import spans

    inputs = Inputs(REPO)
    plain: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for span in inputs.model.spans():
        frame = inputs.strings(span.table)
        key = inputs.table(span.table).field_names[0]
        for sid, a, b, ident in frame.select(span.source, span.start, span.end, pl.col(key).alias("_key")).iter_rows():
            if sid is not None and a is not None and b is not None:
                plain.setdefault((sid, span.kind), []).append((int(a), int(b), f"{span.table}:{ident}"))
    index = spans(inputs)
    assert {(sid, kind) for sid, kinds in index.items() for kind in kinds} == set(plain)
    for (sid, kind), rows in plain.items():
        got = index[sid][kind]
        assert [(a, b, got.ids[j]) for j, (a, b) in enumerate(zip(got.starts, got.ends, strict=True))] == sorted(rows), (sid, kind)
        assert got.holding(rows[0][0], rows[0][0]) == _Spans(rows).holding(rows[0][0], rows[0][0])


@settings(max_examples=400, deadline=None)
@given(
    data=st.binary(max_size=40), cut=st.lists(st.integers(1, 9), max_size=12), terminator=st.sampled_from(["\n", "\r\n"]),
    edit=st.sampled_from(["same", "terminator", "short", "longer", "two terminators", "changed"]),
)
def test_the_write_back_comparison_is_equality(data: bytes, cut: list[int], terminator: str, edit: str) -> None:
    """The fast reader's write-back check compares chunk by chunk without holding the file: it
    says 'same' exactly when the bytes written are the file, or the file and one final terminator."""
    end = terminator.encode()
    written = {
        "same": data, "terminator": data + end, "short": data[:-1], "longer": data + b"x",
        "two terminators": data + end + end, "changed": data[:-1] + bytes([(data[-1:] or b"a")[0] ^ 1]),
    }[edit]
    sink = csvfile._SameAs(data)
    at = 0
    for n in [*cut, len(written)]:  # chunks of any size, the rest in one
        sink.write(written[at:at + n])
        at += n
    assert sink.matches(terminator) == (written in (data, data + end))
