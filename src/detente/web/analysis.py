"""The analysis layer as the pages see it: its functions when present, else None (ledger-only pages).

The pages never compute positions, shifts or forecasts themselves; they show what
``detente.analysis`` returns, and fall back to plain ledger counts while it is absent.
"""
from __future__ import annotations

import importlib


def function(name: str):
    """``detente.analysis.<name>``, or None while the analysis layer does not provide it."""
    try:
        module = importlib.import_module("detente.analysis")
    except ImportError:
        return None
    return getattr(module, name, None)
