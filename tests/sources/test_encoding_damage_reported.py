"""Decoding is never silently wrong: damaged UTF-8 stays UTF-8, and a guess is reported."""
import pytest

from detente.sources import read_file

CURLY = ("Talks in Geneva\n\nThe envoy’s team said “progress” was made; the minister’s office "
         "agreed that the next round would follow “within days”.\n")
PLAIN = ("Talks in Geneva\n\nThe envoy said progress was made and the team agreed to meet again "
         "next week in the same city, officials said.\n")


def _damage(data: bytes, at: list[int]) -> bytes:
    out = bytearray(data)
    for i in at:
        assert out[i] < 0x80  # an ASCII letter, so the damage is one bad byte, not a new character
        out[i] = 0x93
    return bytes(out)


def test_one_bad_byte_in_utf8_keeps_the_file_utf8(tmp_path):
    data = CURLY.encode("utf-8")
    path = tmp_path / "a.txt"
    path.write_bytes(_damage(data, [data.index(b"minister")]))
    doc, = read_file(path)
    assert doc.text == CURLY.replace("minister", "\ufffdinister")
    assert "’" in doc.text and "“progress”" in doc.text   # not Mac Roman "‚Äô"
    assert doc.warnings == ["not valid UTF-8: 1 byte could not be decoded and was replaced with U+FFFD"]


def test_several_bad_bytes_are_counted(tmp_path):
    data = CURLY.encode("utf-8")
    path = tmp_path / "a.txt"
    path.write_bytes(_damage(data, [data.index(w) for w in (b"envoy", b"team", b"said")]))
    doc, = read_file(path)
    assert doc.text.count("\ufffd") == 3
    assert doc.warnings == ["not valid UTF-8: 3 bytes could not be decoded and were replaced with U+FFFD"]


def test_bad_bytes_in_ascii_are_a_reported_guess(tmp_path):
    data = PLAIN.encode("ascii")
    path = tmp_path / "a.txt"
    path.write_bytes(_damage(data, [data.index(w) for w in (b"envoy", b"team", b"week", b"city", b"officials")]))
    doc, = read_file(path)
    [warning] = doc.warnings
    assert warning.startswith("not UTF-8; decoded as ") and "guess" in warning


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_a_single_byte_encoding_is_named_in_a_warning(tmp_path, encoding):
    text = "Talks in Genève\nThe délégation from Zürich met the négociateurs à Genève again.\n" * 3
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    doc, = read_file(path)
    assert doc.text == text
    assert len(doc.warnings) == 1 and doc.warnings[0].startswith("not UTF-8; decoded as ")


def test_clean_utf8_has_no_warning(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(CURLY.encode("utf-8"))
    assert read_file(path)[0].warnings == []
