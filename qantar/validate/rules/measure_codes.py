"""measure-coded-once: one measure has one code.

'The same code means the same measure across sources, so figures can be compared' (the descriptor's
``figures.measure``). Two codes that say the same thing ('deaths' and 'fatalities', 'troops_deployed'
and 'soldiers_deployed', 'csto_member_states' and 'csto_member_countries') split one measure in two:
each figure still fits its quote, but a reader who groups by code no longer compares them. A code is
read word by word: a word that starts with a key of ``validators/measure_keywords.toml`` stands for
that key's group (keys whose Indonesian words mostly coincide: 'death', 'dead', 'kill', 'fatalit'),
any other word for itself without a plural ending; the order of the words does not matter. Where two
codes read the same, the rows of every code but the one most figures use are reported (all of them when
no code is used most).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.measure_quote import keywords, longest_first

#: two keys are one group when their Indonesian words overlap at least this much (shared / all)
SAME = 0.5
_PLURAL = re.compile(r"(?:es|s)$")


def check(inputs: Inputs) -> Iterator[Finding]:
    if "figures" not in inputs.tables or not inputs.table("figures").has("figure_id", "measure"):
        return
    rows = inputs.strings("figures").select("figure_id", "measure").rows()
    uses: dict[str, list[int]] = {}  # code -> its rows, 1-based, in order
    for row, (_fid, measure) in enumerate(rows, 1):
        if measure:
            uses.setdefault(measure, []).append(row)
    read: dict[tuple[str, ...], list[str]] = {}
    for code in uses:
        read.setdefault(reading(code), []).append(code)
    for codes in read.values():
        if len(codes) < 2:
            continue
        # the code most figures use is the measure's; with no such code, which one is meant is not known
        most = max(len(uses[c]) for c in codes)
        mains = [c for c in codes if len(uses[c]) == most]
        main = mains[0] if len(mains) == 1 else None
        for code in codes:
            if code == main:
                continue
            others = [main] if main else [c for c in codes if c != code]
            for row in uses[code]:
                yield Finding("figures", row, "measure", code,
                              f"{rows[row - 1][0]}: the measure {code!r} says what {' and '.join(map(repr, others))} "
                              f"{'says' if len(others) == 1 else 'say'} ({', '.join(f'{len(uses[c])} figure(s)' for c in others)}); "
                              "one measure has one code, so that figures can be compared")


def reading(code: str) -> tuple[str, ...]:
    """What a code says, word by word: a known word's group, any other word without its plural."""
    keys = longest_first()
    group = _groups()
    out = []
    for part in re.split(r"[^a-z]+", code.lower()):
        if part:
            key = next((k for k in keys if part.startswith(k)), None)
            out.append("=" + group[key] if key is not None else _PLURAL.sub("", part))
    return tuple(sorted(out))


@cache
def _groups() -> dict[str, str]:
    """Each key of the list -> its group's first key (keys whose words overlap by ``SAME`` are one group)."""
    words = {k: frozenset(v) for k, v in keywords().items()}
    keys = sorted(words)
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if len(words[a] & words[b]) >= SAME * len(words[a] | words[b]):
                parent[root(b)] = root(a)
    return {k: root(k) for k in keys}
