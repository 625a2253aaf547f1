"""Several processes opening one new ledger at once: one creates the schema, all of them ingest."""
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

from detente.ledger import Ledger
from tests.ledger.concurrent import open_and_ingest

PROCESSES = 4


def test_processes_open_a_new_ledger_at_once_and_all_ingest(db_url):
    context = mp.get_context("fork")
    barrier = context.Manager().Barrier(PROCESSES)
    # overlapping work: every process stores 0 and 1, and two documents of its own
    work = [[0, 1, 10 + p, 20 + p] for p in range(PROCESSES)]
    with ProcessPoolExecutor(PROCESSES, mp_context=context) as pool:
        results = list(pool.map(open_and_ingest, [db_url] * PROCESSES, work, [barrier] * PROCESSES))
    shared = [r[:2] for r in results]
    assert all(r[2:] == ["added", "added"] for r in results)
    assert sorted(s for pair in shared for s in pair).count("added") == 2   # 0 and 1 stored once
    with Ledger(db_url) as ledger:
        assert ledger.counts() == {"documents": 2 + 2 * PROCESSES, "quote": 2 + 2 * PROCESSES,
                                   "claim": 2 + 2 * PROCESSES, "event": 2 + 2 * PROCESSES}
