#!/usr/bin/env python3
"""Translations for the Qt widgets: one .ts per area in resources/i18n, compiled .qm beside it.

    python tools/i18n.py            # lupdate every area's sources into its .ts, then lrelease
    python tools/i18n.py --check    # fail if a .ts is out of date with the sources, has an
                                    # unfinished/empty translation, or a .qm is stale

Areas (gui_common.md): the shell, the pages, the sharing screens. A module in
desktop/plainview/ui/ that is not in the table below can name its area itself with a line
``I18N_AREA = "pages"``; one that does neither is reported.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "desktop" / "plainview" / "ui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)

AREAS: dict[str, list[str]] = {
    "shell": [
        "desktop/plainview/app.py",
        "desktop/plainview/ui/main_window.py",
        "desktop/plainview/ui/sidebar.py",
        "desktop/plainview/ui/first_run_page.py",
        "desktop/plainview/ui/unlock_page.py",
        "desktop/plainview/ui/settings_dialog.py",
        "desktop/plainview/ui/passphrase_widgets.py",
        "desktop/plainview/ui/error_dialog.py",
        "desktop/plainview/ui/change_passphrase_dialog.py",
    ],
    "pages": [
        "desktop/plainview/ui/import_page.py",
        "desktop/plainview/ui/overview_page.py",
        "desktop/plainview/ui/category_page.py",
        "desktop/plainview/ui/records_model.py",
        "desktop/plainview/ui/search_page.py",
        "desktop/plainview/ui/time_chart.py",
        "desktop/plainview/ui/category_tile.py",
        "desktop/plainview/ui/drop_zone.py",
        "desktop/plainview/ui/explanation_view.py",
        "desktop/plainview/ui/share_selector.py",
    ],
    "sharing": [
        "desktop/plainview/ui/choices_page.py",
        "desktop/plainview/ui/audit_wizard.py",
        "desktop/plainview/ui/share_preview_dialog.py",
        "desktop/plainview/ui/letters_dialog.py",
    ],
}
# Modules without user-facing strings.
NO_STRINGS = {
    "__init__.py",
    "context.py",
    "tasks.py",
    "i18n.py",
    "theme.py",
    "preferences.py",
    "clipboard.py",
    "idle.py",
    "icons.py",
}
_MARKER = re.compile(r'^I18N_AREA\s*=\s*["\'](\w+)["\']', re.MULTILINE)
_TR = re.compile(r"\b(tr|translate)\(")


def lupdate_bin() -> str:
    return _tool("pyside6-lupdate")


def lrelease_bin() -> str:
    return _tool("pyside6-lrelease")


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"error: {name} not found (install PySide6)")
    return found


def area_sources() -> tuple[dict[str, list[Path]], list[str]]:
    """Existing source files per area, and modules with strings that no area claims."""
    sources = {
        area: [ROOT / f for f in files if (ROOT / f).exists()] for area, files in AREAS.items()
    }
    listed = {p.resolve() for files in sources.values() for p in files}
    unassigned: list[str] = []
    for path in sorted(UI.glob("*.py")):
        if path.resolve() in listed or path.name in NO_STRINGS:
            continue
        text = path.read_text(encoding="utf-8")
        marker = _MARKER.search(text)
        if marker and marker.group(1) in sources:
            sources[marker.group(1)].append(path)
        elif _TR.search(text):
            unassigned.append(str(path.relative_to(ROOT)))
    return sources, unassigned


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return path.name


def ts_path(area: str, lang: str) -> Path:
    return I18N / f"plainview_{area}_{lang}.ts"


def qm_path(area: str, lang: str) -> Path:
    return ts_path(area, lang).with_suffix(".qm")


def lupdate(files: list[Path], ts: Path) -> None:
    args = [lupdate_bin(), "-silent", "-no-obsolete", "-locations", "none"]
    args += [str(f) for f in files] + ["-ts", str(ts)]
    subprocess.run(args, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([lrelease_bin(), "-silent", str(ts), "-qm", str(qm)], check=True)


def problems_in(ts: Path) -> list[str]:
    """Unfinished or empty translations in a .ts file."""
    found: list[str] = []
    root = ET.parse(ts).getroot()  # noqa: S314 (our own .ts files)
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            tr = message.find("translation")
            if tr is None:
                found.append(f"{ts.name}: {name}: no translation for {source!r}")
                continue
            if tr.get("type") in ("unfinished", "vanished", "obsolete"):
                found.append(f"{ts.name}: {name}: {tr.get('type')}: {source!r}")
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")]
            if (forms and not all(f.strip() for f in forms)) or (
                not forms and not (tr.text or "").strip()
            ):
                found.append(f"{ts.name}: {name}: empty translation for {source!r}")
    return found


def update(areas: list[str]) -> None:
    sources, unassigned = area_sources()
    for path in unassigned:
        print(
            f"warning: {path} has tr() strings but no area (add I18N_AREA = ...)", file=sys.stderr
        )
    I18N.mkdir(parents=True, exist_ok=True)
    for area in areas:
        if not sources[area]:
            continue
        for lang in LANGUAGES:
            ts = ts_path(area, lang)
            lupdate(sources[area], ts)
            lrelease(ts, qm_path(area, lang))
            for problem in problems_in(ts):
                print(f"todo: {problem}")
            print(f"{_rel(ts)}: updated")


def check(areas: list[str]) -> list[str]:
    """Everything that is wrong, as sentences (empty = all good)."""
    sources, unassigned = area_sources()
    errors = [f"{p}: has tr() strings but no translation area" for p in unassigned]
    with tempfile.TemporaryDirectory() as tmp:
        for area in areas:
            if not sources[area]:
                continue
            for lang in LANGUAGES:
                ts, qm = ts_path(area, lang), qm_path(area, lang)
                if not ts.exists():
                    errors.append(f"{_rel(ts)} is missing (run tools/i18n.py)")
                    continue
                fresh_ts = Path(tmp) / ts.name
                shutil.copyfile(ts, fresh_ts)
                lupdate(sources[area], fresh_ts)
                errors += problems_in(fresh_ts)
                if not qm.exists():
                    errors.append(f"{_rel(qm)} is missing (run tools/i18n.py)")
                    continue
                fresh_qm = Path(tmp) / qm.name
                lrelease(ts, fresh_qm)
                if fresh_qm.read_bytes() != qm.read_bytes():
                    errors.append(f"{_rel(qm)} is older than its .ts (run tools/i18n.py)")
    return errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="verify instead of updating")
    parser.add_argument("areas", nargs="*", choices=[[], *AREAS], default=[])
    args = parser.parse_args(argv)
    areas = args.areas or list(AREAS)
    if args.check:
        errors = check(areas)
        for error in errors:
            print(f"error: {error}", file=sys.stderr)
        return 1 if errors else 0
    update(areas)
    return 0


if __name__ == "__main__":
    sys.exit(main())
