"""The cycle collector pauses around an import and always comes back as it was."""

from __future__ import annotations

import gc
import threading

import pytest

import core.importing.prepare as prepare_module
from core.collector import collector_paused
from core.importing import PRESETS, prepare_import
from tests.importing.sheets import row_for, write_sheet


def test_paused_inside_and_back_after_even_on_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()


def test_overlapping_pauses_resume_only_when_the_last_ends() -> None:
    first_in, second_done = threading.Event(), threading.Event()
    seen = []

    def other() -> None:
        with collector_paused():
            first_in.set()
            second_done.wait(5)
        seen.append(gc.isenabled())

    thread = threading.Thread(target=other)
    thread.start()
    first_in.wait(5)
    with collector_paused():
        pass
    seen.append(gc.isenabled())  # the other thread's pause is still under way
    second_done.set()
    thread.join(5)
    assert seen == [False, True] and gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_sheet_is_parsed_with_the_collector_paused(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    preset = PRESETS["taobao_tmall.orderlist_csv_legacy"]
    headers = list(preset.headers)
    path = write_sheet(tmp_path / "orders.csv", [headers, row_for(preset, headers, order_id="1001", buyer_id="tb_a",
                                                                  status="交易成功", amount="10")], "gbk")
    parse = prepare_module.parse_orders
    enabled = []

    def watched_parse(*args, **kwargs):  # type: ignore[no-untyped-def]
        enabled.append(gc.isenabled())
        return parse(*args, **kwargs)

    monkeypatch.setattr(prepare_module, "parse_orders", watched_parse)
    assert len(prepare_import(path).orders) == 1
    assert enabled == [False] and gc.isenabled()
