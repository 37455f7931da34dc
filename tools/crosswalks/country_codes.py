"""Numeric ISO 3166-1, Correlates of War and Gleditsch-Ward codes for every country code in the package.

    python tools/crosswalks/country_codes.py [--root .] [--check]

Collects every value of every `country_code` column in the package's tables (so a new table with
country codes is covered without a change here), and requires one for every state actor and every
country or former-country place. Looks each code up by its ISO alpha-3 code only, never by name:
  - ISO numeric from pycountry (ISO 3166-1, or ISO 3166-3 for a former country);
  - COW and GW numbers and abbreviations from countrycode (the Python port of R's countrycode, whose
    dictionary carries them; country_converter has GW but no COW);
  - cross-checks: country_converter's ISOnumeric and GWcode, and countrycode's iso3n, must agree
    where they have a value; a disagreement stops the script.
A value a library lacks is left empty and the row's note says so; nothing is inferred. Offline and
deterministic: the libraries read their own bundled data, rows are sorted by code.
"""

import argparse
import csv
import importlib.metadata as md
import io
import logging
import math
import sys
from pathlib import Path

import country_converter as coco
import pycountry
from countrycode import countrycode

FIELDS = ["country_code", "iso_numeric", "cow_numeric", "cow_alpha", "gw_numeric", "gw_alpha", "codes_reference", "note"]
REFERENCE = (
    f"ISO 3166 numeric via pycountry {md.version('pycountry')}; "
    f"COW and Gleditsch-Ward via countrycode {md.version('countrycode')}; "
    f"cross-checked with country_converter {md.version('country_converter')}"
)


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def used_codes(data):
    """{code: [where it is used]}; raises if a state actor or country place has no code."""
    codes, missing = {}, []
    for path in sorted(p for p in data.glob("*.csv") if p.name != "country_codes.csv"):
        for i, row in enumerate(read_rows(path), 2):
            code = row.get("country_code") or ""
            key = next(iter(row.values()))
            if code:
                codes.setdefault(code, []).append(f"{path.stem}:{key}")
            elif (path.stem == "actors" and row.get("actor_type") == "state") or (
                path.stem == "places" and row.get("place_type") in ("country", "historical_country")
            ):
                missing.append(f"{path.name} row {i} ({key}), column country_code: a state or country needs a code")
    if missing:
        raise SystemExit("\n".join(missing))
    return codes


def names_for(data, code):
    """English names the package gives a code's state actor or country place (for the note only)."""
    names = []
    for table, kind in (("actors", "actor_type"), ("places", "place_type")):
        for row in read_rows(data / f"{table}.csv"):
            if row.get("country_code") == code and row.get(kind) in ("state", "country", "historical_country"):
                if row["name_en"] not in names:
                    names.append(row["name_en"])
    return names


def present(value):
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def lookup(code, converter, data):
    notes = []
    iso = pycountry.countries.get(alpha_3=code)
    former = iso is None
    if former:
        iso = pycountry.historic_countries.get(alpha_3=code)
    iso_numeric = int(iso.numeric) if iso else None
    if iso is None:
        notes.append(f"pycountry has no ISO 3166-1 or 3166-3 entry for {code}")
    elif former:
        notes.append(f"ISO 3166-3 (withdrawn {iso.withdrawal_date}): {iso.name}")
        if getattr(iso, "comment", None):
            notes.append(f"pycountry's comment: {iso.comment}")

    cc = {d: countrycode(code, "iso3c", d) for d in ("cown", "cowc", "gwn", "gwc", "iso3n")}
    lacking = [d for d in ("cown", "cowc", "gwn", "gwc") if cc[d] is None]
    if lacking:
        msg = f"countrycode {md.version('countrycode')} has no {'/'.join(lacking)} for iso3c {code}; left empty, not inferred"
        # Say what a name lookup would give, so that a reviewer can decide; it is not used.
        for name in names_for(data, code):
            by_name = {d: countrycode(name, "country.name", d) for d in ("cown", "cowc", "gwn", "gwc")}
            if any(v is not None for v in by_name.values()):
                found = ", ".join(f"{d} {v}" for d, v in by_name.items() if v is not None)
                msg += f"; a lookup by the name '{name}' would give {found}, not used since codes are looked up by ISO code only"
        notes.append(msg)

    row = converter.data[converter.data.ISO3 == code]
    co_iso = int(row.ISOnumeric.iloc[0]) if len(row) and present(row.ISOnumeric.iloc[0]) else None
    co_gw = int(row.GWcode.iloc[0]) if len(row) and present(row.GWcode.iloc[0]) else None
    for label, ours, theirs in (
        ("ISO numeric (country_converter)", iso_numeric, co_iso),
        ("ISO numeric (countrycode iso3n)", iso_numeric, cc["iso3n"]),
        ("GW number (country_converter)", cc["gwn"], co_gw),
    ):
        if ours is not None and theirs is not None and ours != theirs:
            raise SystemExit(f"{code}: {label} is {theirs}, the source library says {ours}; check by hand")
    if not len(row):
        notes.append(f"country_converter {md.version('country_converter')} has no row for {code}")
    elif co_gw is None and cc["gwn"] is None:
        notes.append("country_converter has no GW code either")

    return {
        "country_code": code,
        "iso_numeric": iso_numeric,
        "cow_numeric": cc["cown"],
        "cow_alpha": cc["cowc"],
        "gw_numeric": cc["gwn"],
        "gw_alpha": cc["gwc"],
        "codes_reference": REFERENCE,
        "note": "; ".join(notes) + ("." if notes else ""),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent.parent, help="the repository")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if data/country_codes.csv would change")
    args = ap.parse_args()
    args.data, args.out = args.root / "data", args.root / "data" / "country_codes.csv"
    for table in ("actors", "places"):
        if not (args.data / f"{table}.csv").is_file():
            raise SystemExit(f"country_codes.py: {args.data} has no {table}.csv; point --data at the package's data/ folder")
    logging.getLogger("country_converter").setLevel(logging.ERROR)
    converter = coco.CountryConverter(include_obsolete=True)
    rows = [lookup(code, converter, args.data) for code in sorted(used_codes(args.data))]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=FIELDS, lineterminator="\n")
    w.writeheader()
    w.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in rows)
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == buf.getvalue()
        print(f"data/country_codes.csv {'is' if same else 'is NOT'} what the libraries give", file=sys.stderr)
        raise SystemExit(0 if same else 1)
    tmp = args.out.with_suffix(".csv.tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8", newline="")
    tmp.replace(args.out)  # nothing half-written
    print(f"{len(rows)} country codes -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    try:
        main()
    except (OSError, KeyError, ValueError) as exc:
        raise SystemExit(f"country_codes.py: {type(exc).__name__}: {exc}")
