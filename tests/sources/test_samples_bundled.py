"""The bundled samples exercise every reader and all read cleanly."""
from detente.records import Document
from detente.sources import READERS, iter_documents, sample_paths
from detente.sources.reader import EXTENSIONS


def test_samples_cover_every_format_and_read_without_failures():
    paths = sample_paths()
    assert {EXTENSIONS[p.suffix] for p in paths} == set(READERS)
    items = list(iter_documents(paths))
    assert all(isinstance(i, Document) for i in items)
    assert len(items) == len({i.id for i in items}) >= len(paths)


def test_seed_sample_is_the_shared_seed(shared_dir):
    seed = shared_dir / "seed" / "kremlin-de-jure-2026-02-06.txt"
    bundled = [p for p in sample_paths() if p.name == seed.name]
    assert bundled and bundled[0].read_bytes() == seed.read_bytes()
