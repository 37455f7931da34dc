"""Which bump a change requires: compare a previous release with the package as it is now.

The rules are those of docs/versioning.md (the Frictionless data-package-version recipe):

* MAJOR: a field renamed, added, removed or reordered; a field's type, format or reading
  properties changed; a constraint tightened (or a pattern changed: a regex cannot be proven
  looser); a primary key changed or a foreign key added; a span declared or changed; a table or
  file removed or moved; an article copy edited; a row identifier (single-field primary key)
  removed or changed.
* MINOR: a new table or file; new rows; a constraint loosened; a foreign key or a span dropped;
  vocabulary values added or reordered.
* PATCH: corrected values; rows of a link table (composite key) corrected or dropped;
  descriptive metadata (titles, descriptions, keywords, licences, sources).

Both sides are read as packages (``qantar.model``): fields, types, constraints, vocabularies,
keys, relations and spans are compared as the model reads them, rows by primary key as their
cells are written (``Snapshot.cells``). Descriptor properties the model does not interpret
(titles, licences, a resource's format or dialect, a field property nobody reads) are compared as
declared, from the model's ``raw``: a property the check does not know is MAJOR.

``check(old, new)`` adds the version rule: the new version must be the next MAJOR, MINOR or
PATCH version of the old one, at least as high as the changes require (before 1.0.0 a MAJOR
change may ship as MINOR when the changelog entry marks it *Breaking*).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from qantar.model import Field, FileResource, Package, Relation, Span, Table
from qantar.release import ReleaseError
from qantar.release.previous import Snapshot
from qantar.versions import UNRELEASED, Version, rank, section

MAJOR, MINOR, PATCH = "major", "minor", "patch"

PACKAGE_STRUCTURAL = {"name", "id", "$schema", "profile"}
PACKAGE_IGNORED = {"resources", "version", "created"}
RESOURCE_STRUCTURAL = {
    "type", "path", "format", "mediatype", "encoding", "dialect", "compression", "scheme", "$schema", "profile",
}
RESOURCE_IGNORED = {"name", "schema", "bytes", "hash"}
#: Schema and field properties the model reads, compared below one by one.
SCHEMA_MODELLED = {"fields", "primaryKey", "foreignKeys", "missingValues", "qantar:spans"}
FIELD_MODELLED = {
    "name", "type", "format", "constraints", "categories", "categoriesOrdered", "delimiter", "trueValues", "falseValues",
}
FIELD_DESCRIPTIVE = {"title", "description", "example", "examples"}
SCHEMA_DESCRIPTIVE = {"title", "description"}
LOWER_BOUNDS = {"minimum", "exclusiveMinimum", "minLength"}
UPPER_BOUNDS = {"maximum", "exclusiveMaximum", "maxLength"}
SAMPLE = 5


@dataclass(frozen=True)
class Change:
    level: str  # major | minor | patch
    where: str  # "package", a resource name, or "table.field"
    what: str

    def __str__(self) -> str:
        return f"{self.level.upper():<5}  {self.where}: {self.what}"


def required(changes: list[Change]) -> str:
    """The highest level any change reaches ("none" when nothing changed)."""
    return max((c.level for c in changes), key=rank, default="none")


def _canon(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _sample(items: list[str]) -> str:
    more = f" and {len(items) - SAMPLE} more" if len(items) > SAMPLE else ""
    return ", ".join(items[:SAMPLE]) + more


def _resources(package: Package) -> dict[str, Table | FileResource]:
    return {r.name: r for r in package.resources()}


def compare(old: Snapshot, new: Snapshot) -> list[Change]:
    """Every change from ``old`` to ``new`` that matters for the version, with its level."""
    out: list[Change] = []
    _properties("package", old.package.raw, new.package.raw, PACKAGE_STRUCTURAL, PACKAGE_IGNORED, out)
    before, after = _resources(old.package), _resources(new.package)
    for name in before.keys() - after.keys():
        out.append(Change(MAJOR, name, "resource removed (or renamed)"))
    for name in after.keys() - before.keys():
        out.append(Change(MINOR, name, "new resource"))
    common = [n for n in after if n in before]
    if common != [n for n in before if n in after]:
        out.append(Change(PATCH, "package", "resources listed in a different order"))
    for name in common:
        o, n = before[name], after[name]
        if isinstance(o, Table) != isinstance(n, Table):
            out.append(Change(MAJOR, name, "changed between a table and a plain file"))
            continue
        _properties(name, o.raw, n.raw, RESOURCE_STRUCTURAL, RESOURCE_IGNORED, out)
        if isinstance(o, Table) and isinstance(n, Table):
            renamed = _schema(o, n, out)
            _rows(o, n, old, new, out, renamed)
        elif o.path is not None and o.path == n.path and old.read(o.path) != new.read(n.path):
            why = "an article copy is never edited: a better copy is a new source"
            out.append(Change(MAJOR, name, f"file content changed ({why})"))
    return sorted(out, key=lambda c: (-rank(c.level), c.where))


def _properties(
    where: str, o: Mapping[str, Any], n: Mapping[str, Any], structural: set[str], ignored: set[str], out: list[Change]
) -> None:
    """Properties the model does not interpret, compared as declared."""
    for key in sorted((o.keys() | n.keys()) - ignored):
        if _canon(o.get(key)) == _canon(n.get(key)):
            continue
        if key in structural:
            out.append(Change(MAJOR, where, f"{key!r} changed: {o.get(key)!r} -> {n.get(key)!r}"))
        else:
            out.append(Change(PATCH, where, f"descriptive metadata {key!r} changed"))


def _schema(o: Table, n: Table, out: list[Change]) -> dict[str, str]:
    """Compare two tables' schemas; returns the renamed fields (old name -> new name)."""
    table = n.name
    old_names, new_names = o.field_names, n.field_names
    renamed = {}
    if len(old_names) == len(new_names):
        for a, b in zip(old_names, new_names, strict=True):
            if a != b and a not in new_names and b not in old_names:
                renamed[a] = b
                out.append(Change(MAJOR, f"{table}.{a}", f"field renamed to {b!r}"))
    for name in old_names:
        if name not in new_names and name not in renamed:
            out.append(Change(MAJOR, f"{table}.{name}", "field removed"))
    for name in new_names:
        if name not in old_names and name not in renamed.values():
            out.append(Change(MAJOR, f"{table}.{name}", "field added"))
    kept_old = [x for x in old_names if x in new_names]
    kept_new = [x for x in new_names if x in old_names]
    if kept_old != kept_new:
        out.append(Change(MAJOR, table, "fields reordered (the CSV header changes)"))
    was = {b: a for a, b in renamed.items()}
    for f in n.fields:
        source = was.get(f.name, f.name)
        if source in old_names:
            _field(f"{table}.{f.name}", o.field(source), f, out)

    if o.primary_key != n.primary_key:
        out.append(Change(MAJOR, table, f"primary key changed: {list(o.primary_key)} -> {list(n.primary_key)}"))
    before, after = set(o.relations), set(n.relations)
    for rel in sorted(after - before, key=_relation):
        out.append(Change(MAJOR, table, f"foreignKey added: {_relation(rel)} (rows that held may now fail)"))
    for rel in sorted(before - after, key=_relation):
        out.append(Change(MINOR, table, f"foreignKey dropped: {_relation(rel)}"))
    if o.missing_values != n.missing_values:
        out.append(Change(MAJOR, table, f"missingValues changed: {list(o.missing_values)} -> {list(n.missing_values)} "
                                        "(how values are read)"))
    _spans(table, o.spans, n.spans, out)
    # Unique keys are not read by the model (only Frictionless checks them): compared as declared.
    o_schema, n_schema = o.raw.get("schema") or {}, n.raw.get("schema") or {}
    old_unique = {_canon(x) for x in o_schema.get("uniqueKeys", []) or []}
    new_unique = {_canon(x) for x in n_schema.get("uniqueKeys", []) or []}
    for x in sorted(new_unique - old_unique):
        out.append(Change(MAJOR, table, f"uniqueKey added: {x} (rows that held may now fail)"))
    for x in sorted(old_unique - new_unique):
        out.append(Change(MINOR, table, f"uniqueKey dropped: {x}"))
    for key in sorted((o_schema.keys() | n_schema.keys()) - SCHEMA_MODELLED - {"uniqueKeys"}):
        if _canon(o_schema.get(key)) != _canon(n_schema.get(key)):
            level = PATCH if key in SCHEMA_DESCRIPTIVE else MAJOR
            out.append(Change(level, table, f"schema property {key!r} changed"))
    return renamed


def _relation(rel: Relation) -> str:
    return f"({', '.join(rel.fields)}) -> {rel.ref_table} ({', '.join(rel.ref_fields)})"


def _span(span: Span) -> str:
    columns = f"{span.source}: {span.start}..{span.end} = {span.text}"
    extra = [f"translation {span.translation}"] * bool(span.translation) + [f"within {span.within}"] * bool(span.within)
    return f"{span.kind} span {span.name!r} ({columns}{'; ' + ', '.join(extra) if extra else ''})"


def _spans(table: str, old: tuple[Span, ...], new: tuple[Span, ...], out: list[Change]) -> None:
    """A span declared is a new check on every row (the passage must be the article's); dropping one loosens."""
    before, after = {s.name: s for s in old}, {s.name: s for s in new}
    for name in sorted(after.keys() - before.keys()):
        out.append(Change(MAJOR, table, f"{_span(after[name])} declared (rows that held may now fail)"))
    for name in sorted(before.keys() - after.keys()):
        out.append(Change(MINOR, table, f"{_span(before[name])} no longer declared"))
    for name in sorted(before.keys() & after.keys()):
        a, b = before[name], after[name]
        if (a.kind, a.columns, a.within) != (b.kind, b.columns, b.within):
            out.append(Change(MAJOR, table, f"span changed: {_span(a)} -> {_span(b)}"))


def _declared_type(f: Field) -> str:
    # The model reads a type the loader does not support as text (and records the fault); the
    # version check compares the type the descriptor states.
    value = f.raw.get("type", "any")
    return value if isinstance(value, str) else repr(value)


def _field(where: str, o: Field, n: Field, out: list[Change]) -> None:
    if _declared_type(o) != _declared_type(n):
        out.append(Change(MAJOR, where, f"type changed: {_declared_type(o)} -> {_declared_type(n)}"))
    if o.format != n.format:
        out.append(Change(MAJOR, where, f"format changed: {o.format} -> {n.format}"))
    vocabulary = o.categories is not None or n.categories is not None
    _constraints(where, o.constraints, n.constraints, out, skip={"enum"} if vocabulary else set())
    if vocabulary:
        _vocabulary(where, _vocabulary_word(o, n), o.categories, n.categories, out)
        if o.categories == n.categories and _canon(o.raw.get("categories")) != _canon(n.raw.get("categories")):
            out.append(Change(PATCH, where, "category labels changed"))
    if o.categories_ordered != n.categories_ordered:
        out.append(Change(MAJOR, where, f"categoriesOrdered changed: {o.categories_ordered} -> {n.categories_ordered} "
                                        "(how values are read)"))
    for what, a, b in (("delimiter", o.delimiter, n.delimiter), ("trueValues", o.true_values, n.true_values),
                       ("falseValues", o.false_values, n.false_values)):
        if a != b:
            out.append(Change(MAJOR, where, f"{what!r} changed: {a!r} -> {b!r} (how values are read)"))
    for key in sorted((o.raw.keys() | n.raw.keys()) - FIELD_MODELLED):
        if _canon(o.raw.get(key)) == _canon(n.raw.get(key)):
            continue
        if key in FIELD_DESCRIPTIVE:
            out.append(Change(PATCH, where, f"descriptive metadata {key!r} changed"))
        else:
            out.append(Change(MAJOR, where, f"{key!r} changed: {o.raw.get(key)!r} -> {n.raw.get(key)!r} (how values are read)"))


def _vocabulary_word(o: Field, n: Field) -> str:
    """How the descriptor states the closed vocabulary: v2 ``categories`` or ``constraints.enum``."""
    return "categories" if "categories" in o.raw or "categories" in n.raw else "enum"


def _vocabulary(where: str, what: str, old: Any, new: Any, out: list[Change]) -> None:
    old = None if old is None else list(old)
    new = None if new is None else list(new)
    if old == new:
        return
    if old is None:
        out.append(Change(MAJOR, where, f"{what} added: a closed vocabulary now"))
    elif new is None:
        out.append(Change(MINOR, where, f"{what} dropped: any value allowed now"))
    else:
        removed = [v for v in old if v not in new]
        added = [v for v in new if v not in old]
        if removed:
            out.append(Change(MAJOR, where, f"{what} value(s) removed: {_sample([str(v) for v in removed])}"))
        if added:
            out.append(Change(MINOR, where, f"{what} value(s) added: {_sample([str(v) for v in added])}"))
        if not removed and not added:
            out.append(Change(MINOR, where, f"{what} values reordered (the loaded category order changes)"))


def _constraints(where: str, o: Mapping[str, Any], n: Mapping[str, Any], out: list[Change], *, skip: set[str]) -> None:
    for key in sorted((o.keys() | n.keys()) - skip):
        a, b = o.get(key), n.get(key)
        if _canon(a) == _canon(b):
            continue
        if key in ("required", "unique"):
            if bool(a) != bool(b):
                out.append(Change(MAJOR, where, f"now {key}") if b else Change(MINOR, where, f"no longer {key}"))
        elif key == "enum":  # on a field that is not read as a vocabulary (e.g. an integer enum)
            _vocabulary(where, "enum", a if "enum" in o else None, b if "enum" in n else None, out)
        elif a is None or b is None:
            out.append(Change(MAJOR, where, f"constraint {key} added: {b!r}") if a is None
                       else Change(MINOR, where, f"constraint {key} dropped (was {a!r})"))
        elif key in LOWER_BOUNDS | UPPER_BOUNDS and type(a) is type(b) and isinstance(a, (int, float, str)):
            tighter = b > a if key in LOWER_BOUNDS else b < a
            level = MAJOR if tighter else MINOR
            out.append(Change(level, where, f"{key} {a!r} -> {b!r} ({'tighter' if tighter else 'looser'})"))
        elif key == "pattern":
            out.append(Change(MAJOR, where, f"pattern changed: {a!r} -> {b!r} (a pattern cannot be proven looser)"))
        else:
            out.append(Change(MAJOR, where, f"constraint {key} changed: {a!r} -> {b!r}"))


def _label(key: tuple) -> str:
    values = ["" if v is None else str(v) for v in key]
    return values[0] if len(values) == 1 else "(" + ", ".join(values) + ")"


def _rows(o: Table, n: Table, old: Snapshot, new: Snapshot, out: list[Change], renamed: dict[str, str]) -> None:
    """Rows compared through the primary key, every cell as written."""
    table = n.name
    before, after = old.cells(o), new.cells(n)
    if before is None or after is None:
        return  # a missing file is the validator's to report
    before = before.rename(renamed)  # a renamed column's values still compare
    columns = [c for c in after.columns if c in before.columns]
    olds, news = before.select(columns).rows(), after.select(columns).rows()
    pk = list(n.primary_key)
    if not pk or any(c not in columns for c in pk):
        return _unkeyed(table, olds, news, out)
    at = [columns.index(c) for c in pk]
    old_by = {tuple(r[i] for i in at): r for r in olds}
    new_by = {tuple(r[i] for i in at): r for r in news}
    if len(old_by) != len(olds) or len(new_by) != len(news):
        return _unkeyed(table, olds, news, out)  # duplicate keys: the validator reports them

    removed = [k for k in old_by if k not in new_by]
    added = [k for k in new_by if k not in old_by]
    changed = [k for k in new_by if k in old_by and old_by[k] != new_by[k]]
    if len(pk) == 1:
        if removed:
            ids = _sample([_label(k) for k in removed])
            out.append(Change(MAJOR, table, f"{len(removed)} row id(s) removed or changed: {ids}"))
    else:
        # A link table: its rows have no identifier of their own. A removed row paired with an
        # added one that links the same rows (equal foreign-key columns) is a corrected row.
        references = {c for rel in n.relations for c in rel.fields}
        link = [i for i, c in enumerate(pk) if c in references]
        pool: dict[tuple, list[tuple]] = {}
        for k in added:
            pool.setdefault(tuple(k[i] for i in link), []).append(k)
        paired: list[tuple] = []
        unpaired: list[tuple] = []
        for k in removed:
            candidates = pool.get(tuple(k[i] for i in link)) if link and len(link) < len(pk) else None
            if candidates:
                paired.append(candidates.pop(0))
            else:
                unpaired.append(k)
        taken = set(paired)
        added = [k for k in added if k not in taken]
        if paired:
            cols = ", ".join(c for i, c in enumerate(pk) if i not in link)
            out.append(Change(PATCH, table, f"{len(paired)} row(s) corrected in {cols}: {_sample([_label(k) for k in paired])}"))
        if unpaired:
            keys = _sample([_label(k) for k in unpaired])
            out.append(Change(PATCH, table, f"{len(unpaired)} link row(s) removed (no identifier disappears): {keys}"))
    if added:
        out.append(Change(MINOR, table, f"{len(added)} new row(s): {_sample([_label(k) for k in added])}"))
    if changed:
        cols = sorted({columns[i] for k in changed for i, (x, y) in enumerate(zip(old_by[k], new_by[k], strict=True)) if x != y})
        keys = _sample([_label(k) for k in changed])
        out.append(Change(PATCH, table, f"corrected values in {len(changed)} row(s) ({', '.join(cols)}): {keys}"))
    if not (removed or added or changed) and list(old_by) != list(new_by):
        out.append(Change(PATCH, table, "rows reordered"))


def _unkeyed(table: str, olds: list[tuple], news: list[tuple], out: list[Change]) -> None:
    from collections import Counter

    before, after = Counter(olds), Counter(news)
    gone, new = sum((before - after).values()), sum((after - before).values())
    if gone:
        why = "no usable primary key to tell a correction from a deletion"
        out.append(Change(MAJOR, table, f"{gone} row(s) removed or changed ({why})"))
    if new:
        out.append(Change(MINOR, table, f"{new} new row(s)"))
    if not gone and not new and olds != news:
        out.append(Change(PATCH, table, "rows reordered"))


# --- the version rule ----------------------------------------------------------------------

@dataclass
class Verdict:
    old: str
    new: str
    changes: list[Change]
    required: str
    actual: str | None  # the bump from old to new; None when new is not a next version
    ok: bool = False
    notes: list[str] = field(default_factory=list)

    def render(self) -> str:
        lines = [str(c) for c in self.changes] or ["no change that needs a new version"]
        lines.append(f"required bump: {self.required.upper()}")
        lines += self.notes
        return "\n".join(lines)


def _version(snapshot: Snapshot) -> Version:
    try:
        return Version.parse(snapshot.version)
    except ValueError as exc:
        raise ReleaseError(f"{snapshot.label}: {exc}") from None


def check(old: Snapshot, new: Snapshot, changelog: str | None = None) -> Verdict:
    """Compare ``old`` and ``new`` and judge ``new``'s version against what the changes need.

    ``changelog`` (the new CHANGELOG.md) is consulted for the pre-1.0 rule only.
    """
    ov, nv = _version(old), _version(new)
    changes = compare(old, new)
    need = required(changes)
    verdict = Verdict(str(ov), str(nv), changes, need, ov.level_to(nv))
    # Before 1.0.0 a breaking change may be released as MINOR (docs/versioning.md), if marked.
    floor = MINOR if need == MAJOR and ov.major == 0 else need
    suggestion = ov.bumped(floor) if floor != "none" else None
    if nv == ov:
        if need == "none":
            verdict.ok = True
            verdict.notes.append(f"{nv}: nothing changed, no new version needed")
        else:
            verdict.notes.append(
                f"the package changed since {ov} but its version did not: release {suggestion} "
                f"(`qantar release --bump {floor}`)"
            )
        return verdict
    if verdict.actual is None:
        nexts = ", ".join(str(ov.bumped(x)) for x in ("major", "minor", "patch"))
        verdict.notes.append(f"{nv} does not follow {ov}: the next version is one of {nexts}")
        return verdict
    if rank(verdict.actual) >= rank(need):
        verdict.ok = True
    elif floor == MINOR and verdict.actual == MINOR:
        body = (section(changelog, str(nv)) or section(changelog, UNRELEASED)) if changelog else None
        if body and re.search(r"\bbreaking\b", body, re.IGNORECASE):
            verdict.ok = True
            verdict.notes.append("before 1.0.0 the breaking change ships as MINOR; the changelog marks it Breaking")
        else:
            verdict.notes.append(
                f"before 1.0.0 a breaking change may ship as MINOR ({nv}) only when its changelog entry "
                "marks it: add a '### Breaking' section listing it"
            )
    if verdict.ok:
        verdict.notes.append(f"{ov} -> {nv} is a {verdict.actual.upper()} bump: enough")
    elif not verdict.notes:
        verdict.notes.append(f"{ov} -> {nv} is a {verdict.actual.upper()} bump: too small, release {suggestion}")
    return verdict

