"""docs/validation-rules.md is generated from the rule registry and kept in step with it."""

from __future__ import annotations

from _validate_helpers import REPO

from qantar.validate import consistency
from qantar.validate.rules import DAMAGE, registry, render_markdown


def test_committed_page_equals_the_generated_one() -> None:
    committed = (REPO / "docs" / "validation-rules.md").read_text(encoding="utf-8")
    assert committed == render_markdown(REPO), (
        "docs/validation-rules.md is stale: python -m qantar.validate.rules > docs/validation-rules.md"
    )


def test_every_rule_is_described() -> None:
    rules = registry(REPO)
    assert {r.layer for r in rules} == {"frictionless", "pandera", "consistency", "great_expectations"}
    for r in rules:
        assert r.name and r.description and r.protects, r


def test_sql_rules_have_headers_and_unique_names() -> None:
    rules = consistency.rules()
    names = [r.name for r in rules]
    assert len(names) == len(set(names)) >= 12
    for r in rules:
        assert r.description and r.protects, r.path.name
        assert r.path.stem.replace("_", "-") == r.name, "file name and rule name agree"


def test_damage_catalogue_names_real_rules() -> None:
    names = {(r.layer, r.name) for r in registry(REPO)}
    by_layer = {layer for layer, _ in names}
    assert len(DAMAGE) >= 12
    for d in DAMAGE:
        assert d.layer in by_layer
        if d.layer in ("consistency",):
            assert all((d.layer, rule) in names for rule in d.rules), d
