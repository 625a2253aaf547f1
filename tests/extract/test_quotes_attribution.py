"""Each attribution pattern, on short sentences through the real model."""
import pytest


def only(quotes, kind):
    return [q for q in quotes if q.kind == kind]


def test_quote_then_said_names_the_speaker(quotes_of):
    [q] = only(quotes_of("“We will not give up our land,” Anna Kovalenko said on Monday."), "direct")
    assert q.text == "We will not give up our land,"
    assert q.speaker.name == "Anna Kovalenko" and q.cue == "said"


def test_speaker_before_a_colon_and_straight_marks(quotes_of):
    [q] = only(quotes_of('Mayor Ivan Petrenko wrote on Telegram: "The city was hit again."'), "direct")
    assert q.text == "The city was hit again."
    assert q.speaker.name == "Ivan Petrenko"


def test_colon_introduction_with_the_quote_in_the_next_paragraph(quotes_of):
    text = "Russian envoy Kirill Dmitriev told Sky News in an interview:\n“The talks are moving forward.”"
    [q] = only(quotes_of(text), "direct")
    assert q.speaker.name == "Kirill Dmitriev" and q.speaker.party == "RUS"
    assert q.speaker.actor_id == "kirill_dmitriev"


def test_guillemet_quote_is_direct_speech(quotes_of):
    [q] = only(quotes_of("«Die Verhandlungen sind ins Stocken geraten», sagte Olaf Berger. Anna Weber said so."), "direct")
    assert q.text == "Die Verhandlungen sind ins Stocken geraten"


def test_pronoun_speaker_resolves_to_the_last_person(quotes_of):
    text = "Andriy Kostenko spoke in Kyiv on Monday.\n“There will be no ceasefire without guarantees,” he said."
    [q] = only(quotes_of(text), "direct")
    assert q.speaker.name == "Andriy Kostenko"
    assert text[q.speaker.start:q.speaker.end] == "he"


def test_partial_quote_inside_reported_speech_is_mixed(quotes_of):
    [q] = quotes_of("Trump said a three-way summit ought to take place “as soon as possible.”")
    assert q.kind == "mixed" and "as soon as possible." in q.text and q.text.startswith("a three-way")
    assert q.speaker.name == "Trump"


def test_scare_quotes_without_a_cue_are_not_speech(quotes_of):
    text = "Peacekeepers would be seen as “intervention” and talk of “positive signals” is premature."
    assert only(quotes_of(text), "direct") == [] and only(quotes_of(text), "mixed") == []


def test_a_governing_verb_makes_a_fragment_speech(quotes_of):
    [q] = [q for q in quotes_of("Russia labeled him “illegitimate” after his term expired.") if q.kind != "indirect"]
    assert "illegitimate" in q.text and q.speaker.party == "RUS"


@pytest.mark.parametrize("text, word, speaker", [
    ("On Monday Trump hinted at “progress” on the talks.", "progress", "Trump"),
    ("Moscow restated its rejection of “any foreign troops” in Ukraine.", "any foreign troops", "Moscow"),
    ("Trump deemed it “unlikely” that Kyiv would recover the land.", "unlikely", "Trump"),
])
def test_hinting_restating_and_deeming_report_their_quoted_words(quotes_of, text, word, speaker):
    [q] = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert word in q.text and q.speaker.name == speaker


def test_a_reported_object_keeps_the_mark_that_closes_its_quoted_words(quotes_of):
    [q] = quotes_of("Putin offered Kyiv a “limited truce” for three days.")
    assert q.text == "a “limited truce”"


def test_title_case_fragments_are_titles_not_speech(quotes_of):
    assert [q for q in quotes_of("He said on “Fox News Sunday” that talks continue.") if "Fox" in q.text and q.kind != "indirect"] == []


def test_indirect_speech_with_that_clause(quotes_of):
    [q] = quotes_of("Sergey Lavrov said that Moscow would not accept foreign troops in Ukraine.")
    assert q.kind == "indirect" and q.cue == "said"
    assert "Moscow would not accept foreign troops" in q.text
    assert q.speaker.name == "Sergey Lavrov" and q.speaker.party == "RUS"


def test_an_attribution_closing_the_sentence_is_not_part_of_what_was_said(quotes_of):
    """The small model hangs "until …" on "said"; the content still ends before the speaker."""
    [q] = quotes_of("Moscow will not sign any agreement until Kyiv withdraws from Donbas, Putin said on Tuesday.")
    assert q.kind == "indirect" and q.speaker.name.endswith("Putin")
    assert q.text.startswith("Moscow will not sign") and "Putin" not in q.text


def test_of_two_subjects_the_parse_gives_a_verb_the_nearest_speaks(quotes_of):
    """The small model gives "said" both "plan" and "the White House" as subjects."""
    [q] = quotes_of("Washington has proposed that an American company run the plant under a lease, "
                    "a plan the White House said both sides were studying.")
    assert q.speaker.name == "White House" and q.speaker.party == "USA"


def test_a_happening_after_the_verb_of_a_headline_is_not_its_speaker(quotes_of):
    quotes = quotes_of("Russia rejects European troop plan, says talks with US \u201cmoving forward\u201d\n\n"
                       "The talks resume on Monday.")
    assert quotes and all(q.speaker is None or q.speaker.name != "talks" for q in quotes)


def test_the_day_of_a_rejection_is_not_what_was_rejected(quotes_of):
    [q] = quotes_of("Russia on Thursday rejected a European plan to station troops in Ukraine.")
    assert q.text.startswith("a European plan")


def test_a_dateline_with_its_day_is_not_part_of_what_was_said(quotes_of):
    [q] = quotes_of("KYIV, March 3 (Reuters) - Ukraine will never give up Crimea, the foreign minister said on Tuesday.")
    assert q.text.startswith("Ukraine will never give up Crimea")


def test_the_person_an_outlet_cites_is_its_source_not_what_was_said(quotes_of):
    """"Cited X as saying …": X speaks the clause; X alone is no quote."""
    [q] = quotes_of("RIA Novosti cited Grigory Karasin as saying the new draft deserved a careful reading.")
    assert q.cue == "saying" and q.text.startswith("the new draft")
    assert q.speaker.name == "Grigory Karasin"


def test_according_to_attributes_the_clause(quotes_of):
    [q] = quotes_of("According to Yagodzinsky, Moscow has already made its position clear on the matter.")
    assert q.kind == "indirect" and q.cue == "According to"
    assert q.text.startswith("Moscow has already made")
    assert q.speaker.name == "Yagodzinsky"


def test_body_speaker_gets_its_party(quotes_of):
    [q] = only(quotes_of("“The leaders agreed to keep in contact,” the Kremlin said in a statement."), "direct")
    assert q.speaker.party == "RUS" and "Kremlin" in q.speaker.name


def test_country_as_speaker_has_a_party_but_no_name(quotes_of):
    [q] = [q for q in quotes_of("Ukraine accused Hungary of “ultimatums and blackmail” on Sunday.") if q.kind != "indirect"]
    assert q.speaker.name is None and q.speaker.party == "UKR"


def test_anonymous_source_has_no_name_but_a_side(quotes_of):
    [q] = only(quotes_of("“No trilateral contacts are planned,” a source in the Russian government said."), "direct")
    assert q.speaker.name is None and q.speaker.party == "RUS"


def test_next_quote_after_an_attributed_one_keeps_the_speaker(quotes_of):
    text = "“Once again, they struck at night,” Zelenskyy said. “Every life matters and must be protected.”"
    first, second = only(quotes_of(text), "direct")
    assert first.speaker.name == second.speaker.name == "Zelenskyy"
    assert second.speaker.party == "UKR"


def test_a_paragraph_ending_in_a_colon_introduces_the_quote_after_blank_lines(quotes_of):
    text = "Pat Caddell continued:\n\n“The health issue is very much a partisan one for voters.”"
    [q] = only(quotes_of(text), "direct")
    assert q.speaker.name == "Pat Caddell"


def test_a_name_after_a_dash_signs_the_quote(quotes_of):
    text = "“He represents our greatest shame and must be stopped now.” ― Sonya Herridge\nNext line."
    [q] = only(quotes_of(text), "direct")
    assert q.speaker.name == "Sonya Herridge"


def test_quote_whose_attribution_follows_on_the_next_line(quotes_of):
    text = '"We are hopeful that we will see results within weeks",\n\nSteve Witkoff reported.'
    [q] = only(quotes_of(text), "direct")
    assert q.speaker.name == "Steve Witkoff" and q.speaker.party == "USA"


@pytest.mark.parametrize("text, speaker", [
    pytest.param("Talks went on in Geneva.\n“The money could go to rebuild the towns,”\nMaria Hordiienko said.\nRain fell.",
                 "Maria Hordiienko", id="a comma inside the marks leaves the cue to the next line"),
    pytest.param("Olena Koval, a member of the team, wrote on X (formerly Twitter):\n“The talks went well and will go on.”",
                 "Olena Koval", id="a colon glued to a bracket introduces the next paragraph"),
    pytest.param('Talks resumed in Geneva.\n\n"We are close to a deal. I hope it comes soon."\n\n– Olena Koval said, giving no dates.',
                 "Olena Koval", id="a dash line under a quote signs it"),
])
def test_a_layout_names_the_speaker_of_a_quote_without_a_cue_beside_it(quotes_of, text, speaker):
    [q] = only(quotes_of(text), "direct")
    assert q.speaker.name == speaker


def test_a_quote_after_a_sentence_goes_to_its_outer_speaker_not_to_what_was_said(quotes_of):
    text = ('"It was planned," Zelenskyy wrote, a day after saying Moscow had observed the truce. '
            '"The army used the pause to rearm."')
    quotes = only(quotes_of(text), "direct")
    assert [q.speaker.name for q in quotes] == ["Zelenskyy", "Zelenskyy"]


def test_dateline_place_is_not_the_speaker_beside_it(quotes_of):
    text = ("Moscow (Evening Courier) – Russia’s Deputy Foreign Minister Sergei Ryabkov on Friday stated "
            "that the plan was “out of the question”, as allies met.")
    [q] = only(quotes_of(text), "mixed")
    assert q.speaker.name == "Sergei Ryabkov"


def test_title_with_the_name_right_after_it_is_that_person(quotes_of):
    text = "Ukraine's chief negotiator Taras Bilyk who headed the team in Geneva said the swap was “a first step” for Kyiv."
    [q] = only(quotes_of(text), "mixed")
    assert q.speaker.name == "Taras Bilyk"


def test_unattributed_fragment_is_dropped_but_unattributed_statement_kept(quotes_of):
    kept = quotes_of("The crowd waved “we will never give up our land” banners all night.\n“Nobody here wants this war to go on.”")
    assert [q.text for q in only(kept, "direct")] == ["Nobody here wants this war to go on."]
    assert kept[-1].speaker.name is None


@pytest.mark.parametrize("text, start", [
    ('Rubio said on Monday that progress had been made but that "a lot of work remains."', "that progress"),
    ('The ministry said in a statement that European proposals were "completely unacceptable".', "that European"),
])
def test_a_mixed_quote_starts_at_its_reported_clause_not_the_cue_s_adjuncts(quotes_of, text, start):
    [q] = quotes_of(text)
    assert q.kind == "mixed" and q.text.startswith(start)


def test_a_closing_source_the_parse_hung_on_the_clause_speaks_and_stays_out(quotes_of):
    """'…, a source in the Kremlin said.': the parse may make the source an apposition of the last
    noun of the content; it still speaks, and the content ends before its comma."""
    text = "Moscow is ready to resume talks in Istanbul, a source in the Kremlin said."
    [quote] = quotes_of(text)
    assert quote.text == "Moscow is ready to resume talks in Istanbul"
    assert quote.speaker.name is None and quote.speaker.party == "RUS"
