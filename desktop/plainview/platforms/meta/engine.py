"""One parser for every Meta layout, driven by a platform's table of file rules.

A platform (Instagram, Facebook) lists ``FileRule``s: a path pattern (the tail of the member's
path, without its extension and without a ``_N`` part number, ``*`` standing for one folder,
a leading ``/`` anchoring it at the export's root), a category and a kind:

- ``list``: one record per list item (root list, or the lists under root keys); a file holding
  one record bare (an object with ``label_values`` / ``string_map_data`` ...) is one record;
- ``single``: the whole file is one record when not empty (a root key holding one object is
  unwrapped: ``{"profile_v2": {...}}`` -> the object; a list under it gives one per item);
- ``messages``: one record per message of a thread (``messages`` list of ``message_N``; 2018-20
  ``conversation`` lists); the thread's other keys are kept as wrapper values;
- ``events``: one record per event of each company (off-Meta activity), the company's own
  keys kept in each (``{"name": ..., "event": {...}}``);
- ``flat``: a 2018-20 root file whose keys are sections of their own (``rule.keys``); a map
  of user -> time gives one record per pair.

The most specific matching pattern wins (a literal file name before a wildcard, then
the most literal folders). Files no rule knows are kept: JSON and HTML pages as
``<platform>.unrecognized`` records (lists over ``PART_ITEMS`` items in ordered parts), other
files as one record each with their text (when short and UTF-8), except Meta's
``no-data.txt`` placeholders: an empty section, the sentence kept with the import's wrapper
values. Photos and videos become
``<platform>.media`` records (path, size, type, and the time when a post, story or message
names the file with its ``creation_timestamp``, or an HTML record shows it next to its
time); their bytes are not read.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from types import MappingProxyType
from typing import Any, Final, Literal

from plainview.importers.common import is_empty
from plainview.model import Record
from plainview.platforms.base import CategorySpec, ParseLog, SectionInfo
from plainview.platforms.members import Entry, ExportFiles
from plainview.platforms.meta import html
from plainview.platforms.meta.jsonread import slots
from plainview.platforms.meta.records import account_of, item_time, search_text, walk_labels
from plainview.platforms.meta.text import repair, repair_value
from plainview.platforms.meta.times import any_time, epoch, text_time, zone_named

Kind = Literal["list", "single", "messages", "events", "flat"]
PART_ITEMS: Final = 1000
MAX_TEXT_FILE: Final = 1024 * 1024
PLACEHOLDER: Final = "no-data.txt"  # Meta's stand-in for an empty section

MEDIA_TYPES: Final[Mapping[str, str]] = MappingProxyType(
    {
        ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg",
        ".png": "image/png",
        ".gif": "image/gif",
        ".webp": "image/webp",
        ".heic": "image/heic",
        ".bmp": "image/bmp",
        ".mp4": "video/mp4",
        ".mov": "video/quicktime",
        ".webm": "video/webm",
        ".3gp": "video/3gpp",
        ".m4a": "audio/mp4",
        ".mp3": "audio/mpeg",
        ".aac": "audio/aac",
        ".wav": "audio/wav",
        ".opus": "audio/opus",
        ".ogg": "audio/ogg",
    }
)
BARE_KEYS: Final = frozenset(
    {"label_values", "string_map_data", "string_list_data", "media_map_data"}
)
_PART_NO: Final = re.compile(r"_\d+$")
_DIGITS: Final = re.compile(r"(\d+)")


@dataclass(frozen=True)
class FileRule:
    pattern: str
    category: str  # the short name: "followers" -> "<platform>.followers"
    kind: Kind = "list"
    keys: Mapping[str, str] | None = None  # flat files: root key -> short category
    schemas: frozenset[str] | None = None  # generations it applies to (None: all)
    media_refs: bool = False  # items name media files (uri + creation_timestamp)

    def __post_init__(self) -> None:
        if self.keys is not None and not isinstance(self.keys, MappingProxyType):
            object.__setattr__(self, "keys", MappingProxyType(dict(self.keys)))

    def parts(self) -> tuple[bool, list[str]]:
        anchored = self.pattern.startswith("/")
        return anchored, self.pattern.strip("/").casefold().split("/")


def _stem(path: str) -> list[str]:
    base, _, _ext = path.rpartition(".") if "." in path.rsplit("/", 1)[-1] else (path, "", "")
    return _PART_NO.sub("", base.casefold()).split("/")


def match(rules: Sequence[FileRule], path: str, schema: str) -> FileRule | None:
    """The most specific rule for ``path`` in generation ``schema``."""
    segs = _stem(path)
    best: FileRule | None = None
    best_rank = (-1, -1, -1)
    for rule in rules:
        if rule.schemas is not None and schema not in rule.schemas:
            continue
        anchored, pat = rule.parts()
        if len(pat) > len(segs) or (anchored and len(pat) != len(segs)):
            continue
        tail = segs[len(segs) - len(pat) :]
        fits = all(p == "*" or p == s for p, s in zip(pat, tail, strict=True))
        # a literal file name beats a wildcard, then more literal folders, then length
        rank = (int(pat[-1] != "*"), sum(1 for p in pat if p != "*"), len(pat))
        if fits and rank > best_rank:
            best, best_rank = rule, rank
    return best


def _order(e: Entry) -> list[Any]:
    return [int(p) if p.isdigit() else p for p in _DIGITS.split(e.path.casefold())]


@dataclass(frozen=True)
class MetaParser:
    """Records of one Meta platform, one format, one generation (``base.Parser``)."""

    platform: str
    format: str  # json | html
    schema: str
    rules: tuple[FileRule, ...]
    labels: Mapping[str, str] = field(default_factory=dict)  # category id -> label

    def __post_init__(self) -> None:
        if not isinstance(self.labels, MappingProxyType):
            object.__setattr__(self, "labels", MappingProxyType(dict(self.labels)))

    def prescan(self, files: ExportFiles, log: ParseLog) -> Iterator[str]:
        """Before the vault: refuse oversized pages, read the profile for the account."""
        log.schema, log.format = self.schema, self.format
        run = _Run(self, files, log)
        profile = f"{self.platform}.profile"
        for entry in sorted(files.members, key=_order):
            if entry.suffix not in run.page_suffixes:
                continue
            rule = match(self.rules, entry.path, self.schema)
            label = run.label(run.cat(rule.category) if rule else run.unrec)
            if entry.suffix != ".json" and entry.size > html.MAX_PAGE_BYTES:
                raise html.too_large(label)
            if rule is not None and run.cat(rule.category) == profile and log.account is None:
                yield entry.path
                for rec in run.entry(entry):
                    log.account = log.account or account_of(rec.fields)
        log.sections.clear()  # the parse pass counts them again

    def parse(self, files: ExportFiles, log: ParseLog) -> Iterator[Record]:
        log.schema, log.format = self.schema, self.format
        run = _Run(self, files, log)
        yield from run.all()


class _Run:
    def __init__(self, parser: MetaParser, files: ExportFiles, log: ParseLog) -> None:
        self.p = parser
        self.files = files
        self.log = log
        self.unrec = f"{parser.platform}.unrecognized"
        self.media_cat = f"{parser.platform}.media"
        self.uri_times: dict[str, datetime] = {}
        self.page_suffixes = (".json",) if parser.format == "json" else (".html", ".htm")
        self.zone: tzinfo | None = None

    def cat(self, short: str) -> str:
        return f"{self.p.platform}.{short}"

    def label(self, category: str) -> str:
        return self.p.labels.get(category, category)

    def all(self) -> Iterator[Record]:
        if self.p.format == "html":
            self.find_zone()
        entries = sorted(self.files.members, key=_order)
        media = [e for e in entries if e.suffix in MEDIA_TYPES]
        others = [e for e in entries if e.suffix not in MEDIA_TYPES]
        total = max(len(others), 1)
        for n, entry in enumerate(others):
            if self.log.progress is not None:
                self.log.progress(n / total, entry.path)
            yield from self.entry(entry)
        for entry in media:
            yield self.media_record(entry)

    # -- one member ----------------------------------------------------------------------
    def entry(self, e: Entry) -> Iterator[Record]:
        suffix = e.suffix
        if suffix in (".json", ".html", ".htm"):
            rule = (
                match(self.p.rules, e.path, self.p.schema) if suffix in self.page_suffixes else None
            )
            if suffix == ".json":
                yield from self.json_file(e, rule)
            else:
                yield from self.html_file(e, rule)
            return
        yield from self.other_file(e)

    def record(self, category: str, item: Any, path: str, extra: str = "") -> Record:
        at = None
        if isinstance(item, dict) and isinstance(item.get("time"), str) and self.p.format == "html":
            at = text_time(item["time"], self.zone)  # an HTML footer, in the account's zone
        if at is None:
            at = item_time(item)
        return Record(category, at, item, path, search_text(item, extra))

    def find_zone(self) -> None:
        """The account's time zone, named once (``.../location/timezone``), for HTML times."""
        for e in self.files.members:
            if _stem(e.path)[-2:] != ["location", "timezone"] or e.suffix not in self.page_suffixes:
                continue
            with self.files.open(e) as stream:
                if e.suffix == ".json":
                    values = [repair_value(s.value) for s in slots(stream, "Location")]
                else:
                    values = list(html.records(stream, "Location", size=e.size))
            for _key, value in walk_labels(values):
                zone = zone_named(value)
                if zone is not None:
                    self.zone = zone
                    return

    def emit(
        self, info: SectionInfo, category: str, item: Any, path: str, extra: str = ""
    ) -> Record:
        self.log.count(info)
        if category == self.cat("profile") and self.log.account is None:
            self.log.account = account_of(item)
        return self.record(category, item, path, extra)

    def note_media(self, item: Any, depth: int = 0) -> None:
        if depth > 8:
            return
        if isinstance(item, dict):
            uri = item.get("uri") or item.get("path")  # 2018-20 media.json: path + taken_at
            if isinstance(uri, str):
                at = epoch(item.get("creation_timestamp")) or any_time(item.get("taken_at"))
                if at is not None:
                    self.uri_times.setdefault(uri.casefold(), at)
            for v in item.values():
                if isinstance(v, dict | list):
                    self.note_media(v, depth + 1)
        elif isinstance(item, list):
            for v in item:
                self.note_media(v, depth + 1)

    # -- JSON ------------------------------------------------------------------------------
    def json_file(self, e: Entry, rule: FileRule | None) -> Iterator[Record]:
        category = self.cat(rule.category) if rule else self.unrec
        section = self.label(category) if rule else self.label(self.unrec)
        with self.files.open(e) as stream:
            if rule is None:
                yield from self.unknown_json(e, slots(stream, section))
            elif rule.kind == "single":
                yield from self.single_json(e, rule, slots(stream, section))
            else:
                yield from self.list_json(e, rule, slots(stream, section))

    def list_json(self, e: Entry, rule: FileRule, it: Iterator[Any]) -> Iterator[Record]:
        default = self.cat(rule.category)
        whole: dict[str, Any] = {}
        bare = False
        thread_extra = ""
        unknown: dict[str, _Parts] = {}
        wrapper_lists: dict[str, list[Any]] = {}
        info_by_cat: dict[str, SectionInfo] = {}

        def info(cat: str, key: str | None = None) -> SectionInfo:
            # a flat file's keys and a file's unknown keys are sections of their own
            own = key is not None and (rule.kind == "flat" or cat == self.unrec)
            path = f"{e.path}:{key}" if own else e.path
            found = info_by_cat.get(path)
            if found is None:
                found = info_by_cat[path] = self.log.section(path, cat)
            return found

        if rule.kind != "flat":
            info(default)
        for slot in it:
            value = repair_value(slot.value)
            key = repair(slot.key) if slot.key is not None else None
            if rule.media_refs:
                self.note_media(value)
            if key is None:
                if slot.whole:  # a bare scalar or object as the whole file
                    if isinstance(value, dict):
                        yield from self.items(e, rule, default, value, info(default), thread_extra)
                    elif not is_empty(value):
                        yield self.emit(info(self.unrec, "value"), self.unrec, value, e.path)
                else:
                    yield from self.items(e, rule, default, value, info(default), thread_extra)
                continue
            target = self._target(rule, key, default)
            if rule.kind == "messages" and key != "messages":
                if slot.whole:
                    whole[key] = value
                    if key == "title" and isinstance(value, str):
                        thread_extra = value
                else:
                    wrapper_lists.setdefault(key, []).append(value)
                continue
            if slot.whole:
                if key in BARE_KEYS:
                    bare = True
                    whole[key] = value
                elif isinstance(value, list):  # a bare record's media, attachments ...
                    whole[key] = value
                elif isinstance(value, dict) and target is not None:
                    if rule.kind == "flat":
                        for k, v in value.items():
                            pair = {k: v}
                            rec = self.emit(info(target, key), target, pair, f"{e.path}:{key}")
                            if rec.occurred_at is None:
                                rec = Record(
                                    rec.category, any_time(v), pair, rec.source_path, rec.text
                                )
                            yield rec
                    elif not is_empty(value):
                        yield self.emit(info(target, key), target, value, f"{e.path}:{key}")
                elif isinstance(value, dict):
                    if not is_empty(value):
                        yield self.emit(info(self.unrec, key), self.unrec, value, f"{e.path}:{key}")
                else:
                    whole[key] = value
                continue
            if target is None:
                parts = unknown.setdefault(key, _Parts(f"{e.path}:{key}"))
                done = parts.add(value)
                if done is not None:
                    yield self.emit(info(self.unrec, key), self.unrec, done[1], done[0])
                continue
            yield from self.items(e, rule, target, value, info(target, key), thread_extra, key)
        for key, parts in unknown.items():
            done = parts.close()
            if done is not None:
                yield self.emit(info(self.unrec, key), self.unrec, done[1], done[0])
        if bare:
            yield from self.items(e, rule, default, whole, info(default), thread_extra)
        else:
            scalars = dict(whole)
            scalars.update(wrapper_lists)
            self.log.keep_wrapper(e.path, scalars)

    def _target(self, rule: FileRule, key: str, default: str) -> str | None:
        if rule.kind == "flat":
            if rule.keys is None:
                return default
            short = rule.keys.get(key.casefold())
            return self.cat(short) if short else None
        return default

    def items(
        self,
        e: Entry,
        rule: FileRule,
        category: str,
        item: Any,
        info: SectionInfo,
        extra: str = "",
        key: str | None = None,
    ) -> Iterator[Record]:
        path = e.path if key is None or rule.kind == "messages" else f"{e.path}:{key}"
        if (
            rule.kind == "messages"
            and isinstance(item, dict)
            and isinstance(item.get("conversation"), list)
        ):  # 2018-20: one conversation per item
            who = item.get("participants")
            names = " ".join(p for p in who if isinstance(p, str)) if isinstance(who, list) else ""
            for msg in item["conversation"]:
                if not is_empty(msg):
                    yield self.emit(info, category, msg, path, names)
            return
        if rule.kind == "events":
            yield from self.events(info, category, item, path)
            return
        if is_empty(item):
            return
        yield self.emit(info, category, item, path, extra)

    def events(self, info: SectionInfo, category: str, item: Any, path: str) -> Iterator[Record]:
        """Off-Meta activity: one record per event, the company's keys kept in each."""
        if not isinstance(item, dict):
            if not is_empty(item):
                yield self.emit(info, category, item, path)
            return
        found = False
        events = item.get("events")
        if isinstance(events, list):
            base = {k: v for k, v in item.items() if k != "events"}
            for ev in events:
                found = True
                yield self.emit(info, category, {**base, "event": ev}, path, _company(item))
        for key in ("label_values", "tables"):
            entries = item.get(key)
            if not isinstance(entries, list):
                continue
            if key == "tables":
                base = {k: v for k, v in item.items() if k != "tables"}
                for table in entries:
                    found = True
                    ev = {"label_values": table}
                    yield self.emit(info, category, {**base, "event": ev}, path, _company(item))
                continue
            for idx, entry in enumerate(entries):
                vec = entry.get("vec") if isinstance(entry, dict) else None
                if not isinstance(vec, list):
                    continue
                rest = [x for i, x in enumerate(entries) if i != idx]
                base = {k: v for k, v in item.items() if k != "label_values"}
                if rest:
                    base["label_values"] = rest
                for ev in vec:
                    found = True
                    yield self.emit(info, category, {**base, "event": ev}, path, _company(item))
        if not found and not is_empty(item):
            yield self.emit(info, category, item, path, _company(item))

    def single_json(self, e: Entry, rule: FileRule, it: Iterator[Any]) -> Iterator[Record]:
        category = self.cat(rule.category)
        info = self.log.section(e.path, category)
        root_list: list[Any] = []
        root: dict[str, Any] = {}
        for slot in it:
            value = repair_value(slot.value)
            if slot.key is None:
                if slot.whole:
                    if not is_empty(value):
                        yield self.emit(info, category, value, e.path)
                else:
                    root_list.append(value)
                continue
            key = repair(slot.key)
            if slot.whole:
                root[key] = value
            else:
                root.setdefault(key, []).append(value)
        for value in root_list:
            if not is_empty(value):
                yield self.emit(info, category, value, e.path)
        if not root:
            return
        if len(root) == 1:
            (inner,) = root.values()
            if isinstance(inner, list) and all(isinstance(x, dict) for x in inner):
                for value in inner:
                    if not is_empty(value):
                        yield self.emit(info, category, value, e.path)
                return
            if isinstance(inner, dict):
                if not is_empty(inner):
                    yield self.emit(info, category, inner, e.path)
                return
        if not is_empty(root):
            yield self.emit(info, category, root, e.path)

    def unknown_json(self, e: Entry, it: Iterator[Any]) -> Iterator[Record]:
        info = self.log.section(e.path, self.unrec)
        parts: dict[str | None, _Parts] = {}
        whole: dict[str, Any] = {}
        for slot in it:
            value = repair_value(slot.value)
            key = repair(slot.key) if slot.key is not None else None
            if slot.whole:
                if key is None:
                    if not is_empty(value):
                        yield self.emit(info, self.unrec, value, e.path)
                else:
                    whole[key] = value
                continue
            acc = parts.setdefault(key, _Parts(e.path if key is None else f"{e.path}:{key}"))
            done = acc.add(value)
            if done is not None:
                yield self.emit(info, self.unrec, done[1], done[0])
        for acc in parts.values():
            done = acc.close()
            if done is not None:
                yield self.emit(info, self.unrec, done[1], done[0])
        if not is_empty(whole):
            yield self.emit(info, self.unrec, whole, e.path)

    # -- HTML ------------------------------------------------------------------------------
    def html_file(self, e: Entry, rule: FileRule | None) -> Iterator[Record]:
        category = self.cat(rule.category) if rule else self.unrec
        section = self.label(category)
        loose: list[str] | None = [] if rule is not None else None
        with self.files.open(e) as stream:
            page = list(html.records(stream, section, size=e.size, loose=loose))
        info = self.log.section(e.path, category)
        if loose:  # a known page's headings and notes: kept with the import, not records
            self.log.keep_wrapper(e.path, {"text": loose})
        if rule is not None and rule.media_refs:  # <img src> next to the record's time
            for rec in page:
                at = text_time(rec.get("time"), self.zone)
                for src in rec.get("media", ()):
                    if at is not None and isinstance(src, str):
                        self.uri_times.setdefault(src.casefold(), at)
        if rule is None:
            acc = _Parts(e.path)
            for rec in page:
                done = acc.add(rec)
                if done is not None:
                    yield self.emit(info, self.unrec, done[1], done[0])
            done = acc.close()
            if done is not None:
                yield self.emit(info, self.unrec, done[1], done[0])
            return
        if rule.kind == "single":
            if len(page) == 1:
                yield self.emit(info, category, page[0], e.path)
            elif page:
                yield self.emit(info, category, {"records": page}, e.path)
            return
        for rec in page:
            if rule.kind == "events":
                yield from self.events(info, category, rec, e.path)
            elif not is_empty(rec):
                yield self.emit(
                    info,
                    category,
                    rec,
                    e.path,
                    rec.get("title", "") if rule.kind == "messages" else "",
                )

    # -- other files ---------------------------------------------------------------------
    def other_file(self, e: Entry) -> Iterator[Record]:
        fields: dict[str, Any] = {"file": e.path, "size": e.size}
        if e.size <= MAX_TEXT_FILE:
            with self.files.open(e) as stream:
                data = stream.read(MAX_TEXT_FILE + 1)
            with contextlib.suppress(UnicodeDecodeError):
                fields["text"] = repair(data.decode("utf-8-sig"))
        if e.basename.casefold() == PLACEHOLDER:
            # Meta's stand-in for a section without data: the folder is an empty section,
            # the sentence is kept with the import (not a record)
            self.log.sections[e.path] = SectionInfo(e.path, self.unrec, "empty")
            self.log.keep_wrapper(e.path, fields)
            return
        info = self.log.section(e.path, self.unrec)
        yield self.emit(info, self.unrec, fields, e.path)

    def media_record(self, e: Entry) -> Record:
        info = self.log.section(_media_section(e.path), self.media_cat)
        self.log.count(info)
        self.log.media_files += 1
        self.log.media_bytes += e.size
        at = self.uri_times.get(e.path.casefold()) or self.uri_times.get(e.name.casefold())
        fields: dict[str, Any] = {"path": e.path, "size": e.size, "type": MEDIA_TYPES[e.suffix]}
        if at is not None:
            fields["time"] = at.isoformat()
        return Record(self.media_cat, at, fields, e.path, "")


def _media_section(path: str) -> str:
    folder = path.rsplit("/", 1)[0] if "/" in path else ""
    return folder.split("/")[0] + "/" if folder else "(media)"


def _company(item: dict[str, Any]) -> str:
    for key in ("name", "title"):
        v = item.get(key)
        if isinstance(v, str):
            return v
    return ""


class _Parts:
    """Items of an unknown list, given out in ordered parts of ``PART_ITEMS``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Any] = []
        self.part = 0

    def add(self, item: Any) -> tuple[str, list[Any]] | None:
        if len(self.items) == PART_ITEMS:
            self.part += 1
            out = (f"{self.path} (part {self.part})", self.items)
            self.items = [item]
            return out
        self.items.append(item)
        return None

    def close(self) -> tuple[str, list[Any]] | None:
        if not self.items:
            return None
        if self.part == 0:
            return (self.path, self.items)
        self.part += 1
        return (f"{self.path} (part {self.part})", self.items)


def labels_of(categories: Sequence[CategorySpec]) -> dict[str, str]:
    return {c.id: c.label for c in categories}
