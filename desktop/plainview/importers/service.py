"""``run_import``: archive -> checks -> worker parse -> vault, with progress and cancel.

Order matters for "a rejected archive leaves the vault exactly as it was": the archive is
opened and checked, the format planned and the whole document validated by the worker's
prescan *before* ``vault.begin_import``. Records then stream from the worker into one write
transaction; a cancel rolls them back (import marked ``cancelled``); a worker that dies or
rejects half-way (only possible if the file changes under us) rolls back and removes the import
row again, so the vault's contents are unchanged.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plainview.errors import ArchiveRejected, ImportCancelled
from plainview.importers.archive import open_archive
from plainview.importers.messages import reject, text, warning
from plainview.importers.registry import Detection, plan
from plainview.importers.worker import ParseSession, row_to_record
from plainview.model import Record

ProgressFn = Callable[[float, str], None]


@dataclass
class ImportResult:
    import_id: int
    platform: str
    format: str
    schema: str
    records: dict[str, int]
    added: int
    duplicates: int
    added_by_category: dict[str, int]
    sections: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    account: str | None = None
    source_name: str = ""
    # (code, values) of each warning, for the GUI to show in the user's language
    warning_codes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    # scalars found next to a section's list ({source path: {key: value}}), kept, not records
    wrapper_values: dict[str, dict[str, Any]] = field(default_factory=dict)

    def localized_warnings(self, lang: str | None) -> list[str]:
        return [warning(code, lang, **values) for code, values in self.warning_codes]

    def to_json(self) -> dict[str, Any]:
        """The DESIGN.md ``import --json`` shape, plus extra keys."""
        return {
            "import_id": self.import_id,
            "platform": self.platform,
            "format": self.format,
            "schema": self.schema,
            "records": dict(self.records),
            "added": self.added,
            "duplicates": self.duplicates,
            "sections": {
                "empty": list(self.sections.get("empty", [])),
                "unrecognized": list(self.sections.get("unrecognized", [])),
                "missing": list(self.sections.get("missing", [])),
            },
            "added_by_category": dict(self.added_by_category),
            "warnings": list(self.warnings),
            "source_name": self.source_name,
            "wrapper_values": {k: dict(v) for k, v in self.wrapper_values.items()},
        }


def detect(path: Path, *, isolate: bool = True) -> Detection:
    """Platform, format and generation of an export, or ``ArchiveRejected`` saying why."""
    path = Path(path)
    with open_archive(path) as archive:
        p = plan(archive)
    if p.format == "txt":
        return Detection(p.platform, "txt", "txt")
    with ParseSession(path, p, isolate=isolate) as session:
        msg = session.next()
        while msg[0] == "progress":  # the validation pass comes before the verdict
            msg = session.next()
    if msg[0] == "rejected":
        raise reject(msg[1], **msg[2])
    return Detection(p.platform, p.format, str(msg[1]))


def run_import(
    vault: Any,
    path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
    isolate: bool = True,
    stored: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import one export into an unlocked vault (docs/ARCHITECTURE.md "Importers").

    ``stored``, if given, hears how many records have been handed to the vault so far: 0 once
    the import row exists (storing begins), then after every batch.
    """
    path = Path(path)
    report = progress or (lambda _f, _s: None)
    report(0.0, "")
    with open_archive(path) as archive:
        p = plan(archive)
        fingerprint = archive.fingerprint()
        source_name = archive.source_name
    with ParseSession(path, p, isolate=isolate) as session:
        first = session.next()
        while first[0] == "progress":  # validating the whole document, before the vault
            report(float(first[1]), str(first[2]))
            if cancel is not None and cancel.is_set():
                raise _cancelled()
            first = session.next()
        if first[0] == "rejected":
            raise reject(first[1], **first[2])
        if first[0] != "detected":  # pragma: no cover - protocol guard
            raise reject("unreadable")
        if cancel is not None and cancel.is_set():
            raise _cancelled()
        schema, account = str(first[1]), first[2]
        import_id = vault.begin_import(
            p.platform, p.format, schema, source_name, fingerprint, account
        )
        done: list[Any] = []
        count_stored = stored or (lambda _n: None)
        count_stored(0)
        handed = [0]

        def records() -> Iterator[Record]:
            while True:
                if cancel is not None and cancel.is_set():
                    raise _cancelled()
                msg = session.next()
                kind = msg[0]
                if kind == "records":
                    for row in msg[1]:
                        yield row_to_record(row)
                    handed[0] += len(msg[1])
                    count_stored(handed[0])
                elif kind == "progress":
                    report(float(msg[1]), str(msg[2]))
                elif kind == "done":
                    done.append(msg)
                    return
                elif kind == "rejected":
                    raise reject(msg[1], **msg[2])

        try:
            per_category = vault.add_records_counted(import_id, records())
            _, sections, warning_codes, wrapper_values = done[0]
            vault.set_sections(import_id, sections)
            seen = {c: a + d for c, (a, d) in per_category.items()}
            added_by = {c: a for c, (a, _d) in per_category.items()}
            grouped: dict[str, list[str]] = {"empty": [], "unrecognized": [], "missing": []}
            for spath, _cat, status, _count in sections:
                if status in grouped:
                    grouped[status].append(spath)
            result = ImportResult(
                import_id=import_id,
                platform=p.platform,
                format=p.format,
                schema=schema,
                records=dict(sorted(seen.items())),
                added=sum(added_by.values()),
                duplicates=sum(d for _a, d in per_category.values()),
                added_by_category=dict(sorted(added_by.items())),
                sections=grouped,
                warnings=[warning(code, "en", **values) for code, values in warning_codes],
                warning_codes=[(code, dict(values)) for code, values in warning_codes],
                account=account,
                source_name=source_name,
                wrapper_values=wrapper_values,
            )
            vault.finish_import(import_id, "complete", result.to_json())
        except ImportCancelled:
            vault.finish_import(import_id, "cancelled", {"cancelled": True})
            raise
        except ArchiveRejected:
            vault.finish_import(import_id, "failed", {})
            _forget_import(vault, import_id)
            raise
        except BaseException:
            with contextlib.suppress(Exception):
                vault.finish_import(import_id, "failed", {})
            raise
    report(1.0, "")
    return result


def _cancelled() -> ImportCancelled:
    err = ImportCancelled(text("cancelled")[0])
    err.code = "cancelled"  # type: ignore[attr-defined]
    return err


def _forget_import(vault: Any, import_id: int) -> None:
    """Remove the row of an import whose input was rejected half-way (no records remain)."""
    with contextlib.suppress(Exception), vault.transaction() as conn:
        conn.execute("DELETE FROM sections WHERE import_id = ?", (import_id,))
        conn.execute("DELETE FROM imports WHERE id = ? AND status = 'failed'", (import_id,))
