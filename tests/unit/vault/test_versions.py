"""Start-up refuses library releases below the security floors (issue 16 item 5), as the
SQLCipher build check already refuses a build without its codec."""

from __future__ import annotations

import pytest

from plainview.errors import InstallationBroken
from plainview.vault import check_sqlcipher_build, versions
from plainview.vault import db as vdb


def test_this_installation_passes() -> None:
    check_sqlcipher_build()
    assert versions.problems(vdb.sqlcipher.sqlite_version, "4.19.0 community") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.19.0 community", (4, 19, 0)),
        ("3.53.4", (3, 53, 4)),
        ("OpenSSL 3.5.4 30 Sep 2025", (3, 5, 4)),
        ("51.0.1", (51, 0, 1)),
        ("unknown", ()),
    ],
)
def test_version_tuple(text: str, expected: tuple[int, ...]) -> None:
    assert versions.version_tuple(text) == expected


def test_old_sqlite_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vdb.sqlcipher, "sqlite_version", "3.50.1")
    with pytest.raises(InstallationBroken, match=r"SQLite is older than 3\.50\.2"):
        check_sqlcipher_build()
    monkeypatch.setattr(vdb.sqlcipher, "sqlite_version", "3.50.2")
    check_sqlcipher_build()


@pytest.mark.parametrize(("found", "ok"), [("4.9.9 community", False), ("4.10.0", True)])
def test_old_sqlcipher_is_refused(found: str, ok: bool) -> None:
    bad = versions.problems("3.53.4", found)
    assert (bad == []) is ok
    if not ok:
        assert bad == ["SQLCipher is older than 4.10.0, which has known security fixes"]


@pytest.mark.parametrize(("found", "ok"), [("44.0.0", False), ("46.0.1", False), ("46.0.2", True)])
def test_old_cryptography_is_refused(monkeypatch: pytest.MonkeyPatch, found: str, ok: bool) -> None:
    import cryptography

    monkeypatch.setattr(cryptography, "__version__", found)
    bad = versions.problems("3.53.4", "4.19.0")
    assert (bad == []) is ok
    if not ok:
        with pytest.raises(InstallationBroken, match=r"cryptography is older than 46\.0\.2"):
            check_sqlcipher_build()


def test_openssl_without_argon2_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from cryptography.hazmat.backends.openssl.backend import backend

    monkeypatch.setattr(backend, "openssl_version_text", lambda: "OpenSSL 3.1.7 3 Sep 2024")
    assert versions.problems("3.53.4", "4.19.0") == [
        "OpenSSL is older than 3.2.0, which has known security fixes"
    ]


def test_pyproject_floors_match_the_start_up_check() -> None:
    import tomllib
    from pathlib import Path

    deps = tomllib.loads((Path(__file__).parents[3] / "pyproject.toml").read_text())["project"][
        "dependencies"
    ]
    assert "cryptography>=46.0.2" in deps and "sqlcipher3>=0.6.4" in deps
    assert versions.MIN_CRYPTOGRAPHY == (46, 0, 2)
