"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 13:32:29.257583
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('care_rules',
    sa.Column('key', sa.String(length=32), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('template', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_care_rules'))
    )
    op.create_table('column_mappings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('platform', sa.String(length=32), nullable=True),
    sa.Column('header_signature', sa.String(length=64), nullable=True),
    sa.Column('mapping', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_column_mappings')),
    sa.UniqueConstraint('name', name=op.f('uq_column_mappings_name'))
    )
    with op.batch_alter_table('column_mappings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_column_mappings_header_signature'), ['header_signature'], unique=False)

    op.create_table('customers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=32), nullable=True),
    sa.Column('platform_buyer_id', sa.String(length=128), nullable=True),
    sa.Column('nickname', sa.String(length=128), nullable=True),
    sa.Column('name', sa.String(length=128), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('phone_alt', sa.String(length=32), nullable=True),
    sa.Column('phone_last4', sa.String(length=4), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('wechat_id', sa.String(length=64), nullable=True),
    sa.Column('gender', sa.String(length=1), nullable=True),
    sa.Column('province', sa.String(length=32), nullable=True),
    sa.Column('city', sa.String(length=32), nullable=True),
    sa.Column('district', sa.String(length=32), nullable=True),
    sa.Column('address', sa.String(length=255), nullable=True),
    sa.Column('birthday_calendar', sa.String(length=5), nullable=True),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('birth_month', sa.Integer(), nullable=True),
    sa.Column('birth_day', sa.Integer(), nullable=True),
    sa.Column('birth_is_leap_month', sa.Boolean(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('is_vip', sa.Boolean(), nullable=False),
    sa.Column('do_not_contact', sa.Boolean(), nullable=False),
    sa.Column('dnc_reason', sa.String(length=255), nullable=True),
    sa.Column('dnc_since', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('order_count', sa.Integer(), nullable=False),
    sa.Column('paid_orders', sa.Integer(), nullable=False),
    sa.Column('total_spent', sa.BigInteger(), nullable=False),
    sa.Column('first_order_at', sa.DateTime(), nullable=True),
    sa.Column('first_paid_at', sa.DateTime(), nullable=True),
    sa.Column('last_order_at', sa.DateTime(), nullable=True),
    sa.Column('last_paid_at', sa.DateTime(), nullable=True),
    sa.Column('stage', sa.String(length=12), nullable=False),
    sa.Column('stage_since', sa.Date(), nullable=True),
    sa.Column('r_score', sa.Integer(), nullable=True),
    sa.Column('f_score', sa.Integer(), nullable=True),
    sa.Column('m_score', sa.Integer(), nullable=True),
    sa.Column('rfm_segment', sa.String(length=24), nullable=True),
    sa.Column('median_gap_days', sa.Float(), nullable=True),
    sa.Column('overdue', sa.Float(), nullable=True),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['merged_into_id'], ['customers.id'], name=op.f('fk_customers_merged_into_id_customers'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers'))
    )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index('ix_customers_birthday', ['birth_month', 'birth_day'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_city'), ['city'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_do_not_contact'), ['do_not_contact'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_is_vip'), ['is_vip'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_last_order_at'), ['last_order_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_last_paid_at'), ['last_paid_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_paid_orders'), ['paid_orders'], unique=False)
        batch_op.create_index('ix_customers_phone', ['phone'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_phone_last4'), ['phone_last4'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_platform'), ['platform'], unique=False)
        batch_op.create_index('ix_customers_platform_buyer', ['platform', 'platform_buyer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_province'), ['province'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_stage'), ['stage'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_total_spent'), ['total_spent'], unique=False)

    op.create_table('import_batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('file_hash', sa.String(length=64), nullable=False),
    sa.Column('preset', sa.String(length=64), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.Column('rows_read', sa.Integer(), nullable=False),
    sa.Column('rows_rejected', sa.Integer(), nullable=False),
    sa.Column('orders_new', sa.Integer(), nullable=False),
    sa.Column('orders_updated', sa.Integer(), nullable=False),
    sa.Column('orders_unchanged', sa.Integer(), nullable=False),
    sa.Column('customers_new', sa.Integer(), nullable=False),
    sa.Column('customers_matched', sa.Integer(), nullable=False),
    sa.Column('report', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batches'))
    )
    with op.batch_alter_table('import_batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_batches_file_hash'), ['file_hash'], unique=False)

    op.create_table('segments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('filters', sa.JSON(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_segments')),
    sa.UniqueConstraint('name', name=op.f('uq_segments_name'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('color', sa.String(length=9), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tags')),
    sa.UniqueConstraint('name', name=op.f('uq_tags_name'))
    )
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_audit_events_customer_id_customers'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_at'), ['at'], unique=False)

    op.create_table('contact_preference_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('do_not_contact', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.String(length=255), nullable=True),
    sa.Column('actor', sa.String(length=64), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_contact_preference_events_customer_id_customers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_preference_events'))
    )
    with op.batch_alter_table('contact_preference_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_preference_events_customer_id'), ['customer_id'], unique=False)

    op.create_table('customer_aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('platform', sa.String(length=32), nullable=False),
    sa.Column('value', sa.String(length=255), nullable=False),
    sa.Column('first_batch_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_aliases_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['first_batch_id'], ['import_batches.id'], name=op.f('fk_customer_aliases_first_batch_id_import_batches'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_aliases')),
    sa.UniqueConstraint('kind', 'platform', 'value', name=op.f('uq_customer_aliases_kind_platform_value'))
    )
    with op.batch_alter_table('customer_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_aliases_customer_id'), ['customer_id'], unique=False)

    op.create_table('customer_merges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kept_id', sa.Integer(), nullable=False),
    sa.Column('merged_id', sa.Integer(), nullable=False),
    sa.Column('moved', sa.JSON(), nullable=False),
    sa.Column('merged_at', sa.DateTime(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['kept_id'], ['customers.id'], name=op.f('fk_customer_merges_kept_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['merged_id'], ['customers.id'], name=op.f('fk_customer_merges_merged_id_customers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_merges'))
    )
    with op.batch_alter_table('customer_merges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_merges_kept_id'), ['kept_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_merges_merged_id'), ['merged_id'], unique=False)

    op.create_table('customer_tags',
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_tags_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['tags.id'], name=op.f('fk_customer_tags_tag_id_tags'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('customer_id', 'tag_id', name=op.f('pk_customer_tags'))
    )
    with op.batch_alter_table('customer_tags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_tags_tag_id'), ['tag_id'], unique=False)

    op.create_table('import_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=16), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=8), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batches.id'], name=op.f('fk_import_changes_batch_id_import_batches'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_changes'))
    )
    with op.batch_alter_table('import_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_changes_batch_id'), ['batch_id'], unique=False)

    op.create_table('notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_notes_customer_id_customers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notes'))
    )
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notes_customer_id'), ['customer_id'], unique=False)

    op.create_table('orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=32), nullable=False),
    sa.Column('platform_order_id', sa.String(length=64), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('status_raw', sa.String(length=64), nullable=True),
    sa.Column('total_amount', sa.BigInteger(), nullable=True),
    sa.Column('paid_amount', sa.BigInteger(), nullable=True),
    sa.Column('shipping_fee', sa.BigInteger(), nullable=True),
    sa.Column('refund_amount', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('paid_at', sa.DateTime(), nullable=True),
    sa.Column('shipped_at', sa.DateTime(), nullable=True),
    sa.Column('completed_at', sa.DateTime(), nullable=True),
    sa.Column('item_summary', sa.Text(), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=True),
    sa.Column('buyer_message', sa.Text(), nullable=True),
    sa.Column('seller_remark', sa.Text(), nullable=True),
    sa.Column('receiver_name', sa.String(length=128), nullable=True),
    sa.Column('receiver_phone', sa.String(length=32), nullable=True),
    sa.Column('receiver_address', sa.String(length=255), nullable=True),
    sa.Column('province', sa.String(length=32), nullable=True),
    sa.Column('city', sa.String(length=32), nullable=True),
    sa.Column('tracking_no', sa.String(length=64), nullable=True),
    sa.Column('shop_name', sa.String(length=128), nullable=True),
    sa.Column('content_hash', sa.String(length=40), nullable=True),
    sa.Column('import_batch_id', sa.Integer(), nullable=True),
    sa.Column('updated_batch_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_orders_customer_id_customers'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['import_batch_id'], ['import_batches.id'], name=op.f('fk_orders_import_batch_id_import_batches'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['updated_batch_id'], ['import_batches.id'], name=op.f('fk_orders_updated_batch_id_import_batches'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_orders')),
    sa.UniqueConstraint('platform', 'platform_order_id', name=op.f('uq_orders_platform_platform_order_id'))
    )
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_orders_created_at'), ['created_at'], unique=False)
        batch_op.create_index('ix_orders_customer_created', ['customer_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_import_batch_id'), ['import_batch_id'], unique=False)
        batch_op.create_index('ix_orders_platform_order_id', ['platform_order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_status'), ['status'], unique=False)

    op.create_table('stage_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=12), nullable=False),
    sa.Column('previous_stage', sa.String(length=12), nullable=True),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_stage_changes_customer_id_customers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stage_changes'))
    )
    with op.batch_alter_table('stage_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stage_changes_changed_on'), ['changed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_stage_changes_customer_id'), ['customer_id'], unique=False)

    op.create_table('care_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('rule_key', sa.String(length=32), nullable=False),
    sa.Column('dedupe_key', sa.String(length=128), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('channel', sa.String(length=16), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('snoozed_until', sa.Date(), nullable=True),
    sa.Column('skip_reason', sa.String(length=255), nullable=True),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_care_tasks_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_care_tasks_order_id_orders'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_tasks')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_care_tasks_dedupe_key'))
    )
    with op.batch_alter_table('care_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_tasks_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_care_tasks_due_date'), ['due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_care_tasks_status'), ['status'], unique=False)

    op.create_table('order_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('sub_order_id', sa.String(length=64), nullable=True),
    sa.Column('title', sa.String(length=255), nullable=True),
    sa.Column('sku', sa.String(length=255), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=True),
    sa.Column('unit_price', sa.BigInteger(), nullable=True),
    sa.Column('amount', sa.BigInteger(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=True),
    sa.Column('status_raw', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_lines_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_lines'))
    )
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_lines_order_id'), ['order_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_lines_order_id'))

    op.drop_table('order_lines')
    with op.batch_alter_table('care_tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_tasks_status'))
        batch_op.drop_index(batch_op.f('ix_care_tasks_due_date'))
        batch_op.drop_index(batch_op.f('ix_care_tasks_customer_id'))

    op.drop_table('care_tasks')
    with op.batch_alter_table('stage_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stage_changes_customer_id'))
        batch_op.drop_index(batch_op.f('ix_stage_changes_changed_on'))

    op.drop_table('stage_changes')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_orders_status'))
        batch_op.drop_index('ix_orders_platform_order_id')
        batch_op.drop_index(batch_op.f('ix_orders_import_batch_id'))
        batch_op.drop_index(batch_op.f('ix_orders_customer_id'))
        batch_op.drop_index('ix_orders_customer_created')
        batch_op.drop_index(batch_op.f('ix_orders_created_at'))

    op.drop_table('orders')
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notes_customer_id'))

    op.drop_table('notes')
    with op.batch_alter_table('import_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_changes_batch_id'))

    op.drop_table('import_changes')
    with op.batch_alter_table('customer_tags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_tags_tag_id'))

    op.drop_table('customer_tags')
    with op.batch_alter_table('customer_merges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_merges_merged_id'))
        batch_op.drop_index(batch_op.f('ix_customer_merges_kept_id'))

    op.drop_table('customer_merges')
    with op.batch_alter_table('customer_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_aliases_customer_id'))

    op.drop_table('customer_aliases')
    with op.batch_alter_table('contact_preference_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_preference_events_customer_id'))

    op.drop_table('contact_preference_events')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_at'))

    op.drop_table('audit_events')
    op.drop_table('tags')
    op.drop_table('settings')
    op.drop_table('segments')
    with op.batch_alter_table('import_batches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_batches_file_hash'))

    op.drop_table('import_batches')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customers_total_spent'))
        batch_op.drop_index(batch_op.f('ix_customers_stage'))
        batch_op.drop_index(batch_op.f('ix_customers_province'))
        batch_op.drop_index('ix_customers_platform_buyer')
        batch_op.drop_index(batch_op.f('ix_customers_platform'))
        batch_op.drop_index(batch_op.f('ix_customers_phone_last4'))
        batch_op.drop_index('ix_customers_phone')
        batch_op.drop_index(batch_op.f('ix_customers_paid_orders'))
        batch_op.drop_index(batch_op.f('ix_customers_last_paid_at'))
        batch_op.drop_index(batch_op.f('ix_customers_last_order_at'))
        batch_op.drop_index(batch_op.f('ix_customers_is_vip'))
        batch_op.drop_index(batch_op.f('ix_customers_do_not_contact'))
        batch_op.drop_index(batch_op.f('ix_customers_city'))
        batch_op.drop_index('ix_customers_birthday')

    op.drop_table('customers')
    with op.batch_alter_table('column_mappings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_column_mappings_header_signature'))

    op.drop_table('column_mappings')
    op.drop_table('care_rules')
