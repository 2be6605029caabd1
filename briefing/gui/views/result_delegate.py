"""Paints one search result: a coloured kind label, date and who, the title and the
snippet with the matched words highlighted (Qt rich text in a QTextDocument).

Every result has the same height (four lines: label, title, two lines of snippet), so
the list asks for one size hint, not fifty, and only visible rows build a document
(kept in a small cache until the results change)."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QRectF, QSize
from PySide6.QtGui import (
    QAbstractTextDocumentLayout, QColor, QFontMetrics, QPainter, QPalette, QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from briefing.domain import Kind
from briefing.gui.icons import KIND_COLORS
from briefing.gui.models.search_results import ROW_ROLE
from briefing.gui.search_source import ResultRow
from briefing.gui.theme import current_colors

PAD_X, PAD_Y = 12, 8
LINES = 4  # label, title, two lines of snippet
CACHE = 64


def result_html(row: ResultRow, colors: dict[str, str]) -> str:
    kind_color = KIND_COLORS.get(row.kind, colors["muted"])
    meta = " · ".join(html.escape(p) for p in (row.date, row.who) if p)
    if row.kind == Kind.STATEMENT:
        head = html.escape(row.who or "Statement")
        meta = html.escape(row.date)
    else:
        head = row.title_html
    return (
        f'<div><span style="color:{kind_color}; font-weight:600; font-size:8pt; '
        f'letter-spacing:1px">{html.escape(row.kind.label.upper())}</span>'
        f'&nbsp;&nbsp;<span style="color:{colors["muted"]}">{meta}</span></div>'
        f'<div style="font-weight:600; margin-top:2px">{head}</div>'
        f'<div style="margin-top:2px">{row.snippet_html}</div>'
    )


class ResultDelegate(QStyledItemDelegate):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._docs: dict[tuple, QTextDocument] = {}

    def clear_cache(self) -> None:
        self._docs.clear()

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument | None:
        row = index.data(ROW_ROLE)
        if row is None:
            return None
        colors = current_colors()
        key = (row.kind, row.id, option.rect.width(), colors["text"], option.font.toString())
        doc = self._docs.get(key)
        if doc is not None:
            return doc
        if len(self._docs) > CACHE:
            self._docs.clear()
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setDefaultStyleSheet(f"b {{ background-color: {colors['mark']}; }}")
        doc.setHtml(result_html(row, colors))
        width = max(200, option.rect.width() if option.rect.width() > 0 else 600)
        doc.setTextWidth(width - 2 * PAD_X)
        self._docs[key] = doc
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        doc = self._document(option, index)
        if doc is None:
            return super().paint(painter, option, index)
        painter.save()
        rect = option.rect
        pal = option.palette
        if option.state & QStyle.StateFlag.State_Selected:
            tint = QColor(pal.color(QPalette.ColorRole.Highlight))
            tint.setAlphaF(0.16 if option.state & QStyle.StateFlag.State_Active else 0.10)
            painter.fillRect(rect, tint)
            painter.fillRect(rect.x(), rect.y(), 3, rect.height(), pal.color(QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            tint = QColor(pal.color(QPalette.ColorRole.Highlight))
            tint.setAlphaF(0.06)
            painter.fillRect(rect, tint)
        painter.setPen(pal.color(QPalette.ColorRole.Midlight))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.translate(rect.x() + PAD_X, rect.y() + PAD_Y)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, pal.color(QPalette.ColorRole.Text))
        ctx.clip = QRectF(0, 0, rect.width() - 2 * PAD_X, rect.height() - 2 * PAD_Y)
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(400, LINES * line + 2 * PAD_Y + 6)
