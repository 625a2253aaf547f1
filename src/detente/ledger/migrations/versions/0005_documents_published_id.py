"""An index on the articles' date and id, for lists filtered by date

Revision ID: 0005
Revises: 0004
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Dated pages first looked up, per article in the range, its highest record id (now held in
# memory, ledger/spans.py); a narrow range still joins the articles in range, read from this index alone.
NAME = "ix_documents_published_id"


def upgrade() -> None:
    op.create_index(NAME, "documents", ["published", "id"])


def downgrade() -> None:
    op.drop_index(NAME, table_name="documents")
