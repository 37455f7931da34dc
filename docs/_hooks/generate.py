"""MkDocs hook: the Qantar site's pages, navigation and downloads, from ``qantar.site``.

The package is read from the folder of mkdocs.yml (the checkout's root) with ``qantar.site.data.read``;
``qantar.site.pages`` is the one list of pages and says how each is made. This hook only hands the
results to MkDocs. Why a hook and not the mkdocs-gen-files plugin: hooks are built into MkDocs
(>= 1.4), and ``File.generated`` (>= 1.6) puts in-memory pages and files into the build, so nothing
generated is written into docs/ or committed, and ``mkdocs serve`` rebuilds them when the data change
(``watch`` in mkdocs.yml) or the generators and rules do (``on_serve``).

Inputs besides the package (all optional; each page says when one is missing): build/validation.json
(or $QANTAR_VALIDATION_REPORT), build/exports/<table>.parquet (or the folder $QANTAR_EXPORTS_DIR),
CITATION.cff, CHANGELOG.md, reliability/, and the kinds of damage the mutation tests apply
(tests/validate/damage.py, read here because the package never imports test code).
"""

from __future__ import annotations

import ast
import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from qantar.errors import DataError
from qantar import _atomic
from qantar.site import data, pages, search
from qantar.validate import catalogue

log = logging.getLogger("mkdocs.hooks.qantar")

_STATE: dict = {}
DAMAGE = "tests/validate/damage.py"


def damage(root: Path) -> list[dict]:
    """The tests' catalogue of damage, read, not run: each ``Damage(kind, description, layer, rules)``
    of tests/validate/damage.py, in file order (none in a folder without the tests)."""
    path = root / DAMAGE
    if not path.is_file():
        return []
    names = ("kind", "description", "layer", "rules")
    calls = [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Damage"]
    try:
        return [dict(zip(names, map(ast.literal_eval, c.args))) | {k.arg: ast.literal_eval(k.value) for k in c.keywords}
                for c in sorted(calls, key=lambda c: (c.lineno, c.col_offset))]
    except ValueError as exc:
        raise PluginError(f"{DAMAGE}: a Damage(...) with arguments that are not literals: {exc}") from None


def on_config(config):
    if config.nav:
        raise PluginError("mkdocs.yml has a nav: the site's navigation is qantar/site/pages.py (PAGES)")
    root = Path(config.config_file_path).resolve().parent
    try:
        site = data.read(root, os.environ, damage(root))
    except DataError as exc:
        raise PluginError(f"qantar: the site cannot be built: {exc}") from None
    missing = [src for src in pages.prose() if not (Path(config.docs_dir) / src).is_file()]
    if missing:
        raise PluginError(f"qantar/site/pages.py lists prose pages that docs/ lacks: {', '.join(missing)}")
    _STATE["site"] = site
    config.nav = pages.nav(site)
    return config


def on_files(files: Files, config):
    site = _STATE["site"]
    documents = {p.src for p in pages.all_pages(site)}
    for uri, content in pages.generate(site).items():
        old = files.get_file_from_path(uri)
        if old is not None:
            files.remove(old)
        if uri in documents or not uri.endswith(".md"):
            files.append(File.generated(config, uri, content=content))
        else:
            # a download that happens to be Markdown (the release's dataset card, README.md) is a file
            # to offer byte for byte, not a page: mkdocs decides by the source name, so it gets one
            # that is not Markdown, and its own name as the destination
            file = File.generated(config, uri + ".download", content=content)
            file.dest_uri = uri
            files.append(file)
    for problem in pages.problems(site):
        log.warning("qantar: %s", problem)
    return files


def on_serve(server, config, builder):
    # `mkdocs serve` also rebuilds when the page generators or the rules change (wherever qantar is).
    for folder in (Path(pages.__file__).parent, catalogue.home()):
        server.watch(str(folder))
    return server


def on_page_markdown(markdown: str, page, config, files):
    return pages.fill(_STATE["site"], page.file.src_uri, markdown)


def on_post_page(output: str, page, config):
    block = pages.head(_STATE["site"], page.file.src_uri, config.site_url or None)
    return output.replace("</head>", block + "\n</head>", 1) if block else output


def on_post_build(config):
    # After the theme's search plugin wrote its index (plugins run before hooks) and before the offline
    # plugin copies it into search_index.js (it runs last): one entry per row of every table.
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        _atomic.write_text(index, search.add_to_index(index.read_text(encoding="utf-8"), _STATE["site"]))
