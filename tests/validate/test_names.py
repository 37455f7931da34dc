"""The names check's candidate finder: deterministic, and right on each class of case.

The finder reads capital letters by fixed rules and a shipped common-word list
(qantar/text/names.py, _lexicon.py). Its output must be a function of the text alone: the
same in fresh processes with different hash seeds, and the shipped list exactly what nlp-id's
corpus gives. The cases below are classes, each with several members: sentence-initial common
words, title-case headlines, titles before names, multi-word names, acronyms, hyphenated names,
names after quotes or line starts, look-alike letters.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from qantar.text.lexicon import _lexicon, build_from_nlp_id, is_common
from qantar.text.names import candidates

REPO = Path(__file__).resolve().parents[2]
ARTICLES = sorted((REPO / "articles").glob("*.txt"))
LEXICON = REPO / "qantar" / "text" / "lexicon.txt"
SEEDS = ("0", "1", "4242", "random")


def found(text: str) -> list[str]:
    return [c.text for c in candidates(text)]


# --- determinism ------------------------------------------------------------------------------

_DIGEST_CANDIDATES = """
import hashlib, sys
from pathlib import Path
from qantar.text.names import candidates
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[1:]]
out = "\\n".join(f"{i}\\t{c.start}\\t{c.end}\\t{c.text}" for i, t in enumerate(texts) for c in candidates(t))
sys.stdout.write(hashlib.sha256(out.encode()).hexdigest() + " " + str(len(out)))
"""

_DIGEST_LEXICON = """
import hashlib, sys
from qantar.text.lexicon import build_from_nlp_id
sys.stdout.write(hashlib.sha256(build_from_nlp_id().encode()).hexdigest())
"""


def _in_fresh_processes(code: str, *args: str, tmp_path: Path) -> set[str]:
    outputs = set()
    for seed in SEEDS:
        env = dict(os.environ, PYTHONHASHSEED=seed, HOME=str(tmp_path / seed), XDG_CACHE_HOME=str(tmp_path / seed / "cache"),
                   QANTAR_CACHE=str(tmp_path / seed / "qcache"))
        done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=300)
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    return outputs


@pytest.mark.slow
def test_candidates_are_the_same_in_fresh_processes_with_any_hash_seed(tmp_path: Path) -> None:
    outputs = _in_fresh_processes(_DIGEST_CANDIDATES, *map(str, ARTICLES), tmp_path=tmp_path)
    assert len(outputs) == 1, outputs
    # ... and the same as in this process.
    out = "\n".join(f"{i}\t{c.start}\t{c.end}\t{c.text}" for i, p in enumerate(ARTICLES)
                    for c in candidates(p.read_text(encoding="utf-8")))
    assert outputs == {hashlib.sha256(out.encode()).hexdigest() + " " + str(len(out))}
    assert len(out) > 1000


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("nlp_id") is None, reason='needs nlp-id (pip install -e ".[lexicon]")')
def test_shipped_lexicon_is_what_nlp_ids_corpus_gives_in_any_process(tmp_path: Path) -> None:
    """The shipped list is rebuilt byte for byte from nlp-id in fresh processes with different
    hash seeds: nothing in it depends on set order, the machine or a random generator."""
    outputs = _in_fresh_processes(_DIGEST_LEXICON, tmp_path=tmp_path)
    assert outputs == {hashlib.sha256(LEXICON.read_bytes()).hexdigest()}, (
        "qantar/text/lexicon.txt is not what nlp-id gives: run `python -m qantar.text.lexicon`")
    assert build_from_nlp_id().encode("utf-8") == LEXICON.read_bytes()


def test_lexicon_is_sorted_and_plain() -> None:
    lines = [w for w in LEXICON.read_text(encoding="utf-8").split("\n") if w and not w.startswith("#")]
    common = [w for w in lines if not w.startswith("!")]
    names = [w for w in lines if w.startswith("!")]
    assert common == sorted(common) and names == sorted(names) and lines == common + names
    assert len(common) > 30000 and all(w == w.lower() and " " not in w for w in lines)
    assert "MIT" in LEXICON.read_text(encoding="utf-8").split("\n\n")[0] or "Permission is hereby granted" in LEXICON.read_text(encoding="utf-8")


def test_is_common_does_not_depend_on_the_order_words_are_asked() -> None:
    words = ["Akibatnya", "Tokayev", "Pemilihannya", "Kediri", "Inggris", "Negara-negara", "Budi", "Dilema"]
    first = [is_common(w) for w in words]
    is_common.cache_clear()
    shuffled = words[:]
    random.Random(7).shuffle(shuffled)
    again = {w: is_common(w) for w in shuffled}
    assert first == [again[w] for w in words]


# --- classes of cases -------------------------------------------------------------------------

# An ordinary word opening a sentence, a paragraph, a quotation or a bracket is no name: plain
# words, derived forms (-nya, ke-...-an, pe-...-an, me-, di-, ber-), loanwords, reduplication.
SENTENCE_INITIAL_COMMON = [
    "Akibatnya, harga naik.", "Dilema pertama muncul.", "Pemilihannya dikritik.", "Revolusi warna terjadi.",
    "Krisis ini berlanjut.", "Kerusuhan pecah lagi.", "Sebelumnya, polisi datang.", "Menurutnya, situasi aman.",
    "Penangkapan dilakukan malam itu.", "Ketegangan meningkat.", "Demonstrasi berlangsung damai.",
    "Berdasarkan laporan, ada korban.", "Dikatakan bahwa situasi tenang.", "Negara-negara tetangga waspada.",
    "Kekerasan terjadi. Pemerintah menolak. Akhirnya pasukan ditarik.",
    "Dia berkata: Pasukan sudah pergi.", "“Kami tidak akan mundur,” katanya.", "(Pembaruan terakhir pukul tujuh.)",
    "Ia bertanya, \"Mengapa harus begitu?\"", "Penarikan pasukannya selesai.", "Pengunjuk rasa berkumpul.",
]


@pytest.mark.parametrize("text", SENTENCE_INITIAL_COMMON)
def test_sentence_initial_common_words_are_not_candidates(text: str) -> None:
    assert found(text) == []


def test_every_common_word_and_its_nya_form_at_a_sentence_start_is_not_a_candidate() -> None:
    common, _ = _lexicon()
    sample = sorted(w for w in common if w.isalpha() and len(w) > 3)[::97]
    assert len(sample) > 200
    flagged = [w for w in sample if found(f"{w.capitalize()} itu jelas.") or found(f"{(w + 'nya').capitalize()} jelas.")]
    assert flagged == []


# A name is a candidate wherever it stands: at a sentence start, after a quote, at a line start.
NAMES_IN_ANY_POSITION = [
    ("Tokayev meminta bantuan.", ["Tokayev"]),
    ("Almaty lumpuh. Tokayev meminta bantuan.", ["Almaty", "Tokayev"]),
    ("“Tokayev telah meminta bantuan,” kata juru bicara itu.", ["Tokayev"]),
    ("‘Nazarbayev masih berpengaruh’, tulisnya.", ["Nazarbayev"]),
    ("Menurut laporan\nKazakhstan menutup perbatasan.", ["Kazakhstan"]),
    ("kata dia (Reuters) kemarin", ["Reuters"]),
    ("Foto: Sputnik/Aleksey Nikolskyi", ["Aleksey", "Nikolskyi"]),
    ("pasukan tiba di Almaty pada malam hari", ["Almaty"]),
    ("menurut Chatham House di London", ["Chatham", "House", "London"]),
    ("Tengku Z. Usman menulis.", ["Usman"]),
    ("kata Dr. Mallinson", ["Mallinson"]),
    ("kata Kate Mallinson dari Chatham House.", ["Kate", "Mallinson", "Chatham", "House"]),
    ("Inggris dan Jepang mengecam.", ["Inggris", "Jepang"]),  # root words the corpus knows as names
]


@pytest.mark.parametrize(("text", "expected"), NAMES_IN_ANY_POSITION)
def test_names_in_any_position_are_candidates(text: str, expected: list[str]) -> None:
    assert found(text) == expected


# A capital letter mid-sentence is a name even when the words are common: multi-word names.
MULTI_WORD = [
    ("Pinjaman dari Bank Dunia tertunda.", ["Bank", "Dunia"]),
    ("sidang Dewan Keamanan PBB digelar", ["Dewan", "Keamanan", "PBB"]),
    ("Bank Dunia menyatakan keprihatinan.", ["Dunia"]),  # the first word of a sentence says nothing
    ("bantuan dari Organisasi Perjanjian Keamanan Kolektif datang", ["Organisasi", "Perjanjian", "Keamanan", "Kolektif"]),
    ("tentara dari Amerika Serikat dan Uni Soviet", ["Amerika", "Serikat", "Uni", "Soviet"]),
    ("Kredit: Kantor Pers Kepresidenan Kirgistan", ["Pers", "Kepresidenan", "Kirgistan"]),
]


@pytest.mark.parametrize(("text", "expected"), MULTI_WORD)
def test_multi_word_names_are_candidates(text: str, expected: list[str]) -> None:
    assert found(text) == expected


# A title (and the common words that complete the office) is not a name; what follows is.
TITLES = [
    ("kata Presiden Kassym-Jomart Tokayev", ["Kassym-Jomart", "Tokayev"]),
    ("Presiden Tokayev memimpin.", ["Tokayev"]),
    ("ujar Menteri Luar Negeri Rusia Sergei Lavrov", ["Rusia", "Sergei", "Lavrov"]),
    ("Perdana Menteri Armenia Nikol Pashinyan hadir.", ["Armenia", "Nikol", "Pashinyan"]),
    ("menurut Wakil Presiden AS", ["AS"]),
    ("kata Jenderal Yerzhan Ospanov", ["Yerzhan", "Ospanov"]),
    ("sambutan Ratu Elizabeth", ["Elizabeth"]),
    ("keputusan Presiden itu", []),
]


@pytest.mark.parametrize(("text", "expected"), TITLES)
def test_titles_before_names_are_not_candidates(text: str, expected: list[str]) -> None:
    assert found(text) == expected


# In a title-case headline the capitals say nothing: only words that are not ordinary Indonesian.
HEADLINES = [
    ("Janji Vladimir Putin: Koalisi Militer Akan Cegah Percobaan Kudeta di Kazakhstan", ["Vladimir", "Putin", "Kazakhstan"]),
    ("Rusia Kirim Pasukan ke Kazakhstan", ["Rusia", "Kazakhstan"]),
    ("Tokayev Minta Bantuan CSTO untuk Atasi Kerusuhan", ["Tokayev", "CSTO"]),
    ("Dilema Kazakhstan", ["Kazakhstan"]),
    ("Krisis Kazakhstan: Pemandangan Dari Kirgistan", ["Kazakhstan", "Kirgistan"]),
    ("PASUKAN RUSIA TIBA DI ALMATY", ["RUSIA", "ALMATY"]),
]


@pytest.mark.parametrize(("text", "expected"), HEADLINES)
def test_title_case_headlines_flag_only_names(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_a_headline_is_a_whole_line() -> None:
    # The same words inside a sentence of prose are capitalised on purpose.
    assert found("Media menulis tentang Bantuan Militer Rusia kemarin.") == ["Bantuan", "Militer", "Rusia"]


ACRONYMS = [
    ("CSTO mengirim pasukan.", ["CSTO"]),
    ("AS mengecam langkah itu.", ["AS"]),
    ("anggota NATO dan PBB", ["NATO", "PBB"]),
    ("pasukan OSCE (KNB) datang", ["OSCE", "KNB"]),
    ("ADVERTISEMENT", ["ADVERTISEMENT"]),
]


@pytest.mark.parametrize(("text", "expected"), ACRONYMS)
def test_acronyms_are_candidates_even_at_a_sentence_start(text: str, expected: list[str]) -> None:
    assert found(text) == expected


HYPHENATED = [
    ("Kassym-Jomart Tokayev berbicara.", ["Kassym-Jomart", "Tokayev"]),
    ("Nur-Sultan tenang.", ["Nur-Sultan"]),  # a capitalised part after a hyphen is never a common word
    ("sikap anti-Rusia menguat", ["Rusia"]),
    ("era pasca-Soviet berakhir", ["Soviet"]),
    ("Negara-negara anggota setuju.", []),
    ("Markas Besar Operasi Kontra-Terorisme Nasional dibentuk.", ["Besar", "Operasi", "Kontra-Terorisme", "Nasional"]),
]


@pytest.mark.parametrize(("text", "expected"), HYPHENATED)
def test_hyphenated_words(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_offsets_point_into_the_text() -> None:
    text = "Baris pertama.\n\u00a0“Tokayev,” kata\u00a0Presiden Rusia\u00a0Vladimir Putin di Nur-Sultan."
    cands = candidates(text)
    assert [c.text for c in cands] == ["Tokayev", "Rusia", "Vladimir", "Putin", "Nur-Sultan"]
    assert all(text[c.start:c.end] == c.text for c in cands)


# Look-alike letters: a capital of another script (or full width) is a capital; the word is not
# the Latin common word it imitates, and it is reported unless a name form spells it that way.
LOOKALIKES = [
    ("\u0410kibatnya harga naik.", ["\u0410kibatnya"]),  # Cyrillic А
    ("kata \u0422okayev", ["\u0422okayev"]),  # Cyrillic Т
    ("\u0391lmaty tenang.", ["\u0391lmaty"]),  # Greek Α
    ("kata \uff34\uff4f\uff4b\uff41\uff59\uff45\uff56", ["\uff34\uff4f\uff4b\uff41\uff59\uff45\uff56"]),  # full width
    ("Ѕеmеntara itu hujan.", ["Ѕеmеntara"]),  # Cyrillic Ѕ and е in a common word
]


@pytest.mark.parametrize(("text", "expected"), LOOKALIKES)
def test_lookalike_letters_do_not_hide_a_word(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_lower_case_text_and_numbers_have_no_candidates() -> None:
    assert found("pada 5 januari 2022 pukul 12:13 wib, 3 orang tewas dan zoom-in-whitePerbesar") == []
