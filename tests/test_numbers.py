"""The reading of Indonesian numbers and the number-token finder."""

from hypothesis import given, strategies as st

import pytest

from qantar._tokens import Reading, number_tokens, read_number


@pytest.mark.parametrize("written,reading", [
    ("3.000", Reading(3000)), ("10.000", Reading(10000)), ("20rb", Reading(20000)), ("$5", Reading(5)),
    ("lima", Reading(5)), ("enam", Reading(6)), ("tiga", Reading(3)), ("sepuluh", Reading(10)),
    ("kedua", Reading(2)), ("kelima", Reading(5)), ("belasan", Reading(11, 11, 19)), ("Puluhan", Reading(10, 10, 99)),
    ("ratusan", Reading(100, 100, 999)), ("beberapa", Reading(None, 2, None)), ("2,5 juta", Reading(2_500_000)),
])
def test_read_number(written, reading):
    assert read_number(written) == reading


@pytest.mark.parametrize("junk", ["tiga puluh dua", "3.00", "abc", "", "2,5"])
def test_read_number_rejects(junk):
    with pytest.raises(ValueError):
        read_number(junk)


def dotted(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**9))
def test_thousands_separator_round_trip(n):
    assert read_number(dotted(n)).value == n


@given(st.integers(min_value=1, max_value=999))
def test_rb_is_thousands(n):
    assert read_number(f"{n}rb").value == n * 1000


words = st.sampled_from(["orang", "tentara", "di", "Almaty", "kota", "hari", "dan", "negara"])


@given(st.lists(words, min_size=1, max_size=8), st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=8))
def test_a_number_in_text_is_found_at_its_offsets(prefix, n, cut):
    head = " ".join(prefix[:cut])
    text = f"{head} {dotted(n)} {' '.join(prefix[cut:])}".strip()
    start = text.index(dotted(n))
    toks = [t for t in number_tokens(text) if t.kind == "digits"]
    assert [(t.start, t.end, t.text) for t in toks] == [(start, start + len(dotted(n)), dotted(n))]


def test_tokens_in_order_and_disjoint():
    text = "Pada hari Rabu, 7 Januari 2022 pukul 12:13, puluhan orang dan sekitar 8.000 tentara (10/1) tahun lalu."
    toks = number_tokens(text)
    assert [t.text for t in toks] == ["Rabu", "7", "Januari", "2022", "12:13", "puluhan", "8.000", "10/1", "tahun lalu"]
    assert all(a.end <= b.start for a, b in zip(toks, toks[1:]))
