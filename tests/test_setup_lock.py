"""The set-up installs exactly the lock: these checks fail before a fresh machine would.

The README's set-up line installs ``requirements.lock`` with ``--no-deps --require-hashes``:
pip resolves nothing, so every package the code imports must be in the lock, pinned and hashed,
or the fresh install breaks (or, without ``--no-deps``, pip re-resolves an extra against the
newest upstream release and hash mode refuses it).
"""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s\\;]+)")


def _locked() -> dict[str, list[str]]:
    """Each locked name with the lines of its entry (the pin and its hashes)."""
    entries: dict[str, list[str]] = {}
    name = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or line.startswith("--"):
            continue
        if not line.startswith(" "):
            m = PIN.match(stripped)
            assert m, f"requirements.lock: not an exact pin: {stripped!r}"
            name = canonicalize_name(m.group(1))
            entries[name] = [stripped]
        elif name:
            entries[name].append(stripped)
    return entries


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        reqs.extend(extra)
    return [Requirement(r) for r in reqs]


def test_every_lock_entry_is_an_exact_pin_with_hashes():
    entries = _locked()
    assert len(entries) > 50
    for name, lines in entries.items():
        assert "[" not in lines[0], f"{name}: extras in the lock make pip resolve them"
        assert any(l.startswith("--hash=sha256:") for l in lines), f"{name}: no hash"


def test_every_declared_dependency_is_locked_at_a_version_it_accepts():
    entries = _locked()
    for req in _declared():
        name = canonicalize_name(req.name)
        assert name in entries, f"{req} is declared in pyproject.toml but not in requirements.lock"
        version = PIN.match(entries[name][0]).group(2)
        assert req.specifier.contains(version, prereleases=True), f"{req} does not accept the locked {version}"


def test_the_installed_environment_is_consistent():
    """What ``pip check`` says in the set-up line, asked again of the environment under test."""
    done = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_readme_set_up_line_installs_the_lock_without_resolving():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(l for l in readme.splitlines() if l.startswith("python3 -m venv .venv"))
    assert "--no-deps --require-hashes -r requirements.lock" in line
    assert "pip check" in line
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "--no-deps --require-hashes -r requirements.lock" in ci and "pip check" in ci
