"""Write a comparison: JSON (every figure), Markdown (the readable summary), the disagreement CSV.

Files are written through ``qantar._atomic``: a failed run leaves no half-written file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import polars as pl

from qantar import _atomic

from .align import ORDER
from .compare import Result


def tag_guide_problems(frame: pl.DataFrame, problems: pl.DataFrame | None) -> pl.DataFrame:
    """Add ``guide_problem``: the ids of the guide problems (from the coders' notes) whose tables
    and pattern match the disagreement, so adjudication sees which ones the guide left open."""
    if problems is None or problems.is_empty():
        return frame.with_columns(pl.lit(None, dtype=pl.String).alias("guide_problem"))
    rules = []
    for p in problems.iter_rows(named=True):
        tables = {t.strip() for t in (p.get("tables") or "").split("|") if t.strip()}
        fields = {f.strip() for f in (p.get("fields") or "").split("|") if f.strip()}
        pattern = p.get("pattern") or ""
        rules.append((p["problem_id"], tables, fields, re.compile(pattern, re.IGNORECASE) if pattern else None))
    tags = []
    for r in frame.iter_rows(named=True):
        hay = " ".join(r[c] or "" for c in ("first_quote", "second_quote", "first_value", "second_value"))
        hit = [pid for pid, tables, fields, rx in rules
               if (not tables or r["table"] in tables)
               and (not fields or r["field"] in fields or r["kind"] in fields)
               and (rx is None or rx.search(hay))]
        tags.append("|".join(hit) or None)
    return frame.with_columns(pl.Series("guide_problem", tags, dtype=pl.String))


def write(result: Result, out: Path, problems: pl.DataFrame | None = None) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    frame = tag_guide_problems(result.disagreements, problems).sort(
        "table", "article", "kind", "first_id", "second_id", "field")
    summary = dict(result.summary)
    if problems is not None:
        counts = {}
        for tag in frame["guide_problem"].drop_nulls().to_list():
            for pid in tag.split("|"):
                counts[pid] = counts.get(pid, 0) + 1
        summary["guide_problems"] = [
            {**p, "disagreements": counts.get(p["problem_id"], 0)} for p in problems.iter_rows(named=True)]
    paths = {"json": out / "reliability.json", "markdown": out / "reliability.md",
             "disagreements": out / "disagreements.csv"}
    _atomic.write_text(paths["json"], json.dumps(summary, indent=2, ensure_ascii=False, default=sorted) + "\n", newline="")
    _atomic.write_text(paths["markdown"], markdown(summary, frame), newline="")
    _atomic.write_text(paths["disagreements"], frame.write_csv(), newline="")
    return paths


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _p(x) -> str:
    return "–" if x is None else f"{x:.2f}"


def markdown(s: dict, frame: pl.DataFrame) -> str:
    first, second = s["first"], s["second"]
    lines = [
        "# Coding reliability: first coding against the blind second coding", "",
        f"First coding: `{first['label']}`; second coding: `{second['label']}` "
        f"({len(second['parts'])} parts: " + ", ".join(
            f"`{p}` ({len(srcs)} article{'s' if len(srcs) != 1 else ''})" for p, srcs in second["parts"].items()) + ").",
        "", ("Figures are computed by `qantar.reliability` (see reliability/README.md for how claims are aligned). "
        "A *unit* is a claim in one article; *found* counts units with a counterpart in the other "
        "coding (one-to-one, or as part of a split or merge), *strict* only one-to-one pairs."), "",
        "## Claims: recall both ways", "",
        "| table | units (1st) | units (2nd) | pairs | 1st found in 2nd | 2nd found in 1st | strict 1st→2nd | strict 2nd→1st | splits | merges |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for t in ORDER:
        d = s["tables"][t]
        lines.append(f"| {t} | {d['units_first']} | {d['units_second']} | {d['pairs']} | "
                     f"{d['found_first_in_second']} ({_p(d['recall_first_in_second'])}) | "
                     f"{d['found_second_in_first']} ({_p(d['recall_second_in_first'])}) | "
                     f"{_p(d['strict_recall_first_in_second'])} | {_p(d['strict_recall_second_in_first'])} | "
                     f"{d['split']} | {d['merged']} |")
    ea = s["tables"]["event_actors"]
    if ea.get("links_with_aligned_ends_first") is not None:
        lines += ["", (f"Role links whose event and actor both have counterparts in the article: first coding "
                  f"{ea['links_with_aligned_ends_first']}, of which the second has "
                  f"{_p(ea['recall_first_in_second_given_aligned_ends'])}; second coding "
                  f"{ea['links_with_aligned_ends_second']}, of which the first has "
                  f"{_p(ea['recall_second_in_first_given_aligned_ends'])}.")]
    lines += ["", "## Fields of matched pairs", "",
              ("Nominal fields: Krippendorff's alpha (nominal) and the share of equal values; values: the share "
              "exactly equal; date intervals: both ends equal, and the share that overlap. *n* is the number of "
              "matched pairs the figure rests on."), "",
              "| table | field | measure | n | agreement | alpha | intervals overlap |",
              "|---|---|---|---:|---:|---:|---:|"]
    for t in ORDER:
        for name, m in s["tables"][t]["fields"].items():
            if m["measure"] == "interval":
                lines.append(f"| {t} | {name} | interval | {m['pairs']} | {_p(m['exact'])} | | {_p(m['overlap'])} |")
            elif m["measure"] == "exact":
                lines.append(f"| {t} | {name} | exact | {m['pairs']} | {_p(m['agreement'])} | | |")
            else:
                alpha = _p(m["alpha"]) if m["alpha"] is not None else f"– ({m.get('note', '')})"
                lines.append(f"| {t} | {name} | nominal | {m['pairs']} | {_p(m['agreement'])} | {alpha} | |")
    lines += ["", "## Recall by article", "",
              "| table | article | units (1st) | found in 2nd | units (2nd) | found in 1st |", "|---|---|---:|---:|---:|---:|"]
    for t in ORDER:
        for src, d in s["tables"][t]["by_article"].items():
            lines.append(f"| {t} | {src} | {d['first']} | {d['first_found']} ({_p(d['recall_first_in_second'])}) | "
                         f"{d['second']} | {d['second_found']} ({_p(d['recall_second_in_first'])}) |")
    ts = s["translation_screen"]
    lines += ["", "## Translations", "",
              (f"Matched pairs quoting nearly the same passage (≥80 % shared characters): {ts['pairs']}; "
              f"with the same tense, modality, negation and hedge markers: {ts['same_markers']} "
              f"({_p(ts['agreement'])}). The others are listed as `translation` disagreements for a reader to judge.")]
    c = s.get("corroboration")
    if c:
        pc = c["pairs"]
        lines += ["", "## Corroboration across articles", "",
                  (f"The second coding's corroboration map has {c['map_passages']} passages, "
                  f"{c['map_passages_on_first_events']} of them on a first-coding event. Of the pairs of such passages "
                  f"from different articles, both codings link {pc['both']}, only the first links {pc['first_only']}, "
                  f"only the second links {pc['second_only']}, neither links {pc['neither']} "
                  f"(agreement {_p(c['linkage']['agreement'])}, alpha {_p(c['linkage']['alpha'])}, n = {c['linkage']['pairs']})."),
                  "", "| topic (second coding) | articles | first-coding events on its passages |", "|---|---|---|"]
        for t, d in c["topics"].items():
            lines.append(f"| {t} | {', '.join(a[:3] for a in d['articles'])} | {', '.join(d['first_events']) or '–'} |")
    lines += ["", "## Disagreements", "",
              (f"{s['disagreements']} rows in `disagreements.csv` (one per claim missing on one side, per split or "
              "merge, and per differing field of a matched pair)."), "",
              "| kind | rows |", "|---|---:|"]
    lines += [f"| {k} | {n} |" for k, n in s["disagreements_by_kind"].items()]
    by_table = frame.group_by("table", "kind").len().sort("table", "kind")
    lines += ["", "| table | kind | rows |", "|---|---|---:|"]
    lines += [f"| {t} | {k} | {n} |" for t, k, n in by_table.iter_rows()]
    if s.get("guide_problems"):
        lines += ["", "## Problems of the guide the second coders flagged", "",
                  "| id | coders | problem | disagreements tagged |", "|---|---|---|---:|"]
        for p in s["guide_problems"]:
            lines.append(f"| {p['problem_id']} | {_cell(p['coders'].replace('|', ', '))} | {_cell(p['problem'])} "
                         f"| {p['disagreements']} |")
    return "\n".join(lines) + "\n"
