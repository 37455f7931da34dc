"""The README's claims that can go stale: the test command .ci/run runs, and the row counts."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from _docs_site import copy_repo, damage_events

from qantar import model

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    return re.findall(r"```bash\n(.+?)\n```", README, flags=re.S)


def test_ci_runs_the_readme_test_command() -> None:
    (test_command,) = [c for c in _commands() if "pytest" in c]
    steps = [s.strip() for s in test_command.split("&&")]
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if line.strip() and not line.lstrip().startswith("#")]
    # every step, in order, with .ci/run's only addition being its handling of pytest's exit code
    positions = [next(i for i, line in enumerate(ci) if line.startswith(step)) for step in steps]
    assert positions == sorted(positions), (steps, ci)


def _main_command() -> str:
    (main,) = [c for c in _commands() if "qantar validate --report build" in c]
    return main


def test_main_command_validates_and_builds_the_site() -> None:
    main = _main_command()
    assert "mkdocs build --strict" in main and 'pip install -q ".[validate,docs]"' in main


def test_main_command_builds_the_site_when_validation_fails_and_exits_non_zero() -> None:
    """The README's main command, run as written after its install step (with this environment's
    qantar and mkdocs for the .venv's), on a copy of the package whose events table is damaged: the
    site is built, its Validation page shows the failing report, and the command exits non-zero."""
    main = _main_command()
    install = 'pip install -q ".[validate,docs]" && '
    run = main.split(install, 1)[1].replace(".venv/bin/", f"{Path(sys.executable).parent}/")
    root = copy_repo()
    damage_events(root)
    proc = subprocess.run(["bash", "-c", run], cwd=root, capture_output=True, text=True, timeout=1200,
                          env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode != 0, proc.stdout[-2000:]
    report = json.loads((root / "build" / "validation.json").read_text(encoding="utf-8"))
    assert report["ok"] is False and report["failures"]
    page = (root / "site" / "validation.html").read_text(encoding="utf-8")
    assert "Latest run: failed" in page and 'data-table="failures"' in page, proc.stderr[-2000:]


def test_row_counts_in_the_table_overview() -> None:
    rows = dict(re.findall(r"^\| `(\w+)` \| (\d+) \|", README, flags=re.M))
    assert rows, "the README has a table overview"
    assert list(rows) == list(model.read(ROOT).tables), "the overview lists every table, in the descriptor's order"
    for table, count in rows.items():
        with (ROOT / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            assert sum(1 for _ in csv.reader(fh)) - 1 == int(count), table


# --- every command in the README, and every qantar command in the docs ---------------------------

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
#: What the placeholders of the docs' prose commands stand for when a command is parsed.
PLACEHOLDERS = {"ARCHIVE": "qantar-1.0.0.zip", "LEVEL": "major", "DIR": "out", "FILE": "README.md", "PATH": ".", "PREVIOUS": "1.0.0", "VERSION": "1.0.0",
                "RULE": "x", "LAYER": "pandera", "CHECKOUT": "."}


def _block_lines(text: str) -> list[str]:
    """Every command of the ```bash and ```console blocks: comments dropped, `&&` chains split."""
    out = []
    for block in re.findall(r"^ *```(?:bash|console)\n(.+?)\n *```", text, flags=re.S | re.M):
        for line in block.splitlines():
            line = re.sub(r"(^|\s)#.*$", "", line.strip().removeprefix("$ ")).strip()
            out += [step.strip() for step in line.split("&&") if step.strip()]
    return out


def _extras() -> set[str]:
    import tomllib

    return set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"])


def _published_wheels() -> set[str]:
    from qantar.release import register

    return {name for r in register.read(ROOT) for name in r.files if name.endswith(".whl")}


def _check_pip(command: str) -> None:
    """A pip install that works today: the project folder (with extras it has) or a registered release's wheel."""
    targets = [t.strip('"') for t in command.split()[2:] if not t.startswith("-")]
    assert targets, command
    for target in targets:
        path, _, extras = target.partition("[")
        for extra in filter(None, extras.rstrip("]").split(",")):
            assert extra in _extras(), f"{command}: no extra {extra!r} in pyproject.toml"
        if path in (".", "./"):
            continue
        assert path.startswith("./") and path.endswith(".whl"), f"{command}: install from the clone or a release's wheel"
        assert path[2:] in _published_wheels(), f"{command}: {path[2:]} is no registered release's wheel"


def _parse_qantar(command: str) -> None:
    from qantar.cli.main import build_parser

    words = [PLACEHOLDERS.get(w, w.split("|")[0]) for w in command.split()[1:]]  # "a|b": the first of the choices
    words = [w.strip('"') for w in words]
    # A mention of an option by name ("`qantar release --out` builds ...") stands for it with its value.
    attempts = [words, *([*words, value] for value in ("x", "major", "parquet"))] if words[-1].startswith("--") else [words]
    for attempt in attempts:
        try:
            build_parser().parse_args(attempt)
            return
        except SystemExit:
            continue
    raise AssertionError(f"`{command}` is not a valid qantar command")


#: Commands of the README that are not qantar's or pip's, and the test that checks them.
CHECKED_ELSEWHERE = {
    "python3 -m venv": "the standard library",
    ". .venv/bin/activate": "the venv",
    "bash .ci/install-system-deps": "test_ci_runs_the_readme_test_command",
    ".venv/bin/pip install": "test_ci_runs_the_readme_test_command / test_main_command_validates_and_builds_the_site",
    ".venv/cffconvert/bin/pip install": "test_ci_runs_the_readme_test_command",
    ".venv/bin/python -m pytest": "test_ci_runs_the_readme_test_command",
    ".venv/bin/qantar validate --report build": "test_main_command_validates_and_builds_the_site",
    "(.venv/bin/qantar validate --report build": "test_main_command_builds_the_site_when_validation_fails_and_exits_non_zero",
    "exit $status)": "test_main_command_builds_the_site_when_validation_fails_and_exits_non_zero",
    "NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict": "tests/docs/test_docs_build.py",
}


def test_every_readme_command_is_one_that_works() -> None:
    commands = _block_lines(README)
    assert any(c.startswith("pip install") for c in commands)
    for command in commands:
        if command.startswith("pip install"):
            _check_pip(command)
        elif command.startswith("qantar "):
            _parse_qantar(command)
        else:
            assert any(command.startswith(known) for known in CHECKED_ELSEWHERE), (
                f"README command `{command}` is checked by no test: check it here, or name the test in CHECKED_ELSEWHERE"
            )


def test_every_qantar_command_in_the_docs_parses() -> None:
    seen = 0
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        inline = re.findall(r"`(qantar [^`]+)`", text)
        for command in [*inline, *(c for c in _block_lines(text) if c.startswith("qantar "))]:
            if re.search(r"\.\.\.|\[|<", command) or len(command.split()) == 2:  # a sketch of the syntax, or a name
                continue
            _parse_qantar(command)
            seen += 1
    assert seen > 20


def test_pip_install_qantar_is_only_promised_for_after_publication() -> None:
    """Until qantar is on PyPI, every `pip install qantar...` sits in a sentence that says "once published"."""
    files = [*DOCS, *sorted((ROOT / "qantar").rglob("*.py"))]
    hits = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"pip install [\"']?qantar\b", text):
            hits += 1
            before = text[max(0, match.start() - 300): match.start()]
            assert re.search(r"[Oo]nce (qantar |it )?is (published|on PyPI)", before), (
                f"{path.relative_to(ROOT)}: {text[match.start(): match.start() + 40]!r} does not work yet"
            )
    assert hits >= 2  # the README says what will work after publication


def test_the_readme_python_blocks_run(tmp_path: Path) -> None:
    import subprocess
    import sys

    blocks = re.findall(r"```python\n(.+?)\n```", README, flags=re.S)
    assert len(blocks) >= 2
    for block in blocks:
        done = subprocess.run([sys.executable, "-c", block], cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"{block}\n{done.stderr[-2000:]}"


def test_the_readme_export_and_identify_commands_write_what_they_say(tmp_path: Path) -> None:
    import subprocess
    import sys

    import qantar

    commands = [c for c in _block_lines(README) if c.startswith(("qantar export", "qantar identify", "qantar release --check-bump"))]
    assert len(commands) >= 4
    for command in commands:
        args = command.split()[1:]
        cwd = tmp_path if args[0] == "export" else ROOT
        done = subprocess.run([sys.executable, "-m", "qantar", *args], cwd=cwd, capture_output=True, text=True, timeout=300)
        # --check-bump exits 1 while the version is not bumped enough: still a command that works
        assert done.returncode == 0 or (args[1] == "--check-bump" and done.returncode == 1 and "bump" in done.stdout), (
            f"{command}\n{done.stdout}\n{done.stderr}"
        )
    written = {p.name for p in (tmp_path / "exports").iterdir()}
    assert written == {f"{t}.parquet" for t in qantar.tables()} | {"qantar.sqlite"}
    # the comments name those files
    assert re.search(r"--out exports +# exports/<table>\.parquet", README)
    assert re.search(r"--out exports +# exports/qantar\.sqlite", README)


def _count_word(word: str) -> int:
    words = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split()
    return int(word) if word.isdigit() else words.index(word.lower())


NUMBER = r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)\b"


def test_the_ways_in_are_counted_right() -> None:
    heading = re.search(rf"^## {NUMBER} ways in\n(.+?)^## ", README, flags=re.S | re.M | re.I)
    assert heading, "the README has an 'N ways in' section"
    ways = re.findall(r"^\*\*[^*]+\*\*", heading[2], flags=re.M)
    assert _count_word(heading[1]) == len(ways), ways


def test_layer_and_article_counts_in_the_docs_come_true() -> None:
    import qantar
    from qantar.validate.engines import LAYERS

    sources = qantar.load("sources").height
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for match in re.finditer(rf"{NUMBER}[ -](?:other )?layers\b", text, flags=re.I):
            other = "other" in match[0]
            expected = len(LAYERS) - 1 if other else len(LAYERS)
            if re.search(r"the (\w+ )?(other|first|last) $", text[max(0, match.start() - 20):match.start()]):
                expected = len(LAYERS) - 1
            assert _count_word(match[1]) == expected, f"{doc.name}: {match[0]!r}"
    for doc in (ROOT / "README.md", ROOT / "docs" / "index.md"):
        for match in re.finditer(rf"{NUMBER}(?: [\w-]+){{0,2}} articles\b", doc.read_text(encoding="utf-8"), flags=re.I):
            assert _count_word(match[1]) == sources, f"{doc.name}: {match[0]!r}"


def test_a_rule_count_in_the_docs_is_the_catalogue_s() -> None:
    """The rules page and `qantar validate --list-rules` count the catalogue; prose that states a
    number of rules ("410 rules") must say the same, or not state one."""
    from qantar import model
    from qantar.validate.catalogue import catalogue

    count = len(catalogue(model.read(ROOT)))
    for doc in DOCS:
        for match in re.finditer(r"\b(\d[\d,]*) (?:validation |consistency )?rules\b", doc.read_text(encoding="utf-8")):
            assert int(match[1].replace(",", "")) == count, f"{doc.name}: {match[0]!r}, the catalogue has {count}"


def test_every_previous_release_the_docs_name_resolves_on_a_clone_without_tags() -> None:
    """`--check-bump X` and `--previous X` in the docs name a registered version (or `latest`), a
    release file or folder, or a placeholder: never a tag, which a clone may not have."""
    from qantar.release import register

    versions = {r.version for r in register.read(ROOT)}
    seen = 0
    for doc in DOCS:
        for value in re.findall(r"--(?:check-bump|previous) ([^\s`]+)", doc.read_text(encoding="utf-8")):
            seen += 1
            ok = (value in versions or value == register.LATEST or value.isupper() or "/" in value
                  or value.endswith(".zip") or value == "P")
            assert ok, f"{doc.name}: --check-bump/--previous {value} resolves on no clone without tags"
    assert seen >= 4
