"""Settings: --db beats the environment, which beats ./detente.sqlite; a path means SQLite."""
import pytest

from detente import settings
from detente.errors import CodebookError


def test_flag_beats_environment_beats_default(monkeypatch):
    monkeypatch.setenv(settings.DATABASE_ENV, "postgresql+psycopg://team@db/detente")
    assert settings.database_url("mine.sqlite") == "sqlite:///mine.sqlite"
    assert settings.database_url() == "postgresql+psycopg://team@db/detente"
    monkeypatch.delenv(settings.DATABASE_ENV)
    assert settings.database_url() == "sqlite:///detente.sqlite"


def test_absolute_path_and_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert settings.as_url(str(tmp_path / "l.sqlite")) == f"sqlite:///{tmp_path / 'l.sqlite'}"
    assert settings.as_url("~/l.sqlite") == f"sqlite:///{tmp_path / 'l.sqlite'}"


def test_codebook_by_case_name_or_path(tmp_path, monkeypatch):
    monkeypatch.delenv(settings.CODEBOOK_ENV, raising=False)
    assert settings.codebook().case == "us_russia_ukraine"
    with pytest.raises(CodebookError):
        settings.codebook("no_such_case")
    bad = tmp_path / "case.yaml"
    bad.write_text("case: x\n", encoding="utf-8")
    with pytest.raises(CodebookError):
        settings.codebook(str(bad))


def test_ledger_takes_a_plain_file_path(tmp_path, monkeypatch):
    from detente.ledger import Ledger

    monkeypatch.chdir(tmp_path)
    with Ledger("team.sqlite") as led:
        assert led.url == "sqlite:///team.sqlite"
    assert (tmp_path / "team.sqlite").exists()
