"""How list cells paint: tags as colour chips, and the searched text highlighted in names."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gui.customers.table_model import TAGS_ROLE

CHIP_PADDING = 6
CHIP_GAP = 4
HIGHLIGHT = QColor("#ffe58f")


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


def matched_parts(text: str, query: str) -> list[tuple[str, bool]]:
    """The text cut where `query` occurs (case-insensitively): each part with whether it is a match."""
    lower, needle = text.lower(), query.lower()
    parts, start = [], 0
    while needle and (found := lower.find(needle, start)) >= 0:
        if found > start:
            parts.append((text[start:found], False))
        parts.append((text[found:found + len(needle)], True))
        start = found + len(needle)
    if start < len(text):
        parts.append((text[start:], False))
    return parts


class HighlightDelegate(QStyledItemDelegate):
    """Plain text, with the current search marked where it occurs.

    The marked cell is drawn part by part with the painter: a rich-text document per cell (parsed from HTML)
    was a third of a full screen's repaint after each keystroke.
    """

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
        if style is not None:  # the cell's background, selection and focus, without its text
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        colour = option.palette.highlightedText().color() if option.state & QStyle.StateFlag.State_Selected \
            else (index.data(Qt.ItemDataRole.ForegroundRole) or option.palette.text().color())
        metrics = QFontMetricsF(option.font)
        # The margin the style gives an item's text (QCommonStyle: the focus frame's, plus one).
        margin = (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) if style else 2) + 1
        area = QRectF(option.rect).adjusted(margin, 0, -margin, 0)
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width())  # "…" as other cells
        marks = QRectF(0, area.top() + (area.height() - metrics.height()) / 2, 0, metrics.height())
        painter.save()
        painter.setClipRect(area)
        painter.setFont(option.font)
        painter.setPen(QColor(colour))  # filling a mark leaves the pen as it is
        x = area.left()
        for part, marked in matched_parts(text, query):
            width = metrics.horizontalAdvance(part)
            if marked:
                painter.fillRect(marks.adjusted(x, 0, x + width, 0), HIGHLIGHT)
            painter.drawText(QRectF(x, area.top(), width + 1, area.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, part)
            x += width
        painter.restore()
