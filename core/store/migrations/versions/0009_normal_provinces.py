"""provinces in one normal form in books imported before imports normalised them

Revision ID: 0009
Revises: 0007

Imports now store 浙江省 whether the sheet said 浙江 or 浙江省, and read province, city and district from a
Taobao or JD address string. Older books hold 浙江 beside 浙江省 (two provinces in the filters and figures) and
no province at all for buyers whose export gave only the address string; this brings both to the new form.
The division table is the floor's (core.addresses), which every layer may read; no feature code runs here.
"""

import sqlalchemy as sa
from alembic import op

from core.addresses import division_of

revision = '0009'
down_revision = '0007'
branch_labels = None
depends_on = None

customers = sa.table('customers', sa.column('id', sa.Integer), sa.column('province', sa.String),
                     sa.column('city', sa.String), sa.column('district', sa.String),
                     sa.column('address', sa.String))
orders = sa.table('orders', sa.column('id', sa.Integer), sa.column('province', sa.String),
                  sa.column('city', sa.String), sa.column('receiver_address', sa.String))


def _normalise(table: sa.TableClause, address: sa.ColumnClause, levels: tuple[str, ...]) -> None:
    connection = op.get_bind()
    columns = [table.c[level] for level in levels]
    rows = connection.execute(sa.select(table.c.id, *columns, address)).all()
    changed = []
    for row in rows:
        stored = dict(zip(levels, row[1:-1], strict=True))
        division = division_of(stored.get('province'), stored.get('city'), stored.get('district'), row[-1])
        normal = {level: getattr(division, level) for level in levels}
        # Cut to the columns' width: an address's first word is not always a division name.
        normal = {level: value[:32] if value else value for level, value in normal.items()}
        if normal != stored:
            changed.append({'row_id': row[0], **normal})
    if changed:
        statement = table.update().where(table.c.id == sa.bindparam('row_id'))
        connection.execute(statement.values({level: sa.bindparam(level) for level in levels}), changed)


def upgrade() -> None:
    _normalise(customers, customers.c.address, ('province', 'city', 'district'))
    _normalise(orders, orders.c.receiver_address, ('province', 'city'))


def downgrade() -> None:
    pass  # the normal form is what the older code would have stored for the same sheets; nothing to undo
