"""The Datasette metadata of the SQLite export, generated from the descriptor (``qantar browse``).

* the package's title, description and licence; each table's description and its columns'
  descriptions;
* a label column for every table that has a naming column (``LABELS``, first match), so that
  Datasette shows names beside the foreign keys that point at the table;
* facets on every vocabulary column (a closed list of values in the descriptor);
* canned queries: events by date (with their type and place), claims by source (every
  ``claim`` span of every table, counted per source) and the claims of one source.

The queries are built from the model: a new quoted table joins "claims by source" by its
``"qantar:spans"`` declaration alone.
"""

from __future__ import annotations

from typing import Any

from qantar.model import Package

DATABASE = "qantar"  # the stem of qantar.export.SQLITE_NAME: Datasette names the database after it
LABELS = ("label", "name_en", "name", "title_en", "title")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def label_column(package: Package, table: str) -> str | None:
    names = package.tables[table].field_names
    return next((c for c in LABELS if c in names), None)


def claims_sql(package: Package) -> str | None:
    """One row per claim of any table: table, row key, source, quote, translation."""
    parts = []
    for table in package.tables.values():
        for span in table.spans_of("claim"):
            key = " || ',' || ".join(f"CAST({_q(c)} AS TEXT)" for c in table.primary_key) or "rowid"
            translation = _q(span.translation) if span.translation else "NULL"
            parts.append(
                f"SELECT '{table.name}' AS table_name, {key} AS row_key, {_q(span.source)} AS source_id, "
                f"{_q(span.text)} AS quote, {translation} AS quote_en FROM {_q(table.name)} WHERE {_q(span.text)} IS NOT NULL"
            )
    return "\nUNION ALL\n".join(parts) or None


def queries(package: Package) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    tables = package.tables
    if "events" in tables and tables["events"].has("event_id", "date_start", "date_end", "event_type"):
        joins, columns = [], ["e.event_id", "e.date_start", "e.date_end", "e.event_type"]
        if "event_types" in tables and label_column(package, "event_types"):
            joins.append("LEFT JOIN event_types t ON t.event_type = e.event_type")
            columns.append(f"t.{_q(label_column(package, 'event_types'))} AS event_type_label")  # type: ignore[arg-type]
        if "places" in tables and tables["events"].has("place_id") and label_column(package, "places"):
            joins.append("LEFT JOIN places p ON p.place_id = e.place_id")
            columns.append(f"p.{_q(label_column(package, 'places'))} AS place")  # type: ignore[arg-type]
        if tables["events"].has("summary_en"):
            columns.append("e.summary_en")
        out["events_by_date"] = {
            "title": "Events by date",
            "description": "Every event from its earliest possible date on, with its type and place.",
            "sql": f"SELECT {', '.join(columns)}\nFROM events e\n" + "".join(j + "\n" for j in joins)
            + "ORDER BY e.date_start, e.date_end, e.event_id",
        }
    claims = claims_sql(package)
    if claims:
        out["claims_by_source"] = {
            "title": "Claims by source",
            "description": "How many quoted claims each article supports, per table.",
            "sql": f"SELECT source_id, table_name, count(*) AS claims\nFROM (\n{claims}\n)\n"
            "GROUP BY source_id, table_name ORDER BY source_id, table_name",
        }
        out["claims_of_source"] = {
            "title": "Claims of one source",
            "description": "Every quoted claim of one article (give its source_id), with its translation.",
            "sql": f"SELECT table_name, row_key, quote, quote_en\nFROM (\n{claims}\n)\nWHERE source_id = :source_id\n"
            "ORDER BY table_name, row_key",
        }
    return out


def metadata(package: Package) -> dict[str, Any]:
    """Datasette's ``metadata.json`` for ``qantar.sqlite``."""
    raw = package.raw
    licenses = [lic for lic in raw.get("licenses", []) if isinstance(lic, dict)]
    tables: dict[str, Any] = {}
    for name, table in package.tables.items():
        entry: dict[str, Any] = {}
        if table.title:
            entry["title"] = table.title
        if table.description:
            entry["description"] = table.description
        entry["columns"] = {f.name: f.description for f in table.fields if f.description}
        label = label_column(package, name)
        if label:
            entry["label_column"] = label
        facets = [f.name for f in table.fields if f.categories is not None]
        if facets:
            entry["facets"] = facets
        tables[name] = entry
    tables["qantar_metadata"] = {"description": "The package's name, version and descriptor (datapackage.json)."}
    out: dict[str, Any] = {
        "title": package.title or package.name,
        "description": raw.get("description"),
        "databases": {DATABASE: {"tables": tables, "queries": queries(package)}},
    }
    if licenses:
        out["license"] = licenses[0].get("name")
        out["license_url"] = licenses[0].get("path")
    return {k: v for k, v in out.items() if v is not None}
