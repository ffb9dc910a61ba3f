"""Choices, purpose answers and the append-only consent ledger."""

from __future__ import annotations

from typing import Any

import pytest

from plainview.errors import UsageError
from plainview.model import TIKTOK_CATEGORIES
from plainview.sharing import choices


def test_every_category_defaults_to_private(sharing_vault: Any) -> None:
    got = choices.get_choices(sharing_vault)
    assert list(got) == list(TIKTOK_CATEGORIES)
    assert {c.share for c in got.values()} == {"private"}
    assert all(c.updated_at is None for c in got.values())


def test_set_share_records_old_and_new_in_the_ledger(sharing_vault: Any) -> None:
    choices.set_share(sharing_vault, "tiktok.searches", "shared")
    choices.set_share(sharing_vault, "tiktok.searches", "shared")  # no change, no entry
    choices.set_share(sharing_vault, "tiktok.searches", "anonymized")
    got = choices.get_choices(sharing_vault)["tiktok.searches"]
    assert got.share == "anonymized" and got.updated_at is not None
    entries = choices.ledger(sharing_vault)
    assert [(e.kind, e.subject, e.old, e.new) for e in entries] == [
        ("share", "tiktok.searches", "private", "shared"),
        ("share", "tiktok.searches", "shared", "anonymized"),
    ]
    assert entries[0].at.endswith("Z")


def test_purpose_answers_are_recorded_and_ledgered(sharing_vault: Any) -> None:
    choices.set_purpose_answer(sharing_vault, "personalised_ads", "no")
    choices.set_purpose_answer(sharing_vault, "personalised_ads", "unsure")
    answers = choices.get_purpose_answers(sharing_vault)
    assert answers["personalised_ads"].answer == "unsure"
    assert [(e.kind, e.old, e.new) for e in choices.ledger(sharing_vault)] == [
        ("purpose", None, "no"),
        ("purpose", "no", "unsure"),
    ]


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (choices.set_share, ("tiktok.nope", "shared")),
        (choices.set_share, ("tiktok.searches", "public")),
        (choices.set_purpose_answer, ("ads", "maybe")),
    ],
)
def test_bad_input_is_a_usage_error(sharing_vault: Any, call: Any, args: Any) -> None:
    with pytest.raises(UsageError):
        call(sharing_vault, *args)
    assert choices.ledger(sharing_vault) == []


@pytest.mark.parametrize(
    "sql",
    ["UPDATE ledger SET new = 'shared'", "DELETE FROM ledger", "DELETE FROM ledger WHERE id = 1"],
)
def test_the_ledger_is_append_only(sharing_vault: Any, sql: str) -> None:
    choices.set_share(sharing_vault, "tiktok.logins", "shared")
    before = choices.ledger(sharing_vault)
    with pytest.raises(Exception, match="append-only"), sharing_vault.transaction() as conn:
        conn.execute(sql)
    assert choices.ledger(sharing_vault) == before
    # appending still works
    choices.set_share(sharing_vault, "tiktok.logins", "private")
    assert len(choices.ledger(sharing_vault)) == 2
