"""API tokens (hashed) for the REST API's writes, and indexes for its lists and facets

Revision ID: 0004
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None

# Lists page by id within a filter (an index on a column ends in the row id, so
# ``WHERE party = ? AND id < ? ORDER BY id DESC`` walks one index); facets group by one column
# under another's filter, which the two-column indexes answer without reading the table.
INDEXES = {
    "ix_claims_stance": ("claims", ["stance"]),
    "ix_claims_source_type": ("claims", ["source_type"]),
    "ix_claims_party_issue": ("claims", ["party", "issue", "stance", "source_type"]),
    "ix_claims_issue_party": ("claims", ["issue", "party", "stance", "source_type"]),
    "ix_documents_outlet": ("documents", ["outlet"]),
    "ix_quotes_kind": ("quotes", ["kind"]),
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
