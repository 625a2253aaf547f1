"""A small bounded mapping, shared by the layers that keep recent results (API facet counts,
analysis day sums) without importing each other."""
from __future__ import annotations


class Cache:
    """A small bounded mapping (oldest entry out first)."""

    def __init__(self, size: int = 512):
        self.size, self.data = size, {}

    def get(self, key):
        return self.data.get(key)

    def put(self, key, value) -> None:
        self.data.pop(key, None)
        self.data[key] = value
        while len(self.data) > self.size:
            self.data.pop(next(iter(self.data)))
