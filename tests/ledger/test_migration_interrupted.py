"""A process killed half-way through creating a ledger's schema leaves nothing behind: the next
open migrates from scratch (on SQLite the driver used to commit each CREATE TABLE on its own)."""
import subprocess
import sys
import textwrap

from detente.ledger import Ledger

DIE_AFTER_SECOND_TABLE = textwrap.dedent("""
    import os, sys
    from alembic.operations import Operations
    from detente.ledger import db

    create, made = Operations.create_table, []
    def create_then_die(self, *args, **kwargs):
        table = create(self, *args, **kwargs)
        made.append(table)
        if len(made) == 2:
            os._exit(9)  # as abrupt as kill -9: no cleanup, no rollback from Python
        return table
    Operations.create_table = create_then_die
    db.upgrade(db.open_engine(sys.argv[1]))
""")


def test_a_migration_killed_half_way_leaves_a_ledger_that_opens(db_url):
    died = subprocess.run([sys.executable, "-c", DIE_AFTER_SECOND_TABLE, db_url], capture_output=True, text=True)
    assert died.returncode == 9, died.stderr
    with Ledger(db_url) as ledger:
        assert ledger.counts() == {"documents": 0, "quote": 0, "claim": 0, "event": 0}
