"""Detection: which platform, format and schema generation an export is.

Name-based checks run here, in the app's process (zip directory and file names only, no
content). The JSON generation needs the document itself and is settled by the worker's prescan
(``importers.worker``). When Plainview cannot read an export, ``ArchiveRejected`` says why in a
plain sentence that never quotes the input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from plainview.errors import ArchiveRejected
from plainview.importers import tiktok_txt
from plainview.importers.archive import Archive, Member
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


_OTHER_PLATFORMS: Final = (
    (
        "Instagram",
        (
            "your_instagram_activity/",
            "personal_information/personal_information",
            "followers_and_following/",
            "instagram_",
        ),
    ),
    (
        "Facebook",
        (
            "your_facebook_activity/",
            "profile_information/profile_information.json",
            "apps_and_websites_off_of_facebook/",
        ),
    ),
    ("X (Twitter)", ("data/tweets.js", "data/tweet.js", "your archive.html", "data/manifest.js")),
    ("Google Takeout", ("takeout/", "archive_browser.html")),
)


def _other_platform(members: list[Member]) -> str | None:
    for name, needles in _OTHER_PLATFORMS:
        for m in members:
            low = "/" + m.name.lower()
            if any(("/" + n) in low or low.endswith("/" + n) for n in needles):
                return name
    return None


def plan(archive: Archive) -> Plan:
    """Decide how to read ``archive`` from its member names, or say why we cannot."""
    members = archive.members
    if not members:
        raise ArchiveRejected(
            "The export is empty: there is nothing in it to import.",
            hint="Download the export again from TikTok.",
        )
    other = _other_platform(members)
    if other is not None:
        raise ArchiveRejected(
            f"This looks like an export from {other}. Plainview reads TikTok exports only, "
            "for now: other platforms are not supported yet."
        )
    jsons = [m for m in members if m.suffix == ".json"]
    for wanted in JSON_NAMES:
        for m in jsons:
            if m.basename.lower() == wanted:
                return Plan("tiktok", "json", m.name)
    txts = [m for m in members if m.suffix == ".txt"]
    if txts:
        lang = tiktok_txt.language_of(txts)
        if lang is not None:
            return Plan("tiktok", "txt", language=lang)
        if len(txts) == 1 and archive.kind == "file":
            raise ArchiveRejected(
                "Plainview does not recognise this text file as part of a TikTok export.",
                hint="Import the whole TikTok export (the .zip file or its folder).",
            )
        raise ArchiveRejected(
            "This is a TikTok TXT export in a language Plainview does not read yet "
            "(it reads English and Dutch).",
            hint="Ask TikTok for your data in the JSON format: Plainview reads it in every "
            "language.",
        )
    if len(jsons) == 1:
        return Plan("tiktok", "json", jsons[0].name)  # a renamed file: the prescan decides
    if any(m.suffix in (".html", ".htm") for m in members):
        raise ArchiveRejected(
            "This export is in HTML, which Plainview cannot read.",
            hint="Request your data from TikTok again and choose the JSON format.",
        )
    raise ArchiveRejected(
        "Plainview could not find TikTok data in this export.",
        hint="Choose the .zip file TikTok gave you, its extracted folder, or "
        "user_data_tiktok.json.",
    )
