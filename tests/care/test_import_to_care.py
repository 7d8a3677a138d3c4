"""From an imported order sheet to the care calendar: the tasks follow the sheet, re-imports and opt-outs."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from core.care.generate import TaskStatus, generate_tasks
from core.customers.profile import set_do_not_contact
from core.importing import PRESETS, commit_imports, prepare_import
from core.store.models import CareTask, Customer
from tests.care.conftest import NOW, only_rules
from tests.importing.sheets import row_for, write_sheet

JD = PRESETS["jd.order_export_jingmai_2026"]
SPAN = (date(2026, 11, 15), date(2026, 12, 31))


def jd_sheet(path, *orders):  # type: ignore[no-untyped-def]
    """A JD order export: (order id, buyer account, status, created, shipped)."""
    headers = list(JD.headers)
    rows = [headers]
    for order_id, buyer, status, created, shipped in orders:
        rows.append(row_for(JD, headers, order_id=order_id, buyer_id=buyer, status=status, created_at=created,
                            shipped_at=shipped, receiver_name="王小明", phone="13800001111", amount="128.00",
                            address="上海市 浦东新区 世纪大道1号", item_title="云南滇红 200g", quantity="1",
                            tracking_no="JDV0001" if shipped else ""))
    return write_sheet(path, rows, "xlsx")


def import_and_generate(database, path) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Import the sheet as the wizard does, generate the calendar; every task as (rule:buyer, status)."""
    commit_imports(database, [prepare_import(path)])
    with database.session() as session:
        generate_tasks(session, *SPAN, now=NOW)
        session.commit()
        return sorted((f"{task.rule_key}:{buyer}", task.status)
                      for task, buyer in session.execute(select(CareTask, Customer.platform_buyer_id)
                                                         .join(Customer, Customer.id == CareTask.customer_id)))


def test_an_imported_sheet_drives_the_calendar_and_a_newer_export_withdraws_what_vanished(
        tmp_path, database) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        only_rules(session, "order_unpaid", "order_shipped")
        session.commit()
    unpaid = ("300000000001", "jd_wang", "等待付款", "2026-11-22 08:30:00", "")
    shipped = ("300000000002", "jd_li", "等待确认收货", "2026-11-20 09:00:00", "2026-11-21 15:00:00")
    opted_out = ("300000000003", "jd_zhao", "等待付款", "2026-11-22 09:00:00", "")
    first = jd_sheet(tmp_path / "jd-1.xlsx", unpaid, shipped, opted_out)
    commit_imports(database, [prepare_import(first)])
    with database.session() as session:
        zhao = session.scalar(select(Customer.id).where(Customer.platform_buyer_id == "jd_zhao"))
        set_do_not_contact(session, [zhao], True, reason="不要短信")
        session.commit()

    tasks = import_and_generate(database, first)  # importing the same file again changes nothing
    assert tasks == [("order_shipped:jd_li", TaskStatus.OPEN), ("order_unpaid:jd_wang", TaskStatus.OPEN)]
    with database.session() as session:
        message = session.scalar(select(CareTask.message).where(CareTask.rule_key == "order_shipped"))
    assert "云南滇红" in message and "JDV0001" in message

    paid_now = ("300000000001", "jd_wang", "等待出库", "2026-11-22 08:30:00", "")
    tasks = import_and_generate(database, jd_sheet(tmp_path / "jd-2.xlsx", paid_now, shipped, opted_out))
    assert tasks == [("order_shipped:jd_li", TaskStatus.OPEN), ("order_unpaid:jd_wang", TaskStatus.WITHDRAWN)]
