"""The Indonesian number reader (qantar/text/numbers.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qantar.text.numbers import Reading, disagreement, read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("500", Reading(500)),
        ("3.000", Reading(3000)),
        ("10.000", Reading(10000)),
        ("1.234.567", Reading(1234567)),
        ("20rb", Reading(20000)),
        ("20 rb", Reading(20000)),
        ("20 ribu", Reading(20000)),
        ("2 juta", Reading(2_000_000)),
        ("6", Reading(6)),
        ("satu", Reading(1, kind="word")),
        ("lima", Reading(5, kind="word")),
        ("Enam", Reading(6, kind="word")),
        ("sepuluh", Reading(10, kind="word")),
        ("sebelas", Reading(11, kind="word")),
        ("pertama", Reading(1, kind="ordinal")),
        ("kedua", Reading(2, kind="ordinal")),
        ("ketiga", Reading(3, kind="ordinal")),
        ("keempat", Reading(4, kind="ordinal")),
        ("kelima", Reading(5, kind="ordinal")),
        ("belasan", Reading(11, 11, 19, "vague", "vague")),
        ("Puluhan", Reading(10, 10, 99, "vague", "vague")),
        ("ratusan", Reading(100, 100, 999, "vague", "vague")),
        ("ribuan", Reading(1000, 1000, 9999, "vague", "vague")),
        ("sejumlah", Reading(None, 2, None, "vague", "vague")),
        ("beberapa", Reading(None, 2, None, "vague", "vague")),
        ("banyak", Reading(None, 2, None, "vague", "vague")),
        ("sejumlah  besar", Reading(None, 2, None, "vague", "vague")),
        ("mayoritas", Reading(50, 50, 100, "more_than", "share")),
    ],
)
def test_reads(text: str, expected: Reading) -> None:
    assert read(text) == expected


# Vague quantity words as classes (none of these forms is in the five articles): counts have no
# point value and a lower bound; shares are per cent, with the conservative end as the value.
SEVERAL = Reading(None, 2, None, "vague", "vague")
FEW = Reading(None, 1, None, "vague", "vague")
ALL = Reading(100, None, None, None, "share")
MOST = Reading(50, 50, 100, "more_than", "share")
ALMOST_ALL = Reading(50, 50, 100, "vague", "share")
ALMOST_NONE = Reading(0, 0, 50, "vague", "share")
SMALL_PART = Reading(50, 0, 50, "less_than", "share")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *((w, SEVERAL) for w in ["berbagai", "Pelbagai", "beragam", "aneka", "bermacam-macam", "macam-macam",
                                  "banyaknya", "tak sedikit", "tidak  sedikit", "sejumlah besar"]),
        *((w, FEW) for w in ["sedikit", "segelintir", "sejumlah kecil"]),
        *((w, ALL) for w in ["semua", "Semuanya", "seluruh", "seluruhnya", "segenap", "segala", "segalanya"]),
        *((w, MOST) for w in ["sebagian besar", "sebagian besarnya", "kebanyakan", "kebanyakannya", "sebagian terbesar",
                              "mayoritasnya"]),
        *((w, ALMOST_ALL) for w in ["hampir semua", "Hampir seluruhnya", "nyaris semua", "nyaris\u00a0seluruh"]),
        *((w, ALMOST_NONE) for w in ["hampir tidak ada", "hampir tak ada", "nyaris tidak ada", "nyaris tak ada"]),
        *((w, SMALL_PART) for w in ["sebagian kecil", "minoritas"]),
        ("sebagian", Reading(None, 0, 100, "vague", "share")),
        ("separuh", Reading(50, None, None, None, "share")),
        ("jutaan", Reading(1_000_000, 1_000_000, 9_999_999, "vague", "vague")),
        ("berpuluh-puluh", Reading(10, 10, 99, "vague", "vague")),
        ("beribu-ribu", Reading(1000, 1000, 9999, "vague", "vague")),
        ("puluhan ribu", Reading(10_000, 10_000, 99_999, "vague", "vague")),
        ("ratusan ribu", Reading(100_000, 100_000, 999_999, "vague", "vague")),
        ("belasan juta", Reading(11_000_000, 11_000_000, 19_999_999, "vague", "vague")),
    ],
)
def test_reads_vague_quantity_classes(text: str, expected: Reading) -> None:
    assert read(text) == expected


# Words near the class that are not quantity words: hedges of a number ("sedikitnya 20", at least
# 20), articles and classifiers, free choice, frequency, order, a fraction of a measure.
@pytest.mark.parametrize("text", ["sedikitnya", "setidaknya", "sebuah", "seorang", "salah satu", "mana pun",
                                  "setiap", "para", "sekali", "terakhir", "setengah", "hampir", "tidak ada",
                                  "sebagian-sebagian", "banyak banyak"])
def test_near_misses_are_not_read(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize("text", ["", "3,5", "3.00", "1.0000", "tiga puluh", "lima\u0301", "пять", "ke", "rb", None, "10.000.0"])
def test_unknown_or_malformed_is_none(text: str | None) -> None:
    assert read(text) is None


def test_lookalike_letters_are_not_read() -> None:
    assert read("lima") is not None
    assert read("lim\u0430") is None  # Cyrillic 'а'


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separator_round_trip(n: int) -> None:
    written = f"{n:,}".replace(",", ".")
    assert read(written) == Reading(n)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=999_999))
def test_rb_suffix_multiplies_by_a_thousand(n: int) -> None:
    assert read(f"{n}rb").value == n * 1000


def test_disagreement() -> None:
    assert disagreement("3.000", 3000) is None
    assert "value 3" in disagreement("3.000", 3)
    assert disagreement("puluhan", 10, 10, 99, "vague") is None
    assert "value_high" in disagreement("puluhan", 10, 10, 100, "vague")
    assert "qualifier" in disagreement("ratusan", 100, 100, 999, "exact")
    assert disagreement("beberapa", None, 2, None, "vague") is None
    assert disagreement("mayoritas", 50, 50, 100, "more_than") is None
    assert "value_low" in disagreement("mayoritas", 50, None, None, "more_than")
    assert disagreement("sebagian besar", 50, 50, 100, "more_than") is None
    assert "qualifier" in disagreement("sebagian besar", 50, 50, 100, "vague")
    assert disagreement("semua", 100, None, None, "exact") is None
    assert "value 90" in disagreement("Semua", 90)
    assert disagreement("hampir tidak ada", 0, 0, 50, "vague") is None
    assert "value_low 2" in disagreement("segelintir", None, 2, None, "vague")
    assert "not a number" in disagreement("setengah", 1)
    # a plain number implies no range: the qualifier comes from the context
    assert disagreement("10.000", 10000, None, 10000, "less_than") is None


_AROUND = st.sampled_from(["", " ", "-", ",", "x", "é", "Ж", "ß", "'", "\u00a0", "1"])


@settings(max_examples=300, deadline=None)
@given(before=_AROUND, after=_AROUND, upper=st.booleans(), data=st.data())
def test_the_number_word_screen_clears_no_text_the_reader_reads(before: str, after: str, upper: bool, data) -> None:
    # translation-keeps-numbers clears a text in polars when it has neither a digit nor a number word
    # (ASCII word boundaries, for speed); the token reader must never find a number word it cleared
    import polars as pl

    from qantar.text.numbers import ORDINALS, WORDS
    from qantar.text.tokens import number_tokens
    from qantar.validate.rules.translation_numbers import _INDONESIAN_WORDS

    word = data.draw(st.sampled_from(sorted({*WORDS, *ORDINALS})))
    text = f"kata {before}{word.upper() if upper else word}{after} lagi"
    found = [t for t in number_tokens(text) if t.kind in ("cardinal", "ordinal")]
    screened = pl.Series([text]).str.contains(_INDONESIAN_WORDS).item()
    assert screened or not found, (text, found)
