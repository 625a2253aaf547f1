"""Mention → Speaker: transliterations, pronouns, role nouns, appositions, codebook links."""
import datetime as dt

import pytest

from detente.codebook import Codebook
from detente.extract.mentions.actors import resolve_mention
from detente.extract.mentions.people import mention_index
from detente.extract.mentions.phrases import noun_phrase
from detente.extract.context import ArticleContext
from detente.records import Document


@pytest.fixture(scope="module")
def context(nlp):
    codebook = Codebook.bundled()

    def make(text: str, day: dt.date | None = dt.date(2026, 2, 6)) -> ArticleContext:
        return ArticleContext(document=Document(id="t", text=text, published=day), codebook=codebook,
                              doc=nlp(text), reference_date=day)

    return make


def speaker_at(ctx: ArticleContext, word: str, nth: int = 0):
    toks = [t for t in ctx.doc if t.text == word]
    return resolve_mention(noun_phrase(toks[nth]), ctx)


def test_two_transliterations_are_one_person(context):
    ctx = context("Sergei Yagodzinsky spoke first. Later Serhiy Yagodzinsky said more. Yagodzinsky notes it.")
    people = {id(p) for p in mention_index(ctx).people.values()}
    assert len(people) == 1
    assert speaker_at(ctx, "Yagodzinsky", 2).name in ("Sergei Yagodzinsky", "Serhiy Yagodzinsky")


@pytest.mark.parametrize("text, pronoun", [
    pytest.param("Talks stalled after Olena Marchenko met Petro Hrytsenko in Kyiv. Then he said the talks failed.",
                 "he", id="the most recent person when no one was the subject"),
    pytest.param("Petro Hrytsenko sought to calm allies worried by Taras Bilyk. “We stay,” he said.",
                 "he", id="goes on with the subject of the sentence before"),
    pytest.param("Petro Hrytsenko spoke for an hour. “Taras Bilyk has lost,” critics wrote. Then he said more.",
                 "he", id="skips a name inside quoted words"),
    pytest.param("Taras Bilyk left. Petro Hrytsenko stayed for an hour. The Bilyk plan was dead by then. "
                 "On Friday he said more.", "he", id="skips a name that only modifies a thing"),
    pytest.param("Petro Hrytsenko spoke in Kyiv on Monday after Dmitry Peskov wrote to him.\n\nReply to Peskov\n\n"
                 "He said the letter was sent on Friday.", "He", id="skips a name in a heading"),
])
def test_a_pronoun_takes_up_the_person_the_text_goes_on_about(context, text, pronoun):
    assert speaker_at(context(text), pronoun).name == "Petro Hrytsenko"


def test_the_title_takes_up_the_person_who_spoke_before(context):
    ctx = context("Taras Bilyk, the Ukrainian president, met Petro Hrytsenko, a president of a bank. "
                  "“We wait,” Bilyk said after he met Hrytsenko again. “We will see,” the president added.")
    assert speaker_at(ctx, "president", 2).name == "Taras Bilyk"


def test_the_leader_of_a_side_is_its_head_of_state_not_any_leader(context):
    ctx = context("Taras Bilyk, the Ukrainian president, spoke. Petro Hrytsenko, leader of a Ukrainian "
                  "party faction, listened. Bilyk said the plan was unfair. “We wait,” the Ukrainian leader said.")
    assert speaker_at(ctx, "leader", 1).name == "Taras Bilyk"


def test_role_noun_resolves_to_the_person_the_text_gave_that_role(context):
    ctx = context("Ukrainian Foreign Minister Andrii Sybiha arrived in Geneva. "
                  "Analyst Mark Polyakov waited outside. The minister said talks would continue.")
    spk = speaker_at(ctx, "minister")
    assert spk.name == "Andrii Sybiha" and spk.party == "UKR"


def test_role_noun_resolves_through_the_codebook_role_on_the_article_date(context):
    ctx = context("Dmitry Peskov spoke on Friday. Anna Lee listened. Putin's spokesperson said it again.")
    spk = speaker_at(ctx, "spokesperson")
    assert spk.name == "Dmitry Peskov" and spk.party == "RUS" and spk.actor_id == "dmitry_peskov"


def test_apposition_gives_role_and_party_to_an_unknown_person(context):
    ctx = context("Taras Bilyk, the head of Ukraine's presidential office, said the plan was unfair.")
    spk = speaker_at(ctx, "Bilyk")
    assert spk.name == "Taras Bilyk" and spk.party == "UKR" and "head" in spk.role


def test_unknown_expert_keeps_name_and_textual_role_and_no_party(context):
    ctx = context("Doctor of Philosophy Mykola Hrytsak commented on the talks. The expert notes a deadlock.")
    spk = speaker_at(ctx, "Hrytsak")
    assert spk.name == "Mykola Hrytsak" and spk.party == "NONE" and spk.actor_id is None
    assert "Doctor of Philosophy" in spk.role
    assert speaker_at(ctx, "expert").name == "Mykola Hrytsak"


def test_codebook_actor_gets_party_and_dated_role(context):
    ctx = context("Putin's special envoy Kirill Dmitriev said the talks went well.")
    spk = speaker_at(ctx, "Dmitriev")
    assert (spk.actor_id, spk.party, spk.role) == ("kirill_dmitriev", "RUS", "special envoy")


def test_body_and_metonym_speakers(context):
    ctx = context("The Kremlin said the talks were useful, and Moscow insisted on its terms.")
    kremlin, moscow = speaker_at(ctx, "Kremlin"), speaker_at(ctx, "Moscow")
    assert kremlin.party == moscow.party == "RUS"
    assert kremlin.name == "Kremlin" and moscow.name == "Moscow"


def test_index_is_built_once_per_article(context):
    ctx = context("Anna Kovalenko said it.")
    assert mention_index(ctx) is mention_index(ctx)


def test_a_state_label_in_parentheses_is_not_a_person(context):
    ctx = context("Republican Sen. Lisa Murkowski (R-Alaska) criticised him. Then she said the talks failed.")
    assert speaker_at(ctx, "she").name == "Lisa Murkowski"


def test_a_numbered_thing_is_not_a_person(context):
    ctx = context("Olena Marchenko said the 13th Amendment was worth examining, and she said so twice.")
    assert speaker_at(ctx, "she").name == "Olena Marchenko"


def test_she_skips_a_man_the_text_calls_mr(context):
    ctx = context("Olena Marchenko spoke after Mr. Petro Hrytsenko left the room. Then she said the talks failed.")
    assert speaker_at(ctx, "she").name == "Olena Marchenko"


def test_he_skips_a_spokeswoman(context):
    ctx = context("Petro Hrytsenko arrived before Kremlin spokeswoman Olena Marchenko spoke. Then he said the talks failed.")
    assert speaker_at(ctx, "he").name == "Petro Hrytsenko"


def test_the_end_of_a_long_name_is_the_same_person_not_a_relative(context):
    ctx = context("Juan Carlos Ortega Vidal met reporters in Madrid. Later Carlos Ortega Vidal said the talks had failed.")
    assert speaker_at(ctx, "Vidal", 1).name == "Juan Carlos Ortega Vidal"


def test_two_first_names_of_one_surname_are_two_people(context):
    ctx = context("Mark Halloran spoke first. Joan Halloran said she disagreed.")
    assert (speaker_at(ctx, "Halloran", 0).name, speaker_at(ctx, "Halloran", 1).name) == ("Mark Halloran", "Joan Halloran")
