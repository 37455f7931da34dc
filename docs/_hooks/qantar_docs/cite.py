"""How to cite: BibTeX, APA and CFF, from CITATION.cff when the repository has one, else from the descriptor.

The formatting is the Python package's own (``qantar.citation``), so the page and ``qantar cite`` agree.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import yaml

if importlib.util.find_spec("qantar") is None:  # building the site from a checkout where qantar is not installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from qantar.citation import apa as _apa  # noqa: E402
from qantar.citation import bibtex, metadata  # noqa: E402

from .data import Package, mdref
from .escape import code_block, md_text

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
    """The citation qantar generates from the descriptor (what CITATION.cff holds when it is current)."""
    return metadata(pkg.root)


def apa(cff: dict[str, Any]) -> str:
    """The APA reference as Markdown: every part escaped, the title in italics."""
    plain = _apa(cff)
    target = cff.get("preferred-citation") if isinstance(cff.get("preferred-citation"), dict) else cff
    title = str(target.get("title") or cff.get("title") or "")
    head, found, tail = plain.partition(title) if title else (plain, "", "")
    return md_text(head) + (f"<em>{md_text(title)}</em>" if found else "") + md_text(tail)


def citation_text(pkg: Package) -> str:
    """Plain-text citation (APA without Markdown) for the JSON-LD block."""
    cff = load_cff(pkg.root) or citation_from_descriptor(pkg)
    return _apa(cff)


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
        f"and the [changelog]({mdref(SRC, 'changelog.md')})). This site documents version **{md_text(pkg.version)}**.",
        "",
    ]
    if str(version) != pkg.version:
        out += [
            '!!! warning "Version mismatch"',
            f"    <code>CITATION.cff</code> names version {md_text(version)}, the descriptor {md_text(pkg.version)}.",
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
