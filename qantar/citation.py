"""How to cite the data: CITATION.cff, BibTeX and APA, all from ``datapackage.json``.

One source of truth: the descriptor gives the title, version, release date (``created``),
abstract (``description``), keywords, licence and authors (``contributors`` with the role
``creator``); its ``sources`` table gives the five articles, listed as ``references``.
``CITATION.cff`` and ``.zenodo.json`` (what Zenodo reads to mint a release's DOI) at the repository
root are this module's output (``qantar release --citation`` writes them, ``qantar release --bump``
rewrites them, tests keep them identical), so the files, ``qantar.cite()`` and the documentation
site cannot disagree. The DOI and the URL come from the descriptor's ``id`` and ``homepage`` (Data
Package v2) once they are set; until then no citation carries either (``NO_DOI``). ``bibtex`` and ``apa`` also
format any CFF mapping (the documentation site passes the parsed ``CITATION.cff``).

The package is read through the model (``qantar.model``), the sources table by the loader
(``qantar.loader.read``, typed): a broken table is the loader's ``DataError``, naming the row.

Standard library only beyond qantar's own (the base install has no YAML library): the CFF is
written here, every string double-quoted in YAML's JSON-compatible form, which the CFF schema
validates as given.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from qantar import loader, model
from qantar.errors import DataError

CFF_VERSION = "1.2.0"
#: The Python package's code licence (LICENSE); the data's licence comes from the descriptor.
CODE_LICENSE = "MIT"
STYLES = ("apa", "bibtex", "cff")
#: The table whose rows are the articles (one reference each).
SOURCES = "sources"


def metadata(root: str | Path | None = None) -> dict[str, Any]:
    """The citation of the data package at ``root`` (default: the installed data), as CFF."""
    package = model.current() if root is None else model.read(root)
    d = package.raw
    licence = next((x.get("name") for x in d.get("licenses") or [] if isinstance(x, dict) and x.get("name")), None)
    cff: dict[str, Any] = {
        "cff-version": CFF_VERSION,
        "message": (
            "If you use this dataset, please cite it using these metadata, with the version you used. "
            f"The data are licensed {licence}; the code of the qantar Python package is {CODE_LICENSE}-licensed; "
            "the article texts under articles/ remain their publishers' work."
        ),
        "type": "dataset",
        "title": package.title or package.name,
        "version": package.version,
        "date-released": str(d.get("created") or "")[:10] or None,
        "authors": _authors(d.get("contributors") or []),
        "abstract": d.get("description"),
        "keywords": d.get("keywords"),
        "license": licence,
    }
    found = doi(d.get("id"))
    if found:
        cff["doi"] = found
    elif isinstance(d.get("id"), str) and d["id"].startswith("https://"):
        cff["identifiers"] = [{"type": "url", "value": d["id"], "description": "the identifier of the data package"}]
    if d.get("homepage"):
        cff["url"] = d["homepage"]
    cff["references"] = _references(package)
    return {k: v for k, v in cff.items() if v not in (None, [], "")}


_DOI = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)?(10\.\d{4,9}/\S+)$", re.I)


def doi(value: object) -> str | None:
    """The DOI in a descriptor's ``id`` (``10.5281/zenodo.1``, ``doi:...`` or ``https://doi.org/...``), else ``None``.

    Data Package v2 reserves ``id`` for a globally unique identifier such as a DOI: the DOI minted
    for a release goes there, and from there into every citation. Nothing is ever made up meanwhile.
    """
    match = _DOI.match(value.strip()) if isinstance(value, str) else None
    return match[1] if match else None


NO_DOI = "no DOI yet: cite the version number"
#: What Zenodo reads, instead of CITATION.cff, when it archives a GitHub release and mints its DOI.
ZENODO = ".zenodo.json"


def _authors(contributors: list[Any]) -> list[dict[str, str]]:
    out = []
    for c in contributors:
        if not isinstance(c, dict):
            continue
        roles = c.get("roles") or ([c["role"]] if c.get("role") else [])
        if roles and not {"creator", "author"} & set(roles):
            continue
        if c.get("familyName"):
            out.append({"family-names": c["familyName"], "given-names": c.get("givenName", "")})
        else:
            out.append({"name": c.get("title") or c.get("name") or "anonymous"})
    return out or [{"name": "The Qantar contributors"}]


def _sources(package: model.Package) -> list[dict[str, Any]]:
    """The typed rows of the sources table; none when the package has no such table (or file)."""
    table = package.tables.get(SOURCES)
    if table is None:
        return []
    try:
        return loader.read(package, table).to_dicts()
    except DataError as exc:
        if exc.problem == "file is missing":
            return []
        raise


def _references(package: model.Package) -> list[dict[str, Any]]:
    """One reference per row of the sources table (the articles), when the package has one."""
    out = []
    for row in _sources(package):
        notes = [f"English title: {row['title_en']}."] if row.get("title_en") else []
        if row.get("outlet"):
            basis = row.get("outlet_basis")
            stated = basis == "stated"
            notes.append("Outlet stated in the copy." if stated else f"Outlet {basis or 'inferred'} (see data/sources.csv).")
        else:
            notes.append("Outlet unknown.")
        if row.get("original_outlet"):
            kind = {"translation": "A translation of", "repost": "A repost of"}.get(row.get("genre") or "", "Closely follows")
            notes.append(f"{kind} an article by {row['original_outlet']}.")
        if row.get("published_date_basis") and row["published_date_basis"] != "printed":
            low, high = row.get("published_date_min"), row.get("published_date_max")
            notes.append(f"Publication date {row['published_date_basis']}: "
                         + (f"{low}." if low == high else f"between {low} and {high}."))
        if row.get("sha256"):
            notes.append(f"Byte-for-byte copy in the package, sha256 {row['sha256']}.")
        published = row.get("published_date")
        ref: dict[str, Any] = {
            "type": "newspaper-article" if row.get("outlet") else "article",
            "authors": [{"name": row["author"]} if row.get("author") else {"name": "anonymous"}],
            "title": row.get("title"),
            "date-published": published.isoformat() if published else None,
            "year": published.year if published else None,
            "publisher": {"name": row["outlet"]} if row.get("outlet") else None,
            "languages": [row["language"]] if row.get("language") else None,
            "filename": row.get("path"),
            "notes": " ".join(notes),
        }
        out.append({k: v for k, v in ref.items() if v not in (None, [], "")})
    return out


# --- CFF (YAML) --------------------------------------------------------------------------

_YAML_UNSAFE = {"\u0085": "\\N", "\u2028": "\\L", "\u2029": "\\P", "\ufeff": "\\uFEFF"}


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = json.dumps(str(value), ensure_ascii=False)  # a valid YAML double-quoted scalar
    return "".join(_YAML_UNSAFE.get(ch, ch) for ch in text)


def _lines(mapping: dict[str, Any], indent: int) -> list[str]:
    pad = " " * indent
    out = []
    for key, value in mapping.items():
        if isinstance(value, dict):
            out.append(f"{pad}{key}:")
            out += _lines(value, indent + 2)
        elif isinstance(value, list):
            out.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    inner = _lines(item, indent + 4)
                    out.append(f"{pad}  - {inner[0].lstrip()}")
                    out += inner[1:]
                else:
                    out.append(f"{pad}  - {_scalar(item)}")
        else:
            out.append(f"{pad}{key}: {_scalar(value)}")
    return out


def to_cff(cff: dict[str, Any]) -> str:
    """The CITATION.cff text of a CFF mapping (key order kept, every string quoted)."""
    header = "# Generated from datapackage.json by `qantar release --citation`: edit the descriptor, not this file.\n"
    return header + "\n".join(_lines(cff, 0)) + "\n"


# --- BibTeX and APA ------------------------------------------------------------------------

def _names(cff: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(family or entity name, given names) of each author."""
    out = []
    for a in cff.get("authors") or []:
        if not isinstance(a, dict):
            continue
        if a.get("family-names"):
            family = " ".join(x for x in (a.get("name-particle"), a["family-names"], a.get("name-suffix")) if x)
            out.append((family, a.get("given-names") or None))
        elif a.get("name"):
            out.append((str(a["name"]), None))
    return out


def _target(cff: dict[str, Any]) -> dict[str, Any]:
    preferred = cff.get("preferred-citation")
    return preferred if isinstance(preferred, dict) else cff


def _get(cff: dict[str, Any], key: str) -> Any:
    return _target(cff).get(key) or cff.get(key)


def _year(cff: dict[str, Any]) -> str:
    date = str(_get(cff, "date-released") or _get(cff, "year") or "")
    return date[:4] if re.match(r"^\d{4}", date) else "n.d."


_BIBTEX_SPECIAL = re.compile(r"([&%$#_])")


def _tex(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)


def bibtex(cff: dict[str, Any]) -> str:
    """A BibTeX ``@misc`` entry (entity authors braced so BibTeX keeps them whole)."""
    names = _names(_target(cff)) or _names(cff)
    authors = " and ".join(f"{{{_tex(fam)}}}" if given is None else f"{_tex(fam)}, {_tex(given)}" for fam, given in names)
    version = _get(cff, "version")
    key = "qantar" + (f"_{version}".replace(".", "_") if version else "")
    fields = [("author", authors), ("title", _tex(str(_get(cff, "title") or ""))), ("year", _year(cff))]
    if version:
        fields.append(("version", str(version)))
    publisher = _target(cff).get("publisher")
    if publisher:
        fields.append(("publisher", _tex(publisher.get("name") if isinstance(publisher, dict) else str(publisher))))
    if _get(cff, "doi"):
        fields.append(("doi", str(_get(cff, "doi"))))
    url = _get(cff, "url") or cff.get("repository-code")
    if url:
        fields.append(("url", str(url)))
    fields.append(("note", "Dataset" + (f", version {version}" if version else "")))
    body = ",\n".join(f"  {k:<9}= {{{v}}}" for k, v in fields if v)
    return f"@misc{{{key},\n{body}\n}}"


def apa(cff: dict[str, Any], *, markdown: bool = False) -> str:
    """An APA 7 reference for a data set; ``markdown`` puts the title in ``*italics*``."""
    names = _names(_target(cff)) or _names(cff)

    def one(family: str, given: str | None) -> str:
        if not given:
            return family
        return f"{family}, " + " ".join(p[0] + "." for p in re.split(r"[\s-]+", given) if p)

    parts = [one(f, g) for f, g in names]
    authors = (", ".join(parts[:-1]) + ", & " + parts[-1]) if len(parts) > 1 else (parts[0] if parts else "Anonymous")
    title = str(_get(cff, "title") or "")
    text = f"{authors}{'' if authors.endswith('.') else '.'} ({_year(cff)}). " + (f"*{title}*" if markdown else title)
    version = _get(cff, "version")
    if version:
        text += f" (Version {version})"
    text += " [Data set]."
    if _get(cff, "doi"):
        text += f" https://doi.org/{_get(cff, 'doi')}"
    elif _get(cff, "url") or cff.get("repository-code"):
        text += f" {_get(cff, 'url') or cff.get('repository-code')}"
    return text


# --- Zenodo ----------------------------------------------------------------------------------

def zenodo(cff: dict[str, Any]) -> dict[str, Any]:
    """The ``.zenodo.json`` of a CFF mapping: what Zenodo reads (instead of CITATION.cff) when a
    GitHub release is archived and its DOI minted. Nothing that the descriptor does not say."""
    creators = []
    for family, given in _names(cff):
        creators.append({"name": f"{family}, {given}" if given else family})
    out: dict[str, Any] = {
        "upload_type": "dataset",
        "title": cff.get("title"),
        "version": cff.get("version"),
        "publication_date": cff.get("date-released"),
        "description": cff.get("abstract"),
        "creators": creators,
        "keywords": cff.get("keywords"),
        "license": str(cff["license"]).lower() if cff.get("license") else None,
        "access_right": "open",
        "notes": cff.get("message"),
    }
    related = []
    if cff.get("url"):
        related.append({"identifier": cff["url"], "relation": "isDocumentedBy", "scheme": "url"})
    if cff.get("doi"):  # the version's own DOI, when the descriptor has one: Zenodo keeps it
        out["doi"] = cff["doi"]
    if related:
        out["related_identifiers"] = related
    return {k: v for k, v in out.items() if v not in (None, [], "")}


def to_zenodo(cff: dict[str, Any]) -> str:
    """The text of ``.zenodo.json`` (indent 2, UTF-8, final newline)."""
    return json.dumps(zenodo(cff), indent=2, ensure_ascii=False) + "\n"


def cite(style: str = "apa", *, root: str | Path | None = None) -> str:
    """The citation of the installed data (or of the package at ``root``) in ``style``:
    ``"apa"``, ``"bibtex"`` or ``"cff"`` (the text of CITATION.cff)."""
    if style not in STYLES:
        raise ValueError(f"citation style must be one of {', '.join(STYLES)}, not {style!r}")
    cff = metadata(root)
    if style == "cff":
        return to_cff(cff)
    return bibtex(cff) if style == "bibtex" else apa(cff)
