"""Who will buy again, and when: the BG/NBD model (Fader, Hardie and Lee 2005) for the chance a buyer is still
active and their expected purchases, and the Gamma-Gamma model for the value of their next order.

Both are fitted to the shop's own buyers by maximum likelihood (scipy.optimize on the log of the
parameters, so they stay positive). A buyer is summarised by purchase days: x repeat purchase days, t_x days
from the first to the last, T days from the first to today. scipy is imported only when a model is fitted
or applied: it costs about a second, which the window's start-up should not pay.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from core.errors import LaokeError
from core.messages import Message

# Below this many buyers who came back, the fit says more about chance than about the shop.
MIN_REPEAT_BUYERS = 30
HORIZON_DAYS = 90
NEXT_ORDER_LIMIT_DAYS = 730
LOG_BOUNDS = (-9.0, 9.0)  # an expected next order further out than two years is no date worth showing


@dataclass(frozen=True)
class BgNbd:
    r: float
    alpha: float
    a: float
    b: float

    def to_dict(self) -> dict[str, float]:
        return asdict(self)


@dataclass(frozen=True)
class GammaGamma:
    p: float
    q: float
    v: float

    def to_dict(self) -> dict[str, float]:
        return asdict(self)


def bg_nbd_log_likelihood(r: float, alpha: float, a: float, b: float, x: np.ndarray, t_x: np.ndarray,
                          T: np.ndarray) -> np.ndarray:  # noqa: N803 - the paper's names
    """Each buyer's log-likelihood under BG/NBD (equation 6 of the paper)."""
    from scipy.special import gammaln

    shared = (gammaln(r + x) - gammaln(r) + r * np.log(alpha)
              + gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x))
    still = -(r + x) * np.log(alpha + T)
    came_back = x > 0
    dropped = np.where(came_back, np.log(a) - np.log(np.maximum(b + x - 1, 1e-12)) - (r + x) * np.log(alpha + t_x),
                       -np.inf)
    return shared + np.logaddexp(still, dropped)


def _minimise(objective: Any, start: np.ndarray) -> np.ndarray:
    from scipy.optimize import minimize

    # Bounded logs: a shop where nobody ever drops out drives a to 0 and b to infinity, where the
    # predictions' formulas lose all precision; within e^±9 (0.0001 to 8,100) they stay sound.
    result = minimize(objective, start, method="Nelder-Mead", bounds=[LOG_BOUNDS] * len(start),
                      options={"maxiter": 4000, "xatol": 1e-6, "fatol": 1e-8})
    if not np.all(np.isfinite(result.x)):
        raise LaokeError(Message("The repurchase model could not be fitted to this shop's orders."))
    return np.exp(result.x)


def fit_bg_nbd(x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> BgNbd:  # noqa: N803
    """The maximum-likelihood BG/NBD parameters for these buyers."""
    x, t_x, T = (np.asarray(values, dtype=np.float64) for values in (x, t_x, T))
    scale = max(float(np.mean(T)), 1.0)

    def objective(logs: np.ndarray) -> float:
        r, alpha, a, b = np.exp(logs)
        value = -float(np.sum(bg_nbd_log_likelihood(r, alpha, a, b, x, t_x, T)))
        return value if np.isfinite(value) else 1e300

    r, alpha, a, b = _minimise(objective, np.log([1.0, scale, 1.0, 1.0]))
    return BgNbd(float(r), float(alpha), float(a), float(b))


def p_alive(model: BgNbd, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:  # noqa: N803
    """The chance each buyer is still an active buyer (a buyer who never came back is, by the model's
    assumption, alive: they cannot have dropped out before a repeat purchase)."""
    r, alpha, a, b = model.r, model.alpha, model.a, model.b
    ratio = np.where(x > 0, a / np.maximum(b + x - 1, 1e-12) * ((alpha + T) / (alpha + t_x)) ** (r + x), 0.0)
    return 1.0 / (1.0 + ratio)


def expected_purchases(model: BgNbd, t: float | np.ndarray, x: np.ndarray, t_x: np.ndarray,
                       T: np.ndarray) -> np.ndarray:  # noqa: N803
    """Each buyer's expected purchases in the next `t` days, given their history (equation 10)."""
    from scipy.special import hyp2f1

    r, alpha, a, b = model.r, model.alpha, model.a, model.b
    t = np.asarray(t, dtype=np.float64)
    hyper = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t))
    first = (a + b + x - 1) / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyper)
    return first * p_alive(model, x, t_x, T)


def next_order_days(model: BgNbd, x: np.ndarray, t_x: np.ndarray, T: np.ndarray,
                    limit: int = NEXT_ORDER_LIMIT_DAYS) -> np.ndarray:  # noqa: N803
    """Days from today until each buyer's expected purchases reach one (NaN when not within `limit`).

    Expected purchases grow with the horizon, so a bisection over whole days finds the first that reaches one."""
    days = np.full(len(x), np.nan)
    reaches = np.flatnonzero(expected_purchases(model, float(limit), x, t_x, T) >= 1)
    x, t_x, T = x[reaches], t_x[reaches], T[reaches]  # noqa: N806 - the bisection only for those who get there
    low = np.zeros(len(x))
    high = np.full(len(x), float(limit))
    for _ in range(int(np.ceil(np.log2(limit))) + 1):
        middle = np.floor((low + high) / 2)
        enough = expected_purchases(model, np.maximum(middle, 1), x, t_x, T) >= 1
        high = np.where(enough, middle, high)
        low = np.where(enough, low, middle)
    days[reaches] = np.maximum(high, 1)
    return days


def gamma_gamma_log_likelihood(p: float, q: float, v: float, x: np.ndarray, m: np.ndarray) -> np.ndarray:
    """Each repeat buyer's log-likelihood of their mean order value `m` over `x` repeat orders."""
    from scipy.special import gammaln

    return (gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(v) + (p * x - 1) * np.log(m)
            + p * x * np.log(x) - (p * x + q) * np.log(x * m + v))


def fit_gamma_gamma(x: np.ndarray, m: np.ndarray) -> GammaGamma:
    """The maximum-likelihood Gamma-Gamma parameters, from repeat buyers only (x > 0, m > 0)."""
    keep = (np.asarray(x) > 0) & (np.asarray(m) > 0)
    x, m = np.asarray(x, dtype=np.float64)[keep], np.asarray(m, dtype=np.float64)[keep]

    def objective(logs: np.ndarray) -> float:
        p, q, v = np.exp(logs)
        value = -float(np.sum(gamma_gamma_log_likelihood(p, q, v, x, m)))
        return value if np.isfinite(value) else 1e300

    p, q, v = _minimise(objective, np.log([1.0, 1.0, max(float(np.mean(m)), 1.0)]))
    return GammaGamma(float(p), float(q), float(v))


def expected_order_value(model: GammaGamma, x: np.ndarray, m: np.ndarray) -> np.ndarray:
    """Each buyer's expected value of an order: the shop's mean pulled towards their own by their orders."""
    p, q, v = model.p, model.q, model.v
    return p * (v + x * m) / (p * x + q - 1)
