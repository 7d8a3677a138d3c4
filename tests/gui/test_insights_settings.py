"""Stage thresholds in Settings: saved in the shop's settings and applied to every stage at once."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt

from core.figures.lifecycle import THRESHOLDS_KEY
from core.refresh import refresh_derived
from core.store.models import Customer, Order
from core.store.settings import get_setting
from gui.context import AppContext
from gui.insights.thresholds_section import StageThresholdsSection
from gui.worker import wait_for_background_tasks


def test_saving_thresholds_recomputes_stages(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        customer = Customer(name="a")
        session.add(customer)
        session.flush()
        session.add(Order(platform="jd", platform_order_id="1", customer_id=customer.id, status="paid",
                          paid_amount=Decimal(10), created_at=datetime.combine(date.today() - timedelta(days=45),
                                                                               datetime.min.time())))
        session.flush()
        refresh_derived(session.connection())
        customer_id = customer.id
    context = AppContext(database)
    section = StageThresholdsSection(context)
    qtbot.addWidget(section)
    qtbot.waitUntil(lambda: section.active_days.value() == 90)
    section.active_days.setValue(30)
    with qtbot.waitSignal(context.data_changed, timeout=10000):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    with database.session() as session:
        assert get_setting(session, THRESHOLDS_KEY)["active_days"] == 30
        assert session.get(Customer, customer_id).stage == "dormant"
    section.dormant_days.setValue(20)
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert "fewer" in section.message.text()
    wait_for_background_tasks()


def test_the_day_counts_keep_the_width_of_their_digits(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    section = StageThresholdsSection(AppContext(database))
    qtbot.addWidget(section)
    section.resize(1200, 400)
    section.show()
    qtbot.waitUntil(lambda: section.active_days.value() == 90)
    assert section.active_days.width() <= section.active_days.sizeHint().width() + 10
    wait_for_background_tasks()
