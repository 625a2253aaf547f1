"""Encodings are detected; binary, empty and oversized files are refused with the file named."""

import pytest

from detente.errors import SourceError
from detente.sources import read_file

RUSSIAN = ("Пресс-секретарь президента России Дмитрий Песков заявил журналистам, что переговоры "
           "в Абу-Даби продолжатся на следующей неделе, но обсуждать территориальный вопрос "
           "публично Кремль не намерен.\nОн добавил, что позиция Москвы остаётся неизменной.\n")
ENGLISH = "Peace talks in Genève\nZelensky said the café meeting in Zürich was “constructive”.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig", "utf-8"])
def test_unicode_encodings_with_and_without_bom(tmp_path, encoding):
    path = tmp_path / "a.txt"
    data = ENGLISH.encode(encoding)
    if encoding == "utf-16-le":  # no BOM: detection must still find it
        data = (ENGLISH * 5).encode(encoding)
    path.write_bytes(data)
    doc, = read_file(path)
    assert doc.text.startswith("Peace talks in Genève\n")
    assert "Zürich" in doc.text and "\ufeff" not in doc.text


def test_cp1251_cyrillic(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    doc, = read_file(path)
    assert doc.text == RUSSIAN


def test_latin1(tmp_path):
    path = tmp_path / "a.txt"
    text = "Talks in Genève\nThe délégation from Zürich met the négociateurs à Genève again.\n" * 3
    path.write_bytes(text.encode("latin-1"))
    doc, = read_file(path)
    assert doc.text == text


def test_same_text_in_different_encodings_and_line_endings_is_one_id(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(RUSSIAN.encode("utf-8"))
    b.write_bytes(RUSSIAN.replace("\n", "\r\n").encode("utf-16"))
    assert read_file(a)[0].id == read_file(b)[0].id


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(SourceError, match="image.txt.*binary"):
        read_file(path)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_or_whitespace_file_is_refused(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    with pytest.raises(SourceError, match="blank.txt.*(empty|whitespace)"):
        read_file(path)


def test_50mb_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: no need to write 50 MB

    def no_open(*args, **kwargs):
        raise AssertionError("the file was opened: the size limit must be checked first")

    monkeypatch.setattr("detente.sources.encoding.os.open", no_open)
    with pytest.raises(SourceError, match=r"huge.txt.*52,428,800 bytes.*limit of 10,485,760"):
        read_file(path)


def test_size_limit_is_configurable(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    with pytest.raises(SourceError, match="limit of 10 bytes"):
        read_file(path, max_bytes=10)
    assert read_file(path, max_bytes=10_000)
