"""Human names for a platform's fields and its table columns per category, read from data.

``resources/tables/<platform>.toml`` holds, per platform, every known field (the item keys that
hold it in any export generation, an English and a Chinese label, an optional unit and an
explanation for ids) and each category's columns. Keeping it as data, one file per platform,
lets a platform plug-in bring its own later. No Qt here: the GUI, reports and tests share it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final

from plainview.resources import read_text

#: Pseudo fields: the record's time, the chat a message sits in, where in the export, all of it.
PSEUDO: Final = frozenset({"time", "chat", "source", "content"})
_KINDS: Final = frozenset({"text", "link", "time", "number"})


def norm_key(key: str) -> str:
    """Keys compared without case, spaces or punctuation: ``SearchTerm`` = ``Search Term``."""
    return re.sub(r"[^0-9a-z]", "", key.casefold())


def humanize(key: str) -> str:
    """A readable label for a key no table names: ``videosWatchedToTheEnd`` → ``Videos
    watched to the end``, ``order_status`` → ``Order status``; acronyms stay (``UID``)."""
    text = re.sub(r"[_:]+", " ", key).strip()
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", text)
    words = text.split()
    if not words:
        return key
    out = [w if w.isupper() else w.lower() for w in words]
    first = out[0]
    out[0] = first if first.isupper() else first[:1].upper() + first[1:]
    return " ".join(out)


def _lang(lang: str) -> str:
    return "zh_CN" if lang.startswith("zh") else "en"


@dataclass(frozen=True)
class FieldDef:
    """One kind of value: its id, the keys that hold it, labels, unit and explanation."""

    id: str
    keys: tuple[str, ...] = ()  # normalized
    kind: str = "text"
    labels: Mapping[str, str] = field(default_factory=dict)
    units: Mapping[str, str] = field(default_factory=dict)
    tips: Mapping[str, str] = field(default_factory=dict)

    def label(self, lang: str = "en") -> str:
        """The label in ``lang`` (English when missing), with its unit: ``Rating (stars)``."""
        lg = _lang(lang)
        text = self.labels.get(lg) or self.labels.get("en") or humanize(self.id)
        unit = self.units.get(lg) or self.units.get("en")
        if not unit:
            return text
        return f"{text}（{unit}）" if lg == "zh_CN" else f"{text} ({unit})"

    def tip(self, lang: str = "en") -> str:
        lg = _lang(lang)
        return self.tips.get(lg) or self.tips.get("en") or ""

    @property
    def is_time(self) -> bool:
        return self.id == "time"


@dataclass(frozen=True)
class CategoryTable:
    """A category's columns (field definitions in order), or one row per field."""

    category: str
    columns: tuple[FieldDef, ...] = ()
    field_rows: bool = False


class PlatformTables:
    """Every field and category table of one platform."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.fields: dict[str, FieldDef] = {}
        for fid, spec in dict(data.get("fields", {})).items():
            kind = str(spec.get("kind", "text"))
            if kind not in _KINDS:
                raise ValueError(f"field {fid}: unknown kind {kind!r}")
            self.fields[fid] = FieldDef(
                id=fid,
                keys=tuple(norm_key(str(k)) for k in spec.get("keys", ())),
                kind=kind,
                labels={lg: str(spec[lg]) for lg in ("en", "zh_CN") if lg in spec},
                units={
                    lg: str(spec[f"unit_{lg}"]) for lg in ("en", "zh_CN") if f"unit_{lg}" in spec
                },
                tips={lg: str(spec[f"tip_{lg}"]) for lg in ("en", "zh_CN") if f"tip_{lg}" in spec},
            )
        self.tables: dict[str, CategoryTable] = {}
        for category, spec in dict(data.get("categories", {})).items():
            columns = []
            for fid in spec.get("columns", ()):
                if fid not in self.fields:
                    raise ValueError(f"{category}: unknown field {fid!r}")
                columns.append(self.fields[fid])
            self.tables[category] = CategoryTable(
                category, tuple(columns), field_rows=spec.get("rows") == "fields"
            )
        self._by_key: dict[str, FieldDef] = {}
        for fdef in self.fields.values():
            for key in fdef.keys:
                self._by_key.setdefault(key, fdef)

    def table(self, category: str) -> CategoryTable | None:
        return self.tables.get(category)

    def field(self, field_id: str) -> FieldDef:
        return self.fields[field_id]

    def field_for(self, category: str, key: str) -> FieldDef | None:
        """The field a raw item key holds in this category: the category's own columns
        first (``comment`` is the message of a direct message), then any field."""
        norm = norm_key(key)
        table = self.tables.get(category)
        if table is not None:
            for fdef in table.columns:
                if norm in fdef.keys:
                    return fdef
        return self._by_key.get(norm)

    def label_for(self, category: str, key: str, lang: str = "en") -> str:
        fdef = self.field_for(category, key)
        return fdef.label(lang) if fdef is not None else humanize(key)

    def tip_for(self, category: str, key: str, lang: str = "en") -> str:
        fdef = self.field_for(category, key)
        return fdef.tip(lang) if fdef is not None else ""


def platform_of(category: str) -> str:
    return category.split(".", 1)[0] if "." in category else category


@lru_cache(maxsize=8)
def load_tables(platform: str = "tiktok") -> PlatformTables:
    """The tables of one platform (``resources/tables/<platform>.toml``); empty when the
    platform ships none."""
    if not re.fullmatch(r"[a-z0-9_]+", platform):
        return PlatformTables({})
    try:
        text = read_text("tables", f"{platform}.toml")
    except (FileNotFoundError, OSError):
        return PlatformTables({})
    return PlatformTables(tomllib.loads(text))


def tables_for(category: str) -> PlatformTables:
    return load_tables(platform_of(category))
