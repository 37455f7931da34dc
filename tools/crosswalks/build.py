"""Write the crosswalks' schemas and pair rules from the codebooks; check the rows' citations.

    python tools/crosswalks/build.py [--root .] [--check]

The one hand-typed home of the official lists is ``codebooks.py``; CAMEO codes and PLOVER event
types are parsed from ``reference/CAMEO2PLOVER-2021.txt`` (the project's copy of the Open Event
Data Alliance's table). From them this script writes, in the repository at ``--root``:

- the schema of every crosswalk resource in ``datapackage.json`` (each target column an enum of
  the official list, its description citing the codebook), ``country_codes``' schema, and the
  codebooks in the descriptor's top-level ``sources``; byte counts and hashes are left to
  ``qantar stamp``;
- ``validators/sql/crosswalk_pair_*.sql``: the pairs an enum cannot express (an ACLED sub-event
  type within its event type, a PLOVER mode within its type, a CAMEO description of its code, an
  ACLED inter label of its code), as DuckDB rules the validator runs;
- ``validators/sql/crosswalk_basis_names_target.sql``: each row's basis quotes the entry of its own
  target (a valid code swapped for another while the citation still quotes the old one fails).

It also checks every ``cameo2plover-2021:LINE '...'`` citation in the crosswalks' ``basis`` against
that line of the table (only this script reads the reference file). Every other rule on the
crosswalks lives in the validator (``validators/``), not here. With ``--check`` nothing is
written: the script exits 1 if a generated file differs from what it would write. Standard
library only, deterministic, offline.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import codebooks as cb  # noqa: E402

REFERENCE = HERE / "reference" / "CAMEO2PLOVER-2021.txt"
MATCH = ["exact", "partial", "none"]
CAMEO_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,\s*([^,]*?)\s*,\s*(.*?)\s*#\s*(.*?)\s*$")
EDITORIAL = re.compile(r"\s{2,}\d{2}\.\d{2}\.\d{2}:.*$")  # '0813 ... # Ease curfew  21.09.17: "ease" ...'
CITATION = re.compile(r"cameo2plover-2021:(\d+) '([^']*)'")
SOURCE_KEY = "qantar:codebook"  # marks the descriptor's top-level sources this script owns
ACTOR_CONDITIONS = {
    "home_country": "the actor's country_code is the country of the event's place",
    "abroad": "the actor's country_code differs from the country of the event's place, or the actor has none (international)",
    "protest_participant": "the group takes part in a protest event",
    "riot_participant": "the group takes part in, or perpetrates, a riot or looting_destruction event",
    "victim": "the group is the victim or target of the event",
    "armed_unidentified": "the group is an unidentified or alleged armed group perpetrating violence (Qantar does not record this: a coder's call)",
    "armed_identity": "the group is armed and organised around a community, ethnicity, region or religion (a coder's call)",
    "armed_rebel": "the group is armed and seeks national power by violence (a coder's call)",
    "otherwise": "any other group",
}


def parse_cameo2plover(path: Path) -> list[tuple[int, str, str, str, str, str]]:
    """Code lines of the table: (line number, code, PLOVER type, mode, context, description)."""
    rows = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if m := CAMEO_LINE.match(line):
            code, ptype, mode, context, desc = m.groups()
            rows.append((no, code, ptype, mode.strip(), context.strip(), EDITORIAL.sub("", desc).strip()))
    return rows


def vocabularies() -> dict:
    lines = parse_cameo2plover(REFERENCE)
    cameo: dict[str, list[str]] = defaultdict(list)
    for _, code, _, _, _, desc in lines:
        if desc not in cameo[code]:
            cameo[code].append(desc)
    for code, desc in cb.CAMEO_EXTRA["codes"].items():
        if code in cameo:
            raise SystemExit(f"codebooks.CAMEO_EXTRA: {code} is already in the CAMEO to PLOVER table")
        cameo[code] = [desc]
    plover_types = list(dict.fromkeys(t for _, _, t, _, _, _ in lines))
    if sorted(cb.PLOVER_MODES["modes"]) != sorted(plover_types):
        raise SystemExit(f"codebooks.PLOVER_MODES names {sorted(cb.PLOVER_MODES['modes'])}, the table {sorted(plover_types)}")
    return {
        "acled_sub_events": [(t, s) for t, subs in cb.ACLED["event_types"].items() for s in subs],
        "acled_inter": {k: v[0] for k, v in cb.ACLED["inter"].items()},
        "plover_types": plover_types,
        "plover_modes": [(t, m) for t in plover_types for m in cb.PLOVER_MODES["modes"][t]],
        "cameo": dict(sorted(cameo.items())),  # string order is CAMEO's hierarchy
    }


# ---- the descriptor ---------------------------------------------------------------------------

def _cite(key: str) -> str:
    return cb.SOURCES[key]["title"].split(" (")[0]


def _enum(name: str, type_: str, description: str, values: list, source: str) -> dict:
    return {"name": name, "type": type_, "description": f"{description} Official list: {_cite(source)} (source '{source}').",
            "constraints": {"enum": values}}


def _codes(spec: dict) -> str:
    return "; ".join(f"{k} {v.split('.')[0].split(':')[0]}" for k, v in spec.items())


MATCH_FIELD = {
    "name": "match", "type": "string",
    "description": "exact: every case of the Qantar value falls under the target value (the target may be broader; the note says so); "
    "partial: only some cases do, or the target needs a condition Qantar does not record; none: no value of the scheme fits "
    "and the target columns are empty.",
    "constraints": {"required": True, "enum": MATCH},
}
NOTE_FIELD = {"name": "note", "type": "string", "description": "Why the match is partial or absent, and what the mapping leaves out or adds; required unless match is exact."}
BASIS_FIELD = {
    "name": "basis", "type": "string",
    "description": "The codebook passage the row rests on: a source key (the descriptor's sources marked qantar:codebook) followed by "
    "the section and a short quotation; cameo2plover-2021:LINE quotes that line of the CAMEO to PLOVER table.",
    "constraints": {"required": True},
}
RANK_FIELD = {"name": "rank", "type": "integer", "description": "1 for the default mapping of the Qantar value; 2 and up for alternatives that apply to some of its cases, as the note (or condition) says.", "constraints": {"required": True, "minimum": 1}}
EVENT_TYPE_FIELD = {"name": "event_type", "type": "string", "description": "Qantar event type, from the event_types table.", "constraints": {"required": True}}
EVENT_TYPE_FK = [{"fields": ["event_type"], "reference": {"resource": "event_types", "fields": ["event_type"]}}]
SPAN_FIELDS = [
    {"name": "span_days_min", "type": "integer", "description": "Shortest interval, in days (date_end - date_start + 1), that the row applies to.", "constraints": {"required": True, "minimum": 1}},
    {"name": "span_days_max", "type": "integer", "description": "Longest interval, in days, that the row applies to; empty for no upper bound.", "constraints": {"minimum": 1}},
]


def schemas(vocab: dict, enums: dict) -> dict[str, tuple[str, dict]]:
    """{resource: (description, schema)} for every resource this script owns."""
    acled, ucdp = cb.ACLED, cb.UCDP_GED
    date_precision = {"name": "date_precision", "type": "string", "description": "Qantar date precision (events.date_precision, statements.date_precision).", "constraints": {"required": True, "enum": enums[("events", "date_precision")]}}
    place = [
        {"name": "place_type", "type": "string", "description": "Qantar place type (places.place_type).", "constraints": {"required": True, "enum": enums[("places", "place_type")]}},
        {"name": "coordinate_precision", "type": "string", "description": "Qantar coordinate precision (places.coordinate_precision).", "constraints": {"required": True, "enum": enums[("places", "coordinate_precision")]}},
    ]
    tail = [MATCH_FIELD, NOTE_FIELD, BASIS_FIELD]
    specs = {
        "crosswalk_event_types_acled": (
            "Each Qantar event type mapped to ACLED's event type and sub-event type, with how well they match and the codebook passage the mapping rests on.",
            [EVENT_TYPE_FIELD, RANK_FIELD,
             _enum("acled_event_type", "string", "ACLED event type; empty when none fits.", list(acled["event_types"]), "acled-codebook"),
             _enum("acled_sub_event_type", "string", "ACLED sub-event type, one of those of acled_event_type (rule crosswalk-pair-acled-sub-event); empty when none fits.",
                   [s for _, s in vocab["acled_sub_events"]], "acled-codebook"), *tail],
            ["event_type", "rank"], EVENT_TYPE_FK),
        "crosswalk_event_types_plover": (
            "Each Qantar event type mapped to a PLOVER event type and mode (PLOVER 0.8: the CAMEO to PLOVER table for the types, the manual's mode tables for the modes).",
            [EVENT_TYPE_FIELD, RANK_FIELD,
             _enum("plover_event_type", "string", "PLOVER event type; empty when none fits.", vocab["plover_types"], "cameo2plover-2021"),
             _enum("plover_mode", "string", "PLOVER mode, one of those of plover_event_type (rule crosswalk-pair-plover-mode); empty when no mode fits the whole Qantar type (modes are optional in PLOVER).",
                   sorted({m for _, m in vocab["plover_modes"]}), "plover-manual-0.8"), *tail],
            ["event_type", "rank"], EVENT_TYPE_FK),
        "crosswalk_event_types_cameo": (
            "Each Qantar event type mapped to the nearest CAMEO event code and its description.",
            [EVENT_TYPE_FIELD, RANK_FIELD,
             {**_enum("cameo_code", "string", "CAMEO event code, kept as text (leading zeros matter: 023, 0814); empty when none fits. Codes 03-20 from the CAMEO to PLOVER table, others from CAMEO 1.1b3.",
                      list(vocab["cameo"]), "cameo2plover-2021")},
             {"name": "cameo_description", "type": "string", "description": "The code's description as worded in the CAMEO to PLOVER table, or in CAMEO 1.1b3 for codes outside it (rule crosswalk-pair-cameo-description)."},
             *tail],
            ["event_type", "rank"], EVENT_TYPE_FK),
        "crosswalk_event_types_ucdp": (
            "Each Qantar event type mapped to UCDP GED's type_of_violence. GED records only fatal organised violence, so most Qantar event types (protests, diplomacy, decisions) have none, and the row says so.",
            [EVENT_TYPE_FIELD, RANK_FIELD,
             _enum("ucdp_type_of_violence", "integer", f"UCDP GED type_of_violence ({_codes(ucdp['type_of_violence']['codes'])}); empty when none fits.",
                   list(ucdp["type_of_violence"]["codes"]), ucdp["type_of_violence"]["source"]), *tail],
            ["event_type", "rank"], EVENT_TYPE_FK),
        "crosswalk_date_precision_acled": (
            "Qantar date precision, by the length of the date interval, mapped to ACLED's time_precision.",
            [date_precision, *SPAN_FIELDS,
             _enum("acled_time_precision", "integer", "ACLED time_precision: 1 the day, 2 a week or similar period, 3 a month; empty when ACLED has none (it leaves such events out).",
                   list(acled["time_precision"]), "acled-codebook"), *tail],
            ["date_precision", "span_days_min"], []),
        "crosswalk_date_precision_ucdp": (
            "Qantar date precision, by the length of the date interval, mapped to UCDP GED's date_prec.",
            [date_precision, *SPAN_FIELDS,
             _enum("ucdp_date_prec", "integer", "UCDP GED date_prec: 1 exact day, 2 within 2-6 days, 3 the week, 4 within 8-30 days or the month, 5 longer than a month up to a calendar year; empty when GED has none.",
                   list(ucdp["date_prec"]["codes"]), ucdp["date_prec"]["source"]), *tail],
            ["date_precision", "span_days_min"], []),
        "crosswalk_place_precision_acled": (
            "Qantar place precision (place type and what the coordinates stand for) mapped to ACLED's geo_precision.",
            [*place,
             _enum("acled_geo_precision", "integer", "ACLED geo_precision: 1 the town, 2 part of a region or near a town, 3 only the region; empty when none fits.",
                   list(acled["geo_precision"]), "acled-codebook"), *tail],
            ["place_type", "coordinate_precision"], []),
        "crosswalk_place_precision_ucdp": (
            "Qantar place precision (place type and what the coordinates stand for) mapped to UCDP GED's where_prec.",
            [*place,
             _enum("ucdp_where_prec", "integer", "UCDP GED where_prec: 1 exact location, 2 within about 25 km, 3 second-order division, 4 first-order division, 5 part of a country, 6 country, 7 international waters or airspace; empty when none fits.",
                   list(ucdp["where_prec"]["codes"]), ucdp["where_prec"]["source"]), *tail],
            ["place_type", "coordinate_precision"], []),
        "crosswalk_actor_types_acled": (
            "Qantar actor types mapped to ACLED's actor categories (inter codes), with the condition under which each row applies where Qantar's type is coarser or finer than ACLED's.",
            [{"name": "actor_type", "type": "string", "description": "Qantar actor type (actors.actor_type).", "constraints": {"required": True, "enum": enums[("actors", "actor_type")]}},
             RANK_FIELD,
             {"name": "condition", "type": "string",
              "description": "When the row applies (empty: to every actor of the type); " + "; ".join(f"{k}: {v}" for k, v in ACTOR_CONDITIONS.items())
              + ". The ACLED-shaped export applies the first row whose condition holds; it never guesses the three armed_ conditions.",
              "constraints": {"enum": list(ACTOR_CONDITIONS)}},
             _enum("acled_inter_code", "integer", "ACLED inter code (the numbered actor categories); empty when none fits.", list(acled["inter"]), "acled-codebook"),
             _enum("acled_inter_label", "string", "ACLED's text value for the inter code, as its inter1/inter2 columns carry it since 2024 (rule crosswalk-pair-acled-inter-label).",
                   [v[0] for v in acled["inter"].values()], "acled-codebook"), *tail],
            ["actor_type", "rank"], []),
        "country_codes": (
            "Numeric ISO 3166-1, Correlates of War and Gleditsch-Ward codes for every country code used in the package (every state actor and every country or former country place), "
            "generated by tools/crosswalks/country_codes.py from kept libraries; a value a library lacks is left empty and the note says so.",
            [{"name": "country_code", "type": "string", "description": "ISO 3166-1 alpha-3 code as used in actors.country_code and places.country_code (ISO 3166-3 for a former country).", "constraints": {"required": True, "unique": True, "pattern": "^[A-Z]{3}$"}},
             {"name": "iso_numeric", "type": "integer", "description": "ISO 3166-1 numeric code (ISO 3166-3 for a former country), from pycountry.", "constraints": {"minimum": 1, "maximum": 999}},
             {"name": "cow_numeric", "type": "integer", "description": "Correlates of War state number (ccode), from countrycode (country_converter has no COW codes).", "constraints": {"minimum": 1, "maximum": 999}},
             {"name": "cow_alpha", "type": "string", "description": "Correlates of War state abbreviation, from countrycode.", "constraints": {"pattern": "^[A-Z]{3}$"}},
             {"name": "gw_numeric", "type": "integer", "description": "Gleditsch-Ward state number, from countrycode, cross-checked with country_converter.", "constraints": {"minimum": 1, "maximum": 999}},
             {"name": "gw_alpha", "type": "string", "description": "Gleditsch-Ward state abbreviation, from countrycode.", "constraints": {"pattern": "^[A-Z]{3}$"}},
             {"name": "codes_reference", "type": "string", "description": "Libraries and versions the codes came from.", "constraints": {"required": True}},
             {"name": "note", "type": "string", "description": "Which library lacks which value, and anything a reviewer should know; empty when every code was found and the libraries agree."}],
            ["country_code"], []),
    }
    return {name: (desc, {"fields": fields, "primaryKey": pk, "foreignKeys": fks, "missingValues": [""]})
            for name, (desc, fields, pk, fks) in specs.items()}


def descriptor(root: Path, vocab: dict) -> str:
    """datapackage.json with this script's schemas and sources in place (new resources after the data tables)."""
    pkg = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    enums = {(r["name"], f["name"]): f.get("constraints", {}).get("enum")
             for r in pkg["resources"] if "schema" in r for f in r["schema"]["fields"]}
    owned = schemas(vocab, enums)
    by_name = {r["name"]: r for r in pkg["resources"]}
    last_table = max(i for i, r in enumerate(pkg["resources"]) if r.get("type") == "table" and r["name"] not in owned)
    new = []
    for name, (description, schema) in owned.items():
        if name in by_name:
            by_name[name]["description"], by_name[name]["schema"] = description, schema
        else:
            new.append({"name": name, "type": "table", "path": f"data/{name}.csv", "format": "csv", "mediatype": "text/csv",
                        "encoding": "utf-8", "bytes": 0, "hash": "sha256:" + "0" * 64, "description": description, "schema": schema})
    pkg["resources"][last_table + 1:last_table + 1] = new
    sources = [s for s in pkg.get("sources", []) if not s.get(SOURCE_KEY)]
    for key, s in cb.SOURCES.items():
        entry = {"title": s["title"], **({"path": s["path"]} if "path" in s else {}), SOURCE_KEY: key}
        if "note" in s:
            entry["description"] = s["note"]
        if "licenses" in s:
            entry["qantar:licenses"] = s["licenses"]
        sources.append(entry)
    pkg["sources"] = sources
    return json.dumps(pkg, indent=2, ensure_ascii=False) + "\n"


# ---- the pair rules -------------------------------------------------------------------------------

def _lit(v: object) -> str:
    return str(v) if isinstance(v, int) else "'" + str(v).replace("'", "''") + "'"


_HEADER = "-- Generated by tools/crosswalks/build.py from tools/crosswalks/codebooks.py and the CAMEO to PLOVER table: do not edit.\n"


def _union_rule(name: str, description: str, protects: str, parts: list[str]) -> str:
    """One rule over several tables: each part a query of the rule's columns."""
    body = "\nUNION ALL\n".join(f"SELECT * FROM (\n{p.rstrip()}\n)" for p in parts)
    return f"-- rule: {name}\n-- description: {description}\n-- protects: {protects}\n{_HEADER}{body}\nORDER BY 1, 2\n"


def _band_rule(table: str, column: str, bands: dict[int, tuple[int, int | None]]) -> str:
    values = ",\n    ".join(f"({code}, {lo}, {'NULL' if hi is None else hi})" for code, (lo, hi) in sorted(bands.items()))
    return (
        f"WITH official (code, lo, hi) AS (VALUES\n    {values}\n)\n"
        f"SELECT\n    '{table}' AS \"table\",\n    x._row AS \"row\",\n    '{column}' AS \"column\",\n"
        f"    CAST(x.{column} AS VARCHAR) AS \"value\",\n"
        f"    '{table} ' || x.date_precision || ' ' || x.span_days_min || '..' || coalesce(CAST(x.span_days_max AS VARCHAR), '')"
        f" || ' days: ' || CAST(x.{column} AS VARCHAR) || ' covers ' || coalesce(CAST(o.lo AS VARCHAR) || '..' || coalesce(CAST(o.hi AS VARCHAR), ''), 'no interval')"
        f" || ' days by its definition' AS detail\n"
        f"FROM {table} AS x LEFT JOIN official AS o ON o.code = x.{column}\n"
        f"WHERE x.{column} IS NOT NULL AND x.span_days_min IS NOT NULL\n"
        f"  AND (o.code IS NULL OR x.span_days_min < o.lo\n"
        f"       OR (o.hi IS NOT NULL AND (x.span_days_max IS NULL OR x.span_days_max > o.hi)))\n"
    )


def _pair_rule(name: str, description: str, protects: str, table: str, key: str, a: str, b: str, pairs: list[tuple],
               *, body_only: bool = False) -> str:
    values = ",\n    ".join(f"({_lit(x)}, {_lit(y)})" for x, y in pairs)
    head = "" if body_only else f"-- rule: {name}\n-- description: {description}\n-- protects: {protects}\n{_HEADER}"
    return (
        f"{head}"
        f"WITH official (a, b) AS (VALUES\n    {values}\n)\n"
        f"SELECT\n    '{table}' AS \"table\",\n    x._row AS \"row\",\n    '{b}' AS \"column\",\n    CAST(x.{b} AS VARCHAR) AS \"value\",\n"
        f"    '{table} ' || x.{key} || ': ' || CAST(x.{b} AS VARCHAR) || ' does not go with ' || CAST(x.{a} AS VARCHAR)"
        f" || ' in the official list' AS detail\n"
        f"FROM {table} AS x\nWHERE x.{a} IS NOT NULL AND x.{b} IS NOT NULL\n"
        f"  AND NOT EXISTS (SELECT 1 FROM official AS o WHERE o.a = CAST(x.{a} AS VARCHAR) AND o.b = CAST(x.{b} AS VARCHAR))\n"
        f"ORDER BY 2\n"
    )


def pair_rules(vocab: dict) -> dict[str, str]:
    return {
        "crosswalk_pair_acled_sub_event.sql": _pair_rule(
            "crosswalk-pair-acled-sub-event", "An ACLED sub-event type in a crosswalk is one of its ACLED event type's (ACLED Codebook, Table 2).",
            "a sub-event type under the wrong event type, e.g. Arrests under Protests", "crosswalk_event_types_acled", "event_type",
            "acled_event_type", "acled_sub_event_type", vocab["acled_sub_events"]),
        "crosswalk_pair_plover_mode.sql": _pair_rule(
            "crosswalk-pair-plover-mode", "A PLOVER mode in a crosswalk is one of its PLOVER event type's (PLOVER manual 0.8, mode tables).",
            "a mode of another type, e.g. PROTEST with mode arrest", "crosswalk_event_types_plover", "event_type",
            "plover_event_type", "plover_mode", vocab["plover_modes"]),
        "crosswalk_pair_cameo_description.sql": _pair_rule(
            "crosswalk-pair-cameo-description", "A CAMEO description in a crosswalk is the description of its code (CAMEO to PLOVER table; CAMEO 1.1b3 outside it).",
            "a code and a description that do not belong together, e.g. after a code was changed and its description not", "crosswalk_event_types_cameo", "event_type",
            "cameo_code", "cameo_description", [(c, d) for c, ds in vocab["cameo"].items() for d in ds]),
        "crosswalk_pair_place_point.sql": _union_rule(
            "crosswalk-pair-place-point", "A place precision code in a crosswalk describes the kind of point of its row's "
            "coordinate_precision (ACLED Codebook, Spatial precision codes; UCDP GED Codebook, where_prec).",
            "a code of another kind of place, e.g. a region's admin centre mapped to ACLED's 'near a town' (2) or a city's point to GED's first-order division (4)",
            [_pair_rule("crosswalk-pair-place-point", "", "", table, "place_type", "coordinate_precision", column,
                        [(p, c) for c, points in sorted(cb.PLACE_POINTS[column].items()) for p in points], body_only=True)
             for table, column in (("crosswalk_place_precision_acled", "acled_geo_precision"),
                                   ("crosswalk_place_precision_ucdp", "ucdp_where_prec"))]),
        "crosswalk_pair_date_band.sql": _union_rule(
            "crosswalk-pair-date-band", "A date precision code in a crosswalk covers every interval length of its row "
            "(span_days_min..span_days_max) by the code's definition (ACLED Codebook, Time precision codes; UCDP GED "
            "Codebook, date_prec).",
            "a code of another length, e.g. Qantar's 2-6 day ranges mapped to GED's 'only the week is known' (3)",
            [_band_rule(table, column, cb.DATE_BANDS[column])
             for table, column in (("crosswalk_date_precision_acled", "acled_time_precision"),
                                   ("crosswalk_date_precision_ucdp", "ucdp_date_prec"))]),
        "crosswalk_pair_acled_inter_label.sql": _pair_rule(
            "crosswalk-pair-acled-inter-label", "An ACLED inter label in a crosswalk is the label of its inter code (ACLED Codebook, Actor names, types, and Inter codes).",
            "a label that says another category than its code", "crosswalk_actor_types_acled", "actor_type",
            "acled_inter_code", "acled_inter_label", sorted(vocab["acled_inter"].items())),
    }


def _basis_part(table: str, key: str, column: str, missing: str, why: str) -> str:
    """Rows of ``table`` whose ``column`` is set and whose basis does not name it (``missing`` is true)."""
    return (
        f"SELECT\n    '{table}' AS \"table\",\n    x._row AS \"row\",\n    '{column}' AS \"column\",\n"
        f"    CAST(x.{column} AS VARCHAR) AS \"value\",\n"
        f"    '{table} ' || x.{key} || ': the basis does not quote {why} ' || CAST(x.{column} AS VARCHAR) AS detail\n"
        f"FROM {table} AS x\nWHERE x.{column} IS NOT NULL AND x.basis IS NOT NULL\n  AND ({missing})\n"
    )


def basis_rule() -> str:
    """crosswalk-basis-names-target: a row's basis quotes the codebook entry of the code it maps to.

    The pair rules accept any official code; this one reads the row's own citation, so a code changed
    to another valid one (a riot to CAMEO 141, one-sided violence to GED's 1) while the basis still
    quotes the old entry fails. Each scheme's citations name a code in their own way, written here;
    ACLED's precision passages by the names codebooks.ACLED["precision_names"] gives each code.
    """
    names = cb.UCDP_GED["type_of_violence"]["names"]
    ucdp_names = ", ".join(f"({code}, {_lit(n)})" for code, ns in sorted(names.items()) for n in ns)

    def named(column: str) -> str:
        values = ", ".join(f"({code}, {_lit(n)})" for code, ns in sorted(cb.ACLED["precision_names"][column].items()) for n in ns)
        return (f"NOT EXISTS (SELECT 1 FROM (VALUES {values}) AS n (code, name) WHERE n.code = x.{column}"
                " AND strpos(lower(x.basis), n.name) > 0)")
    q = "''''"  # SQL for one quote mark
    parts = [
        _basis_part("crosswalk_event_types_cameo", "event_type", "cameo_code",
                    "NOT regexp_matches(x.basis, '(''|, )' || x.cameo_code || '(:| '')')", "the CAMEO code"),
        _basis_part("crosswalk_event_types_plover", "event_type", "plover_event_type",
                    r"NOT regexp_matches(x.basis, '\b' || x.plover_event_type || '\b')", "the PLOVER event type"),
        _basis_part("crosswalk_event_types_plover", "event_type", "plover_mode",
                    "strpos(x.basis, x.plover_mode || ':') = 0", "the definition of the PLOVER mode"),
        _basis_part("crosswalk_event_types_acled", "event_type", "acled_sub_event_type",
                    "strpos(x.basis, x.acled_sub_event_type || ':') = 0", "the definition of the ACLED sub-event type"),
        _basis_part("crosswalk_event_types_ucdp", "event_type", "ucdp_type_of_violence",
                    f"NOT EXISTS (SELECT 1 FROM (VALUES {ucdp_names}) AS n (code, name) WHERE n.code = x.ucdp_type_of_violence"
                    " AND strpos(lower(x.basis), n.name) > 0)", "the definition of the UCDP type of violence"),
        _basis_part("crosswalk_actor_types_acled", "actor_type", "acled_inter_code",
                    "NOT regexp_matches(x.basis, '(^|[^0-9])' || CAST(x.acled_inter_code AS VARCHAR) || ': ')",
                    "the heading of the ACLED inter code"),
        _basis_part("crosswalk_date_precision_acled", "date_precision", "acled_time_precision",
                    named("acled_time_precision"), "the passage of ACLED time_precision"),
        _basis_part("crosswalk_place_precision_acled", "place_type", "acled_geo_precision",
                    named("acled_geo_precision"), "the passage of ACLED geo_precision"),
        _basis_part("crosswalk_date_precision_ucdp", "date_precision", "ucdp_date_prec",
                    f"strpos(x.basis, {q} || CAST(x.ucdp_date_prec AS VARCHAR) || ':') = 0", "the definition of GED date_prec"),
        _basis_part("crosswalk_place_precision_ucdp", "place_type", "ucdp_where_prec",
                    f"strpos(x.basis, {q} || CAST(x.ucdp_where_prec AS VARCHAR) || ':') = 0", "the definition of GED where_prec"),
    ]
    return _union_rule(
        "crosswalk-basis-names-target", "A crosswalk row's basis quotes the codebook entry of the code it maps to: the "
        "CAMEO code's table line, the PLOVER type and the mode's definition, the ACLED sub-event type's, inter code's or "
        "precision code's (the code or the case its passage defines), the UCDP type's or precision code's.",
        "a code changed to another valid code of the same scheme while the citation still quotes the old one, e.g. a riot "
        "mapped to CAMEO 141 'Demonstrate or rally', a protest to ACLED's Violent demonstration, one-sided violence to "
        "GED's state-based conflict, a city's point to ACLED's geo_precision 2 while the basis quotes code 1", parts)


# ---- citations -------------------------------------------------------------------------------------

def citation_problems(root: Path) -> list[str]:
    """Each cameo2plover-2021:LINE '...' citation in a crosswalk's basis quotes that line of the table."""
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    norm = lambda s: re.sub(r"\s+", "", s)  # noqa: E731  the table pads its columns unevenly
    out = []
    for path in sorted((root / "data").glob("crosswalk_*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            for i, row in enumerate(csv.DictReader(f), 1):
                for no, quoted in CITATION.findall(row.get("basis") or ""):
                    line = norm(lines[int(no) - 1]) if 0 < int(no) <= len(lines) else ""
                    pos = 0
                    for piece in (norm(p) for p in quoted.split("...")):
                        at = line.find(piece, pos)
                        if piece and at < 0:
                            out.append(f"{path.stem} row {i}, column basis: cameo2plover-2021:{no} does not read {quoted!r}")
                            break
                        pos = max(pos, at)
    return out


def outputs(root: Path) -> dict[Path, str]:
    vocab = vocabularies()
    out = {root / "datapackage.json": descriptor(root, vocab)}
    for name, sql in pair_rules(vocab).items():
        out[root / "validators" / "sql" / name] = sql
    out[root / "validators" / "sql" / "crosswalk_basis_names_target.sql"] = basis_rule()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=HERE.parent.parent, help="the repository (default: the one holding this script)")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if a generated file would change")
    args = ap.parse_args(argv)
    problems = citation_problems(args.root)
    stale = []
    for path, text in outputs(args.root).items():
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old == text:
            continue
        if args.check:
            stale.append(str(path.relative_to(args.root)))
        else:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            os.replace(tmp, path)  # nothing half-written
            print(f"wrote {path.relative_to(args.root)}", file=sys.stderr)
    for line in problems:
        print(line, file=sys.stderr)
    for name in stale:
        print(f"{name} is not what build.py generates: run it (then `qantar stamp`)", file=sys.stderr)
    return 1 if problems or stale else 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except (OSError, KeyError, ValueError, json.JSONDecodeError) as exc:
        raise SystemExit(f"build.py: {type(exc).__name__}: {exc}")
