"""The import wizard as a shop owner uses it: drop or choose a sheet, review, import, cancel, undo."""

from __future__ import annotations

import threading

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from core.importing import writer
from core.store.opening import open_database
from gui.context import AppContext
from gui.importing.page import STEP_CHOOSE, STEP_PROGRESS, STEP_REVIEW, STEP_SUMMARY, ImportPage
from gui.main_window import MainWindow
from gui.worker import wait_for_background_tasks
from tests.gui.languages import speaking
from tests.importing.conftest import table_counts
from tests.importing.sheets import write_sheet
from tests.importing.test_import_files import ALICE, BOB, taobao_rows


@pytest.fixture
def page(qtbot, qsettings_isolated, db_path, qtmodeltester):  # type: ignore[no-untyped-def]
    context = AppContext(open_database(db_path))
    widget = ImportPage(context)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    wait_for_background_tasks()
    context.database.dispose()


def _sheet(tmp_path, *orders, name="ExportOrderList.csv"):  # type: ignore[no-untyped-def]
    rows = taobao_rows(*orders)
    rows.append(rows[-1][:])
    rows[-1][0] = "6.91793E+18"  # an id Excel rounded: a bad row
    return write_sheet(tmp_path / name, rows, "gbk")


def _open(qtbot, page, path):  # type: ignore[no-untyped-def]
    page.open_files([path])
    qtbot.waitUntil(lambda: page.steps.currentIndex() == STEP_REVIEW, timeout=10000)


def test_choose_review_import_and_see_the_new_customers(page, qtbot, tmp_path, monkeypatch, qtmodeltester):  # type: ignore[no-untyped-def]
    path = _sheet(tmp_path, ALICE, BOB)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(path)], ""))
    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == STEP_REVIEW, timeout=10000)

    assert page.preset_combo.currentData() == "taobao_tmall.orderlist_csv_legacy"
    assert page.preview_model.rowCount() == 2
    assert page.preview_model.index(0, 0).data() == ALICE[0]
    assert page.preview_model.index(0, 2).data() == "100.00"
    assert page.bad_model.rowCount() == 1 and "rounded" in page.bad_model.index(0, 3).data()
    assert "2 orders" in page.import_button.text()
    for model in (page.preview_model, page.bad_model, page.history_model):
        qtmodeltester.check(model)

    with qtbot.waitSignal(page.finished, timeout=10000):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.steps.currentIndex() == STEP_SUMMARY
    assert "new orders: 2 · updated: 0 · unchanged: 0" in page.summary_label.text()
    assert page.history_model.rowCount() == 1
    with qtbot.waitSignal(page.context.show_customers_requested) as shown:
        page.new_customers_link.linkActivated.emit("new")
    ids, _label = shown.args
    assert len(ids) == 2


def test_a_row_with_two_problems_is_counted_once(page, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    rows = taobao_rows(ALICE, BOB)
    rows.append(rows[-1][:])
    rows[-1][0] = "6.91793E+18"  # an id Excel rounded…
    rows[-1] = ["十二元" if cell == BOB[3] else cell for cell in rows[-1]]  # …and an amount nobody can read
    with speaking("en"):  # "1 row", not "1 rows"
        _open(qtbot, page, write_sheet(tmp_path / "ExportOrderList.csv", rows, "gbk"))
    assert page.bad_model.rowCount() == 2  # a line for each problem
    assert page.tabs.tabText(2) == "Rows that cannot be read (1)"
    assert page.review_message.text().startswith("1 row cannot be read")


def test_a_refused_file_says_why_and_writes_nothing(page, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "scan.csv"
    path.write_bytes(b"%PDF-1.4\n")
    page.open_files([path])
    qtbot.waitUntil(lambda: page.steps.currentIndex() == STEP_CHOOSE and bool(page.choose_message.text()), timeout=10000)
    assert "scan.csv" in page.choose_message.text() and "PDF" in page.choose_message.text()
    assert table_counts(page.context.database)["orders"] == 0


def test_the_rows_that_cannot_be_read_save_as_a_sheet(page, qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    _open(qtbot, page, _sheet(tmp_path, ALICE, BOB))
    target = tmp_path / "problems.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    assert page.bad_rows.save_button.isEnabled()
    qtbot.mouseClick(page.bad_rows.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=10000)
    wait_for_background_tasks()
    rows = list(load_workbook(target).active.values)
    assert rows[0] == ("File", "Row", "Column", "Problem")
    assert rows[1][:3] == ("ExportOrderList.csv", 4, "订单编号") and "rounded" in rows[1][3] and len(rows) == 2
    _open(qtbot, page, write_sheet(tmp_path / "clean.csv", taobao_rows(ALICE), "gbk"))
    assert not page.bad_rows.save_button.isEnabled()  # nothing to save


def test_cancel_rolls_back(page, qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    _open(qtbot, page, _sheet(tmp_path, ALICE, BOB))
    pressed = threading.Event()
    real_refresh = writer.refresh_derived

    def slow_refresh(*args, **kwargs):  # type: ignore[no-untyped-def]
        pressed.wait(10)  # the import is still running when the user presses Cancel
        real_refresh(*args, **kwargs)

    monkeypatch.setattr(writer, "refresh_derived", slow_refresh)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.steps.currentIndex() == STEP_PROGRESS
    with qtbot.waitSignal(page.finished, timeout=10000):
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        pressed.set()
    assert page.steps.currentIndex() == STEP_REVIEW
    assert "nothing was saved" in page.review_message.text()
    assert table_counts(page.context.database)["orders"] == 0


def test_closing_the_window_during_an_import_asks_and_stopping_keeps_nothing(  # type: ignore[no-untyped-def]
        qtbot, qsettings_isolated, db_path, tmp_path, monkeypatch):
    window = MainWindow(AppContext(open_database(db_path)))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("import")
    _open(qtbot, page, _sheet(tmp_path, ALICE, BOB))
    release = threading.Event()
    real_refresh = writer.refresh_derived

    def slow_refresh(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(10)  # still importing when the owner closes the window
        real_refresh(*args, **kwargs)

    monkeypatch.setattr(writer, "refresh_derived", slow_refresh)
    questions = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda *args: questions.append(args[1]) or answer)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert not window.close() and window.isVisible()  # "No": the import goes on
    answer = QMessageBox.StandardButton.Yes
    assert window.close()
    release.set()
    wait_for_background_tasks()  # what the application does before it exits
    assert questions == ["Import still running"] * 2
    assert table_counts(window.context.database)["orders"] == 0
    window.context.database.dispose()


def test_the_user_overrides_the_layout_and_maps_columns(page, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    _open(qtbot, page, _sheet(tmp_path, ALICE))
    page.mapping_editor.box("amount").setCurrentText("总金额")
    page.apply_mapping()
    qtbot.waitUntil(lambda: page.steps.currentIndex() == STEP_REVIEW and page.current().preset.key.startswith("custom:"),
                    timeout=10000)
    assert page.preview_model.index(0, 2).data() is not None


def test_undo_from_the_history(page, qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    _open(qtbot, page, _sheet(tmp_path, ALICE, BOB))
    with qtbot.waitSignal(page.finished, timeout=10000):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert table_counts(page.context.database)["orders"] == 2
    page.history_view.selectRow(0)
    assert page.undo_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.finished, timeout=10000):
        qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    counts = table_counts(page.context.database)
    assert (counts["orders"], counts["customers"]) == (0, 0)
    assert page.history_model.index(0, 8).data() == "Undone"


def test_dropping_a_sheet_on_the_main_window_opens_the_wizard(qtbot, qsettings_isolated, db_path, tmp_path):  # type: ignore[no-untyped-def]
    window = MainWindow(AppContext(open_database(db_path)))
    qtbot.addWidget(window)
    window.show()
    path = _sheet(tmp_path, ALICE)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(QPoint(50, 50)), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    page = window.pages["import"]
    qtbot.waitUntil(lambda: page.steps.currentIndex() == STEP_REVIEW, timeout=10000)
    assert window.stack.currentWidget() is page
    wait_for_background_tasks()
    window.context.database.dispose()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshots(page, qtbot, tmp_path, language):  # type: ignore[no-untyped-def]
    with speaking(language):
        widget = ImportPage(page.context)
        qtbot.addWidget(widget)
        widget.resize(1100, 760)
        widget.show()
        _open(qtbot, widget, _sheet(tmp_path, ALICE, BOB))
        widget.grab().save(str(tmp_path / f"import_review_{language}.png"))


def test_a_customer_list_is_previewed_and_imported(page, qtbot, tmp_path, monkeypatch, qtmodeltester):  # type: ignore[no-untyped-def]
    path = write_sheet(tmp_path / "客户.xlsx", [["姓名", "手机号", "生日", "标签"], ["王芳", "13800005555", "农历八月十五", "老客"],
                                                ["坏行", "13800006666", "13月1日", ""]], "xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    qtbot.mouseClick(page.customers_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "customer_dialog", None) is not None and page.customer_dialog.isVisible(),
                    timeout=10000)
    dialog = page.customer_dialog
    qtmodeltester.check(dialog.preview_model)
    assert dialog.preview_model.index(0, 0).data() == "王芳"
    assert dialog.preview_model.index(0, 4).data() == "lunar 8-15"
    assert dialog.preview_model.index(1, 4).data() is None
    assert dialog.bad_model.rowCount() == 1
    problems = tmp_path / "problems.xlsx"  # the list saves as a sheet here too
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(problems), ""))
    qtbot.mouseClick(dialog.bad_rows.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(problems.exists, timeout=10000)
    assert list(load_workbook(problems).active.values)[1][2:3] == ("生日",)
    with qtbot.waitSignal(page.finished, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert page.steps.currentIndex() == STEP_SUMMARY
    assert "new customers: 1 · known customers completed: 0 · rows left out: 1" in page.summary_label.text()
    assert page.history_model.index(0, 3).data() == "Customer list"


def test_an_unknown_layout_is_mapped_saved_and_recognised_next_time(page, qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    rows = [["单号", "客人", "电话", "金额", "日期", "状态"],
            ["A-1001", "王芳", "13800005555", "99", "2026-05-01", "已完成"],
            ["A-1002", "赵强", "13900006666", "50", "2026-05-02", "已付款"]]
    path = write_sheet(tmp_path / "my_shop.xlsx", rows, "xlsx")
    _open(qtbot, page, path)
    assert not page.import_button.isEnabled() and page.tabs.currentIndex() == 1
    for field, header in (("order_id", "单号"), ("receiver_name", "客人"), ("phone", "电话"), ("amount", "金额"),
                          ("created_at", "日期"), ("status", "状态")):
        page.mapping_editor.box(field).setCurrentText(header)
    monkeypatch.setattr("gui.importing.page.QInputDialog.getText", lambda *args, **kwargs: ("我的网店", True))
    qtbot.mouseClick(page.save_mapping_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == STEP_REVIEW and page.import_button.isEnabled(), timeout=10000)
    assert page.preview_model.rowCount() == 2 and page.preview_model.index(0, 1).data().startswith("completed")

    page.start_over()
    _open(qtbot, page, write_sheet(tmp_path / "my_shop_june.xlsx", rows, "xlsx"))
    assert page.current().preset.key == "custom:我的网店"
    with qtbot.waitSignal(page.finished, timeout=10000):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert table_counts(page.context.database)["customers"] == 2


def test_an_unknown_customer_list_is_mapped_in_the_dialog(page, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    path = write_sheet(tmp_path / "客人.xlsx", [["客人", "微信号码"], ["王芳", "wf_88"]], "xlsx")
    page.open_customer_list(path)
    qtbot.waitUntil(lambda: getattr(page, "customer_dialog", None) is not None and page.customer_dialog.isVisible(),
                    timeout=10000)
    dialog = page.customer_dialog
    assert not dialog.import_button.isEnabled() and dialog.tabs.currentIndex() == 1
    dialog.mapping_editor.box("name").setCurrentText("客人")
    dialog.mapping_editor.box("wechat_id").setCurrentText("微信号码")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.import_button.isEnabled() and dialog.preview_model.index(0, 3).data() == "wf_88"
    with qtbot.waitSignal(page.finished, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert table_counts(page.context.database)["customers"] == 1


@pytest.fixture
def chinese_ui():  # type: ignore[no-untyped-def]
    with speaking("zh_CN"):
        yield


def test_in_chinese_a_refusal_and_a_bad_rows_reason_read_in_chinese(page, qtbot, tmp_path, chinese_ui):  # type: ignore[no-untyped-def]
    scan = tmp_path / "扫描件.csv"
    scan.write_bytes(b"%PDF-1.4\n")
    page.open_files([scan])
    qtbot.waitUntil(lambda: bool(page.choose_message.text()), timeout=10000)
    assert "扫描件.csv 是 PDF 文档，不是表格" in page.choose_message.text()

    _open(qtbot, page, _sheet(tmp_path, ALICE, BOB))
    assert page.bad_model.index(0, 3).data() == "“6.91793E+18”是已被 Excel 四舍五入的数字；请重新导出表格，不要在 Excel 中打开保存，直接导入"


def test_a_file_without_buyers_or_shop_says_so_and_asks_the_shop(page, qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    # Pinduoduo's 2023 export has no buyer columns and no shop column.
    from core.importing import PRESETS
    from core.store.models import Order
    from tests.importing.sheets import row_for

    pdd = PRESETS["pdd.order_export_2023"]
    headers = list(pdd.headers)
    rows = [headers, row_for(pdd, headers, order_id="260517-607198974342268", amount="19.90", status="已签收",
                             created_at="2026-05-17 10:00:00")]
    _open(qtbot, page, write_sheet(tmp_path / "pdd.xlsx", rows))
    assert page.notices_label.isVisibleTo(page) and "names no buyers" in page.notices_label.text()
    asked = []
    monkeypatch.setattr("gui.importing.page.QInputDialog.getText", lambda _parent, title, *args, text="", **kwargs: (
        asked.append((title, text)), ("拼多多旗舰店", True))[1])
    with qtbot.waitSignal(page.finished, timeout=10000):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert asked == [("Which shop is this file?", "")]
    with page.context.database.session() as session:
        assert session.scalars(select(Order.shop_name)).all() == ["拼多多旗舰店"]
    # The next Pinduoduo file offers the shop named last, so a one-shop seller only presses Enter.
    rows[1][headers.index("订单号")] = "260518-607198974342269"
    _open(qtbot, page, write_sheet(tmp_path / "pdd (1).xlsx", rows))
    with qtbot.waitSignal(page.finished, timeout=10000):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert asked[1] == ("Which shop is this file?", "拼多多旗舰店")


def test_after_an_import_the_window_refits_the_forecast_in_the_background(  # type: ignore[no-untyped-def]
        qtbot, qsettings_isolated, db_path, tmp_path):
    from core.loyalty.forecast import load_model
    from tests.importing.test_forecast_after_import import forecasts, pending, regulars_sheet

    window = MainWindow(AppContext(open_database(db_path)))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("import")
    _open(qtbot, page, regulars_sheet(tmp_path / "ExportOrderList.csv"))
    with qtbot.waitSignal(window.context.data_changed, timeout=20000):  # the refit's news, after the import's
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitSignal(page.finished, timeout=10000).wait()
    database = window.context.database
    qtbot.waitUntil(lambda: not pending(database), timeout=20000)
    wait_for_background_tasks()
    with database.session() as session:
        assert load_model(session.connection()) is not None
    assert all(forecast[0] is not None for forecast in forecasts(database).values())
    database.dispose()
