"""claims, events with their locations, and analysts' reviews

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _document_fk() -> sa.Column:
    return sa.Column("document_id", sa.String(128), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                     nullable=False)


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _document_fk(),
        sa.Column("party", sa.String(16), nullable=False),
        sa.Column("issue", sa.String(64), nullable=False),
        sa.Column("stance", sa.String(16), nullable=False),
        sa.Column("position", sa.Float()),
        sa.Column("position_anchor", sa.Text()),
        sa.Column("position_cues", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("source_type", sa.String(16), nullable=False),
        sa.Column("source_name", sa.Text()),
        sa.Column("source_chain", sa.JSON(), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("hedges", sa.JSON(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("extras", sa.JSON()),
    )
    op.create_index("ix_claims_document_id", "claims", ["document_id"])
    op.create_index("ix_claims_party", "claims", ["party"])
    op.create_index("ix_claims_issue", "claims", ["issue"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _document_fk(),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("actor", sa.Text()),
        sa.Column("date", sa.Date()),
        sa.Column("date_precision", sa.String(16), nullable=False),
        sa.Column("participants", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("extras", sa.JSON()),
    )
    op.create_index("ix_events_document_id", "events", ["document_id"])
    op.create_index("ix_events_type", "events", ["type"])
    op.create_table(
        "event_locations",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("geonameid", sa.Integer()),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("country", sa.String(8)),
        sa.Column("start", sa.Integer()),
        sa.Column("end", sa.Integer()),
        sa.Column("extras", sa.JSON()),
    )
    op.create_index("ix_event_locations_event_id", "event_locations", ["event_id"])
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("changes", sa.JSON()),
    )
    op.create_index("ix_reviews_kind_record", "reviews", ["kind", "record_id"])


def downgrade() -> None:
    op.drop_table("reviews")
    op.drop_table("event_locations")
    op.drop_table("events")
    op.drop_table("claims")
