"""Generated parts of the home page, and its schema.org Dataset JSON-LD block."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from .cite import citation_text, load_cff
from .data import Package, mdref, table_src
from .escape import json_script, md_text, url_path
from .render import fmt_int

SRC = "index.md"


def counts_table(pkg: Package) -> str:
    lines = ["| Table | Rows | What a row is |", "| --- | ---: | --- |"]
    for t in pkg.tables.values():
        desc = md_text(t.resource.get("description", ""))
        lines.append(f"| [{md_text(t.name)}]({mdref(SRC, table_src(t.name))}) | {fmt_int(len(t))} | {desc} |")
    total = sum(len(t) for t in pkg.tables.values())
    lines.append(f"| **all tables** | **{fmt_int(total)}** | plus {len(pkg.files)} article copies |")
    return "\n".join(lines)


def download_list(pkg: Package, zip_name: str | None) -> str:
    items = []
    if zip_name:
        items.append(f"- [:material-folder-zip: The whole package, <code>{md_text(zip_name)}</code>]({mdref(SRC, 'downloads/' + zip_name)}): "
                     "`datapackage.json`, the CSVs and the article copies.")
    items.append(f"- [`datapackage.json`]({mdref(SRC, 'datapackage.json')}): the descriptor (schema, keys, hashes).")
    items.append("- The tables: " + ", ".join(
        f"[<code>{md_text(Path(t.path).name)}</code>]({mdref(SRC, t.path)})" for t in pkg.tables.values()
    ) + ".")
    return "\n".join(items)


def replacements(pkg: Package, zip_name: str | None) -> dict[str, str]:
    first = next(iter(pkg.tables.values()), None)
    return {
        "<!-- qantar:version -->": md_text(pkg.version),
        "<!-- qantar:title -->": md_text(pkg.title),
        "<!-- qantar:counts -->": counts_table(pkg),
        "<!-- qantar:downloads -->": download_list(pkg, zip_name),
        "<!-- qantar:n_tables -->": str(len(pkg.tables)),
        "<!-- qantar:n_sources -->": str(len(pkg.rows("sources"))),
        "<!-- qantar:zip -->": md_text(zip_name or ""),
        "<!-- qantar:first_csv -->": md_text(first.path if first else ""),
    }


def temporal(pkg: Package) -> str | None:
    starts = [e["date_start"] for e in pkg.rows("events") if e.get("date_start")]
    ends = [e.get("date_end") or e["date_start"] for e in pkg.rows("events") if e.get("date_start")]
    return f"{min(starts)}/{max(ends)}" if starts else None


def jsonld(pkg: Package, site_url: str | None, zip_name: str | None, page_url_of_home: str = "index.html") -> str:
    d = pkg.descriptor
    base = site_url if site_url else None

    def url(path: str) -> str:
        return urljoin(base, url_path(path)) if base else url_path(path)

    cff = load_cff(pkg.root) or {}
    creators: list[dict[str, Any]] = []
    for a in cff.get("authors") or []:
        if isinstance(a, dict) and a.get("family-names"):
            p = {"@type": "Person", "familyName": a["family-names"], "name": f"{a.get('given-names', '')} {a['family-names']}".strip()}
            if a.get("given-names"):
                p["givenName"] = a["given-names"]
            if a.get("orcid"):
                p["sameAs"] = a["orcid"]
            creators.append(p)
        elif isinstance(a, dict) and a.get("name"):
            creators.append({"@type": "Organization", "name": a["name"]})
    if not creators:
        for c in d.get("contributors", []):
            roles = c.get("roles") or []
            if not roles or "creator" in roles:
                creators.append({"@type": "Organization" if not c.get("familyName") else "Person", "name": c.get("title", "")})
    lic = (d.get("licenses") or [{}])[0]
    variables = []
    for t in pkg.tables.values():
        for f in t.fields:
            v: dict[str, Any] = {"@type": "PropertyValue", "name": f"{t.name}.{f['name']}", "description": f.get("description", "")}
            enum = (f.get("constraints") or {}).get("enum")
            if enum:
                v["valueReference"] = [{"@type": "PropertyValue", "value": e} for e in enum]
            variables.append(v)
    dist = []
    if zip_name:
        dist.append({"@type": "DataDownload", "name": zip_name, "encodingFormat": "application/zip", "contentUrl": url(f"downloads/{zip_name}")})
    dist.append({"@type": "DataDownload", "name": "datapackage.json", "encodingFormat": "application/json", "contentUrl": url("datapackage.json")})
    for t in pkg.tables.values():
        dd = {
            "@type": "DataDownload",
            "name": Path(t.path).name,
            "description": t.resource.get("description", ""),
            "encodingFormat": t.resource.get("mediatype", "text/csv"),
            "contentUrl": url(t.path),
        }
        if t.resource.get("bytes"):
            dd["contentSize"] = f"{t.resource['bytes']} B"
        if str(t.resource.get("hash", "")).startswith("sha256:"):
            dd["sha256"] = t.resource["hash"].split(":", 1)[1]
        dist.append(dd)
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": d.get("title") or d.get("name"),
        "alternateName": d.get("name"),
        "description": d.get("description"),
        "version": pkg.version,
        "license": lic.get("path") or lic.get("name"),
        "keywords": d.get("keywords", []),
        "creator": creators,
        "citation": citation_text(pkg),
        "isAccessibleForFree": True,
        "inLanguage": sorted({s.get("language") for s in pkg.rows("sources") if s.get("language")}) or None,
        "temporalCoverage": temporal(pkg),
        "spatialCoverage": {"@type": "Place", "name": "Kazakhstan"},
        "variableMeasured": variables,
        "distribution": dist,
    }
    if d.get("created"):
        data["dateCreated"] = d["created"]
    if base:
        data["url"] = base
    if cff.get("doi"):
        data["identifier"] = f"https://doi.org/{cff['doi']}"
    data = {k: v for k, v in data.items() if v is not None}
    return f'<script type="application/ld+json">\n{json_script(data)}\n</script>'
