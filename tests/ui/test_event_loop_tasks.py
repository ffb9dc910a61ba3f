"""run_task: results, errors, progress and cancel come back on the GUI thread."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QThread

from plainview.errors import ImportCancelled
from plainview.ui import tasks
from plainview.ui.tasks import run_task


def _collect() -> tuple[list[tuple[Any, Any, bool]], Any]:
    got: list[tuple[Any, Any, bool]] = []

    def on_done(result: Any, error: Any) -> None:
        got.append((result, error, QThread.currentThread().isMainThread()))

    return got, on_done


def test_result_is_delivered_on_gui_thread(qtbot):
    got, on_done = _collect()
    worker_is_main: list[bool] = []

    def work(a: int, b: int, *, scale: int) -> int:
        worker_is_main.append(QThread.currentThread().isMainThread())
        return (a + b) * scale

    handle = run_task(work, 2, 3, scale=10, on_done=on_done)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert got == [(50, None, True)]
    assert worker_is_main == [False]
    assert tasks.active_tasks() == 0


def test_error_is_delivered_not_raised(qtbot):
    got, on_done = _collect()

    def boom() -> None:
        raise ValueError("bad")

    handle = run_task(boom, on_done=on_done)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert len(got) == 1
    result, error, on_main = got[0]
    assert result is None and isinstance(error, ValueError) and on_main


def test_progress_is_marshalled_and_coalesced(qtbot):
    seen: list[tuple[float, str, bool]] = []
    got, on_done = _collect()
    release = threading.Event()

    def work(n: int, progress) -> int:
        for i in range(n):
            progress(i / n, f"step {i}")
        release.wait(5)
        progress(1.0, "done")
        return n

    def on_progress(fraction: float, text: str) -> None:
        seen.append((fraction, text, QThread.currentThread().isMainThread()))

    handle = run_task(work, 20_000, on_done=on_done, on_progress=on_progress)
    qtbot.waitUntil(lambda: len(seen) >= 1, timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert got[0][0] == 20_000
    assert all(on_main for _, _, on_main in seen)
    # Far fewer deliveries than calls, and the final value always arrives.
    assert len(seen) < 20_000
    assert seen[-1][:2] == (1.0, "done")


def test_cooperative_cancel(qtbot):
    got, on_done = _collect()
    started = threading.Event()

    def work(cancel: threading.Event) -> str:
        started.set()
        if not cancel.wait(5):
            return "finished"
        raise ImportCancelled("The import was cancelled.")

    handle = run_task(work, on_done=on_done)
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert isinstance(got[0][1], ImportCancelled)
    assert handle.cancelled


def test_caller_supplied_cancel_event_is_passed_through(qtbot):
    got, on_done = _collect()
    event = threading.Event()
    event.set()

    def work(cancel: threading.Event) -> bool:
        return cancel is event and cancel.is_set()

    handle = run_task(work, on_done=on_done, cancel=event)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert got[0][0] is True


def test_functions_without_progress_or_cancel_get_neither(qtbot):
    got, on_done = _collect()
    handle = run_task(sorted, [3, 1, 2], on_done=on_done, reverse=True)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert got[0][:2] == ([3, 2, 1], None)


@pytest.mark.parametrize("count", [8])
def test_many_tasks_all_deliver(qtbot, count):
    got, on_done = _collect()
    handles = [run_task(pow, i, 2, on_done=on_done) for i in range(count)]
    qtbot.waitUntil(lambda: all(h.done for h in handles), timeout=5000)
    assert sorted(r for r, _, _ in got) == [i * i for i in range(count)]
    assert tasks.wait_for_all(1000)


def test_result_for_a_deleted_widget_is_dropped(qtbot):
    from PySide6.QtWidgets import QWidget

    class Receiver(QWidget):
        def __init__(self):
            super().__init__()

        def on_done(self, result, error):
            self.setWindowTitle(str(result))  # raises if the C++ widget is gone

    release = threading.Event()
    receiver = Receiver()
    handle = run_task(release.wait, 5, on_done=receiver.on_done)
    finished: list[object] = []
    handle.finished.connect(lambda r, e: finished.append(r))
    import shiboken6

    shiboken6.delete(receiver)
    release.set()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert finished == [True]  # delivered, without calling into the deleted widget


@pytest.mark.parametrize("shape", ["closure", "partial"])
def test_result_for_a_deleted_widget_is_dropped_from_closures_and_partials(qtbot, shape):
    """Pages pass ``def done(...)`` closures over ``self`` and partials of their methods: a
    page deleted while its query ran must not be called into either."""
    import functools

    import shiboken6
    from PySide6.QtWidgets import QWidget

    calls: list[object] = []

    class Page(QWidget):
        def loaded(self, tag, result, error):
            calls.append(tag)
            self.setWindowTitle(tag)  # raises if the C++ widget is gone

    page = Page()

    def done(result, error):
        calls.append(result)
        page.setWindowTitle(str(result))

    callback = done if shape == "closure" else functools.partial(page.loaded, "x")
    release = threading.Event()
    handle = run_task(release.wait, 5, on_done=callback)
    shiboken6.delete(page)
    release.set()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert calls == []
