"""The site runs no script from the data: a package whose text is a catalogue of payloads.

Every free-text cell, every descriptor text (title, description, keywords, licence, contributor
and source titles, resource and field titles and descriptions, enum values, patterns) and the end
of an article copy hold payloads (``_docs_site.PAYLOADS``): Markdown links and images to
javascript: and data: URLs, reference-style links, autolinks, raw HTML and event handlers,
comments, ``</script>``, attribute breakers, attr_list and emoji syntax, code fences, entities.
The site built from it has no live script and no javascript:/data: URL anywhere, and shows every
payload as text. tests/test_docs_browser.py opens the same site in Chromium.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _docs_site import PAYLOADS, build, hostile_repo  # noqa: E402

URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "data", "poster", "background", "srcdoc", "ping", "srcset"}
LIVE_URL = re.compile(r"^(javascript|data|vbscript):", re.I)
NEVER = {"iframe", "object", "embed", "frame", "frameset", "base", "applet"}


class Page(HTMLParser):
    """Start tags with their attributes, inline scripts, comments and the visible text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.comments: list[str] = []
        self.text: list[str] = []
        self._raw: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        if tag in ("script", "style"):
            self._raw = tag
            if tag == "script":
                self.scripts.append((dict(attrs), ""))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data):
        if self._raw == "script":
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        elif self._raw is None:
            self.text.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def flat(text: str) -> str:
    """Text with each run of white space and control characters as one space."""
    return re.sub(r"[\s\x00-\x1f]+", " ", text)


@pytest.fixture(scope="module")
def site() -> Path:
    return build(hostile_repo())[0]


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, Page]:
    return {p.relative_to(site).as_posix(): parse(p) for p in sorted(site.rglob("*.html"))}


def test_no_event_handler_or_script_url_in_any_attribute(pages: dict[str, Page]) -> None:
    found = []
    for name, page in pages.items():
        for tag, attrs in page.tags:
            for attr, value in attrs:
                bare = re.sub(r"[\x00-\x20]+", "", value or "")
                if attr.startswith("on") or (attr in URL_ATTRIBUTES and LIVE_URL.match(bare)):
                    found.append(f"{name}: <{tag} {attr}={value!r}>")
            if tag in NEVER or (tag == "meta" and any(a == "http-equiv" for a, _ in attrs)):
                found.append(f"{name}: <{tag} {attrs}>")
    assert found == [], "\n".join(found[:40])


def test_no_script_from_the_data(pages: dict[str, Page]) -> None:
    found = []
    for name, page in pages.items():
        for attrs, body in page.scripts:
            kind = attrs.get("type") or ""
            if kind.endswith("json"):
                json.loads(body)  # whole: no value ended the element early
                if "<" in body:
                    found.append(f"{name}: '<' inside a JSON script element")
            elif "alert(" in body:
                found.append(f"{name}: a script runs {body[:100]!r}")
        found += [f"{name}: a comment from the data {c[:60]!r}" for c in page.comments if "alert" in c or "script" in c.lower()]
    assert found == [], "\n".join(found[:40])


def test_the_home_page_is_whole_and_its_jsonld_holds_the_title(site: Path, pages: dict[str, Page]) -> None:
    home = pages["index.html"]
    (jsonld,) = [json.loads(body) for attrs, body in home.scripts if attrs.get("type") == "application/ld+json"]
    assert jsonld["name"].startswith("<!--<script> ")
    text = flat("".join(home.text))
    assert "What it does not cover" in text and "Three ways in" in text, "the home page lost its content"
    assert "<!--<script>" in text


def test_every_payload_shows_as_text(pages: dict[str, Page]) -> None:
    text = " ".join(flat("".join(page.text)) for page in pages.values())
    missing = [p for p in PAYLOADS if flat(p) not in text]
    assert missing == [], "not shown as text: " + "; ".join(map(repr, missing))


def test_the_reported_cells_are_text_on_the_timeline_and_provenance_pages(pages: dict[str, Page]) -> None:
    # events.summary_en and event_types.label on the timeline; sources.title_en on the provenance pages
    for name in ("timeline.html", "provenance/index.html", "provenance/000_a055521902a9584b.html"):
        page = pages[name]
        assert "[x](javascript:alert(1))" in flat("".join(page.text)), name
        schemes = {re.match(r"[a-z][a-z0-9+.-]*:", v or "", re.I) and v.split(":")[0].lower()
                   for tag, attrs in page.tags for a, v in attrs if a in ("href", "xlink:href", "src")}
        assert schemes <= {None, "http", "https"}, (name, schemes)


def test_svg_files_are_well_formed(site: Path) -> None:
    for svg in site.rglob("*.svg"):
        ET.parse(svg)  # the data's control characters never reach an XML file


def test_search_index_holds_text_not_markup(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    raw = [(d["location"], key) for d in index["docs"] for key in ("title", "text")
           if re.search(r"<\s*(img|script|svg|iframe|a\s|object)", d[key], re.I)]
    assert raw == []
