"""The work several Python rules share (``Inputs.memo``) is declared and freed once done.

A million-row package's coverage index and number tokens are about 90 MiB; the consistency layer
drops a part of the memo as soon as no rule left to run declares it in python.toml's ``shares``.
An undeclared part would only be rebuilt, never wrong, so what is checked here is that the
declarations are complete (each rule, run alone, leaves only parts it declares) and that a run
leaves nothing behind.
"""

from __future__ import annotations

import importlib

import pytest
from _validate_helpers import REPO

from qantar.validate import catalogue
from qantar.validate.engines import consistency
from qantar.validate.inputs import Inputs
from qantar.validate.report import LayerResult


@pytest.fixture(scope="module")
def inputs() -> Inputs:
    return Inputs(REPO)


@pytest.mark.parametrize("rule", catalogue.python_rules(), ids=lambda r: r.name)
def test_a_rule_leaves_in_the_memo_only_the_parts_it_declares(inputs: Inputs, rule: catalogue.PyRule) -> None:
    inputs.memo.clear()
    list(importlib.import_module(f"qantar.validate.rules.{rule.module}").check(inputs))
    parts = {key.split(".", 1)[0] for key in inputs.memo}
    assert parts <= set(rule.shares), f"{rule.name} caches {sorted(parts - set(rule.shares))}: declare them in python.toml"


def test_a_part_is_kept_while_a_rule_left_shares_it_and_freed_after(inputs: Inputs) -> None:
    rules = catalogue.python_rules()
    last = max(i for i, r in enumerate(rules) if "coverage" in r.shares)
    inputs.memo.update({"coverage.spans": 1, "text-clean.gaps": 2, "undeclared.thing": 3})
    consistency._free_memo(inputs, (rules[last],))
    assert set(inputs.memo) == {"coverage.spans"}
    consistency._free_memo(inputs, tuple(r for r in rules[last + 1:] if "coverage" not in r.shares))
    assert inputs.memo == {}


def test_a_run_of_the_python_rules_leaves_the_memo_empty(inputs: Inputs) -> None:
    inputs.memo.clear()
    result = LayerResult("consistency")
    consistency._python_rules(inputs, result, skip=frozenset(), fast=False)
    assert result.failures == [] and result.checks_run == len(catalogue.python_rules())
    assert inputs.memo == {}
