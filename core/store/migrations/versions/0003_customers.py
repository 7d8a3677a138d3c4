"""customer search keys

Revision ID: 0003
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'customer_search_keys',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('customer_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['customer_id'], ['customers.id'],
                                name=op.f('fk_customer_search_keys_customer_id_customers'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('key', 'customer_id', name=op.f('pk_customer_search_keys')),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table('customer_search_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_search_keys_customer_id'), ['customer_id'], unique=False)
    # The list leaves merged-away buyers out by this index, without reading each row of a million.
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customers_merged_into_id'), ['merged_into_id'], unique=False)
    # A migration never imports feature code: an existing book is marked, and the search wing fills its keys
    # right after the upgrade (core.refresh.finish_pending_rebuilds, which names this key).
    op.execute(sa.text(
        "INSERT INTO settings (key, value, updated_at) SELECT 'search.keys_pending', 'true', CURRENT_TIMESTAMP"
        " WHERE EXISTS (SELECT 1 FROM customers)"
    ))


def downgrade() -> None:
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customers_merged_into_id'))
    with op.batch_alter_table('customer_search_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_search_keys_customer_id'))
    op.drop_table('customer_search_keys')
