"""The Timeline page: pick two countries (or a person) and see their visits,
agreements and statements on a time axis; click a mark to open the record."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QStackedWidget, QToolButton,
    QVBoxLayout, QWidget,
)

from briefing.domain import Change, Kind
from briefing.gui.icons import KIND_COLORS
from briefing.gui.views.country_choice import fill_countries
from briefing.gui.views.person_completion import complete_people
from briefing.gui.views.timeline_layout import pair_lanes, person_lanes, place
from briefing.gui.views.timeline_view import TimelineView
from briefing.store import related


class TimelinePage(QWidget):
    record_selected = Signal(str, int)
    status = Signal(str)

    def __init__(self, store, settings=None, runner=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.runner = runner
        self.subject: tuple = ()
        self._started = False
        self._pairs_asked = False

        self.title = QLabel("Relations timeline", objectName="pageTitle")
        self.mode = QComboBox(objectName="timelineMode")
        self.mode.addItem("Two countries", "pair")
        self.mode.addItem("A person", "person")
        self.mode.setToolTip("Show the relations of two countries, or one person's record")

        self.a = self._country_combo("timelineA", "The first country")
        self.b = self._country_combo("timelineB", "The second country")
        self.swap = QToolButton(text="⇄", autoRaise=True, toolTip="Swap the two countries")
        self.swap.clicked.connect(self._swap)
        self.busiest = QComboBox(objectName="timelineBusiest")
        self.busiest.setToolTip("Jump to the pairs of countries with the most visits")
        self.busiest.activated.connect(self._busiest_chosen)
        pair_box = QWidget()
        row = QHBoxLayout(pair_box)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.a, self.swap, self.b, self.busiest):
            row.addWidget(w)

        self.person = QLineEdit(objectName="timelinePerson", placeholderText="A person's name (any script)")
        self.person.setClearButtonEnabled(True)
        completer = complete_people(self.person, store)
        self.person.returnPressed.connect(self._person_entered)
        completer.activated.connect(lambda _t: self._person_entered())

        self.pickers = QStackedWidget()
        self.pickers.addWidget(pair_box)
        self.pickers.addWidget(self.person)
        self.pickers.setSizePolicy(pair_box.sizePolicy())

        self.zoom_out = QToolButton(text="−", autoRaise=True, toolTip="Zoom out (−)")
        self.zoom_fit = QToolButton(text="Fit", autoRaise=True, toolTip="Fit the whole timeline")
        self.zoom_in = QToolButton(text="+", autoRaise=True, toolTip="Zoom in (+, Ctrl+wheel)")

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addSpacing(12)
        head.addWidget(self.mode)
        head.addWidget(self.pickers)
        head.addStretch(1)
        for w in (self.zoom_out, self.zoom_fit, self.zoom_in):
            head.addWidget(w)

        self.summary = QLabel(objectName="muted")
        self.legend = QLabel()
        self.legend.setText("  ".join(
            f'<span style="color:{KIND_COLORS[k]}">{sym}</span> {k.plural.capitalize()}'
            for k, sym in ((Kind.VISIT, "▬"), (Kind.AGREEMENT, "◆"), (Kind.STATEMENT, "●"))))
        info = QHBoxLayout()
        info.addWidget(self.summary)
        info.addStretch(1)
        info.addWidget(self.legend)

        self.view = TimelineView()
        self.view.record_clicked.connect(self.record_selected)
        self.zoom_in.clicked.connect(lambda: self.view.set_zoom(self.view.zoom * 1.5))
        self.zoom_out.clicked.connect(lambda: self.view.set_zoom(self.view.zoom / 1.5))
        self.zoom_fit.clicked.connect(lambda: self.view.set_zoom(1.0))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.addLayout(head)
        layout.addLayout(info)
        layout.addWidget(self.view, 1)

        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.a.currentIndexChanged.connect(self._pair_changed)
        self.b.currentIndexChanged.connect(self._pair_changed)
        self.busiest.addItem("Busiest pairs…", "")

    def showEvent(self, event) -> None:
        if not self._started:  # the first time the page is shown, not at start-up
            self._start()
        if not self._pairs_asked:
            self._pairs_asked = True
            self._fill_busiest()  # (with nothing else to show, its first pair is shown)
        super().showEvent(event)

    def _country_combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        fill_countries(combo, editable=True)
        combo.setToolTip(tip)
        return combo

    def _fill_busiest(self) -> None:
        """The busiest pairs (a GROUP BY over every visit: in a worker when there is one)."""
        if self.runner is None:
            return self._show_busiest(related.busiest_pairs(self.store))
        self.runner.start(lambda ctx: related.busiest_pairs(ctx.store), channel="timeline-pairs",
                          on_done=self._show_busiest)

    def _show_busiest(self, pairs) -> None:
        self.busiest.clear()
        self.busiest.addItem("Busiest pairs…", "")
        for a, b, n in pairs:
            self.busiest.addItem(f"{self.store.country_name(a)} – {self.store.country_name(b)} ({n})",
                                 f"{a}/{b}")
        if not self.subject and pairs:
            self.show_pair(pairs[0][0], pairs[0][1])

    def _start(self) -> None:
        """Show the remembered pair, else our country and its busiest partner."""
        self._started = True
        saved = self.settings.value("timeline/pair") if self.settings else ""
        ours = (self.store.get_setting("our_country") or "").upper()
        if saved and "/" in saved:
            self.show_pair(*saved.split("/", 1))
        elif ours and (partners := related.busiest_partners(self.store, ours, 1)):
            self.show_pair(ours, partners[0][0])

    # --- subjects -----------------------------------------------------------------------------------
    def show_pair(self, a: str, b: str) -> None:
        self._started = True
        for combo, code in ((self.a, a), (self.b, b)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(code.upper())))
            combo.blockSignals(False)
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(0)
        self.pickers.setCurrentIndex(0)
        self.mode.blockSignals(False)
        self._pair_changed()

    def show_person(self, person_id: int) -> None:
        self._started = True
        person = self.store.find(Kind.PERSON, person_id)
        if person is None:
            return
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(1)
        self.pickers.setCurrentIndex(1)
        self.mode.blockSignals(False)
        self.person.setText(person.name)
        self.subject = ("person", person_id)
        lanes, lane_of = person_lanes()
        layout = place(related.person_timeline(self.store, person_id), lanes, lane_of)
        self._show(layout, person.name, f"Nothing dated about {person.name} yet.")

    def _pair_changed(self) -> None:
        a, b = self.a.currentData(), self.b.currentData()
        if not a or not b:
            return
        self.subject = ("pair", a, b)
        if self.settings:
            self.settings.set_value("timeline/pair", f"{a}/{b}")
        an, bn = self.store.country_name(a), self.store.country_name(b)
        lanes, lane_of = pair_lanes(an, bn, a, b)
        layout = place(related.pair_timeline(self.store, a, b), lanes, lane_of)
        self._show(layout, f"{an} and {bn}",
                   f"No visits, agreements or statements between {an} and {bn} yet.")

    def _show(self, layout, name: str, empty: str) -> None:
        counts = layout.counts()
        parts = [f"{counts[k]} {k.value if counts[k] == 1 else k.plural}"
                 for k in (Kind.VISIT, Kind.AGREEMENT, Kind.STATEMENT) if counts.get(k)]
        self.summary.setText(f"{name}: " + (", ".join(parts) if parts else "nothing dated yet"))
        self.view.set_layout(layout, empty)

    def _swap(self) -> None:
        self.show_pair(self.b.currentData() or "", self.a.currentData() or "")

    def _busiest_chosen(self, index: int) -> None:
        pair = self.busiest.itemData(index)
        if pair:
            self.show_pair(*pair.split("/"))
        self.busiest.setCurrentIndex(0)

    def _person_entered(self) -> None:
        people = self.store.people_named(self.person.text())
        if people:
            self.show_person(people[0].id)
        else:
            self.status.emit(f"No person named '{self.person.text()}'")

    def _mode_changed(self, index: int) -> None:
        self.pickers.setCurrentIndex(index)
        if index == 0:
            self._pair_changed()
        else:
            self.person.setFocus()

    def refresh(self) -> None:
        if not self._started:
            return
        if self.subject and self.subject[0] == "person":
            self.show_person(self.subject[1])
        else:
            self._pair_changed()

    def on_store_changed(self, change: Change) -> None:
        if self._started and change.kind in ("*", "visit", "agreement", "statement", "person",
                                              "country"):
            if change.kind in ("*", "visit"):
                self._fill_busiest()
            self.refresh()

    def focus_main(self) -> None:
        self.view.setFocus()

    def on_theme_changed(self) -> None:
        self.view.rebuild()
