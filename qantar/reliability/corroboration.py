"""Do the two codings agree on which passages of different articles report the same fact?

The first coding says so by giving one event passages in several articles (``event_sources``).
A corroboration map (``claims.csv``: passages grouped by ``topic``, as the cross-article coder
keeps it) says so by giving passages the same topic. Both are compared on the pairs of map
passages from different articles that overlap at least one first-coding event: each pair is
*linked* by a coding if it puts both passages under one event (first) or one topic (second).
"""

from __future__ import annotations

from itertools import combinations

from . import metrics
from .coding import Coding
from .spans import shared


def compare_map(first: Coding, second: Coding) -> dict | None:
    """None when neither coding has a corroboration map."""
    claims = second.rows("claims")
    if not claims:
        return None
    passages: dict[tuple[str, int, int], set[str]] = {}
    quotes: dict[tuple[str, int, int], str] = {}
    for c in claims:
        key = (c["source_id"], int(c["char_start"]), int(c["char_end"]))
        passages.setdefault(key, set()).add(c["topic"])
        quotes[key] = c["quote"]
    events: dict[tuple[str, int, int], set[str]] = {}
    for p in first.rows("event_sources"):
        span = [(p["source_id"], int(p["char_start"]), int(p["char_end"]))]
        for key in passages:
            if key[0] == p["source_id"] and shared([key], span):
                events.setdefault(key, set()).add(p["event_id"])
    counts = {"both": 0, "first_only": 0, "second_only": 0, "neither": 0}
    pairs, listed = [], []
    for k1, k2 in combinations(sorted(passages), 2):
        if k1[0] == k2[0] or k1 not in events or k2 not in events:
            continue
        a = bool(events[k1] & events[k2])
        b = bool(passages[k1] & passages[k2])
        counts[{(True, True): "both", (True, False): "first_only",
                (False, True): "second_only", (False, False): "neither"}[(a, b)]] += 1
        pairs.append(("linked" if a else "apart", "linked" if b else "apart"))
        if a != b:
            listed.append({"first_linked": a, "second_linked": b,
                           "passage_1": f"{k1[0]}:{k1[1]}-{k1[2]}", "passage_2": f"{k2[0]}:{k2[1]}-{k2[2]}",
                           "first_events_1": sorted(events[k1]), "first_events_2": sorted(events[k2]),
                           "second_topics_1": sorted(passages[k1]), "second_topics_2": sorted(passages[k2]),
                           "quote_1": quotes[k1], "quote_2": quotes[k2]})
    topics = {}
    for key, tops in passages.items():
        for t in tops:
            d = topics.setdefault(t, {"articles": set(), "first_events": set()})
            d["articles"].add(key[0])
            d["first_events"] |= events.get(key, set())
    return {
        "map_passages": len(passages),
        "map_passages_on_first_events": len(events),
        "pairs": counts,
        "linkage": metrics.nominal(pairs),
        "topics": {t: {"articles": sorted(d["articles"]), "first_events": sorted(d["first_events"])}
                   for t, d in sorted(topics.items())},
        "differences": listed,
    }
