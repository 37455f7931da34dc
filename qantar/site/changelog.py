"""The changelog page: the repository's CHANGELOG.md, its links made to work from the site."""

from __future__ import annotations

import re

from .data import Site

SRC = "changelog.md"
CHANGELOG = "CHANGELOG.md"


def page(site: Site) -> str:
    text = site.read_text(CHANGELOG)
    if text is None:
        return "# Changelog\n\nNo changelog yet.\n"
    # Paths in the changelog are relative to the repository root; pages under docs/ are at the site root.
    return re.sub(r"\]\(docs/", "](", text)
