"""Which bump a change requires: compare a previous release with the package as it is now.

The rules are those of docs/versioning.md (the Frictionless data-package-version recipe):

* MAJOR: a field renamed, added, removed or reordered; a field's type, format or reading
  properties changed; a constraint tightened (or a pattern changed: a regex cannot be proven
  looser); a primary key changed or a foreign key added; a table or file removed or moved; an
  article copy edited; a row identifier (single-field primary key) removed or changed.
* MINOR: a new table or file; new rows; a constraint loosened; a foreign key dropped; enum
  values added or reordered.
* PATCH: corrected values; rows of a link table (composite key) corrected or dropped;
  descriptive metadata (titles, descriptions, keywords, licences, sources).

``check(old, new)`` adds the version rule: the new version must be the next MAJOR, MINOR or
PATCH version of the old one, at least as high as the changes require (before 1.0.0 a MAJOR
change may ship as MINOR when the changelog entry marks it *Breaking*).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from qantar.release import ReleaseError
from qantar.release.previous import Snapshot
from qantar.release.versions import UNRELEASED, Version, rank, section

MAJOR, MINOR, PATCH = "major", "minor", "patch"

PACKAGE_STRUCTURAL = {"name", "id", "$schema", "profile"}
PACKAGE_IGNORED = {"resources", "version", "created"}
RESOURCE_STRUCTURAL = {
    "type", "path", "format", "mediatype", "encoding", "dialect", "compression", "scheme", "$schema", "profile",
}
RESOURCE_IGNORED = {"name", "schema", "bytes", "hash"}
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


def _is_table(res: dict[str, Any]) -> bool:
    return res.get("type") == "table" or (res.get("type") is None and "schema" in res)


def _resources(descriptor: dict[str, Any]) -> dict[str, dict[str, Any]]:
    resources = descriptor.get("resources")
    if not isinstance(resources, list):
        return {}
    return {r["name"]: r for r in resources if isinstance(r, dict) and isinstance(r.get("name"), str)}


def _keys(value: object) -> list[str]:
    return [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []


def _canon(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _sample(items: list[str]) -> str:
    more = f" and {len(items) - SAMPLE} more" if len(items) > SAMPLE else ""
    return ", ".join(items[:SAMPLE]) + more


def compare(old: Snapshot, new: Snapshot) -> list[Change]:
    """Every change from ``old`` to ``new`` that matters for the version, with its level."""
    out: list[Change] = []
    _properties("package", old.descriptor, new.descriptor, PACKAGE_STRUCTURAL, PACKAGE_IGNORED, out)
    before, after = _resources(old.descriptor), _resources(new.descriptor)
    for name in before.keys() - after.keys():
        out.append(Change(MAJOR, name, "resource removed (or renamed)"))
    for name in after.keys() - before.keys():
        out.append(Change(MINOR, name, "new resource"))
    common = [n for n in after if n in before]
    if common != [n for n in before if n in after]:
        out.append(Change(PATCH, "package", "resources listed in a different order"))
    for name in common:
        o, n = before[name], after[name]
        if _is_table(o) != _is_table(n):
            out.append(Change(MAJOR, name, "changed between a table and a plain file"))
            continue
        _properties(name, o, n, RESOURCE_STRUCTURAL, RESOURCE_IGNORED, out)
        if _is_table(n):
            renamed = _schema(name, o.get("schema") or {}, n.get("schema") or {}, out)
            _rows(name, o, n, old, new, out, renamed)
        elif o.get("path") == n.get("path") and old.read(str(o.get("path"))) != new.read(str(n.get("path"))):
            why = "an article copy is never edited: a better copy is a new source"
            out.append(Change(MAJOR, name, f"file content changed ({why})"))
    return sorted(out, key=lambda c: (-rank(c.level), c.where))


def _properties(where: str, o: dict, n: dict, structural: set[str], ignored: set[str], out: list[Change]) -> None:
    for key in sorted((o.keys() | n.keys()) - ignored):
        if _canon(o.get(key)) == _canon(n.get(key)):
            continue
        if key in structural:
            out.append(Change(MAJOR, where, f"{key!r} changed: {o.get(key)!r} -> {n.get(key)!r}"))
        else:
            out.append(Change(PATCH, where, f"descriptive metadata {key!r} changed"))


def _schema(table: str, o: dict, n: dict, out: list[Change]) -> dict[str, str]:
    """Compare two table schemas; returns the renamed fields (old name -> new name)."""
    of = [f for f in o.get("fields", []) if isinstance(f, dict)]
    nf = [f for f in n.get("fields", []) if isinstance(f, dict)]
    old_names, new_names = [f.get("name") for f in of], [f.get("name") for f in nf]
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
    by_old = {f.get("name"): f for f in of}
    for f in nf:
        name = f.get("name")
        source = by_old.get(name) or by_old.get(next((a for a, b in renamed.items() if b == name), None))
        if source is not None:
            _field(f"{table}.{name}", source, f, out)

    if _keys(o.get("primaryKey")) != _keys(n.get("primaryKey")):
        out.append(Change(MAJOR, table, f"primary key changed: {_keys(o.get('primaryKey'))} -> {_keys(n.get('primaryKey'))}"))
    for key, added_level in (("foreignKeys", MAJOR), ("uniqueKeys", MAJOR)):
        before = {_canon(x) for x in o.get(key, []) or []}
        after = {_canon(x) for x in n.get(key, []) or []}
        for x in sorted(after - before):
            out.append(Change(added_level, table, f"{key[:-1]} added: {x} (rows that held may now fail)"))
        for x in sorted(before - after):
            out.append(Change(MINOR, table, f"{key[:-1]} dropped: {x}"))
    for key in sorted((o.keys() | n.keys()) - {"fields", "primaryKey", "foreignKeys", "uniqueKeys"}):
        if _canon(o.get(key)) != _canon(n.get(key)):
            level = PATCH if key in SCHEMA_DESCRIPTIVE else MAJOR
            out.append(Change(level, table, f"schema property {key!r} changed"))
    return renamed


def _field(where: str, o: dict, n: dict, out: list[Change]) -> None:
    if o.get("type", "any") != n.get("type", "any"):
        out.append(Change(MAJOR, where, f"type changed: {o.get('type', 'any')} -> {n.get('type', 'any')}"))
    if o.get("format", "default") != n.get("format", "default"):
        out.append(Change(MAJOR, where, f"format changed: {o.get('format', 'default')} -> {n.get('format', 'default')}"))
    _constraints(where, o.get("constraints") or {}, n.get("constraints") or {}, out)
    if "categories" in o or "categories" in n:
        values = [[c.get("value") if isinstance(c, dict) else c for c in x.get("categories") or []] for x in (o, n)]
        _vocabulary(where, "categories", values[0] if "categories" in o else None, values[1] if "categories" in n else None, out)
        if values[0] == values[1] and _canon(o.get("categories")) != _canon(n.get("categories")):
            out.append(Change(PATCH, where, "category labels changed"))
    for key in sorted((o.keys() | n.keys()) - {"name", "type", "format", "constraints", "categories"}):
        if _canon(o.get(key)) == _canon(n.get(key)):
            continue
        if key in FIELD_DESCRIPTIVE:
            out.append(Change(PATCH, where, f"descriptive metadata {key!r} changed"))
        else:
            out.append(Change(MAJOR, where, f"{key!r} changed: {o.get(key)!r} -> {n.get(key)!r} (how values are read)"))


def _vocabulary(where: str, what: str, old: list | None, new: list | None, out: list[Change]) -> None:
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


def _constraints(where: str, o: dict, n: dict, out: list[Change]) -> None:
    for key in sorted(o.keys() | n.keys()):
        a, b = o.get(key), n.get(key)
        if _canon(a) == _canon(b):
            continue
        if key in ("required", "unique"):
            if bool(a) != bool(b):
                out.append(Change(MAJOR, where, f"now {key}") if b else Change(MINOR, where, f"no longer {key}"))
        elif key == "enum":
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


def _rows(
    table: str, o: dict, n: dict, old: Snapshot, new: Snapshot, out: list[Change], renamed: dict[str, str]
) -> None:
    before, after = old.table(str(o.get("path"))), new.table(str(n.get("path")))
    if before is None or after is None:
        return  # a missing file is the validator's to report
    (old_header, old_rows), (new_header, new_rows) = before, after
    old_header = [renamed.get(c, c) for c in old_header]  # a renamed column's values still compare
    columns = [c for c in new_header if c in old_header]
    pick_old = [old_header.index(c) for c in columns]
    pick_new = [new_header.index(c) for c in columns]
    olds = [tuple(r[i] if i < len(r) else "" for i in pick_old) for r in old_rows]
    news = [tuple(r[i] if i < len(r) else "" for i in pick_new) for r in new_rows]
    schema = n.get("schema") or {}
    pk = _keys(schema.get("primaryKey"))
    if not pk or any(c not in columns for c in pk):
        return _unkeyed(table, olds, news, out)
    at = [columns.index(c) for c in pk]
    old_by = {tuple(r[i] for i in at): r for r in olds}
    new_by = {tuple(r[i] for i in at): r for r in news}
    if len(old_by) != len(olds) or len(new_by) != len(news):
        return _unkeyed(table, olds, news, out)  # duplicate keys: the validator reports them

    def label(key: tuple[str, ...]) -> str:
        return key[0] if len(key) == 1 else "(" + ", ".join(key) + ")"

    removed = [k for k in old_by if k not in new_by]
    added = [k for k in new_by if k not in old_by]
    changed = [k for k in new_by if k in old_by and old_by[k] != new_by[k]]
    if len(pk) == 1:
        if removed:
            ids = _sample([label(k) for k in removed])
            out.append(Change(MAJOR, table, f"{len(removed)} row id(s) removed or changed: {ids}"))
    else:
        # A link table: its rows have no identifier of their own. A removed row paired with an
        # added one that links the same rows (equal foreign-key columns) is a corrected row.
        references = {c for fk in schema.get("foreignKeys", []) or [] for c in _keys(fk.get("fields"))}
        link = [i for i, c in enumerate(pk) if c in references]
        pool: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for k in added:
            pool.setdefault(tuple(k[i] for i in link), []).append(k)
        paired: list[tuple[str, ...]] = []
        unpaired: list[tuple[str, ...]] = []
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
            out.append(Change(PATCH, table, f"{len(paired)} row(s) corrected in {cols}: {_sample([label(k) for k in paired])}"))
        if unpaired:
            keys = _sample([label(k) for k in unpaired])
            out.append(Change(PATCH, table, f"{len(unpaired)} link row(s) removed (no identifier disappears): {keys}"))
    if added:
        out.append(Change(MINOR, table, f"{len(added)} new row(s): {_sample([label(k) for k in added])}"))
    if changed:
        cols = sorted({columns[i] for k in changed for i, (x, y) in enumerate(zip(old_by[k], new_by[k], strict=True)) if x != y})
        keys = _sample([label(k) for k in changed])
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

