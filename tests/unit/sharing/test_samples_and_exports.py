"""Readable sample rows, before/after redaction, audit step plans, export ledger lines."""

from __future__ import annotations

from typing import Any

import pytest

from plainview.errors import UsageError
from plainview.sharing import audit, choices, samples
from plainview.sharing.audit import plan_steps
from tests.fixtures.plugin_sharing import StandInCatalog


def test_readable_labels_and_flattening() -> None:
    pairs = samples.readable(
        {
            "SearchTerm": "sourdough",
            "bioDescription": "hi",
            "GAID": "x",
            "Nested": {"a_b": 1, "deep": {"x": 1}},
            "Empty": "",
            "List": ["a", "b"],
            "flag": True,
        }
    )
    assert pairs == (
        ("Search term", "sourdough"),
        ("Bio description", "hi"),
        ("GAID", "x"),
        ("Nested › A b", "1"),
        ("Nested › Deep", "1 items"),
        ("List", "a, b"),
    )
    long = samples.readable({"Text": "word " * 100})[0][1]
    assert len(long) == samples.MAX_VALUE and long.endswith("…")


def test_before_after_runs_the_package_redaction(planted_vault: Any) -> None:
    vault, planted = planted_vault
    rows = samples.before_after(vault, "tiktok.searches", "anonymized")
    assert len(rows) == 2
    words = planted.by_category["tiktok.searches"]
    for row in rows:
        assert any(w in row.before.text() for w in words)
        assert not any(w in row.after.text() for w in words)
        assert row.after.day_only
    effects = samples.effects(rows)
    assert effects.dates_only and effects.removed == ("Search term",)
    assert samples.before_after(vault, "tiktok.searches", "private") == []
    shared = samples.before_after(vault, "tiktok.searches", "shared")
    assert all(r.before == r.after for r in shared)
    logins = samples.effects(samples.before_after(vault, "tiktok.logins", "anonymized"))
    assert "IP" in logins.shortened and not logins.dates_only


def test_plan_skips_missing_categories_and_adds_linked_purposes() -> None:
    catalog = StandInCatalog()
    counts = {"tiktok.searches": 3, "tiktok.logins": 0, "tiktok.ad_interests": 2}
    plan = plan_steps(counts, catalog)
    cats = [s.subject for s in plan.steps if s.kind == "category"]
    assert cats == ["tiktok.searches", "tiktok.ad_interests"]
    assert "tiktok.logins" in plan.skipped and "tiktok.searches" not in plan.skipped
    assert len(plan.skipped) == len(audit.STEPS) - 2
    purposes = [s for s in plan.steps if s.kind == "purpose"]
    # logins (safety only through ad_interests here) and measurement are not in this export
    assert {s.subject for s in purposes} == {"recommendations", "personalised_ads", "safety"}
    for step in purposes:
        assert set(step.categories) <= {"tiktok.searches", "tiktok.ad_interests"}
        assert step.categories
    assert plan_steps(counts, None).steps == tuple(s for s in plan.steps if s.kind == "category")


def test_record_export_is_append_only_and_checked(sharing_vault: Any) -> None:
    entry = choices.record_export(
        sharing_vault, "report", "r.pdf", recipient="  Clinic \n A ", purpose=""
    )
    assert (entry.kind, entry.subject, entry.new, entry.recipient, entry.purpose) == (
        "export",
        "report",
        "r.pdf",
        "Clinic A",
        None,
    )
    [stored] = choices.ledger(sharing_vault)
    assert stored == entry
    assert stored.to_json()["recipient"] == "Clinic A"
    with pytest.raises(UsageError):
        choices.record_export(sharing_vault, "photo", "x")
    with pytest.raises(Exception, match="append-only"), sharing_vault.transaction() as conn:
        conn.execute("UPDATE ledger SET recipient = 'someone else'")
    # share lines keep their JSON shape: no new keys there
    choices.set_share(sharing_vault, "tiktok.likes", "shared")
    assert set(choices.ledger(sharing_vault)[-1].to_json()) == {
        "id",
        "at",
        "kind",
        "subject",
        "old",
        "new",
    }
