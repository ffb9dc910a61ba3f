"""The throw-away vault behind "Try with sample data": made in a new temporary folder with a
random passphrase nobody sees (the fast floor KDF: it guards only synthetic data), opened
in place of the user's vault and deleted when the user leaves it. The user's own vaults are
never opened, written or listed by it."""

from __future__ import annotations

import contextlib
import secrets
import shutil
import tempfile
from pathlib import Path
from typing import Any, Final

PREFIX: Final = "plainview-sample-"


def create_sample_vault() -> tuple[Any, Path]:
    """(unlocked empty vault, its folder) in a new temporary folder of its own."""
    from plainview.vault import KdfParams, Vault

    parent = Path(tempfile.mkdtemp(prefix=PREFIX))
    folder = parent / "vault"
    try:
        vault, _code = Vault.create(folder, secrets.token_urlsafe(32), KdfParams.floor())
    except BaseException:
        shutil.rmtree(parent, ignore_errors=True)
        raise
    return vault, folder


def is_sample_folder(folder: Path | None) -> bool:
    return folder is not None and folder.parent.name.startswith(PREFIX)


def discard_sample(folder: Path) -> None:
    """Delete a sample vault's temporary folder (only ever one made by ``create_sample_vault``)."""
    if not is_sample_folder(folder):
        return
    from plainview.vault import lifecycle

    with contextlib.suppress(OSError):
        lifecycle.destroy_files(folder)
    shutil.rmtree(folder.parent, ignore_errors=True)
