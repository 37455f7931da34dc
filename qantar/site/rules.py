"""The validation rules page: every rule ``qantar validate`` checks, generated at build time from the
catalogue (``qantar.validate.catalogue.catalogue``), which reads each rule from its one home: the
descriptor's constraints and the files of ``validators/``. The page and ``qantar validate
--list-rules`` list the same rules, so neither can drift from what runs.

The kinds of damage the mutation tests apply are not on the page: that catalogue is test code
(``tests/validate/``), which the package does not import.
"""

from __future__ import annotations

import re
from collections import Counter

from qantar.validate.catalogue import LAYERS, Rule, catalogue
from qantar.validate.report import LAYER_TITLES

from .data import Site
from .escape import html_text, md_text
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


def _table(rules: list[Rule]) -> str:
    rows = []
    for r in rules:
        slow = ' <span class="qantar-muted">(left out by <code>--fast</code>)</span>' if r.slow else ""
        rows.append(
            f"<tr><td><code>{html_text(r.name)}</code></td><td>{html_text(', '.join(r.layers))}{slow}</td>"
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
    for home, group in homes.items():
        heading = HOMES.get(home, home)
        out += [
            f"## {md_text(heading)}",
            "",
            f"{len(group)} rule{'s' if len(group) != 1 else ''}, home <code>{md_text(home)}</code>.",
            "",
            _table(group),
            "",
        ]
    out += [
        "## Damage the tests apply {#damage}",
        "",
        "The mutation tests damage copies of the data in many ways (a duplicated key, an emptied required cell, "
        "a quote moved in its article ...) and check that the layer that owns each kind reports it, naming the "
        "table, row and column. Their catalogue of damage is test code (in the repository's `tests/validate/`), "
        "which the `qantar` package does not import, so it is not listed here.",
        "",
    ]
    return "\n".join(out)
