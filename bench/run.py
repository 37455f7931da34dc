"""Qantar benchmarks: loading, validation, and validation at scale. Cold processes, side by side.

    python bench/run.py            # everything (about 6 minutes on 2 cores)
    python bench/run.py --quick    # fewer rounds, scale up to 100k rows, results in the workdir (about 2 minutes)
    python bench/run.py --suite load --reps 30
    python bench/run.py --render-docs   # only rewrite docs/performance.md from bench/results.json

Every measurement is a fresh Python process (``python -c ...``), timed from start to exit by
this script, with its peak resident memory from ``wait4``. The cases of a suite run in a new
random order in every round, so a slow moment of the machine (other jobs) hits every case
alike; ratios are taken within a round, then summarised by their median. Results are printed
as Markdown tables and written to ``bench/results.json`` (``--out``; the suites run replace
their entries, the others are kept), and the tables of docs/performance.md are rewritten
from that file (between its ``bench:begin`` and ``bench:end`` markers; ``--no-docs`` not to).

Needs the ``bench`` extra: ``pip install -e ".[bench]"`` (pandas, frictionless, the validate
extra, palmerpenguins).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from origin import made_from  # bench/ is on the path of its scripts

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable


# --- measuring one cold process -------------------------------------------------------------


def _popen_wait4(argv: list[str], *, cwd: Path, env: dict[str, str]) -> dict:
    """Run ``argv``; wall seconds and the child's own peak RSS (os.wait4, before Popen reaps it)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    return {"wall": wall, "rss_mib": usage.ru_maxrss / 1024, "returncode": proc.returncode,
            "stdout": stdout.decode("utf-8", errors="replace"), "stderr": stderr.decode("utf-8", errors="replace")}


def measure(code: str | list[str], *, cwd: Path, env: dict[str, str], ok: tuple[int, ...] = (0,)) -> dict:
    argv = [PY, "-c", code] if isinstance(code, str) else [PY, *code]
    r = _popen_wait4(argv, cwd=cwd, env=env)
    if r["returncode"] not in ok:
        raise RuntimeError(f"benchmark process failed ({r['returncode']}): {argv}\n{r['stderr'][-3000:]}")
    lines = r["stdout"].strip().splitlines()
    return {"wall": r["wall"], "rss_mib": r["rss_mib"], "out": lines[-1] if lines else "", "stdout": r["stdout"]}


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def rounds(cases: dict[str, str | list[str]], reps: int, *, cwd: Path, env: dict[str, str], seed: int,
           ok: tuple[int, ...] = (0,), label: str = "") -> dict[str, list[dict]]:
    """``reps`` rounds; each round runs every case once, in a fresh random order."""
    rng = random.Random(seed)
    results: dict[str, list[dict]] = {name: [] for name in cases}
    for i in range(reps):
        order = list(cases)
        rng.shuffle(order)
        for name in order:
            results[name].append(measure(cases[name], cwd=cwd, env=env, ok=ok))
        print(f"  {label}round {i + 1}/{reps}", file=sys.stderr, flush=True)
    return results


def summary(samples: list[dict]) -> dict:
    walls = [s["wall"] for s in samples]
    return {
        "n": len(walls),
        "median_s": statistics.median(walls),
        "min_s": min(walls),
        "max_s": max(walls),
        "rss_mib": statistics.median(s["rss_mib"] for s in samples),
    }


def paired_ratio(a: list[dict], b: list[dict]) -> float:
    """Median over rounds of a/b, each round's pair measured side by side."""
    return statistics.median(x["wall"] / y["wall"] for x, y in zip(a, b, strict=True))


# --- suite: loading -----------------------------------------------------------------------


_TABLES_CHILD = """
import json, sys
from qantar import model
package = model.read(sys.argv[1])
print(json.dumps([(t.name, str(package.path(t.name))) for t in package.tables.values()]))
"""


def _tables() -> list[tuple[str, str]]:
    """(name, CSV path) of every table, as the model reads the descriptor.

    Asked of a child process: this one imports nothing heavy on purpose (qantar imports
    polars), since Linux keeps a process's peak RSS across fork and exec, so a child's
    ``ru_maxrss`` is at least this process's size.
    """
    done = subprocess.run([PY, "-c", _TABLES_CHILD, str(REPO)], capture_output=True, text=True, env=environment(),
                          timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"cannot read the package's tables:\n{done.stderr[-3000:]}")
    return [tuple(pair) for pair in json.loads(done.stdout)]


def load_suite(reps: int, seed: int) -> dict:
    tables = _tables()
    paths = [p for _, p in tables]
    descriptor = str(REPO / "datapackage.json")
    cases: dict[str, str | list[str]] = {
        "python (interpreter start, nothing imported)": "pass",
        "floor: polars read_csv": f"import polars as pl\nfor p in {paths!r}: pl.read_csv(p)",
        "qantar.load_all()": "import qantar; qantar.load_all()",
        "qantar.load_all(verify=True)": "import qantar; qantar.load_all(verify=True)",
        "pandas read_csv": f"import pandas as pd\nfor p in {paths!r}: pd.read_csv(p)",
        'qantar.load_all(backend="pandas")': 'import qantar; qantar.load_all(backend="pandas")',
        "frictionless Package read_rows": (
            f"from frictionless import Package\npkg = Package({descriptor!r})\n"
            f"for r in pkg.resources:\n    if r.name in {sorted(n for n, _ in tables)!r}: r.read_rows()"
        ),
        "palmerpenguins load_penguins()": "from palmerpenguins import load_penguins; load_penguins()",
    }
    with tempfile.TemporaryDirectory() as tmp:
        # warm the OS file cache and the bytecode caches once, untimed
        for code in cases.values():
            measure(code, cwd=Path(tmp), env=environment())
        raw = rounds(cases, reps, cwd=Path(tmp), env=environment(), seed=seed, label="load ")
    floor = raw["floor: polars read_csv"]
    out = {}
    for name, samples in raw.items():
        out[name] = summary(samples) | {"ratio_to_floor": paired_ratio(samples, floor)}
    q = raw["qantar.load_all()"]
    out["_ratios"] = {
        "load_all() / floor": paired_ratio(q, floor),
        "load_all() / pandas read_csv": paired_ratio(q, raw["pandas read_csv"]),
        "load_all() / frictionless read_rows": paired_ratio(q, raw["frictionless Package read_rows"]),
        "load_all() / palmerpenguins": paired_ratio(q, raw["palmerpenguins load_penguins()"]),
        "load_all(verify=True) / floor": paired_ratio(raw["qantar.load_all(verify=True)"], floor),
        'load_all(backend="pandas") / pandas read_csv': paired_ratio(raw['qantar.load_all(backend="pandas")'], raw["pandas read_csv"]),
    }
    return out


# --- suite: validation on the real data -----------------------------------------------------


def validate_suite(reps: int, seed: int) -> dict:
    env = environment()
    with tempfile.TemporaryDirectory() as tmp:
        # The first run of the names rule in a fresh process, timed on its own (it trains and
        # caches nothing: this is what a new machine pays).
        t0 = time.perf_counter()
        measure(["-m", "qantar", "validate", "--layer", "consistency"], cwd=Path(tmp), env=env, ok=(0, 1))
        first_names = time.perf_counter() - t0
        cases: dict[str, str | list[str]] = {
            "import great_expectations": "import great_expectations",
            "qantar validate (full)": ["-m", "qantar", "validate", "--format", "json"],
            "qantar validate --fast": ["-m", "qantar", "validate", "--fast", "--format", "json"],
            "qantar validate (full, serial)": ["-c", "import sys; from qantar.validate import validate; "
                                               "r = validate(parallel=False); print(r.to_json().replace(chr(10), ' ')); "
                                               "sys.stdout.flush(); sys.exit(r.exit_code)"],
        }
        for layer in ("frictionless", "pandera", "consistency", "great_expectations"):
            cases[f"layer {layer}"] = ["-m", "qantar", "validate", "--layer", layer, "--format", "json"]
        for code in cases.values():
            measure(code, cwd=Path(tmp), env=env)
        raw = rounds(cases, reps, cwd=Path(tmp), env=env, seed=seed, label="validate ")
    out = {}
    for name, samples in raw.items():
        out[name] = summary(samples)
    # in-process seconds of each layer, from the JSON reports of the full runs
    layer_seconds: dict[str, list[float]] = {}
    for sample in raw["qantar validate (full, serial)"]:
        report = json.loads(sample["out"])
        for layer in report["layers"]:
            layer_seconds.setdefault(layer["layer"], []).append(layer["seconds"])
            assert layer["ok"], layer
    out["_layer_seconds_in_serial_run"] = {k: statistics.median(v) for k, v in layer_seconds.items()}
    gx = raw["import great_expectations"]
    out["_ratios"] = {
        "full run / import great_expectations": paired_ratio(raw["qantar validate (full)"], gx),
        "full run in one process / import great_expectations": paired_ratio(raw["qantar validate (full, serial)"], gx),
        "full run / great_expectations layer alone": paired_ratio(raw["qantar validate (full)"], raw["layer great_expectations"]),
        "--fast run, median seconds": statistics.median(s["wall"] for s in raw["qantar validate --fast"]),
    }
    out["_first_names_run_s"] = first_names
    return out


# --- suite: scale ---------------------------------------------------------------------------

_SCALE_CHILD = """
import json, sys, time
t0 = time.perf_counter()
kind, root = sys.argv[1], sys.argv[2]
if kind == "loader":
    import qantar, qantar._locate
    qantar._locate.use_root(root)
    frames = qantar.load_all()
    rows = sum(f.height for f in frames.values())
    print(json.dumps({"seconds": time.perf_counter() - t0, "rows": rows}))
else:
    from qantar.validate import validate
    layer = {"pandera": "pandera", "consistency": "consistency", "consistency+names": "consistency"}[kind]
    from pathlib import Path
    skip = json.loads((Path(root) / "synthetic.json").read_text(encoding="utf-8"))["skip"]  # rules replication breaks
    report = validate(root, layers=[layer], fast=kind != "consistency+names", skip=skip)
    (result,) = report.layers
    failures = [f.to_dict() for f in report.failures]
    print(json.dumps({"seconds": time.perf_counter() - t0, "layer_seconds": result.seconds,
                      "failures": len(failures), "first": failures[:3], "error": result.error}))
"""


#: The scale suite's case that the target judges: ``qantar validate --layer pandera --layer consistency --fast``.
BOTH = "pandera+consistency (qantar validate)"


def _scale_result(kind: str, sample: dict) -> dict:
    """What a scale child reports: its own JSON line, or for the command, its JSON report (seconds of the
    whole validation, from before the package is read; failures of every layer)."""
    if kind != BOTH:
        return json.loads(sample["out"])
    report = json.loads(sample["stdout"])
    return {"seconds": report["seconds"], "failures": sum(len(x["failures"]) for x in report["layers"]),
            "error": next((x["error"] for x in report["layers"] if x.get("error")), None)}


def scale_suite(sizes: list[int], reps: int, seed: int, workdir: Path, names_up_to: int) -> dict:
    env = environment()
    out: dict[str, dict] = {}
    for size in sizes:
        root = workdir / f"synthetic-{size}"
        facts_file = root / "synthetic.json"  # written by synth.py, with the rows it was asked for
        facts = json.loads(facts_file.read_text(encoding="utf-8")) if facts_file.is_file() else {}
        if facts.get("requested_rows") != size or facts.get("made_from") != made_from():
            measure([str(REPO / "bench" / "synth.py"), str(root), "--rows", str(size)], cwd=workdir, env=env)
            facts = json.loads(facts_file.read_text(encoding="utf-8"))
        kinds = ["loader", "pandera", "consistency"] + (["consistency+names"] if size <= names_up_to else [])
        cases: dict[str, str | list[str]] = {k: ["-c", _SCALE_CHILD, k, str(root)] for k in kinds}
        # the target's run: the command, both layers in one process (the tables read once), as a user runs it
        cases[BOTH] = ["-m", "qantar", "validate", str(root), "--layer", "pandera", "--layer", "consistency", "--fast",
                       "--format", "json", *(a for rule in facts["skip"] for a in ("--skip", rule))]
        n = reps if size < 1_000_000 else max(1, min(reps, 2))
        measure(cases["loader"], cwd=workdir, env=env)  # warm the file cache
        raw = rounds(cases, n, cwd=workdir, env=env, seed=seed, label=f"scale {size:,} ")
        entry = {"rows": facts["rows"], "articles": facts["articles"], "article_mib": facts["article_bytes"] / 2**20}
        for kind, samples in raw.items():
            inner = [_scale_result(kind, s) for s in samples]
            for r in inner:
                if kind != "loader" and (r["failures"] or r["error"]):
                    raise AssertionError(f"the synthetic package must validate clean: {kind} {size}: {r}")
            entry[kind] = summary(samples) | {
                "in_process_median_s": statistics.median(r.get("layer_seconds", r["seconds"]) for r in inner),
            }
        out[str(size)] = entry
    return out


# --- report ---------------------------------------------------------------------------------


def machine() -> dict:
    info = {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()}
    try:
        info["cpu"] = next(
            line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        info["cpu"] = platform.processor()
    try:
        kib = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")))
        info["memory_gib"] = round(kib / 2**20, 1)
    except (OSError, StopIteration):
        pass
    from importlib.metadata import version

    for dist in ("polars", "pandas", "pyarrow", "frictionless", "pandera", "great-expectations", "duckdb", "nltk",
                 "palmerpenguins"):
        try:
            info[dist] = version(dist)
        except Exception:
            info[dist] = "not installed"
    info["load_average_at_start"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return info


#: The targets of the validator's speed (issue 11), checked against every run's results.
FULL_OVER_GX = 1.3  # a full run, as a multiple of `import great_expectations` alone
FAST_SECONDS = 1.5  # `qantar validate --fast`, wall seconds
SCALE_SECONDS = 10.0  # pandera + consistency layers on the largest synthetic package, one run of the command, in-process seconds
SCALE_MIB = 1024  # peak resident memory of that process


def verdicts(results: dict) -> list[tuple[str, str, str]]:
    """(target, measured, met?) for each target of the issue that the results cover."""
    out = []
    if "load" in results:
        r = results["load"]["_ratios"]
        x = r["load_all() / floor"]
        out.append(("load_all() within 1.15x of the floor", f"{x:.2f}x", "met" if x <= 1.15 else "NOT met"))
        alts = {k: v for k, v in r.items() if k.startswith("load_all() / ") and k != "load_all() / floor"}
        worst = max(alts.values())
        out.append(("load_all() faster than every alternative", ", ".join(f"{v:.2f}x {k[13:]}" for k, v in alts.items()),
                    "met" if worst < 1 else "NOT met"))
    if "validate" in results:
        r = results["validate"]["_ratios"]
        full = r["full run / import great_expectations"]
        out.append((f"full run at most {FULL_OVER_GX}x the import of Great Expectations",
                    f"{full:.2f}x the import; {r['full run / great_expectations layer alone']:.2f}x the GX layer alone",
                    "met" if full <= FULL_OVER_GX else "NOT met"))
        fast = r["--fast run, median seconds"]
        out.append((f"--fast under {FAST_SECONDS} s", f"{fast:.2f} s", "met" if fast < FAST_SECONDS else "NOT met"))
    if "scale" in results:
        r = results["scale"]
        big = max(r, key=int)
        steps = [k for k in ("pandera", "consistency") if k in r[big]]
        apart = sum(r[big][k]["in_process_median_s"] for k in steps)
        if BOTH in r[big]:  # results from before the command was measured hold the two layers apart only
            total, peak = r[big][BOTH]["in_process_median_s"], r[big][BOTH]["rss_mib"]
            said = f"{total:.1f} s in one run ({apart:.1f} s as two processes, each reading the package)"
        else:
            total, peak = apart, max(r[big][k]["rss_mib"] for k in steps)
            said = f"{total:.1f} s (two processes)"
        out.append((f"{r[big]['rows']:,} rows: pandera + consistency under {SCALE_SECONDS} s", said,
                    "met" if total < SCALE_SECONDS else "NOT met"))
        out.append((f"{r[big]['rows']:,} rows: peak memory under {SCALE_MIB} MiB", f"{peak:.0f} MiB",
                    "met" if peak < SCALE_MIB else "NOT met"))
        sizes = sorted(r, key=int)
        growth = []
        for k in ("loader", "pandera", "consistency", "consistency+names", BOTH):
            per_row = [r[n][k]["in_process_median_s"] / r[n]["rows"] for n in sizes if k in r[n]]
            if len(per_row) >= 2:
                growth.append(per_row[-1] / per_row[-2])
        worst = max(growth) if growth else 0
        out.append(("cost grows no faster than linearly", f"time per row, last size / previous: at most {worst:.2f}",
                    "met" if worst <= 1.15 else "NOT met"))
    return out


def markdown(results: dict) -> str:
    lines: list[str] = []
    found = verdicts(results)
    if found:
        lines += ["### Targets", "", "| target | measured | |", "| --- | --- | --- |"]
        lines += [f"| {t} | {m} | {v} |" for t, m, v in found]
        lines.append("")
    if "load" in results:
        r = results["load"]
        lines += ["### Loading every table (cold process)", "",
                  "| case | median s | min s | vs floor | peak RSS MiB |", "| --- | ---: | ---: | ---: | ---: |"]
        for name, s in r.items():
            if not name.startswith("_"):
                lines.append(f"| {name} | {s['median_s']:.3f} | {s['min_s']:.3f} | {s['ratio_to_floor']:.2f}x | {s['rss_mib']:.0f} |")
        lines += ["", "| ratio (median of paired rounds) | value |", "| --- | ---: |"]
        lines += [f"| {k} | {v:.2f}x |" for k, v in r["_ratios"].items()]
        lines.append("")
    if "validate" in results:
        r = results["validate"]
        lines += ["### Validation of the real data (cold process)", "",
                  "| case | median s | min s | peak RSS MiB |", "| --- | ---: | ---: | ---: |"]
        for name, s in r.items():
            if not name.startswith("_"):
                lines.append(f"| {name} | {s['median_s']:.2f} | {s['min_s']:.2f} | {s['rss_mib']:.0f} |")
        lines += ["", "| measure (median of paired rounds) | value |", "| --- | ---: |"]
        lines += [f"| {k} | {v:.2f}{'' if 'seconds' in k else 'x'} |" for k, v in r["_ratios"].items()]
        lines += [f"| layer seconds in a serial run: {k} | {v:.2f} |" for k, v in r["_layer_seconds_in_serial_run"].items()]
        lines += [f"| first names-rule run (a fresh process) | {r['_first_names_run_s']:.1f} s |", ""]
    if "scale" in results:
        r = results["scale"]
        lines += ["### Scale (synthetic packages; cold process per measurement)", "",
                  "| rows | articles (MiB) | step | median s (process) | in-process s | µs per row | peak RSS MiB |",
                  "| ---: | ---: | --- | ---: | ---: | ---: | ---: |"]
        for e in r.values():
            for kind in ("loader", "pandera", "consistency", "consistency+names", BOTH):
                if kind in e:
                    s = e[kind]
                    lines.append(
                        f"| {e['rows']:,} | {e['articles']:,} ({e['article_mib']:.1f}) | {kind} | {s['median_s']:.2f} | "
                        f"{s['in_process_median_s']:.2f} | {1e6 * s['in_process_median_s'] / e['rows']:.1f} | {s['rss_mib']:.0f} |"
                    )
        lines.append("")
    return "\n".join(lines)


DOCS = REPO / "docs" / "performance.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def runs_line(results: dict) -> str:
    runs = results.get("runs", {})
    parts = []
    distinct = {json.dumps(r, sort_keys=True) for r in runs.values()}
    for suite in ("load", "validate", "scale"):
        if suite in runs:
            r = runs[suite]
            m = r["machine"]
            label = "all suites" if len(distinct) == 1 else f"`{suite}`"
            parts.append(f"{label}: {r['date']}, `{r['command']}`, load average at start {m['load_average_at_start']}")
            if len(distinct) == 1:
                break
    if not parts:
        return ""
    m = next(iter(runs.values()))["machine"]
    versions = ", ".join(f"{k} {m[k]}" for k in ("polars", "pandas", "pyarrow", "frictionless", "pandera",
                                                      "great-expectations", "duckdb", "nltk", "palmerpenguins") if k in m)
    return (f"Machine: {m['cpu']}, {m['cpus']} cores, {m.get('memory_gib', '?')} GiB, {m['platform']}, Python "
            f"{m['python']}; {versions}.\n\nRuns: " + "; ".join(parts) + ".\n")


def render_docs(results: dict) -> str:
    """docs/performance.md with its generated section rewritten from ``results``."""
    text = DOCS.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    body = runs_line(results) + "\n" + markdown(results)
    return f"{head}{BEGIN}\n<!-- written by `python bench/run.py` from bench/results.json; do not edit by hand -->\n\n{body}\n{END}{tail}"


def _write(path: Path, text: str) -> None:
    """Replace ``path`` whole (``qantar._atomic``), once every measurement is done: importing qantar
    here earlier would make this process, and so every child's peak RSS, larger."""
    from qantar import _atomic

    _atomic.write_text(path, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Qantar benchmarks (cold processes, side by side).")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions; scale up to 100k rows")
    parser.add_argument("--suite", default="load,validate,scale", help="comma-separated: load, validate, scale")
    parser.add_argument("--reps", type=int, default=None, help="rounds per suite (default 30 load / 5 validate / 3 scale)")
    parser.add_argument("--sizes", default=None, help="scale sizes in rows, comma-separated (default 10000,100000,1000000)")
    parser.add_argument("--names-up-to", type=int, default=100_000,
                        help="time the names rule up to this many rows (default 100000)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "qantar-bench",
                        help="where the synthetic packages are generated (and kept for the next run)")
    parser.add_argument("--out", type=Path, default=None,
                        help="results file (default bench/results.json; with --quick, WORKDIR/results-quick.json, "
                             "so a quick run never replaces the committed results)")
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite the tables of docs/performance.md")
    parser.add_argument("--render-docs", action="store_true",
                        help="only rewrite the tables of docs/performance.md from --out, measuring nothing")
    args = parser.parse_args(argv)
    if args.out is None:
        args.out = args.workdir / "results-quick.json" if args.quick else REPO / "bench" / "results.json"
    if args.render_docs:
        _write(DOCS, render_docs(json.loads(args.out.read_text(encoding="utf-8"))))
        print(f"wrote {DOCS}")
        return 0
    suites = [s.strip() for s in args.suite.split(",") if s.strip()]
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000])
    # Suites run now replace their entries in --out; the others are kept (each with its machine).
    results: dict = json.loads(args.out.read_text(encoding="utf-8")) if args.out.is_file() else {}
    run_info = {"machine": machine(), "command": " ".join(["python bench/run.py", *(argv if argv is not None else sys.argv[1:])]),
                "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    results.pop("machine", None)
    results.pop("command", None)
    started = time.perf_counter()
    if "load" in suites:
        results["load"] = load_suite(args.reps or (15 if args.quick else 30), args.seed)
    if "validate" in suites:
        results["validate"] = validate_suite(args.reps or (2 if args.quick else 5), args.seed)
    if "scale" in suites:
        args.workdir.mkdir(parents=True, exist_ok=True)
        results["scale"] = scale_suite(sizes, args.reps or (1 if args.quick else 3), args.seed, args.workdir, args.names_up_to)
    seconds = time.perf_counter() - started
    for suite in suites:
        results.setdefault("runs", {})[suite] = run_info
    results.pop("seconds", None)
    _write(args.out, json.dumps(results, indent=2) + "\n")
    print(markdown({k: v for k, v in results.items() if k in suites}))
    print(f"results: {args.out} ({seconds:.0f} s)")
    if not args.no_docs and args.out.resolve() == (REPO / "bench" / "results.json").resolve():
        _write(DOCS, render_docs(results))
        print(f"tables rewritten in {DOCS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
