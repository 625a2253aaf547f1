"""``Ledger``: the one object other stages use to store and query what detente read."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from detente import settings
from detente.codebook import Codebook
from detente.errors import LedgerError
from detente.ledger import case, chain, db, listing, queries, reviews, store, tokens
from detente.ledger.checks import check_record
from detente.ledger.entries import (ENTRY, RECORD, ClaimEntry, EventEntry, History, LedgerSummary, QuoteEntry, Review,
                                    Verification)
from detente.ledger.filters import AnyOf, Filter, Place, dates
from detente.ledger.models import ROWS, ActorRow, DocumentRow, QuoteRow, ReviewRow
from detente.ledger.rows import document_from_row, record_data
from detente.ledger.summary import summarize
from detente.ledger.spans import ArticleSpans
from detente.ledger.tally import ClaimTally
from detente.records import Document, Extraction

KINDS = tuple(ENTRY)
APPEND_TRIES = 5


class Ledger:
    """A ledger database, migrated to the newest schema on open.

    ``url``: any SQLAlchemy URL or an SQLite file path (default: ``detente.settings.database_url``).
    ``codebook`` (optional): the case to read with, which lets ``quotes(speaker=...)`` match every
    spelling of a known actor. The first ingest records the case (``ledger/case.py``); opened
    later without one, the ledger reads with the recorded case, and with another case it refuses.
    """

    def __init__(self, url: str | None = None, codebook: Codebook | None = None):
        url = settings.database_url(url)
        self.url = url
        self.engine = db.open_engine(url)
        db.upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        held = case.recorded(self._sessions)
        if codebook is not None:
            case.check(codebook.case, held)
        self.codebook = codebook or held
        self._case_kept = held is not None and codebook is None
        self._tally = ClaimTally()  # claim counts for facets, built on first use
        self._spans = {kind: ArticleSpans(kind) for kind in KINDS}  # dated pages' index, built on first use

    def with_default_case(self) -> "Ledger":
        """Read with the default case where no case was recorded yet (a new ledger, or one filled
        before cases were recorded, which was filled with it)."""
        if self.codebook is None:
            self.codebook = settings.codebook()
        return self

    def session(self):
        """A read session for analysis queries that group in SQL (``with ledger.session() as s:``)."""
        return self._sessions()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------
    def has(self, document_id: str) -> bool:
        with self._sessions() as session:
            return session.get(DocumentRow, document_id) is not None

    def ingest(self, extraction: Extraction) -> store.Outcome:
        """``"added"``, or ``"skipped"`` when the document (same content hash) is already stored."""
        if extraction.case is not None:  # read with another case than the ledger's: refused
            self.codebook = case.for_extraction(extraction.case, self.codebook)
        if not self._case_kept:
            self.codebook = self.codebook or settings.codebook()
            case.record(self._sessions, self.codebook)
            self._case_kept = True
        return store.ingest(self._sessions, extraction)

    def ingest_many(self, extractions: Iterable[Extraction]) -> Iterator[tuple[Document, store.Outcome]]:
        for extraction in extractions:
            yield extraction.document, self.ingest(extraction)

    def date_article(self, document_id: str, published: dt.date) -> bool:
        """Give an article stored undated its publication date; True when it was undated.

        Its records take their date from it, so its claims enter positions over time; an article
        with a date keeps it (False). One conditional update, so two writers cannot both date it;
        the row keeps when it was dated (``extras["dated"]``): a date given later, not read."""
        with self._sessions() as session:  # a read first: re-reading dated articles takes no write lock
            row = session.get(DocumentRow, document_id)
            if row is None:
                raise LedgerError(f"no document with id {document_id}")
            if row.published is not None:
                return False
            extras = {**(row.extras or {}), "dated": {"published": published.isoformat(),
                                                      "at": dt.datetime.now(dt.timezone.utc).isoformat()}}
        with self._sessions.begin() as session:
            done = session.execute(update(DocumentRow).where(DocumentRow.id == document_id,
                                                             DocumentRow.published.is_(None))
                                   .values(published=published, extras=extras)
                                   .execution_options(synchronize_session=False))
            return done.rowcount == 1

    # --- reading ---------------------------------------------------------------------
    def document(self, document_id: str) -> Document | None:
        with self._sessions() as session:
            row = session.get(DocumentRow, document_id)
            return document_from_row(row) if row else None

    def quotes(self, speaker: str | None = None, party: str | None = None, text: str | None = None,
               since: dt.date | None = None, until: dt.date | None = None, document: str | None = None,
               limit: int | None = None) -> list[QuoteEntry]:
        return self._fetch("quote", self.filters("quote", speaker=speaker, party=party, text=text, since=since,
                                                 until=until, document=document), limit)

    def claims(self, party: str | None = None, issue: str | None = None, stance: str | None = None,
               source_type: str | None = None, hedged: bool | None = None, since: dt.date | None = None,
               until: dt.date | None = None, limit: int | None = None) -> list[ClaimEntry]:
        return self._fetch("claim", self.filters("claim", party=party, issue=issue, stance=stance,
                                                 source_type=source_type, hedged=hedged, since=since,
                                                 until=until), limit)

    def events(self, type: str | None = None, actor: str | None = None, place: str | None = None,
               since: dt.date | None = None, until: dt.date | None = None,
               limit: int | None = None) -> list[EventEntry]:
        return self._fetch("event", self.filters("event", type=type, actor=actor, place=place, since=since,
                                                 until=until), limit)

    def filters(self, kind: str, *, since: dt.date | None = None, until: dt.date | None = None,
                outlet: str | None = None, document: str | None = None, **given) -> list:
        """The filters of ``quotes``/``claims``/``events`` (their keyword names), plus ``outlet`` for any kind."""
        kind = _kind(kind)
        filters: list = dates(since, until, field="when" if kind == "event" else "published")
        filters += _given(("outlet", "eq", outlet), ("document_id", "prefix", document))
        if kind == "quote":
            if given.get("speaker"):
                filters.append(self._speaker(given["speaker"]))
            filters += _given(("speaker.party", "eq", given.get("party")), ("text", "contains", given.get("text")),
                              ("kind", "eq", given.get("quote_kind")))
        elif kind == "claim":
            filters += _given(("party", "eq", given.get("party")), ("issue", "eq", given.get("issue")),
                              ("stance", "eq", given.get("stance")), ("source.type", "eq", given.get("source_type")),
                              ("hedged", "is", given.get("hedged")), ("evidence", "contains", given.get("text")))
        else:
            filters += _given(("type", "eq", given.get("type")), ("actor", "contains", given.get("actor")),
                              ("evidence", "contains", given.get("text")))
            if given.get("place"):
                filters.append(Place(given["place"]))
        return filters

    def page(self, kind: str, filters: list = (), before: int | None = None, limit: int = 50) -> list:
        """A keyset page: up to ``limit`` records with id below ``before``, newest stored first."""
        before = _cursor(before)
        with self._sessions() as session:
            return listing.page(session, _kind(kind), self._spans[_kind(kind)], filters, before, limit)

    def page_json(self, kind: str, filters: list = (), before: int | None = None, limit: int = 50) -> list[dict]:
        """``page`` as JSON-ready dicts, built without validating untouched records again (the API's lists)."""
        before = _cursor(before)
        with self._sessions() as session:
            return listing.page_json(session, _kind(kind), self._spans[_kind(kind)], filters, before, limit)

    def facets(self, kind: str, fields: list[str], filters: list = ()) -> dict:
        """Counts per value of each of ``fields`` (dotted record names) among the records the filters keep."""
        with self._sessions() as session:
            return listing.facets(session, _kind(kind), fields, filters, tally=self._tally)

    def version(self) -> tuple:
        """A value that changes whenever a record is ingested or reviewed."""
        with self._sessions() as session:
            return listing.version(session)

    def entry(self, kind: str, record_id: int):
        """One record with its article's details and its review state, or None."""
        if not _storable(record_id):
            return None
        with self._sessions() as session:
            return queries.entry(session, _kind(kind), record_id)

    def documents(self, after: str | None = None, limit: int = 50, outlet: str | None = None) -> list[Document]:
        """Articles in id order, a keyset page at a time (ids are content hashes, so order is stable)."""
        with self._sessions() as session:
            stmt = select(DocumentRow).order_by(DocumentRow.id).limit(limit)
            if after:
                stmt = stmt.where(DocumentRow.id > after)
            if outlet:
                stmt = stmt.where(DocumentRow.outlet == outlet)
            return [document_from_row(r) for r in session.scalars(stmt)]

    def actors(self, after: str | None = None, limit: int = 50, party: str | None = None,
               only: str | None = None) -> list[dict]:
        """Speakers met so far (codebook actors and people known only by name), with their quote counts."""
        with self._sessions() as session:
            counts = (select(QuoteRow.actor_ref, func.count(QuoteRow.id).label("n"))
                      .group_by(QuoteRow.actor_ref).subquery())
            stmt = (select(ActorRow, counts.c.n).outerjoin(counts, counts.c.actor_ref == ActorRow.id)
                    .order_by(ActorRow.id).limit(limit))
            if after:
                stmt = stmt.where(ActorRow.id > after)
            if party:
                stmt = stmt.where(ActorRow.party == party)
            if only is not None:
                stmt = stmt.where(ActorRow.id == only)
            return [{"id": a.id, "name": a.name, "party": a.party, "role": a.role, "quotes": n or 0}
                    for a, n in session.execute(stmt)]

    # --- API tokens ------------------------------------------------------------------
    def create_token(self, name: str) -> tuple[tokens.ApiToken, str]:
        with self._sessions.begin() as session:
            return tokens.create(session, name)

    def revoke_token(self, token: str) -> tokens.ApiToken:
        with self._sessions.begin() as session:
            return tokens.revoke(session, token)

    def list_tokens(self) -> list[tokens.ApiToken]:
        with self._sessions() as session:
            return tokens.listed(session)

    def check_token(self, secret: str) -> tokens.ApiToken | None:
        with self._sessions() as session:
            return tokens.verify(session, secret)

    def all(self, kind: str, include_rejected: bool = False) -> Iterator:
        """Every record of a kind in the order stored, streamed (for exports)."""
        kind = _kind(kind)
        with self._sessions() as session:
            yield from queries.stream(session, kind, include_rejected=include_rejected)

    def last_published(self) -> dt.date | None:
        """The newest article's date: the day a ledger's own "today" is read at."""
        with self._sessions() as session:
            return session.execute(select(func.max(DocumentRow.published))).scalar()

    def summary(self, latest: int = 5) -> LedgerSummary:
        with self._sessions() as session:
            return summarize(session, latest)

    def counts(self) -> dict[str, int]:
        with self._sessions() as session:
            return {"documents": session.scalar(select(func.count(DocumentRow.id))),
                    **{k: session.scalar(select(func.count(ROWS[k].id))) for k in KINDS}}

    # --- reviewing -------------------------------------------------------------------
    def review(self, kind: str, record_id: int, action: str, reviewer: str,
               changes: dict | None = None, note: str | None = None) -> Review:
        """Record an analyst's verdict beside the machine's record, which stays as it was.

        A correction is checked against the record type, the codebook and the article's text;
        the review is appended to the hash chain (a writer appending at the same moment makes
        this one retry on the chain's new end).
        """
        kind = _kind(kind)
        if action not in reviews.ACTIONS:
            raise LedgerError(f"unknown review action {action!r}; use one of {', '.join(reviews.ACTIONS)}")
        if not reviewer or not reviewer.strip():
            raise LedgerError("a review needs the reviewer's name")
        if not _storable(record_id):
            raise LedgerError(f"no {kind} with id {record_id}")
        if changes and action != "correct":
            raise LedgerError(f"only a correction changes fields, not {action!r}")
        for attempt in range(APPEND_TRIES):
            try:
                return self._append_review(kind, record_id, action, reviewer.strip(), changes, note)
            except IntegrityError as exc:
                if attempt + 1 == APPEND_TRIES:
                    raise LedgerError(f"cannot append the review: {db.reason(exc)}") from exc

    def _append_review(self, kind, record_id, action, reviewer, changes, note) -> Review:
        with self._sessions.begin() as session:
            current = queries.entry(session, kind, record_id)
            if current is None:
                raise LedgerError(f"no {kind} with id {record_id}")
            checked = None
            if action == "correct":
                record = current.model_dump(include=set(RECORD[kind].model_fields))
                checked = reviews.checked_changes(kind, record, changes or {})
                corrected = RECORD[kind].model_validate(reviews.applied(record, checked)).model_dump()
                text = session.get(DocumentRow, current.document_id).text
                check_record(kind, corrected, self.codebook or settings.codebook(), text)
            last = session.scalar(select(ReviewRow.hash).order_by(ReviewRow.id.desc()).limit(1))
            row = ReviewRow(kind=kind, record_id=record_id, action=action, reviewer=reviewer,
                            created_at=dt.datetime.now(dt.timezone.utc), note=note, changes=checked,
                            prev_hash=last or chain.GENESIS)
            row.hash = chain.review_hash(row, row.prev_hash)
            session.add(row)
            session.flush()
            return _review(row)

    def verify(self) -> Verification:
        """The database's own integrity check and the review chain, link by link."""
        with self._sessions() as session:
            problems = db.integrity_problems(session.connection())
            rows = session.scalars(select(ReviewRow).order_by(ReviewRow.id))
            broken_at, why, count, head = chain.first_break(rows)
        if broken_at is not None:
            problems.append(f"review trail broken at review {broken_at}: it {why}")
        return Verification(ok=not problems, problems=problems, reviews=count,
                            head=head if broken_at is None else None)

    def history(self, kind: str, record_id: int) -> History:
        kind = _kind(kind)
        if not _storable(record_id):
            raise LedgerError(f"no {kind} with id {record_id}")
        with self._sessions() as session:
            row = session.get(ROWS[kind], record_id)
            if row is None:
                raise LedgerError(f"no {kind} with id {record_id}")
            original = record_data(kind, row)
            rows = queries.reviews_by_record(session, kind).get(record_id, [])
            effective, state = reviews.apply(original, rows)
            record = RECORD[kind]
            broken_at, why, _, _ = chain.first_break(session.scalars(select(ReviewRow).order_by(ReviewRow.id)))
            return History(kind=kind, record_id=record_id,
                           trail="intact" if broken_at is None else f"broken at review {broken_at}: it {why}",
                           original=record.model_validate(original).model_dump(mode="json"),
                           reviews=[_review(r) for r in rows],
                           effective=record.model_validate(effective).model_dump(mode="json"),
                           status=state.status)

    def _speaker(self, speaker: str) -> AnyOf:
        options = [Filter("speaker.name", "contains", speaker), Filter("speaker.actor_id", "eq", speaker)]
        actor = self.codebook.find_actor(speaker) if self.codebook else None
        if actor:
            options.append(Filter("speaker.actor_id", "eq", actor.id))
        return AnyOf(tuple(options))

    def _fetch(self, kind: str, filters: list, limit: int | None) -> list:
        with self._sessions() as session:
            return queries.fetch(session, kind, filters, limit)


def _given(*specs: tuple[str, str, object]) -> list[Filter]:
    return [Filter(field, op, value) for field, op, value in specs if value is not None and value != ""]


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise LedgerError(f"unknown record kind {kind!r}; use one of {', '.join(KINDS)}")
    return kind


def _review(row: ReviewRow) -> Review:
    return Review(id=row.id, kind=row.kind, record_id=row.record_id, action=row.action, reviewer=row.reviewer,
                  created_at=row.created_at, note=row.note, changes=row.changes, hash=row.hash)


MAX_ID = 2 ** 63 - 1  # the largest id SQLite and PostgreSQL store; a larger one names no record


def _storable(record_id: int) -> bool:
    return 1 <= record_id <= MAX_ID


def _cursor(before: int | None) -> int | None:
    """A page cursor past every storable id lists from the newest; one below 1 lists nothing."""
    if before is None or before > MAX_ID:
        return None
    return max(before, 0)
