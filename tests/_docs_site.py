"""Shared helpers for the documentation tests: build the site, serve it, drive headless Chromium, and
the reports of real validation runs the validation page is built from.

Imported by tests/docs/ and tests/site/ (tests/ is on sys.path: conftest.py lives there). Builds and
reports are cached for the whole test session.
"""

from __future__ import annotations

import atexit
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = Path(os.environ.get("QANTAR_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("QANTAR_CHROMEDRIVER", "/usr/bin/chromedriver"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--window-size=1400,1000",
]

_TMP = Path(tempfile.mkdtemp(prefix="qantar-docs-tests-"))
atexit.register(shutil.rmtree, _TMP, True)


class BuildError(AssertionError):
    pass


def build(root: Path = ROOT, **env_overrides: str) -> tuple[Path, str]:
    """Build the site with ``mkdocs build --strict`` into a temporary folder; return (site, log)."""
    return _build(str(root), tuple(sorted(env_overrides.items())))


@functools.lru_cache(maxsize=None)
def _build(root: str, env_items: tuple[tuple[str, str], ...]) -> tuple[Path, str]:
    site = Path(tempfile.mkdtemp(prefix="site-", dir=_TMP))
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(dict(env_items))
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(Path(root) / "mkdocs.yml"), "-d", str(site)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    log = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise BuildError(f"mkdocs build --strict failed ({proc.returncode}):\n{log}")
    return site, log


@functools.lru_cache(maxsize=None)
def report(kind: str) -> Path:
    """The folder of a copy of the site's inputs whose build/validation.json is what ``qantar validate
    --report build`` writes for it, from a real run (``--fast``): ``"passing"`` on the data as they are,
    ``"failing"`` on a copy in which event E002 lost its id (a required cell emptied, rows of other tables
    pointing at no event, the file's hash and size no longer those recorded) and E003's status is a typo."""
    from qantar.validate import validate

    root = copy_repo()
    if kind == "failing":
        damage_events(root)
    elif kind != "passing":
        raise ValueError(kind)
    validate(root, fast=True, report_dir=root / "build")
    return root


def damage_events(root: Path) -> None:
    """Damage the events table of the copy at ``root``: E002 loses its id, E003's status is a typo."""
    events = root / "data" / "events.csv"
    lines = events.read_bytes().split(b"\n")
    assert lines[2].startswith(b"E002,") and b",occurred," in lines[3], "the damage needs E002 and E003 as they are"
    lines[2] = lines[2][len(b"E002"):]
    lines[3] = lines[3].replace(b",occurred,", b",ocurred,", 1)
    events.write_bytes(b"\n".join(lines))


def copy_repo(extra: dict[str, str] | None = None) -> Path:
    """A copy of what the site is built from, in a temporary folder, with extra files written into it."""
    dest = Path(tempfile.mkdtemp(prefix="repo-", dir=_TMP))
    for name in ("mkdocs.yml", "datapackage.json", "CHANGELOG.md"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, dest / name)
    for name in ("docs", "data", "articles", "reliability"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for rel, text in (extra or {}).items():
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        (dest / rel).write_text(text, encoding="utf-8")
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


class Server:
    """The built site on 127.0.0.1, on a free port, in a background thread."""

    def __init__(self, site: Path):
        handler = functools.partial(_QuietHandler, directory=str(site))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def browser_missing_message() -> str | None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the Python package selenium (pip install selenium)")
    if not missing:
        return None
    return (
        "The documentation browser tests need headless Chromium, ChromeDriver and Selenium, and these are "
        f"missing: {', '.join(missing)}. Install the system packages with `.ci/install-system-deps` "
        "(Debian: apt-get install chromium chromium-driver) and the docs extra."
    )


def start_browser():
    """A headless Chromium driven through ChromeDriver, with a fresh profile and browser logs enabled."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='chromium-profile-', dir=_TMP)}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=str(CHROMEDRIVER))
    driver = webdriver.Chrome(service=service, options=opts)
    driver.set_page_load_timeout(60)
    return driver


# --- a package whose text holds script payloads -------------------------------------------------

#: Text that must reach the site as text only: Markdown links and images with javascript: and data:
#: URLs (plain, mixed case, padded, entity-encoded), reference-style links and definitions, autolinks,
#: raw HTML tags and event handlers, comments, script-closing sequences, attribute breakers for double
#: and single quotes, attr_list and emoji syntax, a code fence, and entities that must not be decoded.
PAYLOADS = [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(2) \"t\")",
    "[x]( javascript:alert(3) )",
    "[x](&#106;avascript:alert(4))",
    "![i](javascript:alert(5))",
    "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==)",
    "![d](data:image/svg+xml,<svg onload=alert(7)>)",
    "[ref][r1]\n\n[r1]: javascript:alert(8)",
    "[r2]\n[r2]: javascript:alert(9)",
    "<javascript:alert(10)>",
    "<https://example.org/ok>",
    "<script>alert(11)</script>",
    "<img src=x onerror=alert(12)>",
    "<a href=\"javascript:alert(13)\">a</a>",
    "<iframe src=\"javascript:alert(14)\"></iframe>",
    "<svg><script>alert(15)</script></svg>",
    "<!--<script>",
    "<!-- x --><img src=x onerror=alert(16)>",
    "</script><script>alert(17)</script>",
    "</textarea></title></style><img src=x onerror=alert(18)>",
    "\"><img src=x onerror=alert(19)>",
    "' onmouseover='alert(20)' x='",
    "\" onmouseover=\"alert(21)\" x=\"",
    "x{: onclick=\"alert(22)\" }",
    "{#evil onclick=alert(23)}",
    ":material-alert: **bold** _em_ `code` ~~del~~ | pipe",
    "```\n<script>alert(24)</script>\n```",
    "&lt;script&gt;alert(25)&lt;/script&gt; &amp; &#60;b&#62;",
    "\u2028\u2029 line separators and a NUL-free control \x07 char",
]

#: Fields whose values are keys, codes or numbers the site computes with, or quotes located in an
#: article: they keep their values so that the pages still draw (dates, offsets, coordinates).
_KEPT = {"path", "sha256", "language", "country_code", "subdivision_code", "measure", "published_timezone",
         "text", "number_as_written", "published_as_printed"}


def _text_fields(resource: dict) -> list[str]:
    schema = resource["schema"]
    keys = set(schema.get("primaryKey") or [])
    for fk in schema.get("foreignKeys") or []:
        keys.update([fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"])
    out = []
    for field in schema["fields"]:
        constraints = field.get("constraints") or {}
        if field.get("type") not in ("string", "list") or field["name"] in keys | _KEPT:
            continue
        if "enum" in constraints or "pattern" in constraints or field["name"].endswith(("_id", "quote")):
            continue
        out.append(field["name"])
    return out


def hostile_repo() -> Path:
    """A copy of the site's inputs whose free-text cells and descriptor texts hold the payloads.

    Each text cell gets one payload (in turn, so each lands in many places), and an article copy
    ends with all of them. Keys, dates, numbers and vocabularies keep their values.
    """
    import csv
    import io
    import json

    dest = copy_repo()
    # The coding reliability figures compare the codings with the articles as they were coded (their
    # sha256): with an article changed below they cannot be computed, and the build says so. The payloads
    # are about the package's own text, so this copy leaves the research material out.
    shutil.rmtree(dest / "reliability")
    n = iter(range(10**9))

    def payload() -> str:
        return PAYLOADS[next(n) % len(PAYLOADS)]

    descriptor = json.loads((dest / "datapackage.json").read_text(encoding="utf-8"))
    for key in ("title", "description"):
        descriptor[key] = payload() + " " + payload()
    descriptor["title"] = "<!--<script> " + descriptor["title"]
    descriptor["keywords"] = [payload(), payload()]
    for item in descriptor.get("licenses", []) + descriptor.get("contributors", []) + descriptor.get("sources", []):
        item["title"] = payload()
    for resource in descriptor["resources"]:
        resource["title"] = payload()
        resource["description"] = payload()
        if resource.get("type") != "table":
            continue
        for field in resource["schema"]["fields"]:
            field["description"] = payload()
            field["title"] = payload()
            constraints = field.get("constraints") or {}
            if "pattern" in constraints:
                constraints["pattern"] = "`" + payload() + "`"
            if "enum" in constraints:
                constraints["enum"] = [*constraints["enum"], payload()]
        path = dest / resource["path"]
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        fields = [f["name"] for f in resource["schema"]["fields"]]
        for row in rows:
            for name in _text_fields(resource):
                if row.get(name):
                    row[name] = payload()
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8", newline="")
    (dest / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False), encoding="utf-8")
    # The first article ends with every payload, each one a passage of the exclusions register.
    source = next(csv.DictReader(io.StringIO((dest / "data" / "sources.csv").read_text(encoding="utf-8"), newline="")))
    article = dest / source["path"]
    with article.open(encoding="utf-8", newline="") as fh:
        text = fh.read()
    exclusions = dest / "data" / "exclusions.csv"
    with exclusions.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    added = io.StringIO()
    writer = csv.writer(added, lineterminator="\n")
    for i, p in enumerate(PAYLOADS):
        text += "\n"
        row = {"exclusion_id": f"X{900 + i}", "source_id": source["source_id"], "char_start": str(len(text)),
               "char_end": str(len(text) + len(p)), "text": p, "reason": "page_furniture", "note": payload()}
        text += p
        writer.writerow([row.get(h, "") for h in header])
    article.write_text(text + "\n", encoding="utf-8", newline="")
    with exclusions.open("a", encoding="utf-8", newline="") as fh:
        fh.write(added.getvalue())
    return dest
