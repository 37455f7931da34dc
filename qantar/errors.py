"""The exceptions qantar raises on purpose.

``DataError`` is the one exception for bad data: a missing or empty file, a file cut short (a
row with too few cells, an unclosed quote, no line break at the end), a header that does not
match the descriptor, bytes that are not UTF-8, a value that does not parse as its field's
type, a hash or size that differs from the descriptor (``verify=True``: the check that catches
any change, even a file cut exactly at a line end), a table name that is a path, a descriptor
that is not JSON or names an unsafe path. No table is ever returned in part. Its message names the table, the row
and CSV line, the column, and what is wrong; the same facts are attributes.

``UnknownTableError`` is raised for a table name the descriptor does not list; its message
lists the valid names. Both are ``ValueError`` subclasses.
"""

from __future__ import annotations

__all__ = ["DataError", "UnknownTableError"]


class DataError(ValueError):
    """The data package on disk is not what its descriptor says.

    Attributes (``None`` when they do not apply):

    * ``problem``: what is wrong, in words.
    * ``table``: the resource (table) name.
    * ``row``: 1-based data row (the first row after the header is row 1).
    * ``line``: 1-based physical line of the CSV file (the header is line 1).
    * ``column``: the field name.
    * ``value``: the offending cell text.
    * ``path``: the file concerned.
    """

    def __init__(
        self,
        problem: str,
        *,
        table: str | None = None,
        row: int | None = None,
        line: int | None = None,
        column: str | None = None,
        value: str | None = None,
        path: str | None = None,
    ) -> None:
        self.problem = problem
        self.table = table
        self.row = row
        self.line = line
        self.column = column
        self.value = value
        self.path = path
        super().__init__(self._message())

    def _message(self) -> str:
        where: list[str] = []
        if self.table is not None:
            where.append(f"table {self.table!r}")
        if self.row is not None:
            where.append(f"row {self.row}" + (f" (line {self.line})" if self.line is not None else ""))
        elif self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        prefix = ", ".join(where)
        suffix = f" [{self.path}]" if self.path is not None else ""
        return f"{prefix}: {self.problem}{suffix}" if prefix else f"{self.problem}{suffix}"

    def __reduce__(self):  # keep the keyword attributes through pickling (e.g. multiprocessing)
        return (
            _rebuild_data_error,
            (self.problem, self.table, self.row, self.line, self.column, self.value, self.path),
        )


def _rebuild_data_error(*args: object) -> DataError:
    problem, table, row, line, column, value, path = args
    return DataError(
        problem,  # type: ignore[arg-type]
        table=table,  # type: ignore[arg-type]
        row=row,  # type: ignore[arg-type]
        line=line,  # type: ignore[arg-type]
        column=column,  # type: ignore[arg-type]
        value=value,  # type: ignore[arg-type]
        path=path,  # type: ignore[arg-type]
    )


class UnknownTableError(ValueError):
    """A table name that the descriptor does not list. ``valid`` holds the valid names."""

    def __init__(self, name: str, valid: list[str]) -> None:
        self.name = name
        self.valid = list(valid)
        hint = ""
        if valid:
            import difflib

            close = difflib.get_close_matches(name, valid, n=1)
            if close:
                hint = f" (did you mean {close[0]!r}?)"
        listing = ", ".join(valid) if valid else "(none: the descriptor lists no resources)"
        super().__init__(f"unknown table {name!r}{hint}; valid tables: {listing}")

    def __reduce__(self):
        return (type(self), (self.name, self.valid))
