"""The composer window's parts: the Briefings page (:class:`~.page.ComposerPage`) with
the briefings list and the editor for one open briefing.

Modules: ``page`` (list + editor, Ctrl+N, add to briefing), ``editor`` (tree, tabs,
toolbar, polling for edits made elsewhere), ``session`` (writes and undo),
``tree_model`` (sections and items, check boxes, drag and drop), ``item_editor``,
``points_editor``, ``details_form``, ``new_dialog``, ``briefings_list``.

:func:`install` is called by the main window (its ``EXTENSIONS``): the page replaces
the Briefings placeholder, File ▸ New Briefing (Ctrl+N) opens the New briefing
dialog, and Edit ▸ Add to Briefing (Ctrl+B, also in context menus) adds the
selected records to the open briefing.
"""

from __future__ import annotations

from briefing.gui.composer.page import ComposerPage

__all__ = ["ComposerPage", "install"]


def install(window) -> ComposerPage:
    from PySide6.QtGui import QAction, QKeySequence

    page = ComposerPage(window.store, window.undo_stack, window, shortcuts=False)
    window.replace_page("briefings", page)
    page.message.connect(lambda text: window.statusBar().showMessage(text, 6000))

    def new_briefing() -> None:
        window.show_page("briefings")
        page.new_briefing()

    window.set_new_briefing_handler(new_briefing)

    add = QAction("Add to &Briefing", window, objectName="addToBriefing")
    add.setShortcut(QKeySequence("Ctrl+B"))
    add.setStatusTip("Add the selected records to the open briefing")

    def add_selected() -> None:
        kind, ids = window.selected_records()
        if kind is None or not ids:
            window.statusBar().showMessage("Select records to add to the briefing", 6000)
            return
        if page.open_id is None:
            window.statusBar().showMessage(
                "No briefing is open: open one on the Briefings page first", 6000)
            return
        page.add_to_briefing([(kind, i) for i in ids])

    add.triggered.connect(add_selected)
    window.addAction(add)
    window.add_record_action(add)
    if getattr(window, "readonly", False):
        add.setEnabled(False)
    window.composer = page
    return page
