"""search keys say what they are of their buyer, so the best match comes first

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def _create_keys_table(with_kind: bool) -> None:
    kind = [sa.Column('kind', sa.SmallInteger(), nullable=False)] if with_kind else []
    op.create_table(
        'customer_search_keys',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('customer_id', sa.Integer(), nullable=False),
        *kind,
        sa.ForeignKeyConstraint(['customer_id'], ['customers.id'],
                                name=op.f('fk_customer_search_keys_customer_id_customers'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('key', 'customer_id', name=op.f('pk_customer_search_keys')),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table('customer_search_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_search_keys_customer_id'), ['customer_id'], unique=False)


def _rebuild_keys(with_kind: bool) -> None:
    # The keys are derived: dropped, and the search wing computes them anew right after the upgrade, with the
    # platform accounts the aliases hold and the reversed phones and order numbers (core.refresh names this key).
    with op.batch_alter_table('customer_search_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_search_keys_customer_id'))
    op.drop_table('customer_search_keys')
    _create_keys_table(with_kind)
    op.execute(sa.text(
        "INSERT INTO settings (key, value, updated_at) SELECT 'search.keys_pending', 'true', CURRENT_TIMESTAMP"
        " WHERE EXISTS (SELECT 1 FROM customers)"
        " AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.keys_pending')"
    ))


def upgrade() -> None:
    _rebuild_keys(with_kind=True)


def downgrade() -> None:
    _rebuild_keys(with_kind=False)
