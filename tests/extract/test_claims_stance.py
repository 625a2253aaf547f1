"""Stance words become the right stance; negation flips, hypotheticals yield nothing."""
import pytest


pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, party, issue, stance", [
    ("Moscow demands that Ukraine withdraw its troops from the entire Donbas region.", "RUS", "territory", "demand"),
    ("Washington has proposed a 30-day truce on energy infrastructure.", "USA", "ceasefire", "proposal"),
    ("Kyiv has rejected the notion of giving up territory to Russia.", "UKR", "territory", "rejection"),
    ("The Kremlin agreed to a prisoner exchange with Ukraine.", "RUS", "humanitarian_prisoners", "acceptance"),
    ("Moscow described the talks in Abu Dhabi as constructive.", "RUS", "process_talks", "assessment"),
])
def test_each_stance(claims_of, text, party, issue, stance):
    found = [(c.party, c.issue, c.stance) for c in claims_of(text)]
    assert (party, issue, stance) in found


@pytest.mark.parametrize("text, stance", [
    ("Kyiv put forward new conditions for a ceasefire on Tuesday.", "demand"),
    ("Kyiv put forward a plan for a ceasefire on Tuesday.", "proposal"),
    ("Kyiv put forward a list of demands on the ceasefire.", "demand"),
])
def test_a_presented_stance_noun_keeps_its_stance(claims_of, text, stance):
    """'put forward conditions' or 'a list of demands' states demands; 'a plan' proposes."""
    found = [(c.party, c.issue, c.stance) for c in claims_of(text)]
    assert ("UKR", "ceasefire", stance) in found


@pytest.mark.parametrize("text", [
    "The Ukrainian president rejected calls for an immediate truce on Monday.",
    "Kyiv dismissed the proposal for a truce over the holidays.",
])
def test_a_rejected_stance_noun_is_a_rejection(claims_of, text):
    """'rejected calls for a truce' rejects the call; the demand phrase does not outrank the verb."""
    found = [(c.party, c.issue, c.stance) for c in claims_of(text)]
    assert ("UKR", "ceasefire", "rejection") in found and ("UKR", "ceasefire", "demand") not in found


def test_negated_acceptance_is_rejection(claims_of):
    found = claims_of("Moscow has said it will not accept NATO troops on Ukrainian soil after a deal.")
    assert [(c.party, c.issue, c.stance) for c in found] == [("RUS", "security_guarantees", "rejection")]


def test_cannot_agree_is_rejection(claims_of):
    found = claims_of("Moscow wants its annexation recognised in law, and Kyiv cannot agree to that.")
    ukr = [c for c in found if c.party == "UKR"]
    assert ukr and all(c.stance == "rejection" for c in ukr)


def test_hypothetical_is_nobodys_position(claims_of):
    found = claims_of("If Russia agreed to a ceasefire, the talks could move to territory.")
    assert not [c for c in found if c.stance == "acceptance"]


def test_no_party_no_claim(claims_of):
    assert claims_of("The weather was constructive for farmers, who agreed to plant early.") == []


def test_evidence_is_exact_substring_within_one_line(claims_of):
    text = "Kremlin talks\nKyiv has rejected the notion of giving up territory to Russia. Later it rained."
    for c in claims_of(text):
        assert text[c.start:c.end] == c.evidence
        assert "\n" not in c.evidence and "rained" not in c.evidence


def test_reported_command_is_the_speakers_demand(claims_of):
    found = claims_of("“The Americans and the Russians both tell us that if we want peace by spring, "
                      "we should leave Donbas,” he said.")
    assert {(c.party, c.issue, c.stance) for c in found} >= {("USA", "territory", "demand"),
                                                             ("RUS", "territory", "demand")}


def test_must_is_a_demand_by_the_speaker_not_the_subject(claims_of):
    found = claims_of("Putin said Ukraine must withdraw from the entire Donbas region.")
    assert [(c.party, c.stance) for c in found if c.issue == "territory"] == [("RUS", "demand")]


def test_negated_wish_is_rejection(claims_of):
    found = claims_of("The Kremlin does not want to go into details of the peace plan in public.")
    assert [(c.party, c.stance) for c in found] == [("RUS", "rejection")]


def test_listed_conditions_each_get_an_issue(claims_of):
    found = claims_of("The Russian president listed what he sees as necessary conditions: an end to Western "
                      "military aid to Ukraine, and proper monitoring of any ceasefire.")
    issues = {c.issue for c in found if c.party == "RUS" and c.stance == "demand"}
    assert issues == {"neutrality_military_limits", "ceasefire"}
    assert all(c.evidence.startswith(("an end", "proper")) for c in found)


def test_handing_over_a_memorandum_is_a_proposal(claims_of):
    found = claims_of("Medinsky said Moscow had handed Kyiv a memorandum setting out its ceasefire terms.")
    assert ("RUS", "ceasefire", "proposal") in [(c.party, c.issue, c.stance) for c in found]


def test_suggesting_a_hedged_clause_is_a_guess(claims_of):
    guess = claims_of("Witkoff suggested that the next round of talks might lead to a summit.")
    offer = claims_of("Witkoff suggested a new round of talks in Geneva.")
    assert ("USA", "process_talks", "assessment") in [(c.party, c.issue, c.stance) for c in guess]
    assert ("USA", "process_talks", "proposal") in [(c.party, c.issue, c.stance) for c in offer]


def test_a_stance_judged_a_mistake_is_rejected(claims_of):
    text = "Zelensky said that agreeing to a ceasefire right now would be a grave mistake."
    found = [(c.party, c.issue, c.stance) for c in claims_of(text)]
    assert ("UKR", "ceasefire", "rejection") in found and ("UKR", "ceasefire", "acceptance") not in found


@pytest.mark.parametrize("text, stance", [
    ("Rubio called the territorial question the hardest remaining problem of the talks.", "assessment"),
    ("Rubio called for a ceasefire on energy sites.", "demand"),
    ("Rubio called on Moscow to agree to a ceasefire.", "demand"),
])
def test_calling_something_a_name_judges_it(claims_of, text, stance):
    assert stance in {c.stance for c in claims_of(text)}


@pytest.mark.parametrize("text, stance", [
    ("Kyiv said on Friday it had abandoned the long-standing demand to join NATO.", "proposal"),
    ("Kyiv said on Friday it would never abandon the long-standing demand to join NATO.", "demand"),
])
def test_a_demand_given_up_is_offered(claims_of, text, stance):
    """'drop its demand' concedes (an offer); a refusal to abandon it keeps demanding."""
    found = [(c.party, c.issue, c.stance) for c in claims_of(text)]
    assert ("UKR", "neutrality_military_limits", stance) in found


def test_a_side_that_needs_something_demands_it(claims_of):
    stated = claims_of("Kyiv needs firm security guarantees before any vote on a truce, Zelensky said.")
    assert ("UKR", "security_guarantees", "demand") in [(c.party, c.issue, c.stance) for c in stated]


@pytest.mark.parametrize("text", [
    "Zelensky said more air defence systems were needed to protect the grid before a truce.",
    "Zelensky called the sanctions on Russian oil a much-needed step toward a truce.",
])
def test_a_need_with_no_side_of_its_own_demands_nothing(claims_of, text):
    assert "demand" not in [c.stance for c in claims_of(text)]


@pytest.mark.parametrize("text, refused", [
    ("Kyiv will not withdraw its troops from the Donetsk region, Zelensky said.", True),
    ("Ukraine would never recognise Crimea as Russian territory, Sybiha said.", True),
    ("Russian troops have not withdrawn from the Kursk region, the Ukrainian general staff said.", False),
])
def test_a_concession_refused_is_a_rejection(claims_of, text, refused):
    """A verb of conceding under a negated future refuses the concession; a negated past reports a fact."""
    found = [(c.party, c.issue, c.stance) for c in claims_of(text)]
    assert (("UKR", "territory", "rejection") in found) is refused


@pytest.mark.parametrize("text, found", [
    ("Moscow will have to agree to a full truce first, the French president said.", ("FRA", "ceasefire", "demand")),
    ("Lavrov said Kyiv needs to accept that Donbas is lost for good.", ("RUS", "territory", "demand")),
])
def test_what_a_side_has_to_accept_is_the_speakers_demand(claims_of, text, found):
    """'X will have to agree', 'X needs to accept': the speaker's demand on X, not X's acceptance."""
    stated = [(c.party, c.issue, c.stance) for c in claims_of(text)]
    assert found in stated and not any(s == "acceptance" for _, _, s in stated)


@pytest.mark.parametrize("text", [
    "Washington wants Kyiv to accept limits on the size of its army.",
    "Ukraine is being asked to accept the loss of Crimea, a European diplomat said.",
])
def test_what_one_side_presses_another_to_accept_is_no_acceptance(claims_of, text):
    assert "acceptance" not in [c.stance for c in claims_of(text)]


@pytest.mark.parametrize("text, demand", [
    ("Kyiv asked Washington to provide security guarantees backed by troops.", True),
    ("Ukraine asked for security guarantees backed by troops, Zelensky said.", True),
    ("Asked about security guarantees, Peskov said nothing had been agreed.", False),
    ("Reporters asked whether the security guarantees would include troops.", False),
])
def test_asking_a_side_for_something_demands_it(claims_of, text, demand):
    found = [(c.party, c.issue, c.stance) for c in claims_of(text)]
    assert (("UKR", "security_guarantees", "demand") in found) is demand


def test_openness_to_a_step_accepts_it(claims_of):
    found = [(c.party, c.issue, c.stance) for c in claims_of("The Kremlin signalled openness to a partial truce.")]
    assert ("RUS", "ceasefire", "acceptance") in found


def test_praising_the_talks_assesses_them(claims_of):
    found = [(c.party, c.issue, c.stance) for c in claims_of("Rubio praised the talks in Jeddah as a real success.")]
    assert ("USA", "process_talks", "assessment") in found


@pytest.mark.parametrize("text, party, issue", [
    ("Ukraine is not ready to give up the territory it holds, Zelensky said.", "UKR", "territory"),
    ("Russia is not willing to accept a ceasefire, Peskov said.", "RUS", "ceasefire"),
])
def test_a_negated_readiness_refuses(claims_of, text, party, issue):
    found = [(c.party, c.issue, c.stance) for c in claims_of(text)]
    assert (party, issue, "rejection") in found and (party, issue, "acceptance") not in found


def test_unveiling_a_plan_proposes_it(claims_of):
    found = [(c.party, c.stance) for c in claims_of("Washington unveiled a new ceasefire plan on Tuesday.")]
    assert ("USA", "proposal") in found


def test_a_condition_set_for_signing_is_a_demand(claims_of):
    text = "Russia will sign only on condition that Ukraine gives up its bid to join NATO, Ushakov said."
    assert ("RUS", "neutrality_military_limits", "demand") in [(c.party, c.issue, c.stance) for c in claims_of(text)]


def test_the_main_statement_outranks_an_accompanying_participle(claims_of):
    """"…, urging partners to help" goes with the statement; it does not replace it."""
    found = claims_of("Zelensky told reporters he was “ready” to organise a presidential vote in three months, "
                      "urging allies to help protect the polling stations.")
    assert ("UKR", "elections_governance", "acceptance") in [(c.party, c.issue, c.stance) for c in found]


def test_an_invitation_offers(claims_of):
    found = claims_of("Ankara has invited both delegations to Istanbul for a new round of talks.")
    assert ("TUR", "process_talks", "proposal") in [(c.party, c.issue, c.stance) for c in found]


def test_a_refusing_name_refuses_even_where_the_parse_reads_call_for(claims_of):
    """The parse hangs "for a … truce" on "called"; with an object named, it is no "call for"."""
    found = claims_of("Moscow called the French plan for a 60-day truce unacceptable.")
    assert ("RUS", "ceasefire", "rejection") in [(c.party, c.issue, c.stance) for c in found]


def test_prepared_to_accepts_as_ready_to_does(claims_of):
    found = claims_of("Kyiv is prepared to hold a presidential election once a ceasefire is in place, Sybiha said.")
    assert ("UKR", "elections_governance", "acceptance") in [(c.party, c.issue, c.stance) for c in found]


@pytest.mark.parametrize("text, phrase_word", [
    ("Kyiv is unwilling to accept the land swap.", "unwilling"),
    ("Kyiv said the crossing would reopen to trucks once the truce holds.", "reopen"),
])
def test_a_stance_phrase_starts_at_a_word(article, text, phrase_word):
    """'willing to' is no part of 'unwilling to', nor 'open to' of 'reopen to'."""
    from detente.extract.claims.stance import find_triggers

    ctx = article(text)
    words = [t.token.text for s in ctx.doc.sents for t in find_triggers(s, ctx)]
    assert phrase_word not in words


@pytest.mark.parametrize("text, issue", [
    ("Rubio said sanctions relief for Russia is not on the table.", "sanctions_assets"),
    ("Zelensky turned down the offer of a holiday truce.", "ceasefire"),
    ("Lavrov said Russia will under no circumstances accept foreign troops in Ukraine.", "security_guarantees"),
    ("Zelensky said Ukraine would never give up Donbas.", "territory"),
    ("Zelensky said Ukraine will never hand over the land it holds in Donetsk.", "territory"),
])
def test_refusals_without_the_word_reject(claims_of, text, issue):
    """A refusal said the way diplomats say it: off the table, turned down, under no
    circumstances, never to be given up."""
    assert [(c.issue, c.stance) for c in claims_of(text) if c.issue == issue] == [(issue, "rejection")]


def test_on_the_table_still_offers(claims_of):
    found = claims_of("Lavrov said a ceasefire along the front line is on the table.", quotes=None)
    assert ("RUS", "ceasefire", "proposal") in [(c.party, c.issue, c.stance) for c in found]


def test_a_member_blocking_a_decision_rejects_it(claims_of):
    found = claims_of("Orban said Hungary would block any new sanctions package against Russia.")
    assert ("HUN", "sanctions_assets", "rejection") in [(c.party, c.issue, c.stance) for c in found]
