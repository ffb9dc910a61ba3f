"""What goes into the PyInstaller bundle and what stays out — one place for the spec,
``build.py`` and the tests.

Plainview uses these Qt modules from Python: QtCore, QtGui, QtWidgets, QtCharts, QtSvg (and the
small QtSvgWidgets / QtPrintSupport if a screen needs them). PyInstaller's Qt hooks collect every
plugin of each plugin *type* those modules use (every platform, every image format, ...), and
through them libraries such as QtPdf, QtQuick or QtVirtualKeyboard. The rules below drop those.
Paths are the destination names inside the bundle, e.g.
``PySide6/Qt/plugins/platforms/libqxcb.so``; comparisons ignore case and the OS separator.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import PurePath

#: Qt modules the app may import from Python. Everything else under PySide6 is excluded.
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtCharts", "QtSvg")
QT_MODULES_ALLOWED = (*QT_MODULES_USED, "QtSvgWidgets", "QtPrintSupport")

#: Every PySide6 Python module of 6.x that Plainview does not use (checked by a test against
#: the installed PySide6, so a new Qt release cannot slip a module in unnoticed).
QT_MODULES_EXCLUDED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtConcurrent", "QtDBus",
    "QtDataVisualization", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp",
    "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimedia", "QtMultimediaWidgets",
    "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf",
    "QtPdfWidgets", "QtPositioning", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest",
    "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
    "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest", "QtTextToSpeech",
    "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
    "QtWebSockets", "QtWebView", "QtXml",
)  # fmt: skip

#: Standard-library and tool packages that must never ride along.
OTHER_EXCLUDES = (
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc_data",
    "test", "unittest.test", "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff",
    "PyInstaller", "setuptools", "pip", "numpy", "PyQt5", "PyQt6", "PySide2",
)  # fmt: skip

#: Native Qt libraries that must not be in the bundle (name fragments after "Qt6").
QT_LIBS_FORBIDDEN = (
    "WebEngine", "Quick", "Qml", "3D", "Multimedia", "Network", "Pdf", "VirtualKeyboard",
    "WaylandCompositor", "Designer", "Bluetooth", "Positioning", "Location", "Sql", "Test",
    "WebChannel", "WebSockets", "WebView", "SpatialAudio", "TextToSpeech", "Graphs",
    "DataVisualization", "ShaderTools", "Sensors", "SerialPort", "SerialBus", "Nfc",
    "RemoteObjects", "Scxml", "StateMachine", "Help",
)  # fmt: skip

# Plugins kept, per plugin type (file name stems without the "lib"/"q" noise; a regex on the
# file name). Types not listed are dropped whole (generic, egldeviceintegrations, tls,
# networkinformation, sqldrivers, multimedia, qmltooling, position, ...).
_KEEP_PLUGINS: dict[str, str] = {
    # X11, Wayland, headless (self-test, CI); Windows and macOS natives.
    "platforms": r"(qxcb|qwayland|qoffscreen|qwindows|qcocoa)",
    # the portal theme gives native file dialogs in Flatpak; gtk3 would drag GTK into the bundle
    "platformthemes": r"qxdgdesktopportal",
    # compose keys and IBus (Chinese and other input methods); not the QML virtual keyboard
    "platforminputcontexts": r"(compose|ibus)",
    "imageformats": r"(qsvg|qjpeg|qgif|qico|qwebp|qicns)",
    "iconengines": r"qsvgicon",
    "xcbglintegrations": r".",
    "wayland-decoration-client": r".",
    "wayland-shell-integration": r"xdg-shell",
    "wayland-graphics-integration-client": r"wayland-egl",
    "styles": r"(qmodernwindowsstyle|qwindowsvistastyle|qmacstyle)",
}


def _norm(dest: str) -> str:
    return dest.replace("\\", "/")


def _plugin(dest: str) -> tuple[str, str] | None:
    """(plugin type, file name) for a Qt plugin destination, else None."""
    parts = _norm(dest).split("/")
    if "plugins" in parts:
        i = parts.index("plugins")
        # PySide6/Qt/plugins/<type>/<file> (Linux, macOS); PySide6/plugins/... (Windows)
        if i >= 1 and parts[i - 1] in {"Qt", "PySide6"} and len(parts) == i + 3:
            return parts[i + 1], parts[i + 2]
    return None


def _forbidden_qt_lib(name: str) -> bool:
    m = re.match(r"(?:lib)?Qt6([A-Za-z0-9]+?)(?:\.so.*|\.dll|\.dylib)?$", name)
    if m is None:
        m = re.match(r"Qt([A-Za-z0-9]+)$", name)  # macOS frameworks: QtQuick.framework/...
    if m is None:
        return False
    module = m.group(1)
    return any(module.startswith(bad) for bad in QT_LIBS_FORBIDDEN)


def drop_binary(dest: str) -> bool:
    """True when a collected binary (destination name in the bundle) is not wanted."""
    plugin = _plugin(dest)
    if plugin is not None:
        kind, name = plugin
        keep = _KEEP_PLUGINS.get(kind)
        return keep is None or re.search(keep, name) is None
    parts = PurePath(_norm(dest)).parts
    if any(_forbidden_qt_lib(p.split(".framework")[0]) for p in parts):
        return True
    name = parts[-1]
    # Python extension modules of excluded PySide6 modules.
    stem = name.split(".")[0]
    return len(parts) >= 2 and parts[-2] == "PySide6" and stem in QT_MODULES_EXCLUDED


def drop_data(dest: str) -> bool:
    """True when a collected data file is not wanted (Qt translations other than zh_CN,
    QML files, plugin metadata of dropped plugins)."""
    norm = _norm(dest)
    parts = norm.split("/")
    if "translations" in parts and "Qt" in parts:
        # The app ships English and Simplified Chinese; Qt's own strings only for zh_CN.
        return not re.search(r"^(qt|qtbase)_zh_CN\.qm$", parts[-1])
    if "qml" in parts and "Qt" in parts:
        return True
    return _plugin(dest) is not None and drop_binary(dest)


def drop_resource(src: str) -> bool:
    """True for files under resources/ that are for developers only (translation sources,
    caches, editor backups)."""
    name = PurePath(src).name
    return (
        name.endswith((".ts", ".pyc", "~", ".orig", ".rej"))
        or "__pycache__" in PurePath(src).parts
        or name.startswith(".")
    )


def python_excludes() -> list[str]:
    return [f"PySide6.{m}" for m in QT_MODULES_EXCLUDED] + list(OTHER_EXCLUDES)


def _base(name: str) -> str:
    return _norm(name).rsplit("/", 1)[-1]


def _is_root(dest: str, typecode: str) -> bool:
    base = _base(dest)
    return (
        typecode == "EXTENSION"
        or _plugin(dest) is not None
        or base.startswith(("libpython", "python3", "Python"))
    )


def prune_unreachable(
    binaries: list[tuple[str, str, str]],
    imports_of: Callable[[str], Iterable[str]],
) -> list[tuple[str, str, str]]:
    """Drop libraries that only the dropped plugins needed.

    PyInstaller resolves the libraries of *every* collected plugin before the spec can filter
    them, so after dropping e.g. the GTK platform theme its Cairo/Pango/GTK dependencies would
    still ride along. Keep only what the Python extension modules, the kept plugins and the
    Python runtime reach through their link-time imports (``imports_of(src)`` gives the
    imported library names). Entries are PyInstaller TOC tuples ``(dest, src, typecode)``.
    """
    by_base: dict[str, list[tuple[str, str, str]]] = {}
    for entry in binaries:
        by_base.setdefault(_base(entry[0]), []).append(entry)
    reached: set[str] = set()
    done: set[tuple[str, str, str]] = set()
    todo = [e for e in binaries if _is_root(e[0], e[2])]
    while todo:
        entry = todo.pop()
        if entry in done:
            continue
        done.add(entry)
        reached.add(_base(entry[0]))
        if entry[2] == "SYMLINK":
            continue
        for name in imports_of(entry[1]):
            todo.extend(by_base.get(_base(name), []))
    return [e for e in binaries if _is_root(e[0], e[2]) or _base(e[0]) in reached]


def drop_dangling_symlinks(
    datas: list[tuple[str, str, str]], binaries: list[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """PyInstaller records the top-level links to Qt's libraries as SYMLINK entries among the
    data files; drop those whose target was dropped above."""
    kept = {_norm(e[0]) for e in binaries} | {_norm(e[0]) for e in datas if e[2] != "SYMLINK"}
    out = []
    for entry in datas:
        dest, src, typecode = entry
        if typecode == "SYMLINK":
            parent = PurePath(_norm(dest)).parent
            target = posixpath.normpath((parent / _norm(src)).as_posix())
            if target not in kept:
                continue
        out.append(entry)
    return out
