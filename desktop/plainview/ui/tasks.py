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

Worker threads never hold a reference to a QObject: they talk to the GUI thread through one
long-lived dispatcher by task id, so no QObject can end up destroyed on a worker thread.
"""

from __future__ import annotations

import functools
import inspect
import itertools
import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeGuard

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from plainview.errors import PlainviewError

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any, BaseException | None], None]
ProgressCallback = Callable[..., None]

_pool: QThreadPool | None = None
_dispatcher: _Dispatcher | None = None
# Handles stay referenced until their result has been delivered on the GUI thread.
_active: dict[int, TaskHandle] = {}
_ids = itertools.count(1)


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
    return list(_active.values())


def wait_for_all(timeout_ms: int = -1) -> bool:
    """Cancel every task and block until every worker has returned (application exit,
    tests). Results still arrive through the event loop afterwards."""
    for handle in list(_active.values()):
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


class _Dispatcher(QObject):
    """Lives on the GUI thread for the whole run; workers emit its signals by task id."""

    # Only the task id crosses threads: the result waits in the task's state. (Sending Python
    # objects through queued signals hit a refcount bug in PySide6 6.12 at exit.)
    result_ready = Signal(int)
    progress_ready = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.result_ready.connect(self._on_result)
        self.progress_ready.connect(self._on_progress)

    @Slot(int)
    def _on_result(self, task_id: int) -> None:
        handle = _active.pop(task_id, None)
        if handle is not None:
            handle._deliver_result()

    @Slot(int)
    def _on_progress(self, task_id: int) -> None:
        handle = _active.get(task_id)
        if handle is not None:
            handle._deliver_progress()


def _get_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()
    return _dispatcher


class _TaskState:
    """What the worker and the GUI share: plain Python, safe to drop on any thread."""

    def __init__(self, task_id: int, cancel: threading.Event, dispatcher: _Dispatcher) -> None:
        self.id = task_id
        self.cancel = cancel
        self.lock = threading.Lock()
        self.latest: tuple[Any, ...] | None = None
        self.pending = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.spent: Any = None
        self._progress_ready = dispatcher.progress_ready

    def report_progress(self, *args: Any) -> None:
        """Called from the worker; keeps only the newest value until the GUI has taken it."""
        with self.lock:
            self.latest = args
            if self.pending:
                return
            self.pending = True
        self._progress_ready.emit(self.id)

    def take_progress(self) -> tuple[Any, ...] | None:
        with self.lock:
            args, self.latest = self.latest, None
            self.pending = False
        return args


class TaskHandle(QObject):
    """One running task, on the GUI thread.

    - ``finished(result, error)``: after ``on_done`` ran.
    - ``progressed(tuple)``: the latest progress arguments.
    """

    finished = Signal(object, object)
    progressed = Signal(object)

    def __init__(
        self,
        state: _TaskState,
        on_done: DoneCallback | None,
        on_progress: ProgressCallback | None,
    ) -> None:
        super().__init__()
        self._state = state
        self._on_done = on_done
        self._on_progress = on_progress
        self.done = False

    @property
    def cancel_event(self) -> threading.Event:
        return self._state.cancel

    def cancel(self) -> None:
        """Ask the task to stop (it stops when it next checks the event)."""
        self._state.cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._state.cancel.is_set()

    def _deliver_progress(self) -> None:
        args = self._state.take_progress()
        if args is None or self.done:
            return
        self.progressed.emit(args)
        if _alive(self._on_progress):
            self._on_progress(*args)

    def _deliver_result(self) -> None:
        self._deliver_progress()
        self.done = True
        with self._state.lock:
            result, error = self._state.result, self._state.error
            self._state.result = self._state.error = self._state.spent = None
        try:
            if _alive(self._on_done):
                self._on_done(result, error)
        finally:
            self.finished.emit(result, error)


def _alive(callback: Callable[..., Any] | None) -> TypeGuard[Callable[..., Any]]:
    """False for no callback, or one whose widget was deleted meanwhile (a page closed while
    its query ran): its result has nowhere to go. The widget is the bound method's object,
    a ``functools.partial``'s function's object, or a QObject a closure captured (the
    ``def done(...)`` a page defines inside ``refresh`` and that uses ``self``)."""
    if callback is None:
        return False
    for owner in _owners(callback):
        if not shiboken6.isValid(owner):
            log.debug("result dropped: its receiver was deleted")
            return False
    return True


def _owners(callback: Any, depth: int = 0) -> Iterator[QObject]:
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject):
        yield owner
    if depth < 3 and isinstance(callback, functools.partial):
        yield from _owners(callback.func, depth + 1)
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            value = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        if isinstance(value, QObject):
            yield value


class _Runner(QRunnable):
    def __init__(self, state: _TaskState, call: Callable[[], Any], dispatcher: _Dispatcher):
        super().__init__()
        self.setAutoDelete(True)
        self._state: _TaskState | None = state
        self._call: Callable[[], Any] | None = call
        self._result_ready = dispatcher.result_ready

    def run(self) -> None:
        state, call = self._state, self._call
        self._state = self._call = None  # drop argument references early
        assert state is not None and call is not None
        try:
            value = call()
            with state.lock:
                state.result = value
            del value  # the GUI thread must hold the last reference, never this thread
        except BaseException as exc:
            log.debug("task failed", exc_info=True)
            log.info("task ended with %s", type(exc).__name__)
            if isinstance(exc, PlainviewError):
                # The frames may hold secrets (a passphrase argument); the message is enough.
                exc = exc.with_traceback(None)
            with state.lock:
                state.error = exc
            del exc
        # ``call`` holds ``fn`` and its arguments (maybe a bound method of a widget): hand it to
        # the GUI thread, which releases it, so no QObject is ever destroyed on this thread.
        with state.lock:
            state.spent = call
        del call
        try:
            self._result_ready.emit(state.id)
        except RuntimeError:  # the dispatcher is gone: the application is quitting
            log.debug("result dropped: the application is quitting")


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_done: DoneCallback | None,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    **kwargs: Any,
) -> TaskHandle:
    """Run ``fn(*args, **kwargs)`` on a worker thread; see the module docstring."""
    dispatcher = _get_dispatcher()
    event = cancel if cancel is not None else threading.Event()
    state = _TaskState(next(_ids), event, dispatcher)
    handle = TaskHandle(state, on_done, on_progress)
    if _accepts(fn, "progress") and "progress" not in kwargs:
        kwargs["progress"] = state.report_progress
    if _accepts(fn, "cancel") and "cancel" not in kwargs:
        kwargs["cancel"] = event

    def call() -> Any:
        return fn(*args, **kwargs)

    _active[state.id] = handle
    thread_pool().start(_Runner(state, call, dispatcher))
    return handle
