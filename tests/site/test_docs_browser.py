"""Documentation site in a real browser: headless Chromium (Debian) driven by Selenium through ChromeDriver.

The site is built with ``mkdocs build --strict`` into a temporary folder and served on 127.0.0.1.
These tests FAIL (they do not skip) when Chromium, ChromeDriver or Selenium is missing: run
``.ci/install-system-deps`` first. Screenshots go to artifacts/screenshots/ (gitignored).
Run: pytest tests/site/test_docs_browser.py
"""

from __future__ import annotations

import base64
import json
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest
from _docs_site import ARTIFACTS, ROOT, Server, browser_missing_message, build, report, start_browser

from qantar import model

TABLES = [{"name": t.name, "path": t.path} for t in model.read(ROOT).tables.values()]

COLLECT_LINKS = """
const out = [];
for (const el of document.querySelectorAll('a[href], link[href], script[src], img[src], image[href], use[href]')) {
  const raw = el.getAttribute('href') ?? el.getAttribute('src');
  let abs = null;
  try { abs = new URL(raw, document.baseURI).href; } catch (e) {}
  out.push([el.tagName.toLowerCase(), raw, abs]);
}
return out;
"""
COLLECT_IDS = "return Array.from(document.querySelectorAll('[id]'), e => e.id);"
RESOURCES = "return performance.getEntriesByType('resource').map(e => e.name);"


@pytest.fixture(scope="module")
def server():
    site, _ = build()
    srv = Server(site)
    yield srv
    srv.close()


@pytest.fixture(scope="module")
def driver():
    msg = browser_missing_message()
    if msg:
        pytest.fail(msg, pytrace=False)
    d = start_browser()
    yield d
    d.quit()


def load(driver, url: str) -> list[dict]:
    """Open a page, wait until it has loaded, and return the SEVERE browser log entries it produced."""
    driver.get_log("browser")  # drain what earlier pages left
    driver.get(url)
    deadline = time.time() + 30
    while driver.execute_script("return document.readyState") != "complete":
        if time.time() > deadline:
            raise AssertionError(f"{url} did not finish loading")
        time.sleep(0.05)
    time.sleep(0.1)  # let deferred scripts report errors
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""


def full_page_screenshot(driver, path: Path, width: int = 1400) -> None:
    height = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]["height"]
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": int(min(height, 12000)), "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))


def test_crawl_every_page_loads_cleanly_and_every_internal_link_resolves(server, driver):
    base = server.base
    origin = urlparse(base).netloc
    todo = [base + "index.html"]
    pages: dict[str, set[str]] = {}  # page URL -> ids on it
    errors: dict[str, list] = {}
    foreign: dict[str, list[str]] = {}
    fragments: list[tuple[str, str, str]] = []  # (from page, target page, fragment)
    assets: dict[str, str] = {}  # URL -> first page linking to it
    while todo:
        url = todo.pop()
        if url in pages:
            continue
        severe = load(driver, url)
        if severe:
            errors[url] = severe
        pages[url] = set(driver.execute_script(COLLECT_IDS))
        outside = [r for r in driver.execute_script(RESOURCES) if urlparse(r).netloc != origin and not r.startswith(("data:", "blob:"))]
        if outside:
            foreign[url] = outside
        for tag, raw, absolute in driver.execute_script(COLLECT_LINKS):
            if absolute is None:
                errors.setdefault(url, []).append(f"unparsable link {raw!r}")
                continue
            parsed = urlparse(absolute)
            if parsed.scheme not in ("http", "https") or parsed.netloc != origin:
                if tag != "a":
                    foreign.setdefault(url, []).append(absolute)
                continue
            target, frag = urldefrag(absolute)
            if target.endswith(".html") or target.endswith("/"):
                if target not in pages:
                    todo.append(target)
                if frag:
                    fragments.append((url, target, frag))
            else:
                assets.setdefault(target, url)
    assert not errors, "console errors:\n" + json.dumps(errors, indent=1)
    assert not foreign, "requests to other hosts:\n" + json.dumps(foreign, indent=1)
    expected = {"index.html", "timeline.html", "map.html", "data-dictionary.html", "validation.html",
                "validation-rules.html", "cite.html"}
    expected |= {f"tables/{t['name']}.html" for t in TABLES}
    assert {base + p for p in expected} <= set(pages), sorted(set(base + p for p in expected) - set(pages))
    broken_pages = [p for p, ids in pages.items() if ids is None]
    assert not broken_pages
    missing_anchors = [f"{src} -> {tgt}#{frag}" for src, tgt, frag in fragments if frag not in pages.get(tgt, set())]
    assert not missing_anchors, "links to missing anchors:\n" + "\n".join(sorted(set(missing_anchors))[:50])
    bad_assets = []
    for url, src in assets.items():
        status, _ = fetch(url)
        if status != 200:
            bad_assets.append(f"{src} -> {url}: HTTP {status}")
    assert not bad_assets, "\n".join(bad_assets)
    # Not-found pages would have been served as 404 by http.server: check each page's status too.
    bad_pages = [u for u in pages if fetch(u)[0] != 200]
    assert not bad_pages, bad_pages
    print(f"crawled {len(pages)} pages, {len(assets)} files, {len(fragments)} links with anchors")


@pytest.mark.parametrize("table", [t["name"] for t in TABLES])
def test_csv_download_link_returns_the_package_bytes(server, driver, table):
    assert not load(driver, server.base + f"tables/{table}.html")
    resource = next(t for t in TABLES if t["name"] == table)
    name = Path(resource["path"]).name
    links = driver.execute_script(
        "return Array.from(document.querySelectorAll('a[href]'), a => a.href).filter(h => h.split('#')[0].endsWith(arguments[0]));",
        "/" + name,
    )
    assert links, f"no download link to {name} on the {table} page"
    status, body = fetch(links[0])
    assert status == 200
    assert body == (ROOT / resource["path"]).read_bytes()


def test_table_filter_and_sort_work(server, driver):
    from selenium.webdriver.common.by import By

    assert not load(driver, server.base + "tables/events.html")
    rows = "return Array.from(document.querySelector('table[data-table=events]').tBodies[0].rows).filter(r => !r.hidden)"
    total = len(driver.execute_script(rows))
    box = driver.find_element(By.CSS_SELECTOR, ".qantar-table-tools input")
    box.send_keys("Almaty")
    visible = driver.execute_script(rows + ".map(r => r.textContent.toLowerCase())")
    assert 0 < len(visible) < total
    assert all("almaty" in text for text in visible)
    box.clear()
    driver.execute_script("arguments[0].dispatchEvent(new Event('input'))", box)
    assert len(driver.execute_script(rows)) == total
    header = driver.find_element(By.XPATH, "//table[@data-table='events']//th[normalize-space()='date_end']")
    header.click()
    header.click()  # descending
    col = driver.execute_script(
        "return Array.from(document.querySelectorAll('table[data-table=events] thead th'), th => th.textContent.trim())"
    ).index("date_end")
    first = driver.execute_script(rows + f"[0].cells[{col}].textContent")
    ends = driver.execute_script(rows + f".map(r => r.cells[{col}].textContent)")
    assert first == max(ends)


def test_row_anchor_targets_the_row(server, driver):
    assert not load(driver, server.base + "tables/events.html#E022")
    assert driver.execute_script("return document.querySelector(':target') && document.querySelector(':target').id") == "E022"


def test_timeline_events_link_to_their_rows(server, driver):
    assert not load(driver, server.base + "timeline.html")
    links = driver.execute_script(
        "return Array.from(document.querySelectorAll('svg a'), a => a.getAttribute('href')).filter(h => h.includes('events.html#'));"
    )
    events = {h.split("#")[1] for h in links}
    ids = (ROOT / "data" / "events.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert events == {line.split(",", 1)[0] for line in ids if line}


def test_screenshots(server, driver):
    shots = {
        "home.png": "index.html",
        "timeline.png": "timeline.html",
        "map.png": "map.html",
        "data-dictionary.png": "data-dictionary.html",
        "events-table.png": "tables/events.html",
        "article-002.png": "provenance/002_295c2baa0c2732ff.html",
        "discrepancies.png": "discrepancies.html",
        "validation.png": "validation.html",
        "validation-rules.png": "validation-rules.html",
    }
    for name, page in shots.items():
        assert not load(driver, server.base + page)
        full_page_screenshot(driver, ARTIFACTS / name)
        data = (ARTIFACTS / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000, name


@pytest.mark.parametrize("kind", ["passing", "failing"])
def test_validation_page_shows_the_real_report(driver, kind):
    """The validation page of a site built where `qantar validate --report build` passed, and where it failed."""
    from selenium.webdriver.common.by import By

    root = report(kind)
    written = json.loads((root / "build" / "validation.json").read_text(encoding="utf-8"))
    site, _ = build(root)
    srv = Server(site)
    try:
        assert not load(driver, srv.base + "validation.html")
        verdict = driver.find_element(By.CSS_SELECTOR, "#latest ~ .admonition")
        assert verdict.is_displayed()
        assert ("success" if kind == "passing" else "failure") in verdict.get_attribute("class").split()
        assert verdict.find_element(By.CSS_SELECTOR, ".admonition-title").text.startswith(
            "Latest run: passed" if kind == "passing" else "Latest run: failed")
        statuses = driver.execute_script(
            "return Array.from(document.querySelectorAll('tr[id^=layer-] .qantar-status'), e => e.textContent)")
        assert statuses.count("failed") == sum(1 for layer in written["layers"] if layer["failures"])
        failures = driver.execute_script(
            "const t = document.querySelector('table[data-table=failures]'); return t ? t.tBodies[0].rows.length : 0")
        assert failures == len(written["failures"])
        if failures:  # the table can be filtered like the data tables
            box = driver.find_element(By.CSS_SELECTOR, ".qantar-table-tools input")
            box.send_keys("required")
            visible = driver.execute_script(
                "return Array.from(document.querySelector('table[data-table=failures]').tBodies[0].rows).filter(r => !r.hidden).length")
            assert 0 < visible < failures
            box.clear()
            driver.execute_script("arguments[0].dispatchEvent(new Event('input'))", box)
        link = driver.find_element(By.LINK_TEXT, "the report as JSON").get_attribute("href")
        assert fetch(link) == (200, (root / "build" / "validation.json").read_bytes())
        full_page_screenshot(driver, ARTIFACTS / f"validation-{kind}.png")
    finally:
        srv.close()


# Installed before any script of a page runs: dialogs are recorded instead of shown.
RECORD_DIALOGS = """
window.__dialogs = [];
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  window[name] = (...args) => { window.__dialogs.push([name, String(args[0])]); };
}
"""
LIVE = (
    "return Array.from(document.querySelectorAll('a[href], iframe, object, embed, img[src], [onerror], [onload], "
    "[onclick], [onmouseover]')).filter(e => e.matches('iframe, object, embed, [onerror], [onload], [onclick], "
    "[onmouseover]') || /^\\s*(javascript|data|vbscript):/i.test(e.getAttribute('href') || e.getAttribute('src') || ''))"
    ".map(e => e.outerHTML.slice(0, 120));"
)


@pytest.fixture(scope="module")
def hostile_server():
    from _docs_site import hostile_repo

    site, _ = build(hostile_repo())
    srv = Server(site)
    yield srv, site
    srv.close()


def test_no_dialog_or_script_from_the_data_runs(hostile_server, driver):
    """Every page of a site built from payload-filled data (tests/site/test_docs_hostile.py): no dialog opens,
    no element carries a handler or a javascript:/data: URL; the search shows the payloads as text."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    srv, site = hostile_server
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_DIALOGS})
    try:
        found = {}
        pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
        for page in pages:
            load(driver, srv.base + page)
            dialogs = driver.execute_script("return window.__dialogs")
            live = driver.execute_script(LIVE)
            if dialogs is None or dialogs or live:
                found[page] = {"dialogs": dialogs, "live": live}
        assert len(pages) > 25 and not found, json.dumps(found, indent=1)[:3000]
        load(driver, srv.base + "index.html")
        assert driver.find_element(By.ID, "three-ways-in").is_displayed(), "the home page lost its content"
        box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
        driver.find_element(By.CSS_SELECTOR, "label.md-search__icon, .md-search__input").click()
        box.send_keys("onerror", Keys.ENTER)
        deadline = time.time() + 30
        while not driver.execute_script("return document.querySelectorAll('.md-search-result__item').length"):
            assert time.time() < deadline, "the search found nothing"
            time.sleep(0.1)
        assert driver.execute_script("return window.__dialogs") == []
        assert driver.execute_script(LIVE) == []
        assert "onerror=alert(" in driver.find_element(By.CSS_SELECTOR, ".md-search-result").text
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})



# --- the front door (issue 15): search, translations, timeline, wide tables, downloads ---------------

RESULTS = ("return Array.from(document.querySelectorAll('.md-search-result__item a[href*=\"#\"]'), "
           "a => [a.getAttribute('href'), a.textContent.trim()])")


def shot(driver, name: str) -> None:
    """A screenshot of the viewport, artifacts/screenshots/NAME."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(ARTIFACTS / name)), name


def search(driver, query: str) -> list[list[str]]:
    """Type ``query`` in the site search; the links of the row and section results, with their text."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
    if not box.is_displayed():
        driver.find_element(By.CSS_SELECTOR, "label.md-search__icon").click()
    meta = driver.find_element(By.CSS_SELECTOR, ".md-search-result__meta")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    deadline = time.time() + 30
    while "matching" in meta.text.lower():  # the answer to the previous query is gone
        assert time.time() < deadline, "the search did not clear"
        time.sleep(0.05)
    # The whole query at once (the theme reads the box on keyup), not one search per typed character.
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new KeyboardEvent('keyup'))",
                          box, query)
    while "matching" not in meta.text.lower():
        assert time.time() < deadline, f"the search for {query!r} never answered: {meta.text!r}"
        time.sleep(0.05)
    return driver.execute_script(RESULTS)


def target(href: str) -> str:
    """``tables/actors.html#tokayev`` from a result's link (the theme adds ``?h=query``)."""
    path, _, fragment = href.partition("#")
    return path.split("?")[0].split("/tables/")[-1] + "#" + fragment


def name_queries() -> list[tuple[str, str, str]]:
    """(query, table, row id): every name form of every row of the tables whose rows have names, and
    each event by its id; a name form shared by several rows is left out (it names none of them alone)."""
    import csv
    from collections import Counter

    package = model.read(ROOT)
    out = []
    for t in package.tables.values():
        fields = [f for f in t.fields if f.name.startswith("name")]
        if not fields or not t.id_field:
            continue
        with (ROOT / t.path).open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        forms = {r[t.id_field]: {v.strip() for f in fields for v in (r[f.name] or "").split(f.delimiter) if v.strip()}
                 for r in rows}
        shared = Counter(v.lower() for vs in forms.values() for v in vs)
        out += [(v, t.name, rid) for rid, vs in forms.items() for v in sorted(vs)
                if shared[v.lower()] == 1 and not LUNR_STOP_WORDS & set(v.lower().split())]
    with (ROOT / "data" / "events.csv").open(encoding="utf-8", newline="") as fh:
        out += [(r["event_id"], "events", r["event_id"]) for r in csv.DictReader(fh)]
    return out


#: Words lunr's English pipeline (mkdocs-material's default) drops from the index and the query: a
#: name form holding one ("AS", Amerika Serikat) is searched without it, so it is left out here.
#: A known limit of the site's search, said in the issue's note; the rest of the form still finds its row
#: when it is distinctive.
LUNR_STOP_WORDS = {"as", "at", "in", "on", "of", "to", "the", "a", "an", "and", "or", "is", "it", "by", "for"}


def check_search(driver, base: str, name: str, every: int = 1) -> None:
    """Every name form (every ``every``-th) finds its row, shown with its table and id; then a screenshot."""
    assert not load(driver, base + "index.html")
    missing = []
    queries = name_queries()
    assert len(queries) > 100
    queries = queries[::every]
    for query, table, rid in queries:
        found = search(driver, query)
        want = f"{table}.html#{rid}"
        hits = [text for href, text in found if target(href) == want]
        if not hits:
            missing.append(f"{query!r} -> {want}: {[h for h, _ in found][:5]}")
        elif not hits[0].startswith(rid.replace("--", " · ")):
            missing.append(f"{query!r}: the result does not start with the row's id: {hits[0][:80]!r}")
    assert not missing, f"{len(missing)} of {len(queries)} name forms do not find their rows:\n" + "\n".join(missing[:30])
    # A result names its table (the page it is on) and its row, and no table is one blob of cells.
    found = search(driver, "Nazarbayev")
    assert found and target(found[0][0]) == "actors.html#nazarbayev", found[:3]
    first = driver.execute_script("return document.querySelector('.md-search-result__item').innerText")
    assert first.startswith("actors") and "nazarbayev — Nursultan Nazarbayev" in first, first
    blobs = driver.execute_script("return Array.from(document.querySelectorAll('.md-search-result__item'), e => e.innerText)")
    assert not any("event_idsource_id" in b.replace("\n", "") for b in blobs)
    search(driver, "Yokayev")
    full_page_screenshot(driver, ARTIFACTS / f"search-{name}.png")


def test_search_from_disk_finds_every_name_form(server, driver):
    """The site opened from disk (file://): search_index.js loads on every page, and the search works."""
    site, _ = build()
    # The site's pages (404.html is for a web server's root; downloads/ holds files, not pages).
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                   if p.name != "404.html" and p.relative_to(site).parts[0] != "downloads")
    failed = {}
    for page in pages:
        severe = load(driver, (site / page).as_uri())
        deadline = time.time() + 10
        while driver.execute_script("return typeof __index") != "object" and time.time() < deadline:
            time.sleep(0.05)
        if severe or driver.execute_script("return typeof __index") != "object":
            failed[page] = severe or "search/search_index.js did not load"
    assert len(pages) > 25 and not failed, json.dumps(failed, indent=1)[:3000]
    # The index is the one served over HTTP (tested with every name form below): here, a fifth of them.
    check_search(driver, site.as_uri() + "/", "file", every=5)


def test_search_over_http_finds_every_name_form(server, driver):
    check_search(driver, server.base, "http")


def test_article_pages_show_every_translation_beside_its_passage(server, driver):
    """Each article shows, without hovering, the English translation of every passage quoted from it,
    under the paragraph the passage ends in."""
    import csv

    package = model.read(ROOT)
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8", newline="") as fh:
        sources = [r["source_id"] for r in csv.DictReader(fh)]
    for sid in sources:
        wanted = set()
        for t in package.tables.values():
            spans = [s for s in t.spans if s.translation]
            if not spans:
                continue
            with (ROOT / t.path).open(encoding="utf-8", newline="") as fh:
                for r in csv.DictReader(fh):
                    wanted |= {" ".join(r[s.translation].split()) for s in spans if r[s.source] == sid and r[s.translation]}
        assert not load(driver, server.base + f"provenance/{sid}.html")
        notes = driver.execute_script(
            "return Array.from(document.querySelectorAll('.qantar-article .qtr'), "
            "e => [e.getBoundingClientRect().width > 0 && getComputedStyle(e).visibility === 'visible', e.innerText])")
        assert notes and all(visible for visible, _ in notes), sid
        shown = " ".join(" ".join(text.split()) for _, text in notes)
        missing = [w for w in wanted if w not in shown]
        assert wanted and not missing, (sid, missing[:5])
        if sid.startswith("002"):
            driver.execute_script("document.querySelector('.qantar-article .qtr').scrollIntoView({block: 'center'})")
            shot(driver, "article-translations.png")


def test_timeline_axis_starts_at_the_first_event_and_labels_are_whole(server, driver):
    import csv
    import datetime as dt

    with (ROOT / "data" / "events.csv").open(encoding="utf-8", newline="") as fh:
        events = list(csv.DictReader(fh))
    main = [e for e in events if e["date_start"] >= "2021-12-01"]
    first = min(dt.date.fromisoformat(e["date_start"]) for e in main)
    last = max(dt.date.fromisoformat(e["date_end"] or e["date_start"]) for e in main)
    assert not load(driver, server.base + "timeline.html")
    ticks = driver.execute_script(
        "return Array.from(document.querySelectorAll('svg .tl-tick'), t => t.getAttribute('data-day'))")
    days = sorted(dt.date.fromisoformat(d) for d in ticks)
    assert days and abs((days[0] - first).days) <= 1, (days[:3], first)
    assert days[-1] >= last - dt.timedelta(days=7) and days[-1] <= last + dt.timedelta(days=7), (days[-3:], last)
    # Every event's label holds its whole summary, and no label reaches into the plot.
    svg = driver.find_element("css selector", ".qantar-figure svg.qantar-timeline")
    text = " ".join(driver.execute_script(
        "return Array.from(arguments[0].querySelectorAll('a > text'), "
        "t => Array.from(t.querySelectorAll(':scope > tspan'), s => s.textContent).join(' '))", svg))
    text = " ".join(text.split())
    cut = [e["event_id"] for e in main if " ".join(e["summary_en"].split()) not in text]
    assert not cut, cut
    overflow = driver.execute_script(
        "const svg = arguments[0], plot = svg.querySelector('.tl-tick').getBoundingClientRect().left;"
        "return Array.from(svg.querySelectorAll('a > text'), t => t.getBoundingClientRect().right).filter(r => r > plot).length", svg)
    assert overflow == 0
    driver.execute_script("arguments[0].scrollIntoView()", svg)
    shot(driver, "timeline-axis.png")
    full_page_screenshot(driver, ARTIFACTS / "timeline-full.png")


@pytest.mark.parametrize("table", [t["name"] for t in TABLES])
def test_wide_table_keeps_key_and_summary_in_view(server, driver, table):
    """At a desktop width, a table's key and what its rows are (summary_en, name_en...) are in view
    without scrolling sideways, and the key stays in view when the table is scrolled to its last column."""
    from qantar.site.search import label_field

    t = model.read(ROOT).tables[table]
    label = label_field(t)
    assert not load(driver, server.base + f"tables/{table}.html")
    width = driver.execute_script("return window.innerWidth")
    heads = driver.execute_script(
        "return Array.from(document.querySelectorAll('table[data-table] thead th'), "
        "th => [th.textContent.trim(), th.getBoundingClientRect().left, th.getBoundingClientRect().right])")
    where = {name: (left, right) for name, left, right in heads}
    for name in [*t.primary_key[:1], *([label] if label else [])]:
        assert 0 <= where[name][0] and where[name][1] <= width, (name, where[name], width)
    wrap = driver.find_element("css selector", ".qantar-data")
    driver.execute_script("arguments[0].scrollLeft = arguments[0].scrollWidth", wrap)
    key_left = driver.execute_script(
        "return document.querySelector('table[data-table] tbody td').getBoundingClientRect().left "
        "- arguments[0].getBoundingClientRect().left", wrap)
    assert abs(key_left) <= 2, key_left
    if table == "events":
        driver.execute_script("arguments[0].scrollIntoView()", wrap)
        shot(driver, "events-table-scrolled.png")  # the key column stays while the last columns show
        driver.execute_script("arguments[0].scrollLeft = 0", wrap)
        shot(driver, "events-table-summary.png")


def test_downloads_page_lists_every_release_file_with_its_sha256(driver, tmp_path):
    """A site built beside a release folder offers every file its SHA256SUMS lists, with the sha256;
    a file whose bytes differ from the list is named and not offered."""
    import hashlib

    from qantar.release.archive import write_sums

    release = tmp_path / "release"
    files = {"qantar-9.9.9.zip": b"zip", "qantar-9.9.9-py3-none-any.whl": b"wheel", "parquet/events.parquet": b"pq",
             "qantar-9.9.9.sqlite": b"db", "qantar-9.9.9.croissant.json": b"{}",
             "README.md": b"---\nconfigs: []\n---\n# A dataset card, offered as it is, never rendered\n"}
    for name, data in files.items():
        (release / name).parent.mkdir(parents=True, exist_ok=True)
        (release / name).write_bytes(data)
    write_sums(release)
    (release / "qantar-9.9.9.sqlite").write_bytes(b"changed after the list was written")
    site, _ = build(ROOT, QANTAR_RELEASE_DIR=str(release))
    srv = Server(site)
    try:
        assert not load(driver, srv.base + "downloads.html")
        rows = driver.execute_script(
            "return Array.from(document.querySelectorAll('#release ~ .qantar-table-wrap')[0].querySelectorAll('tbody tr'), "
            "r => [r.cells[0].innerText, r.cells[2].innerText, r.querySelector('a').href])")
        listed = {name: (sha, href) for name, sha, href in rows}
        offered = {n: d for n, d in files.items() if n != "qantar-9.9.9.sqlite"}
        assert set(listed) == set(offered)
        for name, data in offered.items():
            sha, href = listed[name]
            assert sha == hashlib.sha256(data).hexdigest()
            assert fetch(href) == (200, data)
        problems = driver.find_element("css selector", ".admonition.failure").text
        assert "qantar-9.9.9.sqlite" in problems
        sums = driver.find_element("link text", "SHA256SUMS").get_attribute("href")
        assert fetch(sums) == (200, (release / "SHA256SUMS").read_bytes())
        full_page_screenshot(driver, ARTIFACTS / "downloads.png")
    finally:
        srv.close()
