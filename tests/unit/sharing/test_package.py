"""Share packages obey the choices: private absent, anonymized redacted, shared as imported."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainview.errors import UsageError
from plainview.model import SHARE_LEVELS, TIKTOK_CATEGORIES
from plainview.sharing import choices, package, store


def _all_bytes(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return b"\n".join(zf.read(n) for n in zf.namelist()) + "\n".join(zf.namelist()).encode()


def _manifest(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("manifest.json"))


def check_manifest_schema(m: dict[str, Any]) -> None:
    """Structural schema of manifest.json (keys and types)."""
    assert m["format"] == "plainview-share/1"
    assert set(m["app"]) == {"name", "version"}
    assert isinstance(m["created_at"], str) and m["created_at"].endswith("Z")
    for c in m["choices"]:
        assert set(c) == {"category", "share", "updated_at"}
        assert c["share"] in ("anonymized", "shared")
    for e in m["ledger"]:
        assert set(e) == {"id", "at", "kind", "subject", "old", "new"}
        assert e["kind"] in ("share", "purpose")
    for a in m["purpose_answers"]:
        assert set(a) == {"purpose", "answer", "updated_at"}
    for c in m["categories"]:
        assert set(c) == {"category", "title", "share", "records", "file", "redaction"}
        assert c["file"] == f"data/{c['category']}.json"
        assert isinstance(c["records"], int)
        assert set(c["redaction"]) == {"notes", "actions"}
        assert all(isinstance(n, str) and n for n in c["redaction"]["notes"])
        if c["share"] == "anonymized":
            assert set(c["redaction"]["actions"]) >= {"pseudonymized", "text_removed"}


def test_all_private_package_has_no_trace_of_any_category(
    planted_vault: Any, tmp_path: Path
) -> None:
    vault, planted = planted_vault
    out = tmp_path / "p.zip"
    package.build_share_package(vault, out)
    with zipfile.ZipFile(out) as zf:
        assert sorted(zf.namelist()) == ["README.txt", "manifest.json"]
    data = _all_bytes(out)
    for cat in TIKTOK_CATEGORIES:
        assert cat.encode() not in data
    for markers in planted.by_category.values():
        assert not any(m.encode() in data for m in markers)
    m = _manifest(out)
    check_manifest_schema(m)
    assert m["choices"] == [] and m["categories"] == [] and m["ledger"] == []


def test_package_obeys_choices(planted_vault: Any, tmp_path: Path) -> None:
    vault, planted = planted_vault
    choices.set_share(vault, "tiktok.searches", "shared")
    choices.set_share(vault, "tiktok.direct_messages", "anonymized")
    choices.set_share(vault, "tiktok.logins", "anonymized")
    choices.set_share(vault, "tiktok.comments", "shared")
    choices.set_share(vault, "tiktok.comments", "private")  # changed its mind: no trace
    choices.set_purpose_answer(vault, "personalised_ads", "no")
    out = tmp_path / "p.zip"
    result = package.build_share_package(vault, out)
    assert [i.category for i in result.preview.items] == [
        "tiktok.searches",
        "tiktok.direct_messages",
        "tiktok.logins",
    ]
    data = _all_bytes(out)
    assert b"tiktok.comments" not in data
    assert not any(m.encode() in data for m in planted.by_category["tiktok.comments"])
    # shared: exactly as imported
    with zipfile.ZipFile(out) as zf:
        searches = json.loads(zf.read("data/tiktok.searches.json"))
        dms = json.loads(zf.read("data/tiktok.direct_messages.json"))
        logins = json.loads(zf.read("data/tiktok.logins.json"))
        readme = zf.read("README.txt").decode()
    stored = [r.fields for r in store.iter_records(vault, "tiktok.searches")]
    assert [r["fields"] for r in searches] == stored
    assert all(m in json.dumps(searches) for m in planted.by_category["tiktok.searches"])
    # anonymized: no markers, times to the day, ips cut
    assert not any(m in json.dumps(dms) for m in planted.by_category["tiktok.direct_messages"])
    assert all(len(r["occurred_at"]) == 10 for r in dms + logins)
    assert {r["fields"]["IP"] for r in logins} == {"192.0.2.0/24", "2001:db8:1::/48"}
    m = _manifest(out)
    check_manifest_schema(m)
    assert [c["category"] for c in m["choices"]] == [
        "tiktok.searches",
        "tiktok.direct_messages",
        "tiktok.logins",
    ]
    assert {e["subject"] for e in m["ledger"]} == {
        "tiktok.searches",
        "tiktok.direct_messages",
        "tiktok.logins",
        "personalised_ads",
    }
    dm = next(c for c in m["categories"] if c["category"] == "tiktok.direct_messages")
    assert dm["records"] == 1
    assert dm["redaction"]["actions"]["text_removed"] == 1
    assert dm["redaction"]["actions"]["pseudonymized"] >= 2  # From + chat partner key
    assert "Direct" not in readme or "tiktok.direct_messages" in readme
    assert "tiktok.comments" not in readme


def test_written_atomically_and_refuses_other_extensions(
    planted_vault: Any, tmp_path: Path
) -> None:
    vault, _ = planted_vault
    with pytest.raises(UsageError):
        package.build_share_package(vault, tmp_path / "p.tar")
    out = tmp_path / "p.zip"
    out.write_bytes(b"old")
    choices.set_share(vault, "tiktok.likes", "shared")

    class Boom(Exception):
        pass

    def explode(_f: float, _s: str) -> None:
        raise Boom

    # fail half-way: the old file stays, no temp file is left behind
    import threading

    cancel = threading.Event()
    cancel.set()
    with pytest.raises(package.ShareCancelled):
        package.build_share_package(vault, out, cancel=cancel)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["p.zip"]
    package.build_share_package(vault, out)
    assert zipfile.is_zipfile(out)


def test_zh_package_has_both_readmes(planted_vault: Any, tmp_path: Path) -> None:
    vault, _ = planted_vault
    choices.set_share(vault, "tiktok.likes", "shared")
    out = tmp_path / "p.zip"
    package.build_share_package(vault, out, lang="zh_CN")
    with zipfile.ZipFile(out) as zf:
        readme = zf.read("README.txt").decode()
    assert "Plainview share package" in readme and "分享数据包" in readme


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    levels=st.lists(
        st.sampled_from(SHARE_LEVELS),
        min_size=len(TIKTOK_CATEGORIES),
        max_size=len(TIKTOK_CATEGORIES),
    )
)
def test_property_no_private_or_anonymized_secret_in_any_package(
    planted_vault: Any, tmp_path: Path, levels: list[str]
) -> None:
    vault, planted = planted_vault
    for cat, level in zip(TIKTOK_CATEGORIES, levels, strict=True):
        choices.set_share(vault, cat, level)
    out = tmp_path / "prop.zip"
    package.build_share_package(vault, out)
    data = _all_bytes(out)
    for cat, level in zip(TIKTOK_CATEGORIES, levels, strict=True):
        markers = planted.by_category.get(cat, set())
        if level == "private":
            assert f"data/{cat}.json".encode() not in data
            assert f'"{cat}"'.encode() not in data
        if level != "shared":
            for m in markers:
                assert m.encode() not in data, (cat, level, m)
        else:
            for m in markers:
                assert m.encode() in data
