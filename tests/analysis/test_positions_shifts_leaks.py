"""Positions, shifts and leaks on hand-made ledgers (territory: 0 = Ukraine's 1991 borders, 100 = Russia's
annexations recognised; RUS and UKR are the codebook's belligerents)."""
from __future__ import annotations

from detente.analysis import leaks, positions, shifts
from tests.analysis.factories import add_claim, day


def test_positions_escalation_up_the_scale_is_reported_not_confirmed(ledger):
    before = add_claim(ledger, "RUS", "territory", 75, 0, name="Vladimir Putin")
    add_claim(ledger, "UKR", "territory", 0, 0, name="Volodymyr Zelensky")
    after = add_claim(ledger, "RUS", "territory", 100, 10, source="anonymous", hedged=True)
    [s] = [s for s in shifts(ledger, party="RUS") if s.kind != "new_demand"]
    assert (s.kind, s.direction, s.date, s.confirmed) == ("escalation", "escalation", day(10), False)
    assert "anonymous" in s.status and "not confirmed" in s.status
    assert (s.before.id, s.after.id) == (before, after)
    assert s.before.source_type == "official" and s.after.source_type == "anonymous"
    assert s.other_side == "UKR"


def test_a_hedged_statement_of_the_partys_own_official_is_not_called_another_partys(ledger):
    add_claim(ledger, "RUS", "territory", 75, 0, name="Vladimir Putin")
    add_claim(ledger, "UKR", "territory", 0, 0, name="Volodymyr Zelensky")
    add_claim(ledger, "RUS", "territory", 100, 10, name="Dmitry Peskov", hedged=True)
    [s] = [s for s in shifts(ledger, party="RUS") if s.kind != "new_demand"]
    assert s.status == "reported by an official, hedged; not confirmed"


def test_shifts_escalation_down_the_scale_and_softening_up(ledger):
    add_claim(ledger, "RUS", "territory", 90, 0)
    add_claim(ledger, "UKR", "territory", 25, 0)
    add_claim(ledger, "UKR", "territory", 0, 20)    # farther from Russia: escalation, though the number falls
    add_claim(ledger, "UKR", "territory", 50, 40)   # toward Russia after an escalation: a reversal, softening
    found = [s for s in shifts(ledger, party="UKR") if s.kind != "new_demand"]
    assert [(s.kind, s.direction, s.date) for s in found] == [("escalation", "escalation", day(20)),
                                                               ("reversal", "softening", day(40))]
    assert all(s.confirmed and s.status == "stated on record" for s in found)


def test_positions_newer_official_statement_supersedes_older_claims(ledger):
    add_claim(ledger, "RUS", "territory", 100, 0, source="anonymous")
    add_claim(ledger, "RUS", "territory", 100, 5, source="media")
    add_claim(ledger, "RUS", "territory", 50, 30, name="Dmitry Peskov")
    [series] = positions(ledger, party="RUS", issue="territory")
    assert [p.date for p in series.points] == [day(0), day(5), day(30)]
    assert series.points[1].position == 100
    assert series.current.position == 50 and series.current.on_record
    assert series.current.low < 50 < series.current.high


def test_a_same_day_leak_the_official_record_denies_does_not_weigh_in_the_position(ledger):
    """The official says 75 the day a leak says 25: the leak is denied, and the shift that
    follows moves from 75, not from a blend of the two."""
    add_claim(ledger, "RUS", "territory", 75, 0, name="Dmitry Peskov")
    add_claim(ledger, "RUS", "territory", 25, 0, source="anonymous")
    add_claim(ledger, "RUS", "territory", 100, 10, source="anonymous")
    assert [k.status for k in leaks(ledger) if k.reported == day(0)] == ["denied"]
    [series] = positions(ledger, party="RUS", issue="territory")
    assert series.points[0].position == 75 and series.points[0].on_record
    assert series.points[0].low >= 70
    moves = [s for s in shifts(ledger, party="RUS") if s.kind == "escalation"]
    assert [s.before.position for s in moves] == [75]


def test_positions_older_claims_fade_but_still_count_without_an_official(ledger):
    add_claim(ledger, "RUS", "territory", 100, 0, source="anonymous")
    add_claim(ledger, "RUS", "territory", 50, 90, source="anonymous")
    [series] = positions(ledger, party="RUS", issue="territory")
    # one half-life later the old leak weighs half the new one: (100·½ + 50·1) / 1½
    assert abs(series.current.position - 200 / 3) < 0.5


def test_positions_hedging_widens_the_band(ledger):
    add_claim(ledger, "RUS", "territory", 100, 0, source="anonymous")
    add_claim(ledger, "UKR", "territory", 0, 0, source="anonymous", hedged=True)
    by_party = {s.party: s.current for s in positions(ledger, issue="territory")}
    assert by_party["UKR"].high - by_party["UKR"].low > by_party["RUS"].high - by_party["RUS"].low


def test_leaks_confirmed_by_an_official_of_the_same_party(ledger):
    leak = add_claim(ledger, "RUS", "territory", 100, 0, source="anonymous", hedged=True)
    add_claim(ledger, "RUS", "territory", 75, -10, name="Vladimir Putin")
    assert [k.status for k in leaks(ledger)] == ["unconfirmed"]
    official = add_claim(ledger, "RUS", "territory", 100, 7, name="Sergey Lavrov")
    [k] = leaks(ledger)
    assert (k.status, k.reported, k.resolved, k.claim.id, k.resolved_by.id) == ("confirmed", day(0), day(7),
                                                                                leak, official)
    [s] = [s for s in shifts(ledger, party="RUS") if s.date == day(0)]
    assert s.confirmed and "confirmed on record" in s.status


def test_leaks_denied_when_the_official_states_something_else(ledger):
    add_claim(ledger, "RUS", "territory", 100, 0, source="media")
    add_claim(ledger, "RUS", "territory", 50, 3, name="Dmitry Peskov")
    [k] = leaks(ledger)
    assert (k.status, k.resolved) == ("denied", day(3))
    assert leaks(ledger, status="confirmed") == []


def test_leaks_another_partys_official_neither_confirms_nor_supersedes(ledger):
    add_claim(ledger, "RUS", "territory", 100, 0, source="anonymous")
    add_claim(ledger, "RUS", "territory", 50, 3, name="Volodymyr Zelensky")   # Kyiv telling what Moscow wants
    assert [k.status for k in leaks(ledger)] == ["unconfirmed"]
    [series] = positions(ledger, party="RUS")
    assert not series.current.on_record and 50 < series.current.position < 100


def test_shifts_restatement_is_not_a_shift(ledger):
    add_claim(ledger, "RUS", "territory", 75, 0)
    add_claim(ledger, "UKR", "territory", 0, 0)
    add_claim(ledger, "RUS", "territory", 75, 60)
    add_claim(ledger, "RUS", "territory", 75, 120, source="anonymous", hedged=True)
    add_claim(ledger, "RUS", "territory", 80, 150, source="media")   # within the threshold
    assert [s.kind for s in shifts(ledger, party="RUS")] == ["new_demand"]


def test_shifts_an_authors_background_alone_does_not_move_a_party(ledger):
    add_claim(ledger, "RUS", "territory", 50, 0)
    add_claim(ledger, "RUS", "territory", 100, 10, source="author")
    assert [s.kind for s in shifts(ledger, party="RUS")] == ["new_demand"]


def test_a_party_with_one_claim_and_an_issue_with_none(ledger):
    add_claim(ledger, "TUR", "ceasefire", 0, 0, stance="proposal")
    [series] = positions(ledger, party="TUR")
    assert len(series.points) == 1 and series.current.position == 0
    assert shifts(ledger, party="TUR") == []       # a proposal is not a new demand
    assert positions(ledger, issue="nuclear_plant") == [] and shifts(ledger, issue="nuclear_plant") == []
    assert leaks(ledger, issue="nuclear_plant") == []


def test_reviews_correct_and_reject_positions(ledger):
    first = add_claim(ledger, "RUS", "territory", 75, 0)
    second = add_claim(ledger, "RUS", "territory", 100, 10)
    assert [s.kind for s in shifts(ledger, party="RUS")] == ["new_demand", "escalation"]
    ledger.review("claim", second, "correct", "analyst", changes={"position": "75"})
    [series] = positions(ledger, party="RUS")
    assert series.current.position == 75 and series.current.claim_ids == [second]
    assert [s.kind for s in shifts(ledger, party="RUS")] == ["new_demand"]
    ledger.review("claim", first, "reject", "analyst")
    [series] = positions(ledger, party="RUS")
    assert [p.claim_ids for p in series.points] == [[second]]


def test_process_and_catch_all_issues_give_no_shifts(ledger):
    add_claim(ledger, "RUS", "process_talks", 75, 0, stance="assessment")
    add_claim(ledger, "RUS", "process_talks", 25, 5, stance="assessment")
    add_claim(ledger, "RUS", "other", 0, 0)
    assert shifts(ledger) == []
    assert [s.issue for s in positions(ledger)] == ["process_talks"]


def test_shifts_a_mediator_is_measured_against_the_side_it_leans_from(ledger):
    add_claim(ledger, "RUS", "territory", 90, 0)
    add_claim(ledger, "UKR", "territory", 0, 0)
    add_claim(ledger, "USA", "territory", 25, 0, name="Marco Rubio")
    add_claim(ledger, "USA", "territory", 60, 30, name="Marco Rubio")   # toward Moscow, the side farther away
    [s] = [s for s in shifts(ledger, party="USA") if s.kind != "new_demand"]
    assert (s.direction, s.other_side, s.confirmed) == ("softening", "RUS", True)


def test_shifts_a_leak_is_not_cancelled_by_a_weaker_reading_of_the_same_day(ledger):
    before = add_claim(ledger, "RUS", "territory", 75, 0, name="Vladimir Putin")
    add_claim(ledger, "UKR", "territory", 0, 0)
    leak = add_claim(ledger, "RUS", "territory", 100, 10, source="anonymous", hedged=True)
    add_claim(ledger, "RUS", "territory", 65, 10, source="expert", name="An analyst")  # the day's mean: 82.5
    [s] = [s for s in shifts(ledger, party="RUS") if s.kind != "new_demand"]
    assert (s.kind, s.date, s.confirmed) == ("escalation", day(10), False)
    assert (s.before.id, s.after.id) == (before, leak)


def test_shifts_an_official_statement_is_not_moved_by_a_leak_of_the_same_day(ledger):
    add_claim(ledger, "RUS", "territory", 75, 0)
    add_claim(ledger, "UKR", "territory", 0, 0)
    add_claim(ledger, "RUS", "territory", 75, 30, name="Dmitry Peskov")           # restated on record
    add_claim(ledger, "RUS", "territory", 100, 30, source="anonymous", hedged=True)
    assert [s.kind for s in shifts(ledger, party="RUS")] == ["new_demand"]


def test_shifts_learned_placements_that_only_reword_a_stance_are_no_shift(ledger):
    """Two placements by the learned head (no anchor in the text) 30 points apart, an assessment
    then a rejection: the party repeated itself in harsher words, it did not move."""
    add_claim(ledger, "UKR", "security_guarantees", 10, 0)
    add_claim(ledger, "RUS", "security_guarantees", 65, 0, stance="assessment", anchored=False)
    add_claim(ledger, "RUS", "security_guarantees", 95, 200, stance="rejection", anchored=False)
    assert [s for s in shifts(ledger, party="RUS")] == []


def test_shifts_a_learned_placement_moves_a_party_when_its_stance_turns(ledger):
    add_claim(ledger, "RUS", "territory", 80, 0)
    add_claim(ledger, "UKR", "territory", 5, 0, stance="demand", anchored=False)
    add_claim(ledger, "UKR", "territory", 25, 100, stance="acceptance", anchored=False)   # now accepts something
    add_claim(ledger, "UKR", "territory", 45, 200, stance="demand", anchored=False)       # no turn: not a move
    found = [s for s in shifts(ledger, party="UKR") if s.kind != "new_demand"]
    assert [(s.direction, s.date) for s in found] == [("softening", day(100))]


def test_shifts_an_anchored_claim_against_a_learned_baseline_needs_a_turn(ledger):
    add_claim(ledger, "RUS", "elections_governance", 100, 0)
    add_claim(ledger, "UKR", "elections_governance", 60, 0, anchored=False)
    add_claim(ledger, "UKR", "elections_governance", 40, 50)
    assert [s.kind for s in shifts(ledger, party="UKR")] == ["new_demand"]


def test_shifts_are_measured_from_the_anchored_claims_in_force(ledger):
    """An anchored leak at 90, then another party's reading placed by the head at 78: the
    official 75 is a move from 90 (softening), not a restatement of 78."""
    first = add_claim(ledger, "RUS", "territory", 90, 0, source="anonymous")
    add_claim(ledger, "UKR", "territory", 0, 0)
    add_claim(ledger, "RUS", "territory", 78, 60, name="Volodymyr Zelensky", anchored=False)
    after = add_claim(ledger, "RUS", "territory", 75, 70, name="Vladimir Putin")
    [s] = [s for s in shifts(ledger, party="RUS") if s.kind != "new_demand"]
    assert (s.direction, s.date, s.baseline, s.before.id, s.after.id) == ("softening", day(70), 90, first, after)


def test_shifts_a_claim_the_text_places_speaks_over_a_learned_one_of_higher_standing(ledger):
    """The day's acceptance of a partial deal is placed by the text but reported by another
    party's official; the same day the party's own official gets a learned placement. The text's
    placement says where the party now stands: an acceptance after a rejection, a softening."""
    add_claim(ledger, "UKR", "territory", 0, 0)
    add_claim(ledger, "RUS", "territory", 95, 0, stance="rejection", anchored=False)
    accepted = add_claim(ledger, "RUS", "territory", 50, 30, name="Donald Trump", stance="acceptance")
    add_claim(ledger, "RUS", "territory", 45, 30, stance="proposal", anchored=False)
    found = [s for s in shifts(ledger, party="RUS") if s.kind != "new_demand"]
    assert [(s.direction, s.date, s.after.id) for s in found] == [("softening", day(30), accepted)]


def test_claims_read_once_per_ledger_version(ledger):
    from detente.analysis.groups import days

    add_claim(ledger, "RUS", "territory", 75, 0)
    first = days(ledger, ledger.codebook)
    again = days(ledger, ledger.codebook)
    assert again == first and again is not first and again[0] is first[0]     # kept, not re-read
    add_claim(ledger, "RUS", "territory", 100, 10)                            # a new version
    assert [r.day for r in days(ledger, ledger.codebook)] == [day(0), day(10)]


def test_shifts_an_unplaced_rejection_on_record_turned_into_an_acceptance_is_a_softening(ledger):
    """"Kyiv rejects any land deal" places nothing; "Kyiv is willing to freeze the line" months
    later, on record, is the softening the numbers alone cannot see."""
    before = add_claim(ledger, "UKR", "territory", None, 0, stance="rejection", name="Volodymyr Zelensky")
    after = add_claim(ledger, "UKR", "territory", 25, 120, stance="acceptance", name="Volodymyr Zelensky")
    [s] = shifts(ledger, party="UKR", issue="territory")
    assert (s.kind, s.direction, s.date, s.confirmed) == ("softening", "softening", day(120), True)
    assert (s.before.id, s.after.id, s.before.position, s.position) == (before, after, None, 25)


def test_shifts_talks_refused_then_agreed_on_record_is_a_turn_on_the_process(ledger):
    """"We will not talk to him" and, later, "we are open to a meeting": neither says where on the
    process scale the party stands, but the turn is the move, on a process issue too."""
    before = add_claim(ledger, "RUS", "process_talks", None, 0, stance="rejection", name="Vladimir Putin")
    after = add_claim(ledger, "RUS", "process_talks", None, 200, stance="acceptance", name="Vladimir Putin")
    [s] = shifts(ledger, party="RUS")
    assert (s.issue, s.kind, s.date, s.confirmed) == ("process_talks", "softening", day(200), True)
    assert (s.before.id, s.after.id, s.position) == (before, after, None)
    assert s.move() == "to an unplaced acceptance"


def test_shifts_no_turn_from_a_leak_a_hedge_or_another_partys_official(ledger):
    add_claim(ledger, "UKR", "territory", None, 0, stance="rejection", source="anonymous")
    add_claim(ledger, "UKR", "territory", 25, 30, stance="acceptance", name="Volodymyr Zelensky")
    add_claim(ledger, "RUS", "territory", None, 0, stance="rejection", name="Volodymyr Zelensky")
    add_claim(ledger, "RUS", "territory", 75, 30, stance="acceptance", name="Dmitry Peskov", hedged=True)
    assert shifts(ledger, issue="territory") == []


def test_shifts_a_rejection_restated_or_too_old_is_no_turn(ledger):
    add_claim(ledger, "UKR", "territory", None, 0, stance="rejection", name="Volodymyr Zelensky")
    add_claim(ledger, "UKR", "territory", None, 40, stance="rejection", name="Volodymyr Zelensky")
    add_claim(ledger, "RUS", "territory", None, 0, stance="rejection", name="Dmitry Peskov")
    add_claim(ledger, "RUS", "territory", 75, 500, stance="acceptance", name="Dmitry Peskov")
    assert shifts(ledger, issue="territory") == []


def test_a_new_demand_is_placed_as_later_moves_are_measured(ledger):
    """The text's own placement speaks before the learned head's, for a first demand as for a
    move, so "new demand (at X)" and the next shift's "X → Y" agree."""
    add_claim(ledger, "RUS", "territory", 50, 0)
    add_claim(ledger, "RUS", "territory", 90, 0, anchored=False)
    add_claim(ledger, "UKR", "territory", 0, 0)
    add_claim(ledger, "RUS", "territory", 100, 30)
    first, move = shifts(ledger, party="RUS")
    assert first.kind == "new_demand" and first.position == 50
    assert move.kind == "escalation" and move.baseline == first.position


def test_a_new_demand_on_record_is_not_averaged_with_a_leak_of_the_same_day(ledger):
    """The demo had shown "new demand (at 58), stated on record" for an official 75 and a denied leak at 25."""
    official = add_claim(ledger, "RUS", "territory", 75, 0, name="Peskov")
    add_claim(ledger, "RUS", "territory", 25, 0, source="anonymous")
    [s] = shifts(ledger, party="RUS", issue="territory")
    assert (s.kind, s.position, s.claim_ids) == ("new_demand", 75, [official])


def test_a_shift_s_delta_is_the_move_it_shows(ledger):
    add_claim(ledger, "RUS", "territory", 50, 0, name="Peskov")
    add_claim(ledger, "RUS", "territory", 100, 10, name="Peskov")
    add_claim(ledger, "RUS", "territory", 90, 10, source="author", stance="assessment")
    [*_, s] = shifts(ledger, party="RUS", issue="territory")
    assert s.delta == s.position - s.baseline
