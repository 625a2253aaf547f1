"""One place for detente's errors, so interfaces can catch them by kind and print them plainly."""


class DetenteError(Exception):
    """Base of every error detente raises on purpose; its message is meant for the user."""


class SourceError(DetenteError):
    """An input file that cannot be read as an article (empty, binary, too large, malformed)."""


class CodebookError(DetenteError):
    """A case codebook that does not load or does not validate."""


class ExtractionError(DetenteError):
    """Extraction cannot run at all (its worker processes do not start)."""


class LedgerError(DetenteError):
    """The ledger cannot be opened, migrated or written."""


class BargainingInputError(DetenteError, ValueError):
    """Bargaining inputs that make no sense (negative salience, positions off the scale, one actor)."""
