"""A paragraph break always ends a sentence, whatever the parser would have joined."""
from detente.extract.paragraphs import PARAGRAPH_BREAKS, heading_text


def test_the_loaded_pipeline_breaks_sentences_before_parsing(nlp):
    names = nlp.pipe_names
    assert names.index(PARAGRAPH_BREAKS) < names.index("parser")


def test_a_headline_without_a_full_stop_is_its_own_sentence(nlp):
    doc = nlp("Lawmakers Rip Envoy As A Disgusting Fraud\n\nKYIV ― The envoy's plan is an insult, top lawmakers said Friday.")
    first = next(t for t in doc if t.text == "KYIV")
    assert first.is_sent_start
    assert all(t.sent.start == 0 for t in doc[:first.i] if not t.is_space)



def test_a_dateline_is_not_part_of_the_first_sentence(nlp):
    doc = nlp("KYIV, Ukraine (AP) -- President Zelensky, opening the session, said the talks would go on.")
    president = next(t for t in doc if t.text == "President")
    assert president.is_sent_start
    said = next(t for t in doc if t.text == "said")
    assert not any(c.text == "KYIV" for c in said.children)


def test_an_extractor_given_its_own_pipeline_breaks_paragraphs_too():
    import spacy

    from detente.extract import Extractor

    assert PARAGRAPH_BREAKS in Extractor(nlp=spacy.blank("en")).nlp.pipe_names


def test_a_heading_is_a_short_line_without_closing_punctuation():
    assert heading_text("Kremlin rejects the European counter-proposal")
    assert not heading_text("Kremlin rejects the European counter-proposal.")
    assert not heading_text("On Thursday the two delegations met for a third round of talks in Geneva and agreed "
                            "to exchange the bodies of the fallen before the summer")
