"""The main window: navigation | the current page | the detail pane, the menus and
toolbar with the global search field, and the status bar.  It only composes the
views and routes signals between them; each page owns its own behaviour.

Pages are added by key (:meth:`MainWindow.add_page`); other parts of the app extend
the window through :meth:`replace_page`, :meth:`add_file_action`,
:meth:`add_record_action` and :meth:`set_new_briefing_handler`, usually from an
``install(window)`` function in one of :data:`EXTENSIONS`.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from urllib.parse import unquote

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QLabel, QMainWindow, QSplitter, QStackedWidget, QWidget,
)

from briefing import __version__
from briefing.domain import Change, Kind
from briefing.gui import dialogs
from briefing.gui.actions import Actions
from briefing.gui.errors import show_message
from briefing.gui.icons import app_icon, icon, kind_icon
from briefing.gui.record_commands import RecordCommands
from briefing.gui.settings import Settings
from briefing.gui.store_bridge import EVERYTHING, StoreBridge
from briefing.gui.theme import NAVIGATION_STYLE, app_theme, current_colors, style_labels
from briefing.gui.views.detail_pane import DetailPane
from briefing.gui.views.lazy_page import LazyPage
from briefing.gui.views.navigation import Navigation
from briefing.gui.views.record_table_view import RecordTablePage
from briefing.gui.views.search_field import GlobalSearchField
from briefing.gui.views.search_panel import SearchPanel
from briefing.gui.views.timeline_page import TimelinePage
from briefing.gui.workers import Runner
from briefing.store import tables

log = logging.getLogger(__name__)
EXTENSIONS = ["briefing.gui.composer", "briefing.gui.dossier", "briefing.gui.capture"]  # each may define install(window)
TABLE_KINDS = [Kind.STATEMENT, Kind.VISIT, Kind.AGREEMENT, Kind.PERSON, Kind.ORGANISATION,
               Kind.SOURCE, Kind.FIGURE, Kind.STANCE]
COUNTED_KINDS = [*TABLE_KINDS, Kind.BRIEFING]  # a count beside each in the navigation


class MainWindow(QMainWindow):
    def __init__(self, store, settings: Settings | None = None, extensions: bool | str = True):
        super().__init__()
        self.store = store
        self.settings = settings or Settings()
        self.readonly = bool(store.readonly)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(not self.readonly)
        self.runner = Runner(store, self)
        self.bridge = StoreBridge(store, self)
        self.undo_stack = QUndoStack(self)
        self.commands = RecordCommands(store, self, self.undo_stack, self.readonly,
                                       runner=self.runner, bridge=self.bridge)
        self.actions = Actions(self, self.undo_stack)
        self.pages: dict[str, QWidget] = {}
        self._page_icons: dict[str, str] = {}
        self._new_briefing: Callable[[], None] | None = None
        self.open_store_handler: Callable[[str], None] | None = None  # set by the app

        self.search_field = GlobalSearchField()

        self.navigation = Navigation()
        self.stack = QStackedWidget()
        self._build_pages()
        self.detail = DetailPane(store)  # made after the pages: last in the Tab order
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        for w in (self.navigation, self.stack, self.detail):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([190, 760, 450])
        self.setCentralWidget(self.splitter)
        self._style()
        style_labels(self.detail)

        self.actions.build_menus()
        self.actions.build_toolbar(self.search_field)
        self._connect()
        self._status_widgets()
        self.actions.set_writable(not self.readonly)
        self._update_title()
        self._update_counts()
        self.resize(1400, 860)
        self.settings.restore_window(self)
        self.settings.restore_splitter("main", self.splitter)
        self.actions.toggle_details.setChecked(self.settings.value("details", "1") == "1")
        if (theme := app_theme()) is not None:
            theme.changed.connect(self.on_theme_changed)
        if extensions == "deferred":  # the app: paint first, then load the rest
            QTimer.singleShot(150, self, self._load_extensions)
        elif extensions:
            self._load_extensions()
        self.show_page(self.settings.last_view if self.settings.last_view in self.pages else "search")

    # --- building ----------------------------------------------------------------------------------
    def _build_pages(self) -> None:
        self.navigation.add_heading("Find")
        self.search = SearchPanel(self.store, self.runner)
        self.add_page("search", "Search", self.search, "search")
        self.timeline = TimelinePage(self.store, self.settings, self.runner)
        self.add_page("timeline", "Timeline", self.timeline, "timeline")
        self.navigation.add_heading("Records")
        for kind in TABLE_KINDS:
            page = RecordTablePage(self.store, kind, self.runner, self.settings)
            self.add_page(kind.plural, kind.plural.capitalize(), page, f"kind:{kind.value}")
        self.navigation.add_heading("Prepare")
        briefings = RecordTablePage(self.store, Kind.BRIEFING, self.runner, self.settings)
        self.add_page("briefings", "Briefings", briefings, "kind:briefing")
        trash = LazyPage(self.commands.trash_view)
        trash.created.connect(self._connect_page)
        self.add_page("trash", "Trash", trash, "trash")

    def add_page(self, key: str, title: str, widget: QWidget, icon_name: str = "",
                 before: str | None = None) -> None:
        """A page with a navigation entry (Ctrl+1…9 reach the first nine)."""
        self.pages[key] = widget
        self._page_icons[key] = icon_name
        self.stack.addWidget(widget)
        self.navigation.add_page(key, title, self._icon(icon_name), before=before)
        act = self.actions.add_go(key, title, len(self.pages))
        act.triggered.connect(lambda _=False, k=key: self.show_page(k, focus=True))
        self._connect_page(widget)

    def _connect_page(self, widget: QWidget) -> None:
        """Route a page's signals: records to the detail pane, menus, status text."""
        style_labels(widget)
        for name in ("record_selected", "record_activated"):
            signal = getattr(widget, name, None)
            if signal is not None:
                signal.connect(getattr(self, f"_{name}"))
        if hasattr(widget, "context_menu_requested"):
            widget.context_menu_requested.connect(self._fill_context_menu)
        if hasattr(widget, "status"):
            widget.status.connect(lambda text: self.statusBar().showMessage(text, 6000))

    @staticmethod
    def _icon(name: str):
        return kind_icon(name[5:]) if name.startswith("kind:") else icon(name)

    def replace_page(self, key: str, widget: QWidget) -> None:
        """Swap a page's widget (the composer replaces the Briefings placeholder)."""
        old = self.pages[key]
        index = self.stack.indexOf(old)
        current = self.stack.currentWidget() is old
        self.stack.insertWidget(index, widget)
        if current:
            self.stack.setCurrentWidget(widget)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.pages[key] = widget
        self._connect_page(widget)

    def add_file_action(self, action: QAction) -> None:
        """An action in the File menu after Import/Export (e.g. Capture Article…)."""
        self.actions.menus["file"].insertAction(self.actions.file_anchor, action)
        if self.readonly:
            action.setEnabled(False)

    def add_record_action(self, action: QAction) -> None:
        """An action on the selected records (Edit menu and context menus); it reads
        :meth:`selected_records` when triggered."""
        self.actions.menus["edit"].insertAction(self.actions.record_anchor, action)
        self.actions.record_actions.append(action)

    def set_new_briefing_handler(self, handler: Callable[[], None]) -> None:
        self._new_briefing = handler

    def _load_extensions(self) -> None:
        for name in EXTENSIONS:
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError as exc:
                if exc.name and name.startswith(exc.name):
                    continue
                log.exception("extension %s failed to load", name)
                continue
            except Exception:  # noqa: BLE001 - a broken extension must not stop the app
                log.exception("extension %s failed to load", name)
                continue
            if hasattr(module, "install"):
                try:
                    module.install(self)
                except Exception:  # noqa: BLE001
                    log.exception("extension %s failed to install", name)

    def _connect(self) -> None:
        a = self.actions
        self.navigation.page_requested.connect(self.show_page)
        self.navigation.activated.connect(  # Enter on an entry: into the page
            lambda index: self.show_page(self.navigation.current_key(), focus=True))
        self.search_field.textChanged.connect(self._search_typed)
        self.search_field.returnPressed.connect(self._search_enter)
        self.search_field.down_pressed.connect(self._search_down)
        self.detail.link_activated.connect(self._link)
        self.bridge.changed.connect(self._store_changed)
        self.commands.saved.connect(lambda kind, rid: self.show_record(kind, rid))
        self.commands.status.connect(lambda text: self.statusBar().showMessage(text, 6000))
        a.find.triggered.connect(self.focus_search)
        a.new_briefing.triggered.connect(self._new_briefing_triggered)
        a.new_current.triggered.connect(self._new_current)
        for kind, act in a.new_record.items():
            act.triggered.connect(lambda _=False, k=kind: self.commands.new_record(k))
        a.edit.triggered.connect(self._edit_selected)
        a.delete.triggered.connect(self._delete_selected)
        a.import_.triggered.connect(lambda: self.commands.import_files(None))
        a.export.triggered.connect(self.commands.export_data)
        a.open_store.triggered.connect(lambda: dialogs.open_other_store(self))
        a.quit.triggered.connect(self.close)
        a.toggle_details.toggled.connect(self.detail.setVisible)
        a.refresh.triggered.connect(self.bridge.reload_all)
        a.full_screen.toggled.connect(lambda on: self.showFullScreen() if on else self.showNormal())
        a.about.triggered.connect(lambda: dialogs.about(self))
        a.shortcuts.triggered.connect(lambda: dialogs.shortcuts(self))
        for key, act in a.theme.items():
            act.setChecked(key == self.settings.theme)
            act.triggered.connect(lambda _=False, k=key: self._set_theme(k))

    def _status_widgets(self) -> None:
        self.store_label = QLabel(objectName="muted")
        style_labels(self.store_label)
        self.store_label.setText(f"{self.store.path.name}" + ("  ·  READ-ONLY" if self.readonly else ""))
        self.store_label.setToolTip(str(self.store.path))
        self.statusBar().addPermanentWidget(self.store_label)
        self.statusBar().showMessage(f"Briefing {__version__}", 3000)

    def _update_title(self) -> None:
        suffix = " (read-only)" if self.readonly else ""
        self.setWindowTitle(f"{self.store.path.name}{suffix} — Briefing")

    def _update_counts(self, change: Change | None = None) -> None:
        """The navigation's counts: all of them, or those ``change`` can alter (records
        added, trashed, restored, purged or imported — not an edit, a setting or a
        briefing's items, which the composer writes as you type)."""
        for kind in COUNTED_KINDS:
            if change is None or change.kind == EVERYTHING or (
                    change.kind == kind.value and change.action != "update"):
                n = tables.count_rows(self.store, tables.TableQuery(kind))
                self.navigation.set_count(kind.plural, n)

    # --- pages and records ---------------------------------------------------------------------------
    def show_page(self, key: str, focus: bool = False) -> None:
        """Show a page; with ``focus`` the keyboard goes to it (its table, its view)."""
        widget = self.pages.get(key)
        if widget is None:
            return
        self.stack.setCurrentWidget(widget)
        if self.navigation.current_key() != key:
            self.navigation.select(key)
        self.settings.last_view = key
        if focus:
            if key == "search":
                self.search_field.setFocus()
            elif hasattr(widget, "focus_main"):
                widget.focus_main()
            else:
                widget.setFocus()

    def current_page_key(self) -> str:
        for key, widget in self.pages.items():
            if widget is self.stack.currentWidget():
                return key
        return ""

    def show_record(self, kind: Kind | str, record_id: int, marker=None) -> None:
        self.actions.toggle_details.setChecked(True)
        self.detail.show_record(kind, record_id, marker=marker)

    def selected_records(self) -> tuple[Kind | None, list[int]]:
        """The records the user is acting on: the current page's selection, else the
        record in the detail pane."""
        page = self.stack.currentWidget()
        if hasattr(page, "selected_records"):
            kind, ids = page.selected_records()
            if ids:
                return kind, ids
        if self.detail.current:
            kind, rid = self.detail.current
            return kind, [rid]
        return None, []

    def _record_selected(self, kind: str, record_id: int) -> None:
        marker = self.search.marker() if self.sender() is self.search else None
        self.show_record(kind, record_id, marker)

    def _record_activated(self, kind: str, record_id: int) -> None:
        if self.commands.can_edit and self.sender() is not self.search:
            self.commands.edit_record(Kind(kind), record_id)
        else:
            self._record_selected(kind, record_id)
            self.detail.browser.setFocus()

    def _edit_selected(self) -> None:
        kind, ids = self.selected_records()
        if kind is not None and ids:
            self.commands.edit_record(kind, ids[0])

    def _delete_selected(self) -> None:
        kind, ids = self.selected_records()
        if kind is not None and ids:
            self.commands.delete_records(kind, ids)

    def _new_current(self) -> None:
        page = self.stack.currentWidget()
        kind = getattr(page, "kind", None)
        self.commands.new_record(kind if kind in self.actions.new_record else Kind.STATEMENT)

    def _new_briefing_triggered(self) -> None:
        if self._new_briefing is not None:
            self._new_briefing()
        else:
            self.show_page("briefings")
            show_message(self, "New briefing", "The briefing composer is not part of this build "
                         "yet; existing briefings are listed on the Briefings page.")

    def _fill_context_menu(self, menu) -> None:
        menu.addAction(self.actions.edit)
        menu.addAction(self.actions.delete)
        if self.actions.record_actions:
            menu.addSeparator()
            menu.addActions(self.actions.record_actions)

    # --- search field ----------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.show_page("search")
        self.search_field.setFocus()
        self.search_field.selectAll()

    def _search_typed(self, text: str) -> None:
        if text.strip() and self.current_page_key() != "search":
            self.show_page("search")
        self.search.set_text(text)

    def _search_enter(self) -> None:
        self.search.run_now()
        QTimer.singleShot(0, self.search.focus_results)

    def _search_down(self) -> None:
        self.show_page("search")
        self.search.focus_results()

    def _link(self, target: str) -> None:
        scheme, _, rest = target.partition(":")
        parts = rest.split("/")
        if scheme == "timeline" and parts[0] == "pair" and len(parts) == 3:
            self.timeline.show_pair(parts[1], parts[2])
            self.show_page("timeline")
        elif scheme == "timeline" and parts[0] == "person" and len(parts) == 2:
            self.timeline.show_person(int(parts[1]))
            self.show_page("timeline")
        elif scheme == "search" and parts[0] == "person" and len(parts) == 2:
            self.search.filters.reset()
            self.search.filters.person.setText(unquote(parts[1]))
            self.search_field.clear()
            self.show_page("search")
            self.search.run_now()

    # --- changes, theme, drops, closing ---------------------------------------------------------------
    def _store_changed(self, change: Change) -> None:
        for page in self.pages.values():
            if hasattr(page, "on_store_changed"):
                page.on_store_changed(change)
        self.detail.on_store_changed(change)
        self._update_counts(change)

    def _set_theme(self, key: str) -> None:
        self.settings.theme = key
        theme = app_theme()
        if theme is not None:
            theme.set_choice(key)  # emits changed -> on_theme_changed
        else:
            self.on_theme_changed()

    def _style(self) -> None:
        self.navigation.setStyleSheet(NAVIGATION_STYLE % current_colors())
        self.search_field.on_theme_changed()

    def on_theme_changed(self, _dark: bool = False) -> None:
        self._style()
        self.actions.refresh_icons()
        for key, name in self._page_icons.items():
            self.navigation.set_icon(key, self._icon(name))
        for page in self.pages.values():
            if hasattr(page, "on_theme_changed"):
                page.on_theme_changed()
        self.detail.on_theme_changed(_dark)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and not self.readonly:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.commands.import_files(paths)

    def save_state(self) -> None:
        self.settings.save_window(self)
        self.settings.save_splitter("main", self.splitter)
        self.settings.last_view = self.current_page_key() or "search"
        self.settings.set_value("details", "1" if self.actions.toggle_details.isChecked() else "0")
        for page in self.pages.values():
            if hasattr(page, "save_state"):
                page.save_state()
        self.settings.sync()

    def closeEvent(self, event) -> None:
        self.save_state()
        self.runner.shutdown()
        self.bridge.close()
        super().closeEvent(event)
