"""Command line front end (DESIGN.md "Command line", a stable public contract).

This module only parses arguments, resolves the vault folder and secrets, dispatches to a
handler in ``plainview.commands`` and turns errors into exit codes. Handlers call the same
core services as the GUI.

Exit codes: 0 ok, 1 internal error, 2 usage, 3 wrong passphrase, 4 input rejected,
5 vault damaged or tampered.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from getpass import getpass
from pathlib import Path
from typing import Any, TextIO

from plainview import __version__
from plainview.errors import NotAvailable, PlainviewError, UsageError
from plainview.hardening import harden_process

Handler = Callable[[argparse.Namespace, "Context"], int]

# command -> "module:function" inside plainview.commands. A missing function means the
# command belongs to later work and answers "not available yet" (exit 2).
HANDLERS: dict[str, str] = {
    "init": "vault_cmds:cmd_init",
    "passwd": "vault_cmds:cmd_passwd",
    "recover": "vault_cmds:cmd_recover",
    "verify": "vault_cmds:cmd_verify",
    "self-test": "selftest_cmd:cmd_self_test",
    "summary": "data_cmds:cmd_summary",
    "import": "data_cmds:cmd_import",
    "export": "data_cmds:cmd_export",
    "search": "data_cmds:cmd_search",
    "explain": "explain_cmd:cmd_explain",
    "choices": "sharing_cmds:cmd_choices",
    "share": "sharing_cmds:cmd_share",
    "report": "sharing_cmds:cmd_report",
    "rekey": "vault_cmds:cmd_rekey",
    "forget-device": "vault_cmds:cmd_forget_device",
    "imports": "lifecycle_cmds:cmd_imports",
    "forget-import": "lifecycle_cmds:cmd_forget_import",
    "destroy": "lifecycle_cmds:cmd_destroy",
}


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in our one-line format (exit 2)."""

    def error(self, message: str) -> Any:
        raise UsageError(message, hint="run 'plainview --help' for the list of commands")


def _export_options(s: argparse.ArgumentParser) -> None:
    """Who the exported data is for and why: kept with the export in the consent ledger."""
    s.add_argument("--recipient", metavar="WHO", help="who receives it (kept in the ledger)")
    s.add_argument("--purpose", metavar="WHY", help="what it is for (kept in the ledger)")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="plainview", description="See what a platform knows about you.")
    p.add_argument("--version", action="version", version=f"plainview {__version__}")
    p.add_argument("--vault", metavar="DIR", help="vault folder (default: $PLAINVIEW_VAULT)")
    p.add_argument("--debug", action="store_true", help="show tracebacks and debug logs")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub.add_parser("init", help="create a vault; print the recovery code once")
    s = sub.add_parser("import", help="import a zip, a folder, or a bare .json/.txt export")
    s.add_argument("path", metavar="PATH")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("summary", help="per-category counts, share levels, imports")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("explain", help="plain-language explanation plus facts from your data")
    s.add_argument("category", metavar="CATEGORY")
    s.add_argument("--lang", metavar="L", default=None)
    s.add_argument("--policy", choices=["eea", "us", "row"], default=None)
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("search", help="full-text search over everything imported")
    s.add_argument("query", metavar="QUERY")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("export", help="everything, decrypted, for your own copy")
    s.add_argument("--out", metavar="FILE.json", required=True)
    _export_options(s)
    s = sub.add_parser("choices", help="list or set sharing choices")
    s.add_argument("--json", action="store_true")
    csub = s.add_subparsers(dest="choices_command", metavar="set", parser_class=_Parser)
    cs = csub.add_parser("set", help="set a category's share level")
    cs.add_argument("category", metavar="CATEGORY")
    cs.add_argument("level", metavar="LEVEL", choices=["private", "anonymized", "shared"])
    s = sub.add_parser("share", help="share package that obeys your choices")
    s.add_argument("--out", metavar="FILE.zip", required=True)
    _export_options(s)
    s = sub.add_parser("report", help="audit report that obeys your choices")
    s.add_argument("--out", metavar="FILE.html|.pdf", required=True)
    _export_options(s)
    sub.add_parser("passwd", help="change passphrase")
    sub.add_parser("recover", help="set a new passphrase with the recovery code")
    sub.add_parser("verify", help="check every page of the vault (exit 5 if damaged)")
    sub.add_parser("self-test", help="check this installation end to end")
    sub.add_parser("rekey", help="re-encrypt the vault with a new key; prints a new recovery code")
    sub.add_parser("forget-device", help="stop opening the vault without a passphrase here")
    s = sub.add_parser("imports", help="the imports in this vault (id, platform, dates, counts)")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser(
        "forget-import", help="remove one import; records a later import also holds stay"
    )
    s.add_argument("id", metavar="ID", type=int)
    s.add_argument("--json", action="store_true")
    sub.add_parser("destroy", help="delete this vault (asks for the passphrase)")
    return p


@dataclass
class Context:
    """What a handler needs from the outside world; tests can build one directly."""

    vault_dir: Path
    debug: bool = False
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    _stdin_lines: list[str] | None = None

    def _next_stdin_line(self) -> str:
        if self._stdin_lines is None:
            self._stdin_lines = self.stdin.read().splitlines()
        if not self._stdin_lines:
            raise UsageError(
                "no passphrase given",
                hint="set PLAINVIEW_PASSPHRASE or type it when asked",
            )
        return self._stdin_lines.pop(0)

    def _secret(self, env_name: str, prompt: str) -> str:
        value = self.env.get(env_name)
        if value is not None:
            return value
        if self.stdin.isatty():
            return getpass(prompt)
        return self._next_stdin_line()

    def passphrase(self, prompt: str = "Passphrase: ") -> str:
        return self._secret("PLAINVIEW_PASSPHRASE", prompt)

    def new_passphrase(self, prompt: str = "New passphrase: ") -> str:
        return self._secret("PLAINVIEW_NEW_PASSPHRASE", prompt)

    def recovery_code(self, prompt: str = "Recovery code: ") -> str:
        return self._secret("PLAINVIEW_RECOVERY_CODE", prompt)

    def print(self, text: str = "") -> None:
        self.stdout.write(text + "\n")

    def print_json(self, data: Any) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n")


def default_vault_dir(env: dict[str, str]) -> Path:
    if env.get("PLAINVIEW_VAULT"):
        return Path(env["PLAINVIEW_VAULT"]).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("Plainview", appauthor=False)) / "vault"


def _resolve(command: str) -> Handler:
    module_name, func_name = HANDLERS[command].split(":")
    try:
        module = importlib.import_module(f"plainview.commands.{module_name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"plainview.commands.{module_name}":
            raise NotAvailable("not available yet") from None
        raise
    handler = getattr(module, func_name, None)
    if handler is None:
        raise NotAvailable("not available yet")
    return handler  # type: ignore[no-any-return]


def _fail(err: PlainviewError) -> int:
    sys.stderr.write(f"error: {err.message}\n")
    if err.hint:
        sys.stderr.write(f"hint: {err.hint}\n")
    return err.exit_code


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()  # before any secret is read: no core file may hold a key or passphrase
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        args = build_parser().parse_args(argv)
        env = dict(os.environ)
        vault_dir = Path(args.vault).expanduser() if args.vault else default_vault_dir(env)
        if args.command is None:
            from plainview.app import run_gui

            named = bool(args.vault or env.get("PLAINVIEW_VAULT"))
            return int(run_gui(vault_dir=vault_dir, debug=args.debug, choose=not named))
        ctx = Context(vault_dir=vault_dir, debug=args.debug, env=env)
        return int(_resolve(args.command)(args, ctx))
    except PlainviewError as err:
        if debug:
            traceback.print_exc()
        return _fail(err)
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        return 1
    except Exception:
        if debug:
            traceback.print_exc()
        sys.stderr.write("error: internal error (this is a bug in Plainview)\n")
        sys.stderr.write("hint: run again with --debug to see the details\n")
        return 1
