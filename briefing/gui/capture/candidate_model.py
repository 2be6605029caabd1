"""The candidates of one review, grouped by kind, as a small tree model.

Top-level rows are the groups ("Statements (9)", "Agreements (6)", …, "New names
(3)"); their children are the candidates (two columns: what it is, and its state:
New / In store / Incomplete / Accepted / Rejected) and, under "New names", the
people and organisations accepting would create.  A handful of rows, so a
``QStandardItemModel`` rebuilt on each refresh is enough; selection survives because
rows are found again by the object they stand for.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

from briefing.gui.capture.session import STATE_LABELS, NameKey, ReviewSession
from briefing.gui.icons import kind_icon
from briefing.services.capture.labels import KIND_TITLES, headline, said

OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1  # the Candidate, or a NameKey for a new name
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
NAMES = "names"
_STATE_COLOURS = {"new": ("#1b7a3d", "#7fd39a"), "duplicate": ("#5f6b7a", "#9aa3ae"),
                  "incomplete": ("#a05a00", "#ffc46b"), "accepted": ("#1d5fc4", "#82b1ff"),
                  "rejected": ("#8a8f98", "#6c727c")}


def _dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


class CandidateModel(QStandardItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHorizontalHeaderLabels(["Candidate", "State"])

    def rebuild(self, session: ReviewSession) -> None:
        self.removeRows(0, self.rowCount())
        dark = _dark()
        for kind, title in KIND_TITLES.items():
            group = [c for c in session.candidates if c.KIND == kind]
            if not group:
                continue
            head = self._group(f"{title} ({len(group)})", kind)
            for c in group:
                state = session.state(c)
                text = headline(c, is_new=session.is_new)
                words = said(c)
                if words:
                    text += "\n" + (words if len(words) <= 140 else words[:139] + "…")
                item = QStandardItem(text)
                item.setData(c, OBJECT_ROLE)
                item.setData(state, STATE_ROLE)
                item.setToolTip(c.sentence)
                item.setEditable(False)
                label = STATE_LABELS[state]
                if state == "accepted" and (rec := session.record_of(c)) is not None:
                    label = f"Accepted (#{rec[1]})"
                badge = QStandardItem(label)
                badge.setEditable(False)
                badge.setData(c, OBJECT_ROLE)
                badge.setData(state, STATE_ROLE)
                badge.setForeground(QBrush(QColor(_STATE_COLOURS[state][1 if dark else 0])))
                bold = QFont()
                bold.setBold(True)
                badge.setFont(bold)
                problems = session.verdict(c).problems
                verdict = session.verdict(c)
                badge.setToolTip(verdict.reason if verdict.duplicate else "; ".join(problems))
                if state == "rejected":
                    item.setForeground(QBrush(QColor(_STATE_COLOURS["rejected"][1 if dark else 0])))
                head.appendRow([item, badge])
        self._names(session, dark)

    def _group(self, title: str, kind: str) -> QStandardItem:
        head = QStandardItem(kind_icon(kind) if kind != NAMES else kind_icon("person"), title)
        head.setEditable(False)
        head.setSelectable(False)
        font = QFont()
        font.setBold(True)
        head.setFont(font)
        tail = QStandardItem("")
        tail.setEditable(False)
        tail.setSelectable(False)
        self.appendRow([head, tail])
        return head

    def _names(self, session: ReviewSession, dark: bool) -> None:
        proposed = [(p, "person", session.review.people.get(p.key)) for p in session.capture.people]
        proposed += [(o, "organisation", session.review.organisations.get(o.key))
                     for o in session.capture.organisations]
        counts = session.referrer_counts()
        proposed = [row for row in proposed if counts.get(row[0].key)]
        if not proposed:
            return
        head = self._group(f"New names ({len(proposed)})", NAMES)
        for item, kind, existing in proposed:
            extra = f" ({item.country})" if item.country else ""
            row = QStandardItem(f"{item.name}{extra}\n{kind}, named in "
                                f"{counts[item.key]} candidate(s)")
            row.setData(NameKey(item.key), OBJECT_ROLE)
            row.setEditable(False)
            namesakes = session.review.ambiguous.get(item.key, [])
            if existing is not None:
                text, colour, tip = f"= #{existing}", "duplicate", "An existing record: nothing new is created"
            elif namesakes:
                text, colour = f"{len(namesakes)} namesakes: choose", "incomplete"
                tip = "Several records have this name: say which one it is (or that it is someone new)"
            else:
                text, colour, tip = "Will be created", "new", "Created only when a record that needs it is accepted"
            state = QStandardItem(text)
            state.setData(NameKey(item.key), OBJECT_ROLE)
            state.setEditable(False)
            state.setForeground(QBrush(QColor(_STATE_COLOURS[colour][1 if dark else 0])))
            state.setToolTip(tip)
            head.appendRow([row, state])

    # --- finding rows ---------------------------------------------------------------------
    def index_of(self, obj):
        """The index (column 0) of the row standing for ``obj`` (a candidate or a name key)."""
        for g in range(self.rowCount()):
            head = self.item(g, 0)
            for r in range(head.rowCount()):
                value = head.child(r, 0).data(OBJECT_ROLE)
                if value is obj or (isinstance(obj, NameKey) and value == obj):
                    return head.child(r, 0).index()
        return None

    def objects(self) -> list:
        out = []
        for g in range(self.rowCount()):
            head = self.item(g, 0)
            out.extend(head.child(r, 0).data(OBJECT_ROLE) for r in range(head.rowCount()))
        return out
