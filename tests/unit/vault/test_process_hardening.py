"""Every CLI command runs with core dumps off, like the GUI (issue 16 item 3): a crashed
``plainview passwd`` must not leave a core file holding the data key and the passphrase."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CHILD = textwrap.dedent(
    """
    import ctypes, resource, sys
    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    libc = ctypes.CDLL(None)
    before = (resource.getrlimit(resource.RLIMIT_CORE)[0], libc.prctl(3, 0, 0, 0, 0))
    from plainview import cli
    rc = cli.main(sys.argv[1:])
    after = (resource.getrlimit(resource.RLIMIT_CORE), libc.prctl(3, 0, 0, 0, 0))
    print("before", before[0] != 0, before[1], "after", *after[0], after[1], "rc", rc)
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux only")
@pytest.mark.parametrize("command", [["verify"], ["passwd"], ["summary", "--json"], ["choices"]])
def test_cli_commands_disable_core_dumps(tmp_path: Path, command: list[str]) -> None:
    env = dict(os.environ, PLAINVIEW_VAULT=str(tmp_path / "none"), PLAINVIEW_PASSPHRASE="x")
    env["PLAINVIEW_NEW_PASSPHRASE"] = "y"
    result = subprocess.run(
        [sys.executable, "-c", CHILD, *command],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    words = result.stdout.split()
    # before: core dumps allowed and the process dumpable, so the test can see the change
    assert words[:3] == ["before", "True", "1"], result.stdout
    assert words[3:7] == ["after", "0", "0", "0"], result.stdout
    assert words[-2:] == ["rc", "2"], result.stderr  # no vault here: refused, not crashed


def test_gui_and_cli_share_one_hardening_function() -> None:
    from plainview import app, cli, hardening

    assert app.harden_process is hardening.harden_process
    assert cli.harden_process is hardening.harden_process
