"""One safe reader for an export: a zip, a folder, or a bare ``.json`` / ``.txt`` file.

Members are read as streams and never extracted to disk. Every rule of SECURITY.md "Import
hardening" is enforced here, counting the bytes actually read rather than the sizes the headers
claim: symlink, encrypted, duplicate (also case-folded), absolute and ``..`` members are
refused; so are archives with more than 200,000 members, more decompressed data than
min(20 x archive size, 50 GiB), members over 1 MiB that expand more than 200 times, members whose
bytes overlap (checked from the local headers; Python 3.11's zipfile does not), sizes that lie,
truncated archives and files that are not archives. ``__MACOSX/`` and ``._*`` AppleDouble files
are ignored. In folders, symbolic links are never followed.

Error messages are fixed sentences: they never contain names or bytes from the input.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import os
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import BinaryIO, Final

from plainview.errors import ArchiveRejected
from plainview.importers.messages import reject

MAX_MEMBERS: Final = 200_000
MAX_TOTAL_BYTES: Final = 50 * 1024**3
TOTAL_FACTOR: Final = 20
MAX_RATIO: Final = 200
RATIO_MIN_SIZE: Final = 1024 * 1024
# A bare file or a folder has no compression to abuse; cap what we read from them anyway.
MAX_PLAIN_BYTES: Final = 50 * 1024**3


def is_junk(name: str) -> bool:
    """macOS resource forks and Finder files that re-zipped archives carry."""
    parts = PurePosixPath(name).parts
    if any(p == "__MACOSX" for p in parts):
        return True
    base = parts[-1] if parts else ""
    return base.startswith("._") or base in (".DS_Store", "Thumbs.db", "desktop.ini")


def _check_name(name: str) -> str:
    """Normalise a member name; refuse absolute, drive-letter, ``..`` and NUL names."""
    if "\x00" in name:
        raise reject("bad_name")
    norm = name.replace("\\", "/")
    if norm.startswith("/") or (len(norm) > 1 and norm[1] == ":"):
        raise reject("absolute_path")
    parts = [p for p in norm.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        raise reject("parent_path")
    return "/".join(parts)


@dataclass
class Budget:
    """Decompressed bytes allowed over the whole archive, counted as they are read."""

    limit: int
    used: int = 0
    high_water: dict[str, int] = field(default_factory=dict)

    def spend(self, member: str, position: int) -> None:
        """Count bytes up to ``position`` of ``member``; reading a member again is free."""
        before = self.high_water.get(member, 0)
        if position <= before:
            return
        self.high_water[member] = position
        self.used += position - before
        if self.used > self.limit:
            raise reject("zip_bomb")


class CountingReader(io.RawIOBase):
    """A read-only stream over one member that counts actual bytes and enforces the limits."""

    def __init__(
        self,
        inner: BinaryIO,
        budget: Budget,
        *,
        name: str,
        declared_size: int,
        compressed_size: int | None,
    ) -> None:
        super().__init__()
        self._inner = inner
        self._budget = budget
        self._name = name
        self._declared = declared_size
        self._compressed = compressed_size
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        try:
            data = self._inner.read(len(buffer))
        except ArchiveRejected:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
            raise reject("damaged") from None
        except Exception:  # any other decoder failure is still a damaged member
            raise reject("damaged") from None
        n = len(data)
        buffer[:n] = data
        self.bytes_read += n
        self._budget.spend(self._name, self.bytes_read)
        if self.bytes_read > self._declared:
            raise reject("lying_size")
        if (
            self._compressed is not None
            and self.bytes_read > RATIO_MIN_SIZE
            and self.bytes_read > MAX_RATIO * max(self._compressed, 1)
        ):
            raise reject("zip_bomb_member")
        return n

    def close(self) -> None:
        try:
            self._inner.close()
        finally:
            super().close()


@dataclass(frozen=True)
class Member:
    """One file inside the export. ``name`` uses ``/`` and never starts with one."""

    name: str
    size: int
    compressed_size: int | None = None

    @property
    def basename(self) -> str:
        return self.name.rsplit("/", 1)[-1]

    @property
    def suffix(self) -> str:
        base = self.basename
        return base[base.rfind(".") :].lower() if "." in base else ""


@dataclass
class Archive:
    """An opened, validated export. Use as a context manager; ``open(member)`` streams one file."""

    path: Path
    kind: str  # zip | folder | file
    members: list[Member]
    budget: Budget
    warnings: list[str] = field(default_factory=list)
    _zip: zipfile.ZipFile | None = None
    _infos: dict[str, zipfile.ZipInfo] = field(default_factory=dict)

    @property
    def source_name(self) -> str:
        return self.path.name

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def member(self, name: str) -> Member:
        for m in self.members:
            if m.name == name:
                return m
        raise KeyError(name)

    def open(self, member: Member) -> CountingReader:
        if self.kind == "zip":
            assert self._zip is not None
            try:
                raw: BinaryIO = self._zip.open(self._infos[member.name])  # type: ignore[assignment]
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
                raise reject("damaged") from None
            except (RuntimeError, NotImplementedError):
                raise reject("unsupported_member") from None
        elif self.kind == "folder":
            raw = _open_inside(self.path, member.name)
        else:
            raw = self.path.open("rb")
        return CountingReader(
            raw,
            self.budget,
            name=member.name,
            declared_size=member.size,
            compressed_size=member.compressed_size,
        )

    def read_head(self, member: Member, n: int = 4096) -> bytes:
        with self.open(member) as f:
            return f.read(n)

    def fingerprint(self) -> str:
        """A hash that identifies this export (to spot re-imports)."""
        h = hashlib.sha256()
        if self.kind == "folder":
            for m in sorted(self.members, key=lambda m: m.name):
                h.update(m.name.encode("utf-8", "surrogatepass"))
                h.update(struct.pack("<Q", m.size))
        else:
            with self.path.open("rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    h.update(chunk)
        return h.hexdigest()


def _open_inside(root: Path, name: str) -> BinaryIO:
    """Open ``root/name`` without following a symbolic link anywhere on the way."""
    target = root.joinpath(*name.split("/"))
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        real = target.resolve(strict=True)
        if not real.is_relative_to(root.resolve(strict=True)):
            raise reject("folder_escape")
        fd = os.open(target, flags)
    except ArchiveRejected:
        raise
    except OSError:
        raise reject("folder_unreadable") from None
    return os.fdopen(fd, "rb")


def _zip_overlaps(path: Path, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse members whose bytes overlap each other or the central directory."""
    size = path.stat().st_size
    cd_start = getattr(zf, "start_dir", size)
    spans: list[tuple[int, int]] = []
    with path.open("rb") as f:
        for info in infos:
            off = info.header_offset
            if off < 0 or off + 30 > size:
                raise reject("damaged")
            f.seek(off)
            head = f.read(30)
            if len(head) != 30 or head[:4] != b"PK\x03\x04":
                raise reject("damaged")
            name_len, extra_len = struct.unpack("<HH", head[26:30])
            end = off + 30 + name_len + extra_len + info.compress_size
            if end > cd_start or end > size:
                raise reject("damaged")
            spans.append((off, end))
    spans.sort()
    for (_, end), (nxt, _) in itertools.pairwise(spans):
        if end > nxt:
            raise reject("overlap")


def _open_zip(path: Path) -> Archive:
    size = path.stat().st_size
    try:
        if not zipfile.is_zipfile(path):
            raise reject("not_archive")
        zf = zipfile.ZipFile(path)
    except ArchiveRejected:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise reject("damaged") from None
    try:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise reject("too_many_files")
        seen: set[str] = set()
        members: list[Member] = []
        declared_total = 0
        budget = Budget(min(TOTAL_FACTOR * max(size, 1), MAX_TOTAL_BYTES))
        for info in infos:
            name = _check_name(info.filename)
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise reject("symlink")
            if info.flag_bits & 0x1:
                raise reject("encrypted")
            key = name.casefold()
            if key in seen:
                raise reject("duplicate")
            seen.add(key)
            if info.is_dir() or not name:
                continue
            declared_total += info.file_size
            if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise reject("zip_bomb_member")
            if is_junk(name):
                continue
            members.append(Member(name, info.file_size, info.compress_size))
        if declared_total > budget.limit:
            raise reject("zip_bomb")
        _zip_overlaps(path, zf, [i for i in infos if not i.is_dir()])
        arch = Archive(path, "zip", members, budget, _zip=zf)
        arch._infos = {_check_name(i.filename): i for i in infos if not i.is_dir()}
        return arch
    except BaseException:
        zf.close()
        raise


def _walk_folder(root: Path) -> Iterator[tuple[str, int]]:
    count = 0
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        base = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not (base / d).is_symlink())
        for fn in sorted(filenames):
            p = base / fn
            try:
                st = p.lstat()
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode):
                continue  # symbolic links and special files are skipped, never followed
            count += 1
            if count > MAX_MEMBERS:
                raise reject("too_many_files")
            yield p.relative_to(root).as_posix(), st.st_size


def open_archive(path: Path) -> Archive:
    """Open and validate ``path`` (zip, folder or bare file). Raises ``ArchiveRejected``."""
    path = Path(path)
    try:
        st = path.lstat()
    except OSError:
        raise reject("not_found") from None
    if stat.S_ISLNK(st.st_mode):
        path = path.resolve()
    if path.is_dir():
        members = [Member(n, s) for n, s in _walk_folder(path) if not is_junk(n)]
        return Archive(path, "folder", members, Budget(MAX_PLAIN_BYTES))
    if not path.is_file():
        raise reject("not_file")
    suffix = path.suffix.lower()
    if suffix in (".json", ".txt"):
        size = path.stat().st_size
        return Archive(path, "file", [Member(path.name, size)], Budget(MAX_PLAIN_BYTES))
    return _open_zip(path)
