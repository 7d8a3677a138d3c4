"""The repurchase models reproduce the published CDNOW fits, and their predictions behave as buyers do."""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
from scipy.optimize import approx_fprime

from core.loyalty.predict import (
    BgNbd,
    GammaGamma,
    _bg_nbd_objective,
    _gamma_gamma_objective,
    expected_purchases,
    fit_bg_nbd,
    fit_gamma_gamma,
    next_order_days,
    p_alive,
)

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


def cdnow_buyers() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    check = runpy.run_path(str(Path(__file__).resolve().parents[2] / "bench" / "cdnow_check.py"))
    x, t_x, T = [], [], []  # noqa: N806
    for found in check["purchase_days"]().values():
        calibration = [day for day in found if day <= check["CALIBRATION_END"]]
        x.append(len(calibration) - 1)
        t_x.append(check["weeks"](calibration[0], calibration[-1]))
        T.append(check["weeks"](calibration[0], check["CALIBRATION_END"]))
    return np.array(x, dtype=float), np.array(t_x), np.array(T)


def test_a_refit_from_yesterdays_parameters_lands_where_a_fit_from_scratch_does() -> None:
    x, t_x, T = cdnow_buyers()  # noqa: N806
    far = BgNbd(r=2.0, alpha=40.0, a=0.1, b=9.0)
    for start in (None, CDNOW, far):
        fitted = fit_bg_nbd(x, t_x, T, start=start)
        assert [round(value, 2) for value in fitted.to_dict().values()] == [0.24, 4.41, 0.79, 2.43]
    spend = fit_gamma_gamma(np.array([2.0, 5.0, 1.0, 3.0] * 20), np.array([30.0, 42.0, 18.0, 25.0] * 20))
    again = fit_gamma_gamma(np.array([2.0, 5.0, 1.0, 3.0] * 20), np.array([30.0, 42.0, 18.0, 25.0] * 20),
                            start=GammaGamma(p=spend.p * 3, q=spend.q / 2, v=spend.v * 5))
    assert np.allclose(list(spend.to_dict().values()), list(again.to_dict().values()), rtol=1e-3)


def test_the_fits_gradients_are_the_likelihoods_slopes() -> None:
    """The optimiser trusts these gradients: a wrong one would stop it short of the published fit."""
    x, t_x, T = cdnow_buyers()  # noqa: N806
    weight = np.ones(len(x))
    logs = np.log([0.5, 6.0, 0.6, 3.0])
    slope = approx_fprime(logs, lambda at: _bg_nbd_objective(at, x, t_x, T, weight)[0], 1e-7)
    assert np.allclose(_bg_nbd_objective(logs, x, t_x, T, weight)[1], slope, rtol=1e-4)
    x, m = np.array([1.0, 2.0, 6.0, 3.0]), np.array([20.0, 35.5, 12.0, 80.0])
    weight = np.array([3.0, 1.0, 2.0, 1.0])
    logs = np.log([2.0, 3.0, 0.8])
    slope = approx_fprime(logs, lambda at: _gamma_gamma_objective(at, x, m, weight)[0], 1e-7)
    assert np.allclose(_gamma_gamma_objective(logs, x, m, weight)[1], slope, rtol=1e-4)
