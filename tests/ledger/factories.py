"""Small hand-built extractions for ledger and CLI tests."""
from __future__ import annotations

import datetime as dt

from detente.records import Claim, Document, Event, Extraction, Location, Quote, Source, Speaker

TEXT = ('Kremlin spokesman Dmitry Peskov said: "We see progress." '
        "Sources said Moscow wants recognition. A strike hit Kharkiv.")


def make_extraction(n: int = 0, published: dt.date | None = dt.date(2026, 2, 6), *,
                    speaker: str = "Dmitry Peskov", party: str = "RUS") -> Extraction:
    """A document with one quote, one claim and one event; ``n`` makes the text (and id) distinct."""
    text = f"{TEXT} ({n})"
    doc = Document(id=f"doc-{n:04d}", text=text, title=f"Article {n}", url=f"https://example.org/{n}",
                   outlet="Example", published=published, path=f"/tmp/{n}.txt")
    quote = Quote(text="We see progress.", start=39, end=55, kind="direct", cue="said",
                  speaker=Speaker(name=speaker, party=party, role="spokesman", start=18, end=31))
    claim = Claim(party="RUS", issue="territory", stance="demand", position=100.0, summary="Russia wants recognition",
                  evidence="Sources said Moscow wants recognition.", start=57, end=95,
                  source=Source(type="anonymous", name=None, chain=["sources"]), hedged=True, hedges=["sources said"])
    event = Event(type="strike", locations=[Location(name="Kharkiv", geonameid=706483, lat=49.98, lon=36.25,
                                                     country="UA")],
                  date=published, date_precision="day", evidence="A strike hit Kharkiv.", start=96, end=117)
    return Extraction(document=doc, quotes=[quote], claims=[claim], events=[event])
