"""An index on the articles' date and id, for lists filtered by date

Revision ID: 0005
Revises: 0004
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# A dated page looks up, per article in the range, its highest record id (listing.keyset_rows):
# with the id in the index, the articles in range are read from the index alone.
NAME = "ix_documents_published_id"


def upgrade() -> None:
    op.create_index(NAME, "documents", ["published", "id"])


def downgrade() -> None:
    op.drop_index(NAME, table_name="documents")
