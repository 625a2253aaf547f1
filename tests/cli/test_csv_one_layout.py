"""One CSV layout per record kind: `detente <kind> --format csv`, `detente export` and the API's
download write the same columns and cells, and awkward text (commas, quotes, newlines) reads back."""
import csv
import datetime as dt
import io

import pytest
from fastapi.testclient import TestClient

from detente.api import create_app
from detente.codebook import Codebook
from detente.ledger import Ledger
from detente.records import Claim, Document, Event, Extraction, Location, Quote, Source, Speaker

AWKWARD = 'Moscow wants "all of it", the aide said,\nand then: "no less".'
TEXT = f"Talks, again\n\n{AWKWARD}"
START = TEXT.index(AWKWARD)
SPAN = {"start": START, "end": START + len(AWKWARD)}


@pytest.fixture
def awkward(run):
    """One quote, one claim and one event, each over text with commas, quotes and a newline."""
    doc = Document(id="doc-awkward", text=TEXT, title='Talks, "again"', published=dt.date(2026, 2, 6))
    extraction = Extraction(
        document=doc,
        quotes=[Quote(text=AWKWARD, kind="direct", speaker=Speaker(name="An aide, unnamed", party="RUS"), **SPAN)],
        claims=[Claim(party="RUS", issue="territory", stance="demand", summary='all, "every" bit', evidence=AWKWARD,
                      source=Source(type="official", chain=["aide, unnamed"]), hedges=['"said"'], **SPAN)],
        events=[Event(type="meeting", evidence=AWKWARD, locations=[Location(name="Moscow, Russia")], **SPAN)])
    with Ledger(run.db, codebook=Codebook.bundled()) as ledger:
        ledger.ingest(extraction)
    return run


@pytest.mark.parametrize("kind", ["quote", "claim", "event"])
def test_the_three_csv_paths_write_one_layout(awkward, tmp_path, kind):
    plural = f"{kind}s"
    shown = awkward(plural, "--format", "csv")
    assert shown.exit_code == 0, shown.output
    exported = tmp_path / f"{plural}.csv"
    assert awkward("export", "--to", str(exported), "--format", "csv", "--what", plural).exit_code == 0
    with Ledger(awkward.db) as ledger, TestClient(create_app(ledger)) as client:
        downloaded = client.get(f"/api/{plural}?format=csv").text
    sheets = [list(csv.reader(io.StringIO(text, newline=""))) for text in
              (shown.stdout, exported.read_text(encoding="utf-8"), downloaded)]
    assert sheets[0] == sheets[1] == sheets[2]
    [header, row] = sheets[0]
    assert header[:3] == ["id", "document_id", "published"] and {"start", "end", "review_status"} <= set(header)
    record = dict(zip(header, row))
    assert record["text" if kind == "quote" else "evidence"] == AWKWARD and record["title"] == 'Talks, "again"'
