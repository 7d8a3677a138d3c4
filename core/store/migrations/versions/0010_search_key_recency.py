"""search keys carry their buyer's last order; a digest per buyer of what their keys were made from

Revision ID: 0010
Revises: 0007

The ranking breaks ties by the last order: kept beside each key, a broad query's thousands of matches are
ranked without reading their customer rows. The digests let a refresh of every buyer skip the unchanged.
"""

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('customer_search_keys', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_order_at', sa.DateTime(), nullable=True))
    op.create_table(
        'customer_search_digests',
        sa.Column('customer_id', sa.Integer(), nullable=False),
        sa.Column('digest', sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(['customer_id'], ['customers.id'],
                                name=op.f('fk_customer_search_digests_customer_id_customers'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('customer_id', name=op.f('pk_customer_search_digests')),
    )
    # The keys are derived: the search wing writes them anew, with their last orders, right after the upgrade
    # (core.refresh.finish_pending_rebuilds names this key).
    op.execute(sa.text(
        "INSERT INTO settings (key, value, updated_at) SELECT 'search.keys_pending', 'true', CURRENT_TIMESTAMP"
        " WHERE EXISTS (SELECT 1 FROM customers)"
        " AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.keys_pending')"
    ))


def downgrade() -> None:
    op.drop_table('customer_search_digests')
    with op.batch_alter_table('customer_search_keys', schema=None) as batch_op:
        batch_op.drop_column('last_order_at')
