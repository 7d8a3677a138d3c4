"""Render the import wizard on a Taobao order list (the review's preview, columns and unreadable rows, then the
summary) and the dialog for a seller's own customer list, in both languages.

    python -m tools.import_screenshots   # import_review_*, import_columns_*, import_bad_rows_*, import_summary_*,
                                         # import_customer_list_*

The sheet holds three orders and one row whose order number Excel already rounded (6.91793E+18).
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from core.importing import PRESETS
from core.importing.headers import normalise_header
from core.store.db import Database
from tools.screenshots import OUT, render_demo_shop, settle

TAOBAO = PRESETS["taobao_tmall.orderlist_csv_legacy"]
ORDERS = (  # order number, buyer, status, paid, phone
    ('="1000000000000000001"', "tb_alice", "买家已付款，等待卖家发货", "100.00元", "'13800001111"),
    ('="1000000000000000002"', "tb_bob", "交易成功", "¥1,288.00", "138****2222"),
    ('="1000000000000000003"', "tb_carl", "交易关闭", "5.00", "'13600000000"),
    ("6.91793E+18", "tb_dora", "交易成功", "66.00", "'13700000000"),
)


def write_sheet(path: Path) -> Path:
    headers = list(TAOBAO.headers)
    column: dict[str, int] = {}
    for index, header in enumerate(headers):  # the export's spelling, e.g. a trailing space
        column.setdefault(normalise_header(header), index)
    rows = [headers]
    for order_id, buyer, status, amount, phone in ORDERS:
        row = [""] * len(headers)
        for field, value in (("order_id", order_id), ("buyer_id", buyer), ("status", status), ("amount", amount),
                             ("phone", phone), ("receiver_name", "张三"), ("address", "浙江省 杭州市 西湖区 文三路1号"),
                             ("created_at", "2026/05/01 10:00:00"), ("item_title", "龙井茶"), ("quantity", "1")):
            row[column[normalise_header(TAOBAO.fields[field])]] = value
        rows.append(row)
    with path.open("w", encoding="gb18030", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def write_customer_list(path: Path) -> Path:
    """A seller's own list of regulars, as kept in a spreadsheet: lunar birthdays, tags, a note."""
    rows = [["姓名", "微信", "手机号", "生日", "标签", "备注"],
            ["王芳", "wf_88", "13800005555", "农历八月十五", "老客,爱喝绿茶", "只要明前茶"],
            ["李强", "", "13900006666", "1988-03-02", "送礼", ""],
            ["赵敏", "zm_tea", "", "12月24日", "", "公司采购，开专票"]]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def render(app: QApplication, database: Database, language: str) -> None:
    from gui.context import AppContext
    from gui.importing.page import STEP_SUMMARY, ImportPage

    page = ImportPage(AppContext(database))
    page.resize(1100, 760)
    page.show()
    with tempfile.TemporaryDirectory() as folder:
        page.open_files([write_sheet(Path(folder) / "ExportOrderList202605011200.csv")])
        settle(app)
        page.grab().save(str(OUT / f"import_review_{language}.png"))
        page.tabs.setCurrentIndex(1)
        settle(app)
        page.grab().save(str(OUT / f"import_columns_{language}.png"))
        page.tabs.setCurrentIndex(2)
        settle(app)
        page.grab().save(str(OUT / f"import_bad_rows_{language}.png"))
        page.start_import()
        while page.steps.currentIndex() != STEP_SUMMARY:
            settle(app)
        page.grab().save(str(OUT / f"import_summary_{language}.png"))
        page.open_customer_list(write_customer_list(Path(folder) / "老客名单.csv"))
        while getattr(page, "customer_dialog", None) is None or not page.customer_dialog.isVisible():
            settle(app)
        page.customer_dialog.resize(900, 600)
        settle(app)
        page.customer_dialog.grab().save(str(OUT / f"import_customer_list_{language}.png"))
        page.customer_dialog.close()
        page.close()


if __name__ == "__main__":
    render_demo_shop(render)
