"""The validation page: the report ``qantar validate --report build`` wrote, pass or fail.

The report is ``build/validation.json`` in the package folder, or the file the environment variable
``QANTAR_VALIDATION_REPORT`` names; its shape is ``qantar.validate.report.Report.to_dict()``. The page
shows the verdict (a failing report shows as failing), each layer's status and counts, the layers
that could not run and why, every failure once (table, row, column, rule and the layers that saw
it) and the versions of the libraries that checked. The report itself (and the HTML report written
beside it) can be downloaded from the page. Without a report the page says so; a file that is not
such a report is named as one, never guessed at.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from qantar import _safe_files
from qantar.errors import DataError
from qantar.validate.catalogue import LAYERS
from qantar.validate.report import LAYER_TITLES

from .data import Site
from .escape import html_text, md_text
from .links import href, mdref, table_src
from .render import fmt_int

SRC = "validation.md"
REPORT = "build/validation.json"
ENV = "QANTAR_VALIDATION_REPORT"
#: The HTML report ``qantar validate --report DIR`` writes beside validation.json.
HTML_REPORT = "validation-report.html"
DOWNLOADS = {"json": "downloads/validation.json", "html": f"downloads/{HTML_REPORT}"}
REPORT_LIMIT = 64 * _safe_files.MiB
#: Failures listed on the page; the rest are in the downloadable report.
MAX_SHOWN = 1000


def report_path(site: Site) -> Path:
    return Path(site.env.get(ENV) or site.root / REPORT)


def _read(path: Path, name: str) -> bytes | None:
    """A file of the report's folder, read safely; ``None`` when it is missing."""
    try:
        return _safe_files.read(path.parent, name, limit=REPORT_LIMIT)
    except DataError as exc:
        if exc.problem == "file is missing":
            return None
        raise


def load(site: Site) -> tuple[dict[str, Any] | None, str | None]:
    """(the report, None), (None, why it cannot be shown), or (None, None) when there is no report."""
    path = report_path(site)
    try:
        data = _read(path, path.name)
        if data is None:
            return None, None
        report = _safe_files.parse_json(data, path=str(path))
    except DataError as exc:
        return None, exc.problem
    missing = [k for k in ("ok", "layers", "failures") if k not in report] if isinstance(report, dict) else ["a JSON object"]
    if missing or not isinstance(report["layers"], list) or not isinstance(report["failures"], list):
        return None, f"it is not a report of `qantar validate` (it lacks {', '.join(missing) or 'lists of layers and failures'})"
    return report, None


def _html(path: Path) -> bytes | None:
    """The HTML report written beside the JSON one, if it is there (and a regular file inside its folder)."""
    try:
        return _read(path, HTML_REPORT)
    except DataError:
        return None


def files(site: Site) -> dict[str, bytes]:
    """The report as written, and the HTML report beside it, for download."""
    report, _ = load(site)
    path = report_path(site)
    data = _read(path, path.name) if report is not None else None
    if data is None:
        return {}
    html = _html(path)
    return {DOWNLOADS["json"]: data} | ({DOWNLOADS["html"]: html} if html is not None else {})


def _stale(site: Site, path: Path) -> bool:
    """Whether a file of the package changed after the report was written."""
    try:
        written = os.stat(path).st_mtime
        paths = ["datapackage.json", *(r.path for r in site.package.resources() if r.path)]
        return any(os.stat(site.root / p).st_mtime > written for p in paths if (site.root / p).exists())
    except OSError:
        return False


def _status(layer: dict[str, Any]) -> tuple[str, str]:
    """(label, CSS class) of a layer's outcome."""
    if layer.get("error"):
        return "could not run", "bad"
    return ("passed", "ok") if layer.get("ok") else ("failed", "bad")


def _badge(label: str, cls: str) -> str:
    return f'<span class="qantar-status {cls}">{html_text(label)}</span>'


def _code(value: Any) -> str:
    return "" if value in (None, "") else f"<code>{html_text(value)}</code>"


def _number(value: Any) -> str:
    return fmt_int(value) if isinstance(value, int) and not isinstance(value, bool) else html_text(value)


def _verdict(site: Site, report: dict[str, Any], path: Path) -> list[str]:
    summary = report.get("summary") if isinstance(report.get("summary"), dict) else {}
    line = summary.get("line") or ("everything holds" if report.get("ok") is True else "failures")
    ran = [layer.get("layer") for layer in report["layers"] if isinstance(layer, dict)]
    not_run = [name for name in LAYERS if name not in ran]
    if report.get("ok") is True:
        out = [f'!!! success "Latest run: passed: {md_text(line)}"']
    else:
        out = [f'!!! failure "Latest run: failed: {md_text(line)}"']
    seconds = report.get("seconds")
    out.append(
        f"    `qantar validate` checked <code>{md_text(report.get('path', '?'))}</code>"
        + (f" in {md_text(seconds)} s" if isinstance(seconds, (int, float)) else "")
        + f": {len(ran)} of {len(LAYERS)} layers ran"
        + (f"; not run: {md_text(', '.join(not_run))} (left out, e.g. by `--fast` or `--layer`)" if not_run else "")
        + "."
    )
    if _stale(site, path):
        out += ["", "    **The package has changed since this report was written: it may be stale.** "
                "Run `qantar validate --report build` again, then rebuild the site."]
    links = [f"[the report as JSON]({mdref(SRC, DOWNLOADS['json'])})"]
    if _html(path) is not None:
        links.append(f"[the HTML report]({mdref(SRC, DOWNLOADS['html'])})")
    out += ["", "    Download " + " and ".join(links) + ", as `qantar validate` wrote them.", ""]
    return out


def _layers(report: dict[str, Any]) -> list[str]:
    rows: dict[str, str] = {}
    errors, extras = [], []
    for layer in report["layers"]:
        if not isinstance(layer, dict):
            continue
        name = str(layer.get("layer"))
        label, cls = _status(layer)
        title = layer.get("title") or LAYER_TITLES.get(name, name)
        rows[name] = (
            f'<tr id="layer-{html_text(name)}"><td>{html_text(title)}</td><td>{_badge(label, cls)}</td>'
            + "".join(f'<td class="qantar-num">{_number(layer.get(k))}</td>' for k in ("checks_run", "passed", "failed"))
            + f'<td class="qantar-num">{_number(len(layer.get("failures") or []))}</td>'
            f'<td class="qantar-num">{_number(layer.get("seconds"))}</td></tr>'
        )
        if layer.get("error"):
            errors += [f'!!! failure "{md_text(title)}: could not run"', f"    {md_text(layer['error'])}", ""]
        skipped = [s for s in layer.get("skipped") or [] if isinstance(s, dict)]
        for s in skipped:
            extras.append(f"- {md_text(name)}: skipped <code>{md_text(s.get('rule'))}</code>: {md_text(s.get('reason'))}")
        extras += [f"- {md_text(name)}: {md_text(note)}" for note in layer.get("notes") or []]
    for name in LAYERS:
        rows.setdefault(name, (
            f'<tr id="layer-{html_text(name)}"><td>{html_text(LAYER_TITLES.get(name, name))}</td>'
            f'<td>{_badge("not run", "skip")}</td>' + '<td class="qantar-num"></td>' * 5 + "</tr>"
        ))
    order = [*LAYERS, *(name for name in rows if name not in LAYERS)]
    out = [
        "## Layers {#layers}",
        "",
        "A check is one rule applied to one table, column or set of rows; a check fails when it finds at least "
        "one failure, so a layer can have more failures than failed checks.",
        "",
        '<div class="qantar-table-wrap"><table><thead><tr><th>Layer</th><th>Status</th><th>Checks run</th>'
        "<th>Passed</th><th>Failed</th><th>Failures</th><th>Seconds</th></tr></thead><tbody>"
        + "".join(rows[name] for name in order) + "</tbody></table></div>",
        "",
        *errors,
    ]
    if extras:
        out += ["Skipped rules and notes:", "", *extras, ""]
    return out


def _failures(site: Site, report: dict[str, Any]) -> list[str]:
    failures = [f for f in report["failures"] if isinstance(f, dict)]
    out = ["## Failures {#failures}", ""]
    if not failures:
        return out + ["None: every check that ran holds.", ""]
    out += [
        f"{fmt_int(len(failures))} failure{'s' if len(failures) != 1 else ''}, one per table, row, column and rule; "
        "*Seen by* names every layer that reported it. Rows count from 1, the first row after the CSV header. "
        + (f"The first {fmt_int(MAX_SHOWN)} are listed; the downloadable report has them all. " if len(failures) > MAX_SHOWN else ""),
        "",
    ]
    rows = []
    for f in failures[:MAX_SHOWN]:
        table = f.get("table")
        shown = html_text(table)
        if isinstance(table, str) and site.table(table) is not None:
            shown = f'<a href="{html_text(href(SRC, table_src(table)))}">{html_text(table)}</a>'
        layers = f.get("layers") or [f.get("layer")]
        value = f.get("value")
        rows.append(
            f"<tr><td>{shown}</td><td class=\"qantar-num\">{html_text(f.get('row'))}</td>"
            f"<td>{_code(f.get('column'))}</td><td>{_code(f.get('rule'))}</td>"
            f"<td>{html_text(', '.join(str(x) for x in layers))}</td>"
            f"<td>{_code(value)}</td>"
            f"<td>{html_text(f.get('message'))}</td></tr>"
        )
    out += [
        '<div class="qantar-table-wrap qantar-data"><table data-table="failures"><thead><tr><th>Table</th>'
        '<th data-type="num">Row</th><th>Column</th><th>Rule</th><th>Seen by</th><th>Value</th><th>Message</th>'
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>",
        "",
    ]
    return out


def _versions(report: dict[str, Any]) -> list[str]:
    versions = report.get("versions")
    if not isinstance(versions, dict) or not versions:
        return []
    return [
        "## Library versions {#versions}",
        "",
        "What checked: qantar and the libraries of each layer, at these versions.",
        "",
        "| Library | Version |",
        "| --- | --- |",
        *(f"| <code>{md_text(k)}</code> | {md_text(v)} |" for k, v in versions.items()),
        "",
    ]


def page(site: Site) -> str:
    path = report_path(site)
    out = [
        "# Validation",
        "",
        "`qantar validate` checks the package in four layers: Frictionless, pandera, cross-table consistency "
        f"and Great Expectations; every rule, with its home, is on the [validation rules]({mdref(SRC, 'validation-rules.md')}) "
        "page. This page shows the report of the run the site was built with: `qantar validate --report build` "
        f"writes it to <code>{md_text(REPORT)}</code> (or to the file <code>{ENV}</code> names).",
        "",
        "## Latest run {#latest}",
        "",
    ]
    report, problem = load(site)
    if problem is not None:
        return "\n".join(out + [
            '!!! warning "Report unreadable"',
            f"    <code>{md_text(path.name)}</code> cannot be shown: {md_text(problem)}.",
            "",
        ])
    if report is None:
        return "\n".join(out + [
            '!!! note "Not yet run"',
            "    No validation report was present when this site was built. Run `qantar validate --report build`, "
            "then rebuild the site.",
            "",
        ])
    out += _verdict(site, report, path)
    out += _layers(report)
    out += _failures(site, report)
    out += _versions(report)
    return "\n".join(out)
