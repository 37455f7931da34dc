"""actor-named: the actor a quoted row names is named by its source.

A membership's member appears (one of its name forms, any case) in the membership's quote; a
statement's speaker is named in its quote or earlier in the same article (a pronoun, 'Ia' or
'Mereka', points back to a name already given); a group speaker, which has no name of its own,
only words the article describes it with, is named somewhere in the article. Two actors swapped
consistently in every table keep every key, role and type valid: what betrays them is that the
passages name the other one.
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


def check(inputs: Inputs) -> Iterator[Finding]:
    needed: set[str] = set()
    for table, column in (("memberships", "member_id"), ("statements", "speaker_id")):
        if table in inputs.tables:
            needed.update(inputs.typed(table)[column].drop_nulls().unique().to_list())
    actors = inputs.typed("actors").filter(pl.col("actor_id").is_in(list(needed)))
    forms = {a: tuple(sorted({f.lower() for f in fs or () if f})) for a, fs in actors.select("actor_id", "name_forms").iter_rows()}
    kind = dict(actors.select("actor_id", "actor_type").iter_rows())
    if "memberships" in inputs.tables:
        named: dict[tuple[str, tuple[str, ...]], bool] = {}
        frame = inputs.typed("memberships").with_row_index("_r", offset=1)
        for row, mid, member, quote in frame.select("_r", "membership_id", "member_id", "quote").iter_rows():
            if quote is None or member not in forms:
                continue
            key = (quote, forms[member])
            if key not in named:
                named[key] = any(f in quote.lower() for f in forms[member])
            if not named[key]:
                yield Finding("memberships", row, "member_id", member, f"{mid}: the quote names none of {member}'s name forms")
    if "statements" not in inputs.tables:
        return
    texts = inputs.texts()
    lowered: dict[str, str] = {}
    first: dict[tuple[str, tuple[str, ...]], int | None] = {}  # where the speaker's name first ends
    frame = inputs.typed("statements").with_row_index("_r", offset=1)
    for row, sid, speaker, source, end in frame.select("_r", "statement_id", "speaker_id", "source_id", "char_end").iter_rows():
        if speaker not in forms or texts.get(source) is None or end is None:
            continue
        key = (source, forms[speaker])
        if key not in first:
            if source not in lowered:
                lowered[source] = texts[source].lower()
            ends = [p + len(f) for f in forms[speaker] if (p := lowered[source].find(f)) >= 0]
            first[key] = min(ends) if ends else None
        at = first[key]
        if at is None or (kind.get(speaker) != "group" and at > end):
            where = "nowhere" if kind.get(speaker) == "group" or at is None else "neither in the quote nor before it"
            yield Finding("statements", row, "speaker_id", speaker,
                          f"{sid}: source {source} names {speaker} (by any of its name forms) {where}")
