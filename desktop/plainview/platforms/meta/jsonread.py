"""Meta JSON files, streamed through the depth-limited ``ijson.basic_parse`` chain.

``ijson.basic_parse`` events only (SECURITY.md: ``items``/``parse`` blow up on deep nesting and
crash on huge integers); values are built with ``importers.tiktok_json.build``, which refuses
nesting past ``MAX_DEPTH``. A file is read as a stream of *slots*:

- a root list: each item is a slot of the root (``key=None``);
- a root object: each key's list is streamed item by item (``key``, item); any other value of
  a key, and the lists of ``WHOLE_KEYS``, is one slot with ``whole=True`` (a bare record's
  fields, a profile object, a scalar);

so a 16 MB ``liked_posts.json`` is never held as one list. Errors name the section, never the
input (ijson's texts quote it: they are dropped with ``from None``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final

import ijson

from plainview.errors import ArchiveRejected
from plainview.importers.tiktok_json import MAX_DEPTH, build
from plainview.platforms.base import Readable
from plainview.platforms.messages import reject

# Root keys whose lists belong to one record (a bare record's parts, a thread's participants):
# built whole, not streamed item by item.
WHOLE_KEYS: Final = frozenset(
    {
        "label_values",
        "string_map_data",
        "string_list_data",
        "media_map_data",
        "media",
        "attachments",
        "data",
        "vec",
        "dict",
        "participants",
        "magic_words",
        "image_uri",
    }
)


@dataclass(frozen=True)
class Slot:
    key: str | None  # root key, None for a root list or a root scalar/record
    value: Any
    whole: bool  # True: the whole value of ``key`` (or of the file); False: one list item


class _Bom:
    def __init__(self, inner: Readable) -> None:
        self._inner = inner
        self._head: bytes | None = None

    def read(self, n: int = -1) -> bytes:
        if self._head is None:
            head = self._inner.read(3)
            self._head = b"" if head == b"\xef\xbb\xbf" else head
        if not self._head:
            return self._inner.read(n)
        if 0 <= n < len(self._head):
            out, self._head = self._head[:n], self._head[n:]
            return out
        out, self._head = self._head, b""
        return out + self._inner.read(-1 if n < 0 else n - len(out))


def slots(stream: Readable, section: str) -> Iterator[Slot]:
    """The slots of one JSON document (see the module docstring)."""
    try:
        yield from _slots(stream)
    except ArchiveRejected as exc:
        code = getattr(exc, "code", "")
        if code == "too_deep":
            raise reject("json_too_deep", section=section) from None
        if code == "not_json":
            raise reject("json_invalid", section=section) from None
        raise  # the archive reader's own refusals (zip bomb, damaged member ...) stay as they are
    except Exception:  # ijson/yajl errors quote the input: never pass them on
        raise reject("json_invalid", section=section) from None


def _slots(stream: Readable) -> Iterator[Slot]:
    it: Iterator[tuple[str, Any]] = ijson.basic_parse(_Bom(stream), use_float=True)
    first = next(it, None)
    if first is None:
        raise ValueError("empty")
    ev, val = first
    if ev == "start_array":
        yield from _items(it, None, 1)
    elif ev == "start_map":
        for ev2, key in it:
            if ev2 == "end_map":
                break
            ev3, val3 = next(it)
            if ev3 == "start_array" and key not in WHOLE_KEYS:
                yield from _items(it, key, 2)
            else:
                yield Slot(key, build(ev3, val3, it, 1), True)
        else:
            raise ValueError("truncated")
    else:
        yield Slot(None, build(ev, val, it, 0), True)
    if next(it, None) is not None:
        raise ValueError("trailing data")


def _items(it: Iterator[tuple[str, Any]], key: str | None, depth: int) -> Iterator[Slot]:
    if depth > MAX_DEPTH:
        raise reject("too_deep")
    for ev, val in it:
        if ev == "end_array":
            return
        yield Slot(key, build(ev, val, it, depth), False)
    raise ValueError("truncated")
