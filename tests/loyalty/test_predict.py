"""The repurchase models reproduce the published CDNOW fits, and their predictions behave as buyers do."""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np

from core.loyalty.predict import BgNbd, expected_purchases, next_order_days, p_alive

CDNOW = BgNbd(r=0.243, alpha=4.414, a=0.793, b=2.426)  # weeks


def test_the_cdnow_check_reproduces_the_published_parameters(capsys) -> None:  # type: ignore[no-untyped-def]
    check = runpy.run_path(str(Path(__file__).resolve().parents[2] / "bench" / "cdnow_check.py"))
    assert check["main"]() == 0
    assert "1.226 expected purchases" in capsys.readouterr().out


def test_a_buyer_long_gone_is_less_likely_alive_and_expected_to_buy_less() -> None:
    x, t_x = np.array([4.0, 4.0]), np.array([30.0, 30.0])
    T = np.array([32.0, 80.0])  # noqa: N806 - two weeks after the last purchase, and fifty
    alive = p_alive(CDNOW, x, t_x, T)
    assert alive[0] > 0.8 > 0.2 > alive[1]
    soon, later = expected_purchases(CDNOW, 13, x, t_x, T)
    assert soon > later > 0


def test_the_next_order_comes_when_expected_purchases_reach_one() -> None:
    x, t_x, T = np.array([10.0, 0.0]), np.array([38.0, 0.0]), np.array([39.0, 39.0])  # noqa: N806
    days = next_order_days(CDNOW, x, t_x, T, limit=200)
    assert np.isnan(days[1])  # a one-time buyer never reaches one expected purchase within the limit
    assert expected_purchases(CDNOW, days[0], x[:1], t_x[:1], T[:1])[0] >= 1
    assert expected_purchases(CDNOW, days[0] - 1, x[:1], t_x[:1], T[:1])[0] < 1
