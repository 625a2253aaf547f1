"""Direct, mixed and indirect quotes with their speakers. (To be built.)"""
from __future__ import annotations

from detente.extract.context import ArticleContext
from detente.records import Quote


def find_quotes(ctx: ArticleContext) -> list[Quote]:
    return []
