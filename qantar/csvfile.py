"""A table's CSV bytes as a polars frame: strictly for the loader, forgivingly for the validator.

Both readings hold a file to one definition of well-formed CSV (``qantar._rfc4180``) and type
its cells with one type map (``qantar.types``), so the loader and every validator layer agree
on what a file says.

``parse`` (the loader): one ``pl.read_csv`` with an explicit schema. Types the CSV reader parses
strictly enough itself (string, integer, number) are read directly; categories, date, datetime,
boolean and list columns are read as strings and converted by ``types.parse``. A conversion that
turns a present value into null is a bad value: comparing null counts finds it at the cost of a
bitmap count. Rows with too few cells, which the reader would pad with nulls, are found by
counting separators. Anything wrong goes to ``qantar._diagnose``, which re-reads the bytes slowly
to name the row, line, column and value; a frame is returned only when the whole table is good.

``cells`` (the validator, the site): every cell as the text it is written as, read as far as the
file allows: bytes that are not UTF-8 are replaced, a byte order mark is dropped, short rows are
padded, and a malformed file yields its rows up to the fault, which is returned with them so that
the caller reports it.
"""

from __future__ import annotations

import polars as pl

from qantar import _rfc4180, types
from qantar.errors import DataError
from qantar.model import Field, Table


def native(field: Field) -> bool:
    """Whether the CSV reader itself parses this field (else: string, then ``types.parse``).

    Categories are read as strings and cast to ``pl.Enum`` afterwards: older polars 1.x cannot
    read an Enum column from CSV, and the cast costs next to nothing.
    """
    return field.type in ("string", "any", "integer", "number") and field.categories is None


def parse(table: Table, data: bytes, where: str) -> pl.DataFrame:
    """The rows of ``data`` typed as ``table`` declares; ``DataError`` at the first fault."""
    from qantar import _diagnose

    if not data:
        raise DataError("file is empty (it needs at least the header row)", table=table.name, path=where)
    if not _rfc4180.quotes_well_formed(data):
        _diagnose.malformed(table, data, where)  # polars would guess where a cell with a stray quote ends
    if not _header_is_plain_match(table, data):
        _diagnose.header(table, data, where)  # raises unless a quoted header matches
    schema = {f.name: (types.dtype(f) if native(f) else pl.String()) for f in table.fields}
    try:
        frame = pl.read_csv(data, schema=schema, **_rfc4180.reader_options(table.missing_values))  # type: ignore[arg-type]
    except pl.exceptions.PolarsError as exc:
        _diagnose.unreadable(table, data, where, exc)

    # A row with too few cells (or a blank line) is padded with nulls by the CSV reader, so it
    # can only hide where the last column has nulls (or where "" is not a missing value).
    last = table.fields[-1].name
    if frame.height and (frame[last].null_count() or "" not in table.missing_values):
        if _separators_missing(table, frame, data):
            _diagnose.records(table, data, where)
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        # A carriage return without its line feed ends a record for some CSV readers (Python's
        # csv module, spreadsheets) and is plain text for others (polars): never guess.
        _diagnose.carriage_returns(table, frame.height, data, where)
    if not data.endswith(b"\n"):
        # Every file of the package ends with a line break; a file cut short (a copy or a
        # download interrupted) almost never does, and its last cell would load cut short.
        _diagnose.unterminated(table, frame.height, data, where)

    converted = [f for f in table.fields if not native(f)]
    if converted:
        result = frame.with_columns([types.parse(f) for f in converted])
        for f in converted:
            if result.get_column(f.name).null_count() != frame.get_column(f.name).null_count():
                _diagnose.bad_value(table, frame, f, data, where)
        frame = result
    return frame


def _header_is_plain_match(table: Table, data: bytes) -> bool:
    """The common case, checked on bytes: an unquoted header line equal to the field names."""
    end = data.find(b"\n")
    line = data if end < 0 else data[:end]
    if line.endswith(b"\r"):
        line = line[:-1]
    return line == ",".join(table.field_names).encode("utf-8")


def _separators_missing(table: Table, frame: pl.DataFrame, data: bytes) -> bool:
    """Whether some record has fewer cells than the header (fast, vectorised).

    Every record of a well-formed file has ``width - 1`` separating commas. Commas inside
    quoted cells survive parsing unchanged, so the separators are all commas in the bytes
    minus the commas in the parsed text cells (and in header names). Longer rows never get
    here (the reader rejects them), so a shortfall means a short row or a blank line.
    """
    width = len(table.fields)
    if width == 1:
        return True  # no separators to count: let the record check decide
    text = [f.name for f in table.fields if f.type in ("string", "any", "list")]
    inside = 0
    if text:
        counts = frame.select(pl.col(text).cast(pl.String).str.count_matches(",", literal=True).sum())
        inside = int(sum(counts.row(0)))
    inside += sum(name.count(",") for name in table.field_names)
    return data.count(b",") - inside != (width - 1) * (frame.height + 1)


# --- the forgiving reading ------------------------------------------------------------------------


def malformed(data: bytes) -> _rfc4180.Malformed | None:
    """Where ``data`` stops being RFC 4180 CSV, or ``None`` when it is well-formed."""
    if _rfc4180.quotes_well_formed(data) and (b"\r" not in data or data.count(b"\r") == data.count(b"\r\n")):
        return None
    return _rfc4180.first_problem(_text(data))


def cells(table: Table, data: bytes) -> tuple[pl.DataFrame, _rfc4180.Malformed | None]:
    """Every cell as written (missing values null), and where the file is malformed, if it is.

    The columns are the descriptor's fields, taken from the header by name (a column the header
    lacks is all empty). A well-formed UTF-8 file is read by polars (milliseconds for a million
    rows); anything else is read record by record by the strict reader, up to its fault.
    """
    names = table.field_names
    fault = malformed(data)
    grid = None if fault is not None else _grid_fast(names, data)
    if grid is None:
        rows = _rows(names, _text(data))
        grid = pl.DataFrame({n: [r[i] for r in rows] for i, n in enumerate(names)}, schema={n: pl.String for n in names})
    missing = sorted(set(table.missing_values))
    if missing and names:
        grid = grid.with_columns(
            pl.when(pl.col(n).is_in(missing)).then(None).otherwise(pl.col(n)).alias(n) for n in names
        )
    return grid, fault


def typed(table: Table, strings: pl.DataFrame) -> tuple[pl.DataFrame, list[tuple[int, str, str]]]:
    """``strings`` typed by ``types.parse``, and the cells that did not parse: (row, column, value)."""
    frame = strings.with_columns([types.parse(f) for f in table.fields]) if table.fields else strings
    failures: list[tuple[int, str, str]] = []
    for f in table.fields:
        bad = strings[f.name].is_not_null() & frame[f.name].is_null()
        if bad.any():
            rows = pl.arange(1, strings.height + 1, eager=True).filter(bad).to_list()
            failures.extend(zip(rows, [f.name] * len(rows), strings[f.name].filter(bad).to_list(), strict=True))
    return frame, failures


def _text(data: bytes) -> str:
    text = data.decode("utf-8", errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


def _rows(names: list[str], text: str) -> list[list[str]]:
    """The data rows, exactly as many cells as ``names``, up to a malformed record."""
    records: list[list[str]] = []
    try:
        for _, _, row in _rfc4180.records(text):
            records.append(row)
    except _rfc4180.Malformed:
        pass
    header, records = (records[0], records[1:]) if records else ([], [])
    index = {name: header.index(name) for name in names if name in header}
    return [
        [row[index[n]] if n in index and index[n] < len(row) else "" for n in names]
        for row in records
        if row
    ]


class _SameAs:
    """A file-like object that compares what is written to it with ``data`` instead of keeping it:
    no copy of a large file is held to learn that polars writes it back byte for byte."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at, self.same, self.beyond = data, 0, True, b""

    def write(self, chunk: bytes) -> int:
        if self.same:
            inside = min(len(chunk), max(len(self.data) - self.at, 0))
            head = chunk if inside == len(chunk) else chunk[:inside]
            if inside and not self.data.startswith(head, self.at):  # memcmp in place
                self.same = False
            self.beyond += chunk[inside:]
            if len(self.beyond) > 2:  # more than a line terminator past the end
                self.same = False
        self.at += len(chunk)
        return len(chunk)

    def flush(self) -> None:
        pass

    def matches(self, terminator: str) -> bool:
        """Whether the bytes written were ``data``, or ``data`` and a final ``terminator``."""
        return self.same and self.at >= len(self.data) and self.beyond in (b"", terminator.encode())


def _grid_fast(names: list[str], data: bytes) -> pl.DataFrame | None:
    """The cells of ``_rows`` read by polars, or ``None`` when the file needs the record reader.

    Taken only when the bytes are strict UTF-8 and are, byte for byte, what polars writes back
    for the grid it read (minimal quoting, one line terminator): a well-formed CSV with every
    record as wide as the header. Hand-quoted or ragged files take the record reader.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        # Every column is read as text, which polars takes only as valid UTF-8 (it refuses a bad
        # byte): no decoded copy of the file is needed to know it is strict UTF-8.
        grid = pl.read_csv(data, has_header=False, infer_schema=False, quote_char='"', separator=",")
    except Exception:  # not UTF-8, or a CSV polars refuses: the record reader decides
        return None
    terminator = "\r\n" if b"\r\n" in data else "\n"
    again = _SameAs(data)
    grid.write_csv(again, include_header=False, quote_style="necessary", line_terminator=terminator, null_value="")  # type: ignore[call-overload]
    same = again.matches(terminator)
    if not same:
        return None
    # One chunk per column (the parallel reader leaves dozens; joining them copies each cell's view,
    # not its text): DuckDB then reads the frames built from it as Arrow in place, where a row index
    # added to a frame of the reader's chunks made the export copy every cell (200 MiB at a million rows).
    grid = grid.rechunk().fill_null("")
    header = grid.row(0)
    body = grid.slice(1)
    first: dict[str, int] = {}
    for i, name in enumerate(header):
        first.setdefault(name, i)
    columns = [
        body.get_column(grid.columns[first[n]]).alias(n) if n in first
        else pl.repeat("", body.height, dtype=pl.String, eager=True).alias(n)
        for n in names
    ]
    return pl.DataFrame(columns, schema={n: pl.String for n in names}) if columns else pl.DataFrame()
