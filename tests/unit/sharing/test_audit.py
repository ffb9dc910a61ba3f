"""Guided audit state: one step per category, resumable."""

from __future__ import annotations

from typing import Any

import pytest

from plainview.errors import UsageError
from plainview.model import UNRECOGNIZED
from plainview.sharing import audit


def test_steps_cover_every_category_but_unrecognized() -> None:
    assert len(audit.STEPS) == 27 and UNRECOGNIZED not in audit.STEPS


def test_resume_where_it_stopped(sharing_vault: Any) -> None:
    assert audit.current_audit(sharing_vault) is None
    a = audit.start_audit(sharing_vault, " Participant A ")
    assert a.participant == "Participant A" and a.position == 0 and not a.finished
    audit.save_answer(sharing_vault, a.id, "tiktok.profile", "yes", "knew it")
    audit.save_answer(sharing_vault, a.id, "tiktok.profile", "no", "changed my mind")
    audit.set_position(sharing_vault, a.id, 3)
    resumed = audit.current_audit(sharing_vault)
    assert resumed is not None and resumed.id == a.id and resumed.position == 3
    got = audit.answers(sharing_vault, a.id)
    assert got["tiktok.profile"].expected == "no" and got["tiktok.profile"].notes == (
        "changed my mind"
    )
    done = audit.finish_audit(sharing_vault, a.id)
    assert done.finished and done.position == len(audit.STEPS)
    assert audit.current_audit(sharing_vault) is None
    latest = audit.latest_audit(sharing_vault)
    assert latest is not None and latest.id == a.id


def test_bad_answers_are_refused(sharing_vault: Any) -> None:
    a = audit.start_audit(sharing_vault)
    with pytest.raises(UsageError):
        audit.save_answer(sharing_vault, a.id, "tiktok.profile", "perhaps")
    with pytest.raises(UsageError):
        audit.save_answer(sharing_vault, a.id, "tiktok.nothing", "yes")
    with pytest.raises(UsageError):
        audit.get_audit(sharing_vault, 999)
