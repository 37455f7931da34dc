"""qantar.reliability: the comparison on small codings made here, and the figures of the "Coding
reliability" page recomputed from the codings stored in reliability/."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

krippendorff = pytest.importorskip("krippendorff", reason="the docs or test extra brings krippendorff")
np = pytest.importorskip("numpy")

from qantar.reliability import CodingError, compare, load  # noqa: E402
from qantar.reliability.cli import main  # noqa: E402
from qantar.reliability.metrics import interval, nominal  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]  # the repository

TEXT = ("Presiden Tokayev meminta bantuan CSTO pada 5 Januari. "
        "Sekitar 3.000 tentara Rusia tiba di Almaty. "
        "Tokayev berkata: \u201cSituasi sudah terkendali.\u201d "
        "Puluhan orang dikabarkan tewas.")
SRC = "000_0000000000000000"


def span(text: str, quote: str) -> tuple[int, int]:
    start = TEXT.index(quote)
    return start, start + len(quote)


def base_rows(ids: dict[str, str] | None = None) -> dict[str, list[dict]]:
    """A complete little coding; ``ids`` renames its identifiers."""
    i = ids or {}

    def n(k: str) -> str:
        return i.get(k, k)

    req = "Presiden Tokayev meminta bantuan CSTO pada 5 Januari."
    arrive = "Sekitar 3.000 tentara Rusia tiba di Almaty."
    said = "Tokayev berkata: \u201cSituasi sudah terkendali.\u201d"
    dead = "Puluhan orang dikabarkan tewas."
    rows: dict[str, list[dict]] = {
        "sources": [{"source_id": SRC, "path": f"articles/{SRC}.txt", "genre": "news_report"}],
        "actors": [
            {"actor_id": n("tokayev"), "name_forms": "Tokayev", "actor_type": "person", "mention_context": "curated_row"},
            {"actor_id": n("csto"), "name_forms": "CSTO", "actor_type": "international_organisation",
             "mention_context": "curated_row"},
            {"actor_id": n("russia"), "name_forms": "Rusia", "actor_type": "state", "mention_context": "curated_row"},
        ],
        "places": [{"place_id": n("almaty"), "name_forms": "Almaty", "place_type": "city",
                    "mention_context": "curated_row"}],
        "events": [
            {"event_id": n("E1"), "event_type": "request_for_assistance", "status": "occurred",
             "date_start": "2022-01-05", "date_end": "2022-01-05", "date_precision": "day",
             "date_basis": "stated", "summary_en": "Tokayev asks the CSTO for help."},
            {"event_id": n("E2"), "event_type": "military_deployment", "status": "occurred",
             "date_start": "2022-01-06", "date_end": "2022-01-07", "date_precision": "range",
             "date_basis": "inferred", "place_id": n("almaty"), "summary_en": "Russian troops arrive in Almaty."},
        ],
        "event_sources": [
            {"event_id": n("E1"), "source_id": SRC, "char_start": span(TEXT, req)[0], "char_end": span(TEXT, req)[1],
             "quote": req, "quote_en": "President Tokayev asked the CSTO for help on 5 January."},
            {"event_id": n("E2"), "source_id": SRC, "char_start": span(TEXT, arrive)[0],
             "char_end": span(TEXT, arrive)[1], "quote": arrive, "quote_en": "About 3,000 Russian troops arrived in Almaty."},
        ],
        "event_actors": [
            {"event_id": n("E1"), "actor_id": n("tokayev"), "role": "requester", "source_id": SRC},
            {"event_id": n("E1"), "actor_id": n("csto"), "role": "addressee", "source_id": SRC},
        ],
        "figures": [
            {"figure_id": n("F1"), "source_id": SRC, "measure": "troops", "number_as_written": "3.000",
             "number_char_start": span(TEXT, "3.000")[0], "number_char_end": span(TEXT, "3.000")[1],
             "value": "3000", "qualifier": "approximately", "unit": "soldiers", "event_id": n("E2"),
             "char_start": span(TEXT, arrive)[0], "char_end": span(TEXT, arrive)[1], "quote": arrive,
             "quote_en": "About 3,000 Russian troops arrived in Almaty."},
            {"figure_id": n("F2"), "source_id": SRC, "measure": "deaths", "number_as_written": "Puluhan",
             "number_char_start": span(TEXT, "Puluhan")[0], "number_char_end": span(TEXT, "Puluhan")[1],
             "value": "10", "value_low": "10", "value_high": "99", "qualifier": "vague", "unit": "persons",
             "char_start": span(TEXT, dead)[0], "char_end": span(TEXT, dead)[1], "quote": dead,
             "quote_en": "Dozens of people were reportedly killed."},
        ],
        "statements": [
            {"statement_id": n("ST1"), "speaker_id": n("tokayev"), "source_id": SRC, "speech_mode": "direct",
             "date_start": "2022-01-06", "date_end": "2022-01-07", "date_precision": "range",
             "char_start": span(TEXT, said)[0], "char_end": span(TEXT, said)[1], "quote": said,
             "quote_en": "Tokayev said: \"The situation is under control.\""},
        ],
        "memberships": [],
        "exclusions": [],
        "discrepancies": [],
    }
    return rows


def write(folder: Path, rows: dict[str, list[dict]], *, with_articles: bool = True) -> Path:
    (folder / "articles").mkdir(parents=True, exist_ok=True) if with_articles else folder.mkdir(parents=True)
    if with_articles:
        (folder / "articles" / f"{SRC}.txt").write_text(TEXT, encoding="utf-8", newline="")
    from qantar.reliability.coding import REQUIRED
    for table, table_rows in rows.items():
        cols = list(REQUIRED[table])
        for r in table_rows:
            cols += [c for c in r if c not in cols]
        with open(folder / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=cols, lineterminator="\n")
            w.writeheader()
            w.writerows(table_rows)
    return folder


def run(tmp_path: Path, first: dict, second: dict):
    a = load(write(tmp_path / "first", first))
    b = load(write(tmp_path / "second", second))
    return compare(a, b)


def test_identical_codings_agree_everywhere(tmp_path):
    res = run(tmp_path, base_rows(), base_rows())
    assert res.disagreements.height == 0
    for table, d in res.summary["tables"].items():
        if d["units_first"]:
            assert d["recall_first_in_second"] == 1.0, table
            assert d["recall_second_in_first"] == 1.0, table
    assert res.summary["tables"]["events"]["fields"]["status"]["agreement"] == 1.0
    assert res.summary["tables"]["events"]["fields"]["date_start..end"]["exact"] == 1.0


def test_claims_are_matched_by_content_not_by_id(tmp_path):
    renamed = {"tokayev": "kassym-tokayev", "csto": "odkb", "russia": "ru", "almaty": "alma-ata",
               "E1": "E901", "E2": "E902", "F1": "F900", "F2": "F901", "ST1": "ST99"}
    res = run(tmp_path, base_rows(), base_rows(renamed))
    assert res.disagreements.height == 0
    assert res.summary["tables"]["event_actors"]["pairs"] == 2
    # The event's place agrees through the alignment of places, not through equal ids.
    assert res.summary["tables"]["events"]["fields"]["place_id"]["agreement"] == 1.0
    # Same ids, different content: nothing matches.
    swapped = base_rows()
    swapped["figures"][0], swapped["figures"][1] = (
        {**swapped["figures"][1], "figure_id": "F1"}, {**swapped["figures"][0], "figure_id": "F2"})
    res = run(tmp_path / "again", base_rows(), swapped)
    assert res.summary["tables"]["figures"]["fields"]["measure"]["agreement"] == 1.0


def test_missing_and_extra_claims_are_listed_and_lower_recall(tmp_path):
    second = base_rows()
    second["figures"] = second["figures"][:1]
    second["statements"] = []
    res = run(tmp_path, base_rows(), second)
    d = res.summary["tables"]["figures"]
    assert (d["recall_first_in_second"], d["recall_second_in_first"]) == (0.5, 1.0)
    missing = res.disagreements.filter(res.disagreements["kind"] == "missing_claim")
    assert sorted(missing["table"].to_list()) == ["figures", "statements"]
    assert "Puluhan" in missing.filter(missing["table"] == "figures")["first_quote"][0]
    res = run(tmp_path / "rev", second, base_rows())
    assert res.summary["tables"]["figures"]["recall_second_in_first"] == 0.5
    assert set(res.disagreements["kind"]) == {"extra_claim"}


def test_field_differences_are_classified(tmp_path):
    second = base_rows()
    second["events"][1] |= {"status": "claimed", "date_start": "2022-01-07", "date_end": "2022-01-09"}
    second["figures"][0] |= {"value_low": "3000", "value_high": "3000"}
    second["figures"][1] |= {"value_low": "11"}
    second["event_actors"][0]["role"] = "proposer"
    second["statements"][0]["speech_mode"] = "partial"
    res = run(tmp_path, base_rows(), second)
    got = sorted((r["table"], r["field"], r["kind"]) for r in res.disagreements.iter_rows(named=True))
    assert got == [
        ("event_actors", "role", "role"),
        ("events", "date_start..end", "date"), ("events", "status", "status"),
        ("figures", "value_high", "number_convention"),  # empty bound against the point value
        ("figures", "value_low", "number"),              # 10 against 11: a real difference
        ("figures", "value_low", "number_convention"),
        ("statements", "speech_mode", "speech_mode"),
    ]
    dates = res.summary["tables"]["events"]["fields"]["date_start..end"]
    assert (dates["pairs"], dates["exact"], dates["overlap"]) == (2, 0.5, 1.0)


def test_split_and_merge(tmp_path):
    second = base_rows()
    # The second coding reads the request sentence as two events (a request and a date claim).
    req = second["event_sources"][0]
    second["events"].append({**second["events"][0], "event_id": "E3", "event_type": "decision",
                             "summary_en": "Something else entirely."})
    half = "Presiden Tokayev meminta bantuan CSTO"
    second["event_sources"].append({**req, "event_id": "E3", "char_end": span(TEXT, half)[1], "quote": half})
    res = run(tmp_path, base_rows(), second)
    ev = res.summary["tables"]["events"]
    assert (ev["split"], ev["merged"], ev["pairs"]) == (1, 0, 2)
    split = res.disagreements.filter(res.disagreements["kind"] == "split")
    assert split["first_id"].to_list() == ["E1"] and split["second_id"].to_list() == ["E3"]
    # The same from the other side is a merge.
    res = run(tmp_path / "rev", second, base_rows())
    assert res.summary["tables"]["events"]["merged"] == 1


def test_statement_prefers_the_same_speaker(tmp_path):
    second = base_rows()
    st = second["statements"][0]
    second["statements"] = [{**st, "statement_id": "X", "speaker_id": "russia"}, {**st, "statement_id": "Y"}]
    res = run(tmp_path, base_rows(), second)
    al = res.comparison.alignments["statements"]
    ((_, j),) = al.pairs
    assert al.b[j].id == "Y"


def test_several_folders_are_one_coding_with_prefixed_ids_and_scoped_names(tmp_path):
    part = write(tmp_path / "coder-000", base_rows(), with_articles=False)
    other_src = "001_1111111111111111"
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / f"{SRC}.txt").write_text(TEXT, encoding="utf-8", newline="")
    (arts / f"{other_src}.txt").write_text("Tokayev dan CSTO.", encoding="utf-8", newline="")
    cross = write(tmp_path / "coder-cross", {
        "sources": [{"source_id": other_src, "path": f"articles/{other_src}.txt"}],
        "actors": [{"actor_id": "tokayev", "name_forms": "Tokayev", "actor_type": "person"}]},
        with_articles=False)
    b = load([part, cross], articles=arts)
    assert "coder-000:E1" in b.tables["events"]["event_id"].to_list()
    assert b.scope("coder-cross") == {other_src}
    a = load(write(tmp_path / "first", base_rows()))
    res = compare(a, b)
    # coder-cross's Tokayev names him in article 001 only: it is no unit of article 000.
    units = [u for u in res.comparison.alignments["actors"].b if u.id == "coder-cross:tokayev"]
    assert [u.source for u in units] == [other_src]
    assert res.summary["tables"]["actors"]["recall_first_in_second"] == 1.0


@pytest.mark.parametrize("table,column,bad,problem", [
    ("figures", "quote", "Sekitar 3.000 tentara Rusia tiba di Astana.", "is not the quoted text"),
    ("event_sources", "char_start", "abc", "not an integer"),
    ("statements", "char_end", "100000", "outside the article"),
])
def test_bad_input_names_table_row_and_column(tmp_path, table, column, bad, problem):
    rows = base_rows()
    rows[table][0][column] = bad
    write(tmp_path / "bad", rows)
    with pytest.raises(CodingError) as err:
        load(tmp_path / "bad")
    msg = str(err.value)
    assert f"table {table!r}" in msg and "row 1" in msg and problem in msg
    assert err.value.column in (column, "char_start")


def test_cli_reports_bad_input_without_traceback(tmp_path, capsys):
    write(tmp_path / "good", base_rows())
    rows = base_rows()
    del rows["sources"][0]["path"]
    rows["sources"][0]["path"] = "articles/nowhere.txt"
    write(tmp_path / "bad", rows)
    out = tmp_path / "out"
    assert main(["--first", str(tmp_path / "good"), "--second", str(tmp_path / "bad"), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "article file not found" in err and "Traceback" not in err
    assert not out.exists()


def test_cli_writes_json_markdown_and_csv(tmp_path):
    write(tmp_path / "a", base_rows())
    second = base_rows()
    second["events"][0]["status"] = "claimed"
    write(tmp_path / "b", second)
    out = tmp_path / "out"
    assert main(["--first", str(tmp_path / "a"), "--second", str(tmp_path / "b"), "--out", str(out)]) == 0
    summary = json.loads((out / "reliability.json").read_text())
    assert summary["disagreements_by_kind"] == {"status": 1}
    assert "| events | status | nominal | 2 |" in (out / "reliability.md").read_text()
    with open(out / "disagreements.csv", encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert (row["first_value"], row["second_value"], row["kind"]) == ("occurred", "claimed", "status")


def test_alpha_is_the_krippendorff_package_on_coded_categories():
    pairs = [("a", "a"), ("b", "b"), ("a", "b"), ("c", "c"), ("b", "b")]
    code = {"a": 0, "b": 1, "c": 2}
    expected = krippendorff.alpha(
        reliability_data=np.array([[code[x] for x, _ in pairs], [code[y] for _, y in pairs]], dtype=float),
        level_of_measurement="nominal")
    got = nominal(pairs)
    assert got["alpha"] == pytest.approx(expected) and got["agreement"] == 0.8 and got["pairs"] == 5
    assert nominal([("x", "x"), ("x", "x")])["alpha"] is None
    assert nominal([])["pairs"] == 0


def test_interval_exact_and_overlap():
    got = interval([(("2022-01-05", "2022-01-05"), ("2022-01-05", "2022-01-05")),
                    (("2022-01-02", "2022-01-06"), ("2022-01-06", "2022-01-09")),
                    (("2022-01-02", "2022-01-04"), ("2022-01-06", "2022-01-09")),
                    (("2022-01-02", "2022-01-04"), ("∅", "∅"))])
    assert (got["exact"], got["overlap"], got["pairs"]) == (0.25, 0.5, 4)


# --- the real codings, stored in reliability/ -------------------------------------------------

MATERIAL = ROOT / "reliability"


@pytest.fixture(scope="module")
def real():
    from qantar.reliability.page import codings, figures

    if not (MATERIAL / "second-coding" / "coder-000").is_dir():
        pytest.skip("no reliability/ material in this checkout")
    first, second, now = codings(ROOT)
    return {"first": first, "second": second, "now": now, "before": compare(first, second), "figures": figures(ROOT)}


def test_the_stored_codings_give_the_comparison_that_was_adjudicated(real):
    """The adjudicators decided the rows of the disagreement list computed from these very files:
    the recomputation has the same size, and the rows their decisions cite by number are the claims
    they describe."""
    before = real["before"]
    assert before.summary["disagreements"] == 545
    assert {t: (d["units_first"], d["units_second"], d["pairs"]) for t, d in before.summary["tables"].items()} == {
        "sources": (5, 10, 10), "actors": (110, 109, 99), "places": (48, 27, 24), "events": (65, 67, 62),
        "figures": (32, 37, 32), "statements": (39, 49, 39), "memberships": (11, 16, 11),
        "exclusions": (38, 91, 33), "discrepancies": (15, 44, 15), "event_actors": (100, 134, 75)}
    rows = before.disagreements.sort("table", "article", "kind", "first_id", "second_id", "field").to_dicts()
    assert (rows[57]["second_id"], rows[57]["kind"]) == ("coder-cross:D009", "extra_claim")   # row 58
    assert (rows[70]["second_id"], rows[70]["kind"]) == ("coder-cross:D011", "extra_claim")   # row 71
    assert (rows[67]["first_id"], rows[67]["second_id"]) == ("D007", "coder-cross:D008")      # row 68


def test_every_decision_names_a_row_of_the_second_coding_that_exists(real):
    second = real["second"]
    ids = {t: set() for t in second.tables}
    for t, frame in second.tables.items():
        key = frame.columns[0]
        ids[t] = set(frame[key].drop_nulls().to_list())
    links = {f"{r['event_id']}/{r['actor_id'].split(':', 1)[1]}" for r in second.rows("event_actors")}
    refs = [d["second_coding_ref"] for d in csv.DictReader(open(ROOT / "data" / "coding_decisions.csv", encoding="utf-8"))
            if d["second_coding_ref"]]
    assert len(refs) > 400
    every = set().union(*ids.values())
    missing = [r for r in refs if r not in every and r not in links
               and not (r.split(":", 1)[1] in ids["sources"] and r.split(":", 1)[0].startswith("coder-"))]
    assert missing == []


def test_each_cross_article_discrepancy_is_decided_once(real):
    decided = real["figures"]["decisions"]["cross_article"]
    coded = sorted(real["second"].tables["discrepancies"].filter(
        real["second"].tables["discrepancies"]["_part"] == "coder-cross")["discrepancy_id"].to_list())
    assert decided == coded


def test_the_page_shows_the_figures_it_computes(real):
    from qantar.reliability.page import SECTIONS, render

    page = render(ROOT)
    f = real["figures"]
    b, a = f["before"]["tables"]["figures"], f["after"]["tables"]["figures"]
    assert (f"| figures | {b['units_first']} | {a['units_first']} | {b['units_second']} | "
            f"{b['recall_first_in_second']:.2f} | {a['recall_first_in_second']:.2f} |") in page
    alpha = f["before"]["tables"]["events"]["fields"]["status"]["alpha"]
    assert f"| events | status | nominal | 62 | 0.90 | {alpha:.2f} |" in page
    assert f"{f['decisions']['total']} decisions" in page
    assert all(f"## {s}" in page for s in SECTIONS)
    # after adjudication the second coding's claims are found more often in the data than before
    assert f["after"]["tables"]["statements"]["recall_second_in_first"] > f["before"]["tables"]["statements"]["recall_second_in_first"]


def test_the_page_needs_its_prose(tmp_path):
    from qantar.reliability.page import _sections

    readme = tmp_path / "README.md"
    readme.write_text("# x\n\n## How the second coding was done\n\ntext\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Threats to validity"):
        _sections(readme)


def test_translation_screen_flags_a_changed_tense(tmp_path):
    second = base_rows()
    second["statements"][0]["quote_en"] = "Tokayev said: \"The situation will be under control.\""
    second["figures"][1]["quote_en"] = "Dozens of people were killed."
    res = run(tmp_path, base_rows(), second)
    rows = res.disagreements.filter(res.disagreements["kind"] == "translation")
    assert sorted(zip(rows["table"], rows["note"])) == [
        ("figures", "markers in one translation only: hedge"),
        ("statements", "markers in one translation only: future"),
    ]
    assert res.summary["translation_screen"]["pairs"] == 5


def test_corroboration_map_against_multi_source_events(tmp_path):
    other = "001_1111111111111111"
    text2 = "Tokayev meminta bantuan CSTO. Pasukan tiba."
    first = base_rows()
    first["sources"].append({"source_id": other, "path": f"articles/{other}.txt"})
    ask = "Tokayev meminta bantuan CSTO."
    first["event_sources"].append({"event_id": "E1", "source_id": other, "char_start": 0,
                                   "char_end": len(ask), "quote": ask})
    a_dir = write(tmp_path / "a", first)
    (a_dir / "articles" / f"{other}.txt").write_text(text2, encoding="utf-8", newline="")
    second = base_rows()
    second["sources"].append({"source_id": other, "path": f"articles/{other}.txt"})
    req = first["event_sources"][0]
    second["claims"] = [
        {"claim_id": "C1", "source_id": SRC, "char_start": req["char_start"], "char_end": req["char_end"],
         "quote": req["quote"], "topic": "request"},
        {"claim_id": "C2", "source_id": other, "char_start": 0, "char_end": len(ask), "quote": ask,
         "topic": "request"},
    ]
    b_dir = write(tmp_path / "b", second)
    (b_dir / "articles" / f"{other}.txt").write_text(text2, encoding="utf-8", newline="")
    res = compare(load(a_dir), load(b_dir))
    c = res.summary["corroboration"]
    assert c["pairs"] == {"both": 1, "first_only": 0, "second_only": 0, "neither": 0}
    assert c["topics"]["request"]["first_events"] == ["E1"]


def test_discrepancies_on_one_passage_pair_by_what_they_describe(tmp_path):
    sent = "Sekitar 3.000 tentara Rusia tiba di Almaty."
    s0, e0 = span(TEXT, sent)
    d = {"claim_a_source_id": SRC, "claim_a_char_start": s0, "claim_a_char_end": e0, "claim_a_quote": sent,
         "subject_table": "figures"}
    first = base_rows()
    first["discrepancies"] = [
        {**d, "discrepancy_id": "D1", "kind": "public_record", "description_en": "The troop number exceeds the record."},
        {**d, "discrepancy_id": "D2", "kind": "misspelling", "description_en": "Almaty is spelt oddly here."},
    ]
    second = base_rows()
    second["discrepancies"] = [
        {**d, "discrepancy_id": "X", "kind": "misspelling", "description_en": "Odd spelling of Almaty."},
        {**d, "discrepancy_id": "Y", "kind": "public_record", "description_en": "Record gives fewer troop numbers."},
    ]
    res = run(tmp_path, first, second)
    al = res.comparison.alignments["discrepancies"]
    assert sorted((al.a[i].id, al.b[j].id) for i, j in al.pairs) == [("D1", "Y"), ("D2", "X")]
    assert res.summary["tables"]["discrepancies"]["fields"]["kind"]["agreement"] == 1.0


def test_a_name_coded_in_the_other_table_is_told_apart(tmp_path):
    first = base_rows()
    first["places"].append({"place_id": "russia-place", "name_forms": "Rusia", "place_type": "country"})
    res = run(tmp_path, first, base_rows())
    (row,) = res.disagreements.filter(res.disagreements["table"] == "places").iter_rows(named=True)
    assert row["kind"] == "actor_or_place" and "russia" in row["note"]


def test_the_page_says_when_the_material_is_missing(tmp_path):
    from qantar.reliability.page import render

    assert "does not hold the research material" in render(tmp_path)


def test_a_coding_that_is_a_package_is_read_through_its_descriptor(tmp_path):
    """A folder with a datapackage.json is read where its descriptor puts the tables (here not data/),
    each table as the descriptor names its columns; a folder of CSVs by the files' own headers."""
    folder = write(tmp_path / "pkg" / "tables", base_rows()).parent
    (folder / "tables" / "articles").rename(folder / "articles")
    resources = []
    for table in base_rows():
        with open(folder / "tables" / f"{table}.csv", encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        resources.append({"name": table, "path": f"tables/{table}.csv",
                          "schema": {"fields": [{"name": c, "type": "string"} for c in header]}})
    (folder / "datapackage.json").write_text(json.dumps({"resources": resources}), encoding="utf-8")
    coding = load(folder)
    assert coding.tables["events"]["event_id"].to_list() == ["E1", "E2"]
    assert compare(coding, load(write(tmp_path / "csv", base_rows()))).disagreements.height == 0
    # a column the descriptor does not declare is not part of the table
    resources[3]["schema"]["fields"] = [f for f in resources[3]["schema"]["fields"] if f["name"] != "status"]
    (folder / "datapackage.json").write_text(json.dumps({"resources": resources}), encoding="utf-8")
    assert "status" not in load(folder).tables["events"].columns


def test_a_coding_never_reads_outside_its_folders(tmp_path):
    (tmp_path / "secret.txt").write_text(TEXT, encoding="utf-8")
    rows = base_rows()
    rows["sources"][0]["path"] = "../secret.txt"
    write(tmp_path / "bad", rows, with_articles=False)
    with pytest.raises(CodingError) as err:
        load(tmp_path / "bad")
    assert "must stay inside" in str(err.value) and (err.value.table, err.value.column) == ("sources", "path")


def test_malformed_csv_names_the_table_and_row(tmp_path, capsys):
    good = write(tmp_path / "good", base_rows())
    bad = write(tmp_path / "bad", base_rows())
    text = (bad / "events.csv").read_text(encoding="utf-8").splitlines()
    (bad / "events.csv").write_text("\n".join([*text, 'E9,x"y']) + "\n", encoding="utf-8")
    with pytest.raises(CodingError) as err:
        load(bad)
    assert (err.value.table, err.value.row) == ("events", 3) and "malformed CSV (line 4)" in str(err.value)
    problems = tmp_path / "problems.csv"
    problems.write_text('problem_id,coders,problem,tables,fields,pattern\nP1,a,"unclosed\n', encoding="utf-8")
    assert main(["--first", str(good), "--second", str(good), "--guide-problems", str(problems),
                 "--out", str(tmp_path / "out")]) == 2
    assert "malformed CSV" in capsys.readouterr().err


def test_every_span_the_descriptor_declares_is_checked(tmp_path):
    """The passages checked against the article are the descriptor's spans (qantar:spans), not a list of
    quoted tables kept here: the printed date of a sources row is one of them."""
    from qantar import model

    declared = {(s.table, s.text) for s in model.current().spans()}
    assert ("sources", "published_as_printed") in declared and ("exclusions", "text") in declared
    rows = base_rows()
    start, end = span(TEXT, "5 Januari")
    rows["sources"][0] |= {"published_as_printed": "5 Januari", "published_char_start": start, "published_char_end": end}
    assert load(write(tmp_path / "good", rows)).tables["sources"]["published_as_printed"].to_list() == ["5 Januari"]
    rows["sources"][0]["published_char_end"] = end + 1
    with pytest.raises(CodingError) as err:
        load(write(tmp_path / "bad", rows))
    assert (err.value.table, err.value.row, err.value.column) == ("sources", 1, "published_as_printed")
    rows["exclusions"] = [{"exclusion_id": "X1", "source_id": SRC, "char_start": 0, "char_end": 8, "text": "junk"}]
    rows["sources"][0]["published_char_end"] = end
    with pytest.raises(CodingError, match="is not the quoted text") as err:
        load(write(tmp_path / "junk", rows))
    assert err.value.table == "exclusions"
