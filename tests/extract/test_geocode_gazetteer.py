"""Offline geocoding: spelling variants, ties broken by the case's countries, unknown names."""
import pytest

from detente.codebook import Codebook
from detente.extract.places.gazetteer import belligerent_countries, geocode, small_places


@pytest.fixture(scope="module")
def case():
    return Codebook.bundled()


@pytest.mark.parametrize("a, b", [
    ("Kiev", "Kyiv"), ("Kharkov", "Kharkiv"), ("Zaporozhye", "Zaporizhzhia"),
    ("Odessa", "Odesa"), ("Dnepr", "Dnipro"), ("Nikolaev", "Mykolaiv"),
])
def test_transliteration_variants_are_one_place(case, a, b):
    ma, mb = geocode(a, case), geocode(b, case)
    assert ma is not None and mb is not None
    assert ma.place.geonameid == mb.place.geonameid
    assert ma.place.country == "UA"


def test_kyiv_has_its_geonames_id_and_coordinates(case):
    p = geocode("Kyiv", case).place
    assert p.geonameid == 703448
    assert p.lat == pytest.approx(50.45, abs=0.05) and p.lon == pytest.approx(30.52, abs=0.05)


def test_pokrovsk_is_the_ukrainian_town_not_a_russian_alias(case):
    # Engels (Russia) was once called Pokrovsk and is bigger; its own name is not Pokrovsk.
    m = geocode("Pokrovsk", case)
    assert (m.place.geonameid, m.place.country) == (704422, "UA")


def test_country_context_breaks_ties(case):
    assert geocode("Geneva", case).place.country == "CH"
    us_case = case.model_copy(update={"country_context": ["US"], "places": []})
    assert geocode("Geneva", us_case).place.country == "US"


def test_countries_and_states(case):
    assert geocode("Turkey", case).place.kind == "country"
    alaska = geocode("Alaska", case).place
    assert (alaska.kind, alaska.country) == ("region", "US")


def test_case_places_come_from_the_codebook(case):
    m = geocode("White House", case)
    assert m is not None and m.place.country == "US" and m.reason == "case codebook place"


def test_unknown_place(case):
    assert geocode("Narnia", case) is None
    assert geocode("", case) is None


def test_towns_and_villages_come_only_for_the_belligerents(case):
    assert belligerent_countries(case) == ("RU", "UA")  # from the codebook's belligerents
    towns = small_places(("UA",))
    assert towns and all(c.place.country == "UA" for cs in towns.values() for c in cs)
    assert min(c.place.population for cs in towns.values() for c in cs) < 15000


def test_a_village_named_with_its_region_is_the_one_in_that_region(nlp):
    """Many Ukrainian villages share a name: the oblast named after it picks the namesake there
    (a region stands where the city it is named after does: the Kherson region is Kherson's
    admin1), and where the gazetteer has none there, no namesake elsewhere is taken."""
    import datetime as dt

    from detente.extract.context import ArticleContext
    from detente.extract.events.finder import find_events
    from detente.records import Document

    def places(text):
        day = dt.date(2026, 11, 12)
        ctx = ArticleContext(document=Document(id="t", text=text, published=day), codebook=Codebook.bundled(),
                             doc=nlp(text), reference_date=day)
        return {l.name: l for e in find_events(ctx) for l in e.locations}

    found = places("A drone hit a barn in the village of Ivanivka in the Kherson region on Tuesday.")["Ivanivka"]
    assert found.geonameid == 707453  # GeoNames' Ivanivka of the Kherson oblast (admin1 08), not the biggest one
    found = places("Drones hit houses in Sosnivka in the Dnipropetrovsk region on Tuesday.")["Sosnivka"]
    assert (found.geonameid, found.lat, found.country) == (None, None, "UA")
