"""The validation rules page: every rule ``qantar validate`` checks, generated at build time from the
catalogue (``qantar.validate.catalogue.catalogue``), which reads each rule from its one home: the
descriptor's constraints and the files of ``validators/``. The page and ``qantar validate
--list-rules`` list the same rules, so neither can drift from what runs.

The kinds of damage the mutation tests apply are listed when the build hands them over
(``Site.damage``: docs/_hooks/generate.py reads them from the tests' catalogue in the checkout,
tests/validate/damage.py); the package never imports test code.
"""

from __future__ import annotations

import re
from collections import Counter

from qantar.validate.catalogue import LAYERS, Rule, catalogue
from qantar.validate.report import LAYER_TITLES

from .data import Site
from .escape import anchor, html_text, md_text
from .links import mdref

SRC = "validation-rules.md"
#: Places a rule applies to that are listed before the rest are folded away.
SHOWN = 8
#: Headings of the homes (a home not named here is headed by its own path).
HOMES = {
    "datapackage.json": "Declared in the descriptor",
    "validators/rows.toml": "Row rules",
    "validators/sql/": "Cross-table rules (SQL)",
    "validators/python.toml": "Rules that need Python",
    "validators/expectations.toml": "Great Expectations",
}


def home_of(rule: Rule) -> str:
    """The file (or, for one file per rule, the folder) a rule lives in."""
    m = re.match(r"validators/[^/\s]+/|\S+", rule.home)
    return m.group(0) if m else rule.home


def _applies(rule: Rule) -> str:
    codes = [f"<code>{html_text(a)}</code>" for a in rule.applies_to]
    if len(codes) <= SHOWN:
        return ", ".join(codes)
    return (", ".join(codes[:SHOWN]) + f'<details><summary>and {len(codes) - SHOWN} more</summary>'
            + ", ".join(codes[SHOWN:]) + "</details>")


def rule_id(name: str) -> str:
    """The id of a rule's (first) row on the page."""
    return anchor(f"rule-{name}")


def _table(rules: list[Rule], ids: set[str]) -> str:
    """The rules as rows; the first row of each rule name gets its id (``ids``: the ids given so far)."""
    rows = []
    for r in rules:
        slow = ' <span class="qantar-muted">(left out by <code>--fast</code>)</span>' if r.slow else ""
        rid = rule_id(r.name)
        attr = "" if rid in ids else f' id="{rid}"'
        ids.add(rid)
        rows.append(
            f"<tr{attr}><td><code>{html_text(r.name)}</code></td><td>{html_text(', '.join(r.layers))}{slow}</td>"
            f"<td><code>{html_text(r.home)}</code></td><td>{html_text(r.description)}</td>"
            f"<td>{html_text(r.protects)}</td><td>{_applies(r)}</td></tr>"
        )
    return (
        '<div class="qantar-table-wrap qantar-data"><table data-table="rules"><thead><tr><th>Rule</th><th>Layers</th>'
        "<th>Home</th><th>What it checks</th><th>Protects against</th><th>Applies to</th></tr></thead><tbody>"
        + "".join(rows) + "</tbody></table></div>"
    )


def page(site: Site) -> str:
    rules = catalogue(site.package)
    per_layer = Counter(layer for r in rules for layer in r.layers)
    homes: dict[str, list[Rule]] = {}
    for r in rules:
        homes.setdefault(home_of(r), []).append(r)
    out = [
        "# Validation rules",
        "",
        f"Every rule `qantar validate` checks on this package: **{len(rules)} rules**, read from their homes when "
        "this site was built (the same list as `qantar validate --list-rules`). Each rule lives in one place: "
        "a declarative constraint in `datapackage.json`, whose meaning `validators/constraints.toml` states, or a "
        "file of the repository's `validators/` folder. A rule can run in several layers; the "
        f"[validation]({mdref(SRC, 'validation.md')}) page shows what the latest run found.",
        "",
        "| Layer | Rules it runs |",
        "| --- | ---: |",
        *(f"| {i}. {md_text(LAYER_TITLES.get(layer, layer))} | {per_layer.get(layer, 0)} |" for i, layer in enumerate(LAYERS, 1)),
        "",
    ]
    ids: set[str] = set()
    for home, group in homes.items():
        heading = HOMES.get(home, home)
        out += [
            f"## {md_text(heading)}",
            "",
            f"{len(group)} rule{'s' if len(group) != 1 else ''}, home <code>{md_text(home)}</code>.",
            "",
            _table(group, ids),
            "",
        ]
    return "\n".join(out + _damage(site, ids))


def _damage(site: Site, ids: set[str]) -> list[str]:
    out = [
        "## Damage the tests apply {#damage}",
        "",
        "The mutation tests (`tests/validate/test_validate_mutations.py`) damage copies of the data, each kind at "
        "random tables, rows and columns (with hypothesis), and check that the layer that owns the kind reports "
        "it, naming the table, row and column.",
        "",
    ]
    if not site.damage:
        return out + [
            "Their catalogue (`tests/validate/damage.py`) is test code, which the `qantar` package does not import; "
            "this site was built without it (from a folder that holds no tests), so it is not listed here.",
            "",
        ]

    def rule(name: object) -> str:
        code = f"<code>{html_text(name)}</code>"
        rid = rule_id(str(name))
        return f'<a href="#{rid}">{code}</a>' if rid in ids else code

    rows = [
        f"<tr><td><code>{html_text(d.get('kind'))}</code></td><td>{html_text(d.get('description'))}</td>"
        f"<td>{html_text(d.get('layer'))}</td><td>{', '.join(rule(r) for r in d.get('rules') or ())}</td></tr>"
        for d in site.damage
    ]
    return out + [
        f"{len(site.damage)} kinds, read from the tests' catalogue (`tests/validate/damage.py`) when this site was built.",
        "",
        '<div class="qantar-table-wrap qantar-data"><table data-table="damage"><thead><tr><th>Damage</th>'
        "<th>What is done</th><th>Caught by</th><th>Rules</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>",
        "",
    ]
