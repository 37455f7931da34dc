"""MkDocs hook that generates the Qantar documentation pages from datapackage.json and data/.

Why a hook and not the mkdocs-gen-files plugin: hooks are built into MkDocs (>= 1.4), so the docs need
no extra plugin; ``File.generated`` (MkDocs >= 1.6) puts in-memory pages and byte-for-byte file copies
into the build, and ``mkdocs serve`` rebuilds them when the data change (see ``watch`` in mkdocs.yml).
Nothing generated is written into docs/, so generated pages cannot be committed by mistake and can never
disagree with the data they were built from.

Inputs besides the package (all optional, each page says when one is missing):
- build/validation.json (or $QANTAR_VALIDATION_REPORT): report of `qantar validate`, for validation.md
- build/exports/<table>.parquet (or the folder $QANTAR_EXPORTS_DIR): Parquet exports linked from table pages
- CITATION.cff at the repository root: for cite.md and the JSON-LD citation
- reliability/ at the repository root: the codings compared on reliability.md (computed at build time)
"""

from __future__ import annotations

import io
import logging
import os
import re
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))

from mkdocs.structure.files import File, Files  # noqa: E402

from qantar_docs import cite, dictionary, discrepancies, geo, home, provenance, tables, timeline, validation  # noqa: E402
from qantar_docs.data import Package, article_src, load_package, table_src  # noqa: E402
from qantar_docs.erd import erd_svg  # noqa: E402
from qantar_docs.escape import anchor, html_text  # noqa: E402

from qantar.reliability.page import render as reliability_page  # noqa: E402

log = logging.getLogger("mkdocs.hooks.qantar")

_STATE: dict = {}


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _exports_dir(root: Path) -> Path:
    p = os.environ.get("QANTAR_EXPORTS_DIR")
    return Path(p) if p else root / "build" / "exports"


def _extend_nav(nav, index: str, entries: list[dict[str, str]]) -> bool:
    """Append entries to the nav section whose list contains the page ``index``."""
    if not isinstance(nav, list):
        return False
    for item in nav:
        if item == index or (isinstance(item, dict) and index in item.values()):
            present = {v for e in nav if isinstance(e, dict) for v in e.values()} | {e for e in nav if isinstance(e, str)}
            nav.extend(e for e in entries if next(iter(e.values())) not in present)
            return True
    for item in nav:
        if isinstance(item, dict):
            for v in item.values():
                if _extend_nav(v, index, entries):
                    return True
    return False


def on_config(config):
    root = _root(config)
    pkg = load_package(root)
    _STATE["pkg"] = pkg
    _STATE["root"] = root
    if config.nav:
        # The theme renders nav titles as HTML: data go in as HTML text.
        _extend_nav(config.nav, "tables/index.md", [{html_text(t): table_src(t)} for t in pkg.tables])
        _extend_nav(
            config.nav,
            "provenance/index.md",
            [{html_text(provenance.article_title(s)): article_src(s["source_id"])} for s in pkg.rows("sources")],
        )
    return config


def _zip(pkg: Package) -> tuple[str, bytes]:
    """The package as one zip: descriptor, tables and article copies, with fixed timestamps."""
    name = anchor(f"{pkg.descriptor.get('name', 'qantar')}-{pkg.version}") + ".zip"  # a file name: no path in it
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        paths = ["datapackage.json"] + [r["path"] for r in pkg.descriptor.get("resources", []) if isinstance(r.get("path"), str)]
        for p in paths:
            info = zipfile.ZipInfo(p, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, (pkg.root / p).read_bytes())
    return name, buf.getvalue()


def on_files(files: Files, config):
    pkg: Package = _STATE["pkg"]
    root: Path = _STATE["root"]

    def page(uri: str, content: str) -> None:
        if files.get_file_from_path(uri) is not None:
            files.remove(files.get_file_from_path(uri))
        files.append(File.generated(config, uri, content=content))

    def copy(uri: str, path: Path) -> None:
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(path)))

    # Byte-for-byte copies: the descriptor, every resource (tables and article copies), Parquet exports.
    copy("datapackage.json", root / "datapackage.json")
    for res in pkg.descriptor.get("resources", []):
        if isinstance(res.get("path"), str) and (root / res["path"]).is_file():
            copy(res["path"], root / res["path"])
    exports = _exports_dir(root)
    parquet = {}
    for name in pkg.tables:
        p = exports / f"{name}.parquet"
        if p.is_file():
            copy(f"data/{name}.parquet", p)
            parquet[name] = p
    zip_name, zip_bytes = _zip(pkg)
    files.append(File.generated(config, f"downloads/{zip_name}", content=zip_bytes))
    _STATE["zip"] = zip_name

    spans, problems = provenance.collect_spans(pkg)
    if problems:
        log.warning("qantar: %d quote offsets do not match the article text (shown on the provenance pages)", len(problems))

    page("data-dictionary.md", dictionary.dictionary_page(pkg))
    files.append(File.generated(config, "assets/generated/erd.svg", content=erd_svg(pkg)))
    page("tables/index.md", tables.tables_index(pkg))
    for name, t in pkg.tables.items():
        page(table_src(name), tables.table_page(pkg, t, parquet.get(name)))
    page("timeline.md", timeline.timeline_page(pkg))
    page("map.md", geo.map_page(pkg))
    page("provenance/index.md", provenance.overview_page(pkg, spans, problems))
    for s in pkg.rows("sources"):
        page(article_src(s["source_id"]), provenance.article_page(pkg, s, spans.get(s["source_id"], []), problems))
    page("discrepancies.md", discrepancies.discrepancies_page(pkg))
    page("reliability.md", reliability_page(root))
    page("validation.md", validation.validation_page(pkg, dict(os.environ)))
    page("cite.md", cite.cite_page(pkg))
    changelog = root / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8") if changelog.is_file() else "# Changelog\n\nNo changelog yet.\n"
    # Paths in the changelog are relative to the repository root; pages under docs/ are at the site root.
    text = re.sub(r"\]\(docs/", "](", text)
    page("changelog.md", text)
    return files


def on_page_markdown(markdown: str, page, config, files):
    if page.file.src_uri == "index.md":
        for marker, value in home.replacements(_STATE["pkg"], _STATE.get("zip")).items():
            markdown = _replace_marker(markdown, marker, value)
    return markdown


def _replace_marker(markdown: str, marker: str, value: str) -> str:
    """Replace a marker; a multi-line value keeps the indentation of the line the marker is on (tabs, lists)."""
    def sub(m: re.Match) -> str:
        indent = m.group(1)
        return indent + value.replace("\n", "\n" + indent)

    markdown = re.sub(r"^([ \t]*)" + re.escape(marker), sub, markdown, flags=re.M)
    return markdown.replace(marker, value)


def on_post_page(output: str, page, config):
    if page.file.src_uri == "index.md":
        block = home.jsonld(_STATE["pkg"], config.site_url or None, _STATE.get("zip"))
        output = output.replace("</head>", block + "\n</head>", 1)
    return output
