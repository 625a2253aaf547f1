"""Extraction: one spaCy parse per document, read by every component."""
from detente.extract.pipeline import Extractor, load_nlp
from detente.records import ExtractionFailure

__all__ = ["Extractor", "ExtractionFailure", "load_nlp"]
