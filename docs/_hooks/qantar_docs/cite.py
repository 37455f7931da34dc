"""How to cite: BibTeX, APA and CFF, from CITATION.cff when the repository has one, else from the descriptor."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .data import Package, mdref
from .render import esc

SRC = "cite.md"


def load_cff(root: Path) -> dict[str, Any] | None:
    p = root / "CITATION.cff"
    if not p.is_file():
        return None
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None
    return data if isinstance(data, dict) else None


def citation_from_descriptor(pkg: Package) -> dict[str, Any]:
    d = pkg.descriptor
    authors = []
    for c in d.get("contributors", []):
        roles = c.get("roles") or ([c["role"]] if c.get("role") else [])
        if not roles or "creator" in roles or "author" in roles:
            if c.get("givenName") or c.get("familyName"):
                authors.append({"given-names": c.get("givenName", ""), "family-names": c.get("familyName", "")})
            else:
                authors.append({"name": c.get("title") or c.get("name") or "Anonymous"})
    lic = (d.get("licenses") or [{}])[0]
    cff: dict[str, Any] = {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite it as below.",
        "type": "dataset",
        "title": d.get("title") or d.get("name"),
        "version": pkg.version,
        "authors": authors or [{"name": "The Qantar contributors"}],
        "abstract": d.get("description"),
        "keywords": d.get("keywords"),
        "license": lic.get("name"),
    }
    if d.get("created"):
        cff["date-released"] = str(d["created"])[:10]
    if d.get("homepage"):
        cff["url"] = d["homepage"]
    if d.get("id"):
        ident = str(d["id"])
        if ident.startswith("10.") or "doi.org/" in ident:
            cff["doi"] = ident.split("doi.org/")[-1]
        else:
            cff["url"] = cff.get("url") or ident
    return {k: v for k, v in cff.items() if v not in (None, [], "")}


def _author_names(cff: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(family or entity name, given names) for each author."""
    out = []
    for a in cff.get("authors") or []:
        if not isinstance(a, dict):
            continue
        if a.get("family-names"):
            fam = " ".join(x for x in (a.get("name-particle"), a["family-names"], a.get("name-suffix")) if x)
            out.append((fam, a.get("given-names")))
        elif a.get("name"):
            out.append((a["name"], None))
    return out


def _year(cff: dict[str, Any]) -> str:
    date = str(cff.get("date-released") or "")
    return date[:4] if re.match(r"^\d{4}", date) else "n.d."


def _target(cff: dict[str, Any]) -> dict[str, Any]:
    pc = cff.get("preferred-citation")
    return pc if isinstance(pc, dict) else cff


def bibtex(cff: dict[str, Any]) -> str:
    c = _target(cff)
    names = _author_names(c) or _author_names(cff)
    authors = " and ".join(f"{{{fam}}}" if given is None else f"{fam}, {given}" for fam, given in names)
    version = c.get("version") or cff.get("version")
    key = "qantar" + (f"_{version}".replace(".", "_") if version else "")
    fields = [("author", authors), ("title", c.get("title") or cff.get("title")), ("year", _year(c) if c.get("date-released") else _year(cff))]
    if version:
        fields.append(("version", str(version)))
    if c.get("publisher"):
        pub = c["publisher"]
        fields.append(("publisher", pub.get("name") if isinstance(pub, dict) else str(pub)))
    doi = c.get("doi") or cff.get("doi")
    url = c.get("url") or cff.get("url") or cff.get("repository-code")
    if doi:
        fields.append(("doi", str(doi)))
    if url:
        fields.append(("url", str(url)))
    fields.append(("note", "Dataset" + (f", version {version}" if version else "")))
    body = ",\n".join(f"  {k:<9}= {{{v}}}" for k, v in fields if v)
    return f"@misc{{{key},\n{body}\n}}"


def apa(cff: dict[str, Any]) -> str:
    c = _target(cff)
    names = _author_names(c) or _author_names(cff)

    def one(fam: str, given: str | None) -> str:
        if not given:
            return fam
        initials = " ".join(p[0] + "." for p in re.split(r"[\s-]+", given) if p)
        return f"{fam}, {initials}"

    parts = [one(f, g) for f, g in names]
    if len(parts) > 1:
        authors = ", ".join(parts[:-1]) + ", & " + parts[-1]
    else:
        authors = parts[0] if parts else "Anonymous"
    version = c.get("version") or cff.get("version")
    title = c.get("title") or cff.get("title")
    s = f"{authors}{'' if authors.endswith('.') else '.'} ({_year(c) if c.get('date-released') else _year(cff)}). *{title}*"
    if version:
        s += f" (Version {version})"
    s += " [Data set]."
    doi = c.get("doi") or cff.get("doi")
    url = c.get("url") or cff.get("url") or cff.get("repository-code")
    if doi:
        s += f" https://doi.org/{doi}"
    elif url:
        s += f" {url}"
    return s


def citation_text(pkg: Package) -> str:
    """Plain-text citation (APA without Markdown) for the JSON-LD block."""
    cff = load_cff(pkg.root) or citation_from_descriptor(pkg)
    return apa(cff).replace("*", "")


def cite_page(pkg: Package) -> str:
    cff = load_cff(pkg.root)
    from_file = cff is not None
    if cff is None:
        cff = citation_from_descriptor(pkg)
    cff_text = (pkg.root / "CITATION.cff").read_text(encoding="utf-8") if from_file else yaml.safe_dump(
        cff, sort_keys=False, allow_unicode=True, width=100
    )
    version = cff.get("version") or pkg.version
    out = [
        "# How to cite",
        "",
        f"Cite the version you used: data change between releases (see the [versioning policy]({mdref(SRC, 'versioning.md')}) "
        f"and the [changelog]({mdref(SRC, 'changelog.md')})). This site documents version **{esc(pkg.version)}**.",
        "",
    ]
    if str(version) != pkg.version:
        out += [
            '!!! warning "Version mismatch"',
            f"    `CITATION.cff` names version {esc(version)}, the descriptor {esc(pkg.version)}.",
            "",
        ]
    if not from_file:
        out += [
            '!!! note "Generated from the descriptor"',
            "    The repository has no `CITATION.cff` yet, so these citations come from `datapackage.json`. "
            "No DOI has been minted for this version.",
            "",
        ]
    out += [
        "## APA",
        "",
        apa(cff),
        "",
        "## BibTeX",
        "",
        "```bibtex",
        bibtex(cff),
        "```",
        "",
        "## Citation File Format (CFF)",
        "",
        "The repository's `CITATION.cff`:" if from_file else "A `CITATION.cff` for this version:",
        "",
        "```yaml",
        cff_text.rstrip("\n"),
        "```",
        "",
        "## From Python",
        "",
        "The Python package prints the citation of the version installed:",
        "",
        "```console",
        "$ qantar cite",
        "```",
        "",
        "## The articles",
        "",
        "When you quote a passage, cite the article too (its metadata is on the "
        f"[sources and provenance]({mdref(SRC, 'provenance/index.md')}) pages); the article texts remain their publishers' work.",
        "",
    ]
    return "\n".join(out)
