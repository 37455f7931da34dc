"""mention-context-fits: an actor marked as named only in a photo credit is named only there, and one
marked as named only in background is named somewhere else than a credit.

A photo credit follows its marker on its line ('Foto: Anatoly Maltsev/Pool via REUTERS', 'Kredit: Kantor
Pers Kepresidenan Kirgistan'). So every mention of a 'photo_credit' actor, by any of its name forms in any
article (whole words, any case), stands after such a marker on its line; and a 'background' actor has at
least one mention that does not (Facebook is Pashinyan's channel in source 002 as well as a photo's source
in 000). Which curated rows refer to an actor is orphan-actors'; this reads where the articles name it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

def _inner(ch: str) -> bool:
    """A character that continues a word (a name is matched as whole words)."""
    return ch.isalnum() or ch in "_-"


#: what opens a credit on its line
_CREDIT = re.compile(r"(?i)(?<!\w)(?:foto|photo|kredit|credit|sumber foto|gambar|image)\s*:")


def check(inputs: Inputs) -> Iterator[Finding]:
    if "actors" not in inputs.tables or not inputs.table("actors").has("actor_id", "name_forms", "mention_context"):
        return
    actors = (inputs.typed("actors").with_row_index("_row", offset=1)
              .filter(pl.col("mention_context").cast(pl.String).is_in(["photo_credit", "background"]))
              .select("_row", pl.col("actor_id").cast(pl.String), pl.col("mention_context").cast(pl.String), "name_forms"))
    if actors.is_empty():
        return
    texts = inputs.texts()
    # each actor row's forms, each distinct form lowered once (by Python, as the articles are)
    forms = actors.select("_row", pl.col("name_forms").alias("_raw")).explode("_raw") \
        .filter(pl.col("_raw").is_not_null() & (pl.col("_raw") != ""))
    lower = {f: f.lower() for f in forms["_raw"].unique().to_list()}
    # every distinct form, read in one pass over each article (however many actors share it)
    every = sorted(set(lower.values()), key=len, reverse=True)
    if not every:
        return
    # the longer forms a mention of a form may be the start of (only these can begin where it does)
    longer = {form: [f for f in every if len(f) > len(form) and f.startswith(form)] for form in every}
    seen: dict[str, list[int]] = {}  # form -> [mentions in a credit, mentions elsewhere]
    for text in texts.values():
        low = text.lower()  # searched form by form (a substring search, far faster than one long alternation)
        for form in every:
            at = low.find(form)
            while at >= 0:
                end = at + len(form)
                whole = (at == 0 or not _inner(low[at - 1])) and (end == len(low) or not _inner(low[end]))
                if whole and not any(low.startswith(f, at) for f in longer[form]):
                    line = low.rfind("\n", 0, at) + 1
                    seen.setdefault(form, [0, 0])[0 if _CREDIT.search(low, line, at) else 1] += 1
                at = low.find(form, at + 1)
    counts = pl.DataFrame([(f, c, p) for f, (c, p) in seen.items()],
                          schema={"_form": pl.String, "_credited": pl.Int64, "_prose": pl.Int64}, orient="row")
    lowered = pl.DataFrame({"_raw": list(lower), "_form": list(lower.values())}, schema={"_raw": pl.String, "_form": pl.String})
    # each row's distinct lowered forms, their mentions summed
    mentions = (forms.join(lowered, on="_raw").select("_row", "_form").unique().join(counts, on="_form")
                .group_by("_row").agg(pl.col("_credited").sum(), pl.col("_prose").sum()))
    rows = actors.join(mentions, on="_row", how="left", maintain_order="left").with_columns(
        pl.col("_credited", "_prose").fill_null(0))
    photo, background = pl.col("mention_context") == "photo_credit", pl.col("mention_context") == "background"
    wrong = rows.filter((photo & (pl.col("_prose") > 0)) | (background & (pl.col("_credited") > 0) & (pl.col("_prose") == 0)))
    for row, actor, context, _forms, credited, prose in wrong.iter_rows():
        if context == "photo_credit":
            yield Finding("actors", row, "mention_context", context,
                          f"{actor} is marked as named only in a photo credit, but {prose} of its mentions stand outside "
                          "one ('Foto:', 'Kredit:' ... before it on its line): background or curated_row?")
        else:
            yield Finding("actors", row, "mention_context", context,
                          f"{actor} is marked as named in background, but every mention of it ({credited}) stands in a "
                          "photo credit: photo_credit?")
