"""The member list of an export, normalised (platform-exports-multi.md section 0.1), and
several archive parts read as one export.

Normalising: junk (``__MACOSX/``, ``._*``, ``.DS_Store``, ``Thumbs.db``; the rule of
``importers.archive.is_junk``) and directory entries are dropped; names are NFC with U+00A0
read as a space; wrapper folders are stripped per part: leading folders every member shares,
up to ``MAX_WRAPPERS`` of them, as long as the folder is not itself a layout root a platform
knows (so a one-folder export such as ``messages/...`` keeps its folder).

Parts: each part is an already validated source (``importers.archive.Archive`` fits:
``members`` with ``name``/``size``, ``open(member)`` giving a stream). The same normalised
path in two parts is refused unless both hold the same bytes (SECURITY.md "Several archives as
one export"); then the first part's copy is used.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Final, Protocol

from plainview.importers.archive import is_junk
from plainview.platforms.base import Readable
from plainview.platforms.messages import reject

MAX_WRAPPERS: Final = 3


def normalise_name(name: str) -> str:
    s = unicodedata.normalize("NFC", name.replace("\\", "/")).replace("\u00a0", " ")
    return "/".join(p for p in s.split("/") if p not in ("", "."))


@dataclass(frozen=True)
class Entry:
    """One member: ``path`` normalised (wrapper stripped), ``name`` as in its part."""

    path: str
    name: str
    size: int
    part: int = 0

    @property
    def basename(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def suffix(self) -> str:
        b = self.basename
        return b[b.rfind(".") :].lower() if "." in b else ""

    @property
    def folder(self) -> str:
        return self.path.rsplit("/", 1)[0] if "/" in self.path else ""


def strip_wrappers(names: Sequence[str], roots: frozenset[str]) -> tuple[str, int]:
    """The wrapper prefix every name shares (``"a/b/"``) and how many folders it has."""
    split = [n.split("/") for n in names]
    if not split:
        return "", 0
    depth = 0
    while depth < MAX_WRAPPERS:
        heads = {parts[depth] for parts in split if len(parts) > depth + 1}
        if len(heads) != 1 or any(len(parts) <= depth + 1 for parts in split):
            break
        head = next(iter(heads))
        if head.casefold() in roots:
            break
        depth += 1
    prefix = "/".join(split[0][:depth])
    return (prefix + "/" if prefix else ""), depth


@dataclass(frozen=True)
class MemberList:
    """The normalised members of an export (all parts), as detectors see them."""

    entries: tuple[Entry, ...]

    @classmethod
    def from_names(
        cls,
        names: Iterable[str | tuple[str, int]],
        roots: frozenset[str] = frozenset(),
        part: int = 0,
    ) -> MemberList:
        """From plain names (or ``(name, size)`` pairs), for one part."""
        pairs = [(n, 0) if isinstance(n, str) else n for n in names]
        return cls(tuple(_normalise_part(pairs, roots, part)))

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(e.path for e in self.entries)

    def lower_paths(self) -> list[str]:
        return [e.path.casefold() for e in self.entries]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)


def _normalise_part(
    pairs: Sequence[tuple[str, int]], roots: frozenset[str], part: int
) -> list[Entry]:
    kept: list[tuple[str, str, int]] = []
    for name, size in pairs:
        if name.endswith("/") or is_junk(name.replace("\\", "/")):
            continue
        norm = normalise_name(name)
        if norm:
            kept.append((norm, name, size))
    prefix, _depth = strip_wrappers([k[0] for k in kept], roots)
    return [Entry(norm[len(prefix) :], name, size, part) for norm, name, size in kept]


class SourceMember(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def size(self) -> int: ...


class Source(Protocol):
    """What a part must offer; ``importers.archive.Archive`` does."""

    @property
    def members(self) -> Sequence[Any]: ...

    def open(self, member: Any) -> Any: ...


class ExportFiles:
    """One export made of one or more parts: normalised entries, and a way to read each."""

    def __init__(self, sources: Sequence[Source], roots: frozenset[str] = frozenset()) -> None:
        self._sources = list(sources)
        self._members: list[dict[str, Any]] = []
        entries: dict[str, Entry] = {}
        for part, src in enumerate(self._sources):
            by_name = {m.name: m for m in src.members}
            self._members.append(by_name)
            for e in _normalise_part([(m.name, m.size) for m in src.members], roots, part):
                key = e.path.casefold()
                if key in entries:
                    if not self._same(entries[key], e):
                        raise reject("parts_conflict")
                    continue
                entries[key] = e
        self.members = MemberList(tuple(entries.values()))

    @property
    def parts(self) -> int:
        return len(self._sources)

    def open(self, entry: Entry) -> AbstractContextManager[Readable]:
        src = self._sources[entry.part]
        stream: AbstractContextManager[Readable] = src.open(self._members[entry.part][entry.name])
        return stream

    def _same(self, a: Entry, b: Entry) -> bool:
        return a.size == b.size and self._digest(a) == self._digest(b)

    def _digest(self, e: Entry) -> bytes:
        h = hashlib.sha256()
        with self.open(e) as f:
            while chunk := f.read(1 << 16):
                h.update(chunk)
        return h.digest()
