"""The composer for one open briefing: the sections as a tree (tick to include, drag
to reorder within and across sections), the details form, the talking-points editor
and the editor for the selected item — every edit saved at once, undo/redo in the
window, "Refresh suggestions" that never undoes the user's choices.

Edits made in this window reach the editor through the window's change notices
(:meth:`ComposerEditor.on_store_changed`); edits made elsewhere (another window or
program on the same store) are noticed by a short poll of the briefing's signature
while the editor is on screen, and once when it comes back.  Either way they are
shown without losing what is being typed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QSplitter, QTabWidget, QToolButton,
    QTreeView, QVBoxLayout, QWidget,
)

from briefing.domain import Section
from briefing.gui.composer.details_form import DetailsForm
from briefing.gui.composer.item_editor import ItemEditor
from briefing.gui.composer.points_editor import PointsEditor
from briefing.gui.composer.session import ComposerSession
from briefing.gui.composer.tree_model import BriefingTreeModel
from briefing.services import composer

POLL_MS = 1500


class BriefingTree(QTreeView):
    """The sections and items; Delete removes the selected items from the briefing (it
    claims the key before the window's "Delete record" shortcut can)."""

    delete_pressed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("briefingTree")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setAllColumnsShowFocus(True)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and \
                event.matches(QKeySequence.StandardKey.Delete):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt name
        if event.matches(QKeySequence.StandardKey.Delete):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class ComposerEditor(QWidget):
    back_requested = Signal()
    opened = Signal(int)  # a briefing was opened (its id), e.g. after Duplicate
    message = Signal(str)  # for the status bar
    record_selected = Signal(str, int)  # the current item's record (kind value, id)

    def __init__(self, store, undo_stack: QUndoStack | None = None, parent=None,
                 *, shortcuts: bool = True):
        """``undo_stack``: the window's stack (then its Undo/Redo actions and keys serve
        the composer too); without one the editor has its own, with Ctrl+Z/Ctrl+Shift+Z.
        ``shortcuts=False`` leaves keys the window already binds to the window."""
        super().__init__(parent)
        self.store = store
        self._own_stack = undo_stack is None
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.session: ComposerSession | None = None

        self.title = QLabel(objectName="pageTitle")
        self.subtitle = QLabel(objectName="muted")
        self.model = BriefingTreeModel(self)
        self.tree = BriefingTree()
        self.tree.setModel(self.model)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setColumnWidth(1, 180)
        self.details = DetailsForm()
        self.points = PointsEditor()
        self.item_editor = ItemEditor()
        self.tabs = QTabWidget(objectName="composerTabs")
        self.tabs.addTab(self.item_editor, "Item")
        self.tabs.addTab(self.points, "Talking points")
        self.tabs.addTab(self.details, "Details")

        self.actions: dict[str, QAction] = {}
        bar = QHBoxLayout()
        for name, label, keys, slot in (
            ("back", "All briefings", None, self.back_requested.emit),
            ("refresh", "Refresh suggestions", "Ctrl+Shift+R", self.refresh),
            ("point", "Add talking point", "Ctrl+T", self.add_point),
            ("remove", "Remove", None, self.remove_selected),
            ("duplicate", "Duplicate", None, self.duplicate),
        ):
            act = QAction(label, self, objectName=f"composer_{name}")
            if keys:
                act.setShortcut(QKeySequence(keys))
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(lambda _=False, s=slot: s())
            self.addAction(act)
            self.actions[name] = act
            btn = QToolButton(objectName=f"composerButton_{name}")
            btn.setDefaultAction(act)
            bar.addWidget(btn)
        bar.addStretch(1)
        for name, make, keys in (("undo", self.undo_stack.createUndoAction, QKeySequence.StandardKey.Undo),
                                 ("redo", self.undo_stack.createRedoAction, QKeySequence.StandardKey.Redo)):
            act = make(self, name.capitalize())
            act.setObjectName(f"composer_{name}")
            if self._own_stack and shortcuts:
                act.setShortcut(keys)
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.addAction(act)
            self.actions[name] = act
            btn = QToolButton(objectName=f"composerButton_{name}")
            btn.setDefaultAction(act)
            bar.addWidget(btn)
        self.tree.delete_pressed.connect(self.remove_selected)

        self.split = split = QSplitter(Qt.Orientation.Horizontal, objectName="composerSplitter")
        split.addWidget(self.tree)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.subtitle)
        lay.addLayout(bar)
        lay.addWidget(split, 1)

        self.model.include_toggled.connect(self._include)
        self.model.move_requested.connect(self._move)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.item_editor.text_edited.connect(lambda iid, t: self._with(lambda s: s.set_text(iid, t)))
        self.item_editor.annotation_edited.connect(
            lambda iid, t: self._with(lambda s: s.set_annotation(iid, t)))
        self.points.point_edited.connect(lambda iid, t: self._with(lambda s: s.set_text(iid, t)))
        self.points.add_requested.connect(self.add_point)
        self.points.remove_requested.connect(lambda ids: self._with(lambda s: s.remove(ids)))
        self.details.detail_edited.connect(self._detail)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.check_elsewhere)
        self._update_enabled()

    # --- opening ------------------------------------------------------------------------
    def open(self, briefing_id: int) -> bool:
        self.close_briefing()
        session = ComposerSession(self.store, briefing_id, self.undo_stack, self)
        if session.assembled is None:
            self.message.emit(f"Briefing {briefing_id} is not in the store")
            return False
        self.session = session
        session.changed.connect(self._reload_views)
        session.problem.connect(self.message.emit)
        session.closed.connect(self._gone)
        self._reload_views()
        if self.isVisible():
            self._poll.start()
        self._update_enabled()
        self.opened.emit(briefing_id)
        return True

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        narrow = self.width() < 1000
        want = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.split.orientation() != want:
            self.split.setOrientation(want)
            share = 0.64 if narrow else 0.58  # proportions: the splitter scales them
            self.split.setSizes([int(10000 * share), int(10000 * (1 - share))])

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        if self.session is not None:
            self._poll.start()
            self.check_elsewhere()  # what other programs did while it was hidden

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().hideEvent(event)
        self._poll.stop()

    def close_briefing(self) -> None:
        self.item_editor.save()
        self.points.finish_editing()
        self._poll.stop()
        if self.session is not None:
            # its undo entries stay usable (they write through the service); only
            # stop it steering this editor
            self.session.changed.disconnect(self._reload_views)
            self.session.closed.disconnect(self._gone)
        self.session = None
        if self._own_stack:
            self.undo_stack.clear()
        self.model.load(None)
        self._update_enabled()

    @property
    def briefing_id(self) -> int | None:
        return self.session.briefing_id if self.session else None

    def _gone(self) -> None:
        self.message.emit("This briefing was deleted")
        self.close_briefing()
        self.back_requested.emit()

    def _with(self, fn):
        return fn(self.session) if self.session is not None else None

    # --- views ------------------------------------------------------------------------
    def _reload_views(self) -> None:
        s = self.session
        if s is None or s._assembled is None:
            return
        a = s.assembled
        selected = [self.model.item_at(i).item.id for i in self.tree.selectionModel().selectedRows()
                    if self.model.item_at(i) is not None]
        current = self.model.item_at(self.tree.currentIndex())
        current_id = current.item.id if current else None
        self.model.load(a)
        self.tree.expandAll()
        sm = self.tree.selectionModel()
        for iid in selected:
            idx = self.model.index_of_item(iid)
            if idx.isValid():
                sm.select(idx, QItemSelectionModel.SelectionFlag.Select
                          | QItemSelectionModel.SelectionFlag.Rows)
        if current_id is not None and self.model.index_of_item(current_id).isValid():
            sm.setCurrentIndex(self.model.index_of_item(current_id),
                               QItemSelectionModel.SelectionFlag.NoUpdate)
        b = a.briefing
        names = a.country_names
        self.title.setText(b.title)
        who = ", ".join(x for x in (b.counterpart_name, names.get(b.counterpart_country, "")) if x)
        bits = [f"with {who}" if who else "", b.date.display() if b.date else "", b.place,
                b.classification, b.status]
        self.subtitle.setText(" · ".join(x for x in bits if x))
        self.details.load(b, lambda c: names.get(c) or self.store.country_name(c))
        points = next((sec for sec in a.sections if sec.section == Section.TALKING_POINTS), None)
        self.points.load(points, names)
        self.item_editor.show_item(self.model.item_at(self.tree.currentIndex()), names)

    def _current_changed(self, current, _previous) -> None:
        names = self.session.assembled.country_names if self.session else {}
        ai = self.model.item_at(current)
        self.item_editor.show_item(ai, names)
        if ai is not None and ai.record is not None:
            self.record_selected.emit(ai.record.kind.value, ai.record.id)

    def select_item(self, item_id: int) -> None:
        idx = self.model.index_of_item(item_id)
        if idx.isValid():
            self.tree.selectionModel().setCurrentIndex(
                idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.tree.scrollTo(idx)

    def check_elsewhere(self) -> None:
        """Reload if another window or program changed the briefing."""
        if self.session is not None and self.session.changed_elsewhere():
            self.item_editor.save()
            self.session.reload()

    def on_store_changed(self, _change=None) -> None:
        """For the window's change notices: same as the poll, at once."""
        self.check_elsewhere()

    def _update_enabled(self) -> None:
        has = self.session is not None
        for name in ("refresh", "point", "remove", "duplicate"):
            self.actions[name].setEnabled(has)
        self.tabs.setEnabled(has)

    # --- edits ------------------------------------------------------------------------
    def _include(self, item_id: int, included: bool) -> None:
        self._with(lambda s: s.set_included(item_id, included))

    def _move(self, ids: list, section: str, position: int) -> None:
        self.item_editor.save()
        if self._with(lambda s: s.move([int(i) for i in ids], section, position)):
            self.select_item(int(ids[0]))

    def _detail(self, name: str, text: str) -> None:
        if self.session is None:
            return
        if name == "counterpart_person":
            try:
                person = composer.resolve_person(self.store, text)
            except composer.ComposerError as exc:
                self.message.emit(str(exc))
                self._reload_views()
                return
            self.session.set_detail("counterpart_person_id", person.id if person else None)
        else:
            self.session.set_detail(name, text)

    def refresh(self) -> None:
        self.item_editor.save()
        done = self._with(lambda s: s.refresh())
        if done is not None:
            n = len(done.item_ids)
            self.message.emit(f"{n} new suggestion{'s' if n != 1 else ''} added"
                              if n else "No new suggestions")

    def add_point(self) -> int | None:
        self.item_editor.save()
        self.points.finish_editing()
        iid = self._with(lambda s: s.add_point(""))
        if iid:
            self.select_item(iid)
            self.tabs.setCurrentWidget(self.points)
            self.points.edit_point(iid)
        return iid

    def remove_selected(self) -> None:
        ids = [self.model.item_at(i).item.id for i in self.tree.selectionModel().selectedRows()
               if self.model.item_at(i) is not None]
        if ids:
            self._with(lambda s: s.remove(ids))

    def add_records(self, refs) -> composer.Added | None:
        """"Add to briefing" from a search result or record: ``[(kind, id), …]``."""
        done = self._with(lambda s: s.add_records(list(refs)))
        if done is not None:
            n = len(done.item_ids)
            self.message.emit(f"Added {n} item{'s' if n != 1 else ''} to “{self.session.briefing.title}”"
                              + (f"; {len(done.skipped)} already there" if done.skipped else ""))
            if done.item_ids:
                self.select_item(done.item_ids[0])
        return done

    def duplicate(self) -> int | None:
        self.item_editor.save()
        new_id = self._with(lambda s: s.duplicate())
        if new_id:
            self.open(new_id)
            self.message.emit("Opened the copy")
        return new_id
