"""What a well-formed CSV file is: RFC 4180, as the descriptor's (default) dialect says.

One definition, used by the loader and by every layer of ``qantar validate``:

* a file is a sequence of records, each ended by a line break (LF or CRLF; the last one may
  lack it, which the loader reports as a file cut short); a record is cells separated by ``,``;
* a cell is either *unquoted*: any characters except ``,``, ``"``, CR and LF; or *quoted*: it
  starts with ``"``, ends with the next ``"`` that is not doubled, and holds anything between,
  a ``"`` inside written twice (``""``);
* so a ``"`` inside an unquoted cell, text after a closing quote (a ``"`` inside a quoted cell
  that was not doubled), a quote never closed, and a carriage return outside a quoted cell that
  is not followed by a line feed are all malformed;
* an empty line is a record without cells (every table has a header, so that record is always
  too short).

Lenient readers guess at each of these (polars and Python's csv module differently), and a guess
can merge rows silently. :func:`records` is the definition, written plainly; ``quotes_well_formed``
is the same rule for quotes alone, as one regular expression that the loader runs before polars
parses the bytes (tests check that the two agree).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

__all__ = ["Malformed", "first_problem", "quotes_well_formed", "reader_options", "records"]

STRAY_IN_UNQUOTED = (
    'a double quote (") inside a cell that does not start with one: quote the whole cell and double the inner '
    'quote ("")'
)
TEXT_AFTER_QUOTE = (
    'text after the closing quote of a quoted cell: a double quote (") inside a quoted cell must be written '
    'twice ("")'
)
UNCLOSED = 'a quoted cell is never closed: its opening double quote (") has no closing one before the end of the file'
BARE_CR = "a carriage return (\\r) without a line feed, outside a quoted cell"


class Malformed(ValueError):
    """Where a text stops being well-formed CSV.

    ``record`` counts records from 0 (the header), so it is the 1-based data row of the
    loader's errors; ``line`` is the 1-based physical line of the offending character;
    ``cell`` the 0-based index of the cell within its record.
    """

    def __init__(self, problem: str, *, record: int, line: int, cell: int, offset: int) -> None:
        super().__init__(problem)
        self.problem = problem
        self.record = record
        self.line = line
        self.cell = cell
        self.offset = offset


_QUOTED = re.compile(r'"([^"]*+(?:""[^"]*+)*+)"')
_UNQUOTED = re.compile(r'[^,"\r\n]*+')


def records(text: str) -> Iterator[tuple[int, int, list[str]]]:
    """Yield ``(record, first line, cells)`` for every record, the header being record 0.

    Raises :class:`Malformed` at the first character that breaks the definition above.
    """
    pos, n, line, record = 0, len(text), 1, 0
    while pos < n:
        first_line = line
        if text.startswith("\n", pos) or text.startswith("\r\n", pos):
            pos += 1 if text[pos] == "\n" else 2
            line += 1
            yield record, first_line, []
            record += 1
            continue
        cells: list[str] = []
        while True:
            if text.startswith('"', pos):
                m = _QUOTED.match(text, pos)
                if m is None:
                    raise _error(UNCLOSED, text, record, len(cells), pos)
                raw = m.group(1)
                line += raw.count("\n")
                cells.append(raw.replace('""', '"'))
                pos = m.end()
                if pos < n and text[pos] not in ",\r\n":
                    raise _error(TEXT_AFTER_QUOTE, text, record, len(cells) - 1, pos)
            else:
                m = _UNQUOTED.match(text, pos)
                cells.append(m.group())
                pos = m.end()
                if pos < n and text[pos] == '"':
                    raise _error(STRAY_IN_UNQUOTED, text, record, len(cells) - 1, pos)
            if pos >= n:
                break
            ch = text[pos]
            if ch == ",":
                pos += 1
                continue
            if ch == "\r" and not text.startswith("\r\n", pos):
                raise _error(BARE_CR, text, record, len(cells) - 1, pos)
            pos += 1 if ch == "\n" else 2
            line += 1
            break
        yield record, first_line, cells
        record += 1


def first_problem(text: str) -> Malformed | None:
    """The first :class:`Malformed` of ``text``, or ``None`` when it is well-formed."""
    try:
        for _ in records(text):
            pass
    except Malformed as exc:
        return exc
    return None


def _error(problem: str, text: str, record: int, cell: int, offset: int) -> Malformed:
    line = text.count("\n", 0, offset) + 1
    return Malformed(problem, record=record, line=line, cell=cell, offset=offset)


# The quote rule alone, for the loader's fast path: unquoted text (no '"'), then any number of
# quoted cells, each opening at a cell start (after ',', a line feed or the start of the file)
# and closing before ',', a line feed, CRLF or the end of the file; then unquoted text to the end.
# Possessive, so a file is scanned once (about 1 ns a byte); a file without '"' skips it.
_QUOTES = re.compile(
    rb'(?:[^"]*+(?<![^,\n])"[^"]*+(?:""[^"]*+)*+"(?![^,\n\r])(?!\r(?!\n)))*+[^"]*+'
)


def quotes_well_formed(data: bytes) -> bool:
    """Whether every ``"`` of ``data`` is where :func:`records` accepts one (nothing else checked)."""
    if b'"' not in data:
        return True
    return _QUOTES.match(data).end() == len(data)  # type: ignore[union-attr]


def reader_options(missing_values: tuple[str, ...] | list[str]) -> dict[str, object]:
    """``pl.read_csv`` options that read exactly this definition (quotes already checked).

    Listing "" in ``null_values`` makes a quoted empty cell ("") missing too, as Frictionless
    reads it; an unquoted empty cell is null by default.
    """
    options: dict[str, object] = {
        "has_header": True,
        "null_values": list(missing_values) or None,
        "quote_char": '"',
        "separator": ",",
        "encoding": "utf8",
        "raise_if_empty": True,
    }
    if "" not in missing_values:
        options.update(_keep_empty_strings())
    return options


@lru_cache(maxsize=1)
def _keep_empty_strings() -> dict[str, bool]:
    """read_csv option that keeps empty cells as "" (renamed and inverted in polars 1.x)."""
    import inspect

    import polars as pl

    if "empty_string_is_null" in inspect.signature(pl.read_csv).parameters:
        return {"empty_string_is_null": False}
    return {"missing_utf8_is_empty_string": True}
