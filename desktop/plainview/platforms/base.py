"""The Platform contract (DESIGN.md "Platforms"): what one platform plug-in gives. Qt-free.

A ``Platform`` is plain data plus pure functions:

- ``id`` (``"instagram"``) and ``name`` (``"Instagram"``), its ``categories`` (full ids with
  sensitivity and the English section label used for "missing" rows), and ``roots``: the top
  folder names of its layouts, so wrapper folders around them can be stripped;
- ``detect(members) -> Detection | None``: a score for a *normalised* member list
  (``plainview.platforms.members``); the registry asks every platform and the best score wins;
- ``parsers``: one per format and generation, each streaming ``plainview.model.Record``s from
  the export's member streams (``parse(files, log)``);
- ``fields``: which item keys are names, ids, free text, IPs, places, times and links
  (redaction reads these; unknown keys stay "remove");
- ``columns``: table columns per category; ``regions``: the policy versions it publishes and
  which countries each one covers.

TikTok's importer (``importers.tiktok_json`` / ``tiktok_txt``) fits the same shape: ``detect`` is
the name test of ``importers.registry.plan`` (its peek at a JSON file's first bytes moves into
``prescan``, which already refuses what is not JSON), ``prescan``/``parse`` are
``tiktok_json.prescan_steps``/``parse`` reading the one member ``ExportFiles`` names, and
``ParseLog`` keeps the very fields of ``importers.common.ParseState`` (schema, account,
warnings, sections, wrapper values), parameterised by the platform's categories instead of
``TIKTOK_CATEGORIES``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal, Protocol

from plainview.model import Record

if TYPE_CHECKING:
    from plainview.platforms.members import ExportFiles, MemberList

Sensitivity = Literal["low", "medium", "high"]
PolicyKey = Literal["eea", "us", "row"]
FieldRule = Literal["name", "id", "free_text", "ip", "place", "time", "link"]
FIELD_RULES: Final[tuple[FieldRule, ...]] = (
    "name",
    "id",
    "free_text",
    "ip",
    "place",
    "time",
    "link",
)


class Readable(Protocol):
    """A member stream: ``importers.archive.CountingReader`` is one."""

    def read(self, n: int = -1, /) -> bytes: ...


@dataclass(frozen=True)
class CategorySpec:
    """One category of a platform: ``id`` is the full public id (``instagram.logins``)."""

    id: str
    sensitivity: Sensitivity
    label: str  # English section label, for "missing" rows and messages ("Logins")
    single: bool = False  # one record when present and not empty (profile, settings ...)


def norm_key(key: str) -> str:
    """Field names compared without case, spaces or punctuation (``IP Address`` = ``ip_address``).

    NFC first, so a decomposed ``é`` matches; letters of any script are kept (``시간``).
    """
    s = unicodedata.normalize("NFC", key).casefold()
    return re.sub(r"[\s_\-:+&/().'’\u00a0]", "", s)


def _keyset(names: str) -> frozenset[str]:
    return frozenset(norm_key(n) for n in names.split("|") if n.strip())


@dataclass(frozen=True)
class FieldRules:
    """Which item keys (any case and punctuation, any of the listed languages) are what.

    Keys are given as ``"A | B | C"`` strings and kept normalised (``norm_key``). ``rule(key)``
    answers one key; a key none of the sets holds is ``None``: redaction then treats it as
    unknown (removed unless harmless), as it does today.
    """

    names: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    free_text: frozenset[str] = frozenset()
    ips: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    times: frozenset[str] = frozenset()
    links: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        *,
        names: str = "",
        ids: str = "",
        free_text: str = "",
        ips: str = "",
        places: str = "",
        times: str = "",
        links: str = "",
    ) -> FieldRules:
        return cls(
            names=_keyset(names),
            ids=_keyset(ids),
            free_text=_keyset(free_text),
            ips=_keyset(ips),
            places=_keyset(places),
            times=_keyset(times),
            links=_keyset(links),
        )

    def rule(self, key: str) -> FieldRule | None:
        k = norm_key(key)
        # order matters where a word is in two sets: an IP beats a place, an id beats a name
        for rule, keys in (
            ("ip", self.ips),
            ("id", self.ids),
            ("time", self.times),
            ("link", self.links),
            ("name", self.names),
            ("place", self.places),
            ("free_text", self.free_text),
        ):
            if k in keys:
                return rule  # type: ignore[return-value]
        return None


@dataclass(frozen=True)
class Column:
    """A table column: an English header (translated by the UI) and where its value sits.

    ``keys`` are alternatives, tried in order; each is a path of item keys joined by ``.``
    (``string_map_data.IP Address.value``), compared with ``norm_key``, a list on the way
    standing for its first item; ``label:X`` finds the ``value`` of the ``label_values``
    entry labelled X, at any depth. No keys = the record's time (``value`` answers ``None``).
    """

    header: str
    keys: tuple[str, ...] = ()

    @property
    def is_time(self) -> bool:
        return not self.keys

    def value(self, fields: Any) -> Any:
        """The first non-empty value the alternatives find in ``fields`` (``None`` if none).

        A list met on the way stands for its first item; ``<source>`` and ``*`` are left to
        the caller (where the record sits, the whole item).
        """
        for key in self.keys:
            found = _lookup(fields, key)
            if found not in (None, "", [], {}):
                return found
        return None


def _lookup(fields: Any, key: str) -> Any:
    if key.startswith("label:"):
        want = norm_key(key[len("label:") :])
        return _label_value(fields, want, 0)
    node = fields
    for part in key.split("."):
        if isinstance(node, list):
            node = node[0] if node else None
        if not isinstance(node, dict):
            return None
        want = norm_key(part)
        node = next(
            (v for k, v in node.items() if isinstance(k, str) and norm_key(k) == want), None
        )
    if isinstance(node, list) and node and not isinstance(node[0], dict | list):
        return node[0] if len(node) == 1 else node
    return node


def _label_value(node: Any, want: str, depth: int) -> Any:
    if depth > 6:
        return None
    if isinstance(node, dict):
        label = node.get("label")
        if isinstance(label, str) and norm_key(label) == want and "value" in node:
            return node["value"]
        node = list(node.values())
    if isinstance(node, list):
        for item in node:
            if isinstance(item, dict | list):
                found = _label_value(item, want, depth + 1)
                if found is not None:
                    return found
    return None


@dataclass(frozen=True)
class PolicyRegion:
    """One regional version of a platform's privacy policy (DESIGN.md: eea | us | row)."""

    key: PolicyKey
    name: str
    date: str
    controller: str
    countries: frozenset[str] = frozenset()  # ISO 3166 alpha-2; empty = everyone else


def policy_for_region(regions: Sequence[PolicyRegion], region_code: str | None) -> PolicyKey:
    """The region whose countries hold ``region_code``; else the one without countries."""
    code = (region_code or "").strip().upper()
    fallback: PolicyKey = "row"
    for r in regions:
        if code and code in r.countries:
            return r.key
        if not r.countries:
            fallback = r.key
    return fallback


@dataclass(frozen=True)
class Detection:
    """A detector's verdict: the platform, its format and generation, and how sure (0..1)."""

    platform: str
    name: str  # display name, for "this looks like a ... export"
    format: str  # json | html | txt | csv | js
    schema: str  # the generation label the platform documents
    score: float
    supported: bool = True


class Parser(Protocol):
    """Streams the records of one format and generation of one platform.

    Two passes, as TikTok's importer runs today: ``prescan`` before the vault is touched
    (checks what can be checked up front, sets ``log.schema``, ``log.format`` and
    ``log.account``, which the import row needs; yields the section it is at, for progress;
    raises ``ArchiveRejected``), then ``parse`` streams the records. A refusal during
    ``parse`` is still possible (a page broken half-way): the import service rolls back.
    """

    @property
    def format(self) -> str: ...

    @property
    def schema(self) -> str: ...

    def prescan(self, files: ExportFiles, log: ParseLog) -> Iterator[str]: ...

    def parse(self, files: ExportFiles, log: ParseLog) -> Iterator[Record]: ...


@dataclass
class SectionInfo:
    """Where a section sits, its category, ``imported | empty | missing | unrecognized``."""

    path: str
    category: str
    status: str
    count: int = 0


@dataclass
class ParseLog:
    """What a parse learned besides the records (``importers.common.ParseState``, per platform).

    ``media_files`` / ``media_bytes``: photos and videos listed as records whose bytes were not
    read (the import result reports them as left out unless the user asks for media).
    """

    categories: Sequence[CategorySpec]
    unrecognized: str
    schema: str = ""
    format: str = ""
    account: str | None = None
    warnings: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    sections: dict[str, SectionInfo] = field(default_factory=dict)
    wrapper_values: dict[str, dict[str, Any]] = field(default_factory=dict)
    progress: Callable[[float, str], None] | None = None
    media_files: int = 0
    media_bytes: int = 0

    @classmethod
    def for_platform(cls, platform: Platform) -> ParseLog:
        return cls(platform.categories, platform.unrecognized)

    def section(self, path: str, category: str) -> SectionInfo:
        info = self.sections.get(path)
        if info is None:
            status = "unrecognized" if category == self.unrecognized else "empty"
            info = SectionInfo(path, category, status)
            self.sections[path] = info
        return info

    def count(self, info: SectionInfo, n: int = 1) -> None:
        info.count += n
        if info.category != self.unrecognized:
            info.status = "imported"

    def keep_wrapper(self, path: str, values: dict[str, Any]) -> None:
        """Keep the scalar siblings of a section's content (never dropped, never records)."""
        if values:
            self.wrapper_values.setdefault(path, {}).update(values)

    def warn(self, code: str, **values: Any) -> None:
        if (code, values) not in self.warnings:
            self.warnings.append((code, values))

    def finish(self) -> list[SectionInfo]:
        """All sections seen, plus one "missing" row per category nothing was found for."""
        seen = {s.category for s in self.sections.values()}
        rows = list(self.sections.values())
        for cat in self.categories:
            if cat.id != self.unrecognized and cat.id not in seen:
                rows.append(SectionInfo(cat.label, cat.id, "missing"))
        return rows


Detector = Callable[["MemberList"], Detection | None]


@dataclass(frozen=True)
class Platform:
    """One platform plug-in (see the module docstring). Immutable; build one per module."""

    id: str
    name: str
    categories: tuple[CategorySpec, ...]
    roots: frozenset[str]
    detect: Detector
    parsers: tuple[Parser, ...]
    fields: FieldRules
    columns: Mapping[str, tuple[Column, ...]] = field(default_factory=lambda: MappingProxyType({}))
    regions: tuple[PolicyRegion, ...] = ()

    def __post_init__(self) -> None:
        ids = [c.id for c in self.categories]
        if len(set(ids)) != len(ids):
            raise ValueError(f"{self.id}: a category id is listed twice")
        for cid in ids:
            if not cid.startswith(self.id + "."):
                raise ValueError(f"{self.id}: category {cid} lacks the platform prefix")
        if self.unrecognized not in ids:
            raise ValueError(f"{self.id}: {self.unrecognized} is missing")
        if not isinstance(self.columns, MappingProxyType):
            object.__setattr__(self, "columns", MappingProxyType(dict(self.columns)))

    @property
    def unrecognized(self) -> str:
        return f"{self.id}.unrecognized"

    @property
    def media(self) -> str:
        return f"{self.id}.media"

    @property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.categories)

    def category(self, category_id: str) -> CategorySpec:
        for c in self.categories:
            if c.id == category_id:
                return c
        raise KeyError(category_id)

    def parser(self, fmt: str, schema: str) -> Parser:
        for p in self.parsers:
            if p.format == fmt and p.schema == schema:
                return p
        raise KeyError((fmt, schema))

    def policy_for_region(self, region_code: str | None) -> PolicyKey:
        return policy_for_region(self.regions, region_code)
