"""Parse untrusted exports in a separate process, streaming record batches back.

A native crash in the JSON parser (or a runaway allocation, capped by ``RLIMIT_AS``) kills only
the worker; the app sees ``ArchiveRejected``. The worker uses the ``spawn`` start method, which
also works inside a PyInstaller bundle (the app calls ``multiprocessing.freeze_support()``).

Messages from the worker, in order: any number of ``("progress", fraction, section)`` while
the document is validated, ``("detected", schema, account)``, then any number of
``("progress", fraction, section)`` and ``("records", [row, ...])``, then ``("done", sections,
warnings, wrapper_values)``; or ``("rejected", code, values)`` at any point (codes of
``importers.messages``). A row is
``(category, aware UTC datetime | None, fields, source_path, text)``.

``isolate=False`` runs the very same message stream in the calling thread (used by fast
unit and property tests; the app always isolates).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
from collections.abc import Callable, Generator
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Final

from plainview.errors import ArchiveRejected
from plainview.importers import tiktok_json, tiktok_txt
from plainview.importers.archive import open_archive
from plainview.importers.common import ParseState
from plainview.importers.messages import reject
from plainview.importers.registry import Plan
from plainview.model import Record

log = logging.getLogger(__name__)

BATCH: Final = 2000
MEMORY_LIMIT: Final = 3 * 1024**3  # address space of the worker

Message = tuple[Any, ...]
Row = tuple[str, datetime | None, Any, str, str]


def _row(r: Record) -> Row:
    return (r.category, r.occurred_at, r.fields, r.source_path, r.text)


def row_to_record(row: Row) -> Record:
    return Record(*row)


def messages(path: Path, plan: Plan) -> Generator[Message, None, None]:
    """The worker's whole job as a stream of messages (see the module docstring)."""
    try:
        with open_archive(path) as archive:
            if plan.format == "json":
                assert plan.member is not None
                member = archive.member(plan.member)
                state = ParseState(member=member.basename)
                size = max(member.size, 1)
                with archive.open(member) as f:
                    # validation: the first quarter of the progress bar
                    steps = tiktok_json.prescan_steps(f, state)
                    for section in steps:
                        yield ("progress", 0.25 * min(f.bytes_read / size, 1.0), section)
                yield ("detected", state.schema, state.account)
                batch: list[Row] = []
                with archive.open(member) as f:
                    last = [0.0]

                    def tick(section: str) -> None:
                        last[0] = 0.25 + 0.75 * min(f.bytes_read / size, 1.0)

                    pending_sections: list[str] = []

                    def tick_q(section: str) -> None:
                        tick(section)
                        pending_sections.append(section)

                    for row in tiktok_json.parse_rows(f, state, tick_q):
                        batch.append(row)
                        if len(batch) >= BATCH:
                            yield ("records", batch)
                            batch = []
                            yield ("progress", 0.25 + 0.75 * min(f.bytes_read / size, 1.0), "")
                        if pending_sections:
                            yield ("progress", last[0], pending_sections[-1])
                            pending_sections.clear()
                    if batch:
                        yield ("records", batch)
            else:
                state = ParseState(member="", schema="txt")
                state.account = tiktok_txt.account_of(archive)
                yield ("detected", "txt", state.account)
                batch = []
                progress: list[tuple[float, str]] = []
                for rec in tiktok_txt.parse(archive, state, lambda x, s: progress.append((x, s))):
                    batch.append(_row(rec))
                    if len(batch) >= BATCH:
                        yield ("records", batch)
                        batch = []
                    if progress:
                        yield ("progress", *progress[-1])
                        progress.clear()
                if batch:
                    yield ("records", batch)
            sections = [(s.path, s.category, s.status, s.count) for s in state.finish()]
            yield ("done", sections, list(state.warnings), state.wrapper_values)
    except ArchiveRejected as exc:
        yield ("rejected", getattr(exc, "code", "unreadable"), getattr(exc, "values", {}))
    except MemoryError:
        yield ("rejected", "unreadable", {})
    except Exception as exc:  # a parser bug on odd input: refuse the input, log no content
        log.debug("parser failed: %s", type(exc).__name__)
        yield ("rejected", "unreadable", {})


def _limit_child() -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = MEMORY_LIMIT if hard == resource.RLIM_INFINITY else min(MEMORY_LIMIT, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not on this platform
        pass


def _child_main(conn: Connection, path: str, plan: Plan) -> None:
    """Entry point of the worker process."""
    _limit_child()
    try:
        for msg in messages(Path(path), plan):
            conn.send(msg)
    except (BrokenPipeError, EOFError, OSError):
        pass  # the app went away or cancelled
    finally:
        with contextlib.suppress(Exception):
            conn.close()


class ParseSession:
    """The app-side end: iterate ``messages()``; ``close()`` stops the worker."""

    def __init__(self, path: Path, plan: Plan, *, isolate: bool = True) -> None:
        self._isolate = isolate
        self.finished = False
        self._proc: Any = None
        self._conn: Connection | None = None
        if isolate:
            ctx = multiprocessing.get_context("spawn")
            recv, send = ctx.Pipe(duplex=False)
            self._proc = ctx.Process(
                target=_child_main, args=(send, os.fspath(path), plan), daemon=True
            )
            self._proc.start()
            send.close()
            self._conn = recv
        else:
            self._inline = messages(path, plan)

    def next(self) -> Message:
        if not self._isolate:
            try:
                return next(self._inline)
            except StopIteration:
                raise reject("unreadable") from None
        assert self._conn is not None
        try:
            msg: Message = self._conn.recv()
        except (EOFError, OSError, ConnectionError):
            # The worker died (a crash, or the memory cap): nothing of it reaches the vault.
            raise reject("unreadable") from None
        except Exception:  # pragma: no cover - unpicklable garbage
            raise reject("unreadable") from None
        if msg[0] in ("done", "rejected"):
            self.finished = True
        return msg

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
        if self._proc is not None:
            proc = self._proc
            self._proc = None
            if not self.finished:
                proc.terminate()  # cancelled or failed half-way: stop parsing now
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join(timeout=5)
            if proc.is_alive():  # pragma: no cover
                proc.kill()
                proc.join()
        elif not self._isolate:
            self._inline.close()

    def __enter__(self) -> ParseSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def session_factory(isolate: bool) -> Callable[[Path, Plan], ParseSession]:
    return lambda path, plan: ParseSession(path, plan, isolate=isolate)
