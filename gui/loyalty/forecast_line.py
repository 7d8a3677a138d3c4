"""One sentence in the buyer's own numbers: their rhythm, and what the repurchase forecast makes of it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from core.customers.detail import ForecastView


class ForecastLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def show_forecast(self, view: ForecastView | None) -> None:
        self.setText(self.sentence(view) if view is not None else "")

    def sentence(self, view: ForecastView) -> str:
        parts = []
        if view.median_gap_days is not None and view.days_since_last_paid is not None:
            parts.append(self.tr("Usually every %Ln days (the median gap overdue uses), last bought %1 days ago",
                                 "", round(view.median_gap_days)).replace("%1", str(view.days_since_last_paid)))
        elif view.days_since_last_paid is not None:
            parts.append(self.tr("One purchase day so far, %Ln days ago", "", view.days_since_last_paid))
        if view.p_alive is None:
            parts.append(self.tr("too few buyers in this shop have come back to forecast yet: the overdue "
                                 "column shows the rhythm instead"))
        else:
            forecast = self.tr("%1 % likely still a customer, %2 purchases expected in the next 90 days") \
                .replace("%1", f"{view.p_alive * 100:.0f}").replace("%2", f"{view.expected_90d or 0:.1f}")
            if view.next_order_on is not None:
                forecast += self.tr(", the next around %1").replace("%1", view.next_order_on.isoformat())
            if view.next_order_value is not None:
                forecast += self.tr(" (worth about ¥%1)").replace("%1", f"{view.next_order_value:,.0f}")
            parts.append(forecast)
        return ": ".join(parts[:2]) + "." if parts else ""
