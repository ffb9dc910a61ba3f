"""What the vault hands out: records, import rows and pagination cursors (moved from store.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final, Literal, NamedTuple

Order = Literal["time_desc", "time_asc", "id"]

_RECORD_COLUMNS: Final = "id, category, occurred_at, fields, import_id, source_path"


class Cursor(NamedTuple):
    """Position of a record in keyset pagination: ``(occurred_at seconds | None, id)``."""

    occurred_at: int | None
    id: int


@dataclass(frozen=True, slots=True)
class StoredRecord:
    id: int
    category: str
    occurred_at: datetime | None
    fields: Any
    import_id: int
    source_path: str

    @property
    def cursor(self) -> Cursor:
        at = None if self.occurred_at is None else int(self.occurred_at.timestamp())
        return Cursor(at, self.id)


@dataclass(frozen=True, slots=True)
class ImportRow:
    id: int
    platform: str
    format: str
    schema: str
    source_name: str
    account: str | None
    started_at: datetime
    finished_at: datetime | None
    status: str
    records: int
    added: int
    duplicates: int
    result: dict[str, Any]
    fingerprint: str | None = None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _to_record(row: Any) -> StoredRecord:
    at = None if row[2] is None else datetime.fromtimestamp(int(row[2]), UTC)
    return StoredRecord(
        id=int(row[0]),
        category=str(row[1]),
        occurred_at=at,
        fields=json.loads(row[3]),
        import_id=int(row[4]),
        source_path=str(row[5]),
    )
