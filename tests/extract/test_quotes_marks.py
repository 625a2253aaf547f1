"""Quotation marks → quoted stretches, before any parsing (no model needed)."""
from detente.extract.quotes.marks import find_marked


def quoted(text: str) -> list[str]:
    return [text[m.start:m.end] for m in find_marked(text)]


def test_curly_straight_and_guillemet_quotes_exclude_their_marks():
    assert quoted('He said: “We see progress.” Then "No deal," she said. «Nous verrons»') == [
        "We see progress.", "No deal,", "Nous verrons"]


def test_low_high_german_quotes_pair():
    assert quoted("Er sagte „Wir sehen Fortschritte“ gestern.") == ["Wir sehen Fortschritte"]


def test_nested_straight_quotes_stay_inside_the_outer_quote():
    text = 'She wrote: "Russia\'s "peace" last night: a massive attack".\nNext line.'
    assert quoted(text) == ['Russia\'s "peace" last night: a massive attack']


def test_quote_over_several_paragraphs_continues_when_the_next_paragraph_opens_with_a_mark():
    text = "“First paragraph of the speech,\n“and the second one ends here.”\nAfter."
    [m] = find_marked(text)
    assert text[m.start:m.end] == "First paragraph of the speech,\n“and the second one ends here."


def test_unclosed_quote_ends_with_its_paragraph_when_the_next_does_not_open_with_a_mark():
    assert quoted("“Since the beginning of this\nNew paragraph without marks.") == ["Since the beginning of this"]


def test_apostrophes_are_not_single_quotes():
    assert quoted("Ukraine’s envoy and Russia's delegation didn't meet.") == []
    assert quoted("Umerov: Moscow finally delivers ‘its proposal’ on the truce") == ["its proposal"]


def test_double_apostrophes_of_newspaper_archives_are_double_marks():
    assert quoted("''This isn't tax reform,'' said the economist.") == ["This isn't tax reform,"]


def test_a_quote_closed_with_the_other_familys_mark_still_closes():
    """“…» and «…”: a mark of the wrong family closes the quote when its own opener is not open,
    so the cue after it ("the text says") stays outside."""
    assert quoted("“Both sides will stop strikes,» the text says.") == ["Both sides will stop strikes,"]
    assert quoted("«We agree,” she said.") == ["We agree,"]
    assert quoted("“She called it «a trap» twice,” he said.") == ["She called it «a trap» twice,"]
