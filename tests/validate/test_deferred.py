"""``qantar.validate.deferred``: a stand-in imports its module at first use, and only then."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from qantar.validate.deferred import Deferred, deferred


@pytest.fixture
def module_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two importable modules that record in ``sys.qantar_imported`` when they run."""
    for name in ("deferred_probe_a", "deferred_probe_b"):
        (tmp_path / f"{name}.py").write_text(
            "import sys\nsys.qantar_imported = [*getattr(sys, 'qantar_imported', []), __name__]\nVALUE = 42\n"
            "def twice(x):\n    return 2 * x\n", encoding="utf-8")
    (tmp_path / "deferred_user.py").write_text(
        "import deferred_probe_a as a\nfrom deferred_probe_b import twice\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "qantar_imported", [], raising=False)
    yield tmp_path
    for name in ("deferred_probe_a", "deferred_probe_b", "deferred_user"):
        sys.modules.pop(name, None)


def test_a_deferred_module_runs_at_its_first_use_only(module_dir: Path) -> None:
    with deferred(("deferred_probe_a",)) as standing:
        import deferred_user
        assert standing == ["deferred_probe_a"]
        assert isinstance(sys.modules["deferred_probe_a"], Deferred)
    assert "deferred_probe_a" not in sys.modules  # out of sys.modules after the block
    assert sys.qantar_imported == ["deferred_probe_b"]  # the one not deferred ran at once
    assert deferred_user.a.VALUE == 42  # first use: the real module runs, once
    assert deferred_user.a.twice(4) == 8
    assert sys.qantar_imported == ["deferred_probe_b", "deferred_probe_a"]
    import deferred_probe_a  # later imports get the real module

    assert not isinstance(deferred_probe_a, Deferred) and deferred_probe_a.VALUE == 42
    assert sys.qantar_imported.count("deferred_probe_a") == 1


def test_a_module_already_imported_is_left_alone(module_dir: Path) -> None:
    import deferred_probe_a

    with deferred(("deferred_probe_a", "deferred_probe_b")) as standing:
        assert standing == ["deferred_probe_b"]
        assert sys.modules["deferred_probe_a"] is deferred_probe_a
    assert sys.modules["deferred_probe_a"] is deferred_probe_a
    assert "deferred_probe_b" not in sys.modules and sys.qantar_imported == ["deferred_probe_a"]


def test_an_error_in_the_block_still_takes_the_stand_ins_out(module_dir: Path) -> None:
    with pytest.raises(RuntimeError), deferred(("deferred_probe_a",)):
        raise RuntimeError("the import failed")
    assert "deferred_probe_a" not in sys.modules and sys.qantar_imported == []


def test_a_missing_attribute_of_a_deferred_module_is_an_attribute_error(module_dir: Path) -> None:
    with deferred(("deferred_probe_a",)):
        import deferred_user
    with pytest.raises(AttributeError):
        deferred_user.a.no_such_name
