"""The one list of the site's pages: which pages exist, in navigation order, their titles, and how each
is made.

A page is generated (``make``: a function of the :class:`~qantar.site.data.Site` that returns its
Markdown) or prose (a file in ``docs/``, ``make`` is ``None``). A family is a section whose index
page is followed by one page per table or per article. The home page is prose with generated
parts (``fill``) and a JSON-LD block (``head``). Besides the pages, the site gets generated files
(the ERD) and the downloads.

A new page: a module in ``qantar/site/`` with ``page(site) -> str`` and a line in ``PAGES``; a new
prose page: its file in ``docs/`` and a line in ``PAGES``. docs/_hooks/generate.py builds the
navigation from this list (mkdocs.yml has none).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import (articles, changelog, cite, dictionary, discrepancies, downloads, home, maps, reliability, rules, tables, timeline,
               validation)
from .data import Site
from .erd import erd_svg
from .escape import html_text
from .links import article_src, table_src
from .passages import collect


@dataclass(frozen=True)
class Page:
    src: str  # the MkDocs source path; the page is at the same path with .html
    title: str  # in the navigation
    make: Callable[[Site], str] | None = None  # None: a prose page, docs/<src>
    fill: Callable[[Site, str], str] | None = None  # a prose page's generated parts
    head: Callable[[Site, str | None], str] | None = None  # HTML for <head>, given the site URL


@dataclass(frozen=True)
class Family:
    title: str
    index: Page
    members: Callable[[Site], list[Page]]


def table_pages(site: Site) -> list[Page]:
    return [Page(table_src(name), name, lambda s, t=t: tables.table_page(s, t)) for name, t in site.tables.items()]


def article_pages(site: Site) -> list[Page]:
    passages, problems = collect(site)

    def make(row: dict[str, Any]) -> Callable[[Site], str]:
        return lambda s: articles.article_page(s, row, passages.get(row["source_id"], []), problems)

    return [Page(article_src(r["source_id"]), articles.article_title(r), make(r)) for r in site.rows("sources") if r.get("source_id")]


PAGES: list[Page | Family] = [
    Page(home.SRC, "Home", fill=home.fill, head=home.jsonld),
    Page(dictionary.SRC, "Data dictionary", dictionary.page),
    Family("Tables", Page(tables.INDEX, "Tables", tables.index_page), table_pages),
    Page(timeline.SRC, "Timeline", timeline.page),
    Page(maps.SRC, "Map", maps.page),
    Family("Sources and provenance", Page(articles.INDEX, "Sources and provenance", lambda s: articles.overview_page(s, *collect(s))),
           article_pages),
    Page(discrepancies.SRC, "Discrepancies", discrepancies.page),
    Page(reliability.SRC, "Coding reliability", reliability.page),
    Page(validation.SRC, "Validation", validation.page),
    Page(rules.SRC, "Validation rules", rules.page),
    Page("performance.md", "Performance"),
    Page(cite.SRC, "How to cite", cite.page),
    Page("exports.md", "Exports (Parquet, SQLite, ACLED)"),
    Page("crosswalks.md", "Crosswalks (ACLED, UCDP, PLOVER, CAMEO)"),
    Page("use.md", "Use Qantar with ..."),
    Page(downloads.SRC, "Downloads", downloads.page),
    Page("versioning.md", "Versioning policy"),
    Page("releasing.md", "Releasing"),
    Page(changelog.SRC, "Changelog", changelog.page),
    Page("curation.md", "Curation guide"),
    Page("contributing.md", "Contributing"),
    Page("architecture.md", "Architecture"),
]

#: Generated files that are not pages.
FILES: dict[str, Callable[[Site], str]] = {"assets/generated/erd.svg": erd_svg}


def all_pages(site: Site) -> list[Page]:
    """Every page, families expanded, in navigation order."""
    out: list[Page] = []
    for item in PAGES:
        out += [item.index, *item.members(site)] if isinstance(item, Family) else [item]
    return out


def prose() -> list[str]:
    """The source paths of the prose pages (the files docs/ must hold)."""
    return [p.src for p in PAGES if isinstance(p, Page) and p.make is None]


def nav(site: Site) -> list[Any]:
    """The navigation, as mkdocs.yml would write it; titles are HTML text (the theme inserts them as HTML)."""
    def entry(p: Page) -> dict[str, str]:
        return {html_text(p.title): p.src}

    return [
        {html_text(item.title): [item.index.src, *(entry(p) for p in item.members(site))]} if isinstance(item, Family)
        else entry(item)
        for item in PAGES
    ]


def generate(site: Site) -> dict[str, str | bytes]:
    """Site path -> content of every generated page and file, and of every download."""
    out: dict[str, str | bytes] = {p.src: p.make(site) for p in all_pages(site) if p.make is not None}
    out |= {path: make(site) for path, make in FILES.items()}
    out |= downloads.files(site)
    out |= validation.files(site)
    return out


def problems(site: Site) -> list[str]:
    """What the build should warn about: files that could not be read, passages that are not where
    their offsets say."""
    return [*site.problems, *collect(site)[1]]


def page(src: str) -> Page | None:
    return next((p for p in PAGES if isinstance(p, Page) and p.src == src), None)


def fill(site: Site, src: str, markdown: str) -> str:
    """A prose page's Markdown with its generated parts."""
    p = page(src)
    return p.fill(site, markdown) if p is not None and p.fill is not None else markdown


def head(site: Site, src: str, site_url: str | None) -> str:
    """HTML for a page's ``<head>`` (the home page's JSON-LD)."""
    p = page(src)
    return p.head(site, site_url) if p is not None and p.head is not None else ""
