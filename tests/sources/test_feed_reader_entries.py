"""RSS and Atom feeds: one document per entry, HTML content cleaned to text."""
import datetime as dt

import pytest

from detente.errors import SourceError
from detente.sources import read_file

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire Feed</title><link>https://wire.example</link>
<item><title>Strike on Odesa</title><link>https://wire.example/1</link>
<pubDate>Thu, 05 Feb 2026 09:00:00 +0000</pubDate>
<description>&lt;p&gt;Russian drones hit Odesa overnight.&lt;/p&gt;&lt;p&gt;Two people were injured.&lt;/p&gt;</description></item>
<item><title>Talks resume</title><link>https://wire.example/2</link>
<description>Delegations met in Abu Dhabi.</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Prisoner exchange</title><link href="https://atom.example/a"/>
<updated>2026-02-05T12:00:00Z</updated>
<content type="html">&lt;p&gt;Ukraine and Russia exchanged 157 prisoners each.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_entries_become_documents(tmp_path):
    path = tmp_path / "wire.xml"
    path.write_text(RSS, encoding="utf-8")
    first, second = read_file(path)
    assert first.text == "Russian drones hit Odesa overnight.\nTwo people were injured."
    assert (first.title, first.url, first.outlet) == ("Strike on Odesa", "https://wire.example/1", "Wire Feed")
    assert first.published == dt.date(2026, 2, 5)
    assert second.text == "Delegations met in Abu Dhabi." and second.published is None


def test_atom_content_is_used(tmp_path):
    path = tmp_path / "news.atom"
    path.write_text(ATOM, encoding="utf-8")
    doc, = read_file(path)
    assert doc.text == "Ukraine and Russia exchanged 157 prisoners each."
    assert (doc.url, doc.outlet, doc.published) == ("https://atom.example/a", "Atom News", dt.date(2026, 2, 5))


def test_feed_sniffed_inside_a_txt_file(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(RSS, encoding="utf-8")
    assert [d.title for d in read_file(path)] == ["Strike on Odesa", "Talks resume"]


def test_feed_without_entries_is_an_error(tmp_path):
    path = tmp_path / "empty.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
                    encoding="utf-8")
    with pytest.raises(SourceError, match="empty.rss.*no entries"):
        read_file(path)
