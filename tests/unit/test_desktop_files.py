"""Linux desktop integration: one app id, icon name and binary name everywhere.

The essentials are always checked here in Python. The official validators
(``desktop-file-validate``, ``appstreamcli validate``) run in addition where they are installed
(``make test`` installs them when it can); when one is missing, the test says so in a warning
instead of passing silently.
"""

from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import struct
import subprocess
import tomllib
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
import yaml

import plainview

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "resources" / "icons"
APP_ID = plainview.APP_ID
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
FLATPAK = ROOT / "packaging" / "flatpak" / f"{APP_ID}.yml"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _binary_name() -> str:
    scripts = _pyproject()["project"]["scripts"]
    assert list(scripts) == ["plainview"], scripts
    return "plainview"


def _desktop_entry(text: str | None = None) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8") if text is None else text)
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _pin_wheels() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "plainview_pin_wheels", ROOT / "packaging" / "flatpak" / "pin_wheels.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run_validator(cmd: list[str]) -> None:
    if shutil.which(cmd[0]) is None:
        warnings.warn(
            f"{cmd[0]} is not installed: only the built-in checks ran "
            "(install desktop-file-utils / appstream to run the official validator)",
            stacklevel=2,
        )
        return
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_app_id_is_reverse_dns_and_names_the_files() -> None:
    assert re.fullmatch(r"[a-z][a-z0-9]*(\.[A-Za-z][A-Za-z0-9_]*){2,}", APP_ID)
    assert DESKTOP.is_file()
    assert METAINFO.is_file()
    assert FLATPAK.is_file()
    assert (ICONS / f"{APP_ID}.svg").is_file()


def test_desktop_file_essentials() -> None:
    check_desktop_entry(_desktop_entry())


def check_desktop_entry(entry: configparser.SectionProxy) -> None:
    assert entry["Type"] == "Application"
    assert entry["Name"] == plainview.APP_NAME
    assert entry["Icon"] == APP_ID  # a themed icon name, not a path
    exec_argv = entry["Exec"].split()
    assert exec_argv[0] == _binary_name()
    # `plainview PATH` would be read as a command, so the launcher takes no file arguments.
    assert not any(a.startswith("%") for a in exec_argv[1:])
    assert "MimeType" not in entry
    assert entry["TryExec"] == _binary_name()
    assert entry["Terminal"] == "false"
    # X11 WM_CLASS of Qt's window is ("plainview", "Plainview"): docks match it to this file.
    assert entry["StartupWMClass"] == plainview.APP_NAME
    categories = entry["Categories"]
    assert categories.endswith(";")
    assert "Utility" in categories.split(";")
    for key in ("GenericName", "Comment", "Keywords"):
        assert entry[key].strip()
        assert entry[f"{key}[zh_CN]"].strip(), f"{key}[zh_CN] missing"
    assert entry["Keywords"].endswith(";")


def test_metainfo_essentials() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == _pyproject()["project"]["license"]
    assert root.findtext("name") == plainview.APP_NAME
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert [b.text for b in root.findall("provides/binary")] == [_binary_name()]
    summaries = {s.get(XML_LANG): s.text for s in root.findall("summary")}
    assert summaries.get(None) and summaries.get("zh_CN")
    paragraphs = root.findall("description/p")
    assert any(p.get(XML_LANG) is None for p in paragraphs)
    assert any(p.get(XML_LANG) == "zh_CN" for p in paragraphs)
    assert root.find("content_rating") is not None
    releases = root.findall("releases/release")
    assert releases, "no release listed"
    assert releases[0].get("version") == plainview.__version__
    # Categories agree with the desktop file.
    desktop_categories = [c for c in _desktop_entry()["Categories"].split(";") if c]
    assert [c.text for c in root.findall("categories/category")] == desktop_categories


def test_icons_present_in_every_size() -> None:
    svg = ICONS / f"{APP_ID}.svg"
    svg_root = ET.parse(svg).getroot()
    assert svg_root.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg_root.get("viewBox") == "0 0 128 128"  # square
    scalable = ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == svg.read_bytes(), "re-run packaging/render_icons.py"
    for size in PNG_SIZES:
        png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png) == (size, size)
    # Every PNG in the tree is one of the listed sizes (no stray renders).
    found = sorted(p.parent.parent.name for p in (ICONS / "hicolor").glob("*/apps/*.png"))
    assert found == sorted(f"{s}x{s}" for s in PNG_SIZES)


def test_flatpak_manifest_consistent_and_offline() -> None:
    manifest = yaml.safe_load(FLATPAK.read_text(encoding="utf-8"))
    assert manifest["app-id"] == APP_ID
    assert manifest["command"] == _binary_name()
    assert manifest["runtime"] == "org.kde.Platform"
    assert manifest["sdk"] == "org.kde.Sdk"
    finish = manifest["finish-args"]
    assert not any("network" in arg for arg in finish), "Plainview must not get network access"
    assert not any(arg.startswith(("--filesystem=home", "--filesystem=host")) for arg in finish)
    # the keyring slot ("remember on this device") talks to the Secret Service, nothing else
    assert [a for a in finish if a.startswith("--talk-name")] == [
        "--talk-name=org.freedesktop.secrets"
    ]
    wheels: dict[str, str] = {}
    for module in manifest["modules"]:
        for source in module["sources"]:
            if source["type"] == "file":
                assert source["url"].startswith("https://files.pythonhosted.org/packages/")
                assert source["url"].endswith(".whl")
                assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"])
                wheels[source["url"].rsplit("/", 1)[-1]] = source["sha256"]
    # Every run-time dependency of pyproject.toml is there as a pinned wheel.
    names = {re.sub(r"[-_.]+", "-", w.split("-")[0]).lower() for w in wheels}
    for requirement in _pyproject()["project"]["dependencies"]:
        dist = re.split(r"[<>=!~ \[;]", requirement, maxsplit=1)[0]
        assert re.sub(r"[-_.]+", "-", dist).lower() in names, f"{dist} not pinned"
    # ... and so is everything those need, as installed in the venv the tests run in.
    for dist in _pin_wheels().runtime_closure():
        assert re.sub(r"[-_.]+", "-", dist).lower() in names, f"{dist} not pinned"
    # The pip install lines name exactly the wheels that are downloaded.
    commands = " ".join(c for m in manifest["modules"] for c in m.get("build-commands", []))
    for wheel in wheels:
        if not wheel.startswith("setuptools-"):
            assert wheel in commands
    assert "--no-index" in commands
    # Desktop integration is installed under the app id.
    assert f"share/applications packaging/linux/{DESKTOP.name}" in commands
    assert f"share/metainfo packaging/linux/{METAINFO.name}" in commands
    assert "share/icons" in commands


def test_desktop_file_validates() -> None:
    _run_validator(["desktop-file-validate", str(DESKTOP)])


def test_metainfo_validates() -> None:
    _run_validator(["appstreamcli", "validate", "--no-net", str(METAINFO)])


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Exec=plainview\n", "Exec=plainview %F\n"),
        ("Icon=org.plainview.Plainview\n", "Icon=plainview\n"),
        ("Type=Application\n", ""),
        ("Comment[zh_CN]=", "X-Comment="),
    ],
)
def test_desktop_checks_catch_breakage(old: str, new: str) -> None:
    # The essentials check must fail on a desktop file that drifted from the contract.
    text = DESKTOP.read_text(encoding="utf-8")
    assert old in text
    with pytest.raises((AssertionError, KeyError)):
        check_desktop_entry(_desktop_entry(text.replace(old, new)))
