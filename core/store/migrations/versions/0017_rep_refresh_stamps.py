"""team servers let reps keep the refresh stamps

Revision ID: 0017
Revises: 0016

No table changes. A refresh of every buyer now keeps two derived settings, `search.sources_stamp` and
`forecast.stamp`, which a rep's imports and edits clear and write like the other derived ones. On a team server
reps may write only the settings its row-level policy names, and the policy is made anew around every upgrade
(core.store.server.privileges_kept_across_upgrade, from REP_SETTINGS): this revision is that upgrade for
servers already at 0016.
"""

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
