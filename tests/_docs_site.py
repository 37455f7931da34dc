"""Shared helpers for the documentation tests: build the site, serve it, drive headless Chromium.

Imported by tests/test_docs_*.py (not a conftest.py, so that it cannot clash with the package's own test
configuration). Builds are cached per set of environment overrides for the whole test session.
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
