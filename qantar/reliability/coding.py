"""Read a coding: the package's CSV tables plus the article texts they quote.

A coding is one folder or several folders read as one. A folder that is a Qantar package
(``datapackage.json``) is read through the model: its tables where the descriptor puts them
(``qantar.model``), every cell as written (``qantar.csvfile.cells``). A folder of a coder's CSV
files (``data/*.csv`` or the CSVs at the top of the folder), which has no descriptor, is read as
tables described by their own header, every column text, by the same CSV reader. Article files
are read through ``qantar._safe_files``: a coding's paths never lead outside its folders.

Several folders are how the blind second coding is kept: one coder per article, each with ids of
their own, so the ids of each folder are prefixed with the folder's name (``coder-002:E001``) and
every row remembers its folder (its *part*). What a part coded is the set of articles in its
``sources.csv``: an actor coded by the coder of article 002 stands for article 002 only, even if
its name also occurs elsewhere.

Every cell is read as text (empty = missing): the comparison must see what the coder wrote, not
what a type conversion made of it. Offsets are checked against the article (``text[start:end]
== quote``); anything wrong raises :class:`CodingError` naming the table, row and column.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import polars as pl

from qantar import _rfc4180, _safe_files, csvfile, model
from qantar.errors import DataError

from .spans import locate

TABLES = (
    "sources", "actors", "places", "events", "event_actors", "event_sources",
    "figures", "statements", "memberships", "exclusions", "discrepancies",
)

# Optional tables beyond the package's: a corroboration map (passages of several articles
# grouped by the fact they report), as the cross-article coder keeps it.
OPTIONAL = ("claims",)

# Columns the comparison reads, per table; a table that lacks one cannot be compared.
REQUIRED = {
    "sources": ("source_id", "path"),
    "actors": ("actor_id", "name_forms"),
    "places": ("place_id", "name_forms"),
    "events": ("event_id",),
    "event_actors": ("event_id", "actor_id", "role", "source_id"),
    "event_sources": ("event_id", "source_id", "char_start", "char_end", "quote"),
    "figures": ("figure_id", "source_id", "number_as_written", "number_char_start",
                "number_char_end", "char_start", "char_end", "quote"),
    "statements": ("statement_id", "speaker_id", "source_id", "char_start", "char_end", "quote"),
    "memberships": ("membership_id", "organisation_id", "member_id", "source_id",
                    "char_start", "char_end", "quote"),
    "exclusions": ("exclusion_id", "source_id", "char_start", "char_end", "text"),
    "discrepancies": ("discrepancy_id", "claim_a_source_id", "claim_a_quote"),
    "claims": ("claim_id", "source_id", "char_start", "char_end", "quote", "topic"),
}

# Columns holding a coding's own identifiers (prefixed per part); source_id is the article and
# is the same in every coding, so it is never prefixed.
ID_COLUMNS = {
    "sources": ("outlet_actor_id", "original_outlet_actor_id"),
    "actors": ("actor_id", "affiliation_id"),
    "places": ("place_id",),
    "events": ("event_id", "place_id"),
    "event_actors": ("event_id", "actor_id"),
    "event_sources": ("event_id",),
    "figures": ("figure_id", "event_id", "actor_id", "place_id", "asserted_by_id"),
    "statements": ("statement_id", "speaker_id", "intermediary_id", "event_id"),
    "memberships": ("membership_id", "organisation_id", "member_id"),
    "exclusions": ("exclusion_id",),
    "discrepancies": ("discrepancy_id", "subject_id"),
    "claims": ("claim_id", "topic"),
}

# The passages of the format's own table beyond the package's (the corroboration map); the package's
# tables have theirs declared in the descriptor ("qantar:spans").
CLAIM_SPANS = (model.Span("claims", "quote", "claim", "source_id", "char_start", "char_end", "quote"),)

PART = "_part"  # column added to every table: the folder the row comes from
ROW = "_row"    # column added to every table: 1-based data row in its CSV


class CodingError(DataError):
    """A coding that cannot be compared; the message names the file, table, row and column.

    A :class:`qantar.DataError` (same attributes), whose message starts with the file, since a
    coding is read from several folders."""

    def __init__(self, problem: str, *, path: Path | str | None = None, table: str | None = None,
                 row: int | None = None, column: str | None = None, value: str | None = None):
        super().__init__(problem, table=table, row=row, column=column, value=value,
                         path=None if path is None else str(path))

    def _message(self) -> str:
        where = [w for w in (self.path, self.table and f"table {self.table!r}",
                             self.row is not None and f"row {self.row}", self.column and f"column {self.column!r}") if w]
        text = ", ".join(where) + (": " if where else "") + self.problem
        return text + (f" (value {self.value!r})" if self.value is not None else "")


@dataclass(frozen=True)
class Coding:
    """One coding: its tables (all text, ids prefixed per part) and the articles it quotes."""

    label: str
    tables: dict[str, pl.DataFrame]
    texts: dict[str, str]                       # source_id -> article text
    part_sources: dict[str, frozenset[str]]     # part -> the articles that part coded
    missing_tables: dict[str, tuple[str, ...]] = field(default_factory=dict)  # part -> absent tables

    def rows(self, table: str) -> list[dict]:
        return self.tables[table].to_dicts()

    def scope(self, part: str) -> frozenset[str]:
        return self.part_sources.get(part, frozenset())

    @property
    def sources(self) -> frozenset[str]:
        return frozenset().union(*self.part_sources.values()) if self.part_sources else frozenset()


def load(folders: list[Path | str] | Path | str, *, label: str | None = None,
         articles: Path | str | None = None) -> Coding:
    """Read one or more folders as one coding.

    ``articles`` is a folder holding the article files named as in ``sources.path``; it is
    needed when a folder has no ``articles/`` of its own. With several folders, each folder's
    name prefixes its ids, so the folder names must differ.
    """
    if isinstance(folders, (str, Path)):
        folders = [folders]
    folders = [Path(f) for f in folders]
    if not folders:
        raise CodingError("no folder given")
    names = [f.resolve().name for f in folders]
    if len(folders) > 1 and len(set(names)) != len(names):
        raise CodingError(f"folders of one coding need distinct names, got {names}")
    prefix = len(folders) > 1
    parts: dict[str, dict[str, pl.DataFrame]] = {}
    missing: dict[str, tuple[str, ...]] = {}
    texts: dict[str, str] = {}
    part_sources: dict[str, frozenset[str]] = {}
    for folder, name in zip(folders, names):
        if not folder.is_dir():
            raise CodingError("not a folder", path=folder)
        files = _files(folder)
        tables, absent = {}, []
        for table in TABLES + OPTIONAL:
            frame = _cells(folder, files, table)
            if frame is None:
                if table in TABLES:
                    absent.append(table)
                continue
            tables[table] = _prepared(frame, folder / files[table][0], table, name, prefix)
        if "sources" not in tables:
            raise CodingError("a coding needs sources.csv (it says which articles were coded)",
                              path=folder / files.get("sources", ("sources.csv",))[0])
        missing[name] = tuple(absent)
        for src in tables["sources"].iter_rows(named=True):
            texts.setdefault(src["source_id"], _article(src, folder, articles, folder / files["sources"][0]))
        part_sources[name] = frozenset(tables["sources"]["source_id"].to_list())
        parts[name] = tables
    merged = {}
    for table in TABLES + OPTIONAL:
        frames = [p[table] for p in parts.values() if table in p]
        merged[table] = (pl.concat(frames, how="diagonal") if frames
                         else pl.DataFrame({c: [] for c in (*REQUIRED[table], PART, ROW)},
                                           schema={c: pl.String for c in (*REQUIRED[table], PART)}
                                           | {ROW: pl.Int64}))
    coding = Coding(label or "+".join(names), merged, texts, part_sources, missing)
    _check_spans(coding, _spans(folders))
    return coding


def _spans(folders: list[Path]) -> dict[model.Span, bool]:
    """The spans to check, each with whether its offsets may be missing: those the descriptor declares
    (a folder's own, or for a folder of CSV files those of the package qantar ships, which it codes)."""
    out: dict[model.Span, bool] = {}
    for folder in folders:
        package = model.read(folder) if (folder / model.DESCRIPTOR).is_file() else model.current()
        for span in package.spans():
            out.setdefault(span, not package.tables[span.table].field(span.start).required)
    return out | {span: False for span in CLAIM_SPANS}


def _files(folder: Path) -> dict[str, tuple[str, model.Table | None]]:
    """Table name -> (its file inside ``folder``, its model): where the descriptor puts it, for a
    Qantar package; else ``data/<table>.csv`` or ``<table>.csv``, described by its header later."""
    if (folder / model.DESCRIPTOR).is_file():
        try:
            package = model.read(folder)
        except DataError as exc:
            raise CodingError(f"cannot be read as a data package: {exc}", path=folder / model.DESCRIPTOR) from None
        return {t.name: (t.path, t) for t in package.tables.values() if t.path is not None}
    base = "data/" if (folder / "data" / "sources.csv").is_file() else ""
    return {table: (f"{base}{table}.csv", None) for table in TABLES + OPTIONAL}


def _cells(folder: Path, files: dict[str, tuple[str, model.Table | None]], table: str) -> pl.DataFrame | None:
    """Every cell of ``table`` as written (missing: null), or ``None`` when the coding lacks it."""
    if table not in files:
        return None
    relative, described = files[table]
    where = folder / relative
    try:
        data = _safe_files.read(folder, relative, limit=_safe_files.MAX_TABLE_BYTES, table=table)
    except DataError as exc:
        if exc.problem == "file is missing":
            return None
        raise CodingError(exc.problem, path=where, table=table) from None
    frame, fault = csvfile.cells(described or _by_header(data, where, table), data)
    if fault is not None:
        raise CodingError(f"malformed CSV (line {fault.line}): {fault.problem}", path=where, table=table, row=fault.record)
    return frame


def _by_header(data: bytes, where: Path, table: str) -> model.Table:
    """A CSV file without a descriptor, described by its own header: every column text."""
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise CodingError(f"not UTF-8 (byte offset {exc.start})", path=where, table=table) from None
    try:
        header = next(iter(_rfc4180.records(text)), (0, 1, []))[2]
    except _rfc4180.Malformed as exc:
        raise CodingError(f"malformed CSV (line {exc.line}): {exc.problem}", path=where, table=table) from None
    descriptor = {"resources": [{"name": table, "path": where.name,
                                 "schema": {"fields": [{"name": c, "type": "string"} for c in header]}}]}
    try:
        return model.from_descriptor(descriptor).tables[table]
    except DataError as exc:
        raise CodingError(f"the header cannot name the columns: {exc.problem}", path=where, table=table,
                          column=exc.column) from None


def read_plain(path: Path, name: str) -> pl.DataFrame:
    """A CSV file without a descriptor (e.g. the guide problems): every cell as written, missing null."""
    path = Path(path)
    try:
        data = _safe_files.read(path.parent, path.name, limit=_safe_files.MAX_TABLE_BYTES, table=name)
    except DataError as exc:
        raise CodingError(exc.problem, path=path) from None
    frame, fault = csvfile.cells(_by_header(data, path, name), data)
    if fault is not None:
        raise CodingError(f"malformed CSV (line {fault.line}): {fault.problem}", path=path, row=fault.record)
    return frame


def _prepared(frame: pl.DataFrame, path: Path, table: str, part: str, prefix: bool) -> pl.DataFrame:
    lacking = [c for c in REQUIRED[table] if c not in frame.columns]
    if lacking:
        raise CodingError(f"lacks the column(s) {', '.join(lacking)}", path=path, table=table)
    # Empty and blank cells are missing, as the package reads them.
    frame = frame.with_columns(
        pl.when(pl.col(c).str.strip_chars() == "").then(None).otherwise(pl.col(c)).alias(c)
        for c in frame.columns)
    if prefix:
        frame = frame.with_columns(
            (pl.lit(part + ":") + pl.col(c)).alias(c) for c in ID_COLUMNS[table] if c in frame.columns)
    return frame.with_columns(pl.lit(part).alias(PART),
                              pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias(ROW))


def _article(src: dict, folder: Path, articles: Path | str | None, sources: Path) -> str:
    rel = src.get("path")
    if not rel:
        raise CodingError("empty path", path=sources, table="sources", column="path")
    name = PurePosixPath(rel).name
    candidates = [(folder, rel), (folder, f"articles/{name}")]
    if articles is not None:
        candidates.append((Path(articles), name))
    for base, relative in candidates:
        try:
            data = _safe_files.read(base, relative, limit=_safe_files.MAX_TEXT_BYTES, table="sources")
        except DataError as exc:
            if exc.problem == "file is missing":
                continue
            raise CodingError(f"article {relative}: {exc.problem}", path=sources, table="sources", column="path",
                              value=rel) from None
        want = src.get("sha256")
        if want and hashlib.sha256(data).hexdigest() != want:
            raise CodingError(f"article {base / relative} does not have the sha256 the sources row gives",
                              table="sources", column="sha256", value=want, path=sources)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CodingError(f"article is not UTF-8: {exc}", path=base / relative) from None
    raise CodingError("article file not found (give --articles)", path=sources,
                      table="sources", column="path", value=rel)


def _check_spans(coding: Coding, spans: dict[model.Span, bool]) -> None:
    """Every quoted span must be verbatim in its article. A span whose offsets the descriptor does not
    require may lack them (a discrepancy claim without offsets is placed by searching its quote)."""
    for span, optional in spans.items():
        frame = coding.tables.get(span.table)
        if frame is None or span.source not in frame.columns:
            continue  # a table or passage this coding does not hold
        src_col, s_col, e_col, q_col, table = span.source, span.start, span.end, span.text, span.table
        for row in frame.iter_rows(named=True):
            src, quote = row.get(src_col), row.get(q_col)
            if src is None and quote is None:
                continue
            where = {"table": table, "row": row[ROW], "path": f"part {row[PART]}"}
            if src not in coding.texts:
                raise CodingError("names an article its coding does not list in sources",
                                  column=src_col, value=src, **where)
            start, end = _int(row.get(s_col), s_col, where), _int(row.get(e_col), e_col, where)
            if start is None and end is None:
                if not optional:
                    raise CodingError("offsets are missing", column=s_col, **where)
                continue
            if start is None or end is None or not 0 <= start < end <= len(coding.texts[src]):
                raise CodingError("offsets are missing or outside the article", column=s_col,
                                  value=f"{row.get(s_col)}..{row.get(e_col)}", **where)
            if quote is not None and coding.texts[src][start:end] != quote:
                found = locate(coding.texts[src], quote)
                hint = f"; the text occurs at {found[0]}..{found[1]}" if found else ""
                raise CodingError(f"text[{start}:{end}] is not the quoted text{hint}",
                                  column=q_col, value=quote[:80], **where)


def _int(value: str | None, column: str, where: dict) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise CodingError("not an integer", column=column, value=value, **where) from None
