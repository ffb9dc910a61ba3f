"""Every statement traces to the fact base, for every platform's catalog.

A platform's catalog is found in one of two layouts (resources/catalog/README.md):

* ``resources/catalog/<platform>.en.toml`` with ``<platform>.facts.toml`` and
  ``<platform>-privacy-facts.md`` beside it (TikTok today);
* ``resources/platforms/<id>/catalog.en.toml`` with ``facts.toml`` and ``privacy-facts.md``.

Each catalog found is checked by ``plainview.catalog.trace``: a purpose or statement with no
fact, a fact not word for word in the fact base, a quote not verbatim in the fact base (and in
one of its own facts), or another region's text shown unlabelled fails the test.
"""

from __future__ import annotations

import copy
import tomllib
from dataclasses import dataclass
from typing import Any

import pytest

from plainview.catalog import POLICIES, Catalog
from plainview.catalog import trace as tr
from plainview.resources import resource


@dataclass(frozen=True)
class Platform:
    name: str
    base: dict[str, Any]
    facts: dict[str, Any]
    fact_base: str

    def catalog(self, base: dict[str, Any] | None = None) -> Catalog:
        b = self.base if base is None else base
        return Catalog("en", b, {}, self.facts)


def _platforms() -> list[Platform]:
    found: list[Platform] = []
    catalog_dir = resource("catalog")
    for node in sorted(catalog_dir.iterdir(), key=lambda n: n.name):
        name = node.name
        if not name.endswith(".en.toml"):
            continue
        platform = name[: -len(".en.toml")]
        facts = catalog_dir / f"{platform}.facts.toml"
        md = catalog_dir / f"{platform}-privacy-facts.md"
        if facts.is_file() and md.is_file():
            found.append(_read(platform, node, facts, md))
    platforms_dir = resource("platforms")
    if platforms_dir.is_dir():
        for folder in sorted(platforms_dir.iterdir(), key=lambda n: n.name):
            base = folder / "catalog.en.toml"
            if base.is_file():
                found.append(
                    _read(folder.name, base, folder / "facts.toml", folder / "privacy-facts.md")
                )
    return found


def _read(name: str, base: Any, facts: Any, md: Any) -> Platform:
    return Platform(
        name,
        tomllib.loads(base.read_text(encoding="utf-8")),
        tomllib.loads(facts.read_text(encoding="utf-8")),
        md.read_text(encoding="utf-8"),
    )


PLATFORMS = _platforms()
IDS = [p.name for p in PLATFORMS]


def test_the_tiktok_catalog_is_found() -> None:
    assert "tiktok" in IDS


@pytest.mark.parametrize("platform", PLATFORMS, ids=IDS)
def test_every_fact_is_word_for_word_in_the_fact_base(platform: Platform) -> None:
    assert tr.fact_problems(platform.facts, platform.fact_base) == []


@pytest.mark.parametrize("platform", PLATFORMS, ids=IDS)
def test_every_statement_rests_on_facts_and_quotes_are_verbatim(platform: Platform) -> None:
    assert tr.statement_problems(platform.base, platform.facts, platform.fact_base) == []


@pytest.mark.parametrize("platform", PLATFORMS, ids=IDS)
def test_another_regions_text_is_always_labelled(platform: Platform) -> None:
    assert tr.region_problems(platform.catalog(), platform.base) == []


@pytest.mark.parametrize("platform", PLATFORMS, ids=IDS)
def test_users_see_their_own_regions_statement_wherever_the_catalog_has_it(
    platform: Platform,
) -> None:
    figures = tr.region_figures(platform.catalog(), platform.base)
    for policy in POLICIES:
        f = figures[policy]
        assert f["shown"] == f["own"] + f["neutral"] + f["borrowed"]
        if f["slots"]:
            assert f["slots_own"] / f["slots"] >= 0.8, (policy, f)


# -- the checks can fail ---------------------------------------------------------------------
TIKTOK = next(p for p in PLATFORMS if p.name == "tiktok")


def _mutated(change: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    base = copy.deepcopy(TIKTOK.base)
    facts = copy.deepcopy(TIKTOK.facts)
    change(base, facts)
    return base, facts


def _first_why(base: dict[str, Any], cid: str = "tiktok.profile") -> dict[str, Any]:
    entry: dict[str, Any] = base["categories"][cid]["why"][0]
    return entry


def test_a_purpose_without_facts_fails() -> None:
    base, facts = _mutated(lambda b, f: _first_why(b).pop("facts"))
    assert any(
        "rests on no fact" in p for p in tr.statement_problems(base, facts, TIKTOK.fact_base)
    )


def test_a_statement_with_an_unknown_fact_fails() -> None:
    def change(b: dict[str, Any], f: dict[str, Any]) -> None:
        b["categories"]["tiktok.likes"]["retention"][0]["facts"] = ["no.such.fact"]

    base, facts = _mutated(change)
    problems = tr.statement_problems(base, facts, TIKTOK.fact_base)
    assert any("tiktok.likes.retention[0]: unknown fact" in p for p in problems)


def test_a_quote_not_verbatim_fails() -> None:
    def change(b: dict[str, Any], f: dict[str, Any]) -> None:
        _first_why(b)["quote"] = "Provide and run the Platform"

    base, facts = _mutated(change)
    problems = tr.statement_problems(base, facts, TIKTOK.fact_base)
    assert any("not verbatim" in p for p in problems)


def test_a_quote_from_elsewhere_in_the_fact_base_fails() -> None:
    def change(b: dict[str, Any], f: dict[str, Any]) -> None:
        _first_why(b)["facts"] = ["retention.no_days"]  # verbatim quote, wrong fact

    base, facts = _mutated(change)
    problems = tr.statement_problems(base, facts, TIKTOK.fact_base)
    assert any("in none of the statement's facts" in p for p in problems)


def test_a_fact_not_in_its_section_fails() -> None:
    def change(b: dict[str, Any], f: dict[str, Any]) -> None:
        f["facts"]["profile.collect"]["section"] = "tiktok.likes"

    _base, facts = _mutated(change)
    assert any("profile.collect" in p for p in tr.fact_problems(facts, TIKTOK.fact_base))


def test_a_source_whose_region_no_fact_backs_fails() -> None:
    def change(b: dict[str, Any], f: dict[str, Any]) -> None:
        _first_why(b)["source"] = "us_policy"

    base, facts = _mutated(change)
    problems = tr.statement_problems(base, facts, TIKTOK.fact_base)
    assert any("source is the us policy" in p for p in problems)


class _Unlabelled(Catalog):
    """A catalog that forgets to label borrowed text: the check must notice."""

    def borrowed_label(self, policy: str, regions: list[str]) -> str | None:
        return None


def test_unlabelled_borrowed_text_fails() -> None:
    cat = _Unlabelled("en", TIKTOK.base, {}, TIKTOK.facts)
    problems = tr.region_problems(cat, TIKTOK.base)
    assert "tiktok.logins/us: logins_security is another region's, unlabelled" in problems
    assert "tiktok.logins/row: shared_with[0] is another region's, unlabelled" in problems


def test_borrowing_where_the_own_policy_speaks_fails() -> None:
    class _Greedy(Catalog):
        def _entries_for(self, cat: dict[str, Any], policy: str) -> list[dict[str, Any]]:
            return [e for e in cat.get("why", []) if policy in e.get("policies", POLICIES)]

    cat = _Greedy("en", TIKTOK.base, {}, TIKTOK.facts)
    problems = tr.region_problems(cat, TIKTOK.base)
    assert any("tiktok.watch_history/row: wh_feed borrowed although" in p for p in problems)


def test_labels_name_both_policies_and_appear_in_the_text() -> None:
    cat = TIKTOK.catalog()
    e = cat.explain("tiktok.direct_messages", "us")
    vital = next(p for p in e.why if p.entry_id == "dm_vital")
    assert vital.borrowed_label == (
        "The U.S. policy says nothing specific here. The text that follows is from the EEA policy."
    )
    assert vital.region == "eea" and vital.legal_basis is None
    own = next(p for p in e.why if p.entry_id == "dm_us_review")
    assert own.borrowed_label is None and own.region == "us"
    assert (
        "The U.S. policy says nothing specific here. "
        "The text that follows is from the policy for other regions. "
        "The people you message can read what you send them."
    ) in e.shared_with
    own_first = [s.label for s in e.shared_with_items]
    assert own_first == sorted(own_first, key=lambda x: x is not None)  # own region first
    assert "TikTok does not sell your personal information" in e.shared_with
    eea = cat.explain("tiktok.direct_messages", "eea")
    assert "sell" not in eea.shared_with  # a U.S.-only statement stays with U.S. users
