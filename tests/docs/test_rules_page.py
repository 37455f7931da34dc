"""The validation rules page, generated at build time from the catalogue of the rules' homes
(``qantar.validate.catalogue``): every rule once, with its layers and home, the same count as
``qantar validate --list-rules``. No committed copy of the page exists to go stale."""

from __future__ import annotations

import importlib.util
import re
import sys
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
    rows = re.findall(r"<tr(?: id=\"[^\"]*\")?><td><code>(.*?)</code></td><td>(.*?)</td><td><code>(.*?)</code></td>", page)
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


def _module(name: str, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


DAMAGE = _module("_tests_validate_damage", ROOT / "tests" / "validate" / "damage.py").DAMAGE


def test_the_build_reads_the_tests_damage_catalogue_without_running_it() -> None:
    hook = _module("_qantar_docs_hook", ROOT / "docs" / "_hooks" / "generate.py")
    assert hook.damage(ROOT) == [{"kind": d.kind, "description": d.description, "layer": d.layer, "rules": d.rules}
                                 for d in DAMAGE]
    assert hook.damage(ROOT / "docs") == []  # a folder without the tests


def test_the_damage_catalogue_names_real_rules_and_the_page_links_them() -> None:
    names = {r.name for r in CATALOGUE}
    assert len(DAMAGE) >= 12 and {d.layer for d in DAMAGE} <= set(LAYERS)
    for d in DAMAGE:
        if d.layer == "consistency":
            assert set(d.rules) <= names, d
    site = data.read(ROOT, damage=[vars(d) for d in DAMAGE])
    page = rules.page(site)
    rows = re.findall(r"<tr><td><code>([^<]*)</code></td><td>([^<]*)</td><td>([^<]*)</td><td>(.*?)</td></tr>",
                      page.split("{#damage}")[1])
    assert [(unescape(k), unescape(w), unescape(layer)) for k, w, layer, _ in rows] == [
        (d.kind, d.description, d.layer) for d in DAMAGE]
    for d, (*_, cell) in zip(DAMAGE, rows, strict=True):
        assert [unescape(x) for x in re.findall(r"<code>([^<]*)</code>", cell)] == list(d.rules)
        for name in d.rules:
            linked = f'href="#{rules.rule_id(name)}"' in cell
            assert linked == (name in names), (d.kind, name)
            if linked:
                assert f'<tr id="{rules.rule_id(name)}">' in page


def test_without_the_tests_the_page_says_the_damage_is_not_listed() -> None:
    page = text(rules.page(SITE))
    assert "Damage the tests apply" in page and "not listed here" in page
    assert not (ROOT / "docs" / "validation-rules.md").exists(), "the page is generated, never committed"
