"""Speaker error kinds seen on unseen articles (issue 9), each on sentences written for the test:
an outlet that relays an official, a statement that names no issuer, a leader's words in his
office's text, a quote whose cue has no speaker, an unnamed group, a name inside an
organisation's title, and a role noun that stands for a person named before."""
import pytest


def direct_or_mixed(quotes):
    return [q for q in quotes if q.kind in ("direct", "mixed")]


def test_an_outlet_that_quotes_an_official_is_not_the_speaker(quotes_of):
    [q] = direct_or_mixed(quotes_of("“The strike was a provocation,” Interfax quoted Dmitry Peskov as saying."))
    assert q.speaker.name == "Dmitry Peskov"


def test_an_official_quoted_by_surname_alone_keeps_his_side(quotes_of):
    """"TASS quoted Peskov": the one name in the article, known to the case, speaks for Russia."""
    [q] = direct_or_mixed(quotes_of("“We are open to talks,” TASS quoted Peskov as saying."))
    assert (q.speaker.name, q.speaker.party) == ("Peskov", "RUS")


def test_an_outlet_citing_an_official_gives_the_quote_to_the_official(quotes_of):
    [q] = direct_or_mixed(quotes_of("Reuters reported, citing Yury Ushakov, that the call had been “very frank.”"))
    assert "Ushakov" in q.speaker.name


def test_a_conjoined_clause_with_its_own_speaker(quotes_of):
    text = ("The Kremlin said the call went well. Dmitry Peskov added that it was “too early” for a summit, "
            "and Yury Ushakov called the call “substantive.”")
    quotes = direct_or_mixed(quotes_of(text))
    assert [q.speaker.name.split()[-1] for q in quotes] == ["Peskov", "Ushakov"]


def test_an_adverbial_clause_with_its_own_named_labeller(quotes_of):
    """Two officials of one side in one sentence: the labelling verb of the 'while' clause has its
    own named subject, so its words are that official's, not the first speaker's."""
    text = ("Sergei Lavrov and Dmitry Peskov spoke to reporters on Monday. “We see no movement,” "
            "Lavrov said, while Peskov called the proposals “raw.”")
    quotes = direct_or_mixed(quotes_of(text))
    assert [q.speaker.name.split()[-1] for q in quotes] == ["Lavrov", "Peskov"]


def test_a_labelling_clause_with_a_pronoun_subject_stays_with_the_outer_speaker(quotes_of):
    text = "Dmitry Peskov said the Kremlin would study what he called a “raw” proposal."
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name == "Dmitry Peskov"


def test_a_passive_cue_takes_the_speaker_of_the_sentence_before(quotes_of):
    text = "Dmitry Peskov spoke to journalists on Friday. The new offer was described as “interesting but raw.”"
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name == "Dmitry Peskov"


def test_a_statement_speaks_for_the_body_that_spoke_just_before(quotes_of):
    text = ("Ukraine's Foreign Ministry said on Telegram that the shelling was deliberate.\n"
            "“Russia strikes homes to frighten people,” the statement reads.")
    [q] = direct_or_mixed(quotes_of(text))
    assert "Ministry" in q.speaker.name and "statement" not in q.speaker.name.lower()


def test_a_leader_speaking_as_i_in_his_office_text(quotes_of):
    text = ("Zelensky's office issued a statement after the call. "
            "“I told our partners that we need air defence now,” the statement said.")
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name == "Volodymyr Zelensky"


@pytest.mark.parametrize("text, head", [
    ("“I told him Russia will not accept troops from NATO countries,” the Kremlin said after the call.",
     "Vladimir Putin"),
    ("“I had a very good call with President Putin,” the White House said in a statement.", "Donald Trump"),
    ("“I made clear that Europe will stand with Ukraine,” Downing Street said after the call.", "Keir Starmer"),
])
def test_the_seat_of_a_head_speaking_as_i_is_the_head(quotes_of, text, head):
    """The case names each head's office ('the Kremlin', 'Downing Street' with its prime minister):
    its text in the first person singular is the head's words."""
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name == head


def test_a_head_s_office_without_first_person_stays_the_office(quotes_of):
    [q] = direct_or_mixed(quotes_of("“The sides agreed to stay in contact,” the Kremlin said after the call."))
    assert q.speaker.name == "Kremlin"


def test_an_office_text_without_first_person_stays_the_office(quotes_of):
    text = ("Zelensky's office issued a statement after the call. "
            "“Partners promised more air defence,” the statement said.")
    [q] = direct_or_mixed(quotes_of(text))
    assert "office" in q.speaker.name.lower()


def test_plural_unnamed_groups_have_no_name(quotes_of):
    for text in ("Leaders say the new loan is “a clear signal to Moscow.”",
                 "Both sides said the round had brought “real progress”."):
        [q] = direct_or_mixed(quotes_of(text))
        assert q.speaker.name is None, text


def test_a_group_quote_goes_on_in_the_next_paragraph(quotes_of):
    text = ("Both sides said on Sunday: “The round brought real progress.”\n"
            "“Work on the documents will go on next week.”")
    quotes = direct_or_mixed(quotes_of(text))
    assert len(quotes) == 2 and all(q.speaker.name is None for q in quotes)


def test_a_name_after_an_administration_title(quotes_of):
    text = ("Head of the Sumy Regional Military Administration Ivan Hrytsenko posted an update. "
            "“Two people were injured in the city,” he wrote.")
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name == "Ivan Hrytsenko"


def test_a_representative_is_the_envoy_named_before(quotes_of):
    text = ("Kirill Dmitriev, the Russian special envoy for trade, said Moscow wants a full settlement. "
            "The Russian representative then stated:\n“We are close to an agreement.”")
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name == "Kirill Dmitriev"


def test_a_quote_inside_a_sentence_closed_by_its_cue(quotes_of):
    text = ("Zelensky thanked the envoys. Putin has “heaped compliments” on the president in the hope that "
            "he would “turn away from Kyiv,” the Financial Times said.")
    quotes = direct_or_mixed(quotes_of(text))
    assert quotes and all("Financial Times" in q.speaker.name for q in quotes)


def test_an_unnamed_resident_is_not_the_official_named_before(quotes_of):
    text = ("Governor Vitaliy Kim said the strike damaged a dormitory. A woman living nearby said she grabbed "
            "her son and ran. “I thought it was the end,” she told reporters.")
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name is None and q.speaker.role


def test_a_counterpart_named_elsewhere_is_still_resolved(quotes_of):
    text = ("Marco Rubio met Andrii Sybiha in Geneva. His Ukrainian counterpart said the talks went well. "
            "“We are closer than ever,” he said.")
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name == "Andrii Sybiha"


def test_a_report_that_says_is_no_speaker_name(quotes_of):
    text = ("The General Staff said on Telegram that the night had been quiet.\n"
            "“Three drones were shot down over the region,” the report says.")
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name and "report" not in q.speaker.name.lower()


def test_the_presidential_office_speaking_as_i_is_the_president_not_his_guest(quotes_of):
    text = ("Volodymyr Zelensky spoke with Keir Starmer on Monday.\n\n"
            "The presidential office said in a statement: “I thanked Keir for the support of the British people.”")
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name == "Volodymyr Zelensky"


def test_the_titled_source_noun_takes_up_the_person_with_that_title(quotes_of):
    text = ("Kremlin aide Yury Ushakov met Steve Witkoff on Thursday. Dmitry Peskov later told reporters the "
            "meeting was long. The Kremlin aide said the talks had been “very useful.”")
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name.endswith("Ushakov")


def test_an_untitled_or_indefinite_source_stays_unnamed(quotes_of):
    for text in ("Yury Ushakov met Steve Witkoff on Thursday. The official said the talks had been “very useful.”",
                 "Yury Ushakov met Steve Witkoff. An aide said the talks had been “very useful.”"):
        [q] = direct_or_mixed(quotes_of(text))
        assert q.speaker.name is None, text


def test_an_outlet_relaying_a_labelling_verb_gives_it_to_the_labeller(quotes_of):
    [q] = direct_or_mixed(quotes_of("Interfax reported that Peskov called the plan “a basis for discussion.”"))
    assert q.speaker.name.endswith("Peskov")


def test_words_quoted_by_an_outlet_are_their_owners(quotes_of):
    [q] = direct_or_mixed(quotes_of("Lavrov's words were quoted by TASS: “We are ready for contacts at any level.”"))
    assert q.speaker.name.endswith("Lavrov")


def test_an_outlet_quoting_an_unnamed_source_names_no_one(quotes_of):
    [q] = direct_or_mixed(quotes_of("TASS quoted a source as saying the meeting was “put off for now.”"))
    assert q.speaker.name is None


def test_an_own_thought_reported_stays_with_the_reporter(quotes_of):
    [q] = direct_or_mixed(quotes_of("Olena Koval said she remembered thinking, “This cannot be happening.”"))
    assert q.speaker.name == "Olena Koval"


def test_a_known_surname_the_tagger_reads_as_a_noun_is_still_that_person(quotes_of):
    text = 'Volodymyr Zelenskyy spoke in Kyiv. The truce is "more of a hope than a plan," Zelenskyy said.'
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.party == "UKR" and q.speaker.actor_id == "volodymyr_zelensky"


@pytest.mark.parametrize("text", [
    pytest.param("The mayor of Odesa, Hennadiy Trukhanov, visited the damaged block. “I heard the explosion and "
                 "ran outside,” said Olena Kovalchuk, a 54-year-old resident.", id="an age"),
    pytest.param("The governor of Sumy, Oleh Hryhorov, toured the hospital. “The windows fell in on us,” said "
                 "Olena Kovalchuk, a nurse on the night shift.", id="a noun only a person can be"),
])
def test_a_resident_described_as_a_person_is_the_speaker_not_the_official_before(quotes_of, text):
    """A local official instead of the resident quoted (issue 9): the small model tags many
    Ukrainian names as organisations; an apposition with an age or a person noun says otherwise."""
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name == "Olena Kovalchuk"


def test_two_relatives_of_one_surname_are_two_speakers(quotes_of):
    text = ("Former senator Mark Halloran opened the rally. “We will win this state,” Mark Halloran said. "
            "His wife, Joan Halloran, spoke next. “Our schools come first,” Joan Halloran said.")
    first, second = direct_or_mixed(quotes_of(text))
    assert (first.speaker.name, second.speaker.name) == ("Mark Halloran", "Joan Halloran")


def test_the_body_named_again_by_its_noun_keeps_its_side(quotes_of):
    text = ("Russia's defence ministry said its troops had pushed the enemy back. "
            "“The enemy retreated in disorder,” the ministry said.")
    quote = next(q for q in direct_or_mixed(quotes_of(text)) if "retreated" in q.text)
    assert quote.speaker.party == "RUS" and "defence ministry" in quote.speaker.name


def test_a_statement_called_by_another_word_speaks_for_its_issuer(quotes_of):
    text = ("The Kremlin released a readout of the call on Friday. "
            "“The sides agreed to stay in contact,” the statement said.")
    [q] = direct_or_mixed(quotes_of(text))
    assert (q.speaker.name, q.speaker.party) == ("Kremlin", "RUS")


def test_a_title_with_a_side_skips_the_holder_of_that_title_on_another_side(quotes_of):
    text = ("Lavrov met Fidan in Antalya. The Turkish minister said Ankara was ready to host "
            "another round. “Our doors are open,” he said.")
    speakers = {(q.speaker.name, q.speaker.party) for q in quotes_of(text)}
    assert speakers == {("Hakan Fidan", "TUR")}


def test_a_person_is_named_by_any_title_held_that_day(quotes_of):
    """Rubio held two offices at once (the codebook gives both): either names him."""
    text = "Marco Rubio met Andrii Sybiha in Geneva. “We had a frank exchange,” the secretary of state told reporters."
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name in ("Marco Rubio", "Rubio")


def test_a_place_in_an_opening_clause_is_not_the_speaker_of_the_role_after_it(quotes_of):
    text = "Speaking at a press conference in Kyiv, the head of the presidential office said: “Our position has not changed.”"
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name != "Kyiv" and q.speaker.party == "UKR"


@pytest.mark.parametrize("text, party", [
    pytest.param("Trump, speaking aboard Air Force One, said Putin “wants to make a deal.”", "USA",
                 id="a name the tagger reads as an adjective"),
    pytest.param("Peskov: “The door to talks remains open.”", "RUS", id="a label"),
])
def test_a_name_the_case_knows_keeps_its_side_however_the_parse_read_it(quotes_of, text, party):
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.party == party


def test_one_unnamed_member_of_the_group_named_before_speaks_for_its_side(quotes_of):
    text = "European diplomats were less upbeat. “Nobody in Brussels believes Moscow wants peace,” one said."
    [q] = direct_or_mixed(quotes_of(text))
    assert (q.speaker.name, q.speaker.party) == (None, "EU")


@pytest.mark.parametrize("text, speaker", [
    pytest.param("Lavrov spoke to journalists. In his words, “the West is not ready for serious talks.”", "Lavrov",
                 id="in his words"),
    pytest.param("Rubio met the Ukrainian delegation. In his opinion, the draft was “a good basis.”", "Rubio",
                 id="in his opinion"),
])
def test_in_his_opinion_attributes_like_according_to_him(quotes_of, text, speaker):
    found = quotes_of(text)
    assert found and all(speaker in (q.speaker.name or "") for q in found)
    assert found[0].cue.startswith("In his")


@pytest.mark.parametrize("text", [
    "Written in our own words for the demo; not the outlet's text.",
    "In my view, the talks will not survive the summer.",
])
def test_in_our_words_is_the_writer_and_quotes_no_one(quotes_of, text):
    assert quotes_of(text) == []


def test_the_operator_is_the_one_word_name_before_however_it_was_tagged(quotes_of):
    text = ("“Power will be back in most regions by evening,” Ukrenergo said on Sunday. "
            "“The grid remains stable,” the operator added.")
    assert [q.speaker.name for q in direct_or_mixed(quotes_of(text))] == ["Ukrenergo", "Ukrenergo"]


@pytest.mark.parametrize("text, party", [
    ("Trump's inner circle says the president is still open to meeting Putin.", "USA"),
    ("Putin's entourage believes the West will tire of the war first.", "RUS"),
])
def test_the_people_around_a_leader_are_unnamed_members_of_the_side(quotes_of, text, party):
    [q] = quotes_of(text)
    assert (q.speaker.name, q.speaker.party) == (None, party)


@pytest.mark.parametrize("text, party", [
    ("“The ball is in Moscow's court,” a senior State Department official said, asking not to be named.", "USA"),
    ("“We expect an answer by Friday,” a White House official said.", "USA"),
])
def test_an_official_of_a_body_the_case_knows_is_unnamed_but_of_its_side(quotes_of, text, party):
    [q] = direct_or_mixed(quotes_of(text))
    assert (q.speaker.name, q.speaker.party) == (None, party)


@pytest.mark.parametrize("text, name, party", [
    ("Lavrov and Rubio met in Riyadh. “We agreed to keep talking,” the American said.", "Rubio", "USA"),
    ("Lavrov and Rubio met in Riyadh. “We agreed to keep talking,” the Russian said.", "Lavrov", "RUS"),
    ("“We will not give up Donbas,” the Ukrainian said.", None, "UKR"),
])
def test_the_american_is_the_one_of_that_side_named_before(quotes_of, text, name, party):
    [q] = direct_or_mixed(quotes_of(text))
    assert (q.speaker.name, q.speaker.party) == (name, party)


def test_the_head_of_state_is_the_leader_named_before(quotes_of):
    text = "Putin spoke after the meeting. “Russia is ready for a fair deal,” the head of state said."
    [q] = direct_or_mixed(quotes_of(text))
    assert (q.speaker.name, q.speaker.party) == ("Putin", "RUS")


def test_a_name_with_a_role_in_apposition_is_a_person_and_a_hyphenated_first_name_is_kept(quotes_of):
    text = "Jean-Luc Moreau, Belgium's top diplomat and a veteran negotiator, called the strike “a provocation.”"
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name == "Jean-Luc Moreau"


def test_plural_leaders_are_no_one_person(quotes_of):
    text = ("Matteo Renzi, the Italian prime minister, arrived first. Other E.U. leaders said the summit "
            "had been “a wake-up call.”")
    quote = next(q for q in direct_or_mixed(quotes_of(text)) if "wake-up" in q.text)
    assert quote.speaker.name is None


def test_a_second_fragment_of_the_same_clause_is_a_quote_of_the_same_speaker(quotes_of):
    text = "Zelensky said the proposal was “interesting” but “far from enough”."
    found = direct_or_mixed(quotes_of(text))
    assert any("far from enough" in q.text for q in found)
    assert {q.speaker.name for q in found} == {"Zelensky"} and all(q.kind == "mixed" for q in found)
    assert found[0].end <= found[1].start  # the fragments do not overlap


def test_in_the_words_of_someone_quotes_the_clause_it_frames(quotes_of):
    text = "The shelling, in the words of Sumy governor Oleh Hryhorov, was “relentless since dawn”."
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name == "Oleh Hryhorov" and q.kind == "mixed"
    assert not q.text.startswith("the words")  # the attributing phrase is not part of what was said


def test_its_spokesman_speaks_for_the_side_named_before(quotes_of):
    text = "For Beijing, the Western draft is “one-sided”, its spokesman said on Tuesday."
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.party == "CHN"


def test_the_owner_of_remarks_speaks_but_not_the_owner_of_a_person(quotes_of):
    remarks = "Zelensky's remarks, which called the offer “a trap”, were posted at night."
    assert direct_or_mixed(quotes_of(remarks))[0].speaker.name == "Zelensky"
    wife = "Zelensky's sister said the convoy was “a miracle”."
    assert direct_or_mixed(quotes_of(wife))[0].speaker.name != "Zelensky"


@pytest.mark.parametrize("text, name", [
    pytest.param("The Turkish draft was called “premature” by Kremlin aide Yuri Ushakov.", "Yuri Ushakov",
                 id="a passive agent speaks for the thing it judged"),
    pytest.param("The statement from Zelensky's office quoted him as saying: “I will not sign a capitulation.”",
                 "Zelensky", id="a statement from a leader's office quoting him is his"),
    pytest.param("“We will not hold elections while the guns are firing.” — Volodymyr Zelensky, speaking in Kyiv.",
                 "Volodymyr Zelensky", id="a dash signature with a description after the name"),
])
def test_the_one_quote_has_its_speaker(quotes_of, text, name):
    [q] = direct_or_mixed(quotes_of(text))
    assert q.speaker.name == name


def test_the_official_takes_up_the_unnamed_official_just_introduced(quotes_of):
    """Not the envoy named beside them: "a senior U.S. official" introduced the source."""
    quotes = quotes_of("According to a senior U.S. official, special envoy Steve Witkoff is expected to travel "
                       "to Moscow next week. The official said Washington wanted a signed framework before the new year.")
    [q] = [q for q in quotes if q.text.startswith("Washington wanted")]
    assert q.speaker.name is None and q.speaker.party == "USA"


def test_an_unnamed_source_keeps_its_side_when_taken_up(quotes_of):
    quotes = quotes_of("A Ukrainian official told us the delegation had worked through the night. "
                       "\u201cThis is the hardest question,\u201d the official said.")
    [q] = [q for q in quotes if q.kind == "direct"]
    assert q.speaker.name is None and q.speaker.party == "UKR"


def test_a_vice_president_is_not_the_president(quotes_of):
    quotes = quotes_of("Vice President JD Vance says a deal could be close. The president himself posted on "
                       "Truth Social this morning, \u201cBIG PROGRESS WITH RUSSIA AND UKRAINE.\u201d")
    [q] = [q for q in quotes if q.kind == "direct"]
    assert q.speaker is None or q.speaker.name is None or "Vance" not in q.speaker.name


@pytest.mark.parametrize("text, name", [
    ("Peskov said Putin had told Witkoff, \u201cWe are not against business.\u201d\n\nPolitical scientist Tatiana "
     "Stanovaya disagrees. \u201cThe talks are a way to manage Trump,\u201d she wrote on Telegram.", "Tatiana Stanovaya"),
    ("\u201cOur channels are open,\u201d Natalia Kovalenko said.\n\nRussian emigre Pavel, who left Moscow in 2022, "
     "was doubtful. \u201cPutin will sign anything,\u201d he said.", "Pavel"),
])
def test_a_pronoun_takes_up_a_described_name_the_tagger_missed(quotes_of, text, name):
    """Not the last person named: the subject the sentence before describes as a person."""
    last = [q for q in quotes_of(text) if q.kind == "direct"][-1]
    assert last.speaker.name == name


@pytest.mark.parametrize("text, party", [
    ("\u201cThey call us afterwards,\u201d said a diplomat from a Nordic EU country.", "EU"),
    ("\u201cNobody here is in a hurry,\u201d a source in the Kremlin told reporters.", "RUS"),
    ("\u201cWe know their plans,\u201d said an official familiar with Russia's thinking.", "NONE"),
])
def test_where_an_unnamed_source_sits_names_its_side(quotes_of, text, party):
    [q] = quotes_of(text)
    assert q.speaker.name is None and q.speaker.party == party


def test_the_outlet_told_is_not_a_name_set_off_after_the_title(quotes_of):
    quotes = quotes_of("Meduza spoke with people familiar with the discussions.\n\nA second source, a government "
                       "official, was gloomy. \u201cNobody here is in a hurry,\u201d the official told Meduza.")
    [q] = [q for q in quotes if q.kind == "direct"]
    assert q.speaker.name is None
