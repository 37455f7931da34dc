"""Two shares of one job at once (qantar.validate.fork): the copy's answer comes back; a copy that
fails, hangs or answers nonsense costs its share done here, never a wrong answer, a hang or a
leftover process."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from _validate_helpers import copy_package, set_cells

from qantar.validate import fork
from qantar.validate.inputs import Inputs
from qantar.validate.report import LayerResult

pytestmark = pytest.mark.skipif(not fork.available(), reason="fork() shares need Linux and two cores")


def _children() -> set[int]:
    me = os.getpid()
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == me:
                out.add(int(entry.name))
    return out


def test_both_shares_are_done_and_the_copy_answers() -> None:
    before = _children()
    own, other = fork.share(lambda: sum(range(1000)), lambda: {"pid": os.getpid(), "sum": sum(range(2000))})
    assert own == 499500 and other["sum"] == 1999000 and other["pid"] != os.getpid()
    assert _children() == before  # the copy was reaped


def test_a_copy_that_fails_answers_nothing() -> None:
    def boom() -> object:
        raise RuntimeError("the copy failed")

    own, other = fork.share(lambda: "here", boom)
    assert (own, other) == ("here", None)


def test_a_copy_whose_answer_is_not_json_answers_nothing() -> None:
    own, other = fork.share(lambda: 1, lambda: {1, 2})
    assert (own, other) == (1, None)


def test_a_copy_that_hangs_is_killed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fork, "MIN_WAIT", 0.5)
    before = _children()
    started = time.monotonic()
    own, other = fork.share(lambda: "here", lambda: time.sleep(3600))
    assert (own, other) == ("here", None)
    assert time.monotonic() - started < 60
    assert _children() == before


def test_a_copy_expected_to_take_longer_is_waited_for_longer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fork, "MIN_WAIT", 0.2)

    def mine() -> str:
        time.sleep(0.1)
        return "here"

    def theirs() -> str:
        time.sleep(1.0)
        return "there"

    # an equal share: waited 4 x 0.1 s after this side's, then killed
    assert fork.share(mine, theirs) == ("here", None)
    # a share expected 20 times this side's, or this side's share begun before the call: waited for
    assert fork.share(mine, theirs, ratio=20) == ("here", "there")
    assert fork.share(mine, theirs, spent=1.0) == ("here", "there")


def test_when_this_side_fails_the_copy_is_ended_too() -> None:
    before = _children()

    def boom() -> object:
        raise ValueError("this side failed")

    with pytest.raises(ValueError, match="this side failed"):
        fork.share(boom, lambda: time.sleep(3600))
    assert _children() == before


def test_great_expectations_in_two_halves_finds_what_one_process_finds(tmp_path: Path) -> None:
    from qantar.validate.engines import gx

    root = copy_package(tmp_path / "pkg")
    set_cells(root, {"figures": {(2, "measure"): "Killed"}, "actors": {(1, "actor_id"): "Not An Id"}})
    found = []
    for split in (False, True):
        layer = LayerResult("great_expectations")
        gx.run(Inputs(root), layer, fork=split)
        found.append((layer.checks_run, sorted((f.table or "", f.row or 0, f.column or "", f.rule) for f in layer.failures),
                      [d["success"] for d in layer.details]))
    assert found[0] == found[1]
    assert ("figures", 3, "measure", "pattern") in found[0][1], found[0][1]
