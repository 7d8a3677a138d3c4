"""orders keep the number a shop shows beside the key that is unique across shops

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every Shopify store numbers its orders from #1001: the key becomes the export's global Id and the
    # name (#1001) is kept to show. Orders imported before keep their name as their key (order_name empty);
    # the importer adopts such an order when its store's export names it again.
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('order_name', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_column('order_name')
