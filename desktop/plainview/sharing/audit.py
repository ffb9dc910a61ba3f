"""Guided audit state (tables ``audits`` / ``audit_answers``), Qt-free and resumable.

One step per category the export holds (``plan_steps``; every category id except
``tiktok.unrecognized`` can be one, categories the export lacks are skipped and listed once):
"Did you expect TikTok to have this?" (yes / no / unsure) plus notes; the share level itself
is a choice (``choices.set_share``). Then one step per purpose TikTok's policy links to those
categories: "May TikTok use your data for ...?" (``choices.set_purpose_answer``).
``position`` is the step to resume at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from plainview.errors import UsageError
from plainview.model import TIKTOK_CATEGORIES, UNRECOGNIZED
from plainview.sharing.choices import Answer, check_answer, check_category, now_utc
from plainview.sharing.purposes import purpose_titles, purposes_of
from plainview.sharing.store import reading

if TYPE_CHECKING:
    from plainview.vault import Vault

STEPS: Final[tuple[str, ...]] = tuple(c for c in TIKTOK_CATEGORIES if c != UNRECOGNIZED)
MAX_NOTES: Final = 10_000
MAX_POSITION: Final = 1_000


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the audit: ``kind`` ``category`` (subject = category id) or ``purpose``
    (subject = purpose id; ``categories`` = the export's categories the policy links to it)."""

    kind: str
    subject: str
    title: str = ""
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Plan:
    steps: tuple[Step, ...]
    skipped: tuple[str, ...]  # categories the export lacks, in contract order

    @property
    def category_steps(self) -> int:
        return sum(1 for s in self.steps if s.kind == "category")


def plan_steps(counts: dict[str, int], catalog: Any = None, policy: str = "eea") -> Plan:
    """The audit's steps for an export with these per-category ``counts``.

    Categories with records come first, in contract order; categories without any are
    skipped (``Plan.skipped``). Then each purpose the catalog links to at least one of those
    categories, in the catalog's order. Without a catalog there are no purpose steps.
    """
    present = [c for c in STEPS if counts.get(c, 0) > 0]
    skipped = tuple(c for c in STEPS if counts.get(c, 0) <= 0)
    steps = [Step("category", c) for c in present]
    linked: dict[str, list[str]] = {}
    for category in present:
        for pid in purposes_of(catalog, category, policy):
            linked.setdefault(pid, []).append(category)
    for pid, title in purpose_titles(catalog).items():
        if pid in linked:
            steps.append(Step("purpose", pid, title, tuple(linked[pid])))
    return Plan(tuple(steps), skipped)


@dataclass(frozen=True, slots=True)
class Audit:
    id: int
    participant: str
    started_at: str
    finished_at: str | None
    position: int

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


@dataclass(frozen=True, slots=True)
class AuditAnswer:
    category: str
    expected: Answer | None
    notes: str
    updated_at: str


def _audit(row: Any) -> Audit:
    return Audit(
        int(row[0]), str(row[1]), str(row[2]), None if row[3] is None else str(row[3]), int(row[4])
    )


_COLS = "id, participant, started_at, finished_at, position"


def start_audit(vault: Vault, participant: str = "") -> Audit:
    with vault.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO audits (participant, started_at, position) VALUES (?, ?, 0)",
            (participant.strip()[:200], now_utc()),
        )
        audit_id = cur.lastrowid
        assert audit_id is not None
    return get_audit(vault, audit_id)


def get_audit(vault: Vault | Any, audit_id: int) -> Audit:
    with reading(vault) as conn:
        row = conn.execute(f"SELECT {_COLS} FROM audits WHERE id = ?", (audit_id,)).fetchone()  # noqa: S608
    if row is None:
        raise UsageError("that audit does not exist")
    return _audit(row)


def current_audit(vault: Vault | Any) -> Audit | None:
    """The most recent unfinished audit, to resume."""
    with reading(vault) as conn:
        row = conn.execute(
            f"SELECT {_COLS} FROM audits WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1"  # noqa: S608
        ).fetchone()
    return None if row is None else _audit(row)


def latest_audit(vault: Vault | Any) -> Audit | None:
    """The most recent audit, finished or not (the report uses its answers)."""
    with reading(vault) as conn:
        row = conn.execute(f"SELECT {_COLS} FROM audits ORDER BY id DESC LIMIT 1").fetchone()  # noqa: S608
    return None if row is None else _audit(row)


def save_answer(
    vault: Vault, audit_id: int, category: str, expected: str | None, notes: str = ""
) -> AuditAnswer:
    check_category(category)
    exp = None if expected is None else check_answer(expected)
    notes = notes[:MAX_NOTES]
    at = now_utc()
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO audit_answers (audit_id, category, expected, notes, updated_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (audit_id, category) DO UPDATE SET "
            "expected = excluded.expected, notes = excluded.notes, "
            "updated_at = excluded.updated_at",
            (audit_id, category, exp, notes, at),
        )
    return AuditAnswer(category, exp, notes, at)


def set_position(vault: Vault, audit_id: int, position: int) -> None:
    position = max(0, min(position, MAX_POSITION))
    with vault.transaction() as conn:
        conn.execute("UPDATE audits SET position = ? WHERE id = ?", (position, audit_id))


def finish_audit(vault: Vault, audit_id: int, steps: int | None = None) -> Audit:
    """Mark the audit finished; ``position`` becomes the number of steps it had."""
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE audits SET finished_at = ?, position = ? WHERE id = ?",
            (now_utc(), len(STEPS) if steps is None else max(0, steps), audit_id),
        )
    return get_audit(vault, audit_id)


def answers(vault: Vault | Any, audit_id: int) -> dict[str, AuditAnswer]:
    with reading(vault) as conn:
        rows = conn.execute(
            "SELECT category, expected, notes, updated_at FROM audit_answers WHERE audit_id = ?",
            (audit_id,),
        ).fetchall()
    return {
        str(r[0]): AuditAnswer(
            str(r[0]), None if r[1] is None else check_answer(str(r[1])), str(r[2]), str(r[3])
        )
        for r in rows
    }
