"""Dossier work for :class:`briefing.gui.workers.Runner` tasks (run off the GUI thread).

    runner.start(render_briefing, briefing_id, "A4", on_done=show)       # preview bytes
    runner.start(export_briefing, briefing_id, path, "A4", on_done=done)  # safe write

Each function assembles the briefing from the task's own store connection and
renders it with :mod:`briefing.services.dossier`.  ReportLab keeps global state
(fonts, caches), so only one dossier is laid out at a time in the process: a render
waits for the one before it, and gives up waiting as soon as it is cancelled.
Cancelling stops a render at its next progress report; an export cancelled while
its pages are laid out writes nothing (an existing file stays as it was).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from briefing.services import composer
from briefing.services.dossier import DossierRenderer, Written, write_dossier

_one_at_a_time = threading.Lock()


@dataclass(frozen=True)
class Rendered:
    """A dossier rendered in memory (for the preview)."""

    briefing_id: int
    data: bytes
    pages: int
    page_size: str


def _turn(ctx):
    """Wait for the renderer (cancellable); use as ``with _turn(ctx):``."""
    while not _one_at_a_time.acquire(timeout=0.05):
        ctx.check()
    return _Held()


class _Held:
    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        _one_at_a_time.release()


def _progress(ctx, text: str):
    def report(done: int, total: int) -> None:
        ctx.check()  # raises Cancelled: the build stops, nothing is written
        ctx.progress(done, total, text)
    return report


def render_briefing(ctx, briefing_id: int, page_size: str = "A4") -> Rendered:
    assembled = composer.assemble(ctx.store, briefing_id)
    ctx.check()
    with _turn(ctx):
        renderer = DossierRenderer(assembled, page_size, _progress(ctx, "Laying out pages"))
        data = renderer.render()
    return Rendered(briefing_id, data, renderer.page_count, renderer.layout.name)


def export_briefing(ctx, briefing_id: int, path: str, page_size: str = "A4") -> Written:
    assembled = composer.assemble(ctx.store, briefing_id)
    ctx.check()
    with _turn(ctx):
        return write_dossier(assembled, path, page_size, _progress(ctx, "Laying out pages"))
