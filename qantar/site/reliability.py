"""The "Coding reliability" page: rendered by ``qantar.reliability.page`` from the research material in
``reliability/`` and the package's data; a package whose tables cannot be compared gets a page that
says why (and a problem for the build log) instead of no site."""

from __future__ import annotations

from qantar.errors import DataError
from qantar.reliability import page as computed

from .data import Site
from .escape import md_text

SRC = "reliability.md"


def page(site: Site) -> str:
    try:
        return computed.render(site.root)
    except DataError as exc:
        site.problems.append(f"the coding reliability page cannot be computed: {exc}")
        return ("# Coding reliability\n\n!!! warning \"Not computed\"\n    The figures of this page are computed "
                f"from the data when the site is built, and the data cannot be read for it: {md_text(exc)}\n")
