"""The validation rules page, generated at build time from the catalogue of the rules' homes
(``qantar.validate.catalogue``): every rule once, with its layers and home, the same count as
``qantar validate --list-rules``. No committed copy of the page exists to go stale."""

from __future__ import annotations

import re
from html import unescape

from _docs_site import ROOT

from qantar.cli.validate import main
from qantar.site import data, rules
from qantar.validate.catalogue import LAYERS, catalogue, sql_rules

SITE = data.read(ROOT)
CATALOGUE = catalogue(SITE.package)


def text(markdown: str) -> str:
    """What the page shows: character references decoded, tags dropped."""
    return unescape(re.sub(r"<[^>]+>", "", markdown))


def test_every_rule_is_described() -> None:
    assert {layer for r in CATALOGUE for layer in r.layers} == set(LAYERS)
    for r in CATALOGUE:
        assert r.name and r.description and r.protects and r.home, r
        assert set(r.layers) <= set(LAYERS), r


def test_sql_rules_have_headers_and_unique_names() -> None:
    found = sql_rules()
    names = [r.name for r in found]
    assert len(names) == len(set(names)) >= 12
    for r in found:
        assert r.description and r.protects, r.path.name
        assert r.path.stem.replace("_", "-") == r.name, "file name and rule name agree"


def test_the_page_lists_every_rule_with_its_layers_and_home() -> None:
    page = rules.page(SITE)
    rows = re.findall(r"<tr><td><code>(.*?)</code></td><td>(.*?)</td><td><code>(.*?)</code></td>", page)
    shown = [(unescape(name), text(layers).replace(" (left out by --fast)", ""), unescape(home)) for name, layers, home in rows]
    assert shown == [(r.name, ", ".join(r.layers), r.home) for r in CATALOGUE]
    for r in CATALOGUE:
        for place in r.applies_to:
            assert f"<code>{place}</code>" in unescape(page), (r.name, place)


def test_the_counts_agree_with_the_command_line(capsys) -> None:
    assert main(["--list-rules", str(ROOT)]) == 0
    cli = capsys.readouterr().out.strip().splitlines()[-1]
    shown = text(rules.page(SITE))
    assert cli == f"{len(CATALOGUE)} rules" and f"{len(CATALOGUE)} rules" in shown
    for i, layer in enumerate(LAYERS, 1):
        n = sum(layer in r.layers for r in CATALOGUE)
        assert re.search(rf"\| {i}\. [^|]+ \| {n} \|", shown), layer


def test_each_home_has_its_section() -> None:
    page = rules.page(SITE)
    homes = list(dict.fromkeys(rules.home_of(r) for r in CATALOGUE))
    assert len(homes) >= 5 and "validators/sql/" in homes and "datapackage.json" in homes
    headings = re.findall(r"^## (.+)$", page, flags=re.M)
    assert [unescape(h) for h in headings[: len(homes)]] == [rules.HOMES.get(h, h) for h in homes]


def test_the_damage_catalogue_is_not_imported_and_the_page_says_so() -> None:
    page = text(rules.page(SITE))
    assert "Damage the tests apply" in page and "not listed here" in page
    assert not (ROOT / "docs" / "validation-rules.md").exists(), "the page is generated, never committed"
