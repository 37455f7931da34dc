"""Read the calendar dates an Indonesian text prints, each as the interval it names.

"7 Januari" is a day, "Maret 2021" and "awal Januari" a month, "pada 2019" a year, "(10/1)" the
day 10 January, "Jan 16, 2022" a day. A date printed without its year takes the year of the text's
own date (its publication), or the year before when that would put it more than half a year after
the text: a report speaks of the recent past and the near future. A date after "sejak" (since)
names the time from it to the text's own date ("sejak deklarasi kemerdekaan pada 1991"). Relative words
("Rabu", "tahun lalu") are not printed dates; ``relative_dates`` reads those with one fixed meaning
against the text's own date ("tahun lalu" in January 2022 is 2021, "minggu depan" the Monday-to-Sunday
week after the text's); a weekday or "baru-baru ini" needs the reasoning that resolves it (the
coverage-dates rule).

The month names are the token finder's (``qantar.text.tokens.MONTHS``), so what the number
coverage counts as a date and what this reader reads are one vocabulary. A well-kept parser was
weighed (dateparser reads Indonesian) but it parses one string at a time, or searches fuzzily
with relative words resolved against today; here every date must be found with its offsets and
its precision, against the article's own date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from qantar.text.tokens import MONTHS

# The full names, then the short forms, each mapped to its month number (1-12).
_FULL = MONTHS[:12]
_SHORT = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "aug": 8, "sep": 9, "okt": 10,
          "oct": 10, "nov": 11, "des": 12, "dec": 12}
MONTH_NUMBER = {**{m: i for i, m in enumerate(_FULL, 1)}, **_SHORT}
_M = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"

# Tried in this order at each position; the first that matches wins.
_PATTERN = re.compile(
    rf"(?P<dmy>(?P<d1>\d{{1,2}})\s+(?P<m1>{_M})\.?(?:\s+(?P<y1>{_YEAR}))?)(?![\w/])"
    rf"|(?P<mdy>(?P<m2>{_M})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>{_YEAR}))(?!\w)"
    rf"|(?P<my>(?:(?:awal|akhir|pertengahan|medio)\s+)?(?:bulan\s+)?(?P<m3>{_M})(?:\s+(?P<y3>{_YEAR}))?)(?![\w/])"
    r"|(?P<slash>(?P<d4>\d{1,2})/(?P<m4>\d{1,2})(?:/(?P<y4>(?:19|20)?\d\d))?)(?![\w/])"
    rf"|(?P<year>{_YEAR})(?![\w/])(?![.,]\d)",
    re.IGNORECASE,
)


# "sejak" (since), then at most a few words ("sejak deklarasi kemerdekaan pada"), right before a date.
#: Indonesian names of the days of the week (Monday is 0, as ``date.weekday()``); "minggu" alone is
#: also "week" ("minggu depan", next week), so Sunday is read only as "hari minggu" or "ahad".
WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4, "sabtu": 5,
            "hari minggu": 6, "ahad": 6}
_WEEKDAY = re.compile(r"(?<![\w'’])(" + "|".join(w.replace(" ", r"\s+") for w in sorted(WEEKDAYS, key=len, reverse=True))
                      + r")(?![\w'’])", re.IGNORECASE)


def weekdays(text: str) -> set[int]:
    """The days of the week ``text`` names (0 Monday ... 6 Sunday)."""
    return {WEEKDAYS[" ".join(m.lower().split())] for m in _WEEKDAY.findall(text)}


_SINCE = re.compile(r"\bsejak(?:\s+\S+){0,3}\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class PrintedDate:
    start: int  # code-point offsets in the text
    end: int
    text: str
    first: dt.date  # the interval the words name
    last: dt.date
    precision: str  # day | month | year

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        return self.first <= last and first <= self.last


def _year(written: str | None, month: int, day: int, today: dt.date) -> int:
    if written:
        return int(written) if len(written) == 4 else 2000 + int(written)
    year = today.year
    try:
        if dt.date(year, month, min(day, 28)) > today + dt.timedelta(days=183):
            year -= 1
    except ValueError:
        pass
    return year


def printed_dates(text: str, today: dt.date) -> list[PrintedDate]:
    """Every calendar date ``text`` prints, as an interval; ``today``: the text's own date."""
    out = []
    for m in _PATTERN.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isalnum()):
            continue  # inside a word or a number
        try:
            if m["dmy"]:
                month, day = MONTH_NUMBER[m["m1"].lower()], int(m["d1"])
                first = last = dt.date(_year(m["y1"], month, day, today), month, day)
                precision = "day"
            elif m["mdy"]:
                month, day = MONTH_NUMBER[m["m2"].lower()], int(m["d2"])
                first = last = dt.date(int(m["y2"]), month, day)
                precision = "day"
            elif m["my"]:
                if m["m3"].lower() in _SHORT and not m["y3"]:
                    continue  # a bare 'mar', 'des' or 'sep' is too often not a month
                month = MONTH_NUMBER[m["m3"].lower()]
                year = _year(m["y3"], month, 1, today)
                first, last = dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
                precision = "month"
            elif m["slash"]:
                day, month = int(m["d4"]), int(m["m4"])
                first = last = dt.date(_year(m["y4"], month, day, today), month, day)
                precision = "day"
            else:
                year = int(m["year"])
                first, last, precision = dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
        except (ValueError, KeyError):
            continue  # 31/2, 12/25: not a date
        if _SINCE.search(text, max(0, m.start() - 60), m.start()):
            last = max(last, today)
        out.append(PrintedDate(m.start(), m.end(), m.group(0), first, last, precision))
    return out


def _week(day: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=offset)
    return monday, monday + dt.timedelta(days=6)


def _month(day: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    year, month = divmod(day.year * 12 + day.month - 1 + offset, 12)
    return dt.date(year, month + 1, 1), dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])


#: relative expressions with one meaning, each resolved against the text's own date
RESOLVED = {
    "tahun lalu": lambda d: (dt.date(d.year - 1, 1, 1), dt.date(d.year - 1, 12, 31)),
    "tahun depan": lambda d: (dt.date(d.year + 1, 1, 1), dt.date(d.year + 1, 12, 31)),
    "bulan lalu": lambda d: _month(d, -1), "bulan depan": lambda d: _month(d, 1),
    "minggu lalu": lambda d: _week(d, -1), "pekan lalu": lambda d: _week(d, -1),
    "minggu depan": lambda d: _week(d, 1), "pekan depan": lambda d: _week(d, 1),
    "kemarin": lambda d: (d - dt.timedelta(days=1),) * 2, "hari ini": lambda d: (d, d),
    "besok": lambda d: (d + dt.timedelta(days=1),) * 2, "lusa": lambda d: (d + dt.timedelta(days=2),) * 2,
}
_RELATIVE = re.compile(r"(?<![\w'’])(" + "|".join(w.replace(" ", r"\s+") for w in RESOLVED) + r")(?![\w'’])", re.IGNORECASE)


def relative_dates(text: str, today: dt.date) -> list[PrintedDate]:
    """The relative expressions of ``text`` that have one meaning, each as the interval it names on ``today``."""
    out = []
    for m in _RELATIVE.finditer(text):
        words = " ".join(m.group(1).lower().split())
        first, last = RESOLVED[words](today)
        precision = "year" if words.startswith("tahun") else "month" if words.startswith("bulan") else (
            "day" if first == last else "range")
        out.append(PrintedDate(m.start(), m.end(), m.group(0), first, last, precision))
    return out
