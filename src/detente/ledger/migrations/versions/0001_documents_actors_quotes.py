"""documents, actors, quotes: the quotes foundation

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(128), primary_key=True),
        sa.Column("url", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("outlet", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("path", sa.Text()),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extras", sa.JSON()),
    )
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_table(
        "actors",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("name", sa.Text()),
        sa.Column("party", sa.String(16), nullable=False),
        sa.Column("role", sa.Text()),
    )
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(128), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("actor_ref", sa.String(200), sa.ForeignKey("actors.id")),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("cue", sa.Text()),
        sa.Column("speaker_name", sa.Text()),
        sa.Column("speaker_party", sa.String(16), nullable=False),
        sa.Column("speaker_role", sa.Text()),
        sa.Column("speaker_actor_id", sa.String(200)),
        sa.Column("speaker_start", sa.Integer()),
        sa.Column("speaker_end", sa.Integer()),
        sa.Column("extras", sa.JSON()),
    )
    op.create_index("ix_quotes_document_id", "quotes", ["document_id"])
    op.create_index("ix_quotes_actor_ref", "quotes", ["actor_ref"])
    op.create_index("ix_quotes_speaker_party", "quotes", ["speaker_party"])


def downgrade() -> None:
    op.drop_table("quotes")
    op.drop_table("actors")
    op.drop_table("documents")
