"""The window's actions, menus and toolbar, with the standard shortcuts.

Every action has a tooltip that names its shortcut.  Others add theirs through the
window (``add_file_action``, ``add_record_action``), which puts them in the right
menu and, for record actions, in the tables' context menus.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QSizePolicy, QToolBar, QWidget

from briefing.domain import Kind
from briefing.gui.icons import icon, kind_icon

NEW_KINDS = [Kind.STATEMENT, Kind.VISIT, Kind.AGREEMENT, Kind.PERSON, Kind.ORGANISATION,
             Kind.SOURCE, Kind.FIGURE, Kind.STANCE]


def _keys(*keys) -> list[QKeySequence]:
    """Key sequences without duplicates (a standard key may equal an explicit one)."""
    out: dict[str, QKeySequence] = {}
    for k in keys:
        seq = k if isinstance(k, QKeySequence) else QKeySequence(k)
        if not seq.isEmpty():
            out.setdefault(seq.toString(), seq)
    return list(out.values())


class Actions:
    def __init__(self, window: QMainWindow, undo_stack):
        self.window = window
        self.icons: dict[QAction, str] = {}
        a = self._action
        S = QKeySequence.StandardKey
        self.new_briefing = a("New &Briefing…", "new-briefing", [S.New],
                              "Start a briefing for a coming meeting")
        self.new_record = {k: a(f"New {k.label}…", None, [], f"Add a new {k.value} by hand")
                           for k in NEW_KINDS}
        for k, act in self.new_record.items():
            act.setIcon(kind_icon(k))
            self.icons[act] = f"kind:{k.value}"
        self.new_current = a("New &Record", "new", ["Ctrl+Shift+N"],
                             "Add a record of the kind on screen")
        self.open_store = a("&Open Store…", "open", [S.Open], "Open another Briefing store file")
        self.import_ = a("&Import…", "import", ["Ctrl+I"],
                         "Import CSV files or a Briefing bundle (you can also drop files on the window)")
        self.export = a("&Export Data…", "export", ["Ctrl+Shift+E"],
                        "Export the whole store as a Briefing bundle")
        self.quit = a("&Quit", "quit", [S.Quit, "Ctrl+Q"], "Close Briefing")
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo = undo_stack.createUndoAction(window, "&Undo")
        self.undo.setShortcuts(_keys(S.Undo))
        self.redo = undo_stack.createRedoAction(window, "&Redo")
        self.redo.setShortcuts(_keys("Ctrl+Shift+Z", S.Redo))
        for act, name in ((self.undo, "undo"), (self.redo, "redo")):
            act.setIcon(icon(name))
            self.icons[act] = name
        self.edit = a("&Edit Record…", "edit", ["F2"], "Edit the selected record")
        self.delete = a("&Delete", "delete", [S.Delete],
                        "Move the selected records to the trash (Undo brings them back)")
        self.find = a("&Find…", "search", ["Ctrl+K", S.Find],
                      "Search everything: statements, visits, agreements, people…")
        self.toggle_details = a("Show &Details Pane", "panel-right", ["Ctrl+Shift+D"],
                                "Show or hide the pane with the selected record's details")
        self.toggle_details.setCheckable(True)
        self.toggle_details.setChecked(True)
        self.refresh = a("&Reload", None, [S.Refresh], "Read everything from the store again")
        self.full_screen = a("&Full Screen", None, [S.FullScreen], "")
        self.full_screen.setCheckable(True)
        self.themes = QActionGroup(window)
        self.theme = {}
        for key, label in (("system", "Follow the &System"), ("light", "&Light"), ("dark", "&Dark")):
            act = QAction(label, window, checkable=True)
            act.setData(key)
            self.themes.addAction(act)
            self.theme[key] = act
        self.about = a("&About Briefing", "about", [S.HelpContents, "F1"], "Version and credits")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.shortcuts = a("&Keyboard Shortcuts", None, [], "The keys that drive Briefing")
        self.go: dict[str, QAction] = {}
        self.record_actions: list[QAction] = []
        self.writing = [self.new_briefing, self.new_current, self.import_, self.edit, self.delete,
                        *self.new_record.values()]

    def _action(self, text: str, icon_name: str | None, keys, tip: str) -> QAction:
        act = QAction(text, self.window)
        if icon_name:
            act.setIcon(icon(icon_name))
            self.icons[act] = icon_name
        if keys:
            act.setShortcuts(_keys(*keys))
        plain = text.replace("&", "").rstrip("…")
        shortcut = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        act.setToolTip(f"{plain} ({shortcut})" if shortcut else plain)
        act.setStatusTip(tip)
        act.setWhatsThis(tip)
        self.window.addAction(act)
        return act

    def add_go(self, key: str, title: str, index: int) -> QAction:
        keys = [f"Ctrl+{index}"] if index <= 9 else []
        act = self._action(title, None, keys, f"Show {title}")
        self.go[key] = act
        return act

    def refresh_icons(self) -> None:
        """Re-tint the icons (after a palette change)."""
        for act, name in self.icons.items():
            act.setIcon(kind_icon(name[5:]) if name.startswith("kind:") else icon(name))

    # --- menus and toolbar ---------------------------------------------------------------------------
    def build_menus(self) -> dict[str, QMenu]:
        bar = self.window.menuBar()
        file_ = bar.addMenu("&File")
        file_.addAction(self.new_briefing)
        new_menu = file_.addMenu(icon("new"), "New Re&cord")
        new_menu.addAction(self.new_current)
        new_menu.addSeparator()
        for act in self.new_record.values():
            new_menu.addAction(act)
        file_.addSeparator()
        file_.addAction(self.open_store)
        file_.addSeparator()
        file_.addAction(self.import_)
        file_.addAction(self.export)
        self.file_anchor = file_.addSeparator()
        file_.addAction(self.quit)

        edit = bar.addMenu("&Edit")
        edit.addAction(self.undo)
        edit.addAction(self.redo)
        edit.addSeparator()
        edit.addAction(self.edit)
        edit.addAction(self.delete)
        self.record_anchor = edit.addSeparator()
        edit.addAction(self.find)

        view = bar.addMenu("&View")
        go = view.addMenu("&Go To")
        for act in self.go.values():
            go.addAction(act)
        view.addSeparator()
        view.addAction(self.toggle_details)
        theme = view.addMenu("&Theme")
        theme.addActions(self.themes.actions())
        view.addAction(self.full_screen)
        view.addSeparator()
        view.addAction(self.refresh)

        help_ = bar.addMenu("&Help")
        help_.addAction(self.shortcuts)
        help_.addAction(self.about)
        self.menus = {"file": file_, "edit": edit, "view": view, "help": help_, "new": new_menu}
        return self.menus

    def build_toolbar(self, search_field: QWidget) -> QToolBar:
        tb = QToolBar("Main toolbar", self.window, objectName="mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for act in (self.new_briefing, self.import_, self.export, None, self.edit, self.delete,
                    None, self.undo, self.redo, None):
            tb.addSeparator() if act is None else tb.addAction(act)
        tb.addWidget(search_field)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        tb.addAction(self.toggle_details)
        self.window.addToolBar(tb)
        return tb

    def set_writable(self, writable: bool) -> None:
        for act in self.writing:
            act.setEnabled(writable)
        self.undo.setVisible(writable)
        self.redo.setVisible(writable)
