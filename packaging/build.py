"""Build the one-folder PyInstaller bundle, check what is in it, and smoke-test it.

    .venv/bin/python packaging/build.py               # what `make package` runs
    .venv/bin/python packaging/build.py --dist DIR    # put the bundle elsewhere
    .venv/bin/python packaging/build.py --no-self-test
    .venv/bin/python packaging/build.py --archive     # also plainview-<version>-linux-x86_64.tar.gz

Steps: PyInstaller with ``packaging/pyinstaller/plainview.spec`` (work and dist folders under the
system temp folder by default, reused between runs so rebuilds are quick; never in the
repository) -> content checks (no excluded Qt library or plugin, every kept Qt library finds its
Qt dependencies inside the bundle, resources present) -> ``plainview --version`` and
``plainview self-test`` run from the bundle on the offscreen platform, in a throwaway HOME, and
must exit 0 with nothing unexpected on stderr. Prints the bundle size and the timings; exits
non-zero on any failure. ``--summary FILE`` writes the figures as JSON (used by the tests).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "pyinstaller" / "plainview.spec"
sys.path.insert(0, str(HERE))

import bundle_rules  # noqa: E402

APP_ID = "org.plainview.Plainview"
DEFAULT_BASE = Path(tempfile.gettempdir()) / "plainview-pyinstaller"
EXE_NAME = "plainview.exe" if sys.platform == "win32" else "plainview"
SELF_TEST_TIMEOUT = 300

# Lines the frozen app may print on stderr without it being a failure: none by default.
# (PyInstaller's bootloader and Qt stay quiet on a healthy offscreen run.)
ALLOWED_STDERR: tuple[re.Pattern[str], ...] = ()


class BuildFailed(Exception):
    pass


@contextlib.contextmanager
def _locked(base: Path) -> Iterator[None]:
    """Serialise builds that share one work folder (several `make test` runs at once)."""
    base.mkdir(parents=True, exist_ok=True)
    lock_path = base / ".lock"
    with open(lock_path, "a+b") as handle:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield


def run_pyinstaller(dist: Path, work: Path, log: Path) -> float:
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={dist}",
        f"--workpath={work}",
        str(SPEC),
    ]
    start = time.monotonic()
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.run(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, check=False)
    elapsed = time.monotonic() - start
    if proc.returncode != 0:
        tail = "".join(log.read_text(encoding="utf-8", errors="replace").splitlines(True)[-40:])
        raise BuildFailed(f"PyInstaller failed (exit {proc.returncode}); log {log}:\n{tail}")
    return elapsed


def add_desktop_integration(bundle: Path) -> None:
    """Linux: the desktop file, metainfo and icons in ``share/`` beside the program, and
    ``install-local.sh`` that installs them for the current user (see the README)."""
    if not sys.platform.startswith("linux"):
        return
    share = bundle / "share"
    shutil.rmtree(share, ignore_errors=True)
    linux = HERE / "linux"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir(parents=True)
    shutil.copy2(linux / f"{APP_ID}.desktop", share / "applications")
    shutil.copy2(linux / f"{APP_ID}.metainfo.xml", share / "metainfo")
    shutil.copytree(ROOT / "resources" / "icons" / "hicolor", share / "icons" / "hicolor")
    shutil.copy2(linux / "install-local.sh", bundle / "install-local.sh")


def make_archive(bundle: Path) -> Path:
    """plainview-<version>-<os>-<machine>.tar.gz (.zip on Windows) next to the bundle."""
    import platform

    sys.path.insert(0, str(ROOT / "desktop"))
    from plainview import __version__

    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    base = bundle.parent / f"plainview-{__version__}-{system}-{platform.machine().lower()}"
    fmt = "zip" if sys.platform == "win32" else "gztar"
    return Path(shutil.make_archive(str(base), fmt, bundle.parent, bundle.name))


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def check_contents(bundle: Path) -> list[str]:
    """Problems with what is inside the bundle (empty list when all is well)."""
    problems: list[str] = []
    internal = bundle / "_internal"
    if not (bundle / EXE_NAME).is_file():
        problems.append(f"missing executable {EXE_NAME}")
    files = [p for p in bundle.rglob("*") if p.is_file()]
    problems += [
        f"dangling link: {p.relative_to(bundle)}"
        for p in bundle.rglob("*")
        if p.is_symlink() and not p.exists()
    ]
    rel = [p.relative_to(internal).as_posix() for p in files if internal in p.parents]
    for dest in rel:
        if bundle_rules.drop_binary(dest) or bundle_rules.drop_data(dest):
            problems.append(f"excluded file present: {dest}")
    needed = [
        "plainview_resources/icons/org.plainview.Plainview.svg",
        "PySide6/Qt/plugins/platforms/" + _plat("offscreen"),
    ]
    if sys.platform.startswith("linux"):
        needed += ["PySide6/Qt/plugins/platforms/" + _plat("xcb")]
        needed += ["PySide6/Qt/plugins/platforms/" + _plat("wayland")]
    # every shipped resource (catalog, .qm translations, icons, sample, style) is there
    resources = ROOT / "resources"
    needed += [
        "plainview_resources/" + f.relative_to(resources).as_posix()
        for f in resources.rglob("*")
        if f.is_file() and f.suffix != ".py" and not bundle_rules.drop_resource(str(f))
    ]
    have = set(rel)
    problems += [f"missing from bundle: {n}" for n in needed if n not in have]
    if not any(re.match(r"sqlcipher3/_sqlite3.*\.(so|pyd)$", d) for d in rel):
        problems.append("missing from bundle: sqlcipher3 native module")
    if not any(re.match(r"ijson/backends/_yajl2.*\.(so|pyd)$", d) for d in rel):
        problems.append("missing from bundle: ijson C backend (_yajl2)")
    if sys.platform.startswith("linux"):
        problems += _unresolved_qt_deps(internal)
    return problems


def _plat(name: str) -> str:
    if sys.platform == "win32":
        return f"q{name}.dll"
    if sys.platform == "darwin":
        return f"libq{name}.dylib"
    return f"libq{name}.so"


def _unresolved_qt_deps(internal: Path) -> list[str]:
    """Every ELF file that needs a libQt6*/libicu*/libpyside/libshiboken library must find it
    inside the bundle (we dropped plugins and libraries; make sure nothing kept needs them)."""
    if shutil.which("objdump") is None and shutil.which("readelf") is None:
        return []
    present = {p.name for p in internal.rglob("*") if p.is_file() or p.is_symlink()}
    problems: list[str] = []
    tool = ["readelf", "-d"] if shutil.which("readelf") else ["objdump", "-p"]
    for path in internal.rglob("*"):
        if not path.is_file() or not (path.suffix == ".so" or ".so." in path.name):
            continue
        out = subprocess.run([*tool, str(path)], capture_output=True, text=True, check=False)
        for lib in re.findall(r"(?:NEEDED\s+|Shared library: \[)([^\s\]]+)", out.stdout):
            ours = lib.startswith(("libQt6", "libicu", "libpyside6", "libshiboken6"))
            if ours and lib not in present:
                problems.append(f"{path.relative_to(internal)} needs {lib}, not in bundle")
    return problems


def _clean_env(home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PLAINVIEW_", "QT_", "PYTHON", "XDG_")) and k != "VIRTUAL_ENV"
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        USERPROFILE=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        TMPDIR=str(home / "tmp"),
        PLAINVIEW_VAULT=str(home / "vault-must-not-be-created"),
    )
    return env


def run_bundle(bundle: Path, args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [str(bundle / EXE_NAME), *args],
        cwd=home,
        env=_clean_env(home),
        capture_output=True,
        text=True,
        timeout=SELF_TEST_TIMEOUT,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def unexpected_stderr(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not any(p.search(line) for p in ALLOWED_STDERR)
    ]


def smoke_test(bundle: Path) -> tuple[float, str]:
    """Run the frozen app's --version and self-test; return (seconds, self-test stdout)."""
    with tempfile.TemporaryDirectory(prefix="plainview-bundle-home-") as tmp:
        home = Path(tmp)
        version = run_bundle(bundle, ["--version"], home)
        if version.returncode != 0 or not version.stdout.startswith("plainview "):
            raise BuildFailed(
                f"'plainview --version' failed (exit {version.returncode}):\n"
                f"{version.stdout}{version.stderr}"
            )
        start = time.monotonic()
        proc = run_bundle(bundle, ["self-test"], home)
        elapsed = time.monotonic() - start
        noise = unexpected_stderr(proc.stderr)
        if proc.returncode != 0 or noise:
            raise BuildFailed(
                f"self-test in the bundle failed (exit {proc.returncode}).\n"
                f"--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"
            )
        if (home / "vault-must-not-be-created").exists():
            raise BuildFailed("self-test touched the default vault folder")
        return elapsed, proc.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, default=DEFAULT_BASE, help="work/dist parent")
    parser.add_argument("--dist", type=Path, default=None, help="folder for the bundle")
    parser.add_argument("--no-self-test", action="store_true")
    parser.add_argument("--summary", type=Path, default=None, help="write figures as JSON")
    parser.add_argument("--archive", action="store_true", help="also pack a .tar.gz/.zip")
    args = parser.parse_args(argv)

    base: Path = args.base
    dist: Path = args.dist or base / "dist"
    work = base / "work"
    summary: dict[str, object] = {"dist": str(dist / "plainview")}
    try:
        with _locked(base):
            print(f"building the bundle with PyInstaller (work folder {work}) ...", flush=True)
            summary["build_seconds"] = round(run_pyinstaller(dist, work, base / "build.log"), 1)
            bundle = dist / "plainview"
            add_desktop_integration(bundle)
            size = dir_size(bundle)
            summary["size_bytes"] = size
            print(f"built {bundle} in {summary['build_seconds']} s, {size / 2**20:.1f} MiB")
            problems = check_contents(bundle)
            if problems:
                raise BuildFailed("bundle contents:\n  " + "\n  ".join(problems))
            print("contents ok: only the Qt parts Plainview uses; dependencies resolve")
            if not args.no_self_test:
                seconds, out = smoke_test(bundle)
                summary["self_test_seconds"] = round(seconds, 1)
                summary["self_test_output"] = out
                sys.stdout.write(out)
                print(f"self-test in the bundle passed in {seconds:.1f} s")
            if args.archive:
                archive = make_archive(bundle)
                summary["archive"] = str(archive)
                print(f"archive {archive} ({archive.stat().st_size / 2**20:.1f} MiB)")
    except (BuildFailed, subprocess.TimeoutExpired) as exc:
        print(f"error: {exc}", file=sys.stderr)
        summary["error"] = str(exc)
        if args.summary:
            args.summary.write_text(json.dumps(summary, indent=2), encoding="utf-8")
        return 1
    if args.summary:
        args.summary.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
