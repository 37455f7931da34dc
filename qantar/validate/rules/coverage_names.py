"""coverage-names: every name candidate of every article (a capitalised word whose capital its
place does not explain: ``qantar.text.names``) lies in an occurrence of an actor's or place's
name form, a printed date or an exclusion, or is a calendar word (the number rules own those)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qantar.text.names import candidates
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._coverage import NONE, Spans, finding, spans, tokens


def name_forms(inputs: Inputs) -> set[str]:
    """Every name form of every table with names (actors, places)."""
    forms: set[str] = set()
    for name, table in inputs.tables.items():
        if table.has("name_forms"):
            delimiter = table.field("name_forms").delimiter
            for v in inputs.strings(name)["name_forms"].to_list():
                forms.update(f for f in (v or "").split(delimiter) if f)
    return forms


def check(inputs: Inputs) -> Iterator[Finding]:
    forms = name_forms(inputs)
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))) if forms else None
    by_source, toks = spans(inputs), tokens(inputs)
    for sid, text in inputs.texts().items():
        s = by_source.get(sid, {})
        named = Spans((m.start(), m.end(), "") for m in pattern.finditer(text)) if pattern else NONE
        calendar = Spans((tk.start, tk.end, "") for tk in toks[sid] if tk.kind in ("month", "day"))
        excluded, printed = s.get("exclusion", NONE), s.get("printed_date", NONE)
        for word in candidates(text):
            a, b = word.start, word.end
            if named.covers(a, b) or excluded.covers(a, b) or printed.covers(a, b) or calendar.covers(a, b):
                continue
            yield finding(inputs, sid, a, b,
                          f"name candidate at {sid}[{a}:{b}] is in no actor's or place's name forms and not excluded")
