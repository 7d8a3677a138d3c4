"""The care calendar as a user works it: today's agenda, done/snooze/skip, bulk, copy, SMS counter, rules
editor with a live preview, and exports."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from core.care.export import RULE_NAMES
from core.care.generate import generate_tasks
from core.care.rules import RULE_SPECS, CareSettings, load_care_settings, save_care_settings
from core.progress import Cancelled, CancelToken, no_progress
from core.store.models import CareRule, CareTask, Customer, Note
from core.store.settings import set_setting
from gui.care import jobs
from gui.care.month_view import to_qdate
from gui.care.page import CarePage
from gui.care.settings_section import CareSettingsSection
from gui.care.task_model import COL_DAY, COL_MESSAGE
from gui.context import AppContext
from gui.worker import wait_for_background_tasks
from tests.care.conftest import only_rules
from tests.gui.languages import speaking

TODAY = date.today()
YESTERDAY = TODAY - timedelta(days=1)


@pytest.fixture
def shop(database):  # type: ignore[no-untyped-def]
    """Two birthdays today, one yesterday still open (overdue), a member-day buyer; signature 【老客茶铺】."""
    with database.transaction() as session:
        set_setting(session, "shop_name", "老客茶铺")
        only_rules(session, "birthday", "member_day", days_ahead=0, stages=[], day_of_month=TODAY.day)
        for name, gender, day in (("王芳", "F", TODAY), ("李强", "M", TODAY), ("赵敏", "F", YESTERDAY)):
            session.add(Customer(name=name, gender=gender, stage="repeat", phone="13800001234",
                                 birthday_calendar="solar", birth_month=day.month, birth_day=day.day))
        session.add(Customer(name="陈静", gender="F", stage="loyal", phone="13900005678", is_vip=True))
        session.flush()
        generate_tasks(session, YESTERDAY, YESTERDAY, now=datetime.combine(YESTERDAY, datetime.min.time()))
    return database


@pytest.fixture
def page(shop, qtbot, qsettings_isolated):  # type: ignore[no-untyped-def]
    page = CarePage(AppContext(shop, today=TODAY))
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() > 0, timeout=10000)
    yield page
    wait_for_background_tasks()


def tasks(database) -> list[CareTask]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return list(session.scalars(select(CareTask).order_by(CareTask.id)))


def select_rows(page: CarePage, *rows: int) -> None:
    page.table.clearSelection()
    for row in rows:
        page.table.selectionModel().select(
            page.model.index(row, 0),
            page.table.selectionModel().SelectionFlag.Select | page.table.selectionModel().SelectionFlag.Rows)


def wait_reloaded(qtbot, page: CarePage, status: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: status in page.status.text(), timeout=10000)
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)


def test_today_lists_overdue_first_and_counts_by_kind(page, qtmodeltester) -> None:
    qtmodeltester.check(page.model)
    names = [page.model.task(row).customer_name for row in range(page.model.rowCount())]
    assert names[0] == "赵敏" and set(names[1:]) == {"王芳", "李强", "陈静"}
    assert page.model.index(0, COL_DAY).data().endswith("(overdue)")
    assert page.month.counts_on(TODAY) == {"birthday": 2, "lifecycle": 1}
    assert "4 tasks, 1 overdue" in page.status.text()


def test_done_with_channel_and_note_goes_to_the_timeline(page, qtbot, shop) -> None:
    select_rows(page, 0)
    assert "赵敏" in page.panel.card.text() and "13800001234" in page.panel.card.text()
    page.panel.channel.setCurrentIndex(page.panel.channel.findData("wechat"))
    page.panel.note.insert("她说谢谢")  # QTest types ASCII only
    qtbot.mouseClick(page.panel.done_button, Qt.MouseButton.LeftButton)
    wait_reloaded(qtbot, page, "1 marked done")
    done = next(task for task in tasks(shop) if task.status == "done")
    assert (done.channel, done.note) == ("wechat", "她说谢谢")
    with shop.session() as session:
        note = session.scalar(select(Note))
        assert (note.kind, note.text, note.customer_id) == ("care", "她说谢谢", done.customer_id)
    assert page.model.rowCount() == 3


def test_after_done_the_next_task_is_selected(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    select_rows(page, 1)
    following = page.model.task(2).id
    qtbot.mouseClick(page.panel.done_button, Qt.MouseButton.LeftButton)
    wait_reloaded(qtbot, page, "1 marked done")
    assert [task.id for task in page.selected_tasks()] == [following]
    assert page.panel.done_button.isEnabled()  # one click more marks the next one


def test_snooze_moves_the_task_to_the_chosen_day(page, qtbot, shop) -> None:
    select_rows(page, 1)
    task_id = page.model.task(1).id
    page.panel.snooze_date.setDate(to_qdate(TODAY + timedelta(days=3)))
    qtbot.mouseClick(page.panel.snooze_button, Qt.MouseButton.LeftButton)
    wait_reloaded(qtbot, page, "1 snoozed")
    assert next(task for task in tasks(shop) if task.id == task_id).snoozed_until == TODAY + timedelta(days=3)
    assert task_id not in {page.model.task(row).id for row in range(page.model.rowCount())}


def test_skip_needs_a_reason_and_bulk_skip_takes_the_selection(page, qtbot, shop) -> None:
    select_rows(page, 0, 1, 2)
    chosen = {page.model.task(row).id for row in (0, 1, 2)}
    assert "3 tasks selected" in page.panel.card.text()
    qtbot.mouseClick(page.panel.skip_button, Qt.MouseButton.LeftButton)
    assert not any(task.status == "skipped" for task in tasks(shop))  # no reason, nothing happens
    page.panel.skip_reason.insert("出差中")
    qtbot.mouseClick(page.panel.skip_button, Qt.MouseButton.LeftButton)
    wait_reloaded(qtbot, page, "3 skipped")
    assert {task.id for task in tasks(shop) if task.status == "skipped"} == chosen
    assert {task.skip_reason for task in tasks(shop) if task.status == "skipped"} == {"出差中"}
    assert page.model.rowCount() == 1


def test_sms_counter_counts_the_signature_and_copy_puts_the_message_on_the_clipboard(page, qtbot) -> None:
    row = next(row for row in range(page.model.rowCount()) if page.model.task(row).customer_name == "王芳")
    select_rows(page, row)
    message = page.model.task(row).message
    assert page.panel.message.toPlainText() == "【老客茶铺】" + message
    assert f"{len(message) + 6} characters with the signature · 1 SMS" in page.panel.counter.text()
    assert not page.panel.counter.warns
    qtbot.mouseClick(page.panel.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "【老客茶铺】" + message


def test_rules_editor_previews_on_a_real_customer_counts_and_saves(page, qtbot, shop) -> None:
    page.open_rules()
    dialog = page.rules_dialog
    qtbot.waitUntil(lambda: dialog.preview_card is not None, timeout=10000)
    assert dialog.current == "birthday"
    dialog.template.setPlainText("{称呼}生日快乐！" + "好" * 60)
    customer = dialog.preview_card
    # An SMS rule previews what the buyer gets, the signature the counter counts included.
    assert dialog.preview.text().startswith(tuple("【老客茶铺】" + name for name in ("王女士", "李先生", "赵女士", "陈女士")))
    assert customer.name[0] in dialog.preview.text()
    assert f"{len(dialog.preview.text())} characters with the signature" in dialog.counter.text()
    assert "2 SMS" in dialog.counter.text() and "no opt-out phrase (回T退订)" in dialog.counter.text()
    assert dialog.counter.warns
    dialog.template.insertPlainText("{优惠券}")
    assert "Unknown placeholders: 优惠券" in dialog.unknown.text()
    dialog.template.setPlainText("{称呼}，生日快乐！回T退订")
    assert not dialog.counter.warns
    dialog.priority.setValue(99)
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    with shop.session() as session:
        stored = session.get(CareRule, "birthday")
        assert (stored.template, stored.priority) == ("{称呼}，生日快乐！回T退订", 99)
    qtbot.waitUntil(lambda: any(page.model.task(row).message == "王女士，生日快乐！回T退订"
                                for row in range(page.model.rowCount())), timeout=10000)


def test_a_message_with_nothing_for_a_placeholder_is_flagged_not_sent_with_a_gap(shop, qtbot, qsettings_isolated) -> None:  # type: ignore[no-untyped-def]
    with shop.transaction() as session:
        set_setting(session, "shop_name", "")  # as a new shop that never said its name
        generate_tasks(session, TODAY, TODAY)
    with speaking("en"):
        page = CarePage(AppContext(shop, today=TODAY))
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() > 0, timeout=10000)
        row = next(row for row in range(page.model.rowCount()) if page.model.task(row).rule_key == "birthday"
                   and page.model.task(row).day == TODAY)
        assert "{店铺}" in page.model.task(row).message  # 生日快乐！{店铺}为您准备了…, not 生日快乐！为您准备了…
        assert page.model.index(row, COL_MESSAGE).data().startswith("⚠")
        select_rows(page, row)
        assert page.panel.unfilled_hint.isVisibleTo(page) and "Shop name" in page.panel.unfilled_hint.text()
        assert not page.panel.copy_button.isEnabled()
        page.open_rules()
        dialog = page.rules_dialog
        qtbot.waitUntil(lambda: dialog.preview_card is not None, timeout=10000)
        assert dialog.unfilled.isVisibleTo(dialog) and "Shop name" in dialog.unfilled.text()
        dialog.template.setPlainText("{称呼}，生日快乐！回T退订")
        assert not dialog.unfilled.isVisibleTo(dialog)
        dialog.reject()
    wait_for_background_tasks()


def test_export_the_month_to_xlsx_and_the_calendar_to_ics(page, qtbot, tmp_path, monkeypatch) -> None:
    target = tmp_path / "month.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    page.export_month_action.trigger()
    qtbot.waitUntil(lambda: "Wrote" in page.status.text(), timeout=10000)
    rows = list(load_workbook(target).active.values)
    # In the window's language (English here), as the agenda shows them.
    assert rows[0] == ("Date", "Customer", "Phone", "Channel", "Rule", "Message") and len(rows) >= 4
    assert {row[4] for row in rows[1:]} <= {page.names.rule(key) for key in RULE_NAMES} and "Birthday" in {
        row[4] for row in rows[1:]}
    ics = tmp_path / "care.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(ics), ""))
    page.status.clear()
    page.export_ics_action.trigger()
    qtbot.waitUntil(lambda: "Wrote" in page.status.text(), timeout=10000)
    calendar = ics.read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR") and "X-WR-CALNAME:Laoke care calendar" in calendar
    summaries = [line for line in calendar.splitlines() if line.startswith("SUMMARY:")]
    assert summaries and not any("生日" in line for line in summaries) and any("'s birthday" in line for line in summaries)


def test_care_settings_change_the_signature(page, qtbot, shop) -> None:
    with shop.transaction() as session:
        save_care_settings(session, CareSettings(signature="【茶】"))
    page.reload()
    qtbot.waitUntil(lambda: page.panel.settings.signature == "【茶】", timeout=10000)
    row = next(row for row in range(page.model.rowCount()) if page.model.task(row).customer_name == "李强")
    select_rows(page, row)
    assert page.panel.message.toPlainText() == "【茶】" + page.model.task(row).message


def test_settings_section_saves_cap_window_and_signature(shop, qtbot, qsettings_isolated) -> None:
    section = CareSettingsSection(AppContext(shop))
    qtbot.addWidget(section)
    qtbot.waitUntil(section.save_button.isEnabled, timeout=10000)
    # No signature set: the field stays empty and SMS start with 【the shop's name】, whatever it becomes.
    assert section.signature.text() == "" and section.cap_days.value() == 7
    section.window_start.setTime(QTime(22, 0))
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert "must start before" in section.message.text()
    section.window_start.setTime(QTime(9, 30))
    section.cap_days.setValue(10)
    section.signature.setText("【茶】")
    assert section.shop_name.text() == "老客茶铺"
    section.shop_name.setText("小周茶园 ")
    assert section.backlog.currentData() == "skip"  # a first import does not bury today, unless asked
    section.backlog.setCurrentIndex(section.backlog.findData("catch_up"))
    assert section.unpaid_days.value() == 3 and section.unpaid_days.suffix() == " days"
    section.unpaid_days.setValue(5)  # the 催付 window on the Today desk
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.message.text() == "Saved.", timeout=10000)
    with shop.session() as session:
        stored = load_care_settings(session)
    assert (stored.cap_days, stored.window_start.hour, stored.window_start.minute, stored.signature,
            stored.shop_name, stored.backlog, stored.unpaid_remind_days) == (
        10, 9, 30, "【茶】", "小周茶园", "catch_up", 5)


def test_a_new_shop_name_reaches_the_open_messages(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    section = CareSettingsSection(page.context)
    qtbot.addWidget(section)
    qtbot.waitUntil(section.save_button.isEnabled, timeout=10000)
    assert any("老客茶铺" in page.model.task(row).message for row in range(page.model.rowCount()))
    section.shop_name.setText("小周茶园")
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any("小周茶园" in page.model.task(row).message for row in range(page.model.rowCount())),
                    timeout=10000)  # regenerated at once, not at the next import
    assert not any("老客茶铺" in page.model.task(row).message for row in range(page.model.rowCount()))


def test_the_panel_warns_outside_the_send_window(page) -> None:
    row = next(row for row in range(page.model.rowCount()) if page.model.task(row).customer_name == "王芳")
    page.panel.clock = lambda: time(22, 30)
    select_rows(page, row)
    assert page.panel.window_hint.isVisibleTo(page)
    assert "Outside the send window (08:00–21:00)" in page.panel.window_hint.text()
    page.panel.clock = lambda: time(10, 0)
    select_rows(page, row)
    assert not page.panel.window_hint.isVisibleTo(page)


def test_cancelled_generation_changes_nothing(shop) -> None:
    before = len(tasks(shop))
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        jobs.load_calendar(shop, TODAY.replace(day=1), TODAY + timedelta(days=40), TODAY, TODAY, True,
                           progress=no_progress, cancel=token)
    assert len(tasks(shop)) == before


def test_switching_a_rule_off_in_the_editor_withdraws_its_tasks(page, qtbot, shop, monkeypatch) -> None:
    page.open_rules()
    dialog = page.rules_dialog
    qtbot.waitUntil(lambda: dialog.rule_list.count() == len(RULE_SPECS), timeout=10000)
    member_day = dialog.rule_list.findItems("Member day", Qt.MatchFlag.MatchExactly)[0]
    member_day.setCheckState(Qt.CheckState.Unchecked)
    # A bad value in a parameter keeps the editor on that rule and says what is wrong.
    dialog.rule_list.setCurrentRow(dialog.rule_list.row(
        dialog.rule_list.findItems("Repurchase reminder", Qt.MatchFlag.MatchExactly)[0]))
    warnings = []
    monkeypatch.setattr("gui.care.rules_dialog.QMessageBox.warning", lambda *args: warnings.append(args[2]))
    dialog.param_editors["product_gaps"].setText("龙井=sixty")
    dialog.rule_list.setCurrentRow(0)
    assert warnings and "龙井=sixty" in warnings[0] and dialog.current == "repurchase"
    dialog.param_editors["product_gaps"].setText("龙井=60")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    with shop.session() as session:
        assert session.get(CareRule, "member_day").enabled is False
        assert session.get(CareRule, "repurchase").params["product_gaps"] == {"龙井": 60}
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and not page.loading, timeout=10000)
    assert "陈静" not in {page.model.task(row).customer_name for row in range(page.model.rowCount())}


def test_another_day_shows_its_agenda_and_the_card_opens_the_customer(page, qtbot) -> None:
    page.month.setSelectedDate(to_qdate(YESTERDAY))
    qtbot.waitUntil(lambda: not page.loading and page.agenda_title.text() == f"Agenda for {YESTERDAY}",
                    timeout=10000)
    qtbot.waitUntil(lambda: [page.model.task(row).customer_name for row in range(page.model.rowCount())]
                    == ["赵敏"], timeout=10000)
    select_rows(page, 0)
    with qtbot.waitSignal(page.context.show_customers_requested) as asked:
        qtbot.mouseClick(page.panel.open_customer_button, Qt.MouseButton.LeftButton)
    assert asked.args == [[page.model.task(0).customer_id], "Care task for 赵敏"]
    qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 4, timeout=10000)


def test_bulk_done_marks_every_selected_task(page, qtbot, shop) -> None:
    select_rows(page, 1, 2)
    chosen = {page.model.task(1).id, page.model.task(2).id}
    page.panel.channel.setCurrentIndex(page.panel.channel.findData("phone"))
    qtbot.mouseClick(page.panel.done_button, Qt.MouseButton.LeftButton)
    wait_reloaded(qtbot, page, "2 marked done")
    done = {task.id: task.channel for task in tasks(shop) if task.status == "done"}
    assert done == dict.fromkeys(chosen, "phone")
    with shop.session() as session:
        assert session.scalar(select(Note)) is None  # no note typed, nothing on the timeline


def test_a_page_left_open_overnight_goes_to_the_new_day(shop, qtbot, qsettings_isolated, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import gui.context

    class Clock(date):
        day = TODAY

        @classmethod
        def today(cls) -> date:
            return cls.day

    monkeypatch.setattr(gui.context, "date", Clock)
    page = CarePage(AppContext(shop))  # no day fixed: the calendar's
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 4, timeout=10000)
    assert not page.today_button.isEnabled()
    Clock.day = TODAY + timedelta(days=1)  # midnight passes
    page._show_title()
    assert page.today_button.isEnabled()
    qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.loading and TODAY.isoformat() not in page.agenda_title.text(), timeout=10000)
    assert (TODAY + timedelta(days=1)).isoformat() in page.agenda_title.text()
    shown = [page.model.task(row) for row in range(page.model.rowCount())]
    assert len(shown) == 4 and all(task.overdue for task in shown)  # yesterday's work, still open, is overdue now
    wait_for_background_tasks()


def test_the_side_bar_counts_todays_tasks_and_follows_the_work(shop, qtbot, qsettings_isolated) -> None:  # type: ignore[no-untyped-def]
    from gui.main_window import MainWindow, page_row

    window = MainWindow(AppContext(shop, today=TODAY))
    qtbot.addWidget(window)
    window.show()
    item = window.navigation.item(page_row("care"))
    qtbot.waitUntil(lambda: item.text() == "Care calendar (1)", timeout=10000)  # yesterday's, now overdue
    page = window.show_page("care")  # generates today's two birthdays and the member day
    qtbot.waitUntil(lambda: item.text() == "Care calendar (4)", timeout=10000)
    assert item.toolTip() == "4 care tasks for today, overdue ones included"
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 4, timeout=10000)
    select_rows(page, 0)
    page.panel.channel.setCurrentIndex(page.panel.channel.findData("wechat"))
    qtbot.mouseClick(page.panel.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: item.text() == "Care calendar (3)", timeout=10000)
    wait_for_background_tasks()


def test_the_frequency_cap_reads_as_a_sentence_whatever_its_numbers(shop, qtbot, qsettings_isolated) -> None:  # type: ignore[no-untyped-def]
    with speaking("en"):
        section = CareSettingsSection(AppContext(shop))
        qtbot.addWidget(section)
        qtbot.waitUntil(section.save_button.isEnabled, timeout=10000)
        section.cap_count.setValue(1)
        section.cap_days.setValue(1)
        assert (section.cap_words.text(), section.days_word.text()) == ("message per buyer in", "day")
        section.cap_count.setValue(2)
        section.cap_days.setValue(7)
        assert (section.cap_words.text(), section.days_word.text()) == ("messages per buyer in", "days")


def test_the_birthday_gift_per_tier_is_a_table(page, qtbot, shop) -> None:  # type: ignore[no-untyped-def]
    from gui.care.gift_table import GiftTable

    page.open_rules()
    dialog = page.rules_dialog
    qtbot.waitUntil(lambda: dialog.preview_card is not None, timeout=10000)
    table = dialog.param_editors["gift_notes"]
    assert isinstance(table, GiftTable)
    tiers = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert tiers[0] == "VIP" and tiers[-1] == "Everyone else" and "Loyal" in tiers
    assert table.item(0, 1).text() == "手写贺卡 + 小礼盒"
    table.item(tiers.index("Loyal"), 1).setText("茶点礼盒")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    with shop.session() as session:
        assert session.get(CareRule, "birthday").params["gift_notes"]["loyal"] == "茶点礼盒"


@pytest.mark.parametrize("cell", [(60, 44), (60, 30), (40, 22)])
@pytest.mark.parametrize("counts", [[3, 12, 1, 40], [9879, 1204, 12, 1], [12345, 23456, 34567, 45678]])
def test_month_badges_stay_readable_and_off_the_days_number(qapp, counts, cell) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFont, QFontMetrics

    from gui.care.month_view import badge_font, badge_layout, day_band

    metrics = QFontMetrics(badge_font(QFont()))
    cell_rect = QRect(0, 0, *cell)  # 60×44: a day's cell of the month grid on a 1280 px window
    room = cell_rect.adjusted(0, day_band(cell_rect, QFontMetrics(QFont())), 0, 0)
    badges = badge_layout(room, counts, metrics)
    assert len(badges) == len(counts)
    for rect, text in badges:
        assert room.contains(rect) and metrics.horizontalAdvance(text) <= rect.width(), text
    rects = [rect for rect, _text in badges]
    assert not any(one.intersects(other) for index, one in enumerate(rects) for other in rects[index + 1:])


def test_a_busy_days_badges_leave_its_number_readable(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QTableView

    from gui.care.month_view import MonthView, day_band

    busy = {"birthday": 9879, "holiday": 1204, "order": 12, "lifecycle": 1}
    views = []
    for counts in ({}, {date(2026, 12, day): busy for day in range(1, 32)}):
        view = MonthView()
        qtbot.addWidget(view)
        view.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        view.setSelectedDate(to_qdate(date(2026, 11, 30)))
        view.setCurrentPage(2026, 12)
        view.resize(420, 320)  # the smallest the page lets it be
        view.set_counts(counts)
        view.show()
        views.append(view)
    plain, crowded = (view.grab().toImage() for view in views)
    table = views[1].findChild(QTableView)
    band = day_band(table.visualRect(table.model().index(1, 0)), QFontMetrics(views[1].font()))
    for row in range(1, 7):  # row 0 names the week's days
        for column in range(7):
            cell = table.visualRect(table.model().index(row, column))
            origin = table.viewport().mapTo(views[1], cell.topLeft())
            number = [(origin.x() + x, origin.y() + y) for x in range(cell.width()) for y in range(band)]
            assert all(plain.pixel(*point) == crowded.pixel(*point) for point in number), (row, column)
            day = date(2026, 11, 30) + timedelta(weeks=row - 1, days=column)  # the grid starts on Monday 30 Nov
            below = [(origin.x() + x, origin.y() + y) for x in range(cell.width()) for y in range(band, cell.height())]
            assert any(plain.pixel(*point) != crowded.pixel(*point) for point in below) == (day.month == 12), day


def test_generation_progress_is_full_only_once_the_plan_is_written(shop, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    written = []
    reports: list[tuple[int, int, bool]] = []
    original = jobs.write_plan
    monkeypatch.setattr(jobs, "write_plan", lambda *args, **kwargs: (written.append(True), original(*args, **kwargs)))
    jobs.load_calendar(shop, TODAY.replace(day=1), TODAY, TODAY, TODAY, True,
                       progress=lambda done, total: reports.append((done, total, bool(written))), cancel=CancelToken())
    assert all(done < total for done, total, was_written in reports if not was_written)
    assert reports[-1][0] == reports[-1][1] and reports[-1][2]


def test_a_rep_sees_masked_numbers_and_starting_a_task_reveals_one_in_the_audit_log(  # type: ignore[no-untyped-def]
        shop, qtbot, qsettings_isolated) -> None:
    from core.safety.privacy import lock_owner, set_owner_passphrase
    from core.store.models import AuditEvent

    with shop.transaction() as session:
        set_owner_passphrase(session, "茶铺老板")
        lock_owner(session)  # the owner hands the laptop to a rep
    page = CarePage(AppContext(shop, today=TODAY))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() > 0, timeout=10000)
    select_rows(page, 0)
    assert "138****1234" in page.panel.card.text() and "13800001234" not in page.panel.card.text()
    shown = [page.model.index(row, column).data() for row in range(page.model.rowCount())
             for column in range(page.model.columnCount())]
    assert not any("13800001234" in str(value) for value in shown)
    assert page.panel.start_button.isVisibleTo(page)
    qtbot.mouseClick(page.panel.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "13800001234" in page.panel.card.text(), timeout=10000)
    with shop.session() as session:
        assert session.scalars(select(AuditEvent.action).order_by(AuditEvent.id.desc())).first() == (
            "reveal_phone_care_task")
    wait_for_background_tasks()
