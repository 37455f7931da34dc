"""CITATION.cff, ``qantar.cite`` and ``qantar cite``: one citation, generated from the descriptor.

``cffconvert --validate`` checks the file against the CFF 1.2.0 schema. cffconvert 2.0.0 (the
current release) pins jsonschema<4 while frictionless needs jsonschema>=4.20, so it cannot
share the test environment: the test command (README, .ci/run) installs it into a venv of its
own, ``.venv/cffconvert`` (or set ``QANTAR_CFFCONVERT`` to the executable). Nothing is installed
at test time: the tests need no network.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REAL_DESCRIPTOR, REPO

from qantar.citation import apa, bibtex, cite, metadata, to_cff

pytestmark = pytest.mark.skipif(not REAL_DESCRIPTOR.is_file(), reason="needs the real data package")

CFFCONVERT = "cffconvert==2.0.0"
SETUP = f"python3 -m venv .venv/cffconvert && .venv/cffconvert/bin/pip install -q {CFFCONVERT}"
DESCRIPTOR = json.loads(REAL_DESCRIPTOR.read_text(encoding="utf-8")) if REAL_DESCRIPTOR.is_file() else {}


@pytest.fixture(scope="session")
def cffconvert() -> Path:
    exe = Path(os.environ.get("QANTAR_CFFCONVERT") or REPO / ".venv" / "cffconvert" / "bin" / "cffconvert")
    if not exe.is_file():
        pytest.fail(f"cffconvert is not installed at {exe}: run the test command's setup first ({SETUP})", pytrace=False)
    return exe


def validate_cff(exe: Path, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(exe), "--validate", "-i", str(path)], capture_output=True, text=True, timeout=120)


def test_citation_cff_validates(cffconvert: Path, tmp_path: Path) -> None:
    done = validate_cff(cffconvert, REPO / "CITATION.cff")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "valid" in done.stdout
    broken = tmp_path / "CITATION.cff"
    broken.write_text((REPO / "CITATION.cff").read_text(encoding="utf-8").replace('type: "dataset"', 'type: "novel"'), encoding="utf-8")
    assert validate_cff(cffconvert, broken).returncode != 0  # the validator does reject a bad file


def test_citation_cff_is_generated_from_the_descriptor() -> None:
    assert (REPO / "CITATION.cff").read_text(encoding="utf-8") == to_cff(metadata(REPO)), (
        "CITATION.cff is out of date: run `qantar release --citation`"
    )


def test_citation_cff_says_what_the_descriptor_and_sources_say() -> None:
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["type"] == "dataset"
    assert cff["authors"] == [{"name": "The Qantar contributors"}]
    assert cff["title"] == DESCRIPTOR["title"]
    assert cff["version"] == DESCRIPTOR["version"]
    assert cff["date-released"] == DESCRIPTOR["created"][:10]
    assert cff["license"] == "CC-BY-4.0" and "MIT" in cff["message"]
    assert cff["abstract"] == DESCRIPTOR["description"]
    assert cff["keywords"] == DESCRIPTOR["keywords"]
    assert not {"repository-code", "url", "doi"} & cff.keys()  # none known: none invented
    with open(REPO / "data" / "sources.csv", encoding="utf-8", newline="") as fh:
        sources = list(csv.DictReader(fh))
    assert len(cff["references"]) == len(sources) == 5
    for ref, row in zip(cff["references"], sources, strict=True):
        assert ref["title"] == row["title"]
        assert ref["date-published"] == row["published_date"]
        assert ref["languages"] == [row["language"]]
        assert ref["type"] == ("newspaper-article" if row["outlet"] else "article")
        assert ref.get("publisher", {}).get("name", "") == row["outlet"]
        assert ref["filename"] == row["path"] and row["sha256"] in ref["notes"]


def test_cff_writer_round_trips_awkward_strings() -> None:
    tricky = {
        "title": 'Quotes " and \' and \\ backslash: colon # hash',
        "abstract": "line one\nline two\ttab \u2028 separator – dash, Қарағанды, 🙂",
        "keywords": ["yes", "no", "null", "1.0", "- dash", ""],
        "references": [{"type": "article", "authors": [{"name": "anonymous"}], "year": 2022}],
    }
    assert yaml.safe_load(to_cff(tricky)) == tricky


def test_bibtex_and_apa() -> None:
    cff = metadata(REPO)
    version = DESCRIPTOR["version"]
    entry = bibtex(cff)
    assert entry.startswith(f"@misc{{qantar_{version.replace('.', '_')},")
    assert "{{The Qantar contributors}}" in entry and f"version  = {{{version}}}" in entry
    assert entry.count("{") == entry.count("}")
    assert bibtex({**cff, "title": "Profits & 50% of #1_items"}).count(r"\&") == 1
    reference = apa(cff)
    assert reference.startswith(f"The Qantar contributors. ({DESCRIPTOR['created'][:4]}). ")
    assert reference.endswith(f"(Version {version}) [Data set].")
    assert apa(cff, markdown=True).count("*") == 2
    person = {"authors": [{"family-names": "Example", "given-names": "Ada Maria"}], "title": "T", "doi": "10.1/x"}
    assert apa(person) == "Example, A. M. (n.d.). T [Data set]. https://doi.org/10.1/x"
    with pytest.raises(ValueError, match="one of apa, bibtex, cff"):
        cite("mla")


def run_cite(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "qantar", "cite", *args], capture_output=True, text=True, timeout=120, cwd=REPO
    )


def test_cite_command_prints_bibtex_apa_and_cff() -> None:
    version = DESCRIPTOR["version"]
    bib, apa_text, cff_text = run_cite("--format", "bibtex"), run_cite(), run_cite("--format", "cff")
    for done in (bib, apa_text, cff_text):
        assert done.returncode == 0, done.stderr
    assert bib.stdout.startswith("@misc{qantar_") and f"version  = {{{version}}}" in bib.stdout
    assert f"(Version {version}) [Data set]." in apa_text.stdout
    assert cff_text.stdout == (REPO / "CITATION.cff").read_text(encoding="utf-8")
    assert run_cite("--format", "mla").returncode == 2


def test_qantar_cite_is_the_installed_version() -> None:
    import qantar

    assert f"Version {qantar.data_version}" in qantar.cite()
    assert f"version  = {{{qantar.data_version}}}" in qantar.cite("bibtex")


def test_citation_reads_the_sources_table_like_the_loader(tmp_path: Path) -> None:
    """The references come from the sources table as the loader types it: a bad cell is a DataError
    naming the table, row and column, never a citation built from whatever the cell says."""
    from release_helpers import copy_package, edit_rows

    from qantar import DataError

    root = copy_package(tmp_path / "pkg")
    assert to_cff(metadata(root)) == (REPO / "CITATION.cff").read_text(encoding="utf-8")
    edit_rows(root, "sources", lambda rows: rows[2].__setitem__(rows[0].index("published_date"), "5 January 2022"))
    with pytest.raises(DataError) as err:
        metadata(root)
    assert (err.value.table, err.value.row, err.value.column) == ("sources", 2, "published_date")
    (root / "data" / "sources.csv").unlink()  # a package without its article register still has a citation
    assert "references" not in metadata(root)


# --- DOI, URL and .zenodo.json --------------------------------------------------------------

from qantar.citation import ZENODO, doi, to_zenodo  # noqa: E402


def test_zenodo_json_is_generated_from_the_descriptor() -> None:
    assert (REPO / ZENODO).read_text(encoding="utf-8") == to_zenodo(metadata(REPO)), (
        ".zenodo.json is out of date: run `qantar release --citation`"
    )
    zenodo = json.loads((REPO / ZENODO).read_text(encoding="utf-8"))
    assert zenodo["upload_type"] == "dataset" and zenodo["version"] == DESCRIPTOR["version"]
    assert zenodo["publication_date"] == DESCRIPTOR["created"][:10] and zenodo["license"] == "cc-by-4.0"
    assert zenodo["title"] == DESCRIPTOR["title"] and zenodo["creators"]


@pytest.mark.parametrize("value, expected", [
    ("10.5281/zenodo.1234567", "10.5281/zenodo.1234567"),
    ("https://doi.org/10.5281/zenodo.1234567", "10.5281/zenodo.1234567"),
    ("http://dx.doi.org/10.1000/xyz-1", "10.1000/xyz-1"),
    ("doi:10.1000/abc", "10.1000/abc"),
    ("https://example.org/qantar", None),
    ("zenodo.1234567", None),
    ("a4b2c1d0-uuid", None),
    ("", None),
    (None, None),
    (10.5281, None),
])
def test_a_doi_is_read_from_the_descriptor_id_and_never_guessed(value, expected) -> None:
    assert doi(value) == expected


def with_identity(tmp_path: Path, **keys: str) -> Path:
    root = tmp_path / "pkg"
    for name in ("datapackage.json", "data", "articles"):
        src = REPO / name
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            import shutil

            shutil.copytree(src, root / name)
        else:
            (root / name).write_bytes(src.read_bytes())
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    descriptor.update(keys)
    (root / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return root


def test_the_doi_and_url_reach_every_citation_once_the_descriptor_has_them(tmp_path: Path) -> None:
    root = with_identity(tmp_path, id="https://doi.org/10.5281/zenodo.999", homepage="https://qantar.example.org/")
    cff = metadata(root)
    assert cff["doi"] == "10.5281/zenodo.999" and cff["url"] == "https://qantar.example.org/"
    assert "https://doi.org/10.5281/zenodo.999" in cite("apa", root=root)
    assert "doi      = {10.5281/zenodo.999}" in cite("bibtex", root=root)
    assert "url      = {https://qantar.example.org/}" in cite("bibtex", root=root)
    assert 'doi: "10.5281/zenodo.999"' in cite("cff", root=root)
    zenodo = json.loads(to_zenodo(cff))
    assert zenodo["doi"] == "10.5281/zenodo.999"
    assert zenodo["related_identifiers"] == [
        {"identifier": "https://qantar.example.org/", "relation": "isDocumentedBy", "scheme": "url"}
    ]


def test_without_a_doi_nothing_is_invented_and_the_command_says_so() -> None:
    if doi(DESCRIPTOR.get("id")):
        pytest.skip("the descriptor has a DOI now")
    for style in ("apa", "bibtex", "cff"):
        assert "doi" not in cite(style, root=REPO).lower()
    assert "doi" not in (REPO / ZENODO).read_text(encoding="utf-8").lower()
    done = run_cite("--format", "bibtex")
    assert done.returncode == 0 and done.stdout.startswith("@misc{")  # the note stays out of the .bib
    assert "no DOI yet" in done.stderr and "doi" not in done.stdout.lower()


def test_a_stale_zenodo_json_stops_a_release(tmp_path: Path) -> None:
    from qantar.release.build import preflight

    root = with_identity(tmp_path)
    for name in ("CHANGELOG.md", "CITATION.cff", "pyproject.toml", ZENODO):
        (root / name).write_bytes((REPO / name).read_bytes())
    assert not any(ZENODO in p for p in preflight(root))  # no release register, no git: only the files matter
    (root / ZENODO).write_text("{}\n", encoding="utf-8")
    assert any(p == f"{ZENODO} does not match datapackage.json: run `qantar release --citation`" for p in preflight(root))


def test_the_site_cite_page_says_no_doi_yet_until_the_descriptor_has_one(tmp_path: Path) -> None:
    from html import unescape

    from qantar.site import cite as cite_page
    from qantar.site import data

    page = cite_page.page(data.read(REPO))
    assert ('!!! note "No DOI yet"' in page) == (doi(DESCRIPTOR.get("id")) is None)
    root = with_identity(tmp_path, id="10.5281/zenodo.999")
    page = unescape(cite_page.page(data.read(root)))
    assert "No DOI yet" not in page and "https://doi.org/10.5281/zenodo.999" in page
