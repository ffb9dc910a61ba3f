"""TikTok JSON exports, every schema generation (v1 oldest ``VideoLink``, v1, v2, v3).

Two streamed passes over ``ijson.basic_parse`` events, both refusing nesting deeper than 64
(counted in the loops themselves: the prescan keeps a depth counter, the walker and builder
their stack depth). ``prescan`` validates the whole document (depth, integers yajl cannot hold,
invalid UTF-8, syntax, shape) and finds the generation and the account *before* anything
touches the vault. ``parse`` then builds one list item at a time, so memory does not grow with
the export (a 1,000,000-item watch history is never held as a list). ``ijson.items``/``parse``
are never used (SECURITY.md: they blow up on deep nesting and crash on huge integers). Both
passes run in a worker process (``importers.worker``) so a native crash cannot take the app
down. Parser error texts quote the input, so they are never passed on (``from None``).

Mapping of sections to categories (platform-exports.md section 2.1, every generation; section
and root names are compared case-insensitively, so ``Tiktok Live`` = ``TikTok Live``):

=============================================  ============================================
section (any known root)                         category
=============================================  ============================================
Watch History, Video Browsing History          tiktok.watch_history
Like List                                      tiktok.likes
Favorite* / Favourite* / Collection            tiktok.favorites (every list together)
Searches, Search History                       tiktok.searches
Share History                                  tiktok.shares
Follower, Follower List                        tiktok.followers
Following, Following List                      tiktok.following
Block, Block List                              tiktok.blocked
Login History                                  tiktok.logins
Status (``Status List``)                       tiktok.devices
Most Recent Location Data                      tiktok.location (one record)
Activity Summary                               tiktok.activity_summary (one record)
Reposts                                        tiktok.reposts
Hashtag                                        tiktok.hashtags
Purchases, Purchase History                    tiktok.purchases (SendGifts + BuyGifts items)
Ads Visit History, Instant Form Ads Responses  tiktok.ad_clicks
Ad Interests                                   tiktok.ad_interests (one record)
Ads Based On Data Received From Partners       tiktok.ad_interests (one more record)
Off TikTok Activity                            tiktok.off_platform (v3 copy under a second
                                               parent counted once)
Usage Data From Third-Party Apps And Websites  tiktok.off_platform
Profile Info, Profile Information              tiktok.profile (``ProfileMap``, one record)
Autofill, Auto Fill                            tiktok.autofill (one record)
Settings                                       tiktok.settings (``SettingsMap``, one record)
everything under Comment                       tiktok.comments
everything under Direct Message(s)             tiktok.direct_messages: one record per
                                               message of every chat, group chat and Tako
                                               chat; the chat name stays in source_path
everything under Video / Post                  tiktok.posts (incl. Recently Deleted Posts)
everything under TikTok Live / Tiktok Live     tiktok.live (one per watched room, one per
                                               hosted LIVE)
everything under TikTok Shop / Tiktok Shopping tiktok.shop (messages, browsed products,
                                               orders, addresses, cart, vouchers, cards)
everything under Income+ Wallet                tiktok.purchases (coins, transactions)
everything under Location Review               tiktok.location_reviews
anything else (AI-Moji, Mini Drama ...)        tiktok.unrecognized: one record per section
                                               holding the whole value, when not empty (a
                                               list over PART_ITEMS: in parts, see unknown)
=============================================  ============================================

"One record when present and not empty": a single-object section counts when its value is
not null / "" / [] / {} and not a map of only such values. Sentinel strings such as "N/A"
count as content (TikTok wrote them). Scalar wrapper siblings (``App``, ``IsFastLane``) are
not records; they are kept with the import (``ParseState.wrapper_values``, the import result's
``wrapper_values``), so nothing in the file is dropped. Inside list sections, maps keyed by
values (``ChatHistory``, ``GroupChat``, ``CommunicationHistories``: lists per key;
``WatchLiveMap``, ``OrderHistories``: one object per key) are walked item by item; any other
map holding only scalars becomes one record.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final, Protocol

import ijson

from plainview.errors import ArchiveRejected
from plainview.importers.common import (
    SENTINELS,
    ParseState,
    SectionInfo,
    clean_str,
    is_empty,
    item_date,
    item_text,
)
from plainview.importers.messages import reject
from plainview.model import UNRECOGNIZED, Record

MAX_DEPTH: Final = 64
# An unknown section's list longer than this is stored in parts of this many items.
PART_ITEMS: Final = 1000
_STREAMED: Final = object()  # "this list went out as part records"
JSON_NAMES: Final = ("user_data_tiktok.json", "user_data.json", "tiktok_data.json")
SIBLINGS: Final = frozenset({"app", "isfastlane"})


class Readable(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...


def _norm(key: str) -> str:
    return " ".join(key.lower().split())


@dataclass(frozen=True)
class Spec:
    category: str
    single: bool = False
    dedupe: bool = False


_L = Spec
_SECTIONS: Final[dict[str, Spec]] = {
    "watch history": _L("tiktok.watch_history"),
    "video browsing history": _L("tiktok.watch_history"),
    "like list": _L("tiktok.likes"),
    "collection": _L("tiktok.favorites"),
    "searches": _L("tiktok.searches"),
    "search history": _L("tiktok.searches"),
    "share history": _L("tiktok.shares"),
    "follower": _L("tiktok.followers"),
    "follower list": _L("tiktok.followers"),
    "following": _L("tiktok.following"),
    "following list": _L("tiktok.following"),
    "block": _L("tiktok.blocked"),
    "block list": _L("tiktok.blocked"),
    "login history": _L("tiktok.logins"),
    "status": _L("tiktok.devices"),
    "most recent location data": _L("tiktok.location", single=True),
    "activity summary": _L("tiktok.activity_summary", single=True),
    "reposts": _L("tiktok.reposts"),
    "hashtag": _L("tiktok.hashtags"),
    "purchases": _L("tiktok.purchases"),
    "purchase history": _L("tiktok.purchases"),
    "ads visit history": _L("tiktok.ad_clicks"),
    "instant form ads responses": _L("tiktok.ad_clicks"),
    "ad interests": _L("tiktok.ad_interests", single=True),
    "ads based on data received from partners": _L("tiktok.ad_interests", single=True),
    "off tiktok activity": _L("tiktok.off_platform", dedupe=True),
    "usage data from third-party apps and websites": _L("tiktok.off_platform"),
    "profile info": _L("tiktok.profile", single=True),
    "profile information": _L("tiktok.profile", single=True),
    "autofill": _L("tiktok.autofill", single=True),
    "auto fill": _L("tiktok.autofill", single=True),
    "settings": _L("tiktok.settings", single=True),
    "income plus wallet transactions": _L("tiktok.purchases"),
}
_FAVORITES = Spec("tiktok.favorites")

# Roots whose sections are looked up in _SECTIONS.
_GENERAL_ROOTS: Final = frozenset(
    {
        "activity",
        "your activity",
        "likes and favorites",
        "profile",
        "profile and settings",
        "app settings",
        "ads and data",
    }
)
# Roots where every section belongs to one category.
_ROOT_CATEGORY: Final[dict[str, str]] = {
    "comment": "tiktok.comments",
    "comments": "tiktok.comments",
    "direct message": "tiktok.direct_messages",
    "direct messages": "tiktok.direct_messages",
    "video": "tiktok.posts",
    "post": "tiktok.posts",
    "tiktok live": "tiktok.live",
    "tiktok shop": "tiktok.shop",
    "tiktok shopping": "tiktok.shop",
    "income+ wallet": "tiktok.purchases",
    "income plus wallet transactions": "tiktok.purchases",
    "location review": "tiktok.location_reviews",
}
KNOWN_ROOTS: Final = _GENERAL_ROOTS | frozenset(_ROOT_CATEGORY)
# Maps keyed by values (a user, a shop, a room id, an order number).
_MAP_OF_LISTS: Final = frozenset({"chathistory", "groupchat", "communicationhistories"})
_MAP_OF_OBJECTS: Final = frozenset({"watchlivemap", "orderhistories"})


def section_spec(root: str, section: str) -> Spec | None:
    r, s = _norm(root), _norm(section)
    if r in _ROOT_CATEGORY:
        return Spec(_ROOT_CATEGORY[r])
    if r not in _GENERAL_ROOTS:
        return None
    spec = _SECTIONS.get(s)
    if spec is None and s.startswith(("favorite", "favourite")):
        return _FAVORITES
    return spec


def schema_for(roots: list[str]) -> str:
    """The generation, from the top-level keys (platform-exports.md section 2)."""
    r = {_norm(x) for x in roots}
    if r & {"likes and favorites", "profile and settings", "income+ wallet"}:
        return "v3"
    if r & {"activity", "direct messages", "video", "tiktok shopping"}:
        return "v1"
    return "v2"


# ------------------------------------------------------------------------------------ events

Event = tuple[str, Any]


def _strip_bom(stream: Readable) -> Readable:
    head = stream.read(3)
    if head == b"\xef\xbb\xbf":
        return stream
    return _Prefixed(head, stream)


class _Prefixed:
    """A stream with a few already-read bytes put back in front."""

    def __init__(self, head: bytes, rest: Readable) -> None:
        self._head = head
        self._rest = rest

    def read(self, n: int = -1) -> bytes:
        if self._head:
            if n < 0:
                out = self._head + self._rest.read()
                self._head = b""
                return out
            out, self._head = self._head[:n], self._head[n:]
            if len(out) < n:
                out += self._rest.read(n - len(out))
            return out
        return self._rest.read(n)


def _too_deep() -> ArchiveRejected:
    return reject("too_deep")


# Python refuses to turn more than 4,300 digits into an int; inside the C backend that error
# is left pending and surfaces at some later, unrelated line. Refuse such numbers first.
MAX_DIGITS: Final = 4000
_DIGIT_MAP: Final = bytes(48 if 48 <= b <= 57 else 120 for b in range(256))  # digit -> "0"
_DIGIT_RUN: Final = b"0" * (MAX_DIGITS + 1)


class _DigitGuard:
    """A stream that refuses a run of more than ``MAX_DIGITS`` digits (across reads too)
    before the parser sees it: ``ArchiveRejected("not_json")``."""

    def __init__(self, inner: Readable) -> None:
        self._inner = inner
        self._tail = b""

    def read(self, n: int = -1) -> bytes:
        data = self._inner.read(n)
        if data:
            mapped = self._tail + data.translate(_DIGIT_MAP)
            if _DIGIT_RUN in mapped:
                raise reject("not_json")
            self._tail = mapped[-MAX_DIGITS:]
        return data


def _raw_events(stream: Readable) -> Iterator[Event]:
    # use_float=False: the C backend with use_float=True refuses integers above 2**63-1 as
    # "integer overflow" (ICRAR/ijson#153), so an export holding one was refused as invalid.
    # Without it integers of any size arrive as int and fractions as Decimal, which
    # ``_number`` turns into the float use_float=True would have given.
    guarded = _DigitGuard(_strip_bom(stream))
    return ijson.basic_parse(guarded, use_float=False)  # type: ignore[no-any-return]


def _number(value: Decimal) -> float | str:
    """A fraction from the parser as a float; one beyond float's range (1e400) as its exact
    text, so nothing is lost."""
    f = float(value)
    return f if math.isfinite(f) else str(value)


def _after_document(raw: Iterator[Event], state: ParseState) -> None:
    """After the first complete value: anything more means TikTok wrote the file twice."""
    try:
        extra = next(raw, None)
    except Exception:
        extra = ("trailing", None)
    if extra is not None:
        state.warn("doubled_document")


def _scalar(val: Any) -> Any:
    if isinstance(val, str):
        return clean_str(val)
    return _number(val) if type(val) is Decimal else val


def build(ev: str, val: Any, it: Iterator[Event], depth: int = 0) -> Any:
    """Build one complete value whose first event is ``(ev, val)``, opened at ``depth``."""
    if ev == "start_map":
        root: Any = {}
    elif ev == "start_array":
        root = []
    else:
        return _scalar(val)
    stack: list[Any] = [root]
    key: list[Any] = [None]
    for ev, val in it:
        if ev == "map_key":
            key[-1] = clean_str(val)
        elif ev == "start_map" or ev == "start_array":
            c: Any = {} if ev == "start_map" else []
            top = stack[-1]
            if type(top) is list:
                top.append(c)
            else:
                top[key[-1]] = c
            stack.append(c)
            key.append(None)
            if len(stack) + depth > MAX_DEPTH:
                raise _too_deep()
        elif ev == "end_map" or ev == "end_array":
            stack.pop()
            key.pop()
            if not stack:
                return root
        else:
            top = stack[-1]
            v: Any
            if type(val) is str:
                v = clean_str(val)
            elif type(val) is Decimal:
                v = _number(val)
            else:
                v = val
            if type(top) is list:
                top.append(v)
            else:
                top[key[-1]] = v
    raise reject("not_json")


# ----------------------------------------------------------------------------------- prescan


# The validation pass says where it is at each section and every this many containers
# (a 1,000,000-item list is one section: progress must still move through it).
PRESCAN_TICK: Final = 50_000


def prescan(stream: Readable, state: ParseState) -> list[str]:
    """Validate the whole document and return its top-level keys; sets schema and account."""
    steps = prescan_steps(stream, state)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]


def prescan_steps(stream: Readable, state: ParseState) -> Generator[str, None, list[str]]:
    """``prescan`` as steps: yields the section being read now and then, returns the roots.

    One lean pass over ``basic_parse`` events: nesting deeper than 64, integers yajl cannot
    hold, invalid UTF-8 and broken syntax are refused here, before anything touches the vault.
    """
    raw = _raw_events(stream)
    roots: list[str] = []
    try:
        first = next(raw, None)
        if first is None or first[0] != "start_map":
            raise reject("not_tiktok_json")
        depth = 1
        containers = 0
        section = ""
        # keys at depth 1..4 on the current path, to find ProfileMap.userName
        k1 = k3 = None
        for ev, val in raw:
            if ev == "map_key":
                if depth == 1:
                    roots.append(clean_str(val))
                elif depth == 2:
                    section = clean_str(val)
                    yield section
                elif depth == 3:
                    k3 = val
                elif depth == 4 and val == "userName" and k3 == "ProfileMap":
                    k1 = val
                continue
            if ev == "start_map" or ev == "start_array":
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep()
                containers += 1
                if containers == PRESCAN_TICK:
                    containers = 0
                    yield section
            elif ev == "end_map" or ev == "end_array":
                depth -= 1
                if depth == 0:
                    break
            elif k1 is not None:
                if ev == "string" and state.account is None:
                    state.account = clean_str(val)[:200]
                k1 = None
        else:
            raise reject("not_json")
    except ArchiveRejected:
        raise
    except Exception:  # ijson/yajl errors quote the input: never pass them on
        raise reject("not_json") from None
    _after_document(raw, state)
    if not roots or not ({_norm(r) for r in roots} & KNOWN_ROOTS):
        raise reject("not_tiktok_json")
    state.schema = schema_for(roots)
    return roots


# ------------------------------------------------------------------------------------- parse


def _row(category: str, at: Any, fields: Any, path: str, text: str) -> Any:
    return (category, at, fields, path, text)


class _Walker:
    """Walks the document; ``make`` builds each result (``Record``, or a plain row tuple for
    the worker, which skips building a Record it would only take apart again)."""

    def __init__(self, state: ParseState, member: str, make: Callable[..., Any] = Record) -> None:
        self.state = state
        self.member = member
        self.make = make
        self.offdup: dict[str, tuple[str, Counter[str]]] = {}

    def record(self, category: str, item: Any, path: str, extra: str = "") -> Any:
        return self.make(
            category, item_date(item), item, path, item_text(item, extra, category=category)
        )

    def parse(self, it: Iterator[Event], tick: Callable[[str], None]) -> Iterator[Any]:
        first = next(it, None)
        if first is None or first[0] != "start_map":
            raise reject("not_tiktok_json")
        for ev, root in it:
            if ev == "end_map":
                return
            ev, val = next(it)
            rnorm = _norm(root)
            if rnorm not in KNOWN_ROOTS or ev != "start_map":
                tick(root)
                yield from self.unknown(ev, val, it, 1, root)
                continue
            for ev2, section in it:
                if ev2 == "end_map":
                    break
                tick(section)
                yield from self.section(root, section, it)

    def section(self, root: str, section: str, it: Iterator[Event]) -> Iterator[Any]:
        ev, val = next(it)
        spath = f"{root}/{section}"
        spec = section_spec(root, section)
        if spec is None:
            yield from self.unknown(ev, val, it, 2, spath)
            return
        info = self.state.section(spath, spec.category)
        if spec.single:
            value = build(ev, val, it, 2)
            obj, siblings = _single(value)
            self.state.keep_wrapper(f"{self.member}:{spath}", siblings)
            if not is_empty(obj):
                self.state.count(info)
                yield self.record(spec.category, obj, f"{self.member}:{spath}")
            return
        seen: Counter[str] | None = None
        first_parent = True
        if spec.dedupe:
            key = _norm(section)
            if key in self.offdup and self.offdup[key][0] != root:
                first_parent = False
            else:
                self.offdup.setdefault(key, (root, Counter()))
            seen = self.offdup[key][1]
        records = self.lists(ev, val, it, spec.category, f"{self.member}:{spath}", "", 2)
        if seen is None:
            n = 0
            for rec in records:
                n += 1
                yield rec
            if n:
                self.state.count(info, n)
            return
        for rec in records:
            fields = rec.fields if isinstance(rec, Record) else rec[2]
            h = json.dumps(fields, sort_keys=True, ensure_ascii=False)
            if first_parent:
                seen[h] += 1
            elif seen[h] > 0:
                seen[h] -= 1
                continue
            self.state.count(info)
            yield rec

    def unknown(
        self, ev: str, val: Any, it: Iterator[Event], depth: int, spath: str
    ) -> Iterator[Any]:
        """A section we don't know: one ``tiktok.unrecognized`` record holding its whole value.

        Except that a list longer than ``PART_ITEMS`` (at any depth) is not held in memory:
        it is stored as records of ``PART_ITEMS`` items each, in order, whose source path
        ends in ``(part N)``; the section's record then holds the rest of the value.
        Together they hold everything, and memory does not grow with the section.
        """
        info = self.state.section(spath, UNRECOGNIZED)
        path = f"{self.member}:{spath}"
        rest = yield from self._unknown_value(ev, val, it, depth, path, info)
        if rest is not _STREAMED and not is_empty(rest):
            self.state.count(info)
            yield self.record(UNRECOGNIZED, rest, path)

    def _unknown_value(
        self, ev: str, val: Any, it: Iterator[Event], depth: int, path: str, info: SectionInfo
    ) -> Generator[Any, None, Any]:
        """Build one value; long lists go out as part records (yielded) and the value
        returned lacks them (``_STREAMED`` when it was such a list itself)."""
        if ev == "start_map":
            if depth + 1 > MAX_DEPTH:
                raise _too_deep()
            out: dict[str, Any] = {}
            for ev2, key in it:
                if ev2 == "end_map":
                    return out
                k = clean_str(key)
                ev3, v3 = next(it)
                sub = yield from self._unknown_value(ev3, v3, it, depth + 1, f"{path}/{k}", info)
                if sub is not _STREAMED:
                    out[k] = sub
            raise reject("not_json")
        if ev == "start_array":
            if depth + 1 > MAX_DEPTH:
                raise _too_deep()
            items: list[Any] = []
            part = 0
            for ev2, v2 in it:
                if ev2 == "end_array":
                    if part == 0:
                        return items
                    if items:
                        part += 1
                        self.state.count(info)
                        yield self.record(UNRECOGNIZED, items, f"{path} (part {part})")
                    return _STREAMED
                at = f"{path}[{part * PART_ITEMS + len(items)}]"
                item = yield from self._unknown_value(ev2, v2, it, depth + 1, at, info)
                if item is _STREAMED:
                    continue
                if len(items) == PART_ITEMS:  # one more than a part holds: stream it out
                    part += 1
                    self.state.count(info)
                    yield self.record(UNRECOGNIZED, items, f"{path} (part {part})")
                    items = []
                items.append(item)
            raise reject("not_json")
        return _scalar(val)

    def lists(
        self, ev: str, val: Any, it: Iterator[Event], cat: str, path: str, extra: str, depth: int
    ) -> Iterator[Any]:
        """Records inside a list section: list items, value-keyed maps, leaf objects."""
        if ev == "start_array":
            yield from self.items(it, cat, path, extra, depth + 1)
            return
        if ev != "start_map":
            value = _scalar(val)
            if not is_empty(value):
                yield self.record(cat, value, path, extra)
            return
        depth += 1
        if depth > MAX_DEPTH:
            raise _too_deep()
        scalars: dict[str, Any] = {}
        had_container = False
        for ev, key in it:
            if ev == "end_map":
                break
            ev, val = next(it)
            k = _norm(key).replace(" ", "")
            sub = f"{path}/{key}"
            if ev == "start_map" and k in _MAP_OF_LISTS:
                had_container = True
                for ev3, name in it:
                    if ev3 == "end_map":
                        break
                    ev4, val4 = next(it)
                    who = _chat_name(name)
                    yield from self.lists(ev4, val4, it, cat, f"{sub}/{name}", who, depth + 1)
            elif ev == "start_map" and k in _MAP_OF_OBJECTS:
                had_container = True
                for ev3, name in it:
                    if ev3 == "end_map":
                        break
                    ev4, val4 = next(it)
                    value = build(ev4, val4, it, depth + 1)
                    if not is_empty(value):
                        yield self.record(cat, value, f"{sub}/{name}", extra)
            elif ev == "start_array" or ev == "start_map":
                had_container = True
                yield from self.lists(ev, val, it, cat, sub, extra, depth)
            else:
                scalars[key] = _scalar(val)
        if not had_container:
            content = {
                k: v
                for k, v in scalars.items()
                if _norm(k) not in SIBLINGS and not _sentinel_list(k, v)
            }
            if not is_empty(content):
                yield self.record(cat, scalars, path, extra)
                return
        # Scalars next to the lists, or beside "nothing" values: no record, but kept. A null
        # or a "None" standing for an empty list says only "empty" (the section's status).
        self.state.keep_wrapper(
            path,
            {k: v for k, v in scalars.items() if v is not None and not _sentinel_list(k, v)},
        )

    def items(
        self, it: Iterator[Event], cat: str, path: str, extra: str, depth: int
    ) -> Iterator[Any]:
        """One record per list item; flat maps (the common case) are built inline, fast."""
        if depth > MAX_DEPTH:
            raise _too_deep()
        keys: dict[str, str] = {}  # cleaned keys, reused: items repeat the same few keys
        text_of = item_text
        date_of = item_date
        make = self.make
        for ev, val in it:
            if ev == "start_map":
                item: Any = {}
                for ev2, key in it:
                    if ev2 == "end_map":
                        break
                    ev3, v = next(it)
                    if ev3 == "string":
                        if "\x00" in v or not v.isascii():
                            v = clean_str(v)
                    elif ev3 == "start_map" or ev3 == "start_array":
                        v = build(ev3, v, it, depth + 1)
                    elif type(v) is Decimal:
                        v = _number(v)
                    k = keys.get(key)
                    if k is None:
                        k = clean_str(key)
                        if len(keys) < 4096:
                            keys[key] = k
                    item[k] = v
                yield make(cat, date_of(item), item, path, text_of(item, extra, category=cat))
            elif ev == "end_array":
                return
            elif ev != "null":
                yield self.record(cat, build(ev, val, it, depth), path, extra)


def _sentinel_list(key: str, value: Any) -> bool:
    """``"FansList": "None"``: a list key holding a "nothing" word is an empty list."""
    return (
        isinstance(value, str)
        and key.lower().endswith(("list", "map", "histories"))
        and value.strip().lower() in SENTINELS
    )


def _chat_name(key: str) -> str:
    """``"Chat History with friend.example:"`` -> ``"friend.example"``."""
    s = key.strip()
    for prefix in ("Chat History with ", "Group Chat with ", "chat history with "):
        if s.startswith(prefix):
            s = s[len(prefix) :]
    return s.rstrip(":").strip()


def _single(value: Any) -> tuple[Any, dict[str, Any]]:
    """The object of a single-object section (``ProfileMap`` inside its wrapper, ...), and
    the wrapper's sibling scalars (``App``) that are not part of it."""
    if not isinstance(value, dict):
        return value, {}
    keys = [k for k in value if _norm(k) not in SIBLINGS]
    siblings = {k: value[k] for k in value if _norm(k) in SIBLINGS}
    if len(keys) == 1:
        inner = value[keys[0]]
        wrapper_name = keys[0].lower().endswith(("map", "data", "categories", "list"))
        if inner is None or isinstance(inner, dict | list) or wrapper_name:
            return inner, siblings
    if not siblings:
        return value, {}
    return {k: value[k] for k in keys}, siblings


def parse(
    stream: Readable, state: ParseState, tick: Callable[[str], None] | None = None
) -> Iterator[Record]:
    """Records of one TikTok JSON document (after ``prescan`` has accepted it)."""
    yield from _parse(stream, state, tick, Record)


def parse_rows(
    stream: Readable, state: ParseState, tick: Callable[[str], None] | None = None
) -> Iterator[tuple[str, Any, Any, str, str]]:
    """Like ``parse``, as ``(category, occurred_at, fields, source_path, text)`` tuples."""
    yield from _parse(stream, state, tick, _row)


def _parse(
    stream: Readable, state: ParseState, tick: Callable[[str], None] | None, make: Any
) -> Iterator[Any]:
    walker = _Walker(state, state.member, make)
    raw = _raw_events(stream)
    try:
        yield from walker.parse(raw, tick or (lambda _s: None))
    except ArchiveRejected:
        raise
    except (StopIteration, RuntimeError):  # the document ended half-way
        raise reject("not_json") from None
    except Exception:  # ijson/yajl errors quote the input: never pass them on
        raise reject("not_json") from None
    _after_document(raw, state)
