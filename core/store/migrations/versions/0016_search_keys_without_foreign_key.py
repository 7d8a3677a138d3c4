"""the search keys carry no foreign key: an index of the customers, deleted with them by their owner

Revision ID: 0016
Revises: 0010

Checking every key row against the customers cost more than computing the keys (1.0 of the 1.7 s a first
import of 50,000 orders spent copying its 440,000 keys into the index). The keys stay as they were: on
SQLite the table is copied into one without the constraint (SQLite cannot drop one in place), on
PostgreSQL the constraint is dropped, which keeps the reps' grants on the table.
"""

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0010'
branch_labels = None
depends_on = None

FOREIGN_KEY = 'fk_customer_search_keys_customer_id_customers'
COLUMNS = 'key, customer_id, kind, last_order_at'


def _copy_into_new_table(references: str) -> None:
    """SQLite: the keys moved into a table made anew (`references`: the customer column's constraint, or '')."""
    op.execute(sa.text(
        "CREATE TABLE customer_search_keys_new ("
        " key VARCHAR(64) NOT NULL, customer_id INTEGER NOT NULL" + references + ","
        " kind SMALLINT NOT NULL, last_order_at DATETIME,"
        " CONSTRAINT pk_customer_search_keys PRIMARY KEY (key, customer_id)) WITHOUT ROWID"
    ))
    op.execute(sa.text(f"INSERT INTO customer_search_keys_new ({COLUMNS}) SELECT {COLUMNS} FROM customer_search_keys"))
    op.drop_table('customer_search_keys')
    op.rename_table('customer_search_keys_new', 'customer_search_keys')
    op.create_index('ix_customer_search_keys_customer_id', 'customer_search_keys', ['customer_id'])


def upgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        _copy_into_new_table('')
    else:
        op.drop_constraint(FOREIGN_KEY, 'customer_search_keys', type_='foreignkey')


def downgrade() -> None:
    # Keys of customers deleted since would break the constraint: they are left behind.
    op.execute(sa.text("DELETE FROM customer_search_keys WHERE customer_id NOT IN (SELECT id FROM customers)"))
    if op.get_bind().dialect.name == 'sqlite':
        _copy_into_new_table(f' CONSTRAINT {FOREIGN_KEY} REFERENCES customers (id) ON DELETE CASCADE')
    else:
        op.create_foreign_key(FOREIGN_KEY, 'customer_search_keys', 'customers', ['customer_id'], ['id'],
                              ondelete='CASCADE')
