"""The ACLED-shaped export: one row per event and source, in ACLED's columns.

Every code comes from the package's crosswalk tables (``crosswalk_event_types_acled``,
``crosswalk_date_precision_acled``, ``crosswalk_place_precision_acled``,
``crosswalk_actor_types_acled``) and ``country_codes``; nothing ACLED-specific is decided here
except how Qantar's columns are read in ACLED's terms (which roles are actor 1 and which actor
2, which figures are fatalities), each said below and column by column in ``docs/exports.md``.

Events ACLED would not record (no ACLED event type, a date known less precisely than the month,
a place known only to the country outside Strategic developments, no coordinates, an event that
did not take place) are kept, not dropped: ``tags`` says why, and so does ``qantar_outside_acled``,
so a user stacking the file under ACLED's rows can filter them out knowingly.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl

from qantar import _atomic
from qantar.model import Package

#: ACLED's columns, in the order of its exports (ACLED Codebook, 2024; the brief's list).
COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
#: Qantar's own columns, after ACLED's: where a row comes from, and why ACLED would leave it out.
EXTRA = ("qantar_event_id", "qantar_source_id", "qantar_outside_acled")

#: ACLED's disorder type of each sub-event type (ACLED Codebook, "Disorder type"): Excessive force
#: against protesters is both; Violent demonstration is a demonstration, Mob violence political violence.
DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_SUB = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Violent demonstration": "Demonstrations", "Mob violence": "Political violence",
}
#: Qantar roles that ACLED would put on the side of actor 2 (the one acted upon); every other role
#: is on the side of actor 1 (the one acting, claiming, deciding or taking part).
SIDE_2 = frozenset({"target", "victim", "addressee", "host"})
#: Event types whose participants are protesters, rioters (crosswalk_actor_types_acled conditions).
PROTEST_TYPES, RIOT_TYPES = frozenset({"protest"}), frozenset({"riot", "looting_destruction"})
#: figures.measure codes that count deaths: ``deaths``, and any ``deaths_<group>`` (a part of them).
DEATHS = "deaths"


def _frames(root: str | Path | None) -> tuple[Package, dict[str, pl.DataFrame]]:
    from qantar import loader, model

    package = model.current() if root is None else model.read(root)
    return package, {t.name: loader.read(package, t, verify=True) for t in package.tables.values()}


def _rows(frame: pl.DataFrame) -> list[dict[str, Any]]:
    return frame.with_columns(pl.col(pl.Enum).cast(pl.String)).to_dicts()


def _midpoint(start: dt.date, end: dt.date) -> dt.date:
    """ACLED's event_date for an interval: the middle of the period (the earlier middle day)."""
    return start + dt.timedelta(days=(end - start).days // 2)


def _band(rows: list[dict], precision: str, span: int) -> dict | None:
    for r in rows:
        if r["date_precision"] == precision and r["span_days_min"] <= span and (r["span_days_max"] is None or span <= r["span_days_max"]):
            return r
    return None


def rows(root: str | Path | None = None) -> list[dict[str, Any]]:
    """The export's rows (ACLED's columns, then Qantar's), in events order and then event_sources order."""
    return _export(root)[1]


def _export(root: str | Path | None) -> tuple[Package, list[dict[str, Any]]]:
    package, f = _frames(root)
    t = {name: _rows(frame) for name, frame in f.items()}
    etype = {r["event_type"]: r for r in t["crosswalk_event_types_acled"] if r["rank"] == 1}
    date_rows = t["crosswalk_date_precision_acled"]
    geo = {(r["place_type"], r["coordinate_precision"]): r for r in t["crosswalk_place_precision_acled"]}
    actor_rows = sorted(t["crosswalk_actor_types_acled"], key=lambda r: (r["actor_type"], r["rank"]))
    places = {r["place_id"]: r for r in t["places"]}
    actors = {r["actor_id"]: r for r in t["actors"]}
    sources = {r["source_id"]: r for r in t["sources"]}
    iso = {r["country_code"]: r["iso_numeric"] for r in t["country_codes"]}
    country_name = {r["country_code"]: r["name_en"] for r in t["places"] if r["place_type"] == "country"}
    region_name = {r["subdivision_code"]: r["name_en"] for r in t["places"] if r["place_type"] == "region" and r["subdivision_code"]}
    timestamp = _timestamp(package)

    def inter(actor: dict, role: str, event: dict, event_country: str | None) -> str | None:
        """The label of the first crosswalk row (by rank) whose condition holds; armed_* are never guessed."""
        holds = {
            None: True,
            "home_country": actor["country_code"] is not None and actor["country_code"] == event_country,
            "abroad": actor["country_code"] is None or actor["country_code"] != event_country,
            "protest_participant": event["event_type"] in PROTEST_TYPES and role not in SIDE_2,
            "riot_participant": event["event_type"] in RIOT_TYPES and role not in SIDE_2,
            "victim": role in ("victim", "target"),
            "otherwise": True,
        }
        for r in actor_rows:
            if r["actor_type"] == actor["actor_type"] and holds.get(r["condition"], False):
                return r["acled_inter_label"]
        return None

    out = []
    for event in t["events"]:
        place = places.get(event["place_id"]) if event["place_id"] else None
        country = place["country_code"] if place else None
        span = (event["date_end"] - event["date_start"]).days + 1
        date = _band(date_rows, event["date_precision"], span)
        et = etype.get(event["event_type"], {})
        g = geo.get((place["place_type"], place["coordinate_precision"])) if place else None
        outside = []
        if not et.get("acled_event_type"):
            outside.append(f"no ACLED event type for {event['event_type']}")
        if date is None or date["acled_time_precision"] is None:
            outside.append(f"date known only as {event['date_precision']} over {span} days (ACLED needs the month or better)")
        if g is None or g["acled_geo_precision"] is None:
            outside.append("no place with coordinates" if place is None or place["latitude"] is None else f"place type {place['place_type']} has no ACLED location")
        elif place["place_type"] == "country" and et.get("acled_event_type") not in (None, "Strategic developments"):
            outside.append("known only to the country (ACLED records that only for some Strategic developments)")
        if event["status"] != "occurred":
            outside.append(f"status {event['status']} (ACLED records events that took place)")
        links: dict[str, list[dict]] = {}  # one row per source, however many passages it has
        for r in t["event_sources"]:
            if r["event_id"] == event["event_id"]:
                links.setdefault(r["source_id"], []).append(r)
        for sid, passages in links.items():
            side1, side2 = [], []
            for ea in t["event_actors"]:
                if ea["event_id"] == event["event_id"] and ea["source_id"] == sid:
                    (side2 if ea["role"] in SIDE_2 else side1).append((actors[ea["actor_id"]], ea["role"]))
            inter1 = inter(*side1[0], event, country) if side1 else None
            inter2 = inter(*side2[0], event, country) if side2 else None
            deaths = [
                fig for fig in t["figures"]
                if fig["event_id"] == event["event_id"] and fig["source_id"] == sid
                and (fig["measure"] == DEATHS or fig["measure"].startswith(DEATHS + "_"))
            ]
            # ACLED codes the most conservative figure: each death count (a total or a part) is a
            # lower bound of the total, so the largest of their lower ends.
            lows = [fig["value_low"] if fig["value_low"] is not None else fig["value"] for fig in deaths]
            lows = [v for v in lows if v is not None]
            tags = list(outside)
            if not lows:
                tags.append("fatalities: no death figure in this source")
            src = sources[sid]
            row_date = _midpoint(event["date_start"], event["date_end"])
            sub = et.get("acled_sub_event_type")
            acled_type = et.get("acled_event_type")
            out.append({
                "event_id_cnty": f"QANTAR-{event['event_id']}-{sid.split('_')[0]}",
                "event_date": row_date.isoformat(),
                "year": row_date.year,
                "time_precision": date["acled_time_precision"] if date else None,
                "disorder_type": DISORDER_SUB.get(sub) or DISORDER.get(acled_type) if acled_type else None,
                "event_type": acled_type,
                "sub_event_type": sub,
                "actor1": side1[0][0]["name_en"] if side1 else None,
                "assoc_actor_1": "; ".join(a["name_en"] for a, _ in side1[1:]) or None,
                "inter1": inter1,
                "actor2": side2[0][0]["name_en"] if side2 else None,
                "assoc_actor_2": "; ".join(a["name_en"] for a, _ in side2[1:]) or None,
                "inter2": inter2,
                "interaction": _interaction(t["crosswalk_actor_types_acled"], inter1, inter2),
                "civilian_targeting": "Civilian targeting" if inter2 == "Civilians" or acled_type == "Violence against civilians" else None,
                "iso": iso.get(country) if country else None,
                "region": None,
                "country": country_name.get(country) if country else None,
                "admin1": (place["name_en"] if place and place["place_type"] == "region" else region_name.get(place["subdivision_code"]) if place else None),
                "admin2": None,
                "admin3": None,
                "location": place["name_en"] if place else None,
                "latitude": place["latitude"] if place else None,
                "longitude": place["longitude"] if place else None,
                "geo_precision": g["acled_geo_precision"] if g else None,
                "source": src["outlet"] or src["original_outlet"] or f"Unnamed outlet: {src['title']}",
                "source_scale": _scale(src, actors, country),
                "notes": " ".join([event["summary_en"], *(
                    f"Quote ({sid}, characters {p['char_start']}-{p['char_end']}): \u201c{p['quote']}\u201d Translation: \u201c{p['quote_en']}\u201d"
                    for p in passages)]),
                "fatalities": min(max(lows), 2**31 - 1) if lows else 0,
                "tags": "; ".join(tags) or None,
                "timestamp": timestamp,
                "qantar_event_id": event["event_id"],
                "qantar_source_id": sid,
                "qantar_outside_acled": "; ".join(outside) or None,
            })
    return package, out


def _interaction(actor_rows: list[dict], inter1: str | None, inter2: str | None) -> str | None:
    """ACLED's interaction: the two categories, lower inter code first ('State forces-Protesters'), or 'X only'."""
    code = {r["acled_inter_label"]: r["acled_inter_code"] for r in actor_rows if r["acled_inter_label"]}
    both = sorted((x for x in (inter1, inter2) if x), key=lambda x: code[x])
    if not both:
        return None
    return f"{both[0]} only" if len(both) == 1 else "-".join(both)


def _scale(source: dict, actors: dict, event_country: str | None) -> str | None:
    """National when the outlet (as an actor) is of the event's country, International when of another; else unknown."""
    outlet = actors.get(source["outlet_actor_id"]) if source["outlet_actor_id"] else None
    if outlet is None or outlet["country_code"] is None or event_country is None:
        return None
    return "National" if outlet["country_code"] == event_country else "International"


def _timestamp(package: Package) -> int | None:
    """ACLED's timestamp is when a row was last uploaded; here the data's creation date (reproducible)."""
    created = package.raw.get("created")
    try:
        return int(dt.datetime.fromisoformat(str(created).replace("Z", "+00:00")).timestamp())
    except ValueError:
        return None


def write(out: str | Path, *, root: str | Path | None = None) -> Path:
    """Write ``qantar-<version>-acled.csv`` into ``out`` atomically; returns the file."""
    package, data = _export(root)
    columns = (*COLUMNS, *EXTRA)
    # every cell as the text it is written as (an empty cell for a missing value), so that polars
    # writes what the codebook's columns say, in their order, quoted only where needed (RFC 4180)
    frame = pl.DataFrame({c: [None if r.get(c) is None else str(r[c]) for r in data] for c in columns},
                         schema={c: pl.String for c in columns})
    text = frame.write_csv(quote_style="necessary", line_terminator="\n", null_value="")
    name = f"qantar-{package.version}-acled.csv" if package.version else "qantar-acled.csv"
    path = Path(out) / name
    _atomic.write_text(path, text, newline="")
    return path
