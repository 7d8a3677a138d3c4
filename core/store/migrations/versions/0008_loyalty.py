"""member tiers and points, tag rules, repurchase forecast

Revision ID: 0008
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('member_tier', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('tier_since', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('points', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('p_alive', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('expected_90d', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('next_order_value', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('next_order_on', sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f('ix_customers_member_tier'), ['member_tier'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_points'), ['points'], unique=False)
    op.create_table(
        'tier_changes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('customer_id', sa.Integer(), nullable=False),
        sa.Column('tier', sa.String(length=32), nullable=True),
        sa.Column('previous_tier', sa.String(length=32), nullable=True),
        sa.Column('changed_on', sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(['customer_id'], ['customers.id'],
                                name=op.f('fk_tier_changes_customer_id_customers'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tier_changes')),
    )
    with op.batch_alter_table('tier_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tier_changes_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tier_changes_changed_on'), ['changed_on'], unique=False)
    op.create_table(
        'point_entries',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('customer_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=12), nullable=False),
        sa.Column('points', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=True),
        sa.Column('booked_on', sa.Date(), nullable=False),
        sa.Column('expires_on', sa.Date(), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['customer_id'], ['customers.id'],
                                name=op.f('fk_point_entries_customer_id_customers'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_point_entries')),
    )
    with op.batch_alter_table('point_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_point_entries_customer_id'), ['customer_id'], unique=False)
    op.create_table(
        'tag_rules',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('tag_id', sa.Integer(), nullable=False),
        sa.Column('match_all', sa.Boolean(), nullable=False),
        sa.Column('conditions', sa.JSON(), nullable=False),
        sa.Column('enabled', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['tag_id'], ['tags.id'], name=op.f('fk_tag_rules_tag_id_tags'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tag_rules')),
    )
    with op.batch_alter_table('tag_rules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tag_rules_tag_id'), ['tag_id'], unique=False)
    with op.batch_alter_table('customer_tags', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rule_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_customer_tags_rule_id'), ['rule_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_customer_tags_rule_id_tag_rules'), 'tag_rules', ['rule_id'],
                                    ['id'], ondelete='CASCADE')
    # A migration never imports feature code: tiers and points of an existing book are filled by the loyalty
    # wing right after the upgrade (core.refresh.finish_pending_rebuilds, which names this key).
    op.execute(sa.text(
        "INSERT INTO settings (key, value, updated_at) SELECT 'loyalty.pending', 'true', CURRENT_TIMESTAMP"
        " WHERE EXISTS (SELECT 1 FROM customers)"
    ))


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM settings WHERE key = 'loyalty.pending'"))
    with op.batch_alter_table('customer_tags', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_customer_tags_rule_id_tag_rules'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_customer_tags_rule_id'))
        batch_op.drop_column('rule_id')
    with op.batch_alter_table('tag_rules', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tag_rules_tag_id'))
    op.drop_table('tag_rules')
    with op.batch_alter_table('point_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_point_entries_customer_id'))
    op.drop_table('point_entries')
    with op.batch_alter_table('tier_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tier_changes_changed_on'))
        batch_op.drop_index(batch_op.f('ix_tier_changes_customer_id'))
    op.drop_table('tier_changes')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customers_points'))
        batch_op.drop_index(batch_op.f('ix_customers_member_tier'))
        batch_op.drop_column('next_order_on')
        batch_op.drop_column('next_order_value')
        batch_op.drop_column('expected_90d')
        batch_op.drop_column('p_alive')
        batch_op.drop_column('points')
        batch_op.drop_column('tier_since')
        batch_op.drop_column('member_tier')
