"""reviews become an append-only hash chain: prev_hash and hash, no UPDATE or DELETE

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

from detente.ledger.chain import GENESIS, review_hash

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

REFUSED = "reviews are append-only: record a new review instead"
REVIEWS = sa.table("reviews", sa.column("id", sa.Integer), sa.column("kind", sa.String),
                   sa.column("record_id", sa.Integer), sa.column("action", sa.String),
                   sa.column("reviewer", sa.Text), sa.column("created_at", sa.DateTime(timezone=True)),
                   sa.column("note", sa.Text), sa.column("changes", sa.JSON),
                   sa.column("prev_hash", sa.String), sa.column("hash", sa.String))


def upgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(sa.Column("prev_hash", sa.String(64)))
        batch.add_column(sa.Column("hash", sa.String(64)))
    if not op.get_context().as_sql:  # a rendered script cannot hash rows it does not see
        _chain_existing_reviews(op.get_bind())
    with op.batch_alter_table("reviews") as batch:
        batch.alter_column("prev_hash", existing_type=sa.String(64), nullable=False)
        batch.alter_column("hash", existing_type=sa.String(64), nullable=False)
        # one successor per review: two writers appending at once cannot fork the chain
        batch.create_unique_constraint("uq_reviews_prev_hash", ["prev_hash"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""CREATE FUNCTION detente_reviews_append_only() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION '{REFUSED} (% refused)', TG_OP; END $$ LANGUAGE plpgsql""")
        op.execute("CREATE TRIGGER reviews_append_only BEFORE UPDATE OR DELETE ON reviews "
                   "FOR EACH ROW EXECUTE FUNCTION detente_reviews_append_only()")
        op.execute("CREATE TRIGGER reviews_no_truncate BEFORE TRUNCATE ON reviews "
                   "FOR EACH STATEMENT EXECUTE FUNCTION detente_reviews_append_only()")
    else:
        for what in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER reviews_no_{what.lower()} BEFORE {what} ON reviews "
                       f"BEGIN SELECT RAISE(ABORT, '{REFUSED} ({what} refused)'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER reviews_no_truncate ON reviews")
        op.execute("DROP TRIGGER reviews_append_only ON reviews")
        op.execute("DROP FUNCTION detente_reviews_append_only()")
    else:
        op.execute("DROP TRIGGER reviews_no_update")
        op.execute("DROP TRIGGER reviews_no_delete")
    with op.batch_alter_table("reviews") as batch:
        batch.drop_constraint("uq_reviews_prev_hash", type_="unique")
        batch.drop_column("hash")
        batch.drop_column("prev_hash")


def _chain_existing_reviews(connection) -> None:
    """Reviews written before the chain existed are chained in id order, as they stand today."""
    prev = GENESIS
    for review in connection.execute(sa.select(REVIEWS).order_by(REVIEWS.c.id)).all():
        digest = review_hash(review, prev)
        connection.execute(REVIEWS.update().where(REVIEWS.c.id == review.id).values(prev_hash=prev, hash=digest))
        prev = digest
