"""Which fields of a matched pair are compared, how, and what kind of disagreement a difference is.

Measures:

* ``nominal``: a category (a vocabulary value or a code); Krippendorff's alpha (nominal) and the
  share of equal values. An empty cell is a category of its own (``∅``): leaving a place or an
  intermediary empty is a coding decision.
* ``ref``: a reference to another table (an event's place, a statement's speaker); the second
  coding's value is replaced by the first-coding id it was aligned with, then treated as nominal.
  A reference to a row that was aligned with nothing can never agree.
* ``text``: free text compared after folding case, spaces and punctuation (outlet names); nominal.
* ``exact``: a value (a number, a date); the share of pairs with the same value (both empty agrees).
* ``interval``: two columns (start, end); the share with both ends equal, and the share whose
  intervals overlap.

``kind`` is the class the disagreement list gives a difference in that field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EMPTY = "∅"


@dataclass(frozen=True)
class Field:
    name: str                 # name in the reports (the column, or start..end for an interval)
    measure: str              # nominal | ref | text | exact | interval
    columns: tuple[str, ...]
    kind: str
    refers: str | None = None  # for ref: the table pointed to


def _f(name, measure, kind, columns=None, refers=None):
    return Field(name, measure, tuple(columns or (name,)), kind, refers)


FIELDS: dict[str, tuple[Field, ...]] = {
    "sources": (
        _f("genre", "nominal", "type"),
        _f("outlet_basis", "nominal", "provenance"),
        _f("outlet", "text", "provenance"),
        _f("original_outlet", "text", "provenance"),
        _f("author", "text", "provenance"),
        _f("byline_as_printed", "text", "provenance"),
        _f("language", "nominal", "code"),
        _f("published_date_basis", "nominal", "date"),
        _f("published_date", "exact", "date"),
        _f("published_date_min..max", "interval", "date", ("published_date_min", "published_date_max")),
    ),
    "actors": (
        _f("actor_type", "nominal", "type"),
        _f("country_code", "nominal", "code"),
        _f("affiliation_id", "ref", "link", refers="actors"),
        _f("mention_context", "nominal", "context"),
    ),
    "places": (
        _f("place_type", "nominal", "type"),
        _f("country_code", "nominal", "code"),
        _f("subdivision_code", "nominal", "code"),
        _f("coordinate_precision", "nominal", "code"),
        _f("geonames_id", "exact", "code"),
        _f("mention_context", "nominal", "context"),
    ),
    "events": (
        _f("event_type", "nominal", "type"),
        _f("status", "nominal", "status"),
        _f("date_precision", "nominal", "date"),
        _f("date_basis", "nominal", "date"),
        _f("date_start..end", "interval", "date", ("date_start", "date_end")),
        _f("place_id", "ref", "place", refers="places"),
    ),
    "event_actors": (
        _f("role", "nominal", "role"),
    ),
    "figures": (
        _f("measure", "nominal", "measure"),
        _f("qualifier", "nominal", "number"),
        _f("unit", "nominal", "number"),
        _f("value", "exact", "number"),
        _f("value_low", "exact", "number"),
        _f("value_high", "exact", "number"),
        _f("ref_date_start..end", "interval", "date", ("ref_date_start", "ref_date_end")),
        _f("event_id", "ref", "link", refers="events"),
        _f("actor_id", "ref", "link", refers="actors"),
        _f("place_id", "ref", "place", refers="places"),
        _f("asserted_by_id", "ref", "attribution", refers="actors"),
    ),
    "statements": (
        _f("speaker_id", "ref", "attribution", refers="actors"),
        _f("intermediary_id", "ref", "attribution", refers="actors"),
        _f("speech_mode", "nominal", "speech_mode"),
        _f("channel", "text", "attribution"),
        _f("date_precision", "nominal", "date"),
        _f("date_start..end", "interval", "date", ("date_start", "date_end")),
        _f("event_id", "ref", "link", refers="events"),
    ),
    "memberships": (
        _f("role", "nominal", "role"),
        _f("as_of_date", "exact", "date"),
    ),
    "exclusions": (
        _f("reason", "nominal", "reason"),
    ),
    "discrepancies": (
        _f("kind", "nominal", "type"),
        _f("subject_table", "nominal", "link"),
    ),
}

# Fields whose English translation is screened for a changed tense, modality, negation or hedge
# (the quote_en of a matched pair whose Indonesian passages are nearly the same).
TRANSLATED = {"events", "figures", "statements", "memberships", "discrepancies"}


def text_key(value: str | None) -> str:
    if value is None:
        return EMPTY
    folded = re.sub(r"[\W_]+", "", value.casefold())
    return folded or EMPTY


def plain(value: str | None) -> str:
    return EMPTY if value is None else value.strip()
