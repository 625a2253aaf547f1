"""Extraction in worker processes, each document under a time budget, results in input order.

A document can stall its batch inside spaCy's C code, where no signal or thread can interrupt
it; a process can always be stopped. So each worker (a process that loads its pipeline once)
takes one document at a time, and the supervisor here waits for its answer at most ``budget``
seconds: past that, or if the worker dies, the worker is terminated and replaced, the document
comes out as an ``ExtractionFailure`` with the reason, and the batch goes on. One document at a
time costs nothing measurable: spaCy's small model parses no faster in batches. A parsed ``Doc``
is costly to send between processes, so whole extractions run in the worker.
"""
from __future__ import annotations

import multiprocessing as mp
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from detente.errors import ExtractionError
from detente.records import Document, Extraction, ExtractionFailure


def pipe_supervised(extractor, documents: Iterable[Document], workers: int = 1,
                    budget: float | None = None) -> Iterator[Extraction | ExtractionFailure]:
    """``Extractor.pipe`` over ``workers`` processes; ``budget`` seconds per document (None: no
    limit). Memory stays flat: at most ``4 × workers`` documents are read ahead of the output."""
    args = (extractor.codebook, extractor.model, extractor.components, extractor.issue_classifier,
            extractor.claim_model)
    pool = _Pool(args, max(1, workers))
    window = 4 * max(1, workers)
    todo = enumerate(documents)
    done: dict[int, Extraction | ExtractionFailure] = {}
    next_out, exhausted = 0, False
    try:
        while True:
            while not exhausted and pool.idle() and len(done) + pool.busy() < window:
                item = next(todo, None)
                if item is None:
                    exhausted = True
                else:
                    pool.idle()[0].send(*item)
            if exhausted and not pool.busy():
                break
            done.update(pool.collect(budget))
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1
    finally:
        pool.close()


@dataclass
class _Worker:
    process: mp.Process
    conn: Connection
    task: tuple[int, Document] | None = None
    since: float = 0.0
    ready: bool = False  # the pipeline is loaded: the budget never counts loading

    def send(self, seq: int, document: Document) -> None:
        self.task, self.since = (seq, document), time.monotonic()
        self.conn.send((seq, document))


@dataclass
class _Pool:
    args: tuple
    size: int
    workers: list[_Worker] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.context = mp.get_context("spawn")  # no fork of a process holding a parsed model
        self.workers = [self._start() for _ in range(self.size)]

    def _start(self) -> _Worker:
        here, there = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(there, *self.args), daemon=True)
        process.start()
        there.close()
        return _Worker(process, here)

    def idle(self) -> list[_Worker]:
        return [w for w in self.workers if w.ready and w.task is None]

    def busy(self) -> int:
        return sum(w.task is not None for w in self.workers)

    def collect(self, budget: float | None) -> dict[int, Extraction | ExtractionFailure]:
        """Results that arrive before the earliest deadline; overdue or dead workers replaced."""
        working = [w for w in self.workers if w.task is not None]
        loading = [w for w in self.workers if not w.ready]
        timeout = None
        if budget and working:
            timeout = max(0.0, min(w.since for w in working) + budget - time.monotonic())
        watched = working + loading
        ready = wait([w.conn for w in watched] + [w.process.sentinel for w in watched], timeout)
        for w in loading:
            if w.conn in ready:
                try:
                    w.ready = w.conn.recv() == (-1, None)
                except (EOFError, OSError):
                    pass
            if not w.ready and w.process.sentinel in ready:
                raise ExtractionError(f"an extraction worker could not start ({_died(w.process)})")
        out: dict[int, Extraction | ExtractionFailure] = {}
        for w in working:
            if w.conn in ready:
                try:
                    seq, result = w.conn.recv()
                except (EOFError, OSError):
                    out.update(self._replace(w, _died(w.process)))
                    continue
                if isinstance(result, str):
                    result = ExtractionFailure(document=w.task[1], reason=result)
                out[seq], w.task = result, None
            elif w.process.sentinel in ready:
                out.update(self._replace(w, _died(w.process)))
            elif budget and time.monotonic() - w.since >= budget:
                out.update(self._replace(w, f"extraction took longer than {budget:g} s"))
        return out

    def _replace(self, w: _Worker, reason: str) -> dict[int, ExtractionFailure]:
        seq, document = w.task
        _stop(w)
        self.workers[self.workers.index(w)] = self._start()
        return {seq: ExtractionFailure(document=document, reason=reason)}

    def close(self) -> None:
        for w in self.workers:
            if w.task is None and w.process.is_alive():
                try:
                    w.conn.send(None)
                except OSError:
                    pass
        for w in self.workers:
            w.process.join(timeout=5 if w.task is None else 0)
            _stop(w)


def _stop(w: _Worker) -> None:
    if w.process.is_alive():
        w.process.terminate()
        w.process.join(timeout=5)
        if w.process.is_alive():
            w.process.kill()
            w.process.join()
    w.conn.close()


def _died(process: mp.Process) -> str:
    process.join(timeout=1)
    return f"the extraction process stopped (exit code {process.exitcode})"


def _serve(conn: Connection, codebook, model: str, components: tuple[str, ...],
           issue_classifier: str | None, claim_model=None) -> None:
    """A worker: load the pipeline once, then extract documents one at a time until told to stop.
    An exception is the document's failure, sent back as its reason."""
    from detente.extract.pipeline import Extractor

    extractor = Extractor(codebook=codebook, components=components, issue_classifier=issue_classifier,
                          model=model, claim_model=claim_model)
    from detente.extract.places.gazetteer import country_alpha3, gazetteer

    extractor.nlp  # noqa: B018  load what loads once before the first document's clock starts
    gazetteer(), country_alpha3()
    conn.send((-1, None))
    for message in iter(conn.recv, None):
        seq, document = message
        try:
            result = extractor.extract(document)
        except Exception as exc:  # noqa: BLE001  one document's failure, not the worker's
            result = f"extraction failed ({type(exc).__name__}: {exc})"
        conn.send((seq, result))
