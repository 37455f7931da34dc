"""Page generation (``qantar.site``) without MkDocs: the one list of pages, spans from the descriptor,
and the validation page built from reports that real runs of ``qantar validate`` wrote."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from html import unescape
from pathlib import Path

import pytest
from _docs_site import ROOT, copy_repo, report

from qantar.site import articles, data, pages, passages, validation
from qantar.validate import validate
from qantar.validate.catalogue import LAYERS

SITE = data.read(ROOT)


def shown(markdown: str) -> str:
    """The text a page shows: tags dropped, character references decoded."""
    return unescape(re.sub(r"<[^>]+>", "", markdown))


# --- the one list of pages ----------------------------------------------------------------------


def test_the_prose_pages_are_exactly_the_files_in_docs() -> None:
    files = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md") if "_hooks" not in p.parts}
    assert set(pages.prose()) == files


def test_every_page_has_one_source_path_and_the_nav_holds_them_all() -> None:
    every = pages.all_pages(SITE)
    srcs = [p.src for p in every]
    assert len(srcs) == len(set(srcs))
    assert {f"tables/{t}.md" for t in SITE.tables} | {f"provenance/{s}.md" for s in SITE.texts} <= set(srcs)
    in_nav = json.dumps(pages.nav(SITE))
    assert all(json.dumps(src) in in_nav for src in srcs)
    generated = pages.generate(SITE)
    assert {p.src for p in every if p.make is not None} <= set(generated)
    assert "assets/generated/erd.svg" in generated and f"downloads/qantar-{SITE.version}.zip" in generated


def test_nav_titles_from_the_data_are_html_text(tmp_path: Path) -> None:
    root = copy_repo()
    sources = root / "data" / "sources.csv"
    text = sources.read_text(encoding="utf-8")
    first = text.splitlines()[1]
    title = first.split(",")[1]
    sources.write_text(text.replace(title, "<b onmouseover=x>T</b>", 1), encoding="utf-8", newline="")
    nav = json.dumps(pages.nav(data.read(root)))
    assert "<b" not in nav and "&lt;b onmouseover=x&gt;T&lt;/b&gt;" in nav


# --- spans come from the descriptor ----------------------------------------------------------------


def test_a_table_that_declares_spans_is_on_the_article_pages_whatever_its_column_names() -> None:
    """A new quoted table needs its CSV and its entry in datapackage.json with its spans; the article
    pages pick it up, whatever its columns are called (no naming convention is assumed)."""
    root = copy_repo()
    sid = SITE.rows("sources")[0]["source_id"]
    text = SITE.texts[sid]
    start = text.index(text.split()[3])
    quote = text[start:start + 40]
    (root / "data" / "witnesses.csv").write_text(
        "witness,article,begin,finish,said,said_en\n"
        f"W1,{sid},{start},{start + len(quote)},\"{quote}\",What was said\n", encoding="utf-8", newline="")
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"].append({
        "name": "witnesses", "type": "table", "path": "data/witnesses.csv", "format": "csv", "encoding": "utf-8",
        "schema": {
            "fields": [{"name": n, "type": "integer" if n in ("begin", "finish") else "string"}
                       for n in ("witness", "article", "begin", "finish", "said", "said_en")],
            "primaryKey": ["witness"],
            "foreignKeys": [{"fields": ["article"], "reference": {"resource": "sources", "fields": ["source_id"]}}],
            "qantar:spans": [{"name": "said", "kind": "claim", "source": "article", "start": "begin", "end": "finish",
                              "text": "said", "translation": "said_en"}],
        },
    })
    (root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    site = data.read(root)
    found, problems = passages.collect(site)
    refs = [(p.start, p.end, r) for p in found[sid] for r in p.refs if r.table == "witnesses"]
    assert problems == [] and [(s, e, r.label, r.row_id, r.english) for s, e, r in refs] == [
        (start, start + len(quote), "W1", "W1", "What was said")]
    page = articles.article_page(site, site.rows("sources")[0], found[sid], problems)
    assert 'href="../tables/witnesses.html#W1"' in page and "witnesses (W1 …)" in shown(page)
    assert 'href="../provenance/' in pages.generate(site)["tables/witnesses.md"]  # its offsets lead to the passage


def test_offsets_that_miss_their_text_are_reported_by_table_and_row() -> None:
    root = copy_repo()
    exclusions = root / "data" / "exclusions.csv"
    lines = exclusions.read_text(encoding="utf-8").split("\n")
    header, row = lines[0].split(","), lines[1].split(",")
    row[header.index("char_start")] = str(int(row[header.index("char_start")]) + 1)
    row[header.index("char_end")] = str(int(row[header.index("char_end")]) + 1)
    lines[1] = ",".join(row)
    exclusions.write_text("\n".join(lines), encoding="utf-8", newline="")
    site = data.read(root)
    problems = pages.problems(site)
    assert len(problems) == 1 and problems[0].startswith(f"exclusions {row[0]}: ") and row[1] in problems[0]


def test_a_table_the_site_cannot_read_is_a_problem_not_a_crash() -> None:
    root = copy_repo()
    (root / "data" / "figures.csv").write_bytes(b'figure_id\n"F001\n')
    (root / "data" / "memberships.csv").unlink()
    site = data.read(root)
    generated = pages.generate(site)
    assert "tables/figures.md" in generated and "tables/memberships.md" in generated
    problems = " | ".join(pages.problems(site))
    assert "'figures': malformed CSV (line 2)" in problems and "memberships.csv" in problems and "missing" in problems
    assert "the coding reliability page cannot be computed" in problems  # it compares the tables too
    assert '!!! warning "Not computed"' in generated["reliability.md"]


# --- the validation page, from real reports ------------------------------------------------------


def page_of(root: Path, **env: str) -> str:
    return validation.page(data.read(root, env))


def layer_status(page: str) -> dict[str, str]:
    return {name: status for name, status in re.findall(
        r'<tr id="layer-([a-z_]+)"><td>[^<]*</td><td><span class="qantar-status \w+">([^<]*)</span>', page)}


def test_a_passing_report() -> None:
    root = report("passing")
    written = json.loads((root / "build" / "validation.json").read_text(encoding="utf-8"))
    page = page_of(root)
    assert '!!! success "Latest run: passed: everything holds"' in page and "!!! failure" not in page
    ran = [layer["layer"] for layer in written["layers"]]
    assert ran == list(LAYERS[:3])  # --fast
    assert layer_status(page) == {**{name: "passed" for name in ran}, "great_expectations": "not run"}
    for layer in written["layers"]:
        row = re.search(rf'<tr id="layer-{layer["layer"]}">(.*?)</tr>', page).group(1)
        assert re.findall(r'class="qantar-num">([^<]*)<', row)[:4] == [
            f"{layer['checks_run']:,}", f"{layer['passed']:,}", str(layer["failed"]), "0"]
    assert "None: every check that ran holds." in page
    for library, version in written["versions"].items():
        assert f"| {library} | {version} |" in shown(page)


def test_a_failing_report_shows_failing_with_every_failure_once() -> None:
    root = report("failing")
    written = json.loads((root / "build" / "validation.json").read_text(encoding="utf-8"))
    page = page_of(root)
    assert f'!!! failure "Latest run: failed: {written["summary"]["line"]}' in unescape(page)
    assert "!!! success" not in page
    failed = {layer["layer"] for layer in written["layers"] if layer["failures"]}
    assert failed and all(layer_status(page)[name] == "failed" for name in failed)
    rows = re.findall(r"<tr><td>(?:<a [^>]*>)?([^<]*)(?:</a>)?</td><td class=\"qantar-num\">([^<]*)</td>"
                      r"<td>(?:<code>)?([^<]*)(?:</code>)?</td><td>(?:<code>)?([^<]*)(?:</code>)?</td><td>([^<]*)</td>", page)
    assert len(rows) == len(written["failures"]) >= 5
    assert {tuple(unescape(x) for x in r) for r in rows} == {
        (f["table"], str(f["row"] or ""), f["column"] or "", f["rule"], ", ".join(f["layers"])) for f in written["failures"]}
    # the emptied id: one failure, seen by two layers; the typo: an enum failure
    assert ("events", "2", "event_id", "required", "frictionless, pandera") in rows
    assert any(r[0] == "events" and r[2] == "status" for r in rows)


def test_a_layer_that_could_not_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_repo()
    monkeypatch.setitem(sys.modules, "duckdb", None)  # the consistency layer's library is missing
    validate(root, layers=["consistency"], parallel=False, report_dir=root / "build")
    written = json.loads((root / "build" / "validation.json").read_text(encoding="utf-8"))
    assert written["summary"]["layers_not_run"] == ["consistency"]
    page = page_of(root)
    assert "!!! failure \"Latest run: failed: not validated" in page
    assert layer_status(page) == {"frictionless": "not run", "pandera": "not run", "consistency": "could not run",
                                  "great_expectations": "not run"}
    assert list(layer_status(page)) == list(LAYERS)
    error = written["layers"][0]["error"]
    assert "duckdb" in error and "!!! failure \"Cross-table consistency" in unescape(page)
    assert f"could not run\"\n    {error}" in unescape(page)


def test_a_failure_quoting_markup_shows_it_as_text() -> None:
    root = copy_repo()
    events = root / "data" / "events.csv"
    events.write_bytes(events.read_bytes().replace(b",occurred,", b',"<img src=x onerror=alert(1)>",', 1))
    validate(root, layers=["frictionless"], report_dir=root / "build")
    page = page_of(root)
    assert "<img" not in page and "onerror=alert(1)" in shown(page)


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b'{"valid": true, "tasks": []}', b"[" * 100 + b"]" * 100,
                                     b"\xff\xfe"])
def test_a_file_that_is_not_a_report_is_named_unreadable(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "validation.json"
    path.write_bytes(content)
    page = page_of(ROOT, QANTAR_VALIDATION_REPORT=str(path))
    assert '!!! warning "Report unreadable"' in page and "Latest run: passed" not in page
    assert validation.files(data.read(ROOT, {"QANTAR_VALIDATION_REPORT": str(path)})) == {}


def test_no_report_and_a_folder_in_its_place(tmp_path: Path) -> None:
    assert '!!! note "Not yet run"' in page_of(ROOT, QANTAR_VALIDATION_REPORT=str(tmp_path / "none.json"))
    (tmp_path / "dir.json").mkdir()
    assert '!!! warning "Report unreadable"' in page_of(ROOT, QANTAR_VALIDATION_REPORT=str(tmp_path / "dir.json"))


def test_the_environment_names_another_report(tmp_path: Path) -> None:
    moved = tmp_path / "elsewhere" / "report.json"
    moved.parent.mkdir()
    shutil.copy2(report("failing") / "build" / "validation.json", moved)
    page = page_of(report("passing"), QANTAR_VALIDATION_REPORT=str(moved))
    assert "!!! failure" in page


def test_a_report_older_than_the_data_is_called_stale() -> None:
    root = copy_repo()
    validate(root, layers=["pandera"], report_dir=root / "build")
    assert "may be stale" not in page_of(root)
    later = os.stat(root / "build" / "validation.json").st_mtime + 10
    os.utime(root / "data" / "events.csv", (later, later))
    assert "may be stale" in page_of(root)
