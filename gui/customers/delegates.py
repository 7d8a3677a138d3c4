"""How list cells paint: tags as colour chips, and the searched text highlighted in names."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gui.customers.table_model import TAGS_ROLE

CHIP_PADDING = 6
CHIP_GAP = 4
HIGHLIGHT = "#ffe58f"


def readable_text_colour(background: QColor) -> QColor:
    return QColor("#000000") if background.lightness() > 150 else QColor("#ffffff")


class TagChipsDelegate(QStyledItemDelegate):
    """Each tag a rounded chip in its own colour: filled when typed by hand, outlined when a tag rule gave it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        tags = index.data(TAGS_ROLE)
        if not tags:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = option.fontMetrics
        x = option.rect.left() + 2
        height = metrics.height() + 2
        top = option.rect.top() + (option.rect.height() - height) / 2
        for name, colour, by_rule in tags:
            width = metrics.horizontalAdvance(name) + 2 * CHIP_PADDING
            if x + width > option.rect.right():
                painter.setPen(option.palette.text().color())
                painter.drawText(QRectF(x, top, 20, height), Qt.AlignmentFlag.AlignVCenter, "…")
                break
            background = QColor(colour)
            chip = QRectF(x, top, width, height).adjusted(0.5, 0.5, -0.5, -0.5)
            if by_rule:
                painter.setPen(QPen(background, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(background)
            painter.drawRoundedRect(chip, height / 2, height / 2)
            painter.setPen(option.palette.text().color() if by_rule else readable_text_colour(background))
            painter.drawText(QRectF(x, top, width, height), Qt.AlignmentFlag.AlignCenter, name)
            x += width + CHIP_GAP
        painter.restore()


def highlighted_html(text: str, query: str) -> str:
    """The text as HTML with every case-insensitive occurrence of `query` marked."""
    if not query:
        return html.escape(text)
    lower, needle = text.lower(), query.lower()
    parts, start = [], 0
    while (found := lower.find(needle, start)) >= 0:
        parts.append(html.escape(text[start:found]))
        parts.append(f'<span style="background:{HIGHLIGHT}">{html.escape(text[found:found + len(needle)])}</span>')
        start = found + len(needle)
    parts.append(html.escape(text[start:]))
    return "".join(parts)


class HighlightDelegate(QStyledItemDelegate):
    """Plain text, with the current search marked where it occurs."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.query = ""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        query = self.query.strip()
        if not query or query.lower() not in text.lower():
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        colour = option.palette.highlightedText().color() if option.state & QStyle.StateFlag.State_Selected \
            else (index.data(Qt.ItemDataRole.ForegroundRole) or option.palette.text().color())
        document.setHtml(f'<span style="color:{QColor(colour).name()}">{highlighted_html(text, query)}</span>')
        painter.save()
        top = option.rect.top() + (option.rect.height() - document.size().height()) / 2
        painter.translate(option.rect.left() + 4, top)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 4, option.rect.height()))
        document.drawContents(painter)
        painter.restore()
