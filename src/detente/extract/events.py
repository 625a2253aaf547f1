"""Events on the ground and in the process, geocoded and dated. (To be built.)"""
from __future__ import annotations

from detente.extract.context import ArticleContext
from detente.records import Event


def find_events(ctx: ArticleContext) -> list[Event]:
    return []
