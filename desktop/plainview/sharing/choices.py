"""Sharing choices per category, answers per purpose, and the append-only consent ledger.

Qt-free. Every change is appended to the ``ledger`` table (the schema's triggers refuse
UPDATE and DELETE there). An absent ``choices`` row means ``private`` (DESIGN.md).
Choices live in their own table, so re-imports never touch them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final, Literal

from plainview.errors import UsageError
from plainview.model import DEFAULT_SHARE_LEVEL, SHARE_LEVELS, TIKTOK_CATEGORIES, ShareLevel
from plainview.sharing.store import reading

if TYPE_CHECKING:
    from plainview.vault import Vault

Answer = Literal["yes", "no", "unsure"]
ANSWERS: Final[tuple[Answer, ...]] = ("yes", "no", "unsure")

LedgerKind = Literal["share", "purpose", "export", "import"]
#: What an ``export`` ledger line can record leaving the vault (its ``subject``).
EXPORT_KINDS: Final[tuple[str, ...]] = ("share_package", "report", "letter", "statement", "export")
MAX_EXPORT_TEXT: Final = 200


@dataclass(frozen=True, slots=True)
class Choice:
    """One category's share level; ``updated_at`` is ``None`` when never set."""

    category: str
    share: ShareLevel
    updated_at: str | None

    def to_json(self) -> dict[str, Any]:
        return {"category": self.category, "share": self.share, "updated_at": self.updated_at}


@dataclass(frozen=True, slots=True)
class PurposeAnswer:
    purpose: str
    answer: Answer
    updated_at: str


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One appended line: ``kind`` is ``share`` (subject = category), ``purpose`` (subject =
    purpose id), ``export`` (subject = one of ``EXPORT_KINDS``; ``new`` = which file and
    what it held; ``recipient`` and ``purpose`` as the user gave them, or ``None``) or
    ``import`` (subject = the import's number, old = its platform, new = ``forgotten``:
    vault/lifecycle.py)."""

    id: int
    at: str
    kind: LedgerKind
    subject: str
    old: str | None
    new: str
    recipient: str | None = None
    purpose: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "at": self.at,
            "kind": self.kind,
            "subject": self.subject,
            "old": self.old,
            "new": self.new,
        }
        if self.kind == "export":
            out["recipient"] = self.recipient
            out["purpose"] = self.purpose
        return out


def now_utc() -> str:
    """ISO 8601 UTC with seconds, e.g. ``2026-11-27T18:50:00Z``."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def check_category(category: str) -> str:
    if category not in TIKTOK_CATEGORIES:
        raise UsageError(
            "unknown category",
            hint="use a full id such as tiktok.searches (see 'plainview summary')",
        )
    return category


def check_level(level: str) -> ShareLevel:
    if level not in SHARE_LEVELS:
        raise UsageError("unknown share level", hint="use private, anonymized or shared")
    return level


def check_answer(answer: str) -> Answer:
    if answer not in ANSWERS:
        raise UsageError("unknown answer", hint="use yes, no or unsure")
    return answer


def get_choices(vault: Vault | Any) -> dict[str, Choice]:
    """Every category id (in contract order) with its share level; absent row = private."""
    with reading(vault) as conn:
        return get_choices_in(conn)


def get_choices_in(conn: Any) -> dict[str, Choice]:
    """``get_choices`` on an open connection (for worker threads and transactions)."""
    rows = conn.execute("SELECT category, share, updated_at FROM choices").fetchall()
    stored = {str(r[0]): (str(r[1]), str(r[2])) for r in rows}
    out: dict[str, Choice] = {}
    for cat in TIKTOK_CATEGORIES:
        if cat in stored:
            share, at = stored[cat]
            out[cat] = Choice(cat, check_level(share), at)
        else:
            out[cat] = Choice(cat, DEFAULT_SHARE_LEVEL, None)
    return out


def share_level(vault: Vault, category: str) -> ShareLevel:
    return get_choices(vault)[check_category(category)].share


def set_share(vault: Vault, category: str, level: str) -> Choice:
    """Set one category's share level and append the change to the ledger.

    Setting the level it already has changes nothing and appends nothing (an absent row
    already means private). The ledger's ``old`` is the level in effect before the change.
    """
    check_category(category)
    new = check_level(level)
    at = now_utc()
    with vault.transaction() as conn:
        row = conn.execute("SELECT share FROM choices WHERE category = ?", (category,)).fetchone()
        old = str(row[0]) if row is not None else DEFAULT_SHARE_LEVEL
        if old == new:
            return get_choices_in(conn)[category]
        conn.execute(
            "INSERT INTO choices (category, share, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (category) DO UPDATE SET share = excluded.share, "
            "updated_at = excluded.updated_at",
            (category, new, at),
        )
        conn.execute(
            "INSERT INTO ledger (at, kind, subject, old, new) VALUES (?, 'share', ?, ?, ?)",
            (at, category, old, new),
        )
    return Choice(category, new, at)


def get_purpose_answers(vault: Vault | Any) -> dict[str, PurposeAnswer]:
    """Recorded answers by purpose id; a purpose never answered is absent."""
    with reading(vault) as conn:
        rows = conn.execute("SELECT purpose, answer, updated_at FROM purpose_answers").fetchall()
    return {str(r[0]): PurposeAnswer(str(r[0]), check_answer(str(r[1])), str(r[2])) for r in rows}


def set_purpose_answer(vault: Vault, purpose: str, answer: str) -> PurposeAnswer:
    """Record "may TikTok use my data for <purpose>?" and append the change to the ledger."""
    if not purpose or len(purpose) > 100:
        raise UsageError("unknown purpose")
    new = check_answer(answer)
    at = now_utc()
    with vault.transaction() as conn:
        row = conn.execute(
            "SELECT answer FROM purpose_answers WHERE purpose = ?", (purpose,)
        ).fetchone()
        old = str(row[0]) if row is not None else None
        if old == new:
            return PurposeAnswer(purpose, new, at)
        conn.execute(
            "INSERT INTO purpose_answers (purpose, answer, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (purpose) DO UPDATE SET answer = excluded.answer, "
            "updated_at = excluded.updated_at",
            (purpose, new, at),
        )
        conn.execute(
            "INSERT INTO ledger (at, kind, subject, old, new) VALUES (?, 'purpose', ?, ?, ?)",
            (at, purpose, old, new),
        )
    return PurposeAnswer(purpose, new, at)


def _kind(raw: str) -> LedgerKind:
    if raw in ("purpose", "export", "import"):
        return raw  # type: ignore[return-value]
    return "share"


def ledger(vault: Vault | Any) -> list[LedgerEntry]:
    """The whole consent ledger, oldest first."""
    with reading(vault) as conn:
        rows = conn.execute(
            "SELECT id, at, kind, subject, old, new, recipient, purpose FROM ledger ORDER BY id"
        ).fetchall()
    return [
        LedgerEntry(
            int(r[0]),
            str(r[1]),
            _kind(str(r[2])),
            str(r[3]),
            None if r[4] is None else str(r[4]),
            str(r[5]),
            None if r[6] is None else str(r[6]),
            None if r[7] is None else str(r[7]),
        )
        for r in rows
    ]


def _optional(text: str | None) -> str | None:
    cleaned = " ".join((text or "").split())[:MAX_EXPORT_TEXT]
    return cleaned or None


def record_export(
    target: Any,
    what: str,
    detail: str,
    *,
    recipient: str | None = None,
    purpose: str | None = None,
) -> LedgerEntry:
    """Append "this left the vault" to the ledger: ``what`` (one of ``EXPORT_KINDS``), the
    time, ``detail`` (the file and what it held) and, when given, for whom and why.

    ``target`` is the Vault (its own transaction) or an open connection inside the caller's
    write transaction.
    """
    if what not in EXPORT_KINDS:
        raise UsageError("unknown kind of export")
    at = now_utc()
    values = (at, what, detail[:1000] or what, _optional(recipient), _optional(purpose))
    sql = (
        "INSERT INTO ledger (at, kind, subject, old, new, recipient, purpose) "
        "VALUES (?, 'export', ?, NULL, ?, ?, ?)"
    )
    if hasattr(target, "transaction") and not hasattr(target, "execute"):
        with target.transaction() as conn:
            entry_id = conn.execute(sql, values).lastrowid
    else:
        entry_id = target.execute(sql, values).lastrowid
    _at, _what, new, to, why = values
    return LedgerEntry(int(entry_id or 0), at, "export", what, None, new, to, why)


def export_detail(file_name: str, levels: Mapping[str, str] | None = None) -> str:
    """``detail`` for ``record_export``: the file name, then each category with its level."""
    if not levels:
        return file_name
    return file_name + ": " + ", ".join(f"{c} ({lv})" for c, lv in levels.items())


def shown_detail(src: Any, file_name: str) -> str:
    """``detail`` for a report or letter: its file and the categories it may show (every one
    not private)."""
    levels = {c: ch.share for c, ch in get_choices(src).items() if ch.share != "private"}
    return export_detail(file_name, levels)
