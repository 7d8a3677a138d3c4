"""Stage history rebuilt from the orders, for a shop whose orders arrived all at once (the demo shop, or a
first import of two years of sheets): without it every buyer's history would start on the import day.

Stages are evaluated at each month's end; a change is recorded on the month end where it is first seen.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from sqlalchemy import Connection, bindparam, delete, insert, select

from core.figures.insights import StageClock, month_end_day, month_index
from core.figures.lifecycle import STAGES, load_thresholds
from core.figures.order_facts import NONE, day_number, load_customers_known, load_order_facts
from core.store.bulk import execute_rows, stores_dates_as_text, update_by_id
from core.store.models import Customer, StageChange

HISTORY_MONTHS = 24


def rebuild_stage_history(connection: Connection, as_of: date | None = None, months: int = HISTORY_MONTHS) -> int:
    """Replace the stage history with one recomputed at the last `months` month ends and at `as_of`.

    Also sets each customer's stage and stage_since to match. Returns how many changes were recorded.
    """
    as_of = as_of or date.today()
    end = day_number(as_of)
    ids, known = load_customers_known(connection)
    clock = StageClock(load_order_facts(connection, as_of), ids, known, load_thresholds(connection))
    last_month = int(month_index(end))
    days = [month_end_day(month) for month in range(last_month - months, last_month)] + [end]
    previous = np.full(len(ids), NONE, dtype=np.int8)
    since = np.full(len(ids), NONE, dtype=np.int64)
    records: list[tuple[int, str, str | None, int]] = []
    for day in days:
        stages = clock.stages(day)
        moved = np.flatnonzero((stages != previous) & (stages != NONE))
        records.extend(
            (customer_id, str(STAGES[stage]), None if before == NONE else str(STAGES[before]), day)
            for customer_id, stage, before in zip(ids[moved].tolist(), stages[moved].tolist(),
                                                  previous[moved].tolist(), strict=True)
        )
        since[moved] = day
        previous = stages
    connection.execute(delete(StageChange))
    as_text = stores_dates_as_text(connection)

    def stored(day: int) -> object:
        value = np.datetime64(day, "D")
        return str(value) if as_text else value.astype(object)

    names = ["customer_id", "stage", "previous_stage", "changed_on"]
    execute_rows(connection, insert(StageChange).values({name: bindparam(name) for name in names}), names,
                 ((*record[:3], stored(record[3])) for record in records))
    current = np.flatnonzero(previous != NONE)
    update_by_id(connection, Customer.__table__, ["stage", "stage_since"],  # type: ignore[arg-type]
                 ((str(STAGES[stage]), stored(day), customer_id) for customer_id, stage, day in
                  zip(ids[current].tolist(), previous[current].tolist(), since[current].tolist(), strict=True)))
    return len(records)


def stage_history_of(connection: Connection, customer_id: int) -> list[tuple[date, str | None, str]]:
    """One customer's stage changes, oldest first, as (day, previous stage, stage): for the customer detail."""
    rows = connection.execute(
        select(StageChange.changed_on, StageChange.previous_stage, StageChange.stage)
        .where(StageChange.customer_id == customer_id)
        .order_by(StageChange.changed_on, StageChange.id)
    ).all()
    return [(row.changed_on, row.previous_stage, row.stage) for row in rows]
