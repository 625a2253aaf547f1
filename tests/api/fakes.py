"""A stand-in extractor for API tests (no spaCy): one claim per article, from its first sentence."""
from __future__ import annotations

from detente.records import Claim, Extraction, Quote, Source, Speaker


class FirstSentenceExtractor:
    """A claim (RUS, territory, demand) on the first sentence after the title, and the first quoted passage."""

    def extract(self, doc):
        body = doc.text.find("\n") + 1 if "\n" in doc.text else 0
        while body < len(doc.text) and doc.text[body].isspace():
            body += 1
        end = doc.text.find(". ", body) + 1 or len(doc.text)
        claims = [Claim(party="RUS", issue="territory", stance="demand", summary="posted", evidence=doc.text[body:end],
                        start=body, end=end, source=Source(type="official"))] if end > body else []
        quotes = []
        start = doc.text.find('"') + 1
        stop = doc.text.find('"', start)
        if 0 < start < stop:
            quotes.append(Quote(text=doc.text[start:stop], start=start, end=stop, kind="direct",
                                speaker=Speaker(name="Someone", party="NONE")))
        return Extraction(document=doc, claims=claims, quotes=quotes)
