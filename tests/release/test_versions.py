"""One version: datapackage.json states it; pyproject.toml (dynamic), CITATION.cff,
``qantar.__version__`` and the top released entry of CHANGELOG.md agree, and so do the dates.
The bump step (``qantar release --bump``) moves them all together."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REAL_DESCRIPTOR, REPO
from release_helpers import copy_package, edit_rows, set_version

from qantar.release import ReleaseError
from qantar.release.bump import bump
from qantar.release.previous import from_directory
from qantar.release.versions import Version, cut, disagreements, entries, stated, top_release

pytestmark = pytest.mark.skipif(not REAL_DESCRIPTOR.is_file(), reason="needs the real data package")


def descriptor_version() -> str:
    return json.loads(REAL_DESCRIPTOR.read_text(encoding="utf-8"))["version"]


def test_every_statement_of_the_version_agrees() -> None:
    assert disagreements(REPO) == []
    places = stated(REPO)
    assert {v for v, _ in places.values()} == {descriptor_version()}
    assert len({d for _, d in places.values()}) == 1


def test_the_distribution_version_is_read_from_the_descriptor() -> None:
    from hatchling.metadata.core import ProjectMetadata
    from hatchling.plugin.manager import PluginManager

    assert ProjectMetadata(str(REPO), PluginManager()).version == descriptor_version()


def test_installed_package_version_is_the_data_version() -> None:
    # In a fresh interpreter: importlib.metadata of the installed (or editable) distribution.
    code = "import qantar; print(qantar.__version__, qantar.data_version)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO.parent, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [descriptor_version()] * 2, (
        "the installed qantar is stale: reinstall it (pip install -e .) after a version bump"
    )


def test_disagreements_are_found(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "pkg")
    set_version(root, "9.9.9")
    problems = disagreements(root)
    assert any("CITATION.cff says version" in p for p in problems)
    assert any("CHANGELOG.md says version" in p for p in problems)
    (root / "pyproject.toml").write_text('[project]\nname = "qantar"\nversion = "9.9.9"\n', encoding="utf-8")
    assert any("pyproject.toml must not state a version" in p for p in disagreements(root))


def test_semantic_versions() -> None:
    v = Version.parse("0.9.3")
    assert (str(v.bumped("major")), str(v.bumped("minor")), str(v.bumped("patch"))) == ("1.0.0", "0.10.0", "0.9.4")
    assert v.level_to(Version.parse("0.10.0")) == "minor" and v.level_to(Version.parse("0.9.5")) is None
    for bad in ("1.0", "01.2.3", "1.2.3-rc1", "v1.2.3", None):
        with pytest.raises(ValueError):
            Version.parse(bad)


CHANGELOG = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n- a typo\n\n## [0.1.0] - 2026-11-22\n\n### Added\n- everything\n"


def test_changelog_entries_and_cut() -> None:
    assert [(e.version, e.date) for e in entries(CHANGELOG)] == [("Unreleased", None), ("0.1.0", "2026-11-22")]
    released = cut(CHANGELOG, "0.1.1", "2026-12-01")
    assert [(e.version, e.date, e.body) for e in entries(released)][:2] == [
        ("Unreleased", None, ""), ("0.1.1", "2026-12-01", "### Fixed\n- a typo"),
    ]
    assert top_release(released).version == "0.1.1"
    with pytest.raises(ValueError, match="empty"):
        cut(released, "0.1.2", "2026-12-02")
    with pytest.raises(ValueError, match="already has an entry"):
        cut(CHANGELOG, "0.1.0", "2026-12-02")


def fresh_changelog(root: Path) -> Path:
    """A copy of the package whose changelog has the released entries but nothing unreleased."""
    (version, date), path = stated(root)["datapackage.json"], root / "CHANGELOG.md"
    path.write_text(f"# Changelog\n\n## [Unreleased]\n\n## [{version}] - {date}\n\n### Added\n- everything\n", encoding="utf-8")
    return root


def with_notes(root: Path) -> None:
    path = root / "CHANGELOG.md"
    path.write_text(path.read_text(encoding="utf-8").replace("## [Unreleased]\n", "## [Unreleased]\n\n### Added\n- E999\n", 1),
                    encoding="utf-8")


def test_bump_moves_every_statement_together(tmp_path: Path) -> None:
    root = fresh_changelog(copy_package(tmp_path / "pkg"))
    before = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    old = Version.parse(before["version"])
    with_notes(root)
    assert bump(root, "minor", date="2027-01-15")[:2] == (str(old), str(old.bumped("minor")))
    after = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    assert after["version"] == str(old.bumped("minor")) and after["created"] == "2027-01-15T00:00:00Z"
    assert {k: v for k, v in after.items() if k not in ("version", "created")} == {
        k: v for k, v in before.items() if k not in ("version", "created")
    }
    assert disagreements(root) == []
    assert stated(root)["CITATION.cff"] == (str(old.bumped("minor")), "2027-01-15")
    assert top_release((root / "CHANGELOG.md").read_text(encoding="utf-8")).body == "### Added\n- E999"


def test_bump_refuses_without_notes_or_too_small(tmp_path: Path) -> None:
    root = fresh_changelog(copy_package(tmp_path / "pkg"))
    snapshot = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    with pytest.raises(ReleaseError, match="empty"):
        bump(root, "patch", date="2027-01-15")
    assert snapshot == {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    previous = copy_package(tmp_path / "previous")
    edit_rows(root, "events", lambda rows: rows.append(["E999", *rows[-1][1:]]))
    with_notes(root)
    snapshot = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    with pytest.raises(ReleaseError, match="patch is not enough"):
        bump(root, "patch", date="2027-01-15", previous=from_directory(previous))
    assert snapshot == {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}  # nothing written
    bump(root, "minor", date="2027-01-15", previous=from_directory(previous))
    assert disagreements(root) == []


def test_qantar_validate_compares_the_citation_version(tmp_path: Path) -> None:
    from qantar.validate import validate

    root = copy_package(tmp_path / "pkg")
    assert validate(root, layers=["consistency"]).ok
    cff = root / "CITATION.cff"
    cff.write_text(cff.read_text(encoding="utf-8").replace(f'version: "{descriptor_version()}"', 'version: "9.9.9"'), encoding="utf-8")
    report = validate(root, layers=["consistency"])
    failures = [f for layer in report.layers for f in layer.failures]
    assert [(f.rule, f.table, f.value) for f in failures] == [("versions-agree", "CITATION.cff", "9.9.9")]
