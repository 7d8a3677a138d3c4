"""tier changes say whether they went up; ledger entries name the reward used

Revision ID: 0015
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tier_changes', schema=None) as batch_op:
        # Kept changes from before this revision count as not upward: they never plan a 升级祝贺 task.
        batch_op.add_column(sa.Column('upward', sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table('point_entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reward', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('point_entries', schema=None) as batch_op:
        batch_op.drop_column('reward')
    with op.batch_alter_table('tier_changes', schema=None) as batch_op:
        batch_op.drop_column('upward')
