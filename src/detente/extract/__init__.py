"""Extraction: one spaCy parse per document, read by every component."""
from detente.extract.pipeline import Extractor, load_nlp

__all__ = ["Extractor", "load_nlp"]
