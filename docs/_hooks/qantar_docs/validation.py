"""The validation page: the rules (from the descriptor) and the result of the latest run, if any.

The result is read from a JSON report written by ``qantar validate`` (default ``build/validation.json``,
or the path in the environment variable QANTAR_VALIDATION_REPORT). The reader is deliberately tolerant:
it understands a list of checks (``checks``/``rules``/``results``), a Frictionless report (``tasks`` with
``errors``) or a flat ``errors`` list, and always shows the raw report too. Without a report, or with an
unreadable one, the page lists the rules with "not yet run" and the build still succeeds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .data import Package, mdref
from .escape import code_block, html_text, md_text

SRC = "validation.md"


def code(value: Any) -> str:
    return f"<code>{md_text(value)}</code>"


def rules(pkg: Package) -> list[dict[str, str]]:
    """Rules the descriptor implies, one per line: id, table, description (Markdown, values escaped)."""
    out: list[dict[str, str]] = []

    def add(rid: str, table: str, text: str) -> None:
        out.append({"id": rid, "table": table, "text": text})

    for res in pkg.descriptor.get("resources", []):
        name = res.get("name", "?")
        if res.get("bytes") is not None:
            add(f"{name}:bytes", name, f"{code(res.get('path'))} is {md_text(res['bytes'])} bytes long")
        if res.get("hash"):
            add(f"{name}:hash", name, f"{code(res.get('path'))} has hash {code(res['hash'])}")
    for t in pkg.tables.values():
        add(f"{t.name}:header", t.name, f"the CSV header is exactly the {len(t.fields)} schema fields, in order")
        if t.primary_key:
            add(f"{t.name}:primary-key", t.name, "primary key " + ", ".join(map(code, t.primary_key)) + " is unique and present")
        for f in t.fields:
            fn = code(f["name"])
            add(f"{t.name}.{f['name']}:type", t.name, f"{fn} values are of type {code(f.get('type', 'any'))}")
            c = f.get("constraints") or {}
            if c.get("required"):
                add(f"{t.name}.{f['name']}:required", t.name, f"{fn} is never empty")
            if c.get("unique"):
                add(f"{t.name}.{f['name']}:unique", t.name, f"{fn} values are unique")
            if "pattern" in c:
                add(f"{t.name}.{f['name']}:pattern", t.name, f"{fn} matches {code(c['pattern'])}")
            if "enum" in c:
                add(f"{t.name}.{f['name']}:enum", t.name, f"{fn} is one of " + ", ".join(map(code, c["enum"])))
            for k, word in (("minimum", "≥"), ("maximum", "≤"), ("minLength", "length ≥"), ("maxLength", "length ≤")):
                if k in c:
                    add(f"{t.name}.{f['name']}:{k}", t.name, f"{fn} {word} {md_text(c[k])}")
        for fields, resource, rf in t.relations:
            add(
                f"{t.name}.{'+'.join(fields)}:foreign-key", t.name,
                f"{', '.join(map(code, fields))} refers to an existing {code(resource)}.{', '.join(map(code, rf))}",
            )
        names = t.field_names
        for f in names:
            if f.endswith("char_start") and f[: -len("start")] + "end" in names:
                add(f"{t.name}.{f}:offsets", t.name,
                    f"{code(f)} &lt; {code(f[:-len('start')] + 'end')} and the article text between them equals the quoted passage")
    return out


def report_path(root: Path, env: dict[str, str]) -> Path:
    p = env.get("QANTAR_VALIDATION_REPORT")
    return Path(p) if p else root / "build" / "validation.json"


def _status(item: dict[str, Any]) -> str:
    for k in ("status", "result", "outcome"):
        if isinstance(item.get(k), str):
            return item[k].lower()
    for k in ("passed", "valid", "ok"):
        if isinstance(item.get(k), bool):
            return "passed" if item[k] else "failed"
    errs = item.get("errors") or item.get("failures")
    if isinstance(errs, list):
        return "failed" if errs else "passed"
    return "unknown"


def _errors_of(item: dict[str, Any]) -> list[Any]:
    for k in ("errors", "failures", "problems"):
        if isinstance(item.get(k), list):
            return item[k]
    return []


def _error_text(e: Any) -> str:
    if isinstance(e, str):
        return e
    if isinstance(e, dict):
        where = [str(e[k]) for k in ("resource", "table", "rowNumber", "row", "row_id", "fieldName", "field") if e.get(k) not in (None, "")]
        msg = e.get("message") or e.get("note") or e.get("description") or json.dumps(e, ensure_ascii=False)
        kind = e.get("type") or e.get("code") or e.get("rule")
        return (f"[{kind}] " if kind else "") + (" / ".join(where) + ": " if where else "") + str(msg)
    return json.dumps(e, ensure_ascii=False)


def _badge(status: str) -> str:
    cls = {"passed": "ok", "pass": "ok", "ok": "ok", "valid": "ok", "failed": "bad", "fail": "bad", "error": "bad",
           "invalid": "bad", "warning": "warn", "warn": "warn", "skipped": "skip", "skip": "skip"}.get(status, "skip")
    return f'<span class="qantar-status {cls}">{md_text(status)}</span>'


def render_report(report: Any, pkg: Package, path: Path) -> list[str]:
    out: list[str] = []
    if not isinstance(report, dict):
        return ['!!! warning "Unrecognised report"', f"    {code(path.name)} is not a JSON object; its content is shown below.", ""]
    valid = report.get("valid")
    if valid is None and isinstance(report.get("summary"), dict):
        valid = report["summary"].get("valid")
    meta = []
    for k in ("generated_at", "time", "date", "tool", "validator", "qantar_version", "version", "package_version"):
        if report.get(k) not in (None, ""):
            meta.append(f"{k}: {code(report[k])}")
    if valid is True:
        out.append('!!! success "Latest run: valid"')
    elif valid is False:
        out.append('!!! failure "Latest run: invalid"')
    else:
        out.append('!!! info "Latest run"')
    out.append(f"    Report {code(path.name)}" + (" — " + "; ".join(meta) if meta else "") + ".")
    rv = report.get("package_version") or report.get("data_version") or report.get("version")
    if rv and str(rv) != pkg.version:
        out.append(f"    **The report is for version {md_text(rv)}, the package is {md_text(pkg.version)}: it may be stale.**")
    out.append("")
    checks = next((report[k] for k in ("checks", "rules", "results") if isinstance(report.get(k), list)), None)
    if checks is not None:
        counts: dict[str, int] = {}
        for c in checks:
            if isinstance(c, dict):
                counts[_status(c)] = counts.get(_status(c), 0) + 1
        out.append(f"{len(checks)} checks: " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())) + ".")
        out.append("")
        out.append('<div class="qantar-table-wrap qantar-data"><table data-table="checks"><thead><tr>'
                   "<th>Check</th><th>Table</th><th>Status</th><th>Details</th></tr></thead><tbody>")
        rows = []
        for c in checks:
            if not isinstance(c, dict):
                rows.append(f"<tr><td colspan=\"4\">{html_text(c)}</td></tr>")
                continue
            name = c.get("id") or c.get("rule") or c.get("name") or c.get("check") or "?"
            desc = c.get("message") or c.get("description") or c.get("title") or ""
            errs = _errors_of(c)
            details = html_text(desc)
            if errs:
                items = "".join(f"<li>{html_text(_error_text(e))}</li>" for e in errs[:50])
                more = f"<li>… and {len(errs) - 50} more</li>" if len(errs) > 50 else ""
                details += f"<details><summary>{len(errs)} error{'' if len(errs) == 1 else 's'}</summary><ul>{items}{more}</ul></details>"
            rows.append(
                f"<tr><td><code>{html_text(name)}</code></td><td>{html_text(c.get('table') or c.get('resource') or '')}</td>"
                f"<td>{_badge(_status(c))}</td><td>{details}</td></tr>"
            )
        out.append("".join(rows) + "</tbody></table></div>")
        out.append("")
    elif isinstance(report.get("tasks"), list):  # Frictionless report
        out.append("| Resource | Valid | Errors |")
        out.append("| --- | --- | --- |")
        for task in report["tasks"]:
            name = task.get("name") or (task.get("resource") or {}).get("name") or task.get("place") or "?"
            errs = _errors_of(task)
            txt = "<br>".join(md_text(_error_text(e)) for e in errs[:20]) + (f"<br>… and {len(errs) - 20} more" if len(errs) > 20 else "")
            out.append(f"| {code(name)} | {_badge(_status(task))} | {txt} |")
        out.append("")
    elif isinstance(report.get("errors"), list):
        errs = report["errors"]
        out.append(f"{len(errs)} errors." if errs else "No errors.")
        out += [f"- {md_text(_error_text(e))}" for e in errs[:200]]
        out.append("")
    return out


def validation_page(pkg: Package, env: dict[str, str]) -> str:
    path = report_path(pkg.root, env)
    rl = rules(pkg)
    out = [
        "# Validation",
        "",
        "The data are checked by `qantar validate` against the descriptor (types, constraints, keys, hashes) "
        "and against the articles (every quoted passage is where its offsets say). This page lists the rules the "
        "descriptor implies and shows the result of the latest run the site was built with.",
        "",
        "## Latest run {#latest}",
        "",
    ]
    report = None
    if path.is_file():
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            out += ['!!! warning "Report unreadable"', f"    {code(path.name)} could not be read as JSON: {md_text(exc)}.", ""]
    if report is None:
        if not path.is_file():
            out += [
                '!!! note "Not yet run"',
                "    No validation report was present when this site was built, so every rule below is **not yet run**. "
                "Run `qantar validate` to write the report, then rebuild the site.",
                "",
            ]
    else:
        out += render_report(report, pkg, path)
        out += [
            '??? abstract "The raw report"',
            *("    " + line for line in code_block("\n".join(json.dumps(report, indent=2, ensure_ascii=False).splitlines()[:2000]), "json")),
            "",
        ]
    status = "not yet run" if report is None else "see the latest run above"
    tables: dict[str, list[dict[str, str]]] = {}
    for r in rl:
        tables.setdefault(r["table"], []).append(r)
    out += [
        "## Rules from the descriptor {#rules}",
        "",
        f"{len(rl)} rules, generated from [`datapackage.json`]({mdref(SRC, 'datapackage.json')}): "
        f"{status}. The validator may check more (for example that every name form occurs in an article); its "
        "report lists what it ran.",
        "",
    ]
    for table, items in tables.items():
        out.append(f'??? note "{md_text(table)}: {len(items)} rules"')
        out.append("")
        out.append("    | Rule | Requirement | Status |")
        out.append("    | --- | --- | --- |")
        for r in items:
            out.append(f"    | {code(r['id'])} | {r['text']} | {status if report is None else '—'} |")
        out.append("")
    return "\n".join(out)
