"""Qt translations: install every ``plainview_*_<lang>.qm`` shipped in ``resources/i18n``
plus Qt's own (standard buttons) for the chosen language, and re-install them when the
language changes. The .ts/.qm files are made by ``tools/i18n.py``."""

from __future__ import annotations

import logging
from typing import Final

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTranslator,
    Slot,
)
from PySide6.QtWidgets import QApplication

from plainview.resources import resource
from plainview.ui.context import AppContext

log = logging.getLogger(__name__)

#: UI languages Plainview ships (the source strings are English).
UI_LANGUAGES: Final = ("en", "zh_CN")


def system_language() -> str:
    """The shipped language closest to the system's: Chinese → zh_CN, else English."""
    for name in QLocale.system().uiLanguages():
        lang = name.replace("-", "_")
        if lang.startswith("zh"):
            return "zh_CN"
        if lang.startswith("en"):
            return "en"
    return "en"


def resolve_language(preference: str) -> str:
    """``"system"`` → the system's language; unknown values → English."""
    if preference == "system":
        return system_language()
    return preference if preference in UI_LANGUAGES else "en"


def qm_files(lang: str) -> list[str]:
    """Names of Plainview's compiled translations for ``lang``."""
    folder = resource("i18n")
    if not folder.is_dir():
        return []
    suffix = f"_{lang}.qm"
    return sorted(
        f.name
        for f in folder.iterdir()
        if f.name.startswith("plainview_") and f.name.endswith(suffix)
    )


def follow_default_locale() -> None:
    """Give every open window the new default locale.

    ``QLocale.setDefault()`` only reaches widgets created after it: an existing widget keeps
    the locale it was made with, so dates and numbers (``widget.locale()``) would stay in the
    old language. A window that did not choose its own locale takes the default again, and Qt
    hands it on to its children (with a ``LocaleChange`` event each)."""
    app = QCoreApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in app.topLevelWidgets():
        if not widget.testAttribute(Qt.WidgetAttribute.WA_SetLocale):
            widget.unsetLocale()


class Translations(QObject):
    """Owns the installed QTranslators; follows ``ctx.language_changed``.

    Connect it before the screens connect theirs (the composition root creates it first), so
    that by the time a screen's ``retranslate()`` runs the new catalogue is in place."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._installed: list[QTranslator] = []
        # QTranslator.load(bytes) does not copy: the buffers must outlive the translators.
        self._buffers: list[bytes] = []
        self.install(ctx.lang)
        ctx.language_changed.connect(self.install)

    @property
    def loaded(self) -> int:
        return len(self._installed)

    @Slot(str)
    def install(self, lang: str) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        self._buffers = []
        QLocale.setDefault(QLocale(lang if lang != "en" else "en_US"))
        follow_default_locale()
        if lang == "en":
            return
        for name in qm_files(lang):
            translator = QTranslator(self)
            data = resource("i18n", name).read_bytes()
            if translator.load(data):
                self._buffers.append(data)
                self._installed.append(translator)
            else:
                log.warning("could not load translation %s", name)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(self)
        if translator.load(QLocale(lang), "qtbase", "_", qt_dir):
            self._installed.append(translator)
        for translator in self._installed:
            app.installTranslator(translator)
