"""Start-up's long-lived objects stay out of later full garbage collections (each one stalled the window)."""

from __future__ import annotations

import gc

from gui.app import freeze_startup_heap


def test_start_up_objects_are_left_out_of_later_collections() -> None:
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    try:
        freeze_startup_heap()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()  # the other tests' objects stay collectable
