"""roles-agree: one actor is not both the doer and its counterpart in one event, unless a discrepancy
of the event names the actor and both roles (the damage kind role-given-counterpart draws the flips)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _validate_helpers import copy_package, read_table, write_table

from qantar.validate import validate


def _flagged(root: Path) -> list[tuple[int, str]]:
    report = validate(root, layers=["consistency"], parallel=False)
    return [(f.row, f.value) for f in report.failures if f.rule == "roles-agree"]


@pytest.fixture()
def flipped(tmp_path: Path) -> tuple[Path, int]:
    """Tokayev, the requester of E022 in four sources, made the addressee in source 002's row."""
    root = copy_package(tmp_path / "pkg")
    header, rows = read_table(root, "event_actors")
    (k,) = [k for k, r in enumerate(rows) if r[:3] == ["E022", "tokayev", "requester"] and r[3].startswith("002")]
    rows[k][header.index("role")] = "addressee"
    write_table(root, "event_actors", header, rows)
    return root, k + 1


def _discrepancy(root: Path, description: str) -> None:
    header, rows = read_table(root, "discrepancies")
    row = dict(zip(header, rows[0], strict=True))
    row.update(discrepancy_id="D999", kind="between_sources", subject_table="events", subject_id="E022",
               claim_a_source_id=next(r[3] for r in read_table(root, "event_actors")[1] if r[0] == "E022" and r[3].startswith("002")),
               claim_b_source_id=next(r[3] for r in read_table(root, "event_actors")[1] if r[0] == "E022" and r[3].startswith("001")),
               description_en=description, resolution_en="Both kept.")
    write_table(root, "discrepancies", header, [*rows, [row[c] for c in header]])


def test_the_minority_role_is_reported(flipped: tuple[Path, int]) -> None:
    root, row = flipped
    assert _flagged(root) == [(row, "addressee")]


def test_a_discrepancy_naming_the_actor_and_both_roles_excuses_it(flipped: tuple[Path, int]) -> None:
    root, _row = flipped
    _discrepancy(root, "Source 002 makes Tokayev the addressee of the request, source 001 its requester.")
    assert _flagged(root) == []


def test_a_discrepancy_of_the_event_about_something_else_excuses_nothing(flipped: tuple[Path, int]) -> None:
    root, row = flipped
    _discrepancy(root, "Source 002 and source 001 disagree on when Tokayev asked for help.")
    assert _flagged(root) == [(row, "addressee")]
