"""``qantar release --out DIR``: build everything a release publishes, reproducibly.

From a git checkout whose tracked files are committed (the release is a commit):

The folder is built beside ``out`` and renamed into place once complete (``qantar._atomic``):
an error, Ctrl-C or SIGTERM leaves no folder and no scratch files, and what a SIGKILL leaves is
removed by the next build.

1. check: the version is stated alike everywhere, CITATION.cff and .zenodo.json match the descriptor, every
   byte count and hash is stamped, and (given ``previous``) the bump is big enough;
2. stage the tracked files in a scratch folder (untracked and ignored files never leak in);
3. build the sdist and, from it, the wheel (``python -m build --no-isolation``: the installed
   hatchling, no network; hatchling honours ``SOURCE_DATE_EPOCH``);
4. write the data archive ``qantar-<version>.zip`` and the formats other tools read
   (``write_exports``): the Parquet exports (``parquet/``), the SQLite database ``qantar.sqlite``,
   the Hugging Face dataset card ``README.md``, ``croissant.json`` and ``annotations.jsonld``;
5. unpack the archive and validate it (``qantar validate``, all four layers);
6. list every file with its sha256 in ``SHA256SUMS``;
7. record the release in ``releases/register.json`` (``qantar.release.register``): version, date,
   commit and every file's sha256; a rebuild of a registered version is compared with it instead.
   A dry run (``allow_dirty``) is never registered.

Everything is dated ``SOURCE_DATE_EPOCH`` (see ``archive.source_date_epoch``), so two builds
of one commit give byte-identical files.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from qantar import _atomic, _safe_files, citation, model
from qantar.errors import DataError
from qantar.release import ReleaseError, package, read_text, register
from qantar.release.archive import SUMS, source_date_epoch, write_sums, write_zip
from qantar.release.previous import Snapshot, from_directory
from qantar.release.versions import disagreements

#: Files of the checkout that go into the data archive besides the descriptor and its resources.
ARCHIVE_EXTRAS = ("README.md", "LICENSE", "LICENSE-DATA", "CITATION.cff", "CHANGELOG.md")


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=120)


def preflight(root: Path, previous: Snapshot | None = None) -> list[str]:
    """Problems that forbid a release of ``root`` (an empty list: none)."""
    from qantar.curate import stamp
    from qantar.release.compare import check

    problems = disagreements(root)
    cff = read_text(root, "CITATION.cff")
    if cff is not None and cff != citation.to_cff(citation.metadata(root)):
        problems.append("CITATION.cff does not match datapackage.json: run `qantar release --citation`")
    zenodo = read_text(root, citation.ZENODO)
    if zenodo != citation.to_zenodo(citation.metadata(root)):
        what = "is missing" if zenodo is None else "does not match datapackage.json"
        problems.append(f"{citation.ZENODO} {what}: run `qantar release --citation`")
    released = register.released_elsewhere(root, package(root).version)
    if released:
        problems.append(released)
    stale = stamp(root, write=False)
    if stale:
        problems.append(f"{len(stale)} byte count(s) or hash(es) are out of date: run `qantar stamp`")
    if previous is not None:
        verdict = check(previous, from_directory(root), read_text(root, "CHANGELOG.md"))
        if not verdict.ok:
            problems.append(f"the version is not bumped enough since {previous.label}:\n{verdict.render()}")
    return problems


def _stage(root: Path, into: Path, *, allow_dirty: bool) -> None:
    # The tracked files; a dry run (allow_dirty) adds the untracked ones git does not ignore.
    listed = _git(root, "ls-files", "-z", *(("--cached", "--others", "--exclude-standard") if allow_dirty else ()))
    if listed.returncode != 0:
        raise ReleaseError(f"{root} is not a git checkout: a release is built from a commit")
    if not allow_dirty:
        status = _git(root, "status", "--porcelain", "--untracked-files=no").stdout.decode().splitlines()
        dirty = "\n".join(line for line in status if line[3:] != register.PATH)
        if dirty:
            raise ReleaseError(f"uncommitted changes; commit them first (a release is a commit):\n{dirty}")
    # The register is the repository's record of its releases, not a part of any: it changes after
    # each build, and a rebuild of an old commit must give the same files.
    names = [n for n in listed.stdout.decode("utf-8").split("\0") if n and n != register.PATH]
    for name in sorted(names):
        source, target = root / name, into / name
        if not source.is_file():
            continue  # deleted in the working tree (only with allow_dirty)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        os.chmod(target, 0o755 if os.stat(source).st_mode & 0o111 else 0o644)


def _archive_members(stage: Path, described: model.Package, prefix: str) -> list[tuple[str, bytes]]:
    """The descriptor, every file it names and ``ARCHIVE_EXTRAS``, read from the stage."""
    unplaced = [r.name for r in described.resources() if r.path is None]
    if unplaced:
        raise ReleaseError(f"resource(s) without one local file path cannot be archived: {', '.join(unplaced)}")
    limits = {model.DESCRIPTOR: _safe_files.MAX_DESCRIPTOR_BYTES}
    limits |= {t.path: _safe_files.MAX_TABLE_BYTES for t in described.tables.values()}
    limits |= {f.path: _safe_files.MAX_TEXT_BYTES for f in described.files.values()}
    limits |= {n: _safe_files.MAX_TEXT_BYTES for n in ARCHIVE_EXTRAS}
    members, missing = [], []
    for name in sorted(limits):
        try:
            members.append((f"{prefix}/{name}", _safe_files.read(stage, name, limit=limits[name])))
        except DataError as exc:
            if exc.problem != "file is missing":
                raise ReleaseError(f"{name}: {exc.problem}") from None
            missing.append(name)
    if missing:
        raise ReleaseError(f"files the archive needs are not committed: {', '.join(missing)}")
    return members


def _build_dists(stage: Path, out: Path, env: dict[str, str]) -> None:
    # The sdist first, then the wheel built from the unpacked sdist: the wheel can only hold
    # the data if the sdist does.
    # The builder runs in a process group of its own, ended whole if this side stops (Ctrl-C, SIGTERM,
    # an error, the time limit): `python -m build` runs the backend in a process of its own, which
    # killing the builder alone leaves running, writing into the scratch folder while it is removed.
    builder = subprocess.Popen(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(stage)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True,
    )
    try:
        stdout, stderr = builder.communicate(timeout=900)
    except BaseException:
        _end_group(builder)
        raise
    if builder.returncode != 0:
        raise ReleaseError(f"python -m build failed:\n{stdout[-3000:]}\n{stderr[-3000:]}")


def _end_group(process: subprocess.Popen[str]) -> None:
    """Kill ``process`` and every process of its group, and wait for it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):  # gone already, or no process groups here
        process.kill()
    process.wait()


def _check_wheel(out: Path, version: str, descriptor_bytes: bytes) -> None:
    wheels = sorted(out.glob(f"qantar-{version}-*.whl"))
    if len(wheels) != 1 or not list(out.glob(f"qantar-{version}.tar.gz")):
        raise ReleaseError(f"expected one wheel and one sdist of version {version} in {out}")
    with zipfile.ZipFile(wheels[0]) as wheel:
        if wheel.read("qantar/_data/datapackage.json") != descriptor_bytes:
            raise ReleaseError("the wheel's datapackage.json differs from the release's")


def _validate(archive: Path, scratch: Path, log: Callable[[str], None]) -> None:
    from qantar.validate import validate

    tmp = scratch / "unpacked"
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp)
    (unpacked,) = tmp.iterdir()
    report = validate(unpacked)
    if not report.ok:
        raise ReleaseError(f"the unpacked archive does not validate:\n{report.to_text()}")
    log(f"  the unpacked archive validates ({sum(len(layer.failures) for layer in report.layers)} failures)")


def write_exports(folder: Path, root: Path, *, others: tuple[str, ...] = ()) -> list[Path]:
    """The formats other tools read (docs/use.md), written into ``folder`` from the package at ``root``.

    ``others``: files already in ``folder`` that the Croissant file lists too (with their sha256).
    """
    from qantar.export import _loaded, write_parquet, write_sqlite
    from qantar.export.annotations import write_annotations
    from qantar.export.croissant import write_croissant
    from qantar.export.hfcard import write_card

    described, frames = _loaded(root)
    parquet = write_parquet(folder / "parquet", root=root)
    sqlite = write_sqlite(folder, root=root)
    card = write_card(folder, described)
    notes = write_annotations(folder, described, frames)
    croissant = write_croissant(
        folder, described, others=(*others, sqlite.name, notes.name), cite_as=citation.cite("bibtex", root=root)
    )
    return [*parquet, sqlite, card, notes, croissant]


def build(
    root: str | Path,
    out: str | Path,
    *,
    previous: Snapshot | None = None,
    validate: bool = True,
    allow_dirty: bool = False,
    log: Callable[[str], None] = print,
) -> Path:
    """Build the release of the checkout at ``root`` into ``out``; returns the SHA256SUMS file."""
    root, out = Path(root).resolve(), Path(out).resolve()
    if not (root / "datapackage.json").is_file() or not (root / "pyproject.toml").is_file():
        raise ReleaseError(f"{root} is not a qantar checkout (no datapackage.json and pyproject.toml)")
    if out.exists() and any(out.iterdir()):
        raise ReleaseError(f"{out} is not empty: a release folder holds one release only")
    problems = preflight(root, previous)
    if problems:
        raise ReleaseError("cannot release:\n- " + "\n- ".join(problems))
    epoch = source_date_epoch(root)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    # Built beside ``out`` and renamed into place at the end: the folder is complete or absent,
    # whatever stops the build (see qantar._atomic.building_directory).
    try:
        with _atomic.building_directory(out) as (folder, scratch):
            stage = scratch / "checkout"
            _stage(root, stage, allow_dirty=allow_dirty)
            described = package(stage)
            version = described.version
            if version is None:
                raise ReleaseError('datapackage.json has no "version"')
            log(f"qantar {version}, SOURCE_DATE_EPOCH={epoch}, into {out}")
            members = _archive_members(stage, described, f"qantar-{version}")
            descriptor_bytes = dict(members)[f"qantar-{version}/{model.DESCRIPTOR}"]
            archive = write_zip(folder / f"qantar-{version}.zip", members, epoch)
            log(f"  {archive.name}")
            _build_dists(stage, folder, env)
            _check_wheel(folder, version, descriptor_bytes)
            log("  wheel and sdist")
            written = write_exports(folder, stage, others=(archive.name,))
            log("  " + ", ".join(sorted({p.relative_to(folder).parts[0] for p in written})))
            if validate:
                _validate(archive, scratch, log)
            sums = write_sums(folder)
            count = len(sums.read_text(encoding="utf-8").splitlines())
    except FileExistsError as exc:
        raise ReleaseError(f"{exc}: a release folder holds one release only") from None
    log(f"  {SUMS}: {count} files")
    if not allow_dirty:  # a dry run is never a release
        _register(root, out, version, described, log)
    return out / SUMS


def _register(root: Path, out: Path, version: str, described: model.Package, log: Callable[[str], None]) -> None:
    date = str(described.raw.get("created") or "")[:10]
    entry = register.Release(version, date, register.head_commit(root), register.published(out))
    done = register.record(root, entry)
    if done == "registered":
        log(f"  {register.PATH}: {version} registered (commit {entry.commit[:12]}): commit it, then tag v{version}")
    else:
        log(f"  {register.PATH}: the files are those registered for {version}, byte for byte")
