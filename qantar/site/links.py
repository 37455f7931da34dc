"""Where pages are and how they link: source paths of the generated pages, row anchors, relative URLs.

Pages are named by their MkDocs source path (``tables/events.md``); the site has plain ``.html``
files (``use_directory_urls: false``), so that it also works opened from disk. Links between pages
are relative: ``href`` for raw HTML (the URL as the browser gets it), ``mdref`` for Markdown (MkDocs
rewrites it and checks that the target exists).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from qantar.model import Table

from .escape import anchor, url_path


def table_src(name: str) -> str:
    """The generated page of a table (its name made safe for a file name)."""
    return f"tables/{anchor(name)}.md"


def article_src(source_id: str) -> str:
    """The generated page of an article (its source_id made safe for a file name)."""
    return f"provenance/{anchor(source_id)}.md"


def row_id(table: Table, row: Mapping[str, Any]) -> str:
    """HTML id of a row on its table page: the primary key value(s), joined by '--' (see ``anchor``)."""
    key = table.primary_key or tuple(table.field_names[:1])
    return anchor("--".join(str(row.get(k) or "") for k in key))


def subject_row(table: Table, key: str) -> str:
    """The row (a fragment for ``href``) that a register names as a row of ``table`` (discrepancies,
    coding_decisions): a composite key is written there with '/' between its values, ``row_id``
    joins them with '--'."""
    return key.replace("/", "--") if len(table.primary_key) > 1 else key


def key_links(table: Table) -> dict[str, tuple[str, str]]:
    """Single-field foreign keys of ``table``: field -> (referenced table, referenced field)."""
    return {r.fields[0]: (r.ref_table, r.ref_fields[0]) for r in table.relations if len(r.fields) == 1 and len(r.ref_fields) == 1}


def passage_id(start: object) -> str:
    """HTML id of the place in an article's text where a passage starts (``start``: its offset)."""
    return anchor(f"c{start}")


def page_url(src_uri: str) -> str:
    """URL of a page relative to the site root."""
    return src_uri[:-3] + ".html" if src_uri.endswith(".md") else src_uri


def href(from_src: str, to_src: str, fragment: str | None = None) -> str:
    """Relative link from the page generated from ``from_src`` to the page or file ``to_src``.

    The fragment is an id as ``escape.anchor`` makes it; the URL is percent-encoded."""
    base = posixpath.dirname(page_url(from_src))
    rel = posixpath.relpath(page_url(to_src), base or ".")
    return url_path(rel, anchor(fragment) if fragment else None)


def mdref(from_src: str, to_src: str, fragment: str | None = None) -> str:
    """Relative Markdown link between source files (MkDocs rewrites it to the page URL and checks it)."""
    base = posixpath.dirname(from_src)
    rel = posixpath.relpath(to_src, base or ".")
    return url_path(rel, anchor(fragment) if fragment else None)
