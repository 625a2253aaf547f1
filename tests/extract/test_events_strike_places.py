"""A strike's places are where it hit: not where someone spoke of it, met or filed the report,
nor a capital named as a side (hand-written sentences, real model)."""
import datetime as dt

from detente.extract.events.finder import find_events

FRI = dt.date(2026, 2, 6)


def test_a_capital_as_the_side_that_invaded_is_not_hit(strike_places_of):
    text = ("Russian drones struck a school in Kharkiv overnight, the first such hit since "
            "Moscow's invasion began, officials said.")
    assert strike_places_of(text) == {"Kharkiv"}


def test_the_dateline_is_where_the_report_was_filed(strike_places_of):
    text = "KYIV, Ukraine – Russian missiles hit an energy plant in Poltava on Thursday, killing two workers."
    assert strike_places_of(text) == {"Poltava"}


def test_the_seat_of_a_statement_is_not_hit(strike_places_of):
    text = ("Speaking at the White House, the president condemned the Russian missile attack "
            "that hit Dnipro on Thursday.")
    assert strike_places_of(text) == {"Dnipro"}


def test_the_city_a_statement_came_from_is_not_hit(strike_places_of):
    text = ("In a statement from Moscow, the defence ministry said its forces had struck power plants "
            "in Poltava and Sumy on Thursday.")
    assert strike_places_of(text) == {"Poltava", "Sumy"}


def test_a_hyphenated_city_name_is_one_place(strike_places_of):
    text = "Russian drones hit Lviv, Ivano-Frankivsk and Ternopil overnight, the air force said."
    assert strike_places_of(text) == {"Lviv", "Ivano-Frankivsk", "Ternopil"}


def test_a_city_the_tagger_reads_into_a_time_is_still_hit(strike_places_of):
    """The small model reads "Odesa overnight" as one TIME entity; a holiday alone stays a date."""
    assert strike_places_of("Russian forces launched a missile attack on Odesa overnight, killing two.") == {"Odesa"}
    assert strike_places_of("Drones hit Kyiv on Christmas Day, wounding four.") == {"Kyiv"}


def test_a_city_that_acts_is_a_side_not_a_target(strike_places_of):
    text = ("Kyiv accused Moscow of a drone attack that hit a hospital in Sumy on Thursday and "
            "killed four people.")
    assert strike_places_of(text) == {"Sumy"}


def test_a_visit_is_not_a_strike_place(strike_places_of):
    text = ("The president was in Berlin on Friday, a day after Russian drones hit Odesa and "
            "damaged the port.")
    assert strike_places_of(text) == {"Odesa"}


def test_a_village_of_a_belligerent_resolves(strike_places_of):
    text = "A Russian glide bomb hit the village of Bilozerske on Thursday, wounding three residents."
    assert strike_places_of(text) == {"Bilozerske"}


def test_a_link_to_another_article_reports_nothing_here(strike_places_of):
    text = ("Russian drones hit Odesa overnight, injuring two people.\n"
            "Read also: Missile strike on Chernihiv leaves a school in ruins\n"
            "Most of the drones were shot down.")
    assert strike_places_of(text) == {"Odesa"}


def test_a_river_named_like_a_city_is_not_hit(strike_places_of):
    """'across the Dnipro river' names the water; the town shelled is Nikopol."""
    text = "Russian forces shelled the town of Nikopol across the Dnipro river on Sunday."
    assert strike_places_of(text) == {"Nikopol"}


def test_a_bomb_that_hits_a_city_is_a_strike(strike_places_of):
    assert strike_places_of("A glide bomb slammed into a block of flats in Zaporizhzhia, killing three.") \
        == {"Zaporizhzhia"}


def test_a_city_the_tagger_took_for_a_common_noun_is_still_the_place_hit(strike_places_of):
    assert strike_places_of("Kharkiv was hit by a wave of Shahed drones overnight, the mayor said.") == {"Kharkiv"}


def test_a_place_that_came_under_fire_was_struck(strike_places_of):
    assert strike_places_of("Energy facilities in the Odesa region came under fire on Saturday.") == {"Odesa region"}


def test_a_region_named_after_its_city_is_the_region_not_the_city(article):
    """"The Poltava region" is an area: its name keeps the word region and it takes no city's
    GeoNames id; the city inside it stands for it on a map."""
    text = "Russian drones struck gas facilities in the Poltava region overnight."
    ctx = article(text, FRI)
    [loc] = [l for e in find_events(ctx) if e.type == "strike" for l in e.locations]
    assert loc.name == "Poltava region" and loc.geonameid is None and 49 < loc.lat < 50.5


def test_a_side_judged_in_the_same_sentence_is_not_hit(strike_places_of):
    text = "Zelensky pointed to the latest attacks on Kryvyi Rih as proof that Moscow was not serious."
    assert strike_places_of(text) == {"Kryvyi Rih"}


def test_a_city_and_the_region_named_after_it_in_one_report_are_one_place(strike_places_of):
    text = "Russian missiles hit Sumy and the Sumy region overnight, killing two."
    assert strike_places_of(text) == {"Sumy"}
