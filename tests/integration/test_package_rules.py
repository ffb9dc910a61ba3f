"""The keep/drop rules of the PyInstaller bundle (packaging/bundle_rules.py), without building."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import PySide6
import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


rules = _load("bundle_rules", ROOT / "packaging" / "bundle_rules.py")


def _qt_imports(source: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "PySide6":
                found |= {a.name for a in node.names}
            elif node.module.startswith("PySide6."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6.")}
    return found


def test_every_installed_qt_module_is_classified() -> None:
    installed = {
        p.name.split(".")[0]
        for p in Path(PySide6.__file__).parent.iterdir()
        if p.name.startswith("Qt") and p.suffix in {".so", ".pyd"}
    }
    assert installed, "no PySide6 modules found"
    known = set(rules.QT_MODULES_ALLOWED) | set(rules.QT_MODULES_EXCLUDED)
    assert installed <= known, f"decide keep or drop for: {sorted(installed - known)}"
    assert not set(rules.QT_MODULES_ALLOWED) & set(rules.QT_MODULES_EXCLUDED)


def test_app_imports_only_bundled_qt_modules() -> None:
    used: dict[str, set[str]] = {}
    for path in (ROOT / "desktop" / "plainview").rglob("*.py"):
        for module in _qt_imports(path.read_text(encoding="utf-8")):
            used.setdefault(module, set()).add(str(path.relative_to(ROOT)))
    assert "QtCore" in used
    extra = {m: files for m, files in used.items() if m not in rules.QT_MODULES_ALLOWED}
    assert not extra, f"Qt modules used but left out of the bundle: {extra}"


def test_qt_import_scanner_sees_all_forms() -> None:
    src = (
        "from PySide6 import QtGui, QtNetwork\nimport PySide6.QtQml\nfrom PySide6.QtPdf import X\n"
    )
    assert _qt_imports(src) == {"QtGui", "QtNetwork", "QtQml", "QtPdf"}


@pytest.mark.parametrize(
    ("dest", "dropped"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", True),
        ("PySide6/Qt/plugins/platforms/libqminimal.so", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", False),  # Windows wheel layout
        ("PySide6\\plugins\\platforms\\qdirect2d.dll", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", False),
        ("PySide6/Qt/lib/libQt6Charts.so.6", False),
        ("PySide6/Qt/lib/libQt6OpenGL.so.6", False),  # QtCharts links it
        ("PySide6/Qt/lib/libQt6Quick.so.6", True),
        ("PySide6/Qt/lib/libQt6Network.so.6", True),
        ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", True),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
        ("libQt6Qml.so.6", True),
        ("PySide6/Qt6Multimedia.dll", True),
        ("PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick", True),
        ("PySide6/QtCore.abi3.so", False),
        ("PySide6/QtCharts.abi3.so", False),
        ("PySide6/QtOpenGL.abi3.so", True),
        ("PySide6/QtNetwork.abi3.so", True),
        ("sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so", False),
        ("ijson/backends/_yajl2.cpython-311-x86_64-linux-gnu.so", False),
    ],
)
def test_drop_binary(dest: str, dropped: bool) -> None:
    assert rules.drop_binary(dest) is dropped


@pytest.mark.parametrize(
    ("dest", "dropped"),
    [
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", False),
        ("PySide6/Qt/translations/qt_zh_CN.qm", False),
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qtdeclarative_zh_CN.qm", True),
        ("PySide6/Qt/qml/QtQuick/qmldir", True),
        ("plainview_resources/i18n/plainview_zh_CN.qm", False),
        ("cryptography-50.0.2.dist-info/METADATA", False),
    ],
)
def test_drop_data(dest: str, dropped: bool) -> None:
    assert rules.drop_data(dest) is dropped


@pytest.mark.parametrize(
    ("src", "dropped"),
    [
        ("/r/resources/i18n/plainview_zh_CN.ts", True),
        ("/r/resources/i18n/plainview_zh_CN.qm", False),
        ("/r/resources/catalog/tiktok.en.toml", False),
        ("/r/resources/__pycache__/x.cpython-311.pyc", True),
        ("/r/resources/style/.plainview.qss.swp", True),
        ("/r/resources/sample/tiktok-sample.zip", False),
    ],
)
def test_drop_resource(src: str, dropped: bool) -> None:
    assert rules.drop_resource(src) is dropped


def test_python_excludes_cover_unused_qt_and_tools() -> None:
    excludes = rules.python_excludes()
    for name in ("PySide6.QtWebEngineCore", "PySide6.QtQml", "PySide6.QtNetwork", "tkinter"):
        assert name in excludes
    for name in rules.QT_MODULES_ALLOWED:
        assert f"PySide6.{name}" not in excludes


def test_prune_unreachable_keeps_only_what_kept_files_link() -> None:
    binaries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("libglib-2.0.so.0", "/usr/lib/libglib-2.0.so.0", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6", "BINARY"),
        # needed only by the GTK theme plugin, which the rules dropped before pruning
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
        ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
        ("libz.so.1", "/usr/lib/libz.so.1", "BINARY"),
    ]
    imports = {
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6", "libc.so.6"],
        "/src/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "/src/libQt6Core.so.6": ["libglib-2.0.so.0"],
        "/src/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/usr/lib/libgtk-3.so.0": ["libcairo.so.2"],
        "/usr/lib/libpython3.11.so.1.0": ["libz.so.1"],
    }
    kept = rules.prune_unreachable(binaries, lambda src: imports.get(src, []))
    names = {dest.rsplit("/", 1)[-1] for dest, _src, _t in kept}
    assert names == {
        "QtGui.abi3.so",
        "libQt6Gui.so.6",
        "libQt6Core.so.6",
        "libglib-2.0.so.0",
        "libqxcb.so",
        "libQt6XcbQpa.so.6",
        "libpython3.11.so.1.0",
        "libz.so.1",
    }


def test_drop_dangling_symlinks() -> None:
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY")]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
        ("plainview_resources/icons/x.svg", "/r/x.svg", "DATA"),
    ]
    kept = rules.drop_dangling_symlinks(datas, binaries)
    assert [d for d, _s, _t in kept] == ["libQt6Core.so.6", "plainview_resources/icons/x.svg"]
