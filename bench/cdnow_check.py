"""Does Laoke's repurchase model reproduce the published fits on the CDNOW sample?

    python bench/cdnow_check.py

Fits BG/NBD to the 2,357 buyers' purchase days over the 39-week calibration period (1997-01-01 to
1997-09-30, in weeks, as the paper does) and Gamma-Gamma to their mean repeat values, prints the parameters
beside the published ones (BG/NBD r = 0.243, α = 4.414, a = 0.793, b = 2.426; Gamma-Gamma p = 6.25,
q = 3.74, γ = 15.44), the paper's example buyer, and the holdout check: predicted against actual repeat
purchases in the next 39 weeks per calibration frequency group. Exits 1 if a BG/NBD parameter is off at two
decimals. Data and where it came from: bench/data/SOURCES.md.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.loyalty.holdout import frequency_groups  # noqa: E402
from core.loyalty.predict import expected_purchases, fit_bg_nbd, fit_gamma_gamma  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
CALIBRATION_END = date(1997, 9, 30)
HOLDOUT_END = date(1998, 6, 30)
PUBLISHED = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
PUBLISHED_GAMMA_GAMMA = {"p": 6.25, "q": 3.74, "v": 15.44}


def purchase_days() -> dict[int, list[date]]:
    days: dict[int, set[date]] = defaultdict(set)
    for line in (DATA / "CDNOW_sample.txt").read_text().splitlines():
        _master, buyer, day, _cds, _dollars = line.split()
        days[int(buyer)].add(date(int(day[:4]), int(day[4:6]), int(day[6:])))
    return {buyer: sorted(found) for buyer, found in sorted(days.items())}


def weeks(start: date, end: date) -> float:
    return (end - start).days / 7


def main() -> int:
    days = purchase_days()
    x, t_x, T, holdout = [], [], [], []  # noqa: N806
    for found in days.values():
        calibration = [day for day in found if day <= CALIBRATION_END]
        x.append(len(calibration) - 1)
        t_x.append(weeks(calibration[0], calibration[-1]))
        T.append(weeks(calibration[0], CALIBRATION_END))
        holdout.append(sum(CALIBRATION_END < day <= HOLDOUT_END for day in found))
    x, t_x, T, holdout = (np.array(values, dtype=np.float64) for values in (x, t_x, T, holdout))  # noqa: N806
    print(f"{len(x):,} buyers, {int(x.sum()):,} repeat purchases in the calibration period")

    model = fit_bg_nbd(x, t_x, T)
    ok = True
    print("BG/NBD       fitted   published")
    for name, published in PUBLISHED.items():
        fitted = getattr(model, name)
        same = round(fitted, 2) == round(published, 2)
        ok &= same
        print(f"  {name:<8} {fitted:9.3f} {published:9.3f}  {'ok' if same else 'DIFFERS at two decimals'}")
    example = expected_purchases(model, 39, np.array([2.0]), np.array([30.43]), np.array([38.86]))[0]
    print(f"  buyer with x=2, t_x=30.43, T=38.86: {example:.3f} expected purchases in 39 weeks (paper: 1.226)")

    with (DATA / "cdnow_customers_summary_with_transactions.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    spend = fit_gamma_gamma(np.array([float(row["x"]) for row in rows]), np.array([float(row["zbar"]) for row in rows]))
    print("Gamma-Gamma  fitted   published")
    for name, published in PUBLISHED_GAMMA_GAMMA.items():
        print(f"  {name:<8} {getattr(spend, name):9.2f} {published:9.2f}")

    predicted = expected_purchases(model, weeks(CALIBRATION_END, HOLDOUT_END), x, t_x, T)
    print("Holdout (1997-10-01 to 1998-06-30): mean repeat purchases per buyer, by calibration repeats")
    print("  repeats  buyers  actual  predicted")
    for group in frequency_groups(x, holdout, predicted):
        label = "all" if group.repeats is None else f"{group.repeats}+" if group.repeats == 7 else str(group.repeats)
        print(f"  {label:>7} {group.buyers:7d} {group.actual:7.2f} {group.predicted:10.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
