"""actor-exists: an actor does not act after the state it belongs to ceased to exist.

The end of a state is not typed in: it is the withdrawal date that ISO 3166-3 gives the state's
former code, as pycountry ships it (``pycountry.historic_countries``, e.g. SUN, the USSR, withdrawn
1992-08-30; the library's version is in the report's header). An actor whose ``country_code``
is such a code (the state itself, its bodies, forces and people) acts only up to that date: as a
statement's speaker or intermediary, in an event (event_actors, the event's start), as a member
of an organisation (as_of_date), or as a figure's subject or asserter (the figure's reference
date, where it has one). The codes still current (and the start of a state's
existence, which ISO 3166 does not record) are not judged here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


@cache
def ceased() -> dict[str, tuple[dt.date, str]]:
    """ISO 3166-3 alpha-3 codes of former countries: (withdrawal date, name), from pycountry."""
    import pycountry

    current = {c.alpha_3 for c in pycountry.countries}
    out = {}
    for c in pycountry.historic_countries:
        when = getattr(c, "withdrawal_date", None)
        if when and c.alpha_3 not in current:
            # ISO gives some withdrawals as a year only ('1977'): the state is given that whole year
            day = dt.date(int(when), 12, 31) if len(when) == 4 else dt.date.fromisoformat(when)
            out[c.alpha_3] = (day, c.name)
    return out


# (table, actor column, date column, how the act is dated)
_ACTS = (
    ("statements", "speaker_id", "date_start", "speaks"),
    ("statements", "intermediary_id", "date_start", "relays a statement"),
    ("memberships", "member_id", "as_of_date", "is a member"),
    ("memberships", "organisation_id", "as_of_date", "has a member"),
    ("figures", "actor_id", "ref_date_start", "is counted"),
    ("figures", "asserted_by_id", "ref_date_start", "asserts a figure"),
)


def check(inputs: Inputs) -> Iterator[Finding]:
    actors = inputs.typed("actors")
    gone = ceased()
    end = {a: gone[c] for a, c in actors.select("actor_id", "country_code").iter_rows() if c in gone}
    if not end:
        return
    acts = [(t, c, d, verb, inputs.typed(t)) for t, c, d, verb in _ACTS if t in inputs.tables]
    if {"event_actors", "events"} <= set(inputs.tables):
        events = inputs.typed("events").select("event_id", "date_start")
        linked = inputs.typed("event_actors").with_row_index("_r", offset=1).join(events, on="event_id", how="left")
        acts.append(("event_actors", "actor_id", "date_start", "takes part in an event", linked))
    for table, column, date, verb, frame in acts:
        if column not in frame.columns or date not in frame.columns:
            continue
        if "_r" not in frame.columns:
            frame = frame.with_row_index("_r", offset=1)
        frame = frame.filter(pl.col(column).is_in(list(end)))
        for row, actor, when in frame.select("_r", column, date).iter_rows():
            if when is not None and when > end[actor][0]:
                stop, name = end[actor]
                yield Finding(table, row, column, actor,
                              f"{actor} {verb} on {when.isoformat()}, but its country ({name}) ceased to exist: "
                              f"its ISO 3166 code was withdrawn on {stop.isoformat()} (pycountry historic_countries)")
