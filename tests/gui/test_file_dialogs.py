"""File dialogs start where the owner was last time, not in the app's working directory."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from gui.file_dialogs import Folder, open_path, open_paths, save_path


class FakeDialog:
    """Stands in for QFileDialog's static functions: records where each dialog starts, answers `answer`."""

    def __init__(self, monkeypatch, answer: list[str]) -> None:  # type: ignore[no-untyped-def]
        self.starts: list[str] = []
        self.answer = answer
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", self._many)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._one)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._one)

    def _many(self, _parent, _caption, start, _filters):  # type: ignore[no-untyped-def]
        self.starts.append(start)
        return list(self.answer), ""

    def _one(self, _parent, _caption, start, _filters):  # type: ignore[no-untyped-def]
        self.starts.append(start)
        return (self.answer[0] if self.answer else ""), ""


def test_sheets_are_looked_for_in_downloads_then_where_the_last_ones_were(qsettings_isolated, monkeypatch,
                                                                         tmp_path) -> None:  # type: ignore[no-untyped-def]
    exports = tmp_path / "店铺导出"
    exports.mkdir()
    dialog = FakeDialog(monkeypatch, [str(exports / "ExportOrderList.csv"), str(exports / "订单.xlsx")])
    assert open_paths(None, "", "", Folder.SHEETS) == [exports / "ExportOrderList.csv", exports / "订单.xlsx"]
    assert dialog.starts[0] == QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    dialog.answer = []
    assert open_path(None, "", "", Folder.SHEETS) is None  # cancelled: nothing changes
    assert open_paths(None, "", "", Folder.SHEETS) == []
    assert dialog.starts[1:] == [str(exports), str(exports)]
    assert Path(dialog.starts[0]) != Path.cwd()


def test_a_folder_that_is_gone_falls_back_and_kinds_keep_their_own_folders(qsettings_isolated, monkeypatch,
                                                                           tmp_path) -> None:  # type: ignore[no-untyped-def]
    gone = tmp_path / "U盘"
    gone.mkdir()
    dialog = FakeDialog(monkeypatch, [str(gone / "老客.db")])
    open_path(None, "", "", Folder.DATABASES)
    open_path(None, "", "", Folder.DATABASES)
    open_path(None, "", "", Folder.SHEETS)
    gone.rmdir()
    open_path(None, "", "", Folder.DATABASES)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    downloads = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    assert dialog.starts == [documents, str(gone), downloads, documents]


def test_saving_suggests_a_name_in_the_export_folder_and_keeps_its_extension(qsettings_isolated, monkeypatch,
                                                                             tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = FakeDialog(monkeypatch, [str(tmp_path / "十一月客户")])  # typed without an extension
    assert save_path(None, "", "customers.xlsx", "") == tmp_path / "十一月客户.xlsx"
    dialog.answer = [str(tmp_path / "report.XLSX")]
    assert save_path(None, "", "insights.xlsx", "") == tmp_path / "report.XLSX"
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert dialog.starts == [str(Path(documents) / "customers.xlsx"), str(tmp_path / "insights.xlsx")]


def test_saving_keeps_any_extension_the_filters_offer(qsettings_isolated, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    filters = "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "客户.csv"), "CSV, UTF-8 (*.csv)"))
    assert save_path(None, "", "客户.xlsx", filters) == tmp_path / "客户.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "客户"), "CSV, UTF-8 (*.csv)"))
    assert save_path(None, "", "客户.xlsx", filters) == tmp_path / "客户.csv"  # typed bare: the chosen filter's
