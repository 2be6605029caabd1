"""The PDF dossier in the app: Export PDF… (Ctrl+E) and the preview pane.

    preview = DossierPreview(store, parent)            # QPdfView of the open briefing
    exporter = export_pdf(store, briefing_id, parent)  # dialog, worker, progress, open
    attach(composer_page, window)                      # both, wired into the composer

Modules: ``rendering`` (worker functions; one ReportLab layout at a time),
``export`` (the options dialog and :class:`DossierExporter`), ``preview``
(:class:`DossierPreview`).

:func:`install` is the main window's extension hook (``EXTENSIONS`` entry
``"briefing.gui.dossier"`` after ``"briefing.gui.composer"``): it attaches to the
window's composer page, adds File ▸ Export PDF… (Ctrl+E) and a "Preview" tab beside
the composer's Item / Talking points / Details tabs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from briefing.gui.dossier.export import DossierExporter, ExportDialog, export_pdf, file_name_for
from briefing.gui.dossier.preview import DossierPreview
from briefing.gui.dossier.rendering import Rendered, export_briefing, render_briefing

__all__ = ["DossierExporter", "DossierPreview", "ExportDialog", "Rendered", "attach",
           "export_briefing", "export_pdf", "file_name_for", "install", "render_briefing"]

EXPORT_SHORTCUT = "Ctrl+E"


class ComposerDossier:
    """What :func:`attach` adds to a composer page: ``action`` (Export PDF…),
    ``exporter`` and ``preview`` (the editor's "Preview" tab)."""

    def __init__(self, page, window=None, settings=None):
        editor = page.editor
        runner = getattr(window, "runner", None)
        settings = settings or getattr(window, "settings", None)
        self.page = page
        self.preview = DossierPreview(page.store, editor, runner=runner)
        editor.tabs.addTab(self.preview, "Preview")
        self.exporter = DossierExporter(page.store, window or page, settings=settings,
                                        runner=runner)
        self.action = QAction("Export &PDF…", window or page, objectName="exportPdf")
        self.action.setShortcut(QKeySequence(EXPORT_SHORTCUT))
        self.action.setStatusTip("Export the open briefing as a PDF dossier")
        self.action.triggered.connect(self.export)
        if window is None:  # standalone page: the key works inside it
            self.action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            page.addAction(self.action)
        self.preview.export_requested.connect(self.export)
        self.exporter.message.connect(page.message)
        page.briefing_opened.connect(self._opened)
        editor.model.modelReset.connect(self.preview.schedule)  # an edit reloaded the tree
        self._opened(page.open_id or 0)

    def _opened(self, briefing_id: int) -> None:
        self.preview.set_briefing(briefing_id or None)
        self.action.setEnabled(bool(briefing_id))

    def export(self) -> bool:
        return self.exporter.export(self.page.open_id)


def attach(page, window=None, settings=None) -> ComposerDossier:
    """Add Export PDF… and the preview pane to a composer page (in *window*, if given:
    the action goes to its File menu and uses its worker pool and settings).  Once
    per page: a second call returns what the first attached."""
    if isinstance(getattr(page, "dossier", None), ComposerDossier):
        return page.dossier
    parts = ComposerDossier(page, window, settings)
    page.dossier = parts
    return parts


def install(window) -> ComposerDossier | None:
    page = getattr(window, "composer", None)
    if page is None:
        return None
    if isinstance(getattr(page, "dossier", None), ComposerDossier):
        return page.dossier  # already installed
    parts = attach(page, window)
    window.add_file_action(parts.action)
    window.addAction(parts.action)
    return parts
