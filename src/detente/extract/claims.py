"""Party positions (claims) with provenance and hedging. (To be built.)"""
from __future__ import annotations

from detente.extract.context import ArticleContext
from detente.records import Claim, Quote


def find_claims(ctx: ArticleContext, quotes: list[Quote]) -> list[Claim]:
    return []
