"""API tokens (hashed) for the REST API's writes, and indexes for its lists and facets

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Lists page by id within a filter, and the ledger's filters compare codes case-insensitively
# (``lower(party) = 'rus'``): an index on the lowered column ends in the row id, so
# ``WHERE lower(party) = ? AND id < ? ORDER BY id DESC`` walks one index instead of the table.
INDEXES = {
    "ix_claims_lower_party": ("claims", [sa.text("lower(party)")]),
    "ix_claims_lower_issue": ("claims", [sa.text("lower(issue)")]),
    "ix_claims_lower_party_issue": ("claims", [sa.text("lower(party)"), sa.text("lower(issue)")]),
    "ix_claims_lower_stance": ("claims", [sa.text("lower(stance)")]),
    "ix_claims_lower_source_type": ("claims", [sa.text("lower(source_type)")]),
    "ix_quotes_lower_speaker_party": ("quotes", [sa.text("lower(speaker_party)")]),
    "ix_events_lower_type": ("events", [sa.text("lower(type)")]),
}


def upgrade() -> None:
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
    )
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
    op.drop_table("api_tokens")
