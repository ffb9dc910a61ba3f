"""Detection: which platform, format and schema generation an export is.

Name-based checks run here, in the app's process (zip directory and file names only, no
content). The JSON generation needs the document itself and is settled by the worker's prescan
(``importers.worker``). When Plainview cannot read an export, ``ArchiveRejected`` says why in a
plain sentence that never quotes the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from plainview.importers import tiktok_txt, unsupported
from plainview.importers.archive import Archive, Member
from plainview.importers.messages import reject
from plainview.importers.tiktok_json import JSON_NAMES


@dataclass(frozen=True)
class Plan:
    """What to parse: the format, and for JSON the one member holding the document."""

    platform: str
    format: str  # json | txt
    member: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Detection:
    platform: str
    format: str
    schema: str


_TXT_HEAD: Final = re.compile(rb"^[A-Za-z][^:\n{}\[\]\"]{0,60}:")


def _check_json_head(archive: Archive, member: Member) -> None:
    """A TXT export saved under a .json name starts with ``Date: ...``: say so plainly."""
    head = archive.read_head(member, 256).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        return
    if _TXT_HEAD.match(head):
        raise reject("txt_named_json")
    raise reject("not_json")


def plan(archive: Archive) -> Plan:
    """Decide how to read ``archive`` from its member names, or say why we cannot."""
    members = archive.members
    if not members:
        raise reject("empty")
    other = unsupported.recognise(m.name for m in members)
    if other is not None:
        raise reject("other_platform", platform=other.name, platform_id=other.platform)
    jsons = [m for m in members if m.suffix == ".json"]
    for wanted in JSON_NAMES:
        for m in jsons:
            if m.basename.lower() == wanted:
                _check_json_head(archive, m)
                return Plan("tiktok", "json", m.name)
    txts = [m for m in members if m.suffix == ".txt"]
    if txts:
        lang = tiktok_txt.language_of(txts)
        if lang is not None:
            return Plan("tiktok", "txt", language=lang)
        if len(txts) == 1 and archive.kind == "file":
            raise reject("txt_file_unknown")
        raise reject("txt_language")
    if len(jsons) == 1:
        _check_json_head(archive, jsons[0])
        return Plan("tiktok", "json", jsons[0].name)  # a renamed file: the prescan decides
    if any(m.suffix in (".html", ".htm") for m in members):
        raise reject("html")
    raise reject("no_tiktok_data")
