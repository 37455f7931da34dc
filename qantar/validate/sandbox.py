"""What the validator lets its libraries see of a package that a stranger sent.

Frictionless resolves much of a descriptor by itself: it fetches a resource path that is a URL
(each part of a multipart path, ``extrapaths``), a dialect or schema given as a string (or reads
it from disk), a ``profile`` it does not know; it unpacks compressed resources; and it follows
symbolic links and opens FIFOs like any file. So it never sees the package itself:

* :func:`refusals` lists every reference in the descriptor that would make it fetch or read
  anything beyond the resource files qantar reads, before any library sees the descriptor;
* :func:`staged` writes a private copy for it: the descriptor without the refused parts, and
  each resource's file as ``qantar._safe_files`` read it (a resource whose file was refused is
  left out; the ``file`` check reports it);
* :func:`unsafe_patterns` lists the ``pattern`` constraints a backtracking regex engine could hang
  on (``qantar._regex``): no layer runs them, every layer reports them;
* :func:`no_network` refuses every socket connection and name lookup made by the current thread
  while a layer runs, a last line of defence should any library still try.
"""

from __future__ import annotations

import copy
import json
import re
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from qantar import _regex, _safe_files
from qantar.model import DESCRIPTOR, Package, dialect_problem, is_table
from qantar.errors import DataError
from qantar.validate.inputs import Inputs
from qantar.validate.report import LayerResult

__all__ = ["no_network", "refusals", "report_unsafe_patterns", "staged", "unsafe_patterns"]

V2_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
#: The profiles Frictionless ships with (a URL of the standard, or a v1 profile name): never fetched.
_STANDARD_URL = re.compile(
    r"^https://datapackage\.org/profiles/[12]\.0/(?:datapackage|dataresource|tableschema|tabledialect)\.json$"
)
_STANDARD_NAMES = {"data-package", "tabular-data-package", "data-resource", "tabular-data-resource"}
#: Resource properties that make Frictionless read something other than the resource's one file.
_UNSUPPORTED = {
    "extrapaths": "extra paths (more files for one resource)",
    "compression": "compression (Frictionless would unpack the file)",
    "innerpath": "an inner path (a file inside an archive)",
}


def _profiles(obj: dict[str, Any], what: str) -> list[str]:
    problems = []
    for key in ("$schema", "profile", "profiles"):
        value = obj.get(key)
        values = value if isinstance(value, list) else [value]
        for v in values:
            if v is None or (isinstance(v, str) and (_STANDARD_URL.match(v) or v in _STANDARD_NAMES)):
                continue
            problems.append(
                f'{what} "{key}" is {v!r}, not a standard Data Package profile: profiles are never fetched '
                f"(use {V2_PROFILE})"
            )
    return problems


def _resource_refusals(res: dict[str, Any], names: set[str]) -> list[str]:
    name = res["name"]
    problems = _profiles(res, "the resource's")
    path = res.get("path")
    if isinstance(path, list):
        problems.append("a multipart path (a list of paths) is not supported: each resource is one local file")
    elif path is not None:
        try:
            _safe_files.check_path(path)
        except DataError as exc:
            problems.append(exc.problem)
    problems += [f"{what} is not supported" for key, what in _UNSUPPORTED.items() if key in res]
    if res.get("scheme") not in (None, "file"):
        problems.append(f"scheme {res['scheme']!r} is not supported: resources are local files")
    table = is_table(res)
    if table and res.get("format") not in (None, "csv"):
        problems.append(f"format {res['format']!r} is not supported: tables are CSV")
    dialect = res.get("dialect")
    if dialect is not None:
        bad = dialect_problem(dialect)
        if bad:
            problems.append(bad)
        if isinstance(dialect, dict):
            problems += _profiles(dialect, "the dialect's")
    schema = res.get("schema")
    if isinstance(schema, dict):
        problems += _profiles(schema, "the schema's")
        for fk in schema.get("foreignKeys") or []:
            ref = fk.get("reference") if isinstance(fk, dict) else None
            if not isinstance(ref, dict):
                continue  # the profile check reports it
            extra = sorted(set(ref) - {"resource", "fields"})
            target = ref.get("resource")
            if extra:
                problems.append(
                    f"a foreign key reference with {', '.join(map(repr, extra))}: only tables of this package "
                    "are referenced (another package is never fetched)"
                )
            elif target not in (None, "") and target not in names:
                problems.append(f"a foreign key references {target!r}, which is no resource of this package")
    elif schema is not None:
        problems.append('"schema" must be an inline object: a schema given as a URL or a file path is never fetched')
    return problems


def refusals(descriptor: dict[str, Any]) -> list[tuple[str | None, str]]:
    """Every reference Frictionless would resolve beyond the package's own files: (resource or None, why)."""
    out: list[tuple[str | None, str]] = [(None, p) for p in _profiles(descriptor, "the descriptor's")]
    resources = [r for r in descriptor.get("resources", []) if isinstance(r, dict)]
    names = {r.get("name") for r in resources}
    for res in resources:
        out += [(res["name"], p) for p in _resource_refusals(res, names)]  # type: ignore[misc]
    return out


def unsafe_patterns(package: Package) -> list[tuple[str, str, str, str]]:
    """Every ``pattern`` constraint a backtracking engine could hang on: (table, column, pattern, why).

    Frictionless and Great Expectations never run these (``staged`` leaves them out); every layer
    reports each one, the same way (``report_unsafe_patterns``).
    """
    out = []
    for table in package.tables.values():
        for f in table.fields:
            pattern = f.constraints.get("pattern")
            if pattern is not None and (why := _regex.risk(pattern)) is not None:
                out.append((table.name, f.name, str(pattern)[:200], why))
    return out


def report_unsafe_patterns(package: Package, result: LayerResult) -> set[tuple[str, str]]:
    """Report each unsafe pattern as a failure of its column; the (table, column) pairs reported."""
    seen = set()
    for table, column, pattern, why in unsafe_patterns(package):
        result.check(f"{table}:pattern:{column}")
        result.fail(
            f"{table}:pattern:{column}", "pattern", table, None, column, pattern,
            f"the pattern is refused and not run: {why}; write it without nested or ambiguous repetition",
        )
        seen.add((table, column))
    return seen


@contextmanager
def staged(package: Inputs, refused: set[str | None]) -> Iterator[Path]:
    """A temporary copy of ``package`` for Frictionless; yields its descriptor's path.

    ``refused``: resources left out (``None``: the descriptor's own profile, reset to v2).
    """
    descriptor = copy.deepcopy(package.raw)
    if None in refused:
        for key in ("profile", "profiles"):
            descriptor.pop(key, None)
        descriptor["$schema"] = V2_PROFILE
    with tempfile.TemporaryDirectory(prefix="qantar-validate-") as tmp:
        stage = Path(tmp)
        kept = []
        for res in descriptor["resources"]:
            name = res["name"]
            path = res.get("path")
            if name in refused:
                continue
            if isinstance(path, str):
                data = package.resource_bytes(name)
                if data is None:
                    continue
                try:
                    (stage / path).parent.mkdir(parents=True, exist_ok=True)
                    (stage / path).write_bytes(data)
                except OSError:  # e.g. one resource's path is a folder of another's
                    continue
            kept.append(res)
        names = {r["name"] for r in kept}
        unsafe = {(t, c) for t, c, _, _ in unsafe_patterns(package.model)}
        for res in kept:
            fields = res.get("schema", {}).get("fields") if isinstance(res.get("schema"), dict) else None
            for f in fields if isinstance(fields, list) else []:
                if isinstance(f, dict) and (res["name"], f.get("name")) in unsafe:
                    f.get("constraints", {}).pop("pattern", None)
        for res in kept:
            schema = res.get("schema")
            if isinstance(schema, dict) and isinstance(schema.get("foreignKeys"), list):
                schema["foreignKeys"] = [
                    fk for fk in schema["foreignKeys"]
                    if not isinstance(fk, dict) or not isinstance(fk.get("reference"), dict)
                    or fk["reference"].get("resource") in (None, "", *names)
                ]
        descriptor["resources"] = kept
        (stage / DESCRIPTOR).write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
        yield stage / DESCRIPTOR


# --- no network ---------------------------------------------------------------------------------

_BLOCKED_EVENTS = frozenset({
    "socket.connect", "socket.sendto", "socket.sendmsg", "socket.getaddrinfo", "socket.gethostbyname",
    "socket.gethostbyaddr", "http.client.connect", "urllib.Request",
})
_state = threading.local()
_hook_lock = threading.Lock()
_hook_installed = False


def _audit(event: str, _args: tuple[Any, ...]) -> None:
    if event in _BLOCKED_EVENTS and getattr(_state, "depth", 0):
        raise PermissionError(f"qantar validate never uses the network ({event} refused)")


@contextmanager
def no_network() -> Iterator[None]:
    """Refuse every connection and name lookup made by this thread inside the block.

    An audit hook (PEP 578) sees every socket the interpreter opens, whichever library holds it;
    it stays installed (hooks cannot be removed) but acts only inside this block, in this thread.
    """
    global _hook_installed
    with _hook_lock:
        if not _hook_installed:
            sys.addaudithook(_audit)
            _hook_installed = True
    _state.depth = getattr(_state, "depth", 0) + 1
    try:
        yield
    finally:
        _state.depth -= 1
