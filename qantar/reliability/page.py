"""The "Coding reliability" page, rendered as Markdown from the research material in ``reliability/``.

Nothing on the page is typed by hand but the prose, which lives in one place, ``reliability/README.md``
(the sections named in ``SECTIONS``). The figures are computed when the page is rendered:

* *before adjudication*: the blind second coding against the first coding as it was compared
  (``reliability/first-coding``, Qantar 1.0.0);
* *after adjudication*: the same second coding against the package's data as they are now;
* the rows adjudication changed, from ``data/coding_decisions.csv`` and the difference between the
  1.0.0 tables and the current ones.

``figures(root)`` returns the numbers, ``render(root)`` the page; ``root`` is a checkout of the
repository (the wheel does not ship ``reliability/``). The package's tables are read through the
model (``qantar.model``, ``qantar.csvfile.cells``), and so is ``reliability/first-coding``, which
holds the 1.0.0 tables at the paths the descriptor gives them.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import polars as pl

from qantar import _safe_files, csvfile, model
from qantar.errors import DataError

from .align import ORDER
from .coding import Coding, load
from .compare import compare

SECTIONS = ("How the second coding was done", "How it was kept blind", "How the disagreements were adjudicated",
            "Threats to validity")
DECISIONS = ("keep_first", "take_second", "revise", "add_row", "remove_row", "flag", "convention")


def codings(root: Path) -> tuple[Coding, Coding, Coding]:
    """(the first coding as compared, the second coding, the adjudicated data)."""
    material = root / "reliability"
    parts = sorted(p for p in (material / "second-coding").iterdir() if p.is_dir() and p.name.startswith("coder-"))
    articles = root / "articles"
    return (load(material / "first-coding", label="first coding (1.0.0)", articles=articles),
            load(parts, label="second coding", articles=articles),
            load(root, label="adjudicated data", articles=articles))


def figures(root: Path) -> dict:
    """Every number on the page: the comparisons before and after, and the rows adjudication changed."""
    root = Path(root)
    first, second, now = codings(root)
    before, after = compare(first, second), compare(now, second)
    decisions = _rows(root, model.read(root).table("coding_decisions")) or []
    return {
        "before": before.summary,
        "after": after.summary,
        "decisions": {
            "total": len(decisions),
            "by_origin": dict(Counter(d["origin"] for d in decisions)),
            "by_table": {t: dict(Counter(d["decision"] for d in decisions if d["subject_table"] == t))
                         for t in sorted({d["subject_table"] for d in decisions})},
            "cross_article": sorted(d["second_coding_ref"] for d in decisions
                                    if d["second_coding_ref"].startswith("coder-cross:D")),
        },
        "rows": _changed_rows(root),
    }


def render(root: Path) -> str:
    root = Path(root)
    if not (root / "reliability" / "README.md").is_file():  # a copy of the package without the material
        return ("# Coding reliability\n\nThis copy of the package does not hold the research material "
                "(`reliability/` in the repository), from which this page is computed.\n")
    f = figures(root)
    prose = _sections(root / "reliability" / "README.md")
    b, a = f["before"], f["after"]
    lines = [
        "# Coding reliability", "",
        ("How far two independent codings of the five articles agree, claim by claim and field by field, before "
         "and after the disagreements were adjudicated (issue 12). The first coding is Qantar 1.0.0; the second "
         "was made blind, by coders who had the articles and the curation guide but no row of the first. The "
         "material (both codings, the packet the coders got, the adjudicators' decisions and notes) is in the "
         "repository's `reliability/` folder; the figures on this page are computed from it when the site is "
         "built, and `tests/test_reliability.py` recomputes them. Every decision is a row of "
         "[coding_decisions](tables/coding_decisions.md)."), "",
    ]
    for title in SECTIONS[:2]:
        lines += [f"## {title}", "", prose[title], ""]
    lines += [
        "## Claims found in both codings", "",
        ("A *unit* is one claim in one article. *1st in 2nd* is the share of the first coding's units that "
         "have a counterpart in the second (one to one, or in a split or merge); *2nd in 1st* the other way. "
         "Before: the second coding against 1.0.0; after: against the adjudicated data."), "",
        "| table | units 1st, before | units 1st, after | units 2nd | 1st in 2nd, before | 1st in 2nd, after "
        "| 2nd in 1st, before | 2nd in 1st, after |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for t in ORDER:
        x, y = b["tables"][t], a["tables"][t]
        lines.append(f"| {t} | {x['units_first']} | {y['units_first']} | {x['units_second']} | "
                     f"{_p(x['recall_first_in_second'])} | {_p(y['recall_first_in_second'])} | "
                     f"{_p(x['recall_second_in_first'])} | {_p(y['recall_second_in_first'])} |")
    lines += [
        "", "## Agreement per field", "",
        ("For the fields of matched pairs: categories and references by Krippendorff's alpha (nominal) beside "
         "the share of equal values; values by exact agreement; date intervals by the share with both ends "
         "equal (and, in brackets, the share that overlap). *n* is the number of matched pairs; alpha is "
         "undefined (–) when the pairs use one category only."), "",
        "| table | field | measure | n before | agreement before | alpha before | n after | agreement after "
        "| alpha after |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for t in ORDER:
        for name, m in b["tables"][t]["fields"].items():
            n = a["tables"][t]["fields"][name]
            lines.append(f"| {t} | {name} | {m['measure']} | {m['pairs']} | {_agreement(m)} | {_alpha(m)} | "
                         f"{n['pairs']} | {_agreement(n)} | {_alpha(n)} |")
    lines += [
        "", "## Disagreements", "",
        (f"Before adjudication the comparison listed {b['disagreements']} disagreements (a claim in one coding "
         f"only, a split or merge, or a field that differs on a matched pair); after it, {a['disagreements']} "
         "remain, most of them decisions that kept the first coding or settled a convention. By kind:"), "",
        "| kind | before | after |", "| --- | ---: | ---: |",
    ]
    kinds = sorted(set(b["disagreements_by_kind"]) | set(a["disagreements_by_kind"]),
                   key=lambda k: (-b["disagreements_by_kind"].get(k, 0), k))
    lines += [f"| {k} | {b['disagreements_by_kind'].get(k, 0)} | {a['disagreements_by_kind'].get(k, 0)} |" for k in kinds]
    d, rows = f["decisions"], f["rows"]
    lines += [
        "", "## What adjudication changed", "",
        (f"{d['total']} decisions ({d['by_origin'].get('second_coding', 0)} on disagreements between the codings, "
         f"{d['by_origin'].get('review', 0)} from the adjudicators' own review of every row), by the table of the "
         f"row decided. Each of the {len(d['cross_article'])} between-article discrepancies of the cross-article "
         "coder has exactly one decision."), "",
        "| table | " + " | ".join(DECISIONS) + " | total |", "| --- |" + " ---: |" * (len(DECISIONS) + 1),
    ]
    for t, counts in d["by_table"].items():
        lines.append(f"| {t} | " + " | ".join(str(counts.get(k, 0)) for k in DECISIONS) + f" | {sum(counts.values())} |")
    lines += [
        "", ("The rows themselves, compared by primary key with 1.0.0: added, changed (a value differs) and "
             "removed. A role link whose role changed counts as removed and added, since the role is part of its "
             "key. The exclusions also carry the names check of issue 10, made just before this adjudication "
             "(see the changelog)."), "",
        "| table | added | changed | removed |", "| --- | ---: | ---: | ---: |",
    ]
    for t, c in rows.items():
        lines.append(f"| {t} | {c['added']} | {c['changed']} | {c['removed']} |")
    lines += [f"| **all** | {sum(c['added'] for c in rows.values())} | {sum(c['changed'] for c in rows.values())} | "
              f"{sum(c['removed'] for c in rows.values())} |", ""]
    for title in SECTIONS[2:]:
        lines += [f"## {title}", "", prose[title], ""]
    return "\n".join(lines)


def _changed_rows(root: Path) -> dict[str, dict[str, int]]:
    """Rows added, changed (a value differs) and removed between reliability/first-coding and the
    package's tables, per table, compared by primary key."""
    first = root / "reliability" / "first-coding"
    out = {}
    for table in model.read(root).tables.values():
        if table.name == "event_types":
            continue  # the vocabulary
        old_rows = _rows(first, table)
        if old_rows is None:
            continue  # a table 1.0.0 did not have
        old = {_key(r, table.primary_key): r for r in old_rows}
        new = {_key(r, table.primary_key): r for r in _rows(root, table) or []}
        out[table.name] = {"added": len(new.keys() - old.keys()), "removed": len(old.keys() - new.keys()),
                           "changed": sum(new[k] != old[k] for k in new.keys() & old.keys())}
    return out


def _key(row: dict, columns: tuple[str, ...]) -> str:
    return "/".join(row[c] for c in columns)


def _rows(folder: Path, table: model.Table) -> list[dict] | None:
    """The rows of ``table``'s file under ``folder`` as written (an empty cell ""); ``None`` when it is missing."""
    try:
        data = _safe_files.read(folder, table.path, limit=_safe_files.MAX_TABLE_BYTES, table=table.name)
    except DataError as exc:
        if exc.problem == "file is missing":
            return None
        raise
    frame, fault = csvfile.cells(table, data)
    if fault is not None:
        raise DataError(f"malformed CSV: {fault.problem}", table=table.name, row=fault.record, line=fault.line,
                        path=str(folder / table.path))
    return frame.with_columns(pl.all().fill_null("")).to_dicts()


def _sections(path: Path) -> dict[str, str]:
    """The README's level-2 sections by title; a missing one is an error, not a silent gap."""
    text = path.read_text(encoding="utf-8")
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    found = {title.strip(): body.strip() for title, body in zip(parts[1::2], parts[2::2])}
    lacking = [s for s in SECTIONS if s not in found]
    if lacking:
        raise ValueError(f"{path} lacks the section(s) {', '.join(lacking)}")
    return found


def _p(x) -> str:
    return "–" if x is None else f"{x:.2f}"


def _agreement(m: dict) -> str:
    if m["measure"] == "interval":
        return f"{_p(m['exact'])} ({_p(m['overlap'])})"
    return _p(m["agreement"])


def _alpha(m: dict) -> str:
    return _p(m.get("alpha")) if m["measure"] == "nominal" else ""
