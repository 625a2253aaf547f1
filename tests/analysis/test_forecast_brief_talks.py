"""Forecasts, scenarios, sealing, talks against the war and the brief on hand-made ledgers."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from detente.analysis import brief, forecast, scenario, talks_vs_war
from detente.analysis.brief import markdown, to_html
from detente.analysis.forecast import score, seal
from detente.errors import DetenteError
from detente.records import Document, Event, Extraction, Location
from tests.analysis.factories import add_claim, day


def _territory(ledger, rus=90, ukr=0):
    add_claim(ledger, "RUS", "territory", rus, 0)
    add_claim(ledger, "UKR", "territory", ukr, 0)
    add_claim(ledger, "USA", "territory", 50, 0)


def test_forecast_far_apart_sides_deadlock_and_close_ones_agree(ledger):
    _territory(ledger, rus=100, ukr=0)
    far = forecast(ledger, draws=200)
    [t] = far.issues
    assert t.zone is None and t.deadlock > 0.9
    assert 0 < t.outcomes["compromise"] < 100 and set(t.positions) == {"RUS", "UKR", "USA"}
    near = scenario(ledger, {"positions": {"RUS": {"territory": 25}}}, draws=200)
    [d] = near.differences
    assert d.deadlock_after < 0.1 and d.compromise_after < d.compromise_before
    assert near.changed.issues[0].zone is not None


def test_an_uncertain_position_makes_the_deadlock_a_probability(ledger):
    """Sides 50 apart meet exactly at the edge of their concessions; a hedged leak's band moves
    Russia's concession with it, so some draws leave a zone and some do not."""
    add_claim(ledger, "RUS", "territory", 75, 0, source="anonymous", hedged=True)
    add_claim(ledger, "UKR", "territory", 25, 0)
    [t] = forecast(ledger, draws=400).issues
    assert t.zone is not None
    assert 0.1 < t.deadlock < 0.9


def test_scenario_dropping_the_mediator_moves_the_compromise(ledger):
    _territory(ledger)
    result = scenario(ledger, {"drop": ["USA"]}, draws=50)
    assert "USA" not in result.changed.issues[0].positions
    assert result.differences[0].compromise_after != result.differences[0].compromise_before


def test_forecast_refuses_unknown_overrides_and_needs_two_parties(ledger):
    add_claim(ledger, "RUS", "territory", 90, 0)
    assert forecast(ledger, draws=10).issues == []
    with pytest.raises(DetenteError):
        forecast(ledger, overrides={"positons": {}})


def test_sealed_forecast_scores_and_refuses_tampering(ledger):
    _territory(ledger, rus=100, ukr=0)
    sealed = seal(forecast(ledger, draws=100))
    result = score(sealed, {"territory": {"outcome": 50, "deadlock": True}})
    expected = abs(sealed["forecast"]["issues"][0]["outcomes"]["compromise"] - 50)
    assert result["mae"]["compromise"] == pytest.approx(expected, abs=0.01)
    assert result["brier"] == pytest.approx((sealed["forecast"]["issues"][0]["deadlock"] - 1) ** 2, abs=1e-3)
    sealed["forecast"]["issues"][0]["outcomes"]["compromise"] = 50.0
    with pytest.raises(DetenteError):
        score(sealed, {"territory": {"outcome": 50}})


def test_ledger_hash_changes_with_a_new_article(ledger):
    _territory(ledger)
    first = forecast(ledger, draws=10).ledger_hash
    add_claim(ledger, "RUS", "ceasefire", 75, 1)
    assert forecast(ledger, draws=10).ledger_hash != first


def _event(ledger, n: int, kind: str, on: int, place: str | None = None):
    text = f"Event {n} happened."
    loc = [Location(name=place)] if place else []
    ledger.ingest(Extraction(document=Document(id=f"ev-{n}", text=text, published=day(on)),
                             events=[Event(type=kind, date=day(on), evidence=text, start=0, end=len(text),
                                           locations=loc)]))


def test_talks_vs_war_flags_progress_while_strikes_rise(ledger):
    _event(ledger, 1, "strike", 0, "Kharkiv")
    _event(ledger, 2, "strike", 7, "Dnipro")
    _event(ledger, 3, "strike", 8, "Odesa")
    _event(ledger, 4, "meeting", 8)
    progress = add_claim(ledger, "RUS", "process_talks", 75, 8, stance="assessment")
    result = talks_vs_war(ledger)
    weeks = {b.start: b for b in result.buckets}
    week = weeks[day(7) - dt.timedelta(days=day(7).weekday())]
    assert (week.strikes, week.meetings, week.progress, week.places) == (2, 1, 1, ["Dnipro", "Odesa"])
    [div] = result.divergences
    assert div.start == week.start and progress in div.claim_ids
    assert len(talks_vs_war(ledger, freq="day").buckets) == 3


def test_brief_cites_positions_shifts_and_open_leaks(ledger):
    _territory(ledger)
    leak = add_claim(ledger, "RUS", "territory", 100, 20, source="anonymous", hedged=True)
    b = brief(ledger)
    assert b.date == day(20)
    [territory] = b.issues
    assert [p.party for p in territory.parties][:2] == ["RUS", "UKR"]
    assert [k.claim.id for k in b.leaks] == [leak]
    assert b.shifts[0].kind == "escalation" and b.shifts[0].after.id == leak
    page = markdown(b)
    assert f"[claim #{leak}]" in page and "escalation" in page
    assert "<li>" in to_html(b) and "<script" not in to_html(b)
    assert b.render("html") == to_html(b) and "**" not in b.render("text")
    assert brief(ledger, date=day(5)).leaks == []


def test_the_briefs_week_lines_read_as_prose(ledger):
    _event(ledger, 1, "strike", 7, "Dnipro")
    _event(ledger, 2, "meeting", 8)
    add_claim(ledger, "RUS", "process_talks", 75, 8, stance="assessment")
    page = markdown(brief(ledger))
    assert "1 meeting, 1 progress / 0 deadlock claim" in page and "; 1 strike, 0 fighting" in page


def test_the_brief_gives_positions_to_the_whole_point(ledger):
    """Scales are placed in steps of five or more: '72', never '72.4' or '58.33'."""
    add_claim(ledger, "RUS", "territory", 72.4, 0)
    add_claim(ledger, "RUS", "territory", 91.6, 3)
    add_claim(ledger, "UKR", "territory", 20, 0)
    page = markdown(brief(ledger))
    assert "**RUS** at 92 " in page and "72 → 92" in page
    figures = re.sub(r"“[^”]*”", "", page.split("## Talks against the war")[0])  # quoted evidence stays verbatim
    assert not re.search(r"\d\.\d", figures)


def test_talks_vs_war_reads_a_users_acled_rows_beside_the_ledger(ledger):
    _event(ledger, 1, "strike", 0, "Kharkiv")
    add_claim(ledger, "RUS", "process_talks", 75, 7, stance="assessment")
    rows = [{"event_date": day(7).isoformat(), "event_type": "Explosions/Remote violence", "fatalities": "3"},
            {"event_date": day(9).isoformat(), "event_type": "Explosions/Remote violence", "fatalities": "0"},
            {"event_date": day(8).strftime("%d %B %Y"), "event_type": "Battles", "fatalities": "1"},
            {"event_date": "not a date", "event_type": "Battles", "fatalities": "9"}]
    result = talks_vs_war(ledger, acled=rows)
    week = result.buckets[-1]
    assert (week.acled_strikes, week.acled_battles, week.acled_fatalities) == (2, 1, 4)
    assert result.buckets[0].acled_strikes is None
    # progress claimed while strikes (ACLED's two against the ledger's one the week before) rose
    assert [d.start for d in result.divergences] == [week.start]
    assert talks_vs_war(ledger).divergences == []


def test_a_position_first_taken_within_the_window_trends_from_that_day(ledger):
    """A demand raised three weeks ago and hardened since is a move, not 'new'."""
    add_claim(ledger, "RUS", "territory", 60, 0)
    add_claim(ledger, "RUS", "territory", 100, 20)
    add_claim(ledger, "UKR", "territory", 20, 20)
    b = brief(ledger)
    lines = {p.party: p for p in b.issues[0].parties}
    assert lines["RUS"].trend is not None and lines["RUS"].trend > 0 and lines["RUS"].trend_from == day(0)
    assert lines["UKR"].trend is None  # one day of claims only: nothing to compare
    page = markdown(b)
    assert f"since {day(0)}" in page.split("**RUS**")[1].split("\n")[0]
    assert "trend new" in page.split("**UKR**")[1].split("\n")[0]


def test_the_brief_is_dated_at_the_newest_article_not_the_newest_position(ledger):
    """A week of strikes after the last claim is news too: the demo's brief had left it out."""
    from detente.records import Document, Event, Extraction

    add_claim(ledger, "RUS", "territory", 75, 0, name="Peskov")
    text = "Drones hit Kharkiv overnight."
    ledger.ingest(Extraction(document=Document(id="strike", text=text, published=day(9)),
                             events=[Event(type="strike", evidence=text, start=0, end=len(text), date=day(9))]))
    page = brief(ledger)
    assert page.date == day(9)
    assert sum(b.strikes for b in page.talks) == 1
