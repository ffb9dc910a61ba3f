"""TikTok TXT exports: older and newer folder layouts, English and Dutch.

Files are matched by base name, case-insensitively, at any depth (folders were renamed between
versions and users re-pack archives). Records are blocks of ``Label: value`` lines separated by
blank lines; lines are split on the first colon only (times hold colons); ``HashTag Link::``
(double colon) is read as ``HashTag Link``; CRLF and a BOM are accepted; a file with a single
block is a list of one; a file holding only the "no data" sentence is an empty section. Inline
lists and maps (``[cats, dogs]``, ``{a: 1}``) stay text, exactly as written. Labels are kept
as written (``Datum`` stays ``Datum``); times are read from ``Date``/``Datum``.

Single-object files (profile, autofill, settings, location, activity summary, ad interests)
give one record with every line; a line ending in ``:`` starts a nested group (``Settings.txt``
``Content Preferences:``). Files we do not know are kept whole as one ``tiktok.unrecognized``
record (fields = the file's text). The category of every file name is in ``FILES``.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

from plainview.importers.archive import Archive, Member
from plainview.importers.common import ParseState, clean_str, is_empty, item_date, item_text
from plainview.model import UNRECOGNIZED, Record

# base name (lower case, without .txt) -> (category, single object?)
_EN: Final[dict[str, tuple[str, bool]]] = {
    "watch history": ("tiktok.watch_history", False),
    "browsing history": ("tiktok.watch_history", False),
    "video browsing history": ("tiktok.watch_history", False),
    "like list": ("tiktok.likes", False),
    "favorite videos": ("tiktok.favorites", False),
    "favourite videos": ("tiktok.favorites", False),
    "favorite sounds": ("tiktok.favorites", False),
    "favorite hashtags": ("tiktok.favorites", False),
    "favorite effects": ("tiktok.favorites", False),
    "favorite collection": ("tiktok.favorites", False),
    "searches": ("tiktok.searches", False),
    "search history": ("tiktok.searches", False),
    "share history": ("tiktok.shares", False),
    "login history": ("tiktok.logins", False),
    "follower": ("tiktok.followers", False),
    "follower list": ("tiktok.followers", False),
    "following": ("tiktok.following", False),
    "following list": ("tiktok.following", False),
    "block list": ("tiktok.blocked", False),
    "status": ("tiktok.devices", False),
    "comments": ("tiktok.comments", False),
    "direct messages": ("tiktok.direct_messages", False),
    "group chat": ("tiktok.direct_messages", False),
    "off tiktok activity": ("tiktok.off_platform", False),
    "usage data from third-party apps and websites": ("tiktok.off_platform", False),
    "reposts": ("tiktok.reposts", False),
    "hashtag": ("tiktok.hashtags", False),
    "purchases": ("tiktok.purchases", False),
    "transaction history": ("tiktok.purchases", False),
    "coin purchase history": ("tiktok.purchases", False),
    "location reviews": ("tiktok.location_reviews", False),
    "post": ("tiktok.posts", False),
    "posts": ("tiktok.posts", False),
    "videos": ("tiktok.posts", False),
    "go live history": ("tiktok.live", False),
    "watch live history": ("tiktok.live", False),
    "order history": ("tiktok.shop", False),
    "shopping cart list": ("tiktok.shop", False),
    "product browsing history": ("tiktok.shop", False),
    "saved address information": ("tiktok.shop", False),
    "vouchers": ("tiktok.shop", False),
    "communication history": ("tiktok.shop", False),
    "ads visit history": ("tiktok.ad_clicks", False),
    "profile info": ("tiktok.profile", True),
    "profile information": ("tiktok.profile", True),
    "autofill": ("tiktok.autofill", True),
    "settings": ("tiktok.settings", True),
    "watch live settings": ("tiktok.settings", True),
    "go live settings": ("tiktok.settings", True),
    "most recent location data": ("tiktok.location", True),
    "activity summary": ("tiktok.activity_summary", True),
    "ad interests": ("tiktok.ad_interests", True),
}
_NL: Final[dict[str, tuple[str, bool]]] = {
    "kijkgeschiedenis": ("tiktok.watch_history", False),
    "likelijst": ("tiktok.likes", False),
    "favoriete video's": ("tiktok.favorites", False),
    "favoriete geluiden": ("tiktok.favorites", False),
    "favoriete hashtags": ("tiktok.favorites", False),
    "favoriete effecten": ("tiktok.favorites", False),
    "zoekopdrachten": ("tiktok.searches", False),
    "geschiedenis delen": ("tiktok.shares", False),
    "inloggeschiedenis": ("tiktok.logins", False),
    "volger": ("tiktok.followers", False),
    "volgers": ("tiktok.followers", False),
    "volgend": ("tiktok.following", False),
    "blokkeringslijst": ("tiktok.blocked", False),
    "reacties": ("tiktok.comments", False),
    "directe berichten": ("tiktok.direct_messages", False),
    "groepschat": ("tiktok.direct_messages", False),
    "berichten": ("tiktok.direct_messages", False),
    "activiteit buiten tiktok": ("tiktok.off_platform", False),
    "herplaatsingen": ("tiktok.reposts", False),
    "aankopen": ("tiktok.purchases", False),
    "profielinformatie": ("tiktok.profile", True),
    "automatisch invullen": ("tiktok.autofill", True),
    "instellingen": ("tiktok.settings", True),
    "meest recente locatiegegevens": ("tiktok.location", True),
    "samenvatting van activiteit": ("tiktok.activity_summary", True),
    "advertentie-interesses": ("tiktok.ad_interests", True),
}
LANGUAGES: Final = {"en": _EN, "nl": _NL}
FILES: Final = {**_EN, **_NL}

EMPTY_SENTENCES: Final = (
    "you have no data in this section",
    "no data",
    "dit gedeelte bevat geen gegevens",
    "er staan geen gegevens in dit gedeelte",
)
SMALL_FILE: Final = 16 * 1024 * 1024  # single-object files (profile, settings) are small
# An unknown file larger than this is stored as records of about this many characters each
# (whole lines, in order, source path "... (part N)"), so it never has to fit in memory.
PART_CHARS: Final = 1024 * 1024
_USERNAME_LABELS: Final = ("username", "user name", "gebruikersnaam")


def file_key(member: Member) -> str:
    base = unicodedata.normalize("NFC", member.basename)
    base = base.replace("\u2019", "'")
    return base[:-4].strip().lower() if base.lower().endswith(".txt") else base.lower()


def classify(member: Member) -> tuple[str, bool] | None:
    return FILES.get(file_key(member))


def language_of(members: list[Member]) -> str | None:
    """``en`` / ``nl`` by which table knows more of the .txt files, ``None`` if neither."""
    scores = {lang: 0 for lang in LANGUAGES}
    for m in members:
        if m.suffix == ".txt":
            for lang, table in LANGUAGES.items():
                if file_key(m) in table:
                    scores[lang] += 1
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] else None


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return clean_str(data.decode("utf-16", "replace"))
    return clean_str(data.decode("utf-8", "replace")).replace("\r\n", "\n").replace("\r", "\n")


def _split_line(line: str) -> tuple[str | None, str]:
    idx = line.find(":")
    if idx <= 0:
        return None, line.strip()
    label = line[:idx].strip()
    rest = line[idx + 1 :]
    if rest.startswith(":"):  # "HashTag Link::" seen in real exports
        rest = rest[1:]
    return label, rest.strip()


def _put(block: dict[str, Any], label: str, value: Any) -> None:
    key, n = label, 2
    while key in block:
        key = f"{label} ({n})"
        n += 1
    block[key] = value


def iter_blocks(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """``Label: value`` blocks separated by blank lines, one at a time."""
    cur: dict[str, Any] = {}
    last: str | None = None
    for line in lines:
        if not line.strip():
            if cur:
                yield cur
            cur, last = {}, None
            continue
        label, value = _split_line(line)
        if label is None or (" " in label.strip() and len(label) > 60):
            value = line.strip()  # a sentence with a colon: keep all of it, not only the end
            if last is not None and isinstance(cur.get(last), str):
                cur[last] = f"{cur[last]}\n{value}"
            else:
                _put(cur, "text", value)
                last = "text"
            continue
        _put(cur, label, value)
        last = label
    if cur:
        yield cur


def blocks(text: str) -> list[dict[str, Any]]:
    return list(iter_blocks(text.split("\n")))


def stream_lines(raw: io.RawIOBase) -> Iterator[str]:
    """Decoded lines of a member, streamed (CRLF, CR, a BOM and UTF-16 accepted)."""
    buffered = io.BufferedReader(raw, 1 << 16)
    head = buffered.peek(2)[:2]
    encoding = "utf-16" if head in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    text = io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline=None)
    for line in text:
        yield clean_str(line.rstrip("\n"))


def _is_sentence_block(block: dict[str, Any]) -> bool:
    return list(block) == ["text"] and is_empty_sentence(str(block["text"]))


def single_object(text: str) -> dict[str, Any]:
    """Every line of a single-object file in one map; ``Header:`` lines open a group."""
    obj: dict[str, Any] = {}
    group: dict[str, Any] | None = None
    for line in text.split("\n"):
        if not line.strip():
            group = None
            continue
        stripped = line.strip()
        if stripped.startswith("(") and stripped.endswith(")"):
            _put(obj, "Note", stripped[1:-1].removeprefix("Note:").strip())
            continue
        label, value = _split_line(line)
        if label is None:
            _put(group if group is not None else obj, "text", value)
        elif value == "":
            group = {}
            _put(obj, label, group)
        else:
            _put(group if group is not None else obj, label, value)
    return obj


def is_empty_sentence(text: str) -> bool:
    t = text.strip().strip(".").strip().lower()
    return t == "" or t in EMPTY_SENTENCES


def _unknown_in_parts(archive: Archive, m: Member, state: ParseState) -> Iterator[Record]:
    """A large file we don't know: its lines in order, in records of about PART_CHARS.

    Joined with a newline, the parts give the file's text exactly as a small unknown
    file's single record holds it (line ends made ``\n``).
    """
    info = state.section(m.name, UNRECOGNIZED)
    lines: list[str] = []
    size = part = 0
    with archive.open(m) as f:
        for line in stream_lines(f):
            if size + len(line) > PART_CHARS and lines:
                part += 1
                state.count(info)
                text = "\n".join(lines)
                yield Record(UNRECOGNIZED, None, text, f"{m.name} (part {part})", text[:100_000])
                lines, size = [], 0
            lines.append(line)
            size += len(line) + 1
    text = "\n".join(lines)
    if part == 0 and is_empty_sentence(text):
        return
    part += 1
    state.count(info)
    yield Record(UNRECOGNIZED, None, text, f"{m.name} (part {part})", text[:100_000])


def account_of(archive: Archive) -> str | None:
    for m in archive.members:
        spec = classify(m)
        if spec and spec[0] == "tiktok.profile":
            with archive.open(m) as f:
                obj = single_object(decode(f.read(1 << 20)))
            for k, v in obj.items():
                if k.lower() in _USERNAME_LABELS and isinstance(v, str) and v:
                    return v[:200]
    return None


def parse(
    archive: Archive, state: ParseState, tick: Callable[[float, str], None] | None = None
) -> Iterator[Record]:
    """Records of every ``.txt`` member; unknown ones become ``tiktok.unrecognized``."""
    txt = [m for m in archive.members if m.suffix == ".txt"]
    total = sum(m.size for m in txt) or 1
    done = 0
    ignored = 0
    for m in archive.members:
        if m.suffix != ".txt":
            ignored += 1
    for m in txt:
        if tick:
            tick(done / total, m.basename)
        done += m.size
        spec = classify(m)
        if spec is not None and not spec[1]:  # a list file: streamed block by block
            category = spec[0]
            info = state.section(m.name, category)
            with archive.open(m) as f:
                for block in iter_blocks(stream_lines(f)):
                    if _is_sentence_block(block):
                        continue
                    state.count(info)
                    yield Record(category, item_date(block), block, m.name, item_text(block))
            continue
        if spec is None and m.size > PART_CHARS:
            yield from _unknown_in_parts(archive, m, state)
            continue
        with archive.open(m) as f:
            text = decode(f.read(SMALL_FILE if spec is not None else -1))
        if spec is None:
            info = state.section(m.name, UNRECOGNIZED)
            if not is_empty_sentence(text):
                state.count(info)
                yield Record(UNRECOGNIZED, None, text, m.name, text[:100_000])
            continue
        category = spec[0]
        info = state.section(m.name, category)
        if is_empty_sentence(text):
            continue
        obj = single_object(text)
        if not is_empty(obj):
            state.count(info)
            yield Record(category, item_date(obj), obj, m.name, item_text(obj))
    if ignored:
        state.warn("non_text_files", count=ignored)
