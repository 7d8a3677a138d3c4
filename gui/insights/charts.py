"""Bar charts (pyqtgraph) and heat-map tables for the Insights page: hover shows values, a click on a bar or a
cell says which one, and each view saves itself as a PNG.

pyqtgraph is imported here, and this module only when the Insights page is first shown (it costs ~0.3 s).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

BAR_WIDTH = 0.8
LABEL_GAP = 10  # pixels between two category labels
AXIS_PADDING = 12  # pixels beside the value labels: the tick marks and a margin
PALETTE = ("#8fa3bf", "#f0b429", "#3ebd93", "#2680c2", "#7b61ff", "#e67e22", "#c0392b", "#16a085")


class ChartPanel(QWidget):
    """A titled chart with an "Export PNG…" button; subclasses put their view in `self.body`."""

    export_requested = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        header = QHBoxLayout()
        self.title = QLabel(f"<b>{title}</b>")
        header.addWidget(self.title, 1)
        self.export_button = QPushButton(self.tr("Export PNG…"))
        self.export_button.clicked.connect(self.export_requested)
        header.addWidget(self.export_button)
        layout.addLayout(header)
        self.body = QVBoxLayout()
        layout.addLayout(self.body, 1)
        self.setMinimumHeight(300)

    def save_png(self, path: Path) -> None:
        raise NotImplementedError

    def _offer_export(self, values: np.ndarray) -> None:
        """A chart of nothing (an empty book, a filter nobody matches) is not worth a file."""
        has_data = bool(np.any(np.nan_to_num(values, nan=0.0)))  # a cohort with no buyers is NaN, not 0
        self.export_button.setEnabled(has_data)
        self.export_button.setToolTip("" if has_data else self.tr("Nothing to export: this chart is empty."))


class BarChartView(ChartPanel):
    """Bars per category, one colour per series, stacked; `bar_clicked(category, series)` on a click."""

    bar_clicked = Signal(int, int)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        pg.setConfigOptions(antialias=True, background="w", foreground="#333")
        self.plot = pg.PlotWidget()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.getPlotItem().setMenuEnabled(False)
        self.plot.showGrid(y=True, alpha=0.2)
        self.legend = self.plot.addLegend(offset=(10, 5), brush=pg.mkBrush(255, 255, 255, 210))
        self.body.addWidget(self.plot, 1)
        self.categories: list[str] = []
        self.labelled: list[str] = []  # the categories whose label the axis shows
        self.series: list[str] = []
        self.values = np.zeros((0, 0))
        self.value_format = "{:,.0f}"
        self.plot.scene().sigMouseMoved.connect(self._hovered)
        self.plot.scene().sigMouseClicked.connect(self._clicked)

    def set_data(self, categories: list[str], series: list[str], values: np.ndarray,
                 colors: list[str] | None = None, value_format: str = "{:,.0f}", color_each_bar: bool = False) -> None:
        """Draw the bars; `colors` go one per series, or one per category with `color_each_bar`."""
        self.categories, self.series, self.value_format = categories, series, value_format
        self.values = np.asarray(values, dtype=np.float64).reshape(len(categories), len(series))
        self._offer_export(self.values)
        self.plot.clear()
        self.legend.clear()
        colors = colors or list(PALETTE)
        x = np.arange(len(categories))
        bottom = np.zeros(len(categories))
        for column, name in enumerate(series):
            heights = self.values[:, column]
            paint = ({"brushes": [colors[index % len(colors)] for index in range(len(categories))]}
                     if color_each_bar else {"brush": colors[column % len(colors)]})
            item = pg.BarGraphItem(x=x, height=heights, y0=bottom, width=BAR_WIDTH, pen=pg.mkPen("w", width=0.5),
                                   **paint)
            self.plot.addItem(item)
            if len(series) > 1:
                self.legend.addItem(item, name)
            bottom = bottom + heights
        self._label_categories()
        top = max(float(bottom.max()) if len(bottom) else 0, 1) * 1.08
        self.plot.setXRange(-0.6, max(len(categories) - 0.4, 0.6), padding=0)
        self.plot.setYRange(0, top, padding=0)
        self._fit_value_axis(top)

    def _fit_value_axis(self, top: float) -> None:
        """Make the value axis as wide as its widest label. pyqtgraph widens it only while painting, and a
        chart laid out before its data arrived kept a narrow axis that left out labels like 40000."""
        axis = self.plot.getAxis("left")
        labels = [label for spacing, values in axis.tickValues(0, top, max(self.plot.height(), 100))
                  for label in axis.tickStrings(values, 1, spacing)]
        axis.setWidth(self._widest("left", labels) + AXIS_PADDING)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._label_categories()

    def _label_categories(self) -> None:
        """Label every category if the labels fit side by side, else every second, third…: 24 month ends or
        `120–179` beside `180–269` on a laptop-wide chart would overlap."""
        axis = self.plot.getAxis("bottom")
        step = 1
        if self.categories:
            slot = max(self.plot.getViewBox().width(), 1.0) / len(self.categories)
            step = max(1, math.ceil(self.label_width() / slot))
        ticks = [(index, label) for index, label in enumerate(self.categories) if index % step == 0]
        self.labelled = [label for _index, label in ticks]
        axis.setTicks([ticks])

    def label_width(self) -> int:
        """The room the widest category label needs on the axis, gap included."""
        return self._widest("bottom", self.categories) + LABEL_GAP

    def _widest(self, side: str, labels: list[str]) -> int:
        """How many pixels the widest of `labels` takes in the tick font of the axis on `side`."""
        metrics = QFontMetrics(self.plot.getAxis(side).style.get("tickFont") or self.font())
        return max((metrics.horizontalAdvance(label) for label in labels), default=0)

    def bar_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The (category, series) under a point in data coordinates, if any."""
        category = int(round(x))
        if not 0 <= category < len(self.categories) or abs(x - category) > BAR_WIDTH / 2 or y < 0:
            return None
        tops = np.cumsum(self.values[category])
        series = int(np.searchsorted(tops, y, side="right"))
        return (category, series) if series < len(self.series) else None

    def bar_center(self, category: int, series: int) -> QPointF:
        """Where a bar sits in data coordinates (for tests and keyboard users)."""
        tops = np.cumsum(self.values[category])
        return QPointF(category, tops[series] - self.values[category, series] / 2)

    def describe(self, category: int, series: int) -> str:
        value = self.value_format.format(self.values[category, series])
        name = f"{self.series[series]}: " if len(self.series) > 1 else ""
        return f"{self.categories[category]} — {name}{value}"

    def _data_point(self, scene_position: QPointF) -> QPointF:
        return self.plot.getPlotItem().vb.mapSceneToView(scene_position)

    def _hovered(self, scene_position: QPointF) -> None:
        point = self._data_point(scene_position)
        bar = self.bar_at(point.x(), point.y())
        # Qt shows the widget's tool tip where the mouse rests; it follows the bar under the pointer.
        self.plot.setToolTip(self.describe(*bar) if bar else "")

    def _clicked(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self._data_point(event.scenePos())
        bar = self.bar_at(point.x(), point.y())
        if bar is not None and self.values[bar] > 0:
            self.bar_clicked.emit(*bar)

    def save_png(self, path: Path) -> None:
        exporter = ImageExporter(self.plot.getPlotItem())
        exporter.parameters()["width"] = max(800, self.plot.width())
        exporter.export(str(path))


class HeatModel(QAbstractTableModel):
    """Cells shaded by value: darker means more."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[str] = []
        self.columns: list[str] = []
        self.values = np.zeros((0, 0))
        self.value_format = "{:,.0f}"
        self.shaded = True

    def set_data(self, rows: list[str], columns: list[str], values: np.ndarray, value_format: str) -> None:
        self.beginResetModel()
        self.rows, self.columns, self.value_format = rows, columns, value_format
        self.values = np.asarray(values, dtype=np.float64).reshape(len(rows), len(columns))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def] # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        labels = self.columns if orientation == Qt.Orientation.Horizontal else self.rows
        return labels[section] if 0 <= section < len(labels) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        value = self.values[index.row(), index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return "" if np.isnan(value) else self.value_format.format(value)
        if role == Qt.ItemDataRole.BackgroundRole and self.shaded and not np.isnan(value):
            top = np.nanmax(self.values) if np.isfinite(self.values).any() else 0
            strength = 0.0 if top <= 0 else float(value / top)
            return QColor.fromRgbF(0.15, 0.5, 0.76, 0.08 + 0.8 * strength)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class HeatTableView(ChartPanel):
    """A heat-map table (RFM grid, cohorts); `cell_clicked(row, column)` on a click."""

    cell_clicked = Signal(int, int)

    def __init__(self, title: str, parent: QWidget | None = None, shaded: bool = True) -> None:
        super().__init__(title, parent)
        self.model = HeatModel(self)
        self.model.shaded = shaded
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.clicked.connect(lambda index: self.cell_clicked.emit(index.row(), index.column()))
        self.body.addWidget(self.table, 1)

    def set_data(self, rows: list[str], columns: list[str], values: np.ndarray, value_format: str = "{:,.0f}") -> None:
        self.model.set_data(rows, columns, values, value_format)
        self._offer_export(self.model.values)

    def save_png(self, path: Path) -> None:
        if not self.table.grab().save(str(path), "PNG"):
            raise OSError(f"Cannot write {path}")
