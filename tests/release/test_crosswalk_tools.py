"""The maintainers' crosswalk tools (tools/crosswalks/): what they generate is what is committed.

build.py is standard library only, so it is regenerated and compared here on every run.
country_codes.py needs its pinned libraries (tools/crosswalks/requirements.txt, not qantar's
dependencies: countrycode is GPL); each row of data/country_codes.csv is checked against
whichever of them is installed, and the values the project's reference states are checked always.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REAL_DESCRIPTOR, REPO

pytestmark = pytest.mark.skipif(not REAL_DESCRIPTOR.is_file(), reason="no real data")
TOOLS = REPO / "tools" / "crosswalks"


def build(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOLS / "build.py"), "--root", str(root), *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "validators").mkdir(parents=True)
    shutil.copy2(REPO / "datapackage.json", root / "datapackage.json")
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "validators" / "sql", root / "validators" / "sql")
    return root


def test_the_committed_schemas_and_pair_rules_are_what_build_generates():
    done = build(REPO, "--check")
    assert done.returncode == 0, done.stderr


def test_check_names_a_stale_descriptor_and_a_hand_edited_rule(repo_copy):
    descriptor = repo_copy / "datapackage.json"
    descriptor.write_text(descriptor.read_text(encoding="utf-8").replace('"Mob violence"', '"Mob  violence"', 1), encoding="utf-8")
    rule = repo_copy / "validators" / "sql" / "crosswalk_pair_plover_mode.sql"
    rule.write_text(rule.read_text(encoding="utf-8").replace("('PROTEST', 'riot'),\n", ""), encoding="utf-8")
    done = build(repo_copy, "--check")
    assert done.returncode == 1
    assert "datapackage.json is not what build.py generates" in done.stderr
    assert "crosswalk_pair_plover_mode.sql is not what build.py generates" in done.stderr
    assert build(repo_copy).returncode == 0  # regenerating mends both
    assert build(repo_copy, "--check").returncode == 0
    assert descriptor.read_bytes() == (REPO / "datapackage.json").read_bytes()
    assert rule.read_bytes() == (REPO / "validators" / "sql" / rule.name).read_bytes()


def test_a_miscited_reference_line_is_named(repo_copy):
    path = repo_copy / "data" / "crosswalk_event_types_cameo.csv"
    text = path.read_text(encoding="utf-8")
    assert "cameo2plover-2021:206 '141: PROTEST, demo, # Demonstrate or rally'" in text
    path.write_text(text.replace("cameo2plover-2021:206 '141:", "cameo2plover-2021:207 '141:"), encoding="utf-8")
    done = build(repo_copy, "--check")
    assert done.returncode == 1
    assert "crosswalk_event_types_cameo row 1, column basis: cameo2plover-2021:207 does not read" in done.stderr


def rows() -> list[dict[str, str]]:
    with open(REPO / "data" / "country_codes.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_reference_values_come_out():
    # ../shared/reference/event-codebooks.md: ISO numeric of Kazakhstan, and COW = GW numbers.
    got = {r["country_code"]: r for r in rows()}
    assert got["KAZ"]["iso_numeric"] == "398"
    for code, number in {"KAZ": "705", "KGZ": "703", "TJK": "702", "RUS": "365", "ARM": "371", "BLR": "370",
                         "USA": "2", "GBR": "200"}.items():
        assert got[code]["cow_numeric"] == got[code]["gw_numeric"] == number, code
    for r in rows():  # a value left empty says why
        missing = [c for c in ("iso_numeric", "cow_numeric", "cow_alpha", "gw_numeric", "gw_alpha") if not r[c]]
        assert not missing or "has no" in r["note"], r


def test_iso_numeric_per_row_from_pycountry():
    pycountry = pytest.importorskip("pycountry")
    for r in rows():
        entry = pycountry.countries.get(alpha_3=r["country_code"]) or pycountry.historic_countries.get(alpha_3=r["country_code"])
        assert entry is not None and int(entry.numeric) == int(r["iso_numeric"]), r["country_code"]


def test_cow_and_gw_per_row_from_countrycode():
    countrycode = pytest.importorskip("countrycode").countrycode
    for r in rows():
        for column, code in (("cow_numeric", "cown"), ("cow_alpha", "cowc"), ("gw_numeric", "gwn"), ("gw_alpha", "gwc")):
            value = countrycode(r["country_code"], "iso3c", code)
            assert r[column] == ("" if value is None else str(value)), (r["country_code"], column)


def test_gw_cow_exceptions_are_countrycodes():
    # validators/state_numbers.toml (read by gw-fits-cow) lists every state with both codes whose GW and COW differ
    import tomllib

    countrycode = pytest.importorskip("countrycode")
    pickle = pytest.importorskip("pickle")
    pd = pytest.importorskip("pandas")
    data = Path(countrycode.__file__).parent / "data" / "codelist.pickle"
    frame = pd.DataFrame(pickle.loads(data.read_bytes()))
    listed = tomllib.loads((REPO / "validators" / "state_numbers.toml").read_text(encoding="utf-8"))
    for kind, cow, gw, cast in (("numbers", "cown", "gwn", int), ("abbreviations", "cowc", "gwc", str)):
        both = frame.dropna(subset=[cow, gw, "iso3c"])
        differ = {r["iso3c"]: [cast(r[cow]), cast(r[gw])] for _, r in both.iterrows() if r[cow] != r[gw]}
        assert differ == listed[kind], kind
