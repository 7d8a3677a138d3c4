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
    return _bg_nbd_terms(r, alpha, a, b, x, t_x, T)[0]


def _bg_nbd_terms(r: float, alpha: float, a: float, b: float, x: np.ndarray, t_x: np.ndarray,
                  T: np.ndarray) -> tuple[np.ndarray, np.ndarray]:  # noqa: N803
    """Each buyer's log-likelihood, and the share of it that says they dropped out after their last purchase
    (the weight of the second term of equation 6, which the gradient needs)."""
    from scipy.special import gammaln

    shared = (gammaln(r + x) - gammaln(r) + r * np.log(alpha)
              + gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x))
    still = -(r + x) * np.log(alpha + T)
    came_back = x > 0
    dropped = np.where(came_back, np.log(a) - np.log(np.maximum(b + x - 1, 1e-12)) - (r + x) * np.log(alpha + t_x),
                       -np.inf)
    both = np.logaddexp(still, dropped)
    return shared + both, np.exp(dropped - both)


def _bg_nbd_objective(logs: np.ndarray, x: np.ndarray, t_x: np.ndarray, T: np.ndarray,  # noqa: N803
                      weight: np.ndarray) -> tuple[float, np.ndarray]:
    """The negative log-likelihood of buyers grouped by (x, t_x, T), `weight` buyers a group, and its gradient
    in the log parameters: with the gradient the optimiser needs a few dozen evaluations instead of a thousand."""
    from scipy.special import digamma

    r, alpha, a, b = np.exp(logs)
    each, gone = _bg_nbd_terms(r, alpha, a, b, x, t_x, T)
    stays = 1.0 - gone
    shared = digamma(a + b) - digamma(a + b + x)
    d_r = digamma(r + x) - digamma(r) + np.log(alpha) - stays * np.log(alpha + T) - gone * np.log(alpha + t_x)
    d_alpha = r / alpha - (r + x) * (stays / (alpha + T) + gone / (alpha + t_x))
    d_a = shared + gone / a
    d_b = shared + digamma(b + x) - digamma(b) - gone / np.maximum(b + x - 1, 1e-12)
    return _finite(-_weighted(each, weight), -np.array([r, alpha, a, b]) * _weighted([d_r, d_alpha, d_a, d_b], weight))


def _weighted(values: Any, weight: np.ndarray) -> Any:
    """Sums weighted by `weight` (of one array, or of each of several), without BLAS: its threads' spinning on a
    busy machine made a dot product of 15,000 numbers take milliseconds instead of microseconds."""
    return (np.asarray(values) * weight).sum(axis=-1)


def _finite(value: float, gradient: np.ndarray) -> tuple[float, np.ndarray]:
    """A step into a region where the likelihood overflows is refused by a huge value, not a NaN."""
    if np.isfinite(value) and np.all(np.isfinite(gradient)):
        return value, gradient
    return 1e300, np.zeros_like(gradient)


def _minimise(objective: Any, start: np.ndarray, arguments: tuple[np.ndarray, ...]) -> np.ndarray:
    from scipy.optimize import minimize

    # Bounded logs: a shop where nobody ever drops out drives a to 0 and b to infinity, where the
    # predictions' formulas lose all precision; within e^±9 (0.0001 to 8,100) they stay sound.
    start = np.clip(start, *LOG_BOUNDS)
    result = minimize(objective, start, args=arguments, jac=True, method="L-BFGS-B",
                      bounds=[LOG_BOUNDS] * len(start), options={"maxiter": 1000, "ftol": 1e-12, "gtol": 1e-7})
    if not np.all(np.isfinite(result.x)) or result.fun >= 1e300:
        raise LaokeError(Message("The repurchase model could not be fitted to this shop's orders."))
    return np.exp(result.x)


def grouped(*columns: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
    """The distinct rows of these columns and how many buyers share each: the likelihood of a shop's 300,000
    buyers is that of far fewer distinct histories, each counted as often as it occurs."""
    rows, counts = np.unique(np.column_stack([np.asarray(column, dtype=np.float64) for column in columns]),
                             axis=0, return_counts=True)
    return [rows[:, index] for index in range(len(columns))], counts.astype(np.float64)


def fit_bg_nbd(x: np.ndarray, t_x: np.ndarray, T: np.ndarray,  # noqa: N803
               start: BgNbd | None = None) -> BgNbd:
    """The maximum-likelihood BG/NBD parameters for these buyers, searched from `start` when given (the
    shop's last fit: a day's new orders move the optimum little)."""
    (x, t_x, T), weight = grouped(x, t_x, T)  # noqa: N806
    scale = max(float(_weighted(T, weight) / weight.sum()), 1.0) if len(weight) else 1.0
    logs = np.log([start.r, start.alpha, start.a, start.b] if start else [1.0, scale, 1.0, 1.0])
    r, alpha, a, b = _minimise(_bg_nbd_objective, logs, (x, t_x, T, weight))
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


def _gamma_gamma_objective(logs: np.ndarray, x: np.ndarray, m: np.ndarray,
                           weight: np.ndarray) -> tuple[float, np.ndarray]:
    """The negative log-likelihood of repeat buyers grouped by (x, m), and its gradient in the log parameters."""
    from scipy.special import digamma

    p, q, v = np.exp(logs)
    each = gamma_gamma_log_likelihood(p, q, v, x, m)
    both = digamma(p * x + q)
    spent = np.log(x * m + v)
    d_p = x * (both - digamma(p * x) + np.log(m) + np.log(x) - spent)
    d_q = both - digamma(q) + np.log(v) - spent
    d_v = q / v - (p * x + q) / (x * m + v)
    return _finite(-_weighted(each, weight), -np.array([p, q, v]) * _weighted([d_p, d_q, d_v], weight))


def fit_gamma_gamma(x: np.ndarray, m: np.ndarray, start: GammaGamma | None = None) -> GammaGamma:
    """The maximum-likelihood Gamma-Gamma parameters, from repeat buyers only (x > 0, m > 0), searched from
    `start` when given."""
    keep = (np.asarray(x) > 0) & (np.asarray(m) > 0)
    (x, m), weight = grouped(np.asarray(x)[keep], np.asarray(m)[keep])
    # Fitted on values in units of their mean, so the bounds on v mean the same in yuan or in dollars (the
    # model is a scale family: v scales with the money, p and q do not).
    unit = float(_weighted(m, weight) / weight.sum()) if len(weight) else 1.0
    logs = np.log([start.p, start.q, start.v / unit] if start else [1.0, 1.0, 1.0])
    p, q, v = _minimise(_gamma_gamma_objective, logs, (x, m / unit, weight))
    return GammaGamma(float(p), float(q), float(v * unit))


def expected_order_value(model: GammaGamma, x: np.ndarray, m: np.ndarray) -> np.ndarray:
    """Each buyer's expected value of an order: the shop's mean pulled towards their own by their orders."""
    p, q, v = model.p, model.q, model.v
    return p * (v + x * m) / (p * x + q - 1)
