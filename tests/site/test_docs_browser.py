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
    first = driver.execute_script(rows + "[0].cells[2].textContent")
    ends = driver.execute_script(rows + ".map(r => r.cells[2].textContent)")
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
