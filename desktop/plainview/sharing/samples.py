"""A few of the participant's own rows, readable, and as redaction will leave them. Qt-free.

The guided audit shows a few records per category ("this is what TikTok has about you"), and
the share preview shows them before and after anonymizing. Both need rows that read like
sentences rather than JSON: ``readable()`` turns one record's fields into ``(label, value)``
pairs with words for labels ("SearchTerm" → "Search term"), nested values flattened one level,
empty values left out and long ones shortened. ``before_after()`` runs the very redaction a
share package uses (``redact.anonymize``, with a pseudonym key made for this preview only).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from plainview.model import ShareLevel
from plainview.sharing.redact import REMOVED, Pseudonymizer, anonymize, day_of
from plainview.sharing.store import _COMPLETE, Source, reading

SAMPLE_SIZE: Final = 3
MAX_PAIRS: Final = 6
MAX_VALUE: Final = 90

_CAMEL: Final = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


@dataclass(frozen=True, slots=True)
class SampleRow:
    """One record for people to read: when (UTC, or ``None``) and labelled values."""

    occurred_at: datetime | None
    pairs: tuple[tuple[str, str], ...]
    day_only: bool = False  # the time was cut to the day (anonymized)

    def text(self) -> str:
        return " · ".join(f"{label}: {value}" for label, value in self.pairs)


@dataclass(frozen=True, slots=True)
class BeforeAfter:
    before: SampleRow
    after: SampleRow


def latest_rows(src: Source, category: str, limit: int = SAMPLE_SIZE) -> list[tuple[Any, Any]]:
    """The newest ``limit`` records of a category as ``(occurred_at, fields)``."""
    with reading(src) as conn:
        rows = conn.execute(
            "SELECT occurred_at, fields FROM records WHERE category = ? "  # noqa: S608
            f"AND {_COMPLETE} ORDER BY occurred_at IS NULL, occurred_at DESC, id DESC LIMIT ?",
            (category, max(0, int(limit))),
        ).fetchall()
    out: list[tuple[Any, Any]] = []
    for at, fields in rows:
        when = None if at is None else datetime.fromtimestamp(int(at), UTC)
        out.append((when, json.loads(fields)))
    return out


def label(key: str) -> str:
    """A field name as words: ``SearchTerm`` → ``Search term``, ``user_name`` → ``User name``."""
    words = _CAMEL.sub(" ", str(key)).replace("_", " ").replace("-", " ").split()
    if not words:
        return str(key)
    text = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)
    return text[0].upper() + text[1:]


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= MAX_VALUE else value[: MAX_VALUE - 1] + "…"


def _scalar(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value).strip()
    return _short(text) if text else None


def _pairs(fields: Any, prefix: str = "", depth: int = 0) -> list[tuple[str, str]]:
    if isinstance(fields, dict):
        out: list[tuple[str, str]] = []
        for key, value in fields.items():
            name = f"{prefix} › {label(key)}" if prefix else label(key)
            if isinstance(value, dict | list) and depth < 1:
                out += _pairs(value, name, depth + 1)
            elif isinstance(value, dict | list):
                if value:
                    out.append((name, f"{len(value)} items"))
            else:
                text = _scalar(value)
                if text is not None:
                    out.append((name, text))
        return out
    if isinstance(fields, list):
        scalars = [t for t in (_scalar(v) for v in fields if not isinstance(v, dict | list)) if t]
        nested = [v for v in fields if isinstance(v, dict | list)]
        out = []
        if scalars:
            out.append((prefix or "Values", _short(", ".join(scalars))))
        if nested and depth < 1 and len(nested) == 1:
            out += _pairs(nested[0], prefix, depth + 1)
        elif nested:
            out.append((prefix or "Items", f"{len(nested)} items"))
        return out
    text = _scalar(fields)
    return [(prefix or "Value", text)] if text is not None else []


def readable(fields: Any, limit: int = MAX_PAIRS) -> tuple[tuple[str, str], ...]:
    """One record's fields as at most ``limit`` ``(label, value)`` pairs."""
    return tuple(_pairs(fields)[:limit])


def samples(src: Source, category: str, limit: int = SAMPLE_SIZE) -> list[SampleRow]:
    """A few of the newest records of ``category``, readable."""
    return [SampleRow(at, readable(fields)) for at, fields in latest_rows(src, category, limit)]


def before_after(
    src: Source, category: str, level: ShareLevel, limit: int = SAMPLE_SIZE
) -> list[BeforeAfter]:
    """The newest records of ``category`` as imported and as a share package will hold them
    at ``level`` (``shared``: unchanged; ``anonymized``: redacted; ``private``: nothing)."""
    if level == "private":
        return []
    pseudonym = Pseudonymizer()
    try:
        out: list[BeforeAfter] = []
        for at, fields in latest_rows(src, category, limit):
            before = SampleRow(at, readable(fields))
            if level == "shared":
                out.append(BeforeAfter(before, before))
                continue
            after_fields = anonymize(category, fields, pseudonym)
            day = day_of(at)
            after_at = None if day is None else datetime.fromisoformat(day).replace(tzinfo=UTC)
            out.append(BeforeAfter(before, SampleRow(after_at, readable(after_fields), True)))
        return out
    finally:
        pseudonym.forget()


_PSEUDONYM: Final = re.compile(r"^(user|id|key)-[0-9a-f]{10}$")
_DAY: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class Effects:
    """What anonymizing did to the sample, by field label (each label once, in order)."""

    removed: tuple[str, ...] = ()
    pseudonymized: tuple[str, ...] = ()
    shortened: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    times_to_day: bool = False

    @property
    def dates_only(self) -> bool:
        """Nothing but the date is left of each record (e.g. searches)."""
        return self.times_to_day and not (self.kept or self.pseudonymized or self.shortened)


def effects(rows: list[BeforeAfter]) -> Effects:
    """Sum up, per field, what redaction did in these before/after rows."""
    found: dict[str, dict[str, None]] = {k: {} for k in ("removed", "pseudo", "short", "kept")}
    times = False
    for row in rows:
        if row.after.day_only and row.before.occurred_at is not None:
            times = True
        before, after = row.before.pairs, row.after.pairs
        for i, (name, value) in enumerate(before):
            new = after[i][1] if len(after) == len(before) else dict(after).get(name)
            if new is None or new == REMOVED:
                found["removed"][name] = None
            elif _DAY.match(new) and new != value:
                times = True  # a time written in the record, cut to its day
            elif _PSEUDONYM.match(new) and new != value:
                found["pseudo"][name] = None
            elif new != value:
                found["short"][name] = None
            else:
                found["kept"][name] = None
    seen: set[str] = set()

    def once(key: str) -> tuple[str, ...]:
        out = tuple(n for n in found[key] if n not in seen)
        seen.update(out)
        return out

    # a field removed in one record and kept in another counts as removed (the safer word)
    return Effects(once("removed"), once("pseudo"), once("short"), once("kept"), times)
