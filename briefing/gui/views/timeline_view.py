"""The relations timeline, drawn in a ``QGraphicsView``: a time axis on top, one band
per lane (visits each way, agreements, statements), a mark per event in its kind's
colour spanning the days its (partial) date covers, labels where they fit.

Hover shows the details, a click (or Enter on the focused mark; Left/Right move
between marks) opens the record.  Ctrl+wheel or +/- zoom; the lane names stay put.
"""

from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

from briefing.dates import display as date_display
from briefing.domain import Kind
from briefing.gui.icons import KIND_COLORS
from briefing.gui.theme import current_colors
from briefing.gui.views.timeline_layout import Layout, Placed, stack

LEFT, RIGHT, TOP = 190.0, 60.0, 46.0
ROW_H, LANE_PAD, MARK_H = 26.0, 12.0, 14.0
LABEL_CHARS = 38


def _short(text: str, n: int = LABEL_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


class Mark(QGraphicsItem):
    """One event: a bar (visits), a diamond (agreements) or a dot (statements)."""

    def __init__(self, placed: Placed, x0: float, x1: float, label: str, font: QFont, colors):
        super().__init__()
        self.placed = placed
        self.event = placed.event
        self.x0, self.x1 = x0, max(x1, x0 + 2)
        self.label = label
        self.font = font
        self.colors = colors
        self.color = QColor(KIND_COLORS.get(self.event.kind, "#777"))
        fm = QFontMetricsF(font)
        self.label_w = fm.horizontalAdvance(label) if label else 0.0
        self.hover = False
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self._tooltip())

    def _tooltip(self) -> str:
        e = self.event
        when = date_display(e.start, e.start_approx)
        if e.end:
            when += f" – {date_display(e.end)}"
        lines = [f"<b>{e.kind.label}</b> · {when}", _short(e.title, 160)]
        if e.who:
            lines.append(f"<i>{e.who}</i>")
        lines.append("<span style='color:gray'>Click to open</span>")
        return "<br>".join(lines)

    def _mid(self) -> float:
        return (self.x0 + self.x1) / 2

    def _shape_rect(self) -> QRectF:
        if self.event.kind == Kind.VISIT:
            return QRectF(self.x0, -MARK_H / 2, max(self.x1 - self.x0, 10.0), MARK_H)
        return QRectF(self._mid() - MARK_H / 2, -MARK_H / 2, MARK_H, MARK_H)

    def boundingRect(self) -> QRectF:
        r = self._shape_rect()
        span = QRectF(self.x0, -MARK_H / 2, self.x1 - self.x0, MARK_H)
        return r.united(span).adjusted(-3, -3, self.label_w + 10, 3)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.boundingRect())
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = QColor(self.color)
        active = self.hover or self.isSelected() or self.hasFocus()
        if self.event.kind != Kind.VISIT and not self.placed.precise and self.x1 - self.x0 > MARK_H:
            band = QColor(c)
            band.setAlphaF(0.18)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(band)
            painter.drawRoundedRect(QRectF(self.x0, -3, self.x1 - self.x0, 6), 3, 3)
        r = self._shape_rect()
        pen = QPen(c.darker(135) if not active else QColor(self.colors["text"]), 2 if active else 1)
        painter.setPen(pen)
        fill = QColor(c)
        if self.event.kind == Kind.VISIT and not self.placed.precise:
            fill.setAlphaF(0.55)
        painter.setBrush(QBrush(fill.lighter(115) if active else fill))
        if self.event.kind == Kind.VISIT:
            painter.drawRoundedRect(r, 5, 5)
        elif self.event.kind == Kind.AGREEMENT:
            m, h = r.center(), MARK_H / 2 + 1
            painter.drawPolygon([QPointF(m.x(), m.y() - h), QPointF(m.x() + h, m.y()),
                                 QPointF(m.x(), m.y() + h), QPointF(m.x() - h, m.y())])
        else:
            painter.drawEllipse(r.adjusted(1, 1, -1, -1))
        if self.label:
            painter.setFont(self.font)
            painter.setPen(QColor(self.colors["text"] if active else self.colors["muted"]))
            x = max(r.right(), self.x1) + 6
            painter.drawText(QRectF(x, -10, self.label_w + 4, 20),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.label)

    def hoverEnterEvent(self, event) -> None:
        self.hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self.hover = False
        self.update()


class TimelineView(QGraphicsView):
    record_clicked = Signal(str, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Relations timeline")
        self.layout_: Layout | None = None
        self.zoom = 1.0
        self.marks: list[Mark] = []
        self._lane_y: dict[str, tuple[float, float]] = {}
        self.empty_text = "Choose two countries or a person to see their timeline."

    # --- content ------------------------------------------------------------------------------
    def set_layout(self, layout: Layout | None, empty_text: str = "") -> None:
        self.layout_ = layout
        if empty_text:
            self.empty_text = empty_text
        self.zoom = 1.0
        self.rebuild()

    def set_zoom(self, factor: float) -> None:
        self.zoom = min(60.0, max(1.0, factor))
        center = self.horizontalScrollBar().value() + self.viewport().width() / 2
        old_w = max(1.0, self.sceneRect().width())
        self.rebuild()
        self.horizontalScrollBar().setValue(int(center * self.sceneRect().width() / old_w
                                                - self.viewport().width() / 2))

    def rebuild(self) -> None:
        scene = self.scene()
        scene.clear()
        self.marks = []
        self._lane_y = {}
        colors = current_colors()
        self.setBackgroundBrush(QColor(colors["base"]))
        layout = self.layout_
        width = max(600.0, float(self.viewport().width()))
        if not layout or not layout.placed:
            scene.setSceneRect(0, 0, width - 4, max(200.0, self.viewport().height() - 4.0))
            return

        def label_of(p: Placed) -> str:
            e = p.event
            if e.kind == Kind.STATEMENT:
                who = e.who.split()[-1] if e.who else ""
                return _short(f"{who}: “{e.title}”" if who else e.title, 34)
            return _short(e.title)
        first, last = layout.first - 20, layout.last + 20
        span = max(30, last - first)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.92)
        fm = QFontMetricsF(font)
        # room on the right for the labels of the latest marks
        right = RIGHT + min(320.0, max(fm.horizontalAdvance(label_of(p)) for p in layout.placed))
        plot_w = max(200.0, width - LEFT - right) * self.zoom
        ppd = plot_w / span

        def x_of(day: float) -> float:
            return LEFT + (day - first) * ppd

        def extent(p: Placed) -> float:
            w = max((p.hi - p.lo + 1) * ppd, 10.0 if p.event.kind == Kind.VISIT else MARK_H)
            return w + 14 + fm.horizontalAdvance(label_of(p))

        stack(layout, x_of, extent)
        y = TOP
        for i, lane in enumerate(layout.lanes):
            h = layout.rows.get(lane.key, 1) * ROW_H + 2 * LANE_PAD
            self._lane_y[lane.key] = (y, h)
            band = QColor(colors["alternate"] if i % 2 else colors["base"])
            scene.addRect(QRectF(0, y, LEFT + plot_w + right, h), QPen(Qt.PenStyle.NoPen), band)
            scene.addLine(0, y + h, LEFT + plot_w + right, y + h, QPen(QColor(colors["border"]), 0.6))
            y += h
        total_h = y + 16
        self._draw_axis(scene, first, last, x_of, ppd, total_h, colors, font)
        for p in layout.placed:
            lane_y, _h = self._lane_y[p.lane]
            mark = Mark(p, x_of(p.lo), x_of(p.hi + 1), label_of(p), font, colors)
            mark.setPos(0, lane_y + LANE_PAD + p.row * ROW_H + ROW_H / 2)
            mark.setZValue(2)
            scene.addItem(mark)
            self.marks.append(mark)
        self.marks.sort(key=lambda m: (m.placed.lo, m.y()))
        scene.setSceneRect(0, 0, LEFT + plot_w + right, max(total_h, self.viewport().height() - 4.0))

    def _draw_axis(self, scene, first, last, x_of, ppd, total_h, colors, font) -> None:
        grid = QPen(QColor(colors["border"]), 0.6, Qt.PenStyle.DotLine)
        strong = QPen(QColor(colors["border"]), 1.0)
        text_color = QColor(colors["text"])
        muted = QColor(colors["muted"])
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.9)
        bold = QFont(font)
        bold.setBold(True)
        d0, d1 = date.fromordinal(first), date.fromordinal(last)
        month_px = 30.4 * ppd
        scene.addLine(LEFT - 10, TOP - 1, x_of(last) + 20, TOP - 1, strong)
        for year in range(d0.year, d1.year + 2):
            for month in range(1, 13):
                day = date(year, month, 1).toordinal()
                if day < first or day > last:
                    continue
                x = x_of(day)
                if month == 1:
                    scene.addLine(x, TOP - 14, x, total_h, strong)
                    t = scene.addSimpleText(str(year), bold)
                    t.setBrush(text_color)
                    t.setPos(x + 4, 6)
                elif month_px >= 8:
                    scene.addLine(x, TOP - 6, x, total_h, grid)
                step = 1 if month_px >= 34 else 3 if month_px >= 13 else 0
                if step and (month - 1) % step == 0:
                    t = scene.addSimpleText(calendar.month_abbr[month], small)
                    t.setBrush(muted)
                    t.setPos(x + 3, TOP - 18)
        if d0.month != 1:
            t = scene.addSimpleText(str(d0.year), bold)
            t.setBrush(text_color)
            t.setPos(LEFT + 4, 6)

    # --- fixed lane names -------------------------------------------------------------------------
    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        colors = current_colors()
        painter.save()
        painter.resetTransform()
        vp = self.viewport().rect()
        if not self.layout_ or not self.layout_.placed:
            painter.setPen(QColor(colors["muted"]))
            painter.drawText(vp, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            painter.restore()
            return
        dy = -self.verticalScrollBar().value()
        painter.fillRect(QRectF(0, 0, LEFT - 14, vp.height()), QColor(colors["window"]))
        painter.setPen(QPen(QColor(colors["border"]), 1))
        painter.drawLine(LEFT - 14, 0, LEFT - 14, vp.height())
        counts = {}
        for p in self.layout_.placed:
            counts[p.lane] = counts.get(p.lane, 0) + 1
        font = QFont(self.font())
        font.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        wrap = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        for lane in self.layout_.lanes:
            y, h = self._lane_y.get(lane.key, (0, 0))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(KIND_COLORS.get(lane.kind, "#777")))
            painter.drawRoundedRect(QRectF(6, y + dy + 8, 4, h - 16), 2, 2)
            n = counts.get(lane.key, 0)
            count = f"{n} {lane.kind.value if n == 1 else lane.kind.plural}"
            title_box = QFontMetricsF(font).boundingRect(QRectF(0, 0, LEFT - 40, 200), wrap, lane.title)
            block = title_box.height() + QFontMetricsF(small).height() + 2
            top = y + dy + max(4.0, (h - block) / 2)
            painter.setFont(font)
            painter.setPen(QColor(colors["text"]))
            painter.drawText(QRectF(18, top, LEFT - 40, title_box.height() + 2), wrap, lane.title)
            painter.setFont(small)
            painter.setPen(QColor(colors["muted"]))
            painter.drawText(QRectF(18, top + title_box.height() + 2, LEFT - 40, 30),
                             Qt.AlignmentFlag.AlignLeft, count)
        painter.restore()

    # --- interaction ------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.rebuild()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.viewport().update()

    def _mark_at(self, pos) -> Mark | None:
        for item in self.items(pos):
            if isinstance(item, Mark):
                return item
        return None

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and (mark := self._mark_at(event.position().toPoint())):
            self._focus(mark)
            self.record_clicked.emit(mark.event.kind.value, mark.event.id)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self.zoom * (1.25 if event.angleDelta().y() > 0 else 0.8))
        else:
            super().wheelEvent(event)

    def _focus(self, mark: Mark) -> None:
        self.scene().clearSelection()
        mark.setSelected(True)
        self.scene().setFocusItem(mark)
        self.ensureVisible(mark, 60, 30)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_zoom(self.zoom * 1.5)
        elif key == Qt.Key.Key_Minus:
            self.set_zoom(self.zoom / 1.5)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.marks:
            current = self.scene().focusItem()
            i = self.marks.index(current) if current in self.marks else -1
            i = i + (1 if key == Qt.Key.Key_Right else -1)
            self._focus(self.marks[max(0, min(len(self.marks) - 1, i))])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = self.scene().focusItem()
            if isinstance(current, Mark):
                self.record_clicked.emit(current.event.kind.value, current.event.id)
        else:
            super().keyPressEvent(event)
