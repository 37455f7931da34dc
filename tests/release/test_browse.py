"""``qantar browse``: Datasette on the SQLite export, with metadata generated from the descriptor.

One server per module, started by the command on a free port of 127.0.0.1 and stopped with
SIGTERM at the end; every request goes to that address only, with a bounded wait.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from urllib.error import URLError

import pytest
from conftest import REAL_DESCRIPTOR, REPO

import qantar
from qantar import model
from qantar.export.datasette import claims_sql, metadata

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not REAL_DESCRIPTOR.is_file(), reason="needs the real data package")]
pytest.importorskip("datasette")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = free_port()
    child = subprocess.Popen(
        [sys.executable, "-m", "qantar", "browse", "--port", str(port), "--root", str(REPO)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):  # up to a minute
            if child.poll() is not None:
                pytest.fail(f"qantar browse exited: {child.stderr.read()[-2000:]}")
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=5).read()
                break
            except (URLError, ConnectionError):
                time.sleep(0.25)
        else:
            pytest.fail("Datasette did not answer within a minute")
        yield base
    finally:
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
    with pytest.raises((URLError, ConnectionError)):
        urllib.request.urlopen(base + "/", timeout=5)  # stopped: Datasette went with the command


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200, url
        return response.read().decode("utf-8")


def test_a_table_page_shows_the_descriptions(server: str) -> None:
    package = model.read(REPO)
    page = get(f"{server}/qantar/events")
    assert package.tables["events"].description.split(".")[0][:40].replace("'", "&#39;") in page
    info = json.loads(get(f"{server}/qantar/events.json?_shape=objects&_size=max"))
    assert len(info["rows"]) == qantar.load("events").height


def test_a_facet_on_a_vocabulary(server: str) -> None:
    package = model.read(REPO)
    events = package.tables["events"]
    vocabulary = [f for f in events.fields if f.categories is not None]
    data = json.loads(get(f"{server}/qantar/events.json?_shape=objects"))
    facets = data["facet_results"]
    facets = facets.get("results", facets)  # the JSON shape of Datasette 0.65 and of 1.0
    assert {f.name for f in vocabulary} <= set(facets)
    status = facets["status"]["results"]
    assert {r["value"] for r in status} <= set(events.field("status").categories)
    assert sum(r["count"] for r in status) == data.get("filtered_table_rows_count", sum(r["count"] for r in status))


def test_a_foreign_key_link_resolves_with_its_label(server: str) -> None:
    page = get(f"{server}/qantar/events")
    links = re.findall(r'href="/qantar/places/([^"]+)">([^<]+)</a>', page)
    assert links, "no link from events to places"
    names = dict(qantar.load("places").select("place_id", "name_en").iter_rows())
    for place_id, label in links:
        assert html.unescape(label).strip() == names[place_id]  # the label column, not the bare key
    row = get(f"{server}/qantar/places/{links[0][0]}")
    assert html.escape(names[links[0][0]], quote=True).split("&")[0] in row
    sources = get(f"{server}/qantar/event_sources")
    assert re.search(r'href="/qantar/sources/[^"]+">[^<]+</a>', sources)


def test_canned_queries(server: str) -> None:
    package = model.read(REPO)
    by_date = json.loads(get(f"{server}/qantar/events_by_date.json?_shape=array"))
    dates = [r["date_start"] for r in by_date]
    assert dates == sorted(dates)
    assert len(by_date) == qantar.load("events").height
    assert all(r["event_type_label"] for r in by_date)
    claims = json.loads(get(f"{server}/qantar/claims_by_source.json?_shape=array"))
    expected = sum(
        1 for t in package.tables.values() for s in t.spans_of("claim")
        for v in qantar.load(t.name)[s.text].to_list() if v is not None
    )
    assert sum(r["claims"] for r in claims) == expected > 0
    source = claims[0]["source_id"]
    one = json.loads(get(f"{server}/qantar/claims_of_source.json?_shape=array&source_id={source}"))
    assert len(one) == sum(r["claims"] for r in claims if r["source_id"] == source)


def test_metadata_covers_every_table_from_the_descriptor() -> None:
    package = model.read(REPO)
    meta = metadata(package)["databases"]["qantar"]
    for name, table in package.tables.items():
        entry = meta["tables"][name]
        assert entry.get("description") == table.description
        assert set(entry["columns"]) == {f.name for f in table.fields if f.description}
        assert entry.get("facets", []) == [f.name for f in table.fields if f.categories is not None]
        named = {"label", "name_en", "name", "title_en", "title"} & set(table.field_names)
        assert ("label_column" in entry) == bool(named), name
    assert claims_sql(package).count("UNION ALL") == len(package.spans("claim")) - 1


def test_browse_says_how_to_install_datasette(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    import importlib.util

    from qantar.cli import browse

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "datasette" else real(name, *a))
    assert browse.run(argparse.Namespace(port=8001, root=None)) == 1
    assert 'pip install -e ".[browse]"' in capsys.readouterr().err  # true before qantar is on PyPI
