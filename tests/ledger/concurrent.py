"""Work for separate processes in the concurrency tests (importable by a spawned interpreter)."""
from __future__ import annotations


def open_and_ingest(url: str, numbers: list[int], barrier) -> list[str]:
    """Wait for the others, then open the (new) ledger and store the given extractions."""
    from detente.ledger import Ledger
    from tests.ledger.factories import make_extraction

    barrier.wait(timeout=60)
    with Ledger(url) as ledger:
        return [ledger.ingest(make_extraction(n)) for n in numbers]


class EveryQuote:
    """A stand-in extractor (no spaCy): one quote per quoted passage, so documents have many rows."""

    def pipe(self, documents, **_):
        from detente.records import Extraction, Quote, Speaker

        for doc in documents:
            quotes, start = [], doc.text.find('"')
            while start != -1:
                end = doc.text.find('"', start + 1)
                if end == -1:
                    break
                quotes.append(Quote(text=doc.text[start + 1:end], start=start + 1, end=end, kind="direct",
                                    speaker=Speaker(name=f"Speaker {len(quotes) % 3}", party="NONE")))
                start = doc.text.find('"', end + 1)
            yield Extraction(document=doc, quotes=quotes)


def write_articles(folder, numbers, quotes: int = 30) -> None:
    """Small articles of our own, ``quotes`` quoted passages each; the same number, the same text."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        body = " ".join(f'Delegate {q} of round {n} said "we met on day {q} of round {n}".' for q in range(quotes))
        (folder / f"round-{n:03d}.txt").write_text(f"Round {n} of talks\n\n{body}\n", encoding="utf-8")


def ingest_folders(url: str, *folders: str) -> None:
    """The ingest command's own loop with the stand-in extractor; one line per outcome, flushed."""
    from detente.ledger import Ledger
    from detente.ledger.intake import ingest_paths

    with Ledger(url) as ledger:
        for outcome in ingest_paths(list(folders), ledger, EveryQuote()):
            print(outcome.status, outcome.path, outcome.reason or "", flush=True)


if __name__ == "__main__":
    import sys

    ingest_folders(*sys.argv[1:])
