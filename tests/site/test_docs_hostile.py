"""The site runs no script from the data: a package whose text is a catalogue of payloads.

Every free-text cell, every descriptor text (title, description, keywords, licence, contributor
and source titles, resource and field titles and descriptions, enum values, patterns) and the end
of an article copy hold payloads (``_docs_site.PAYLOADS``): Markdown links and images to
javascript: and data: URLs, reference-style links, autolinks, raw HTML and event handlers,
comments, ``</script>``, attribute breakers, attr_list and emoji syntax, code fences, entities.
The site built from it has no live script and no javascript:/data: URL anywhere, and shows every
payload as text. tests/site/test_docs_browser.py opens the same site in Chromium. Below, each escaping
helper is checked in its own context through Python-Markdown with the site's extensions.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from _docs_site import PAYLOADS, build, hostile_repo

from qantar.site.escape import anchor, code_block, html_text, json_script, md_text, url_path

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


# --- each helper in its context, through Python-Markdown with the site's extensions ---------

CONTEXTS = {
    "paragraph": "Before **{}** after.",
    "heading": "## {} {{#h}}",
    "table cell": "| a | b |\n| --- | --- |\n| x | {} |",
    "list item": "- {}",
    "link text": "[{}](tables/events.md)",
    "admonition": '!!! note "Note"\n    {}',
    "inline code element": "<code>{}</code> and text",
}


def render(markdown_text: str) -> Page:
    import markdown
    import yaml

    config = yaml.unsafe_load((Path(__file__).resolve().parents[2] / "mkdocs.yml").read_text(encoding="utf-8"))
    names, settings = [], {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        settings[name] = options or {}
    page = Page()
    page.feed(markdown.markdown(markdown_text, extensions=names, extension_configs=settings))
    return page


@pytest.mark.parametrize("context", sorted(CONTEXTS))
def test_md_text_is_text_in_every_markdown_context(context: str) -> None:
    for payload in PAYLOADS:
        page = render(CONTEXTS[context].format(md_text(payload)))
        links = [(tag, attrs) for tag, attrs in page.tags if tag in ("a", "img", "script", "iframe", "svg")]
        expected = {"link text": [("a", [("href", "tables/events.md")])], "heading": [("a", [("href", "#h")])]}.get(context, [])
        assert [(t, [(a, v) for a, v in attrs if a in ("href", "src")]) for t, attrs in links] == expected, payload
        assert flat(payload).strip() in flat("".join(page.text)), (context, payload)


def test_html_text_is_text_in_a_raw_html_block() -> None:
    for payload in PAYLOADS:
        page = render(f'<div class="x" title="{html_text(payload)}"><p>{html_text(payload)}</p></div>\n\nafter')
        assert [tag for tag, _ in page.tags] == ["div", "p", "p"], payload
        assert dict(page.tags[0][1])["title"] == payload.replace("\r\n", "\n")
        assert flat(payload) in flat("".join(page.text))


def test_code_blocks_hold_any_backticks() -> None:
    body = "````\n[x](javascript:alert(1))\n```\n<script>"
    page = render("\n".join(code_block(body, "yaml")) + "\n\n[after](x.md)")
    assert [tag for tag, _ in page.tags if tag in ("a", "script")] == ["a"]
    assert body in "".join(page.text)


def test_ids_urls_and_json_in_script() -> None:
    assert anchor("E001") == "E001" and anchor("000_a055521902a9584b") == "000_a055521902a9584b"
    for hostile in ("../../etc/passwd", 'x" onclick="y', "a b", "", "javascript:alert(1)", "/abs"):
        made = anchor(hostile)
        assert re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_-]*", made) and made == anchor(made), hostile
    assert anchor("a b") != anchor("a-b")  # different ids stay different
    for path in ("javascript:alert(1).html", "data:text/html,x", "/etc/passwd", "a b/c.html"):
        url = url_path(path, "x y")
        assert not LIVE_URL.match(url) and not url.startswith("/") and " " not in url, url
    text = json_script({"t": "</script><!--<script>\u2028&"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": "</script><!--<script>\u2028&"}
