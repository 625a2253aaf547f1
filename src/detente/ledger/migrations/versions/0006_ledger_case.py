"""The case a ledger holds: its codebook, recorded at the first ingest

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ledger_case",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("case", sa.String(128), nullable=False),
        sa.Column("codebook", sa.JSON(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("ledger_case")
