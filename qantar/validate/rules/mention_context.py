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
    # every distinct form, read in one pass over each article (however many actors share it)
    every = sorted({f.lower() for forms in actors["name_forms"].to_list() for f in forms or () if f}, key=len, reverse=True)
    if not every:
        return
    seen: dict[str, list[int]] = {}  # form -> [mentions in a credit, mentions elsewhere]
    for text in texts.values():
        low = text.lower()  # searched form by form (a substring search, far faster than one long alternation)
        for form in every:
            at = low.find(form)
            while at >= 0:
                end = at + len(form)
                whole = (at == 0 or not _inner(low[at - 1])) and (end == len(low) or not _inner(low[end]))
                if whole and not any(len(f) > len(form) and low.startswith(f, at) for f in every):
                    line = low.rfind("\n", 0, at) + 1
                    seen.setdefault(form, [0, 0])[0 if _CREDIT.search(low, line, at) else 1] += 1
                at = low.find(form, at + 1)
    for row, actor, context, forms in actors.iter_rows():
        counts = [seen.get(f, [0, 0]) for f in {f.lower() for f in forms or () if f}]
        credited, prose = sum(c for c, _ in counts), sum(p for _, p in counts)
        if context == "photo_credit" and prose:
            yield Finding("actors", row, "mention_context", context,
                          f"{actor} is marked as named only in a photo credit, but {prose} of its mentions stand outside "
                          "one ('Foto:', 'Kredit:' ... before it on its line): background or curated_row?")
        elif context == "background" and credited and not prose:
            yield Finding("actors", row, "mention_context", context,
                          f"{actor} is marked as named in background, but every mention of it ({credited}) stands in a "
                          "photo credit: photo_credit?")
