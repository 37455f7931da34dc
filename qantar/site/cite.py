"""How to cite: BibTeX, APA and CFF, from CITATION.cff when the repository has one, else from the descriptor.

The formatting is the Python package's own (``qantar.citation``), so the page and ``qantar cite`` agree.
"""

from __future__ import annotations

from typing import Any

import yaml

from qantar.citation import apa as _apa
from qantar.citation import bibtex, metadata

from .data import Site
from .escape import code_block, md_text
from .links import mdref

SRC = "cite.md"
CFF = "CITATION.cff"


def load_cff(site: Site) -> dict[str, Any] | None:
    """The repository's CITATION.cff, parsed (``None`` when there is none, or it is not a mapping)."""
    text = site.read_text(CFF)
    if text is None:
        return None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def citation(site: Site) -> dict[str, Any]:
    """The citation as CFF: the repository's CITATION.cff, else what qantar generates from the descriptor."""
    return load_cff(site) or metadata(site.root)


def apa(cff: dict[str, Any]) -> str:
    """The APA reference as Markdown: every part escaped, the title in italics."""
    plain = _apa(cff)
    target = cff.get("preferred-citation") if isinstance(cff.get("preferred-citation"), dict) else cff
    title = str(target.get("title") or cff.get("title") or "")
    head, found, tail = plain.partition(title) if title else (plain, "", "")
    return md_text(head) + (f"<em>{md_text(title)}</em>" if found else "") + md_text(tail)


def citation_text(site: Site) -> str:
    """Plain-text citation (APA without Markdown) for the JSON-LD block."""
    return _apa(citation(site))


def page(site: Site) -> str:
    cff = load_cff(site)
    from_file = cff is not None
    if cff is None:
        cff = metadata(site.root)
    cff_text = site.read_text(CFF) if from_file else None
    if cff_text is None:
        cff_text = yaml.safe_dump(cff, sort_keys=False, allow_unicode=True, width=100)
    version = cff.get("version") or site.version
    out = [
        "# How to cite",
        "",
        f"Cite the version you used: data change between releases (see the [versioning policy]({mdref(SRC, 'versioning.md')}) "
        f"and the [changelog]({mdref(SRC, 'changelog.md')})). This site documents version **{md_text(site.version)}**.",
        "",
    ]
    if str(version) != site.version:
        out += [
            '!!! warning "Version mismatch"',
            f"    <code>CITATION.cff</code> names version {md_text(version)}, the descriptor {md_text(site.version)}.",
            "",
        ]
    if not cff.get("doi"):
        out += [
            '!!! note "No DOI yet"',
            f"    Version {md_text(version)} has no DOI yet: cite it by its version number. Once a DOI is minted, it goes in "
            "the descriptor's `id` and every citation on this page carries it.",
            "",
        ]
    if not from_file:
        out += [
            '!!! note "Generated from the descriptor"',
            "    The repository has no `CITATION.cff` yet, so these citations come from `datapackage.json`.",
            "",
        ]
    out += [
        "## APA",
        "",
        apa(cff),
        "",
        "## BibTeX",
        "",
        *code_block(bibtex(cff), "bibtex"),
        "",
        "## Citation File Format (CFF)",
        "",
        "The repository's `CITATION.cff`:" if from_file else "A `CITATION.cff` for this version:",
        "",
        *code_block(cff_text, "yaml"),
        "",
        "## From Python",
        "",
        "The Python package prints the citation of the version installed:",
        "",
        "```console",
        "$ qantar cite                    # APA",
        "$ qantar cite --format bibtex",
        "$ qantar cite --format cff       # the CITATION.cff of the installed version",
        "```",
        "",
        "or, in Python, `qantar.cite(\"bibtex\")`.",
        "",
        "## The articles",
        "",
        "When you quote a passage, cite the article too (its metadata is on the "
        f"[sources and provenance]({mdref(SRC, 'provenance/index.md')}) pages); the article texts remain their publishers' work.",
        "",
    ]
    return "\n".join(out)
