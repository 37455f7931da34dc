"""The reader of printed Indonesian dates (qantar.text.dates) that printed-date-agrees relies on."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qantar.text.dates import printed_dates

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
TODAY = dt.date(2022, 1, 10)


@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), st.sampled_from(["Pada tanggal ", "pada ", "", "Senin, "]))
def test_a_printed_day_reads_as_that_day(day: dt.date, before: str) -> None:
    (found,) = printed_dates(f"{before}{day.day} {BULAN[day.month - 1]} {day.year} pukul", TODAY)
    assert (found.first, found.last, found.precision) == (day, day, "day")


@given(st.integers(1, 12), st.integers(1900, 2099), st.sampled_from(["", "awal ", "akhir ", "pertengahan "]))
def test_a_printed_month_reads_as_the_whole_month(month: int, year: int, hedge: str) -> None:
    (found,) = printed_dates(f"Pada {hedge}{BULAN[month - 1]} {year}, parlemen", TODAY)
    assert found.first == dt.date(year, month, 1) and found.precision == "month"
    assert (found.last + dt.timedelta(days=1)).day == 1 and found.last.month == month


def test_a_date_without_its_year_takes_the_text_s_year_or_the_year_before() -> None:
    (jan,) = printed_dates("Pada tanggal 7 Januari", TODAY)
    (dec,) = printed_dates("pada 28 Desember", TODAY)
    (slash,) = printed_dates("pada Senin (10/1)", TODAY)
    assert jan.first == dt.date(2022, 1, 7) and dec.first == dt.date(2021, 12, 28) and slash.first == TODAY


def test_years_since_and_english_order() -> None:
    (year,) = printed_dates("Pemilihannya, pada 2019, Tokayev", TODAY)
    (since,) = printed_dates("sejak deklarasi kemerdekaan pada 1991.", TODAY)
    (english,) = printed_dates("Jan 16, 2022 08:40 Asia/Jakarta", TODAY)
    assert (year.first, year.last) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    assert (since.first, since.last) == (dt.date(1991, 1, 1), TODAY)
    assert english.first == english.last == dt.date(2022, 1, 16)


def test_numbers_that_are_not_dates_are_not_read() -> None:
    assert printed_dates("di angka dibawah 10.000 USD/tahun, 20rb orang, 31/2 dan 8.000 orang, 2019a", TODAY) == []


@pytest.mark.parametrize(("text", "today", "first", "last", "precision"), [
    ("tahun lalu", "2022-01-10", "2021-01-01", "2021-12-31", "year"),
    ("bulan lalu", "2022-01-07", "2021-12-01", "2021-12-31", "month"),
    ("Kerusuhan yang terjadi pekan lalu", "2022-01-10", "2022-01-03", "2022-01-09", "range"),
    ("minggu depan", "2022-01-07", "2022-01-10", "2022-01-16", "range"),
    ("minggu  depan", "2022-01-09", "2022-01-10", "2022-01-16", "range"),  # a Sunday: next week starts tomorrow
    ("kemarin", "2022-03-01", "2022-02-28", "2022-02-28", "day"),
    ("hari ini", "2022-01-07", "2022-01-07", "2022-01-07", "day"),
    ("besok", "2021-12-31", "2022-01-01", "2022-01-01", "day"),
])
def test_relative_dates_resolve_against_the_texts_own_date(text: str, today: str, first: str, last: str, precision: str) -> None:
    from qantar.text.dates import relative_dates

    (found,) = relative_dates(text, dt.date.fromisoformat(today))
    assert (found.first.isoformat(), found.last.isoformat(), found.precision) == (first, last, precision)


def test_relative_dates_leave_weekdays_and_vague_words_alone() -> None:
    from qantar.text.dates import relative_dates

    assert relative_dates("Pada hari Rabu, baru-baru ini, beberapa hari lalu; kemarinnya", dt.date(2022, 1, 6)) == []
