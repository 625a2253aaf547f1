"""A party's head office is case data: the names that stand for it, and the head's title."""
from detente.codebook import Codebook


def test_head_offices_name_their_party():
    cb = Codebook.bundled()
    assert cb.head_office_of("the Kremlin").code == "RUS"
    assert cb.head_office_of("Downing Street").head_title == "prime minister"
    assert cb.head_office_of("Moscow") is None  # a capital speaks for its side, not for its head
