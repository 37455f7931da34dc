"""roles-in-word-order: who does what to whom, as the passage's word order says.

An Indonesian news sentence in the active voice names the doer before the one done to: 'tentara
Tajik menyerang warga sipil Kirgistan', 'Kazakhstan meminta tolong Rusia'. So where one source's
passage of an event names both the actor in a doer's role and the actor in its counterpart's role
(``AGENT_BEFORE``), the doer is named first in at least one of those passages. In the passive voice,
with the word 'oleh' (by: 'Tokayev dikutuk oleh OSCE'), the doer is named after 'oleh' and the one done
to before it; a passage that names both on one side of 'oleh' says nothing about the order.
Two actors' roles swapped within an event keep every role fitting its event type and actor type;
the order of the names is what betrays them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

#: a doer's role -> the roles of those it acts on
AGENT_BEFORE = {"perpetrator": ("victim", "target"), "alleged_perpetrator": ("victim", "target"), "requester": ("addressee",),
                "critic": ("subject", "target"), "provider": ("host",)}
_PASSIVE = re.compile(r"(?i)\boleh\b")


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"event_actors": ("event_id", "actor_id", "role", "source_id"), "event_sources": ("event_id", "source_id", "quote"),
              "actors": ("actor_id", "name_forms")}
    if not all(t in inputs.tables and inputs.table(t).has(*cols) for t, cols in needed.items()):
        return  # the schema layers and the SQL rules report missing tables and columns
    roles = set(AGENT_BEFORE) | {r for rs in AGENT_BEFORE.values() for r in rs}
    links = inputs.typed("event_actors").with_row_index("_row", offset=1).filter(pl.col("role").is_in(sorted(roles)))
    if links.height == 0:
        return
    by_key: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
    for row, event, actor, role, source in links.select("_row", "event_id", "actor_id", "role", "source_id").iter_rows():
        by_key.setdefault((event, source), []).append((row, actor, role))
    # only the links where a doer and its counterpart meet in one event and source
    by_key = {k: m for k, m in by_key.items()
              if any(other in AGENT_BEFORE.get(role, ()) for _, _, role in m for _, _, other in m)}
    wanted = {actor for m in by_key.values() for _, actor, _ in m}
    forms = {a: [f for f in fs or () if f] for a, fs in inputs.typed("actors").select("actor_id", "name_forms").iter_rows()
             if a in wanted}
    quotes: dict[tuple[str, str], list[tuple[str, int | None]]] = {}
    for event, source, quote in inputs.typed("event_sources").select("event_id", "source_id", "quote").iter_rows():
        if (event, source) in by_key and quote:
            by = _PASSIVE.search(quote)
            quotes.setdefault((event, source), []).append((quote, by.start() if by else None))
    for key, members in by_key.items():
        passages = quotes.get(key, [])
        if not passages:
            continue
        where = {actor: [_first(actor, q, forms) for q, _ in passages] for _, actor, _ in members}  # once per actor
        for row, agent, role in members:
            for _other_row, patient, other_role in members:
                if other_role not in AGENT_BEFORE.get(role, ()) or patient == agent:
                    continue
                readings = [_reading(a, p, by) for a, p, (_, by) in zip(where[agent], where[patient], passages, strict=True)]
                said = [r for r in readings if r is not None]
                if said and not any(said):
                    yield Finding("event_actors", row, "role", role,
                                  f"{key[0]}: {agent} is the {role} and {patient} the {other_role}, but source {key[1]}'s "
                                  f"passage names {patient} as the doer: first in an active sentence, after 'oleh' (by) in a "
                                  "passive one")


def _reading(agent: int | None, patient: int | None, by: int | None) -> bool | None:
    """Whether a passage's word order has the agent act on the patient (None: it does not say).

    Active: the agent is named first. Passive ('dikutuk oleh OSCE'): the patient before 'oleh', the
    agent after it; names on one side of 'oleh' only say nothing."""
    if agent is None or patient is None:
        return None
    if by is None:
        return agent < patient
    if patient < by < agent:
        return True
    if agent < by < patient:
        return False
    return None


def _first(actor: str, quote: str, forms: dict[str, list[str]]) -> int | None:
    found = [p for f in forms.get(actor, ()) if (p := quote.find(f)) >= 0]
    return min(found) if found else None
