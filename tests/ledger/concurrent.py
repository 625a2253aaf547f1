"""Work for separate processes in the concurrency tests (importable by a spawned interpreter)."""
from __future__ import annotations


def open_and_ingest(url: str, numbers: list[int], barrier) -> list[str]:
    """Wait for the others, then open the (new) ledger and store the given extractions."""
    from detente.ledger import Ledger
    from tests.ledger.factories import make_extraction

    barrier.wait(timeout=60)
    with Ledger(url) as ledger:
        return [ledger.ingest(make_extraction(n)) for n in numbers]
