"""Extractor.pipe over several processes gives the same records, in input order."""
from detente.extract import Extractor
from detente.records import Document

TEXTS = [
    "“We see progress,” Kirill Dmitriev said on Friday.",
    "Nothing was said today.",
    "Sergey Lavrov said that Moscow would not accept foreign troops.",
]


def test_workers_keep_input_order_and_results(nlp):
    docs = [Document(id=f"d{k}", text=t) for k, t in enumerate(TEXTS)]
    extractor = Extractor(nlp=nlp, components=("quotes",))
    serial = [e.contract() for e in extractor.pipe(docs)]
    parallel = [e.contract() for e in extractor.pipe(iter(docs), workers=2, batch_size=1)]
    assert [p["document"]["id"] for p in parallel] == ["d0", "d1", "d2"]
    assert parallel == serial
