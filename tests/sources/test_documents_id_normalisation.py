"""Document ids: equal for the same article however it is spaced, different for other text."""
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from detente.sources import document_id
from detente.sources.documents import clean_newlines

words = st.lists(st.text(alphabet=st.characters(blacklist_categories=("Z", "C")), min_size=1),
                 min_size=1, max_size=20)
gaps = st.sampled_from([" ", "  ", "\n", "\r\n", "\t", " \n\n "])


@given(words, st.data())
def test_whitespace_and_line_endings_do_not_change_the_id(tokens, data):
    spaced = "".join(tok + data.draw(gaps) for tok in tokens)
    assert document_id(spaced) == document_id(" ".join(tokens))


@given(st.text(min_size=1))
def test_unicode_composition_does_not_change_the_id(text):
    assert document_id(unicodedata.normalize("NFD", text)) == document_id(unicodedata.normalize("NFC", text))


def test_clean_newlines_drops_bom_and_carriage_returns():
    assert clean_newlines("\ufeffa\r\nb\rc\n") == "a\nb\nc\n"
