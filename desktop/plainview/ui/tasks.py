"""Work off the GUI thread: one helper, ``run_task``, in the manner of picard's ``run_task``
and KeePassXC's ``AsyncTask``.

``run_task(fn, *args, on_done=cb, on_progress=None, cancel=None, **kwargs)`` runs
``fn(*args, **kwargs)`` on a worker thread and calls ``on_done(result, error)`` back on the GUI
thread: ``error`` is the exception ``fn`` raised (``result`` is then ``None``), or ``None``.

Progress: when ``fn`` has a ``progress`` parameter (or ``**kwargs``) it receives a callback it
may call from the worker thread with any arguments; the last arguments are delivered to
``on_progress(*args)`` on the GUI thread. Calls are coalesced (only the newest value waits), so
a chatty worker can never flood the event loop.

Cancel: when ``fn`` has a ``cancel`` parameter it receives a ``threading.Event`` (the one
passed in, or a new one); ``TaskHandle.cancel()`` sets it. Cancelling is cooperative: ``fn``
decides when to stop, and ``on_done`` is still called exactly once with whatever it returned
or raised.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any, BaseException | None], None]
ProgressCallback = Callable[..., None]

_pool: QThreadPool | None = None
# Handles stay referenced until their result has been delivered on the GUI thread.
_active: set[TaskHandle] = set()


def thread_pool() -> QThreadPool:
    """The pool all tasks run on (separate from the global one so that a long import does
    not starve other work on this 2-core class of machine)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setObjectName("plainview-tasks")
        _pool.setMaxThreadCount(max(4, QThreadPool.globalInstance().maxThreadCount()))
    return _pool


def active_tasks() -> int:
    """How many tasks have not delivered their result yet."""
    return len(_active)


def running() -> list[TaskHandle]:
    """Handles of the tasks that have not delivered their result yet."""
    return list(_active)


def wait_for_all(timeout_ms: int = -1) -> bool:
    """Block until every worker has returned (used at application exit and in tests)."""
    for handle in list(_active):
        handle.cancel()
    return thread_pool().waitForDone(timeout_ms)


def _accepts(fn: Callable[..., Any], name: str) -> bool:
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    if name in params:
        return params[name].kind is not inspect.Parameter.POSITIONAL_ONLY
    return any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


class TaskHandle(QObject):
    """One running task. Signals fire on the GUI thread.

    - ``finished(result, error)``: after ``on_done`` ran.
    - ``progressed(tuple)``: the latest progress arguments.
    """

    finished = Signal(object, object)
    progressed = Signal(object)
    # Internal: emitted from the worker thread, queued to the GUI thread.
    _result_ready = Signal(object, object)
    _progress_ready = Signal()

    def __init__(
        self,
        on_done: DoneCallback | None,
        on_progress: ProgressCallback | None,
        cancel: threading.Event,
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_progress = on_progress
        self.cancel_event = cancel
        self._lock = threading.Lock()
        self._latest: tuple[Any, ...] | None = None
        self._progress_pending = False
        self.done = False
        self._result_ready.connect(self._deliver_result)
        self._progress_ready.connect(self._deliver_progress)

    def cancel(self) -> None:
        """Ask the task to stop (it stops when it next checks the event)."""
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    # -- worker side -------------------------------------------------------------------
    def report_progress(self, *args: Any) -> None:
        """Called from the worker; keeps only the newest value until the GUI has taken it."""
        with self._lock:
            self._latest = args
            if self._progress_pending:
                return
            self._progress_pending = True
        self._progress_ready.emit()

    # -- GUI side ----------------------------------------------------------------------
    @Slot()
    def _deliver_progress(self) -> None:
        with self._lock:
            args, self._latest = self._latest, None
            self._progress_pending = False
        if args is None or self.done:
            return
        self.progressed.emit(args)
        if self._on_progress is not None:
            self._on_progress(*args)

    @Slot(object, object)
    def _deliver_result(self, result: Any, error: BaseException | None) -> None:
        self._deliver_progress()
        self.done = True
        _active.discard(self)
        try:
            if self._on_done is not None:
                self._on_done(result, error)
        finally:
            self.finished.emit(result, error)


class _Runner(QRunnable):
    def __init__(self, handle: TaskHandle, call: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._handle = handle
        self._call = call

    def run(self) -> None:
        handle, call = self._handle, self._call
        self._call = None  # type: ignore[assignment]  # drop argument references early
        try:
            result = call()
        except BaseException as exc:
            log.debug("task failed", exc_info=True)
            log.info("task ended with %s", type(exc).__name__)
            handle._result_ready.emit(None, exc)
        else:
            handle._result_ready.emit(result, None)


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_done: DoneCallback | None,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    **kwargs: Any,
) -> TaskHandle:
    """Run ``fn(*args, **kwargs)`` on a worker thread; see the module docstring."""
    event = cancel if cancel is not None else threading.Event()
    handle = TaskHandle(on_done, on_progress, event)
    if _accepts(fn, "progress") and "progress" not in kwargs:
        kwargs["progress"] = handle.report_progress
    if _accepts(fn, "cancel") and "cancel" not in kwargs:
        kwargs["cancel"] = event

    def call() -> Any:
        return fn(*args, **kwargs)

    _active.add(handle)
    thread_pool().start(_Runner(handle, call))
    return handle
