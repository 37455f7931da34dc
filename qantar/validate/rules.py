"""The rule registry: every rule of every layer, with what it protects against.

``registry()`` lists the rules (derived from the descriptor, the pandera row rules, the SQL
files and the GX expectation specs, so it cannot drift from what runs), ``DAMAGE`` lists the
kinds of damage the mutation tests apply and the layer that owns each, and
``render_markdown()`` renders both as ``docs/validation-rules.md`` (a test keeps the committed
page equal to the generated one: regenerate with ``python -m qantar.validate.rules > docs/validation-rules.md``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DAMAGE", "Damage", "Rule", "registry", "render_markdown"]


@dataclass(frozen=True)
class Rule:
    layer: str
    name: str
    description: str
    protects: str
    applies_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class Damage:
    """A kind of damage the mutation tests apply, and who must catch it."""

    kind: str
    description: str
    layer: str
    rules: tuple[str, ...]


FRICTIONLESS_RULES: dict[str, tuple[str, str]] = {
    "descriptor-profile": (
        "datapackage.json is valid against the Data Package (v2) profile, its resources and Table Schemas included.",
        "a malformed descriptor (misspelt property, unknown field type) that tools would read differently",
    ),
    "file": (
        "Every resource's path names a file inside the package (symbolic links resolved) that exists, is a regular "
        "file (not a folder, FIFO or device), is not over its size limit (256 MiB a table, 16 MiB an article copy) "
        "and is not empty (checked here, first, so a missing or emptied file is named once before Frictionless's "
        "own errors).",
        "a table or article copy deleted, replaced by a folder, emptied, or linked to a file outside the package "
        "(whose contents would end up in the report), a FIFO or device that would hang the run",
    ),
    "references": (
        "The descriptor names nothing that Frictionless would fetch or read from disk beyond the resource files: "
        "no URL or multipart path, no dialect or schema given as a URL or path, no profile other than the standard "
        "ones, no compressed resources, no foreign key into another package. A refused resource is left out of "
        "Frictionless's run.",
        "a package that makes the validator connect to a server (or read local files) when someone validates it",
    ),
    "csv": (
        "Every table is RFC 4180 CSV as the loader reads it: no double quote inside an unquoted cell, nothing "
        "after a closing quote, no quote left open, no carriage return outside a quoted cell without its line "
        "feed. The other layers report the same fault: they read the rows before it only.",
        "a stray quote that makes some CSV readers merge rows into one cell and others refuse the file",
    ),
    "header": ("The CSV header names exactly the schema's fields, in order.", "a column renamed, dropped or moved"),
    "row-shape": ("Every row has as many cells as the header; no blank rows.", "a stray comma or a cut line"),
    "type": ("Every cell parses as its field's type (integer, number, date, datetime, list).", "'2022-13-01', '12a'"),
    "required": ("A required field is never empty.", "a value deleted by mistake"),
    "unique": ("A unique field has no repeated value.", "a duplicated id"),
    "enum": ("A field with an enum takes only its listed values.", "an unknown category (a typo such as 'ocurred')"),
    "pattern": ("A field with a pattern matches it (ids, codes, hashes).", "a malformed id, a lookalike letter in an id"),
    "minimum": ("A field with a minimum is not below it.", "a negative count or offset"),
    "maximum": ("A field with a maximum is not above it.", "an impossible coordinate"),
    "primary-key": ("The primary key is unique across rows.", "a row entered twice"),
    "foreign-key": ("Every foreign key value exists in the table it references.", "a dangling reference"),
    "encoding": (
        "Every file declared utf-8 is strict UTF-8 with no byte order mark (checked here: Frictionless is lenient).",
        "a file saved by a spreadsheet as Windows-1252 or with a BOM",
    ),
    "bytes": ("Every resource's file has the byte count the descriptor records.", "a file changed without re-stamping"),
    "sha256": ("Every resource's file has the sha256 the descriptor records.", "any silent edit of a table or article copy"),
}

PANDERA_COLUMN_RULES: dict[str, tuple[str, str]] = {
    "columns": ("The frame has exactly the schema's columns (strict model).", "a column lost or added in a transformation"),
    "dtype": (
        "Every column has the polars type the descriptor's field type maps to; every cell parses.",
        "a column read or cast as the wrong type",
    ),
    "required": ("Required columns hold no null.", "nulls introduced by a join or a failed parse"),
    "unique": ("Unique columns hold no repeated value; a composite primary key is unique as a whole.", "duplicated rows"),
    "enum": ("Enum columns hold only their listed values (Check.isin).", "an unknown category"),
    "pattern": ("Pattern columns match their pattern (Check.str_matches).", "a malformed id"),
    "range": ("Columns with minimum/maximum stay within them (Check.ge / Check.le).", "an out-of-range value"),
}

ROW_RULE_SUMMARIES: dict[str, str] = {
    "date-order": (
        "Interval dates are in order: date_start <= date_end (events, statements), ref_date_start <= ref_date_end "
        "(figures), published_date_min <= published_date <= published_date_max (sources)."
    ),
    "span-order": "Every span starts before it ends: quotes, numbers, discrepancy claims and printed dates alike.",
    "span-fits-text": "Every span is as long as its text: end - start equals the text's length in code points.",
    "span-complete": (
        "A span's parts are all given or all empty: offsets, text and translation (and, for a discrepancy's "
        "second claim, its source)."
    ),
    "quote-translation-pair": "A quote and its English translation are both given or both empty.",
}

DAMAGE: tuple[Damage, ...] = (
    Damage("duplicate-primary-key", "a row of a random table appended again", "frictionless", ("primary-key", "unique")),
    Damage("dangling-foreign-key", "a foreign key cell set to an id that exists nowhere", "frictionless", ("foreign-key",)),
    Damage("wrong-type", "an integer, number or date cell set to text that does not parse", "frictionless", ("type",)),
    Damage("out-of-range", "a value set below its minimum or above its maximum", "frictionless", ("minimum", "maximum")),
    Damage("unknown-category", "an enum cell set to a value outside the enum", "frictionless", ("enum",)),
    Damage("required-emptied", "a required cell emptied", "frictionless", ("required",)),
    Damage("lookalike-in-id", "a Latin letter of an id replaced by its Cyrillic lookalike", "frictionless",
           ("pattern", "foreign-key", "unique", "primary-key")),
    Damage("bom-or-bad-byte", "a byte order mark prepended, or a byte that is not UTF-8 inserted", "frictionless", ("encoding",)),
    Damage("unstamped-edit", "a free-text cell edited without re-stamping the descriptor", "frictionless", ("sha256", "bytes")),
    Damage("swapped-dates", "a start and an end date swapped (events, statements, figures, sources)", "pandera", ("date-order",)),
    Damage("figure-range-broken", "a figure's value_low raised above its value", "pandera", ("value-range",)),
    Damage("translation-dropped", "the English translation of a discrepancy's second claim emptied", "pandera",
           ("quote-translation-pair", "span-complete")),
    Damage("quote-one-character", "one character of a quote changed", "consistency", ("quote-verbatim",)),
    Damage("lookalike-in-quote", "a Latin letter of a quote replaced by its Cyrillic lookalike", "consistency",
           ("quote-verbatim",)),
    Damage("offsets-shifted", "a span's start and end offsets both shifted by the same amount", "consistency",
           ("quote-verbatim", "figure-number-verbatim")),
    Damage("figure-number-changed", "a figure's value changed", "consistency", ("figure-number-reading", "csto-member-figures")),
    Damage("csto-member-changed", "a CSTO member state removed from, or added to, memberships", "consistency",
           ("csto-six-members",)),
    Damage("link-row-deleted", "an event's only event_sources row, or an actor's only event_actors row, deleted", "consistency",
           ("event-has-source", "orphan-actors", "source-contributes")),
    Damage("event-after-publication", "an occurred event moved after the publication of its sources", "consistency",
           ("event-after-publication",)),
    Damage("article-tampered", "one character of an article copy changed (descriptor re-stamped)", "consistency",
           ("article-hash",)),
    Damage("version-bumped", "the descriptor's version changed without a CHANGELOG entry", "consistency", ("versions-agree",)),
    Damage("distribution-shift", "every event relabelled 'claimed'", "great_expectations",
           ("distribution (expect_column_values_to_be_in_set)",)),
)


def registry(root: str | Path | None = None) -> list[Rule]:
    """Every rule, layer by layer, for the package at ``root`` (default: the package's own)."""
    from qantar.validate import _frictionless, _gx, consistency, schemas
    from qantar.validate._package import Package, find_root

    package = Package(find_root(root))
    out: list[Rule] = []

    applies: dict[str, list[str]] = defaultdict(list)
    for _id, rule, table, column in _frictionless.planned_checks(package):
        applies[rule].append(f"{table}.{column}" if table and column else (table or "datapackage.json"))
    for name, (desc, protects) in FRICTIONLESS_RULES.items():
        out.append(Rule("frictionless", name, desc, protects, tuple(applies.get(name, ()))))

    col_applies: dict[str, list[str]] = defaultdict(list)
    for table in package.tables:
        col_applies["columns"].append(table)
        for f in package.fields(table):
            c = f.get("constraints") or {}
            ref = f"{table}.{f['name']}"
            col_applies["dtype"].append(ref)
            if c.get("required"):
                col_applies["required"].append(ref)
            if c.get("unique"):
                col_applies["unique"].append(ref)
            for key, rule in (("enum", "enum"), ("pattern", "pattern"), ("minimum", "range"), ("maximum", "range")):
                if key in c and ref not in col_applies[rule]:
                    col_applies[rule].append(ref)
    for name, (desc, protects) in PANDERA_COLUMN_RULES.items():
        out.append(Rule("pandera", name, desc, protects, tuple(col_applies.get(name, ()))))
    grouped: dict[str, list[schemas.RowRule]] = defaultdict(list)
    for rr in schemas.ROW_RULES:
        grouped[rr.rule].append(rr)
    for name, group in grouped.items():
        desc = ROW_RULE_SUMMARIES.get(name) or " ".join(dict.fromkeys(r.description for r in group))
        out.append(Rule("pandera", name, desc, group[0].protects, tuple(f"{r.table}.{r.column}" for r in group)))

    for sql in consistency.rules():
        out.append(Rule("consistency", sql.name, sql.description, sql.protects, (f"validators/consistency/{sql.path.name}",)))
    for py in consistency.PY_RULES:
        where = "qantar/provenance/coverage.py" if py.name.startswith("coverage") else "qantar/provenance/anchors.py"
        out.append(Rule("consistency", py.name, py.description + (" (Left out by --fast.)" if py.slow else ""), py.protects, (where,)))

    kinds: dict[str, list[str]] = defaultdict(list)
    for spec in _gx.expectations(package):
        if spec.origin == "descriptor":
            kinds[spec.type].append(f"{spec.table}.{spec.column}" if spec.column else spec.table)
    for type_, where in kinds.items():
        out.append(Rule("great_expectations", type_, f"Generated from the descriptor ({_GX_ORIGIN.get(type_, type_)}).",
                        "the same damage as the descriptor constraint it restates, checked by an independent engine",
                        tuple(where)))
    for spec in _gx.curated(package):
        args = ", ".join(f"{k}={_fmt(v)}" for k, v in spec.kwargs.items() if k != "column")
        target = f"{spec.table}.{spec.column}" if spec.column else spec.table
        out.append(Rule("great_expectations", f"{spec.type}", f"{target}: {args}.", spec.why, (target,)))
    return out


_GX_ORIGIN = {
    "expect_table_columns_to_match_ordered_list": "the schema's field list",
    "expect_column_values_to_not_be_null": "required",
    "expect_column_values_to_be_unique": "unique",
    "expect_column_values_to_be_in_set": "enum",
    "expect_column_values_to_match_regex": "pattern",
    "expect_column_values_to_be_between": "minimum / maximum",
    "expect_compound_columns_to_be_unique": "composite primaryKey",
}


def _fmt(v: object) -> str:
    import datetime as dt

    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, list):
        return "[" + ", ".join(str(x) for x in v) + "]"
    return str(v)


_LAYER_HEAD = {
    "frictionless": ("1. Frictionless", "The descriptor and every file against it (`qantar/validate/_frictionless.py`)."),
    "pandera": (
        "2. pandera (polars)",
        "Typed frames against models derived from the descriptor, plus row rules "
        "(`qantar/validate/schemas.py`; public: `qantar.validate.schemas.model(name)`).",
    ),
    "consistency": ("3. Cross-table consistency", "DuckDB SQL, one rule per file in `validators/consistency/`."),
    "great_expectations": (
        "4. Great Expectations",
        "Suites generated from the descriptor, plus curated sizes, proportions and value sets "
        "(`qantar/validate/_gx.py`; left out by `--fast`).",
    ),
}


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _applies(items: tuple[str, ...], limit: int = 12) -> str:
    if not items:
        return ""
    shown = ", ".join(f"`{i}`" for i in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def render_markdown(root: str | Path | None = None) -> str:
    """``docs/validation-rules.md``, generated from the registry."""
    rules = registry(root)
    lines = [
        "# Validation rules",
        "",
        "<!-- Generated by `python -m qantar.validate.rules > docs/validation-rules.md`; do not edit by hand. -->",
        "",
        "`qantar validate [PATH]` runs four layers; each owns the checks it states best. "
        "Exit status 0 when everything holds, 1 when anything fails, 2 for a usage error; "
        "`--fast` leaves out Great Expectations; `--format json` gives the report as JSON; "
        "`--report DIR` writes a self-contained HTML report.",
        "",
        "| Layer | Rules |",
        "| --- | --- |",
    ]
    counts: dict[str, int] = defaultdict(int)
    for r in rules:
        counts[r.layer] += 1
    for layer, (title, _) in _LAYER_HEAD.items():
        lines.append(f"| {title} | {counts[layer]} |")
    for layer, (title, intro) in _LAYER_HEAD.items():
        lines += ["", f"## {title}", "", intro, ""]
        lines += ["| Rule | What it checks | Protects against | Applies to |", "| --- | --- | --- | --- |"]
        for r in rules:
            if r.layer == layer:
                lines.append(f"| `{r.name}` | {_md(r.description)} | {_md(r.protects)} | {_md(_applies(r.applies_to))} |")
    lines += [
        "",
        "## Damage the mutation tests apply",
        "",
        "`tests/test_validate_mutations.py` applies each kind at random tables, rows and columns of a copy of the "
        "data (with hypothesis) and asserts that the owning layer reports it, naming the table, row and column.",
        "",
        "| Damage | What is done | Caught by | Rule(s) |",
        "| --- | --- | --- | --- |",
    ]
    for d in DAMAGE:
        lines.append(f"| `{d.kind}` | {_md(d.description)} | {d.layer} | {', '.join(f'`{r}`' for r in d.rules)} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    import sys

    sys.stdout.write(render_markdown(sys.argv[1] if len(sys.argv) > 1 else None))
