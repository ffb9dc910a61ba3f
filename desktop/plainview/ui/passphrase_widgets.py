"""Small widgets shared by the first-run and unlock pages: a passphrase field with a
show/hide toggle, and a local strength meter (zxcvbn, entirely offline)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QAction, QFont, QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QToolButton, QWidget

from plainview.ui.icons import eye_icon

#: Passphrases shorter than this are refused.
MIN_LENGTH = 8
#: zxcvbn's score (0–4) a new passphrase needs.
MIN_SCORE = 2
_SCORED_PREFIX = 100  # zxcvbn gets slow on very long input; the prefix decides anyway
_CONTEXT_WORDS = ["plainview", "tiktok", "vault", "passphrase", "password"]


def recovery_code_label(parent: QWidget) -> QLabel:
    """The label a recovery code is shown in (first run, re-encrypt): large fixed-width type,
    centred, styled by the ``code`` role in the style sheet. Not selectable: Ctrl+C would
    bypass the Copy button's secret-marked clipboard that is cleared after a minute."""
    label = QLabel(parent)
    label.setProperty("role", "code")
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def strength(passphrase: str) -> int:
    """0 (very weak) … 4 (strong), computed locally."""
    if not passphrase:
        return 0
    try:
        from zxcvbn import zxcvbn
    except ImportError:  # pragma: no cover - zxcvbn is a declared dependency
        classes = sum(
            any(test(c) for c in passphrase)
            for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
        )
        return max(0, min(4, len(passphrase) // 5 + classes - 2))
    result = zxcvbn(passphrase[:_SCORED_PREFIX], user_inputs=_CONTEXT_WORDS)
    return int(result["score"])


def acceptable(passphrase: str) -> bool:
    return len(passphrase) >= MIN_LENGTH and strength(passphrase) >= MIN_SCORE


class PassphraseField(QLineEdit):
    """A password-mode line edit with a trailing "show" toggle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setClearButtonEnabled(False)
        self._toggle = QAction(self)
        self._toggle.setCheckable(True)
        self._toggle.setIcon(eye_icon())
        self._toggle.toggled.connect(self._on_toggled)
        self.addAction(self._toggle, QLineEdit.ActionPosition.TrailingPosition)
        self.retranslate()

    @property
    def reveal_action(self) -> QAction:
        return self._toggle

    def retranslate(self) -> None:
        self._toggle.setText(self.tr("Show passphrase"))
        self._toggle.setToolTip(self.tr("Show or hide the passphrase"))
        for button in self.findChildren(QToolButton):  # the action's button inside the field
            button.setAccessibleName(self.tr("Show passphrase"))

    @Slot(bool)
    def _on_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.setEchoMode(mode)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._toggle.setIcon(eye_icon())

    def take(self) -> str:
        """Return the text and clear the field at once (SECURITY.md: clear right after use)."""
        text = self.text()
        self.clear()
        self._toggle.setChecked(False)
        return text


class StrengthMeter(QWidget):
    """A bar plus a word ("Weak", "Good", …): never colour alone."""

    changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bar = QProgressBar(self)
        self._bar.setRange(0, 4)
        self._bar.setTextVisible(False)
        self._bar.setMaximumHeight(8)
        self._label = QLabel(self)
        self._label.setProperty("role", "hint")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._bar, 1)
        layout.addWidget(self._label)
        self._score = 0
        self._length = 0
        self.retranslate()

    @property
    def score(self) -> int:
        return self._score

    @property
    def text(self) -> str:
        return self._label.text()

    def update_for(self, passphrase: str) -> None:
        self._length = len(passphrase)
        self._score = strength(passphrase)
        self._bar.setValue(self._score if passphrase else 0)
        self.retranslate()
        self.changed.emit(self._score)

    def check(self, first: str, second: str) -> str:
        """Show the strength of ``first``; return what still keeps the pair from being
        accepted, in one plain sentence ("" when there is nothing to say yet)."""
        self.update_for(first)
        if first and len(first) < MIN_LENGTH:
            return self.tr("Use at least %n characters.", "", MIN_LENGTH)
        if first and not acceptable(first):
            return self.tr("Add more words or characters: this one is easy to guess.")
        if second and first != second:
            return self.tr("The two passphrases are not the same yet.")
        return ""

    def retranslate(self) -> None:
        if self._length == 0:
            text = self.tr("Strength: –")
        elif self._length < MIN_LENGTH:
            text = self.tr("Too short")
        else:
            text = [
                self.tr("Very weak"),
                self.tr("Weak"),
                self.tr("Fair"),
                self.tr("Good"),
                self.tr("Strong"),
            ][self._score]
        self._label.setText(text)
        self._bar.setAccessibleName(self.tr("Passphrase strength"))
        self._bar.setAccessibleDescription(text)
