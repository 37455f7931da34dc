"""The home page: the generated parts of docs/index.md (its ``<!-- qantar:... -->`` markers), and its
schema.org Dataset JSON-LD block."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urljoin

from . import downloads
from .cite import citation_text, load_cff
from .data import Site
from .escape import json_script, md_text, url_path
from .links import mdref, table_src
from .render import fmt_int

SRC = "index.md"


def counts_table(site: Site) -> str:
    lines = ["| Table | Rows | What a row is |", "| --- | ---: | --- |"]
    for t in site.tables.values():
        lines.append(f"| [{md_text(t.name)}]({mdref(SRC, table_src(t.name))}) | {fmt_int(site.frame(t.name).height)} "
                     f"| {md_text(t.description)} |")
    total = sum(f.height for f in site.frames.values())
    lines.append(f"| **all tables** | **{fmt_int(total)}** | plus {len(site.package.files)} article copies |")
    return "\n".join(lines)


def download_list(site: Site) -> str:
    zip_name = downloads.zip_name(site)
    items = [
        f"- [:material-folder-zip: The whole package, <code>{md_text(zip_name)}</code>]({mdref(SRC, 'downloads/' + zip_name)}): "
        "`datapackage.json`, the CSVs and the article copies.",
        f"- [`datapackage.json`]({mdref(SRC, 'datapackage.json')}): the descriptor (schema, keys, hashes).",
    ]
    items.append("- The tables: " + ", ".join(
        f"[<code>{md_text(PurePosixPath(t.path).name)}</code>]({mdref(SRC, t.path)})"
        for t in site.tables.values() if t.path and site.read_bytes(t.path) is not None
    ) + ".")
    items.append(f"- [Every file with its SHA-256, and the release files]({mdref(SRC, downloads.SRC)}).")
    return "\n".join(items)


def replacements(site: Site) -> dict[str, str]:
    first = next(iter(site.tables.values()), None)
    return {
        "<!-- qantar:version -->": md_text(site.version),
        "<!-- qantar:title -->": md_text(site.title),
        "<!-- qantar:counts -->": counts_table(site),
        "<!-- qantar:downloads -->": download_list(site),
        "<!-- qantar:n_tables -->": str(len(site.tables)),
        "<!-- qantar:n_sources -->": str(len(site.rows("sources"))),
        "<!-- qantar:zip -->": md_text(downloads.zip_name(site)),
        "<!-- qantar:first_csv -->": md_text(first.path if first else ""),
    }


def fill(site: Site, markdown: str) -> str:
    """docs/index.md with its markers replaced; a multi-line value keeps the indentation of the line
    the marker is on (tabs, lists)."""
    for marker, value in replacements(site).items():
        markdown = re.sub(r"^([ \t]*)" + re.escape(marker), lambda m, v=value: m.group(1) + v.replace("\n", "\n" + m.group(1)),
                          markdown, flags=re.M)
        markdown = markdown.replace(marker, value)
    return markdown


def temporal(site: Site) -> str | None:
    dated = [e for e in site.typed_rows("events") if e.get("date_start")]
    if not dated:
        return None
    return f"{min(e['date_start'] for e in dated)}/{max(e.get('date_end') or e['date_start'] for e in dated)}"


def jsonld(site: Site, site_url: str | None) -> str:
    """The ``<script type="application/ld+json">`` block of the home page (absolute URLs with ``site_url``)."""
    d = site.package.raw
    base = site_url if site_url else None
    zip_name = downloads.zip_name(site)

    def url(path: str) -> str:
        return urljoin(base, url_path(path)) if base else url_path(path)

    cff = load_cff(site) or {}
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
    for t in site.tables.values():
        for f in t.fields:
            v: dict[str, Any] = {"@type": "PropertyValue", "name": f"{t.name}.{f.name}", "description": f.description or ""}
            if f.categories:
                v["valueReference"] = [{"@type": "PropertyValue", "value": e} for e in f.categories]
            variables.append(v)
    dist = [
        {"@type": "DataDownload", "name": zip_name, "encodingFormat": "application/zip", "contentUrl": url(f"downloads/{zip_name}")},
        {"@type": "DataDownload", "name": "datapackage.json", "encodingFormat": "application/json", "contentUrl": url("datapackage.json")},
    ]
    for t in site.tables.values():
        if t.path is None:
            continue
        dd = {
            "@type": "DataDownload",
            "name": PurePosixPath(t.path).name,
            "description": t.description or "",
            "encodingFormat": t.raw.get("mediatype", "text/csv"),
            "contentUrl": url(t.path),
        }
        if t.bytes:
            dd["contentSize"] = f"{t.bytes} B"
        if t.hash_algorithm == "sha256":
            dd["sha256"] = t.hash_hex
        dist.append(dd)
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": d.get("title") or d.get("name"),
        "alternateName": d.get("name"),
        "description": d.get("description"),
        "version": site.version,
        "license": lic.get("path") or lic.get("name"),
        "keywords": d.get("keywords", []),
        "creator": creators,
        "citation": citation_text(site),
        "isAccessibleForFree": True,
        "inLanguage": sorted({s.get("language") for s in site.rows("sources") if s.get("language")}) or None,
        "temporalCoverage": temporal(site),
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
