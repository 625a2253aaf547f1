"""Stand-in extractors: no spaCy, predictable output, and one that breaks like a buggy component."""
from __future__ import annotations

from detente.records import Extraction, Quote, Speaker


class OneQuoteExtractor:
    """Finds the first quoted passage of each document, so stored rows can be checked."""

    def pipe(self, documents, **_):
        for doc in documents:
            start = doc.text.find('"') + 1
            end = doc.text.find('"', start)
            quotes = []
            if 0 < start < end:
                quotes.append(Quote(text=doc.text[start:end], start=start, end=end, kind="direct",
                                    speaker=Speaker(name="Someone", party="NONE")))
            yield Extraction(document=doc, quotes=quotes)


class BreaksOnWord(OneQuoteExtractor):
    """Raises, like a buggy component would, on any article containing ``word``."""

    def __init__(self, word: str):
        self.word = word

    def extract(self, doc):
        return next(self.pipe([doc]))

    def pipe(self, documents, **_):
        for extraction in super().pipe(documents):
            if self.word in extraction.document.text:
                raise RuntimeError("component bug")
            yield extraction


def fill_three_quotes(ledger) -> None:
    """Three articles of one quote each, two Russian and one Ukrainian, on 1–3 February 2026."""
    import datetime as dt

    from tests.ledger.factories import make_extraction

    for n, party in enumerate(("RUS", "RUS", "UKR")):
        ledger.ingest(make_extraction(n, dt.date(2026, 2, 1 + n), party=party))
