"""The left pane of a category: the catalog's plain-language explanation.

What this is · Why TikTok says it collects it (each purpose with its source as a small link that
opens the citation in the user's browser, on click only) · legal basis and the policy's own entry
name · "Reading: ours" where linking the data to the purpose is Plainview's reading · who it is
shared with · how long it is kept · what you can do · which policy is used. Text taken from
another region's policy, where the user's own says nothing, comes after its label ("The U.S.
policy says nothing specific here. The text that follows is from the EEA policy."), the same
as in ``plainview explain``.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)


def _text(value: Any) -> str:
    """A catalog field as text: strings as they are, lists joined, None empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Iterable):
        return "\n".join(_text(v) for v in value)
    return str(value)


def _steps(value: Any) -> list[str]:
    """``control`` as a list of steps (a list, or text with one step per line)."""
    if isinstance(value, str):
        lines = [ln.strip() for ln in value.splitlines() if ln.strip()]
        return [ln.lstrip("0123456789.-•) ").strip() or ln for ln in lines]
    if isinstance(value, Iterable):
        return [_text(v) for v in value if _text(v)]
    return []


def sensitivity_icon(widget: QWidget, level: str) -> QIcon:
    style = widget.style()
    pixmap = {
        "high": QStyle.StandardPixmap.SP_MessageBoxWarning,
        "medium": QStyle.StandardPixmap.SP_MessageBoxInformation,
    }.get(level, QStyle.StandardPixmap.SP_FileDialogInfoView)
    return style.standardIcon(pixmap)


def sensitivity_text(level: str) -> str:
    if level == "high":
        return QCoreApplication.translate("Sensitivity", "Most sensitive")
    if level == "medium":
        return QCoreApplication.translate("Sensitivity", "Sensitive")
    return QCoreApplication.translate("Sensitivity", "Less sensitive")


class SensitivityBadge(QWidget):
    """Icon + text label (never colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel(self)
        self.label = QLabel(self)
        self.label.setProperty("role", "sensitivity")
        self.label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)
        self._level = "low"

    def set_level(self, level: str, reason: str = "") -> None:
        self._level = level
        size = self.fontMetrics().height()
        self.icon.setPixmap(sensitivity_icon(self, level).pixmap(size, size))
        self.label.setText(sensitivity_text(level))
        self.setToolTip(reason)
        self.setAccessibleName(self.label.text())
        self.setProperty("level", level)


class ExplanationView(QScrollArea):
    # Test seam: tests replace this to see which URL would open.
    open_url: ClassVar[Callable[[QUrl], object]] = QDesktopServices.openUrl

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._expl: Any = None
        self._status = ""
        body = QWidget(self)
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(4, 4, 12, 4)
        self._layout.setSpacing(6)
        self.title = QLabel(body)
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.badge = SensitivityBadge(body)
        self.status = QLabel(body)
        self.status.setWordWrap(True)
        self.status.setProperty("role", "notice")
        self.facts_heading = QLabel(body)
        fact_font = self.facts_heading.font()
        fact_font.setBold(True)
        self.facts_heading.setFont(fact_font)
        self.facts_heading.setWordWrap(True)
        self.facts = QLabel(body)
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setProperty("role", "facts")
        self._facts: list[str] = []
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.badge)
        self._layout.addWidget(self.status)
        self._layout.addSpacing(6)
        self._layout.addWidget(self.facts_heading)
        self._layout.addWidget(self.facts)
        self._sections: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("what", "why", "shared", "retention", "control", "policy"):
            heading = QLabel(body)
            heading.setProperty("role", "heading")
            hfont = heading.font()
            hfont.setBold(True)
            heading.setFont(hfont)
            heading.setWordWrap(True)
            content = QLabel(body)
            content.setWordWrap(True)
            content.setTextFormat(Qt.TextFormat.RichText)
            content.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextBrowserInteraction
                if key in ("why", "control")
                else Qt.TextInteractionFlag.TextSelectableByMouse
            )
            content.setOpenExternalLinks(False)
            content.linkActivated.connect(self._link_activated)
            content.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            self._layout.addSpacing(6)
            self._layout.addWidget(heading)
            self._layout.addWidget(content)
            self._sections[key] = (heading, content)
        self._layout.addStretch(1)
        self.setWidget(body)
        self.retranslate()

    # -- public ------------------------------------------------------------------------
    def show_explanation(self, explanation: Any, status: str = "") -> None:
        self._expl = explanation
        self._status = status
        self._fill()

    def set_facts(self, facts: list[str]) -> None:
        """Sentences about the user's own data in this category (``insights.facts_for``)."""
        self._facts = list(facts)
        self.facts.setText(
            "<ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in self._facts) + "</ul>"
        )
        self.facts.setAccessibleName(" ".join(self._facts))
        self.facts_heading.setVisible(bool(self._facts))
        self.facts.setVisible(bool(self._facts))

    def fact_texts(self) -> list[str]:
        return list(self._facts)

    def clear(self) -> None:
        self._expl = None
        self._status = ""
        self.set_facts([])
        self._fill()

    def section_text(self, key: str) -> str:
        return self._sections[key][1].text()

    def retranslate(self) -> None:
        self.facts_heading.setText(self.tr("What your data shows"))
        names = {
            "what": self.tr("What this is"),
            "why": self.tr("Why TikTok says it collects it"),
            "shared": self.tr("Who it is shared with"),
            "retention": self.tr("How long it is kept"),
            "control": self.tr("What you can do"),
            "policy": self.tr("Which policy this comes from"),
        }
        for key, (heading, content) in self._sections.items():
            heading.setText(names[key])
            content.setAccessibleName(names[key])
        self._fill()

    # -- internals ---------------------------------------------------------------------
    def _fill(self) -> None:
        expl = self._expl
        self.status.setText(self._status)
        self.status.setVisible(bool(self._status))
        self.title.setVisible(expl is not None)
        self.badge.setVisible(expl is not None)
        for heading, content in self._sections.values():
            heading.setVisible(expl is not None)
            content.setVisible(expl is not None)
        if expl is None:
            self.title.clear()
            for _, content in self._sections.values():
                content.clear()
            return
        self.title.setText(_text(getattr(expl, "title", "")))
        self.badge.set_level(
            str(getattr(expl, "sensitivity", "low")), _text(getattr(expl, "sensitivity_reason", ""))
        )
        self._set("what", self._paragraphs(self._marked(expl, "what")))
        why = self._purposes(getattr(expl, "why", []) or [])
        note = _text(getattr(expl, "why_note", ""))
        if note:
            why += self._paragraphs(note)
        self._set("why", why)
        shared = self._statements(expl, "shared_with")
        self._set("shared", shared or self._paragraphs(self._marked(expl, "shared_with")))
        retention = self._statements(expl, "retention")
        self._set("retention", retention or self._paragraphs(self._marked(expl, "retention")))
        steps = _steps(self._marked(expl, "control"))
        control = self._statements(expl, "control", listed=True)
        if control:
            self._set("control", control)
        elif len(steps) > 1:
            items = "".join(f"<li>{html.escape(s)}</li>" for s in steps)
            self._set("control", f"<ol>{items}</ol>")
        else:
            self._set("control", self._paragraphs(steps[0] if steps else ""))
        links = self._source_links(getattr(expl, "control_sources", ()) or ())
        if links:
            self._sections["control"][1].setText(self._sections["control"][1].text() + links)
        name = _text(getattr(expl, "policy_name", ""))
        when = _text(getattr(expl, "policy_date", ""))
        policy = self.tr("{name}, dated {date}").format(name=name, date=when) if when else name
        fallback = getattr(expl, "fallback_fields", None) or set()
        policy = html.escape(policy)
        for note in getattr(expl, "notes", ()) or ():
            policy += "<br/>" + html.escape(_text(note))
        if fallback:
            policy += "<br/>" + html.escape(
                self.tr("Some parts are not translated yet and are shown in English.")
            )
        self._set("policy", policy)

    @staticmethod
    def _marked(expl: Any, name: str) -> str:
        marked = getattr(expl, "marked", None)
        if callable(marked):
            return str(marked(name))
        return _text(getattr(expl, name, ""))

    @staticmethod
    def _statements(expl: Any, name: str, listed: bool = False) -> str:
        """The statements of a field, each on its own; a label once before its run."""
        items_of = getattr(expl, "items", None)
        if not callable(items_of):
            return ""
        try:
            items = list(items_of(name))
        except KeyError:
            return ""
        marker = ""
        if name in (getattr(expl, "fallback_fields", None) or set()):
            marker = " " + _text(getattr(expl, "fallback_marker", ""))
        parts: list[str] = []
        previous: str | None = None
        for item in items:
            label = getattr(item, "label", None)
            text = html.escape(_text(getattr(item, "text", "")) + marker)
            if label and label != previous:
                text = f"<i>{html.escape(_text(label))}</i><br/>{text}"
            previous = label
            parts.append(text)
        if not parts:
            return ""
        if listed and len(parts) > 1:
            return "<ul>" + "".join(f"<li>{p}</li>" for p in parts) + "</ul>"
        return "".join(f"<p>{p}</p>" for p in parts)

    def _set(self, key: str, rich: str) -> None:
        self._sections[key][1].setText(rich)

    @staticmethod
    def _paragraphs(value: Any) -> str:
        text = _text(value).strip()
        if not text:
            return "—"
        parts = [p.strip() for p in text.split("\n\n") if p.strip()]
        return "".join(f"<p>{html.escape(p)}</p>" for p in parts)

    def _purposes(self, purposes: Iterable[Any]) -> str:
        source_word = self.tr("Source:")
        basis_word = self.tr("Legal basis:")
        blocks: list[str] = []
        for purpose in purposes:
            text = html.escape(_text(getattr(purpose, "text", purpose)))
            label = getattr(purpose, "borrowed_label", None)
            if label:
                text = f"<i>{html.escape(_text(label))}</i><br/>{text}"
            title = _text(getattr(purpose, "title", ""))
            block = f"<p><b>{html.escape(title)}</b><br/>{text}" if title else f"<p>{text}"
            quote = getattr(purpose, "quote", None)
            if quote:
                block += f"<br/><i>“{html.escape(_text(quote))}”</i>"
                translated = getattr(purpose, "quote_translation", None)
                if translated:
                    block += (
                        "<br/><small>"
                        + html.escape(self.tr("Translation: {text}").format(text=_text(translated)))
                        + "</small>"
                    )
            if getattr(purpose, "mapping_ours", False):
                block += (
                    "<br/><small>"
                    + html.escape(
                        self.tr(
                            "Reading: ours. Linking this data to this purpose is Plainview's "
                            "reading, not TikTok's words."
                        )
                    )
                    + "</small>"
                )
            source = getattr(purpose, "source", None)
            if isinstance(source, dict):
                title, url = _text(source.get("title")), _text(source.get("url"))
            else:
                title, url = _text(getattr(source, "title", "")), _text(getattr(source, "url", ""))
            section = _text(getattr(purpose, "section", ""))
            if url:
                label = title or self.tr("Source")
                if section:
                    label = f"{label} — {section}"
                block += (
                    f"<br/><small>{html.escape(source_word)} "
                    f"<a href='{html.escape(url, quote=True)}'>{html.escape(label)}</a></small>"
                )
            basis = getattr(purpose, "legal_basis", None)
            if basis:
                block += (
                    f"<br/><small>{html.escape(basis_word)} {html.escape(_text(basis))}</small>"
                )
                entry = getattr(purpose, "basis_entry", None)
                if entry:
                    entry_text = self.tr("Policy entry: “{entry}”").format(entry=_text(entry))
                    block += f"<br/><small>{html.escape(entry_text)}</small>"
            blocks.append(block + "</p>")
        return "".join(blocks) or "—"

    def _source_links(self, sources: Iterable[Any]) -> str:
        links = []
        for source in sources:
            url = _text(getattr(source, "url", ""))
            title = _text(getattr(source, "title", "")) or url
            if url:
                links.append(f"<a href='{html.escape(url, quote=True)}'>{html.escape(title)}</a>")
        if not links:
            return ""
        sources_word = self.tr("Sources:")
        return f"<p><small>{html.escape(sources_word)} " + " · ".join(links) + "</small></p>"

    def _link_activated(self, link: str) -> None:
        url = QUrl(link)
        if url.scheme() in ("http", "https"):
            type(self).open_url(url)
