"""The ledger: every quote, claim and event detente read, with its article, in SQL (SQLite or PostgreSQL)."""
from detente.ledger.entries import ClaimEntry, EventEntry, History, LedgerSummary, QuoteEntry, Review
from detente.ledger.ledger import KINDS, Ledger

__all__ = ["KINDS", "ClaimEntry", "EventEntry", "History", "Ledger", "LedgerSummary", "QuoteEntry", "Review"]
