"""The bump check: each kind of change, made on a copy of the real package, gets its level.

Pairs are constructed: ``old`` is a copy of the repository's data package, ``new`` the same
copy with one edit. docs/versioning.md states the rules these cases pin down.
"""

from __future__ import annotations

import json

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REAL_DESCRIPTOR, REPO
from release_helpers import copy_package, edit_descriptor, edit_rows, field, git, resource, set_version

from qantar.release import ReleaseError
from qantar.release.compare import check, compare, required
from qantar.release.previous import Snapshot, from_directory, from_git, from_zip, open_release

pytestmark = pytest.mark.skipif(not REAL_DESCRIPTOR.is_file(), reason="needs the real data package")


def rename_field(root: Path) -> None:
    edit_descriptor(root, lambda d: field(d, "events", "summary_en").update(name="summary"))
    edit_rows(root, "events", lambda rows: rows[0].__setitem__(rows[0].index("summary_en"), "summary"))


def add_field(root: Path) -> None:
    edit_descriptor(root, lambda d: resource(d, "events")["schema"]["fields"].append({"name": "note", "type": "string"}))
    edit_rows(root, "events", lambda rows: [r.append("note" if i == 0 else "") for i, r in enumerate(rows)])


def remove_field(root: Path) -> None:
    def descriptor(d: dict) -> None:
        fields = resource(d, "events")["schema"]["fields"]
        fields.remove(field(d, "events", "location_detail"))

    edit_descriptor(root, descriptor)

    def rows(rows: list[list[str]]) -> None:
        at = rows[0].index("location_detail")
        for r in rows:
            del r[at]

    edit_rows(root, "events", rows)


def reorder_fields(root: Path) -> None:
    def descriptor(d: dict) -> None:
        fields = resource(d, "events")["schema"]["fields"]
        fields[1], fields[2] = fields[2], fields[1]

    edit_descriptor(root, descriptor)
    edit_rows(root, "events", lambda rows: [r.__setitem__(slice(1, 3), [r[2], r[1]]) for r in rows])


def constraint(table: str, name: str, key: str, value: object) -> callable:
    def edit(root: Path) -> None:
        def apply(d: dict) -> None:
            constraints = field(d, table, name).setdefault("constraints", {})
            if value is None:
                constraints.pop(key, None)
            else:
                constraints[key] = value

        edit_descriptor(root, apply)

    return edit


def enum_edit(change: callable) -> callable:
    return lambda root: edit_descriptor(root, lambda d: change(field(d, "events", "status")["constraints"]["enum"]))


def new_table(root: Path) -> None:
    (root / "data" / "notes.csv").write_text("note_id,text\nN001,hello\n", encoding="utf-8")
    edit_descriptor(root, lambda d: d["resources"].insert(12, {
        "name": "notes", "type": "table", "path": "data/notes.csv",
        "schema": {"fields": [{"name": "note_id", "type": "string"}, {"name": "text", "type": "string"}], "primaryKey": ["note_id"]},
    }))


def drop_table(root: Path) -> None:
    edit_descriptor(root, lambda d: d["resources"].remove(resource(d, "exclusions")))


def move_table(root: Path) -> None:
    (root / "data" / "exclusions.csv").rename(root / "data" / "excluded.csv")
    edit_descriptor(root, lambda d: resource(d, "exclusions").update(path="data/excluded.csv"))


def new_row(root: Path) -> None:
    edit_rows(root, "events", lambda rows: rows.append(["E999", *rows[-1][1:]]))


def remove_row(root: Path) -> None:
    edit_rows(root, "events", lambda rows: rows.pop())


def change_id(root: Path) -> None:
    edit_rows(root, "events", lambda rows: rows[-1].__setitem__(0, "E999"))


def correct_value(root: Path) -> None:
    edit_rows(root, "events", lambda rows: rows[3].__setitem__(rows[0].index("summary_en"), "A corrected summary."))


def correct_link_key(root: Path) -> None:
    # event_sources' key is (event_id, source_id, char_start): a corrected offset changes the key
    edit_rows(root, "event_sources", lambda rows: rows[1].__setitem__(2, str(int(rows[1][2]) + 1)))


def drop_link_row(root: Path) -> None:
    edit_rows(root, "event_actors", lambda rows: rows.pop(1))


def reorder_rows(root: Path) -> None:
    edit_rows(root, "events", lambda rows: rows.__setitem__(slice(1, 3), [rows[2], rows[1]]))


def describe(root: Path) -> None:
    edit_descriptor(root, lambda d: (d.update(description="Shorter."), field(d, "events", "summary_en").update(description="New.")))


def edit_article(root: Path) -> None:
    path = root / "articles" / "000_a055521902a9584b.txt"
    path.write_bytes(path.read_bytes() + b" ")


def new_article(root: Path) -> None:
    (root / "articles" / "005_0000000000000000.txt").write_text("text\n", encoding="utf-8")
    edit_descriptor(root, lambda d: d["resources"].append(
        {"name": "article-005", "type": "file", "path": "articles/005_0000000000000000.txt"}
    ))


def primary_key(root: Path) -> None:
    edit_descriptor(root, lambda d: resource(d, "events")["schema"].update(primaryKey=["event_id", "date_start"]))


def add_foreign_key(root: Path) -> None:
    edit_descriptor(root, lambda d: resource(d, "events")["schema"]["foreignKeys"].append(
        {"fields": ["event_type"], "reference": {"resource": "event_types", "fields": ["label"]}}
    ))


def drop_foreign_key(root: Path) -> None:
    edit_descriptor(root, lambda d: resource(d, "events")["schema"]["foreignKeys"].pop())


def span_edit(table: str, change: callable) -> callable:
    return lambda root: edit_descriptor(root, lambda d: change(resource(d, table)["schema"]["qantar:spans"]))


def declare_span(spans: list) -> None:
    spans.append({**spans[0], "name": "again"})


CASES = [
    # (id, edit, level, words that must appear in the report)
    ("rename-field", rename_field, "major", "renamed to 'summary'"),
    ("add-field", add_field, "major", "field added"),
    ("remove-field", remove_field, "major", "field removed"),
    ("reorder-fields", reorder_fields, "major", "fields reordered"),
    ("change-type", lambda r: edit_descriptor(r, lambda d: field(d, "figures", "value").update(type="number")), "major", "type changed"),
    ("change-format", lambda r: edit_descriptor(r, lambda d: field(d, "events", "date_start").update(format="%d/%m/%Y")), "major",
     "format changed"),
    ("now-required", constraint("events", "place_id", "required", True), "major", "now required"),
    ("no-longer-required", constraint("events", "summary_en", "required", None), "minor", "no longer required"),
    ("now-unique", constraint("events", "summary_en", "unique", True), "major", "now unique"),
    ("enum-value-removed", enum_edit(lambda e: e.pop()), "major", "enum value(s) removed"),
    ("enum-value-added", enum_edit(lambda e: e.append("rumoured")), "minor", "enum value(s) added: rumoured"),
    ("enum-reordered", enum_edit(lambda e: e.reverse()), "minor", "reordered"),
    ("pattern-changed", constraint("events", "event_id", "pattern", "^E[0-9]{3,4}$"), "major", "cannot be proven looser"),
    ("pattern-dropped", constraint("events", "event_id", "pattern", None), "minor", "constraint pattern dropped"),
    ("pattern-added", constraint("events", "summary_en", "pattern", "^[A-Z]"), "major", "constraint pattern added"),
    ("minimum-raised", constraint("figures", "value", "minimum", 1), "major", "tighter"),
    ("minimum-lowered", constraint("figures", "value", "minimum", -1), "minor", "looser"),
    ("maximum-lowered", constraint("places", "latitude", "maximum", 80), "major", "tighter"),
    ("primary-key-changed", primary_key, "major", "primary key changed"),
    ("foreign-key-added", add_foreign_key, "major", "foreignKey added"),
    ("foreign-key-dropped", drop_foreign_key, "minor", "foreignKey dropped"),
    ("new-table", new_table, "minor", "new resource"),
    ("table-removed", drop_table, "major", "resource removed"),
    ("table-moved", move_table, "major", "'path' changed"),
    ("new-rows", new_row, "minor", "1 new row(s): E999"),
    ("row-removed", remove_row, "major", "row id(s) removed or changed: E046"),
    ("row-id-changed", change_id, "major", "row id(s) removed or changed: E046"),
    ("value-corrected", correct_value, "patch", "corrected values in 1 row(s) (summary_en)"),
    ("link-key-corrected", correct_link_key, "patch", "corrected in char_start"),
    ("link-row-dropped", drop_link_row, "patch", "link row(s) removed"),
    ("rows-reordered", reorder_rows, "patch", "rows reordered"),
    ("descriptive-metadata", describe, "patch", "descriptive metadata 'description' changed"),
    ("article-edited", edit_article, "major", "article copy is never edited"),
    ("new-article", new_article, "minor", "new resource"),
    ("unsupported-type", lambda r: edit_descriptor(r, lambda d: field(d, "events", "date_start").update(type="year")), "major",
     "type changed: date -> year"),
    ("reading-property", lambda r: edit_descriptor(r, lambda d: field(d, "actors", "name_forms").update(delimiter=";")),
     "major", "'delimiter' changed: '|' -> ';' (how values are read)"),
    ("missing-values", lambda r: edit_descriptor(r, lambda d: resource(d, "events")["schema"].update(missingValues=["", "NA"])),
     "major", "missingValues changed"),
    ("span-declared", span_edit("statements", declare_span), "major", "claim span 'again'"),
    ("span-dropped", span_edit("figures", lambda s: s.pop()), "minor", "span 'number' (source_id: number_char_start"),
    ("span-changed", span_edit("figures", lambda s: s[-1].pop("within")), "major", "span changed"),
    ("nothing", lambda root: None, "none", ""),
]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_package(tmp_path_factory.mktemp("base") / "old")


def pair(base: Path, tmp_path: Path, edit) -> tuple[Path, Path]:
    new = tmp_path / "new"
    shutil.copytree(base, new)
    edit(new)
    return base, new


@pytest.mark.parametrize(("edit", "level", "words"), [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_each_kind_of_change_gets_its_level(base: Path, tmp_path: Path, edit, level: str, words: str) -> None:
    old, new = pair(base, tmp_path, edit)
    changes = compare(from_directory(old), from_directory(new))
    assert required(changes) == level, [str(c) for c in changes]
    assert words in "\n".join(str(c) for c in changes)


def test_a_changed_id_is_also_a_new_row(base: Path, tmp_path: Path) -> None:
    old, new = pair(base, tmp_path, change_id)
    levels = sorted(c.level for c in compare(from_directory(old), from_directory(new)))
    assert levels == ["major", "minor"]


@pytest.mark.parametrize(
    ("edit", "old_version", "new_version", "breaking_note", "ok", "words"),
    [
        pytest.param(correct_value, "0.1.0", "0.1.1", False, True, "PATCH bump: enough", id="patch-for-a-correction"),
        pytest.param(new_row, "0.1.0", "0.1.1", False, False, "too small, release 0.2.0", id="patch-too-small-for-new-rows"),
        pytest.param(new_row, "0.1.0", "0.2.0", False, True, "MINOR bump: enough", id="minor-for-new-rows"),
        pytest.param(rename_field, "0.1.0", "0.2.0", False, False, "marks it", id="pre-1.0-breaking-minor-unmarked"),
        pytest.param(rename_field, "0.1.0", "0.2.0", True, True, "ships as MINOR", id="pre-1.0-breaking-minor-marked"),
        pytest.param(rename_field, "0.1.0", "1.0.0", False, True, "MAJOR bump: enough", id="pre-1.0-major"),
        pytest.param(rename_field, "1.2.0", "1.3.0", True, False, "too small, release 2.0.0", id="post-1.0-minor-too-small"),
        pytest.param(rename_field, "1.2.0", "2.0.0", False, True, "MAJOR bump: enough", id="post-1.0-major"),
        pytest.param(correct_value, "0.1.0", "0.1.0", False, False, "its version did not", id="changed-but-same-version"),
        pytest.param(lambda r: None, "0.1.0", "0.1.0", False, True, "nothing changed", id="nothing-same-version"),
        pytest.param(correct_value, "0.1.0", "0.1.2", False, False, "does not follow", id="skipped-version"),
        pytest.param(correct_value, "0.2.0", "0.1.1", False, False, "does not follow", id="version-went-down"),
    ],
)
def test_the_version_must_be_bumped_enough(
    base: Path, tmp_path: Path, edit, old_version: str, new_version: str, breaking_note: bool, ok: bool, words: str
) -> None:
    old = tmp_path / "old"
    shutil.copytree(base, old)
    set_version(old, old_version)
    _, new = pair(old, tmp_path, edit)
    set_version(new, new_version)
    section = "### Breaking\n- events.summary_en renamed to summary" if breaking_note else "### Added\n- x"
    notes = f"## [Unreleased]\n\n{section}\n"
    verdict = check(from_directory(old), from_directory(new), "# Changelog\n\n" + notes)
    assert verdict.ok is ok, verdict.render()
    assert words in verdict.render()


def test_previous_release_as_zip_archive_or_git_tag(base: Path, tmp_path: Path) -> None:
    old, new = pair(base, tmp_path, new_row)
    expected = [str(c) for c in compare(from_directory(old), from_directory(new))]
    archive = tmp_path / "qantar-0.1.0.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for f in sorted(old.rglob("*")):
            if f.is_file():
                z.write(f, f"qantar-0.1.0/{f.relative_to(old).as_posix()}")
    repo = tmp_path / "repo"
    shutil.copytree(old, repo)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "0.1.0")
    git(repo, "tag", "v0.1.0")
    edit_rows(repo, "events", lambda rows: rows.pop())  # the working tree moves on; the tag does not
    for snapshot in (from_zip(archive), open_release(archive), from_git("v0.1.0", repo), open_release("v0.1.0", repo)):
        assert [str(c) for c in compare(snapshot, from_directory(new))] == expected, snapshot.label
    with pytest.raises(ReleaseError, match="neither a directory"):
        open_release("v9.9.9", repo)


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "qantar", "release", *args], cwd=cwd, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )


def test_check_bump_command(base: Path, tmp_path: Path) -> None:
    old, new = pair(base, tmp_path, rename_field)
    done = run_cli("--check-bump", str(old), cwd=new)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "MAJOR  events.summary_en: field renamed to 'summary'" in done.stdout
    major, minor, _ = (int(x) for x in json.loads((old / "datapackage.json").read_text(encoding="utf-8"))["version"].split("."))
    # before 1.0.0 a MAJOR change may ship as the next minor (marked Breaking); from 1.0.0 on it is the next major
    advice = f"release 0.{minor + 1}.0 (`qantar release --bump minor`)" if major == 0 else f"release {major + 1}.0.0 (`qantar release --bump major`)"
    assert advice in done.stdout, done.stdout
    set_version(new, f"{major + 1}.0.0")
    done = run_cli("--check-bump", str(old), cwd=new)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "required bump: MAJOR" in done.stdout
    assert run_cli("--check-bump", str(tmp_path / "nowhere"), cwd=new).returncode == 1
    assert run_cli("--previous", str(old), cwd=new).returncode == 2  # a mode is required


def test_a_previous_release_is_read_as_a_package(tmp_path: Path) -> None:
    """The previous release is read through the model: its tables where its descriptor puts them,
    its CSV as written and well-formed, and a descriptor that is no package of tables refused."""
    descriptor = json.dumps({"resources": [{"name": "t", "path": "data/t.csv",
                                            "schema": {"fields": [{"name": "a"}, {"name": "b"}]}}]}).encode()
    files = {"datapackage.json": descriptor, "data/t.csv": b'a,b\n1,x"y\n'}
    snapshot = Snapshot("previous", files.get)
    with pytest.raises(ReleaseError, match=r"previous: data/t.csv, line 2: malformed CSV: a double quote"):
        snapshot.cells(snapshot.package.table("t"))
    files["data/t.csv"] = b"b,a\n2,1\n\n"  # columns by name, as the loader reads them
    assert snapshot.cells(snapshot.package.table("t")).rows() == [("1", "2")]
    twice = json.dumps({"resources": [{"name": "t", "path": "a.csv"}, {"name": "t", "path": "b.csv"}]}).encode()
    with pytest.raises(ReleaseError, match=r"^previous: datapackage.json: table 't': resource name 't' appears twice"):
        Snapshot("previous", {"datapackage.json": twice}.get)
    outside = json.dumps({"version": "1.0.0", "resources": [{"name": "t", "path": "../t.csv", "schema": {"fields": []}}]})
    assert Snapshot("previous", {"datapackage.json": outside.encode()}.get).read("../t.csv") is None


def test_check_bump_refuses_a_previous_release_that_is_no_package(base: Path, tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(base, old)
    edit_descriptor(old, lambda d: d["resources"][3].pop("name"))
    done = run_cli("--check-bump", str(old), cwd=base)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr == f"qantar release: {old}: datapackage.json: resource #4 has no name\n"
