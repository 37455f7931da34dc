"""The number-token finder, and properties of the reader it shares its vocabulary with."""

from hypothesis import given, strategies as st


from qantar.text.numbers import read
from qantar.text.tokens import number_tokens


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


# Vague quantity words are a class: every word the reader knows is one token wherever it stands,
# in any case, with its parts separated by a plain or a non-breaking space.
def _vague_vocabulary():
    from qantar.text.numbers import SHARES, VAGUE_COUNTS, VAGUE_RANGES

    return sorted({*VAGUE_COUNTS, *SHARES, *VAGUE_RANGES})


def test_every_vague_word_is_one_token_that_reads_back():
    for word in _vague_vocabulary():
        for written in (word, word.capitalize(), word.replace(" ", "\u00a0")):
            text = f"Menurut laporan, {written} warga turun ke jalan."
            toks = number_tokens(text)
            assert [(t.text, t.kind) for t in toks] == [(written, "vague")], written
            assert read(toks[0].text) is not None, written


def test_vague_words_in_running_text():
    text = ("Sebagian besar warga menolak, tetapi segelintir elit dan tak sedikit pejabat setuju; kebanyakan "
            "toko tutup di seluruh negeri, hampir tak ada bank buka, dan puluhan ribu orang berkumpul di "
            "berbagai kota selama berpuluh-puluh jam. Semuanya terjadi ketika sebagian kecil polisi mundur.")
    assert [t.text for t in number_tokens(text)] == [
        "Sebagian besar", "segelintir", "tak sedikit", "kebanyakan", "seluruh", "hampir tak ada", "puluhan ribu",
        "berbagai", "berpuluh-puluh", "Semuanya", "sebagian kecil"]


def test_words_that_only_look_like_vague_words_are_not_tokens():
    # reduplication ("little by little"), a superlative inside another word, the hedges of a number
    # ("at most 10", "at least two": the number is the token), words that contain a vague word
    text = ("Harga naik sedikit-sedikit; sebanyak-banyaknya 5 orang, paling banyak 10 orang dan paling sedikit "
            "dua korban; terbanyak, keseluruhan, sesemuanya, disemua.")
    assert [t.text for t in number_tokens(text)] == ["5", "10", "dua"]


def test_paling_banyak_without_a_number_is_a_vague_word():
    assert [t.text for t in number_tokens("Almaty menderita paling banyak kerusakan.")] == ["banyak"]
