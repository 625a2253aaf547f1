"""Case codebooks: parties, people, issues and their position scales, as validated YAML."""
from detente.codebook.schema import Actor, Codebook, Issue, Party, Role, ScalePoint, bundled_cases

__all__ = ["Actor", "Codebook", "Issue", "Party", "Role", "ScalePoint", "bundled_cases"]
