"""The exceptions qantar raises on purpose.

``DataError`` is the one exception for bad data: a missing or empty file, a file cut short (a
row with too few cells, an unclosed quote, no line break at the end), a table that is not RFC 4180
CSV (a double quote inside an unquoted cell, text after a closing quote, a carriage return outside
a quoted cell without its line feed), a header that does not match the descriptor, bytes that are
not UTF-8, a value that does not parse as its field's type, a hash or size that differs from the
descriptor (``verify=True``: the check that catches any change, even a file cut exactly at a line
end), a table name that is a path, a descriptor that is not JSON or names an unsafe path. No table
is ever returned in part. Its message names the table, the row and CSV line, the column, and what
is wrong; the same facts are attributes.

A package is read as if a stranger had sent it (``qantar._safe_files``), and each of these is a
``DataError`` too, raised before anything is read:

* a path that is a URL (``http://...``, ``file://...``, anything with a scheme), a list of paths,
  an absolute path or one with ``..``; a dialect or schema given as a URL or file path, or a
  dialect that is not RFC 4180 CSV: nothing is ever fetched;
* a file that is, or lies under, a symbolic link leading outside the package;
* anything but a regular file: a folder, FIFO, socket or device;
* a file over its size limit: ``datapackage.json`` 16 MiB, a table 256 MiB, an article copy or
  other text file 16 MiB (``MAX_DESCRIPTOR_BYTES``, ``MAX_TABLE_BYTES``, ``MAX_TEXT_BYTES``);
* a descriptor whose arrays and objects nest more than 64 levels (``MAX_JSON_DEPTH``).

``qantar validate`` reports the same faults as failures (rules ``file``, ``references``, ``csv``,
``descriptor-profile``, ``article-hash``) with exit status 1, and ``qantar release --check-bump``
refuses such a previous release with an error (``ReleaseError``), a zip archive that expands to
more than 256 MiB or holds more than 100,000 files included.

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
