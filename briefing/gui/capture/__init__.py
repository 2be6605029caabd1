"""The article capture review window (File ▸ Capture Article…).

    window = open_capture(store, parent, path="article.html")   # or text=…, or neither
    # CaptureWindow(store, parent) is the window itself

Modules: ``window`` (the window: worker, pages, accept/reject), ``input_page``
(paste, drop, open), ``article_view`` (the article with highlighted sentences),
``candidate_model`` (candidates grouped by kind), ``editor`` (the selected
candidate's form and evidence), ``session`` (the review state, no Qt).

:func:`install` is called by the main window (its ``EXTENSIONS``): it adds File ▸
Capture Article… (Ctrl+Shift+A) and lets article files (.txt, .md, .html) dropped on
the main window open here instead of the CSV/bundle importer.  Double-clicking an
accepted (or already stored) candidate shows its record in the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from briefing.gui.capture.input_page import article_paths
from briefing.gui.capture.window import CaptureWindow

__all__ = ["CaptureWindow", "open_capture", "install"]


def open_capture(store, parent=None, path: str | None = None, text: str | None = None,
                 url: str = "") -> CaptureWindow:
    """Open a capture window (and start reading ``path`` or ``text`` if given)."""
    window = CaptureWindow(store, parent)
    if hasattr(parent, "show_record"):  # the main window: show what a double-click names
        window.record_requested.connect(lambda kind, rid: parent.show_record(kind, rid))
    if parent is not None:  # kept alive by its parent while open
        windows = parent.__dict__.setdefault("_capture_windows", [])
        windows[:] = [w for w in windows if w.isVisible()]
        windows.append(window)
    window.show()
    window.raise_()
    if path:
        window.capture_path(str(path), url)
    elif text:
        window.capture_text(text, url)
    return window


class _ArticleDrops(QObject):
    """Article files dropped on the main window open a capture window; other files
    (CSV, bundles) go on to the importer as before."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        if getattr(self.window, "readonly", False):
            return False
        paths = article_paths(event.mimeData())
        if not paths or len(paths) != len(event.mimeData().urls()):
            return False
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            for path in paths:
                open_capture(self.window.store, self.window, path=path)
        return True


def install(window) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    from briefing.gui.icons import icon

    action = QAction(icon("capture"), "Capture &Article…", window, objectName="captureArticle")
    action.setShortcut(QKeySequence("Ctrl+Shift+A"))
    action.setToolTip("Capture Article (Ctrl+Shift+A)")
    action.setStatusTip("Read a news article and review the quotes, visits, agreements and "
                        "figures it proposes (you can also drop .txt, .md or .html files)")
    action.triggered.connect(lambda: open_capture(window.store, window))
    window.addAction(action)
    window.add_file_action(action)
    window.installEventFilter(_ArticleDrops(window))
    window.capture_action = action
