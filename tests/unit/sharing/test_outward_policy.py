"""The report's policy line (and the letters inside it) never reveal a private profile's
account region (issue 16 item 5): the saved policy setting, else the region's policy only
when the profile category is shared or anonymized, else EEA."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from plainview.model import Record
from plainview.sharing import choices
from plainview.sharing.policy import outward_policy


@pytest.fixture
def us_vault(vault: Any) -> Any:
    when = datetime(2025, 2, 10, tzinfo=UTC)
    import_id = vault.begin_import("tiktok", "json", "v3", "x.zip", "fp", None)
    vault.add_records(
        import_id,
        [
            Record("tiktok.profile", when, {"userName": "me", "accountRegion": "US"}, "p", ""),
            Record("tiktok.searches", when, {"SearchTerm": "ramen"}, "s", ""),
        ],
    )
    vault.finish_import(import_id, "complete", {})
    choices.set_share(vault, "tiktok.searches", "shared")
    return vault


def test_private_profile_region_is_not_named(us_vault: Any) -> None:
    from plainview.commands.sharing_cmds import _policy

    assert choices.get_choices(us_vault)["tiktok.profile"].share == "private"
    assert _policy(us_vault) == "eea"
    assert outward_policy(us_vault, "us") == "eea"


@pytest.mark.parametrize("level", ["anonymized", "shared"])
def test_shared_profile_region_may_be_named(us_vault: Any, level: str) -> None:
    from plainview.commands.sharing_cmds import _policy

    choices.set_share(us_vault, "tiktok.profile", level)
    assert _policy(us_vault) == "us"


@pytest.mark.parametrize("key", ["ui.policy", "policy"])
def test_the_saved_setting_wins(us_vault: Any, key: str) -> None:
    us_vault.set_setting(key, "row")
    assert outward_policy(us_vault, "us") == "row"
    choices.set_share(us_vault, "tiktok.profile", "shared")
    assert outward_policy(us_vault, "us") == "row"


def test_report_names_the_eea_policy_for_a_private_us_profile(us_vault: Any) -> None:
    from plainview.catalog import load_catalog
    from plainview.commands.sharing_cmds import _policy
    from plainview.sharing.report import audit_report_html

    catalog = load_catalog("en")
    html = audit_report_html(us_vault, catalog, "en", policy=_policy(us_vault))
    eea = catalog.explain("tiktok.searches", "eea").policy_name
    us = catalog.explain("tiktok.searches", "us").policy_name
    assert eea != us
    assert eea in html and us not in html
