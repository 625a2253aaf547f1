"""The rooms of extract stand only on the ones below them (ARCHITECTURE: rooms per stage)."""
from __future__ import annotations

import ast
from pathlib import Path

from detente.extract.mentions import vocabulary as V

EXTRACT = Path(__file__).resolve().parents[2] / "src" / "detente" / "extract"
# What each room may import from inside extract, beside itself. ``paragraphs`` (lines, headings,
# the component that sets sentence starts before the parse) lies under every room, as ``context`` does.
BASE = {"context", "paragraphs"}
ALLOWED = {
    "mentions": BASE,
    "places": BASE,
    "quotes": BASE | {"mentions"},
    "events": BASE | {"dates", "mentions", "places"},
    "claims": BASE | {"mentions"},
}


def _extract_imports(path: Path) -> set[str]:
    """The first name under ``detente.extract`` of every import in a module."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            if name.startswith("detente.extract."):
                found.add(name.split(".")[2])
    return found


def test_rooms_import_nothing_from_the_rooms_above():
    for room, allowed in ALLOWED.items():
        for module in (EXTRACT / room).glob("*.py"):
            above = _extract_imports(module) - allowed - {room}
            assert not above, f"{room}/{module.name} imports {sorted(above)}"


def test_vocabulary_office_holders_and_anonymous_sources_are_one_word_list():
    # The claims' office holders are role nouns of the quotes' table, and every anonymous
    # head of a quote is an anonymous source of a claim: one vocabulary, no drift.
    assert V.OFFICE_NOUNS["en"] <= V.ROLE_NOUNS["en"]
    assert {w.rstrip("s") for w in V.ANONYMOUS_HEADS["en"]} - {"people"} <= V.ANONYMOUS_NOUNS["en"]
