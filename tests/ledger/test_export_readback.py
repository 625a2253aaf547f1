"""Every export format is read back by a real reader and holds what the ledger holds."""
import csv
import json

import pyarrow.parquet as pq
import pytest

from detente.codebook import Codebook
from detente.errors import LedgerError
from detente.ledger.export import export
from tests.ledger.factories import make_extraction


@pytest.fixture
def filled(ledger):
    for n in range(3):
        ex = make_extraction(n)
        ex.events[0].actor = "Kirill Dmitriev"
        ledger.ingest(ex)
    ledger.review("claim", 2, "correct", "ann", {"party": "UKR"})
    ledger.review("quote", 3, "reject", "ann")
    return ledger


def test_csv_all_writes_one_file_per_kind(filled, tmp_path):
    paths = export(filled, tmp_path / "out", "csv")
    assert sorted(p.name for p in paths) == ["claims.csv", "events.csv", "quotes.csv"]
    with (tmp_path / "out" / "claims.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["party"] for r in rows] == ["RUS", "UKR", "RUS"]
    assert json.loads(rows[1]["review_original"]) == {"party": "RUS"}
    with (tmp_path / "out" / "quotes.csv").open(newline="", encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == 2  # the rejected quote is left out


def test_jsonl_lines_are_entries(filled, tmp_path):
    [path] = export(filled, tmp_path / "events.jsonl", "jsonl", what="events")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3
    assert lines[0]["locations"][0]["geonameid"] == 706483 and lines[0]["document_id"] == "doc-0000"


def test_parquet_reads_back_with_pyarrow(filled, tmp_path):
    [path] = export(filled, tmp_path / "claims.parquet", "parquet", what="claims")
    table = pq.read_table(path)
    assert table.num_rows == 3
    assert table.column("party").to_pylist() == ["RUS", "UKR", "RUS"]
    assert table.column("hedges").to_pylist()[0] == ["sources said"]


def test_empty_parquet_still_has_columns(ledger, tmp_path):
    [path] = export(ledger, tmp_path / "q.parquet", "parquet", what="quotes")
    table = pq.read_table(path)
    assert table.num_rows == 0 and "speaker_name" in table.column_names


def test_plover_events_and_claims(filled, tmp_path):
    [path] = export(filled, tmp_path / "plover.jsonl", "plover", codebook=Codebook.bundled())
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    events = [r for r in records if r["detente"]["kind"] == "event"]
    claims = [r for r in records if r["detente"]["kind"] == "claim"]
    assert len(events) == 3 and len(claims) == 3
    ev = events[0]
    assert ev["event_type"] == "ASSAULT" and ev["actor_qid"] == "Q19974209"
    assert ev["geolocation"] == {"name": "Kharkiv", "geonameid": 706483, "lat": 49.98, "lon": 36.25, "country": "UA"}
    assert ev["story_id"] == "doc-0000" and ev["event_date"] == "2026-02-06"
    assert ev["source_text"] == "A strike hit Kharkiv."
    assert claims[0]["event_type"] == "REQUEST" and claims[1]["actor"] == "UKR"
    assert claims[0]["detente"]["issue"] == "territory"


@pytest.mark.parametrize("fmt, what, message", [("xml", "all", "unknown export format"),
                                                ("plover", "quotes", "no place for quotes"),
                                                ("csv", "people", "cannot export")])
def test_bad_export_requests(ledger, tmp_path, fmt, what, message):
    with pytest.raises(LedgerError, match=message):
        export(ledger, tmp_path / "x", fmt, what=what)


def test_stream_pages_through_in_id_order(ledger):
    from detente.ledger import queries

    for n in range(5):
        ledger.ingest(make_extraction(n))
    ledger.review("quote", 4, "reject", "ann")
    with ledger._sessions() as session:
        ids = [e.id for e in queries.stream(session, "quote", page=2)]
    assert ids == [1, 2, 3, 5]
