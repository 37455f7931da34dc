"""Documentation site: build-level checks of the site ``mkdocs build --strict`` makes (no browser).
Run: pytest tests/docs/test_docs_build.py"""

from __future__ import annotations

import hashlib
import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import polars as pl
import pytest
from _docs_site import ROOT, BuildError, build, copy_repo, report

from qantar import model

PACKAGE = model.read(ROOT)
DESCRIPTOR = dict(PACKAGE.raw)
TABLES = [r for r in DESCRIPTOR["resources"] if r.get("type") == "table"]
SOURCES = pl.read_csv(ROOT / "data" / "sources.csv", infer_schema_length=0).to_dicts()


@pytest.fixture(scope="module")
def site() -> Path:
    return build()[0]


class Tags(HTMLParser):
    """Collects start tags with their attributes, and text by nesting."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def tags_of(path: Path) -> list[tuple[str, dict[str, str | None]]]:
    p = Tags()
    p.feed(path.read_text(encoding="utf-8"))
    return p.tags


def test_strict_build_has_no_warnings():
    _, log = build()
    assert "WARNING" not in log, log


def test_every_page_is_generated(site: Path):
    expected = ["index.html", "data-dictionary.html", "timeline.html", "map.html", "discrepancies.html",
                "reliability.html", "validation.html", "validation-rules.html", "cite.html", "changelog.html", "versioning.html", "curation.html",
                "contributing.html", "tables/index.html", "provenance/index.html", "assets/generated/erd.svg"]
    expected += [f"tables/{t['name']}.html" for t in TABLES]
    expected += [f"provenance/{s['source_id']}.html" for s in SOURCES]
    missing = [p for p in expected if not (site / p).is_file()]
    assert not missing, missing


def test_nav_lists_every_page_table_and_article(site: Path):
    from qantar.site import pages

    html = (site / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    for page in pages.prose() + ["validation.md", "validation-rules.md", "cite.md", "changelog.md"]:
        assert f'href="{page[:-3]}.html"' in nav, page
    for t in TABLES:
        assert f'href="tables/{t["name"]}.html"' in html, t["name"]
    for s in SOURCES:
        assert f'href="provenance/{s["source_id"]}.html"' in html, s["source_id"]


def test_downloads_are_byte_identical(site: Path):
    paths = ["datapackage.json"] + [r["path"] for r in DESCRIPTOR["resources"]]
    for p in paths:
        assert (site / p).read_bytes() == (ROOT / p).read_bytes(), p
    for r in DESCRIPTOR["resources"]:
        digest = hashlib.sha256((site / r["path"]).read_bytes()).hexdigest()
        assert r["hash"] == f"sha256:{digest}", r["path"]


def test_package_zip_holds_the_package(site: Path):
    import zipfile

    zips = list((site / "downloads").glob("*.zip"))
    assert len(zips) == 1
    assert zips[0].name == f"qantar-{DESCRIPTOR['version']}.zip"
    with zipfile.ZipFile(zips[0]) as zf:
        for p in ["datapackage.json"] + [r["path"] for r in DESCRIPTOR["resources"]]:
            assert zf.read(p) == (ROOT / p).read_bytes(), p


EXTERNAL = re.compile(r"^(https?:)?//", re.I)


def test_no_scripts_styles_or_fonts_from_other_hosts(site: Path):
    offenders = []
    for page in site.rglob("*.html"):
        for tag, attrs in tags_of(page):
            for attr in ("src", "href", "srcset", "data"):
                value = attrs.get(attr) or ""
                if tag == "a" or not value:
                    continue
                if tag == "link" and (attrs.get("rel") or "") in ("canonical", "alternate"):
                    continue
                if EXTERNAL.match(value):
                    offenders.append(f"{page.relative_to(site)}: <{tag} {attr}={value}>")
    assert not offenders, "\n".join(offenders)
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"@import\s+(url\()?['\"]?(https?:)?//", text), css
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, css
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'class="mermaid"' not in text, f"{page}: Mermaid would load from a CDN"


def jsonld(site: Path) -> dict:
    html = (site / "index.html").read_text(encoding="utf-8")
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert m, "no JSON-LD block on the home page"
    return json.loads(m.group(1))


def test_jsonld_dataset(site: Path):
    data = jsonld(site)
    assert data["@type"] == "Dataset"
    assert data["@context"].rstrip("/").endswith("schema.org")
    assert data["version"] == DESCRIPTOR["version"]
    assert data["name"] == DESCRIPTOR["title"]
    assert data["description"] == DESCRIPTOR["description"]
    assert "creativecommons.org/licenses/by/4.0" in data["license"]
    assert data["creator"] and all(c.get("name") for c in data["creator"])
    assert data["citation"] and DESCRIPTOR["version"] in data["citation"]
    n_fields = sum(len(t["schema"]["fields"]) for t in TABLES)
    assert len(data["variableMeasured"]) == n_fields
    assert {v["name"] for v in data["variableMeasured"]} >= {"events.event_id", "places.coordinate_precision"}
    csvs = {d["name"]: d for d in data["distribution"] if d["encodingFormat"] == "text/csv"}
    assert set(csvs) == {Path(t["path"]).name for t in TABLES}
    for d in data["distribution"]:
        assert d["@type"] == "DataDownload"
        assert (site / d["contentUrl"]).is_file(), d["contentUrl"]


def test_home_counts_match_the_data(site: Path):
    html = unescape((site / "index.html").read_text(encoding="utf-8"))  # as shown: Markdown text is escaped
    for t in TABLES:
        n = pl.read_csv(ROOT / t["path"], infer_schema_length=0).height
        assert re.search(rf'href="tables/{t["name"]}.html">{t["name"]}</a></td>\s*<td[^>]*>{n:,}</td>', html), t["name"]
    assert f"<strong>{DESCRIPTOR['version']}</strong>" in html
    assert "<!-- qantar:" not in html


class ArticleText(HTMLParser):
    """Text of div.qantar-article without the reference superscripts and the translation notes; ids of
    the anchors in it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.text: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.depth == 0 and tag == "div" and "qantar-article" in (a.get("class") or ""):
            self.depth = 1
            return
        if self.depth:
            if tag == "div":
                self.depth += 1
            if tag == "sup" or "qtr" in (a.get("class") or "").split() or self.skip:
                self.skip += 1
            if a.get("id"):
                self.ids.add(a["id"])

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if self.skip:  # every start tag inside a skipped element counted one
            self.skip -= 1
            return
        if tag == "div":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.text.append(data)


def test_article_pages_reproduce_the_text_and_anchor_every_quote(site: Path):
    for s in SOURCES:
        p = ArticleText()
        p.feed((site / "provenance" / f"{s['source_id']}.html").read_text(encoding="utf-8"))
        with open(ROOT / s["path"], encoding="utf-8", newline="") as fh:
            text = fh.read()
        assert "".join(p.text) == text, s["source_id"]
        starts = set()
        for span in PACKAGE.spans():  # every kind: claims, numbers, printed dates, exclusions
            rows = pl.read_csv(ROOT / PACKAGE.tables[span.table].path, infer_schema_length=0).to_dicts()
            starts |= {r[span.start] for r in rows if r.get(span.source) == s["source_id"] and r.get(span.start) is not None}
        assert starts and {f"c{x}" for x in starts} <= p.ids, s["source_id"]


def test_quote_links_point_at_rows_that_exist(site: Path):
    ids_by_page: dict[str, set[str]] = {}
    for t in TABLES:
        page = site / "tables" / f"{t['name']}.html"
        ids_by_page[f"tables/{t['name']}.html"] = {a.get("id") for _, a in tags_of(page) if a.get("id")}
    for s in SOURCES:
        for tag, a in tags_of(site / "provenance" / f"{s['source_id']}.html"):
            href = a.get("href") or ""
            if tag == "a" and href.startswith("../tables/") and "#" in href:
                page, frag = href[3:].split("#", 1)
                assert frag in ids_by_page[page], href


def test_corroboration_counts_independent_sources(site: Path):
    html = (site / "provenance" / "index.html").read_text(encoding="utf-8")
    es = pl.read_csv(ROOT / "data" / "event_sources.csv", infer_schema_length=0)
    src = pl.read_csv(ROOT / "data" / "sources.csv", infer_schema_length=0).with_columns(
        pl.coalesce("original_outlet", "outlet", "source_id").alias("group")
    )
    counts = es.join(src.select("source_id", "group"), on="source_id").group_by("event_id").agg(
        pl.col("source_id").n_unique().alias("n"), pl.col("group").n_unique().alias("k")
    )
    for r in counts.iter_rows(named=True):
        row = re.search(rf'<tr id="{r["event_id"]}">(.*?)</tr>', html, re.S).group(1)
        nums = re.findall(r'<td class="qantar-num">(?:<span[^>]*>)?(\d+)', row)
        assert nums[1:] == [str(r["n"]), str(r["k"])], r


def test_timeline_links_every_event_and_shows_precision(site: Path):
    html = (site / "timeline.html").read_text(encoding="utf-8")
    events = pl.read_csv(ROOT / "data" / "events.csv", infer_schema_length=0)
    for eid in events["event_id"]:
        assert f'href="tables/events.html#{eid}"' in html, eid
    n_day = (events["date_precision"] == "day").sum()
    assert html.count('r="5.5"') >= n_day  # a dot per single-day event
    assert "<svg" in html and "December 2021" in html and "January 2022" in html
    rows = (site / "tables" / "events.html").read_text(encoding="utf-8")
    for eid in events["event_id"]:
        assert f'<tr id="{eid}">' in rows


def test_map_has_a_marker_per_located_place(site: Path):
    html = (site / "map.html").read_text(encoding="utf-8")
    places = pl.read_csv(ROOT / "data" / "places.csv", infer_schema_length=0)
    for r in places.iter_rows(named=True):
        if r["coordinate_precision"] != "none":
            assert f'href="tables/places.html#{r["place_id"]}"><title>' in html, r["place_id"]


def test_dictionary_documents_every_field(site: Path):
    html = (site / "data-dictionary.html").read_text(encoding="utf-8")
    for t in TABLES:
        for f in t["schema"]["fields"]:
            assert f'<tr id="{t["name"]}.{f["name"]}">' in html, (t["name"], f["name"])
            for v in (f.get("constraints") or {}).get("enum", []):
                assert f"<code>{v}</code>" in html
    assert "<svg" in html and "erd-events" in html


def test_rules_page_lists_every_rule_and_the_damage_the_tests_apply(site: Path):
    from qantar.validate.catalogue import catalogue

    html = unescape((site / "validation-rules.html").read_text(encoding="utf-8"))
    rules = catalogue(PACKAGE)
    assert f"{len(rules)} rules" in html
    assert all(f"<code>{r.name}</code>" in html for r in rules)
    damage = (ROOT / "tests" / "validate" / "damage.py").read_text(encoding="utf-8")
    kinds = re.findall(r'Damage\("([a-z-]+)"', damage)
    assert len(kinds) >= 12 and all(f"<td><code>{k}</code></td>" in html for k in kinds)


def test_changelog_is_rendered(site: Path):
    html = (site / "changelog.html").read_text(encoding="utf-8")
    assert DESCRIPTOR["version"] in html and "Unreleased" in html


def test_validation_page_without_report():
    site, _ = build(QANTAR_VALIDATION_REPORT=str(ROOT / "build" / "no-such-report.json"))
    html = unescape((site / "validation.html").read_text(encoding="utf-8"))
    assert "Not yet run" in html and "qantar validate --report build" in html
    assert not (site / "downloads" / "validation.json").exists()


def test_validation_page_of_a_passing_run():
    root = report("passing")
    site, _ = build(root)  # the report at its default place, build/validation.json
    html = unescape((site / "validation.html").read_text(encoding="utf-8"))
    assert "Latest run: passed: everything holds" in html
    assert 'class="admonition success"' in html and 'class="admonition failure"' not in html
    assert "None: every check that ran holds." in html
    assert (site / "downloads" / "validation.json").read_bytes() == (root / "build" / "validation.json").read_bytes()
    assert (site / "downloads" / "validation-report.html").is_file()


def test_validation_page_of_a_failing_run_shows_it_failing():
    root = report("failing")
    site, _ = build(root)
    written = json.loads((root / "build" / "validation.json").read_text(encoding="utf-8"))
    assert written["ok"] is False and written["failures"]
    html = (site / "validation.html").read_text(encoding="utf-8")
    assert 'class="admonition failure"' in html and "Latest run: failed" in unescape(html)
    rows = re.findall(r"<tr><td>(?:<a [^>]*>)?([^<]*)(?:</a>)?</td><td class=\"qantar-num\">([^<]*)</td><td>(?:<code>)?([^<]*)(?:</code>)?</td>"
                      r"<td>(?:<code>)?([^<]*)(?:</code>)?</td><td>([^<]*)</td>", html)
    shown = {(t, r, unescape(c), unescape(rule), unescape(layers)) for t, r, c, rule, layers in rows}
    expected = {(f["table"] or "", "" if f["row"] is None else str(f["row"]), f["column"] or "", f["rule"], ", ".join(f["layers"]))
                for f in written["failures"]}
    assert shown == expected


def test_parquet_exports_are_linked_when_present(tmp_path: Path):
    exports = tmp_path / "exports"
    exports.mkdir()
    pl.read_csv(ROOT / "data" / "events.csv").write_parquet(exports / "events.parquet")
    site, _ = build(QANTAR_EXPORTS_DIR=str(exports))
    assert (site / "data" / "events.parquet").read_bytes() == (exports / "events.parquet").read_bytes()
    assert 'href="../data/events.parquet"' in (site / "tables" / "events.html").read_text(encoding="utf-8")
    assert ".parquet" not in (site / "tables" / "actors.html").read_text(encoding="utf-8")


CFF = """cff-version: 1.2.0
message: If you use this dataset, please cite it as below.
type: dataset
title: "Qantar: Kazakhstan's January 2022 unrest and the CSTO intervention, claim by claim"
version: 0.1.0
date-released: 2026-11-22
doi: 10.5281/zenodo.0000000
license: CC-BY-4.0
authors:
  - family-names: Example
    given-names: Ada Maria
  - name: The Qantar contributors
"""


def test_cite_page_uses_citation_cff():
    site, _ = build(copy_repo({"CITATION.cff": CFF}))
    html = unescape((site / "cite.html").read_text(encoding="utf-8"))
    assert "Example, Ada Maria" in html  # BibTeX
    assert "Example, A. M." in html  # APA
    assert "10.5281/zenodo.0000000" in html
    assert "Generated from the descriptor" not in html
    data = jsonld(site)
    assert data["identifier"] == "https://doi.org/10.5281/zenodo.0000000"
    assert any(c.get("familyName") == "Example" for c in data["creator"])


def test_cite_page_falls_back_to_the_descriptor():
    repo = copy_repo()  # a checkout without CITATION.cff
    assert not (repo / "CITATION.cff").exists()
    site, _ = build(repo)
    html = (site / "cite.html").read_text(encoding="utf-8")
    assert "Generated from the descriptor" in html
    text = re.sub(r"<[^>]+>", "", html)  # the BibTeX block is syntax-highlighted
    assert "@misc{qantar_" + DESCRIPTOR["version"].replace(".", "_") in text
    assert "The Qantar contributors" in text


def test_highlighting_handles_overlapping_and_nested_spans():
    from qantar.site.passages import Passage, Ref, highlighted

    text = "abcdefghij"
    spans = [
        Passage(1, 6, "claim", text[1:6], [Ref("E001", "event_sources", "x1", None)]),
        Passage(4, 9, "claim", text[4:9], [Ref("F001", "figures", "F001", None)]),
        Passage(5, 6, "number", text[5:6], [Ref("F001", "figures", "F001", None)]),
    ]
    html = highlighted(text, spans, "provenance/x.md")
    p = ArticleText()
    p.feed(html)
    assert "".join(p.text) == text
    assert {"c1", "c4", "c5"} <= p.ids
    assert 'class="q d2 num"' in html  # 'f' is in both passages and is the number
    assert html.index(">E001</a>") < html.index(">F001</a>")  # E001 ends first


def test_jsonld_urls_are_absolute_with_a_site_url():
    from qantar.site import data, home

    block = home.jsonld(data.read(ROOT), "https://qantar.example.org/docs/")
    data = json.loads(block.split(">", 1)[1].rsplit("<", 1)[0])
    assert data["url"] == "https://qantar.example.org/docs/"
    assert all(d["contentUrl"].startswith("https://qantar.example.org/docs/") for d in data["distribution"])
    assert "https://qantar.example.org/docs/data/events.csv" in {d["contentUrl"] for d in data["distribution"]}


def test_the_build_stops_with_a_message_not_a_traceback():
    broken = copy_repo()
    (broken / "datapackage.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(BuildError) as err:
        build(broken)
    assert "qantar: the site cannot be built" in str(err.value) and "Traceback" not in str(err.value)
    with_nav = copy_repo()
    with (with_nav / "mkdocs.yml").open("a", encoding="utf-8") as fh:
        fh.write("nav:\n  - Home: index.md\n")
    with pytest.raises(BuildError, match="the site's navigation is qantar/site/pages.py"):
        build(with_nav)
