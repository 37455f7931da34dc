"""The Indonesian number reader (qantar/_numbers.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qantar._numbers import Reading, disagreement, read


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
        ("mayoritas", Reading(50, None, None, "more_than", "share")),
    ],
)
def test_reads(text: str, expected: Reading) -> None:
    assert read(text) == expected


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
    assert "not a number" in disagreement("setengah", 1)
    # a plain number implies no range: the qualifier comes from the context
    assert disagreement("10.000", 10000, None, 10000, "less_than") is None
