"""Synthetic Qantar packages of any size that satisfy the schema and every validation rule.

The real package (about 480 rows over 12 tables, 5 articles) is replicated ``k`` times. Copy
``j`` gets new ids (copy 0 keeps the real ones), and every foreign key of copy ``j`` points at
copy ``j`` of the row it names, so keys stay valid. ``event_types`` and ``measures`` are vocabularies, not data:
they are kept once, as a larger dataset would keep them; ``coding_decisions`` records how the real
rows were adjudicated and is left empty.

Everything structural is read from the model of the real package (``qantar.model``): which
column is a table's id (its single-field primary key) and what its ids look like (its
pattern), which columns refer to which table (the foreign keys), and which columns hold an
article passage (the spans declared under ``qantar:spans``). The article register is the table
the spans' sources point at; its columns that describe the article file (path, size, sha256)
are the ones whose values are the files'. A reference whose table is named on the row (a
field whose vocabulary is table names, beside the column holding that table's ids) is mapped
like a foreign key.

Articles: copies ``j = g*m .. g*m + m-1`` share article group ``g``. The article of real source
``a`` in group ``g`` is ``m`` copies of the real text joined by a blank line, plus a one-line tag
that makes its bytes (and so its sha256) unique; copy ``j`` points at the ``j % m``-th copy of
the text, every declared span shifted by that copy's start. So quotes, number offsets, printed
dates and coverage stay valid, the quote checks run on real text, and both the number and the
size of the articles grow with the package. Each group has one article-register row per real
source; the article register's own spans (the printed date) in every copy after the first, and
the tag, are recorded as exclusion spans (page furniture), so coverage holds without a third
case. The default is one copy per article (``m = 1``): with more, a claim of a later copy quotes a
later occurrence of its words, which the rule quote-first-occurrence rightly refuses for tables
without a note column.

The real id patterns allow 1000 ids (``^E[0-9]{3}$``); the synthetic descriptor widens the
digit counts of the id patterns only (``{3}`` -> ``{3,12}``). Everything else in the
descriptor is the real one, with bytes and sha256 recomputed.

    python bench/synth.py OUT_DIR --rows 100000 [--copies-per-article 1]
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import math
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import polars as pl

from origin import made_from  # bench/ is on the path of its scripts
from qantar import _atomic, _safe_files, csvfile, model
from qantar.errors import DataError

REPO = Path(__file__).resolve().parent.parent

SEP = "\n\n"
COPY_DIGITS = 7  # copy numbers up to 9,999,999
#: Tables that are not replicated: the vocabulary (kept once) and the adjudication record (emptied).
KEPT_ONCE, EMPTIED = ("event_types", "measures"), ("coding_decisions",)
#: Rules a replicated package breaks by design: every copy repeats the real names and name forms
#: (the articles' words, which quotes and the name rules need), which near-duplicate rightly refuses
#: in real data. The bench and the tests validate a synthetic package without them (synthetic.json).
SKIP = ("near-duplicate",)
#: An id pattern of letters and a digit count: the synthetic copies number their ids within it.
LETTER_ID = re.compile(r"\^([A-Z]+)\[0-9\]\{[0-9,]+\}\$")
#: The values of the two descriptive columns of a synthetic exclusion, beside its span.
EXCLUSION_REASON = {"reason": "page_furniture"}
#: Relabelled in the copies whose rows only the article register refers to (see ``_relabelled``).
MENTION, BACKGROUND = "mention_context", "background"


def _tag(group: int, source: int) -> str:
    """A unique, number-free, lower-case line: consonants only, so no vocabulary word matches."""
    letters = "bcdfghjklmnpqrstvwxz"
    n, out = group * 10 + source, []
    while True:
        n, r = divmod(n, len(letters))
        out.append(letters[r])
        if n == 0:
            break
    return "\nzzq" + "".join(out)


# --- the real package, through the model ----------------------------------------------------


@dataclass(frozen=True)
class Real:
    """The real package: its model, every table as written, and the article register."""

    package: model.Package
    tables: dict[str, pl.DataFrame]
    register: model.Table  # the table every span's article comes from
    path: str  # its columns whose values are the article file's path, byte count and sha256
    bytes: str
    sha256: str
    texts: dict[str, str]  # register id -> article text

    def ids(self, table: str) -> set[str]:
        """The ids of ``table`` (none for a table without a single-field primary key)."""
        key = self.package.tables[table].id_field
        return set(self.tables[table][key].drop_nulls().to_list()) if key else set()


def _read_real(root: Path) -> Real:
    package = model.read(root)
    tables = {}
    for t in package.tables.values():
        t.check_loadable()
        data = _safe_files.read(root, t.path, limit=_safe_files.MAX_TABLE_BYTES, table=t.name)
        frame, fault = csvfile.cells(t, data)  # every cell as written: copies are written back as they were
        if fault is not None:
            raise DataError(f"malformed CSV: {fault.problem}", table=t.name, line=fault.line)
        tables[t.name] = frame
    names = {_source_table(package, s) for s in package.spans()}
    if len(names) != 1:
        raise DataError(f"the spans' articles come from {len(names)} tables ({', '.join(sorted(names))}), not one")
    register = package.tables[names.pop()]
    frame = tables[register.name]
    paths = [f.path for f in package.files.values()]
    path = next((c for c in frame.columns if frame.height and frame[c].null_count() == 0 and frame[c].is_in(paths).all()), None)
    if path is None:
        raise DataError("no column names the article files", table=register.name)
    data = [_safe_files.read(root, p, limit=_safe_files.MAX_TEXT_BYTES, table=register.name) for p in frame[path]]

    def column(values: list[str], what: str) -> str:
        found = next((c for c in frame.columns if frame[c].to_list() == values), None)
        if found is None:
            raise DataError(f"no column holds the article files' {what}", table=register.name)
        return found

    return Real(
        package, tables, register, path, column([str(len(d)) for d in data], "byte counts"),
        column([hashlib.sha256(d).hexdigest() for d in data], "sha256"),
        dict(zip(frame[register.id_field].to_list(), (d.decode("utf-8") for d in data), strict=True)),
    )


def _source_table(package: model.Package, span: model.Span) -> str:
    """The table whose rows are the articles a span's ``source`` column names."""
    table = package.tables[span.table]
    if (span.source,) == table.primary_key:
        return table.name
    ref = next((r for r in table.relations if r.fields == (span.source,)), None)
    if ref is None:
        raise DataError(f"span {span.name!r}: column {span.source} refers to no table", table=span.table)
    return ref.ref_table


# --- ids --------------------------------------------------------------------------------------


def _copy_str(j: pl.Expr) -> pl.Expr:
    return j.cast(pl.String).str.zfill(COPY_DIGITS)


def _letters(table: model.Table) -> str | None:
    """The letter prefix of the table's ids, when its id pattern is letters and digits."""
    pattern = table.field(table.id_field).constraints.get("pattern") if table.id_field else None
    m = LETTER_ID.fullmatch(pattern) if isinstance(pattern, str) else None
    return m[1] if m else None


def _mapped(c: pl.Expr, table: model.Table, j: pl.Expr) -> pl.Expr:
    """Copy j's value of a column holding an id of ``table`` (copy 0 keeps the real id)."""
    prefix = _letters(table)
    if prefix is None:  # a slug: a suffix keeps it a slug
        new = c + pl.lit("-s") + j.cast(pl.String)
    else:
        new = pl.lit(prefix) + _copy_str(j) + c.str.slice(len(prefix))
    return pl.when(j == 0).then(c).otherwise(new)


def _source_id(real_sid: pl.Expr, group: pl.Expr) -> pl.Expr:
    return real_sid.str.slice(0, 3) + pl.lit("_") + group.cast(pl.String).str.zfill(16)


def _copied(name: str) -> bool:
    return name not in KEPT_ONCE + EMPTIED and not _reference_table(name)


def _reference_table(name: str) -> bool:
    # The crosswalks and the state codes describe codes, not claims: a copy of them would be the
    # same mapping twice under another key.
    return name.startswith("crosswalk_") or name == "country_codes"


def _id(real: Real, target: str, c: pl.Expr, j: pl.Expr, group: pl.Expr) -> pl.Expr:
    """Copy j's value of column ``c`` that holds an id of table ``target``."""
    if target == real.register.name:
        return pl.when(c.is_null()).then(None).otherwise(_source_id(c, group))
    table = real.package.tables[target]
    if not _copied(target) or table.id_field is None:
        return c
    return _mapped(c, table, j)


def _references(real: Real, table: model.Table) -> dict[str, str]:
    """Column -> the table whose ids it holds: the table's own id and its single-column foreign keys."""
    out = {table.id_field: table.name} if table.id_field else {}
    for rel in table.relations:
        target = real.package.tables.get(rel.ref_table)
        if target is not None and len(rel.fields) == 1 and rel.ref_fields == (target.id_field,):
            out[rel.fields[0]] = rel.ref_table
    return out


def _named_references(real: Real, table: model.Table) -> list[tuple[str, str]]:
    """(table column, id column) pairs of a reference whose table is named on the row: a field whose
    vocabulary is table names, and the text column that holds, on every row, an id of the named table."""
    frame, out = real.tables[table.name], []
    for f in table.fields:
        if f.categories is None or not set(f.categories) <= set(real.package.tables):
            continue
        ids = {t: real.ids(t) for t in f.categories}
        for other in table.fields:
            if other.name == f.name or not other.is_text:
                continue
            rows = frame.select(f.name, other.name).drop_nulls().rows()
            if rows and all(v in ids[t] for t, v in rows):
                out.append((f.name, other.name))
                break
    return out


def _relabelled(real: Real) -> dict[str, list[str]]:
    """Table -> ids that only the article register refers to.

    A group's register row names the rows of the group's first copy; in the other copies such
    rows are referred to by nothing, so they are background (the orphan rules require it).
    """
    out = {}
    for target in sorted({r.ref_table for r in real.register.relations}):
        if MENTION not in real.package.tables[target].field_names:
            continue
        by: dict[str, set[str]] = {}
        for table in real.package.tables.values():
            if not _copied(table.name):
                continue  # the synthetic package holds none of their references
            frame, ids = real.tables[table.name], by.setdefault(table.name, set())
            for column, ref in _references(real, table).items():
                if ref == target and column != table.id_field:
                    ids.update(frame[column].drop_nulls().to_list())
            for kind, column in _named_references(real, table):
                ids.update(frame.filter(pl.col(kind) == target)[column].drop_nulls().to_list())
        others = set().union(*(ids for t, ids in by.items() if t != real.register.name))
        out[target] = sorted(by[real.register.name] - others)
    return out


def widen_patterns(package: model.Package, descriptor: dict) -> None:
    """Id patterns with fixed digit counts accept longer ids: {3} -> {3,12}, {2,3} -> {2,12}."""
    resources = {r["name"]: r for r in descriptor["resources"]}
    for table in package.tables.values():
        for i, f in enumerate(table.fields):
            pattern = f.constraints.get("pattern")
            if isinstance(pattern, str) and LETTER_ID.fullmatch(pattern):
                raw = resources[table.name]["schema"]["fields"][i]["constraints"]
                raw["pattern"] = re.sub(r"\{(\d+)(?:,\d+)?\}", r"{\1,12}", pattern)


# --- generating ---------------------------------------------------------------------------------


def generate(out: Path, rows: int, *, copies_per_article: int = 1, real_root: Path = REPO) -> dict:
    """Write a synthetic package of about ``rows`` data rows into ``out``; return its facts."""
    real = _read_real(real_root)
    package, reg = real.package, real.register
    m = copies_per_article
    per_copy = sum(f.height for t, f in real.tables.items() if _copied(t)) + len(real.texts) * 2 // m
    kept = sum(f.height for t, f in real.tables.items() if t in KEPT_ONCE or _reference_table(t))
    k = max(1, math.ceil((rows - kept) / per_copy))
    groups = math.ceil(k / m)
    stride = {sid: len(text) + len(SEP) for sid, text in real.texts.items()}
    exclusion = package.spans("exclusion")[0]
    x_table = package.tables[exclusion.table]
    file_columns = (real.path, real.bytes, real.sha256)

    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    with _atomic.building_directory(out) as (folder, _):
        # --- articles and the register: one row per (group, real source) ----------------------
        files: list[tuple[str, str, str]] = []
        extra_exclusions = []  # the register's own spans in later copies, and the tags
        for g in range(groups):
            n_in_group = min(m, k - g * m)
            for a, row in enumerate(real.tables[reg.name].iter_rows(named=True)):
                sid = row[reg.id_field]
                body = SEP.join([real.texts[sid]] * n_in_group)
                tag = _tag(g, a)
                text = body + tag
                path = f"articles/{sid[:3]}_{g:016d}.txt"
                data = text.encode("utf-8")
                _atomic.write_bytes(folder / path, data)
                files.append((path, str(len(data)), hashlib.sha256(data).hexdigest()))
                new_sid = PurePosixPath(path).stem
                for span in reg.spans:
                    what = "printed date" if span.kind == "printed_date" else f"{span.name} passage"
                    start, end = row[span.start], row[span.end]
                    for i in range(1, n_in_group):
                        if start is not None:
                            shift = i * stride[sid]
                            extra_exclusions.append((new_sid, int(start) + shift, int(end) + shift, row[span.text],
                                                     f"Synthetic copy: the {what} of a repeated article text."))
                extra_exclusions.append((new_sid, len(body) + 1, len(text), tag[1:], "Synthetic tag that makes the article unique."))
        group = pl.col("_g")
        register = pl.concat([real.tables[reg.name].with_columns(pl.lit(g, pl.Int64).alias("_g")) for g in range(groups)])
        register = register.with_columns(
            [_id(real, t, pl.col(c), group * m, group).alias(c) for c, t in _references(real, reg).items()]
            + [pl.Series(c, [f[i] for f in files], dtype=pl.String) for i, c in enumerate(file_columns)]
        )
        frames: dict[str, pl.DataFrame] = {reg.name: register.drop("_g")}

        # --- every other table, k copies with mapped ids and shifted spans ---------------------
        copies = pl.DataFrame({"_j": pl.int_range(0, k, eager=True)})
        j = pl.col("_j")
        group = j // m
        relabel = _relabelled(real)
        for name, frame in real.tables.items():
            table = package.tables[name]
            if name in EMPTIED:
                frames[name] = frame.head(0)
                continue
            if not _copied(name) or name == reg.name:
                frames.setdefault(name, frame)
                continue
            exprs = [_id(real, t, pl.col(c), j, group).alias(c) for c, t in _references(real, table).items()]
            for span in table.spans:
                step = pl.col(span.source).replace_strict(stride, default=0, return_dtype=pl.Int64)
                exprs += [(pl.col(c).cast(pl.Int64) + (j % m) * step).cast(pl.String).alias(c) for c in (span.start, span.end)]
            for kind, column in _named_references(real, table):
                cases = pl.when(pl.lit(False)).then(pl.col(column))
                for target in package.tables:
                    cases = cases.when(pl.col(kind) == target).then(_id(real, target, pl.col(column), j, group))
                exprs.append(cases.otherwise(pl.col(column)).alias(column))
            if relabel.get(name):
                exprs.append(
                    pl.when((j % m != 0) & pl.col(table.id_field).is_in(relabel[name]))
                    .then(pl.lit(BACKGROUND)).otherwise(pl.col(MENTION)).alias(MENTION)
                )
            # every expression reads the real columns (with_columns sees the input frame)
            frames[name] = copies.join(frame, how="cross").with_columns(exprs).drop("_j")

        if extra_exclusions:
            ex = frames[x_table.name]
            columns = {
                x_table.id_field: [f"{_letters(x_table) or ''}9{i:0{COPY_DIGITS + 2}d}" for i in range(len(extra_exclusions))],
                exclusion.source: [e[0] for e in extra_exclusions],
                exclusion.start: [str(e[1]) for e in extra_exclusions],
                exclusion.end: [str(e[2]) for e in extra_exclusions],
                exclusion.text: [e[3] for e in extra_exclusions],
                **{c: [v] * len(extra_exclusions) for c, v in EXCLUSION_REASON.items()},
            }
            # the required text that is left (the exclusion's note) says what the span is
            columns |= {f.name: [e[4] for e in extra_exclusions] for f in x_table.fields
                        if f.name not in columns and f.required and f.is_text}
            extra = pl.DataFrame(columns, schema={c: pl.String for c in columns})
            frames[x_table.name] = pl.concat([ex, extra], how="diagonal").select(ex.columns)

        # --- the descriptor -------------------------------------------------------------------
        descriptor = copy.deepcopy(dict(package.raw))
        widen_patterns(package, descriptor)
        raw = {r["name"]: r for r in descriptor["resources"]}
        resources = []
        for table in package.tables.values():  # the article files are replaced by the synthetic ones below
            data = frames[table.name].select(table.field_names).write_csv(null_value="", quote_style="necessary").encode("utf-8")
            _atomic.write_bytes(folder / table.path, data)
            resources.append(raw[table.name] | {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()})
        for sid, (path, size, digest) in zip(frames[reg.name][reg.id_field].to_list(), files, strict=True):
            resources.append({
                "name": "article-" + sid.replace("_", "-"), "type": "file", "path": path, "mediatype": "text/plain",
                "encoding": "utf-8", "bytes": int(size), "hash": "sha256:" + digest,
            })
        descriptor["resources"] = resources
        _atomic.write_text(folder / model.DESCRIPTOR, json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
        try:
            _atomic.write_bytes(folder / "CHANGELOG.md", _safe_files.read(real_root, "CHANGELOG.md", limit=_safe_files.MAX_TEXT_BYTES))
        except DataError as exc:
            if exc.problem != "file is missing":
                raise
        facts = {
            "rows": sum(f.height for f in frames.values()),
            "requested_rows": rows,
            "made_from": made_from(real_root),
            "copies": k,
            "copies_per_article": m,
            "articles": len(files),
            "article_bytes": sum(int(size) for _, size, _ in files),
            "tables": {t: f.height for t, f in frames.items()},
            "skip": list(SKIP),
        }
        _atomic.write_text(folder / "synthetic.json", json.dumps(facts, indent=2) + "\n")
    return facts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--copies-per-article", type=int, default=1)
    args = parser.parse_args(argv)
    facts = generate(args.out, args.rows, copies_per_article=args.copies_per_article)
    print(json.dumps({k: v for k, v in facts.items() if k != "tables"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
