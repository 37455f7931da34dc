"""The number-token finder, and properties of the reader it shares its vocabulary with."""

from hypothesis import given, strategies as st


from qantar._numbers import read
from qantar._tokens import number_tokens


def dotted(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**9))
def test_thousands_separator_round_trip(n):
    assert read(dotted(n)).value == n


@given(st.integers(min_value=1, max_value=999))
def test_rb_is_thousands(n):
    assert read(f"{n}rb").value == n * 1000


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
