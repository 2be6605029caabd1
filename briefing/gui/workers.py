"""Slow work off the GUI thread: a plain function run in a ``QThreadPool`` worker with
progress, finished and failed signals, and cancel (Orange's ``concurrent.py`` and
Anki's ``operations/`` in miniature).

    runner = Runner(store)                     # one per window
    task = runner.start(import_files, paths,   # fn(ctx, *args) runs in a worker
                        on_done=show_report, on_error=show_error,
                        on_progress=bar.update, channel="import")
    task.cancel()

``fn`` receives a :class:`TaskContext` first: ``ctx.store`` is the worker's *own*
store (``store.clone()``: SQLite connections are per thread; closed when ``fn``
returns), ``ctx.progress(done, total, text)`` reports, and ``ctx.cancelled()`` tells
it to stop early.  Starting a task in a ``channel`` cancels the one running there
before it, and a cancelled task's result is never delivered (the search box uses
this: only the last keystroke's results arrive).  Callbacks run on the GUI thread.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a worker function to stop (``ctx.check()``)."""


class TaskContext:
    def __init__(self, task: "Task"):
        self._task = task
        self.store = None

    def cancelled(self) -> bool:
        return self._task.is_cancelled

    def check(self) -> None:
        """Raise :class:`Cancelled` if the task was cancelled."""
        if self._task.is_cancelled:
            raise Cancelled()

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        if not self._task.is_cancelled:
            self._task.signals.progress.emit(int(done), int(total), str(text))


class TaskSignals(QObject):
    progress = Signal(int, int, str)  # done, total (0 = unknown), what is happening
    finished = Signal(object)  # the function's result
    failed = Signal(object)  # the exception (never delivered for a cancelled task)
    ended = Signal()  # after finished/failed, or when a cancelled task stops


class Task(QRunnable):
    """One call of ``fn(ctx, *args, **kwargs)`` in the thread pool."""

    def __init__(self, fn: Callable, args=(), kwargs=None, store=None, name: str = ""):
        super().__init__()
        self.setAutoDelete(False)  # the Runner keeps a reference until it ends
        self.fn, self.args, self.kwargs = fn, tuple(args), dict(kwargs or {})
        self.name = name or getattr(fn, "__name__", "task")
        self.signals = TaskSignals()
        self._store = store
        self._cancel = threading.Event()
        self._conn_lock = threading.Lock()
        self._worker_store = None

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the task to stop; a running SQL statement is interrupted."""
        self._cancel.set()
        with self._conn_lock:
            conn = getattr(self._worker_store, "conn", None)
            if conn is not None:
                try:
                    conn.interrupt()  # the running statement stops with "interrupted"
                except Exception:  # noqa: BLE001 - closed meanwhile
                    pass

    def run(self) -> None:  # in a worker thread
        ctx = TaskContext(self)
        try:
            if self.is_cancelled:
                return
            if self._store is not None:
                with self._conn_lock:
                    self._worker_store = self._store.clone()
                ctx.store = self._worker_store
            result = self.fn(ctx, *self.args, **self.kwargs)
            if not self.is_cancelled:
                self.signals.finished.emit(result)
        except Cancelled:
            pass
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI thread
            if not self.is_cancelled:
                log.exception("task %s failed", self.name)
                self.signals.failed.emit(exc)
        finally:
            with self._conn_lock:
                if self._worker_store is not None:
                    self._worker_store.close()
                    self._worker_store = None
            self.signals.ended.emit()


_RUNNING: set["Task"] = set()  # tasks in the pool stay referenced until they end


class GuiThreadGarbageCollector(QObject):
    """Python's cycle collector, run on the GUI thread only.

    Left automatic, it runs in whichever thread happens to allocate — often a worker —
    and if the garbage holds Qt objects (a closed window in a reference cycle) their
    C++ destructors run there and crash the app.  So automatic collection is switched
    off and a timer collects the generations, as thresholds say, on the GUI thread
    (the recipe PyQt applications use)."""

    def __init__(self, parent: QObject, interval_ms: int = 1000):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    @Slot()
    def check(self) -> None:
        gc.disable()  # (someone may have switched it back on)
        l0, l1, l2 = gc.get_count()
        if l0 > self.threshold[0]:
            gc.collect(0)
            if l1 > self.threshold[1]:
                gc.collect(1)
                if l2 > self.threshold[2]:
                    gc.collect(2)


def collect_garbage_on_gui_thread() -> None:
    """Install the :class:`GuiThreadGarbageCollector` (once; again after a re-enable)."""
    app = QCoreApplication.instance()
    if app is None:
        return
    keeper = app.findChild(GuiThreadGarbageCollector)
    if keeper is None:
        GuiThreadGarbageCollector(app)
    else:
        gc.disable()


class Runner(QObject):
    """Starts tasks for one window and delivers their results while it lives.

    The task signals are connected to the runner's own methods, so when the runner
    (a child of its window) is destroyed nothing is delivered to views that are gone."""

    def __init__(self, store=None, parent: QObject | None = None,
                 pool: QThreadPool | None = None):
        super().__init__(parent)
        self.store = store
        self.pool = pool or QThreadPool.globalInstance()
        self._tasks: dict[TaskSignals, tuple[Task, dict]] = {}
        self._channels: dict[str, Task] = {}
        collect_garbage_on_gui_thread()

    def start(self, fn: Callable, *args, on_done: Callable | None = None,
              on_error: Callable | None = None, on_progress: Callable | None = None,
              channel: str | None = None, use_store: bool = True, **kwargs) -> Task:
        if channel and (old := self._channels.get(channel)) is not None:
            old.cancel()
        task = Task(fn, args, kwargs, store=self.store if use_store else None)
        calls = {"done": on_done, "error": on_error, "progress": on_progress, "channel": channel}
        self._tasks[task.signals] = (task, calls)
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(self._failed)
        task.signals.progress.connect(self._progress)
        task.signals.ended.connect(self._ended)
        if channel:
            self._channels[channel] = task
        _RUNNING.add(task)
        self.pool.start(task)
        return task

    def _entry(self):
        return self._tasks.get(self.sender(), (None, {}))

    # Declared slots: Qt then knows the runner is the receiver and drops the
    # connections when the runner (with its window) is destroyed.
    @Slot(object)
    def _finished(self, result) -> None:
        task, calls = self._entry()
        if task is not None and not task.is_cancelled and calls.get("done"):
            calls["done"](result)

    @Slot(object)
    def _failed(self, exc) -> None:
        task, calls = self._entry()
        if task is not None and not task.is_cancelled and calls.get("error"):
            calls["error"](exc)

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, text: str) -> None:
        task, calls = self._entry()
        if task is not None and calls.get("progress"):
            calls["progress"](done, total, text)

    @Slot()
    def _ended(self) -> None:
        task, calls = self._tasks.pop(self.sender(), (None, {}))
        if task is None:
            return
        _RUNNING.discard(task)
        channel = calls.get("channel")
        if channel and self._channels.get(channel) is task:
            del self._channels[channel]

    def busy(self, channel: str | None = None) -> bool:
        if channel:
            return channel in self._channels
        return bool(self._tasks)

    def cancel(self, channel: str) -> None:
        """Cancel the task running in ``channel`` (its result will not arrive)."""
        task = self._channels.pop(channel, None)
        if task is not None:
            task.cancel()

    def cancel_all(self) -> None:
        for task, _calls in list(self._tasks.values()):
            task.cancel()

    def shutdown(self, msecs: int = 3000) -> None:
        """Cancel everything and wait for the workers (before the store closes)."""
        self.cancel_all()
        self.pool.waitForDone(msecs)
