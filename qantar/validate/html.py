"""The validation report as one self-contained static HTML file (no scripts, no CDN).

Opens offline in any browser: the styles are inline, nothing is fetched. Every layer's
counts and failures, and for Great Expectations one line per expectation with what it
observed.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path
from typing import Any

from qantar import _atomic
from qantar.validate.report import LAYER_TITLES, Report

FILENAME = "validation-report.html"

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1d1d1f;max-width:80rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0 1rem}
th,td{border:1px solid #d0d0d5;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f2f2f5}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em}
.ok{color:#0a7a2f;font-weight:600}.fail{color:#b00020;font-weight:600}.muted{color:#666}
tr.bad td{background:#fff3f4}.summary td{font-variant-numeric:tabular-nums}
"""


def _cell(v: Any) -> str:
    if v is None:
        return '<span class="muted">-</span>'
    text = v if isinstance(v, str) else repr(v)
    if len(text) > 300:
        text = text[:297] + "..."
    return f"<code>{escape(text)}</code>"


def render(report: Report) -> str:
    status = '<span class="ok">everything holds</span>' if report.ok else (
        f'<span class="fail">{len(report.failures)} failure(s)</span>'
    )
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">',  # a standalone file: no favicon to fetch
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Qantar validation report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Qantar validation report</h1>",
        f"<p>Package: <code>{escape(report.path)}</code><br>"
        f"Written {escape(dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC'))}"
        f" in {report.seconds:.2f} s: {status}</p>",
        '<table class="summary"><tr><th>Layer</th><th>Status</th><th>Checks run</th><th>Passed</th>'
        "<th>Failed</th><th>Failures</th><th>Seconds</th></tr>",
    ]
    for layer in report.layers:
        st = "error" if layer.error else ("ok" if layer.ok else "failed")
        cls = "ok" if layer.ok else "fail"
        out.append(
            f'<tr><td><a href="#{layer.layer}">{escape(LAYER_TITLES.get(layer.layer, layer.layer))}</a></td>'
            f'<td class="{cls}">{st}</td><td>{layer.checks_run}</td><td>{layer.passed}</td>'
            f"<td>{layer.failed}</td><td>{len(layer.failures)}</td><td>{layer.seconds:.2f}</td></tr>"
        )
    out.append("</table>")
    for layer in report.layers:
        out.append(f'<h2 id="{layer.layer}">{escape(LAYER_TITLES.get(layer.layer, layer.layer))}</h2>')
        if layer.error:
            out.append(f'<p class="fail">Could not run: {escape(layer.error)}</p>')
        for rule, why in layer.skipped:
            out.append(f"<p class=\"muted\">Skipped {escape(rule)}: {escape(why)}</p>")
        for note in layer.notes:
            out.append(f'<p class="muted">Note: {escape(note)}</p>')
        if layer.failures:
            out.append("<table><tr><th>Rule</th><th>Table</th><th>Row</th><th>Column</th><th>Value</th><th>Message</th></tr>")
            for f in layer.failures:
                out.append(
                    f'<tr class="bad"><td>{escape(f.rule)}</td><td>{_cell(f.table)}</td><td>{_cell(f.row)}</td>'
                    f"<td>{_cell(f.column)}</td><td>{_cell(f.value)}</td><td>{escape(f.message)}</td></tr>"
                )
            out.append("</table>")
        else:
            out.append(f'<p class="ok">All {layer.checks_run} checks passed.</p>' if not layer.error else "")
        if layer.details:
            out.append("<details><summary>Every expectation</summary><table><tr><th>Table</th><th>Expectation</th>"
                       "<th>Column</th><th>Arguments</th><th>Origin</th><th>Result</th><th>Observed</th><th>Why</th></tr>")
            for d in layer.details:
                ok = d.get("success")
                args = ", ".join(f"{k}={v}" for k, v in d.get("kwargs", {}).items() if k != "column")
                observed = d.get("observed")
                if observed is None and d.get("unexpected_count") is not None:
                    observed = f"{d['unexpected_count']} unexpected ({(d.get('unexpected_percent') or 0):.1f}%)"
                if d.get("error"):
                    observed = f"error: {d['error']}"
                out.append(
                    f'<tr class="{"" if ok else "bad"}"><td>{escape(d["table"])}</td><td>{escape(d["expectation"])}</td>'
                    f"<td>{_cell(d.get('column'))}</td><td>{_cell(args)}</td><td>{escape(d.get('origin', ''))}</td>"
                    f'<td class="{"ok" if ok else "fail"}">{"passed" if ok else "failed"}</td>'
                    f"<td>{_cell(observed)}</td><td>{escape(d.get('why') or '')}</td></tr>"
                )
            out.append("</table></details>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_report(report: Report, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / FILENAME
    _atomic.write_text(path, render(report))
    return path
