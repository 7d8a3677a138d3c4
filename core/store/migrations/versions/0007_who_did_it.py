"""who did it (the rep who worked a care task, merged two buyers, ran an import), and a change counter

Revision ID: 0007
Revises: 0008

On PostgreSQL each rep logs in as a role of their own, and triggers write `session_user` into these columns
and into `notes.author` and `audit_events.actor`, whatever the client sends: a rep cannot sign as another.
On SQLite (one laptop) the columns stay empty.

Also on PostgreSQL: every statement that changes buyers, their tags or notes, orders or care tasks draws a
number from the sequence `laoke_changes`, so an open window learns another rep changed something by reading
one value (sequences take no locks and never make writers wait for each other).
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0008'
branch_labels = None
depends_on = None

# (table, column, when): the column gets session_user on INSERT, or on UPDATE when the condition holds.
STAMPED = [
    ("notes", "author", "INSERT"),
    ("audit_events", "actor", "INSERT"),
    ("import_batches", "imported_by", "INSERT"),
    ("customer_merges", "merged_by", "INSERT"),
    ("care_tasks", "worked_by", "UPDATE OF status"),
]
COUNTED = ("customers", "customer_tags", "notes", "orders", "care_tasks")
NEW_COLUMNS = [table_column for table_column in STAMPED if table_column[1] not in ("author", "actor")]

STAMP_FUNCTION = """
CREATE OR REPLACE FUNCTION laoke_stamp_who() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- TG_ARGV[0] names the column; jsonb lets one function serve every table.
    IF TG_OP = 'INSERT' OR (to_jsonb(NEW) ->> 'status') IS DISTINCT FROM (to_jsonb(OLD) ->> 'status') THEN
        NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], session_user::text));
    ELSE
        NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], to_jsonb(OLD) -> TG_ARGV[0]));
    END IF;
    RETURN NEW;
END $$
"""


def upgrade() -> None:
    for table, column, _when in NEW_COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column(column, sa.String(length=64), nullable=True))
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(STAMP_FUNCTION)
    for table, column, when in STAMPED:
        # Every change of the row keeps the column as stamped: an UPDATE cannot rewrite who did it.
        events = "INSERT OR UPDATE" if when == "INSERT" else "UPDATE"
        op.execute(f"CREATE TRIGGER stamp_{table}_{column} BEFORE {events} ON {table} FOR EACH ROW"
                   f" EXECUTE FUNCTION laoke_stamp_who('{column}')")
    op.execute("CREATE SEQUENCE laoke_changes")
    op.execute("CREATE OR REPLACE FUNCTION laoke_count_change() RETURNS trigger LANGUAGE plpgsql AS $$"
               " BEGIN PERFORM nextval('laoke_changes'); RETURN NULL; END $$")
    for table in COUNTED:
        op.execute(f"CREATE TRIGGER count_{table}_changes AFTER INSERT OR UPDATE OR DELETE ON {table}"
                   " FOR EACH STATEMENT EXECUTE FUNCTION laoke_count_change()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in COUNTED:
            op.execute(f"DROP TRIGGER IF EXISTS count_{table}_changes ON {table}")
        op.execute("DROP FUNCTION IF EXISTS laoke_count_change()")
        op.execute("DROP SEQUENCE IF EXISTS laoke_changes")
        for table, column, _when in STAMPED:
            op.execute(f"DROP TRIGGER IF EXISTS stamp_{table}_{column} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS laoke_stamp_who()")
    for table, column, _when in reversed(NEW_COLUMNS):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column(column)
