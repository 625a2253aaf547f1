"""Reported positions beyond "said that": findings, intentions, stances and "called for"."""

import pytest

from detente.codebook import Codebook
from detente.extract.context import ArticleContext
from detente.extract.quotes.finder import find_quotes
from detente.records import Document


@pytest.fixture(scope="module")
def indirect_of(quotes_of):
    return lambda text: [q for q in quotes_of(text) if q.kind == "indirect"]


def test_a_study_shows_that(indirect_of):
    [q] = indirect_of("A new study shows that most voters support the peace plan.")
    assert q.text == "that most voters support the peace plan"
    assert q.speaker.name == "new study"


def test_refused_to_is_the_position_taken(indirect_of):
    [q] = indirect_of("Senator Anna Kovalenko refused to endorse the trade agreement.")
    assert q.text == "to endorse the trade agreement"
    assert q.speaker.name == "Anna Kovalenko"


def test_urged_people_to_gives_the_infinitive_not_the_people(indirect_of):
    [q] = indirect_of("Mayor Ivan Petrenko urged residents to stay in their shelters tonight.")
    assert q.text.startswith("to stay in their shelters")
    assert q.speaker.name == "Ivan Petrenko"


def test_called_for_a_ceasefire(indirect_of):
    [q] = indirect_of("The foreign minister called for an immediate ceasefire along the front.")
    assert q.text == "an immediate ceasefire along the front"


def test_stance_verb_object(indirect_of):
    [q] = indirect_of("Anna Kovalenko endorsed the new energy agreement on Tuesday.")
    assert q.text == "the new energy agreement"
    assert q.speaker.name == "Anna Kovalenko"


def test_passive_subject_is_not_the_speaker(indirect_of):
    assert indirect_of("The reporters were told to leave the building at once.") == []


def test_a_report_inside_a_report_is_one_quote(indirect_of):
    [q] = indirect_of("Anna Kovalenko said the government plans to raise taxes next year.")
    assert q.text == "the government plans to raise taxes next year"
    assert q.speaker.name == "Anna Kovalenko"


def test_call_someone_a_name_is_not_reported_speech(indirect_of):
    assert indirect_of("Anna Kovalenko called the senator a coward on Tuesday.") == []


def test_who_said_names_the_noun_and_points_at_who(indirect_of):
    text = "Reporters spoke to Anna Kovalenko, who said the talks had failed completely."
    [q] = indirect_of(text)
    assert q.speaker.name == "Anna Kovalenko"
    assert text[q.speaker.start:q.speaker.end] == "who"  # the mention; the name is its antecedent's


def test_straight_open_and_curly_close_pair():
    from detente.extract.quotes.marks import find_marked

    text = '"We will not give up our land,” said Anna Kovalenko.'
    [m] = find_marked(text)
    assert text[m.start:m.end] == "We will not give up our land,"


def test_what_she_calls_belongs_to_the_outer_report(nlp):
    codebook = Codebook.bundled()
    text = "Anna Kovalenko says she admired the mayor's courage during what she calls a “war of words.”"
    ctx = ArticleContext(document=Document(id="t", text=text), codebook=codebook, doc=nlp(text))
    [q] = find_quotes(ctx)
    assert q.kind == "mixed" and q.speaker.name == "Anna Kovalenko"
    assert q.text.startswith("she admired") and q.text.rstrip(".”").endswith("war of words")


def test_quote_after_a_reported_sentence_continues_its_speaker(nlp):
    codebook = Codebook.bundled()
    text = ("The talks could resume next week, Anna Kovalenko said.\n"
            "“Nobody here wants this war to go on for another winter.”")
    ctx = ArticleContext(document=Document(id="t", text=text), codebook=codebook, doc=nlp(text))
    [q] = [q for q in find_quotes(ctx) if q.kind == "direct"]
    assert q.speaker.name == "Anna Kovalenko" and q.cue is None


def test_the_one_asked_is_not_the_speaker(indirect_of):
    [q] = indirect_of("Anna Kovalenko was asked whether the talks would resume next week.")
    assert q.text == "whether the talks would resume next week"
    assert q.speaker.name is None and q.speaker.start is None


def test_what_he_called_under_an_infinitive_belongs_to_its_subject(nlp):
    codebook = Codebook.bundled()
    text = "Ivan Petrenko took to Telegram to urge residents to ignore what he called “enemy rumours.”"
    ctx = ArticleContext(document=Document(id="t", text=text), codebook=codebook, doc=nlp(text))
    [q] = find_quotes(ctx)
    assert q.speaker.name == "Ivan Petrenko" and text[q.speaker.start:q.speaker.end] == "Ivan Petrenko"


def test_an_inner_mark_left_open_ends_with_its_outer_quote():
    from detente.extract.quotes.marks import find_marked

    text = "“They say, ‘We are right, ‘ and I would say, ‘That’s ridiculous,'” the mayor added. Then he left."
    [m] = find_marked(text)
    assert text[m.start:m.end].endswith("ridiculous,'")
    assert text[m.stop:].startswith(" the mayor added")


def test_criticized_someone_for_saying_names_the_one_criticized(nlp):
    codebook = Codebook.bundled()
    text = "The senator criticized Ivan Petrenko for saying that the blackout was “entirely planned.”"
    ctx = ArticleContext(document=Document(id="t", text=text), codebook=codebook, doc=nlp(text))
    [q] = [q for q in find_quotes(ctx) if q.kind == "mixed"]
    assert q.speaker.name == "Ivan Petrenko"


def test_branded_is_a_cue_for_a_quoted_label(nlp):
    codebook = Codebook.bundled()
    text = "Japan branded the regime an “outlaw nation in the neighborhood.” Britain urged calm."
    ctx = ArticleContext(document=Document(id="t", text=text), codebook=codebook, doc=nlp(text))
    [q] = [q for q in find_quotes(ctx) if q.kind != "indirect"]
    assert q.cue == "branded" and text[q.speaker.start:q.speaker.end] == "Japan"
