"""Share packages: a zip that obeys the sharing choices (DESIGN.md "Sharing choices").

``preview()`` says exactly what a package would hold; ``build_share_package()`` writes it:

- ``manifest.json``: format, app version, choices and ledger excerpt (only categories that are
  included, plus purpose answers), per category the redaction rules and what they did;
- ``data/<category>.json``: one JSON array per included category, streamed record by record;
- ``README.txt``: plain language (English, plus Chinese when the language is zh_CN).

Private categories leave no trace: not their name, not their count, not in the manifest's
choices or ledger excerpt. The zip is written to a temporary file in the target folder,
fsynced and moved into place with ``os.replace``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
import threading
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from plainview import __version__
from plainview.errors import PlainviewError, UsageError
from plainview.model import UNRECOGNIZED, ShareLevel
from plainview.sharing import choices as choices_mod
from plainview.sharing import store
from plainview.sharing.purposes import category_title
from plainview.sharing.redact import ACTIONS, Pseudonymizer, Redactor, day_of
from plainview.sharing.texts import Texts

FORMAT: Final = "plainview-share/1"
# One fixed time for every zip entry: a zip stores local wall-clock time without a zone, which
# would tell the recipient the maker's time zone (the data is in UTC); when the package was
# made is in manifest.json, in UTC.
ZIP_TIME: Final = (1980, 1, 1, 0, 0, 0)
Progress = Callable[[float, str], None]


class ShareCancelled(PlainviewError):
    """The user cancelled writing a share package; nothing was written."""


@dataclass(frozen=True, slots=True)
class PreviewItem:
    category: str
    title: str
    share: ShareLevel
    records: int
    notes: tuple[str, ...]

    @property
    def file(self) -> str:
        return f"data/{self.category}.json"


@dataclass(frozen=True, slots=True)
class PackagePreview:
    """What a package would include; empty ``items`` means every category is private."""

    items: tuple[PreviewItem, ...]
    lang: str

    @property
    def files(self) -> list[str]:
        return ["README.txt", "manifest.json", *(i.file for i in self.items)]

    @property
    def total_records(self) -> int:
        return sum(i.records for i in self.items)


@dataclass(slots=True)
class PackageResult:
    path: Path
    preview: PackagePreview
    actions: dict[str, dict[str, int]] = field(default_factory=dict)


def redaction_notes(category: str, level: ShareLevel, lang: str) -> tuple[str, ...]:
    t = Texts(lang)
    if level == "shared":
        return (t("redaction.shared"),)
    if category == UNRECOGNIZED:
        return (t("redaction.unrecognized"),)
    return (t("redaction.anonymized"), t("redaction.unknown"))


def preview(vault: store.Source, catalog: Any = None, lang: str = "en") -> PackagePreview:
    """Exactly what ``build_share_package`` would include, per category, with counts."""
    current = choices_mod.get_choices(vault)
    counts = store.category_counts(vault)
    items = tuple(
        PreviewItem(
            cat,
            category_title(catalog, cat),
            c.share,
            counts.get(cat, 0),
            redaction_notes(cat, c.share, lang),
        )
        for cat, c in current.items()
        if c.share != "private"
    )
    return PackagePreview(items, Texts(lang).lang)


def anonymized_record(
    category: str,
    occurred_at: datetime | None,
    fields: Any,
    source_path: str,
    redactor: Redactor,
) -> dict[str, Any]:
    """One record as an ``anonymized`` category writes it into ``data/<category>.json``."""
    return {
        "occurred_at": day_of(occurred_at),
        "fields": redactor.anonymize(
            fields, unrecognized=is_unrecognized(category), category=category
        ),
        "source": redactor.source_path(source_path),
    }


def is_unrecognized(category: str) -> bool:
    """``<platform>.unrecognized`` for every platform."""
    return category == UNRECOGNIZED or category.endswith(".unrecognized")


def _record_json(row: store.Row, level: ShareLevel, redactor: Redactor) -> dict[str, Any]:
    if level == "shared":
        return {
            "occurred_at": None if row.occurred_at is None else row.occurred_at.isoformat(),
            "fields": row.fields,
            "source": row.source_path,
        }
    return anonymized_record(row.category, row.occurred_at, row.fields, row.source_path, redactor)


def _manifest(
    vault: store.Source,
    plan: PackagePreview,
    actions: dict[str, dict[str, int]],
    created: str,
) -> dict[str, Any]:
    included = {i.category for i in plan.items}
    current = choices_mod.get_choices(vault)
    ledger = [
        e.to_json()
        for e in choices_mod.ledger(vault)
        if e.kind == "purpose" or e.subject in included
    ]
    answers = choices_mod.get_purpose_answers(vault)
    return {
        "format": FORMAT,
        "app": {"name": "Plainview", "version": __version__},
        "created_at": created,
        "choices": [current[c].to_json() for c in current if c in included],
        "purpose_answers": [
            {"purpose": a.purpose, "answer": a.answer, "updated_at": a.updated_at}
            for a in answers.values()
        ],
        "ledger": ledger,
        "pseudonyms": (
            "HMAC-SHA256 with a random key made for this package only and then discarded; "
            "the same value gets the same pseudonym inside this package only"
        ),
        "categories": [
            {
                "category": i.category,
                "title": i.title,
                "share": i.share,
                "records": i.records,
                "file": i.file,
                "redaction": {
                    "notes": list(i.notes),
                    "actions": actions.get(i.category, {}),
                },
            }
            for i in plan.items
        ],
    }


def readme_text(plan: PackagePreview, created_day: str) -> str:
    langs = ["en"] + (["zh_CN"] if plan.lang == "zh_CN" else [])
    parts: list[str] = []
    for lang in langs:
        t = Texts(lang)
        lines = [
            t("readme.title"),
            "=" * 40,
            "",
            t("readme.intro", version=__version__, date=created_day),
            "",
            t("readme.levels"),
            "",
            t("readme.private"),
            "",
            t("readme.files"),
            "",
            t("readme.contents"),
        ]
        if plan.items:
            for i in plan.items:
                lines.append(
                    t(
                        "readme.line",
                        title=i.title,
                        id=i.category,
                        level=t(f"level.{i.share}"),
                        count=i.records,
                    )
                )
        else:
            lines.append(t("readme.none"))
        lines += ["", t("readme.consent"), ""]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def build_share_package(
    vault: store.Source,
    out: Path,
    catalog: Any = None,
    *,
    lang: str = "en",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    recipient: str | None = None,
    purpose: str | None = None,
) -> PackageResult:
    """Write the share package to ``out`` atomically and return what it holds; the consent
    ledger records that it left (with ``recipient`` and ``purpose`` when given)."""
    out = Path(out)
    if out.suffix.casefold() != ".zip":
        raise UsageError("the share package must be a .zip file", hint="use --out FILE.zip")
    if not out.parent.is_dir():
        raise UsageError("the folder for the share package does not exist")
    plan = preview(vault, catalog, lang)
    now = datetime.now(UTC).replace(microsecond=0)
    created = now.isoformat().replace("+00:00", "Z")
    pseudonym = Pseudonymizer()
    actions: dict[str, dict[str, int]] = {}
    total = max(1, plan.total_records)
    done = 0
    fd, tmp_name = tempfile.mkstemp(prefix=".plainview-share-", suffix=".tmp", dir=out.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as raw:
            with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                written: list[PreviewItem] = []
                for item in plan.items:
                    redactor = Redactor(pseudonym)
                    n = 0
                    info = _entry(item.file)
                    with zf.open(info, "w") as member:
                        member.write(b"[")
                        first = True
                        for row in store.iter_records(vault, item.category):
                            if cancel is not None and cancel.is_set():
                                raise ShareCancelled("Writing the share package was cancelled.")
                            rec = _record_json(row, item.share, redactor)
                            member.write(b"\n" if first else b",\n")
                            member.write(json.dumps(rec, ensure_ascii=False).encode("utf-8"))
                            first = False
                            n += 1
                            done += 1
                            if progress is not None and done % 500 == 0:
                                progress(done / total, item.category)
                        member.write(b"\n]\n")
                    written.append(dataclasses.replace(item, records=n))
                    if item.share == "anonymized":
                        counted: Counter[str] = redactor.counts
                        actions[item.category] = {a: counted.get(a, 0) for a in ACTIONS}
                # counts as written (an import finishing meanwhile cannot make them disagree)
                plan = PackagePreview(tuple(written), plan.lang)
                zf.writestr(_entry("README.txt"), readme_text(plan, now.strftime("%Y-%m-%d")))
                manifest = _manifest(vault, plan, actions, created)
                zf.writestr(
                    _entry("manifest.json"),
                    json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"),
                )
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp, out)
        _fsync_dir(out.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        pseudonym.forget()
    choices_mod.record_export(
        vault,
        "share_package",
        choices_mod.export_detail(out.name, {i.category: i.share for i in plan.items}),
        recipient=recipient,
        purpose=purpose,
    )
    if progress is not None:
        progress(1.0, "")
    return PackageResult(out, plan, actions)


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform (Windows)
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = [
    "PackagePreview",
    "PackageResult",
    "PreviewItem",
    "ShareCancelled",
    "anonymized_record",
    "build_share_package",
    "preview",
]
