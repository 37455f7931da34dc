"""The reading of a passage's tense that status-fits-tense relies on (qantar/validate/rules/status_tense.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qantar.validate.rules.status_tense import markers, own_future

SUBJECTS = ["pasukan Rusia", "Tentara Kirgistan", "para menteri", "CSTO"]
MARKERS = ["akan", "bakal", "berencana", "dijadwalkan", "AKAN", "Akan"]


@given(st.sampled_from(SUBJECTS), st.sampled_from(MARKERS), st.sampled_from(["meninggalkan Kazakhstan", "tiba di Almaty"]))
def test_a_marker_of_the_future_puts_the_passage_in_the_future(subject: str, marker: str, rest: str) -> None:
    assert own_future(f"{subject} {marker} {rest}.")
    assert not own_future(f"{subject} telah {rest}.")


@pytest.mark.parametrize("when", ["ke depan", "minggu depan", "pekan  depan", "tahun depan", "mendatang", "besok"])
def test_a_time_to_come_is_the_future(when: str) -> None:
    assert own_future(f"Pembicaraan tentang Ukraina {when} dengan para pemimpin Barat.")


def test_what_someone_says_will_happen_is_not_the_passage_s_own_future() -> None:
    said = "Pashinyan mengkonfirmasi dalam sebuah pernyataan bahwa aliansi tersebut akan mengirim pasukan."
    assert markers(said) and not own_future(said)
    assert own_future("Aliansi tersebut akan mengirim pasukan, kata Pashinyan.")  # the marker comes first


@pytest.mark.parametrize("text", [
    "Operasi pasukan keamanan akan terus berlanjut.",       # will go on: under way
    "Para aktivis memprotes di depan gedung pemerintah.",  # in front of: a place, not a time
    "mereka yang terlibat dalam merencanakan protes",       # planning as the thing done
    "Pasukan kakan berangkat.",                             # a marker inside a word is no marker
])
def test_what_is_not_the_future(text: str) -> None:
    assert not markers(text)
