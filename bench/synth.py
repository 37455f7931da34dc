"""Synthetic Qantar packages of any size that satisfy the schema and every validation rule.

The real package (about 480 rows over 12 tables, 5 articles) is replicated ``k`` times. Copy
``j`` gets new ids (copy 0 keeps the real ones), and every foreign key of copy ``j`` points at
copy ``j`` of the row it names, so keys stay valid. ``event_types`` is a vocabulary, not data:
it is kept once, as a larger dataset would keep it.

Articles: copies ``j = g*m .. g*m + m-1`` share article group ``g``. The article of real source
``a`` in group ``g`` is ``m`` copies of the real text joined by a blank line, plus a one-line tag
that makes its bytes (and so its sha256) unique; copy ``j`` points at the ``j % m``-th copy of
the text, its offsets shifted by that copy's start. So quotes, number offsets, printed dates and
coverage stay valid, the quote checks run on real text, and both the number and the size of
the articles grow with the package. Each group has one ``sources`` row per real source; the
printed date of every copy after the first, and the tag, are recorded as ``exclusions``
(page furniture), so coverage holds without a third case.

The real id patterns allow 1000 ids (``^E[0-9]{3}$``); the synthetic descriptor widens the
digit counts of the id patterns only (``{3}`` -> ``{3,12}``). Everything else in the
descriptor is the real one, with bytes and sha256 recomputed.

    python bench/synth.py OUT_DIR --rows 100000 [--copies-per-article 4]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import shutil
import sys
from pathlib import Path

import polars as pl

REPO = Path(__file__).resolve().parent.parent
SEP = "\n\n"
COPY_DIGITS = 7  # copy numbers up to 9,999,999

# Tables whose first column is an id that gets a new value per copy, and how.
LETTER_IDS = {  # table -> (id column, letter prefix)
    "events": ("event_id", "E"),
    "figures": ("figure_id", "F"),
    "statements": ("statement_id", "ST"),
    "memberships": ("membership_id", "M"),
    "exclusions": ("exclusion_id", "X"),
    "discrepancies": ("discrepancy_id", "D"),
}
SLUG_IDS = {"actors": "actor_id", "places": "place_id"}
# Foreign-key-like columns: column -> kind of id it holds.
REFS = {
    "events": {"event_id": "events", "place_id": "places"},
    "actors": {"actor_id": "actors", "affiliation_id": "actors"},
    "places": {"place_id": "places"},
    "event_actors": {"event_id": "events", "actor_id": "actors", "source_id": "sources"},
    "event_sources": {"event_id": "events", "source_id": "sources"},
    "figures": {"figure_id": "figures", "source_id": "sources", "event_id": "events", "actor_id": "actors",
                "place_id": "places", "asserted_by_id": "actors"},
    "statements": {"statement_id": "statements", "speaker_id": "actors", "source_id": "sources",
                   "intermediary_id": "actors", "event_id": "events"},
    "memberships": {"membership_id": "memberships", "organisation_id": "actors", "member_id": "actors",
                    "source_id": "sources"},
    "exclusions": {"exclusion_id": "exclusions", "source_id": "sources"},
    "discrepancies": {"discrepancy_id": "discrepancies", "claim_a_source_id": "sources",
                      "claim_b_source_id": "sources"},
}
# Offset columns -> the column naming the source whose article they point into.
OFFSETS = {
    "event_sources": {"char_start": "source_id", "char_end": "source_id"},
    "figures": {"char_start": "source_id", "char_end": "source_id", "number_char_start": "source_id",
                "number_char_end": "source_id"},
    "statements": {"char_start": "source_id", "char_end": "source_id"},
    "memberships": {"char_start": "source_id", "char_end": "source_id"},
    "exclusions": {"char_start": "source_id", "char_end": "source_id"},
    "discrepancies": {"claim_a_char_start": "claim_a_source_id", "claim_a_char_end": "claim_a_source_id",
                      "claim_b_char_start": "claim_b_source_id", "claim_b_char_end": "claim_b_source_id"},
}
SUBJECT_KIND = {"sources": "sources", "actors": "actors", "places": "places", "events": "events",
                "figures": "figures", "statements": "statements", "memberships": "memberships"}


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


def _read_real(root: Path) -> tuple[dict, dict[str, pl.DataFrame], dict[str, str]]:
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    tables = {}
    for r in descriptor["resources"]:
        if "schema" in r:
            tables[r["name"]] = pl.read_csv(root / r["path"], infer_schema=False)
    texts = {sid: (root / p).read_text(encoding="utf-8")
             for sid, p in tables["sources"].select("source_id", "path").iter_rows()}
    return descriptor, tables, texts


def _copy_str(j: pl.Expr) -> pl.Expr:
    return j.cast(pl.String).str.zfill(COPY_DIGITS)


def _mapped(col: str, kind: str, j: pl.Expr, source_map: pl.Expr | None) -> pl.Expr:
    """Copy j's value of a column holding an id of ``kind`` (copy 0 keeps the real id)."""
    c = pl.col(col)
    if kind == "sources":
        assert source_map is not None
        return source_map
    if kind in SLUG_IDS:
        new = c + pl.lit("-s") + j.cast(pl.String)
    else:
        prefix = LETTER_IDS[kind][1]
        new = pl.lit(prefix) + _copy_str(j) + c.str.slice(len(prefix))
    return pl.when(j == 0).then(c).otherwise(new)


def _source_id(real_sid: pl.Expr, group: pl.Expr) -> pl.Expr:
    return real_sid.str.slice(0, 3) + pl.lit("_") + group.cast(pl.String).str.zfill(16)


def _outlet_only_actors(real: dict[str, pl.DataFrame]) -> list[str]:
    """Actors that only the sources table refers to (as outlet or original outlet)."""
    outlets = set(real["sources"]["outlet_actor_id"].drop_nulls()) | set(real["sources"]["original_outlet_actor_id"].drop_nulls())
    other: set[str] = set()
    for table, cols in REFS.items():
        for col, kind in cols.items():
            if kind == "actors" and not (table == "actors" and col == "actor_id"):
                other |= set(real[table][col].drop_nulls())
    other |= set(real["discrepancies"].filter(pl.col("subject_table") == "actors")["subject_id"])
    return sorted(outlets - other)


def widen_patterns(descriptor: dict) -> None:
    """Id patterns with fixed digit counts accept longer ids: {3} -> {3,12}, {2,3} -> {2,12}."""
    for r in descriptor["resources"]:
        for f in r.get("schema", {}).get("fields", []):
            c = f.get("constraints") or {}
            p = c.get("pattern")
            if p and re.fullmatch(r"\^[A-Z]+\[0-9\]\{[0-9,]+\}\$", p):
                c["pattern"] = re.sub(r"\{(\d+)(?:,\d+)?\}", r"{\1,12}", p)


#: Tables that are not replicated: the vocabulary (kept once) and the adjudication record.
NOT_COPIED = ("event_types", "coding_decisions")


def generate(out: Path, rows: int, *, copies_per_article: int = 4, real_root: Path = REPO) -> dict:
    """Write a synthetic package of about ``rows`` data rows into ``out``; return its facts."""
    descriptor, real, texts = _read_real(real_root)
    m = copies_per_article
    per_copy = sum(f.height for t, f in real.items() if t not in NOT_COPIED) + len(texts) * 2 // m
    k = max(1, math.ceil((rows - real["event_types"].height) / per_copy))
    groups = math.ceil(k / m)
    real_sids = real["sources"]["source_id"].to_list()
    stride = {sid: len(texts[sid]) + len(SEP) for sid in real_sids}

    if out.exists():
        shutil.rmtree(out)
    (out / "data").mkdir(parents=True)
    (out / "articles").mkdir()

    # --- articles and sources: one row per (group, real source) -----------------------------
    src = real["sources"]
    source_rows = []
    extra_exclusions = []  # printed dates of later copies, and tags
    for g in range(groups):
        n_in_group = min(m, k - g * m)
        for a, row in enumerate(src.iter_rows(named=True)):
            sid = row["source_id"]
            body = SEP.join([texts[sid]] * n_in_group)
            tag = _tag(g, a)
            text = body + tag
            new_sid = f"{sid[:3]}_{g:016d}"
            path = f"articles/{new_sid}.txt"
            data = text.encode("utf-8")
            (out / path).write_bytes(data)
            new = dict(row)
            new.update(source_id=new_sid, path=path, bytes=str(len(data)), sha256=hashlib.sha256(data).hexdigest())
            for col in ("outlet_actor_id", "original_outlet_actor_id"):
                if new[col] is not None and g > 0:
                    new[col] = f"{new[col]}-s{g * m}"
            source_rows.append(new)
            start, end = row["published_char_start"], row["published_char_end"]
            for i in range(1, n_in_group):
                if start is not None:
                    shift = i * stride[sid]
                    extra_exclusions.append((new_sid, int(start) + shift, int(end) + shift, row["published_as_printed"],
                                             "Synthetic copy: the printed date of a repeated article text."))
            extra_exclusions.append((new_sid, len(body) + 1, len(text), tag[1:], "Synthetic tag that makes the article unique."))
    sources = pl.DataFrame(source_rows, schema={c: pl.String for c in src.columns})

    # --- every other table, k copies with mapped ids and shifted offsets ----------------------
    copies = pl.DataFrame({"_j": pl.int_range(0, k, eager=True)})
    j = pl.col("_j")
    group = j // m
    frames: dict[str, pl.DataFrame] = {"sources": sources, "event_types": real["event_types"]}
    for table, frame in real.items():
        if table == "coding_decisions":
            frames[table] = frame.head(0)  # the record of how the real rows were decided: not replicated
            continue
        if table in ("sources", "event_types"):
            continue
        big = copies.join(frame, how="cross")
        exprs = []
        for col, kind in REFS.get(table, {}).items():
            if kind == "sources":
                exprs.append(pl.when(pl.col(col).is_null()).then(None).otherwise(_source_id(pl.col(col), group)).alias(col))
            else:
                exprs.append(_mapped(col, kind, j, None).alias(col))
        for col, source_col in OFFSETS.get(table, {}).items():
            step = pl.col(source_col).replace_strict(stride, default=0, return_dtype=pl.Int64)
            exprs.append((pl.col(col).cast(pl.Int64) + (j % m) * step).cast(pl.String).alias(col))
        if table == "discrepancies":
            subject = pl.col("subject_id")
            cases = None
            for subject_table, kind in SUBJECT_KIND.items():
                value = (pl.when(subject.is_null()).then(None).otherwise(_source_id(subject, group))
                         if kind == "sources" else _mapped("subject_id", kind, j, None))
                cond = pl.col("subject_table") == subject_table
                cases = pl.when(cond).then(value) if cases is None else cases.when(cond).then(value)
            exprs.append(cases.otherwise(subject).alias("subject_id"))
        if table == "actors":
            # An outlet is referenced by its sources row only, and a group's sources row names
            # the outlet of the group's first copy: the other copies' outlets are background.
            only_outlets = _outlet_only_actors(real)
            exprs.append(
                pl.when((j % m != 0) & pl.col("actor_id").is_in(only_outlets))
                .then(pl.lit("background")).otherwise(pl.col("mention_context")).alias("mention_context")
            )
        # every expression reads the real columns (with_columns sees the input frame)
        big = big.with_columns(exprs)
        frames[table] = big.drop("_j")

    if extra_exclusions:
        ex = frames["exclusions"]
        n0 = ex.height
        extra = pl.DataFrame(
            {
                "exclusion_id": [f"X9{i:0{COPY_DIGITS + 2}d}" for i in range(len(extra_exclusions))],
                "source_id": [e[0] for e in extra_exclusions],
                "char_start": [str(e[1]) for e in extra_exclusions],
                "char_end": [str(e[2]) for e in extra_exclusions],
                "text": [e[3] for e in extra_exclusions],
                "reason": ["page_furniture"] * len(extra_exclusions),
                "note": [e[4] for e in extra_exclusions],
            }
        )
        frames["exclusions"] = pl.concat([ex, extra.select(ex.columns)])
        assert frames["exclusions"].height == n0 + len(extra_exclusions)

    # --- the descriptor -------------------------------------------------------------------
    widen_patterns(descriptor)
    resources = []
    for r in descriptor["resources"]:
        if r.get("type") == "file":
            continue  # replaced by one file resource per synthetic article below
        if "schema" in r:
            columns = [f["name"] for f in r["schema"]["fields"]]
            frame = frames[r["name"]].select(columns)
            path = out / r["path"]
            frame.write_csv(path, null_value="", quote_style="necessary")
            data = path.read_bytes()
            r["bytes"] = len(data)
            r["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
        resources.append(r)
    for row in source_rows:
        resources.append({
            "name": "article-" + row["source_id"].replace("_", "-"),
            "type": "file",
            "path": row["path"],
            "mediatype": "text/plain",
            "encoding": "utf-8",
            "bytes": int(row["bytes"]),
            "hash": "sha256:" + row["sha256"],
        })
    descriptor["resources"] = resources
    (out / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if (real_root / "CHANGELOG.md").is_file():
        shutil.copy(real_root / "CHANGELOG.md", out / "CHANGELOG.md")
    total = sum(f.height for f in frames.values())
    facts = {
        "rows": total,
        "copies": k,
        "copies_per_article": m,
        "articles": len(source_rows),
        "article_bytes": sum(int(r["bytes"]) for r in source_rows),
        "tables": {t: f.height for t, f in frames.items()},
    }
    (out / "synthetic.json").write_text(json.dumps(facts, indent=2) + "\n", encoding="utf-8")
    return facts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--copies-per-article", type=int, default=4)
    args = parser.parse_args(argv)
    facts = generate(args.out, args.rows, copies_per_article=args.copies_per_article)
    print(json.dumps({k: v for k, v in facts.items() if k != "tables"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
