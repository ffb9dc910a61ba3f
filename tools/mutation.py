"""A small mutation runner for the security-critical modules (``make mutation``, not in CI).

mutmut 3 copies the project into ``mutants/`` and expects a flat ``src`` layout and its own
test discovery; with this repository's ``desktop/`` source root and Qt-loading conftest that
did not work, so this is the equivalent by hand: parse each module, make mutants of the kinds
a broken guard takes, run that module's tests against each one, report the kill rate.

Mutant kinds (all by AST positions, so comments and layout are untouched):

- ``drop``: a guard ``if <test>: raise ...`` whose test becomes ``False`` (a check dropped);
- ``flip``: a comparison turned into its off-by-one or opposite (``>`` ↔ ``>=``, ``==`` ↔ ``!=``);
- ``limit``: a module-level integer constant doubled (a limit changed);
- ``bool``: ``and`` ↔ ``or`` in a condition;
- ``rule``: a rule table emptied or a ``return "<rule>"`` turned into ``return "unknown"``.

Each module gets a deterministic sample (``--per-module``, guards first). A mutant is killed
when its tests fail (or time out); ``pytest -x`` stops at the first failure. The original file
is always restored, even on Ctrl+C.

    python tools/mutation.py [--per-module 16] [--module keys] [--seed 16]
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "desktop" / "plainview"

# module -> the tests that guard it
MODULES: dict[str, tuple[str, list[str]]] = {
    "keys": (
        "vault/keys.py",
        [
            "tests/unit/vault/test_key_header.py",
            "tests/unit/vault/test_keys.py",
            "tests/unit/vault/test_device.py",
        ],
    ),
    "archive": (
        "importers/archive.py",
        ["tests/unit/importers/test_archive_reasons.py", "tests/unit/importers/test_hostile.py"],
    ),
    "tiktok_json": (
        "importers/tiktok_json.py",
        ["tests/unit/importers/test_big_integers.py", "tests/unit/importers/test_counts.py"],
    ),
    "tiktok_txt": (
        "importers/tiktok_txt.py",
        ["tests/unit/importers/test_txt.py", "tests/unit/importers/test_counts.py"],
    ),
    "redact": (
        "sharing/redact.py",
        [
            "tests/unit/sharing/test_redact_rules.py",
            "tests/unit/sharing/test_redact.py",
            "tests/unit/sharing/test_anonymized_property.py",
        ],
    ),
    "package": (
        "sharing/package.py",
        ["tests/unit/sharing/test_package.py", "tests/unit/sharing/test_anonymized_property.py"],
    ),
}
# ``--fast``: the quickest tests of each module first (pytest -x stops at the first failure;
# a survivor still runs them all).
FAST: dict[str, list[str]] = {
    "archive": ["tests/unit/importers/test_archive_reasons.py"],
}

_FLIP = {
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
_RULES = {"pseudonym", "ip", "remove", "day", "link", "keep"}


@dataclass(frozen=True)
class Mutant:
    kind: str
    line: int
    start: tuple[int, int]  # (line, col) of the replaced segment, 1-based line
    end: tuple[int, int]
    replacement: str
    description: str


def _splice(source: str, m: Mutant) -> str:
    lines = source.splitlines(keepends=True)

    # AST column offsets count UTF-8 bytes
    def off(pos: tuple[int, int]) -> int:
        line, col = pos
        before = sum(len(x) for x in lines[: line - 1])
        return before + len(lines[line - 1].encode()[:col].decode(errors="ignore"))

    a, b = off(m.start), off(m.end)
    return source[:a] + m.replacement + source[b:]


def _span(node: ast.AST) -> tuple[tuple[int, int], tuple[int, int]]:
    start = (node.lineno, node.col_offset)  # type: ignore[attr-defined]
    end = (node.end_lineno or node.lineno, node.end_col_offset or 0)  # type: ignore[attr-defined]
    return start, end


def mutants_of(source: str) -> list[Mutant]:
    tree = ast.parse(source)
    out: list[Mutant] = []
    module_level = {id(n) for n in tree.body}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and node.body and isinstance(node.body[0], ast.Raise):
            s, e = _span(node.test)
            text = ast.unparse(node.test)
            out.append(Mutant("drop", node.lineno, s, e, "False", f"drop guard `if {text}`"))
            if isinstance(node.test, ast.BoolOp):
                flipped = ast.BoolOp(
                    op=ast.Or() if isinstance(node.test.op, ast.And) else ast.And(),
                    values=node.test.values,
                )
                out.append(
                    Mutant("bool", node.lineno, s, e, ast.unparse(flipped), f"and/or in `{text}`")
                )
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _FLIP:
            new = ast.Compare(
                left=node.left, ops=[_FLIP[type(node.ops[0])]()], comparators=node.comparators
            )
            s, e = _span(node)
            out.append(
                Mutant(
                    "flip",
                    node.lineno,
                    s,
                    e,
                    f"({ast.unparse(new)})",
                    f"`{ast.unparse(node)}` -> `{ast.unparse(new)}`",
                )
            )
        if (
            id(node) in module_level
            and isinstance(node, ast.AnnAssign | ast.Assign)
            and node.value is not None
        ):
            value = node.value
            try:
                literal = ast.literal_eval(value)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                literal = None
            is_int = isinstance(literal, int) and not isinstance(literal, bool)
            if is_int or (isinstance(value, ast.BinOp) and _int_expr(value)):
                s, e = _span(value)
                text = ast.unparse(value)
                name = _target(node)
                out.append(
                    Mutant("limit", node.lineno, s, e, f"({text}) * 2", f"limit {name} doubled")
                )
            if (
                isinstance(value, ast.Call)
                and isinstance(value.func, ast.Name)
                and value.func.id in ("_keys", "_closed", "_words")
                and value.args
            ):
                s, e = _span(value.args[0])
                name = _target(node)
                out.append(Mutant("rule", node.lineno, s, e, '""', f"rule table {name} emptied"))
        if (
            isinstance(node, ast.Return)
            and isinstance(node.value, ast.Constant)
            and node.value.value in _RULES
        ):
            s, e = _span(node.value)
            what = f'return "{node.value.value}" -> unknown'
            out.append(Mutant("rule", node.lineno, s, e, '"unknown"', what))
    return sorted(set(out), key=lambda m: (m.start, m.kind, m.replacement))


def _target(node: ast.AnnAssign | ast.Assign) -> str:
    return ast.unparse(node.target if isinstance(node, ast.AnnAssign) else node.targets[0])


def _int_expr(node: ast.AST) -> bool:
    try:
        value = eval(compile(ast.Expression(node), "<limit>", "eval"), {})  # noqa: S307
    except Exception:
        return False
    return isinstance(value, int) and not isinstance(value, bool)


def sample(mutants: list[Mutant], n: int, seed: int) -> list[Mutant]:
    rng = random.Random(seed)  # noqa: S311 - a reproducible sample, not a secret
    guards = [m for m in mutants if m.kind == "drop"]
    others = [m for m in mutants if m.kind != "drop"]
    take_guards = rng.sample(guards, min(len(guards), (n + 1) // 2))
    rest = rng.sample(others, min(len(others), n - len(take_guards)))
    more = [m for m in guards if m not in take_guards]
    rest += rng.sample(more, min(len(more), n - len(take_guards) - len(rest)))
    return sorted(take_guards + rest, key=lambda m: (m.start, m.kind))


def run_tests(tests: list[str], timeout: float) -> bool:
    """True when the tests pass (the mutant survived)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests]
    try:
        result = subprocess.run(
            cmd,
            cwd=ROOT,
            env=env,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return False  # a hang counts as caught
    return result.returncode == 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--module", action="append", choices=sorted(MODULES))
    ap.add_argument("--per-module", type=int, default=16)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--timeout", type=float, default=240, help="seconds; a hang counts as killed")
    ap.add_argument("--list", action="store_true", help="only list the sampled mutants")
    ap.add_argument("--fast", action="store_true", help="smaller test sets where there are")
    args = ap.parse_args(argv)
    # SIGTERM must restore the mutated file too (the ``finally`` below): exit through Python.
    signal.signal(signal.SIGTERM, lambda *_a: sys.exit(1))
    totals = [0, 0]
    report: list[str] = []
    for name in args.module or list(MODULES):
        rel, tests = MODULES[name]
        if args.fast and name in FAST:
            tests = FAST[name]
        tests = [t for t in tests if (ROOT / t).exists()]
        path = PKG / rel
        original = path.read_text(encoding="utf-8")
        chosen = sample(mutants_of(original), args.per_module, args.seed)
        killed, survivors = 0, []
        started = time.monotonic()
        for m in chosen:
            mutated = _splice(original, m)
            try:
                compile(mutated, str(path), "exec")
            except SyntaxError:
                print(f"  skip (not valid Python): {rel}:{m.line} {m.description}")
                continue
            if args.list:
                print(f"  {rel}:{m.line} [{m.kind}] {m.description}")
                continue
            try:
                path.write_text(mutated, encoding="utf-8")
                survived = run_tests(tests, args.timeout)
            finally:
                path.write_text(original, encoding="utf-8")
            mark = "SURVIVED" if survived else "killed"
            print(f"  {mark:8} {rel}:{m.line} [{m.kind}] {m.description}", flush=True)
            if survived:
                survivors.append(m)
            else:
                killed += 1
        if args.list:
            continue
        n = killed + len(survivors)
        rate = 100.0 * killed / n if n else 0.0
        totals[0] += killed
        totals[1] += n
        line = f"{rel}: {killed}/{n} killed ({rate:.0f} %) in {time.monotonic() - started:.0f} s"
        report.append(line)
        report += [f"    survivor: line {m.line} [{m.kind}] {m.description}" for m in survivors]
        print(line, flush=True)
    if not args.list:
        print("\n".join(["", "mutation kill rate per module:", *report]))
        if totals[1]:
            print(f"total: {totals[0]}/{totals[1]} ({100.0 * totals[0] / totals[1]:.0f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
