"""Layer 3: cross-table consistency rules, one DuckDB SQL file each.

The rules live in ``validators/consistency/*.sql`` at the repository root (shipped in the wheel
as ``qantar/_data/validators/consistency``), one rule per file with a header naming it and
describing it in a line, so that a researcher can read (and review) each rule as a query. Each
query returns the offending rows as ``"table", "row", "column", "value", detail``.

This module only supplies what SQL cannot read by itself, as tables the queries join:

* the data tables, typed per the descriptor, each with a 1-based ``_row``;
* ``articles``: each source's article file as it is (exists, bytes, sha256, text);
* ``article_slices``: the article text at every (source_id, char_start, char_end) that a span
  column of a table names, cut in Python (code points, constant time per index) rather than
  with SQL ``substring``, which walks the UTF-8 text from its start: that made every span
  cost the length of its article, and the quote rules grow with rows x article size;
* ``number_readings``: each ``figures.number_as_written`` read by ``qantar._numbers``;
* ``package_versions``: the versions stated by the descriptor, CHANGELOG.md, CITATION.cff and
  the installed package.

Every per-row computation is one pass over the rows (a slice at the offsets, never a search).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from qantar._safe_files import MAX_TEXT_BYTES
from qantar.validate._package import Package, default_root, report_malformed
from qantar.validate._report import LayerResult, MissingDependency

LAYER = "consistency"

__all__ = ["PY_RULES", "PyRule", "SqlRule", "rules", "rules_dir", "run", "changelog_version"]


@dataclass(frozen=True)
class SqlRule:
    name: str
    description: str
    protects: str
    path: Path
    sql: str


@dataclass(frozen=True)
class PyRule:
    """A consistency rule that SQL cannot state (it tokenises the article texts): see qantar.provenance."""

    name: str
    description: str
    protects: str
    slow: bool = False  # left out by --fast


PY_RULES: tuple[PyRule, ...] = (
    PyRule("name-forms-occur", "Every name form of every actor and place occurs verbatim in at least one article.",
           "a name form typed with a spelling no article uses (a silent correction) or left over from a deleted article"),
    PyRule("coverage-numbers", "Every number-like token of every article (digits, number words, vague quantity words: counts such as "
           "'beberapa', 'berbagai', 'segelintir' and shares such as 'semua', 'sebagian besar', 'hampir tidak ada'; dates, times, years, "
           "roman numerals) is a figure's number, part of a printed publication date, a date inside a curated quote, or excluded "
           "with a reason: there is no third case.",
           "a count in an article that no figure records, or an exclusion that hides a claim"),
    PyRule("coverage-dates", "Every relative date word inside a curated quote ('Rabu', 'tahun lalu', 'minggu depan', 'hari ini') is resolved: "
           "an event that quotes it names it in its date_reasoning, or its source's published_date_reasoning does.",
           "a relative date turned into a calendar date with no recorded reasoning"),
    PyRule("coverage-names", "Every name candidate of every article (a capitalised word whose capital its place does not explain: "
           "mid-sentence, an acronym, or, at a sentence start or in a title-case headline, a word that is not ordinary Indonesian "
           "by the common-word list derived from nlp-id's tagged corpus) lies in an actor's or place's name form, a printed date, "
           "or an exclusion.",
           "a person, organisation, state, city or region named in an article but missing from actors and places", slow=True),
)


#: The tables the rules read (a package without one of them is reported, not checked).
TABLES = ("sources", "actors", "places", "event_types", "events", "event_actors", "event_sources", "figures",
          "statements", "memberships", "exclusions", "discrepancies", "coding_decisions")


def rules_dir() -> Path:
    """Where the rule files are: the repository's ``validators/consistency`` or the wheel's copy."""
    here = Path(__file__).resolve().parent.parent  # .../qantar
    for candidate in (here.parent / "validators" / "consistency", here / "_data" / "validators" / "consistency"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"no validators/consistency folder next to {here}")


_HEADER = re.compile(r"^--\s*(rule|description|protects):\s*(.*?)\s*$")


def _parse(path: Path) -> SqlRule:
    sql = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        m = _HEADER.match(line)
        if m:
            meta[m.group(1)] = m.group(2)
    missing = {"rule", "description"} - set(meta)
    if missing:
        raise ValueError(f"{path.name}: header lacks {', '.join(sorted(missing))}")
    return SqlRule(meta["rule"], meta["description"], meta.get("protects", ""), path, sql)


@lru_cache(maxsize=4)
def _rules_in(folder: str) -> tuple[SqlRule, ...]:
    return tuple(_parse(p) for p in sorted(Path(folder).glob("*.sql")))


def rules(folder: str | Path | None = None) -> list[SqlRule]:
    """Every consistency rule, in file-name order."""
    return list(_rules_in(str(folder or rules_dir())))


_RELEASED = re.compile(r"^##\s*\[(\d+\.\d+\.\d+[^\]]*)\]", re.MULTILINE)


def changelog_version(text: str) -> str | None:
    """The version of the top released entry (``## [x.y.z]``, not ``[Unreleased]``)."""
    m = _RELEASED.search(text)
    return m.group(1) if m else None


def _versions(package: Package, result: LayerResult) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = [("datapackage.json", package.version)]
    for name, read in (("CHANGELOG.md", changelog_version), ("CITATION.cff", _cff_version)):
        text = package.read_text(name)
        if text is not None:
            out.append((name, read(text)))
        elif (problem := package.file_problem(name, limit=MAX_TEXT_BYTES)) == "file is missing":
            result.notes.append(f"versions-agree: no {name} in the package, not compared")
        else:
            result.fail("versions-agree", "versions-agree", None, None, None, name, f"{name} is not read: {problem}")
    try:
        same = package.root.resolve() == default_root().resolve()
    except Exception:
        same = False
    if same:
        try:
            from importlib.metadata import PackageNotFoundError, version

            out.append(("installed package", version("qantar")))
        except PackageNotFoundError:
            result.notes.append("versions-agree: qantar is not installed, the package version is not compared")
    else:
        result.notes.append("versions-agree: the installed package is not compared (validating another copy)")
    return out


def _cff_version(text: str) -> str | None:
    from qantar.release.versions import cff_value

    return cff_value(text, "version")


def _frames(package: Package) -> dict[str, Any]:
    import polars as pl

    from qantar._numbers import read

    frames: dict[str, Any] = {}
    for table in package.tables:
        frames[table] = package.typed(table).with_row_index("_row", offset=1).with_columns(
            pl.col("_row").cast(pl.Int64)
        )
    arts = package.articles()
    frames["articles"] = pl.DataFrame(
        {
            "source_id": [a["source_id"] for a in arts],
            "path": [a["path"] for a in arts],
            "file_exists": [a["exists"] for a in arts],
            "file_bytes": [a["bytes"] for a in arts],
            "file_sha256": [a["sha256"] for a in arts],
            "text": [a["text"] for a in arts],
            "decode_error": [a["decode_error"] for a in arts],
            "read_error": [a["read_error"] for a in arts],
        },
        schema={
            "source_id": pl.String, "path": pl.String, "file_exists": pl.Boolean, "file_bytes": pl.Int64,
            "file_sha256": pl.String, "text": pl.String, "decode_error": pl.String, "read_error": pl.String,
        },
    )
    frames["article_slices"] = _article_slices(frames, arts)
    written: list[str] = []
    if "figures" in frames and "number_as_written" in frames["figures"].columns:
        written = sorted({w for w in frames["figures"]["number_as_written"].to_list() if w is not None})
    readings = [read(w) for w in written]
    frames["number_readings"] = pl.DataFrame(
        {
            "number_as_written": written,
            "readable": [r is not None for r in readings],
            "value": [r.value if r else None for r in readings],
            "low": [r.low if r else None for r in readings],
            "high": [r.high if r else None for r in readings],
            "qualifier": [r.qualifier if r else None for r in readings],
            "kind": [r.kind if r else None for r in readings],
        },
        schema={
            "number_as_written": pl.String, "readable": pl.Boolean, "value": pl.Int64, "low": pl.Int64,
            "high": pl.Int64, "qualifier": pl.String, "kind": pl.String,
        },
    )
    return frames


def _article_slices(frames: dict[str, Any], arts: list[dict[str, Any]]) -> Any:
    """``text[char_start:char_end]`` of every distinct span the tables name (NULL when the
    article cannot be read or the span is negative or reversed)."""
    import polars as pl

    from qantar.provenance.anchors import anchored_spans

    schema = {"source_id": pl.String, "char_start": pl.Int64, "char_end": pl.Int64}
    parts = []
    for table, frame in frames.items():
        if table == "articles":
            continue
        try:
            spans = anchored_spans(frame.columns, table)
        except ValueError:
            continue  # offsets without a text or source column: the schema layers report it
        for source, _text, start, end in spans:
            if frame.schema[start] != pl.Int64 or frame.schema[end] != pl.Int64 or frame.schema[source] != pl.String:
                continue  # a descriptor that types them otherwise: the schema layers report it
            parts.append(frame.select(
                pl.col(source).alias("source_id"), pl.col(start).alias("char_start"), pl.col(end).alias("char_end")
            ))
    triples = pl.concat(parts).drop_nulls().unique() if parts else pl.DataFrame(schema=schema)
    texts = {a["source_id"]: a["text"] for a in arts if a["text"] is not None}
    slices = [
        t[a:b] if (t := texts.get(sid)) is not None and 0 <= a <= b else None
        for sid, a, b in zip(*(c.to_list() for c in triples.get_columns()), strict=True)
    ]
    return triples.with_columns(pl.Series("slice", slices, dtype=pl.String))


def run(package: Package, result: LayerResult, *, skip: frozenset[str] = frozenset(), fast: bool = False) -> None:
    try:
        import duckdb
    except ImportError as exc:  # pragma: no cover
        raise MissingDependency(LAYER, "duckdb") from exc
    import polars as pl

    missing = [t for t in TABLES if t not in package.tables]
    if missing:
        for table in missing:
            result.check(f"table-present:{table}")
            result.fail(f"table-present:{table}", "table-present", table, None, None, None,
                        f"the package has no table {table!r}: the cross-table rules need every table, none was run")
        return
    report_malformed(package, result, partial=True)
    frames = _frames(package)
    versions = _versions(package, result)
    frames["package_versions"] = pl.DataFrame(
        {"origin": [o for o, _ in versions], "version": [v for _, v in versions]},
        schema={"origin": pl.String, "version": pl.String},
    )
    con = duckdb.connect(":memory:")
    try:
        for name, frame in frames.items():
            con.register(name, frame.to_arrow())
        for rule in rules():
            if rule.name in skip:
                result.skipped.append((rule.name, "skipped on request (--skip)"))
                continue
            result.check(rule.name)
            try:
                rows = con.execute(rule.sql).fetchall()
                names = [d[0] for d in con.description]
            except duckdb.Error as exc:
                result.fail(rule.name, rule.name, None, None, None, None, f"the rule could not run: {exc}")
                continue
            for values in rows:
                rec = dict(zip(names, values, strict=True))
                row = rec.get("row")
                result.fail(
                    rule.name, rule.name, rec.get("table"), int(row) if row is not None else None,
                    rec.get("column"), rec.get("value"), str(rec.get("detail") or rule.description),
                )
    finally:
        con.close()
    _run_python_rules(package, result, skip=skip, fast=fast)


def _run_python_rules(package: Package, result: LayerResult, *, skip: frozenset[str], fast: bool) -> None:
    from qantar.provenance import check_coverage, check_name_forms

    wanted = {r.name for r in PY_RULES if r.name not in skip and not (fast and r.slow)}
    for r in PY_RULES:
        if r.name in skip:
            result.skipped.append((r.name, "skipped on request (--skip)"))
        elif r.name not in wanted:
            result.skipped.append((r.name, "slow: left out by --fast"))
        else:
            result.check(r.name)
    findings = []
    try:
        if "name-forms-occur" in wanted:
            findings += check_name_forms(package)
        if wanted & {"coverage-numbers", "coverage-dates", "coverage-names"}:
            findings += check_coverage(package, names="coverage-names" in wanted).findings
    except Exception as exc:  # e.g. a column the rules need is missing: the schema layers say which
        for name in sorted(wanted):
            result.fail(name, name, None, None, None, None, f"the rule could not run: {type(exc).__name__}: {exc}")
        return
    for f in findings:
        if f.check in wanted:
            result.fail(f.check, f.check, f.table, f.row, f.column, f.value, f.message)
