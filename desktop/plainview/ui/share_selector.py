"""Private · Anonymized · Shared for one category, with one line saying what the choice means.

The widget only shows and reports the choice (``level_chosen(str)``); the category page writes
it through ``plainview.sharing.choices.set_share``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from plainview.model import SHARE_LEVELS


class ShareSelector(QWidget):
    level_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._level = "private"
        self.heading = QLabel(self)
        self.heading.setProperty("role", "heading")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for i, level in enumerate(SHARE_LEVELS):
            button = QRadioButton(self)
            self.group.addButton(button, i)
            self.buttons[level] = button
            row.addWidget(button)
        row.addStretch(1)
        self.meaning = QLabel(self)
        self.meaning.setWordWrap(True)
        self.meaning.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.meaning)
        self.heading.setBuddy(self.buttons["private"])
        self.buttons["private"].setChecked(True)
        self.group.idClicked.connect(self._clicked)
        self.retranslate()

    def set_category(self, title: str, level: str) -> None:
        self._title = title
        self.set_level(level)

    def set_level(self, level: str) -> None:
        self._level = level if level in SHARE_LEVELS else "private"
        self.buttons[self._level].setChecked(True)
        self._update_meaning()

    def level(self) -> str:
        return self._level

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Share level:"))
        names = {
            "private": self.tr("Private"),
            "anonymized": self.tr("Anonymized"),
            "shared": self.tr("Shared"),
        }
        for level, button in self.buttons.items():
            button.setText(names[level])
            button.setAccessibleName(self.tr("Share level: {level}").format(level=names[level]))
        self._update_meaning()

    def meaning_text(self, level: str) -> str:
        title = self._title or self.tr("this category")
        if level == "shared":
            return self.tr(
                "Shared: your share packages and reports include {title} exactly as imported."
            ).format(title=title)
        if level == "anonymized":
            return self.tr(
                "Anonymized: share packages and reports include {title} with names and ids "
                "replaced, IP addresses shortened, free text removed and times cut to the day."
            ).format(title=title)
        return self.tr(
            "Private: only you see {title}, on this computer. Share packages and reports leave "
            "this category out completely, not even the number of records."
        ).format(title=title)

    def _update_meaning(self) -> None:
        self.meaning.setText(self.meaning_text(self._level))
        self.meaning.setAccessibleName(self.meaning.text())

    def _clicked(self, button_id: int) -> None:
        level = SHARE_LEVELS[button_id]
        if level != self._level:
            self._level = level
            self._update_meaning()
            self.level_chosen.emit(level)
