"""A cue whose subject cannot speak ("it", "blunt language") hands the quote to the real speaker."""




def speaker_text(text, q):
    return text[q.speaker.start:q.speaker.end]


def test_it_inside_a_said_clause_is_not_the_speaker(quotes_of):
    text = "Anna Kovalenko says it underscores that the plan is “a recipe for surrender.”"
    quotes = [q for q in quotes_of(text) if "recipe" in q.text]
    assert quotes and all(speaker_text(text, q) == "Anna Kovalenko" for q in quotes)


def test_language_used_to_denounce_is_not_the_speaker(quotes_of):
    text = "Other leaders used blunt language to denounce the “reckless and dangerous” strikes."
    quotes = [q for q in quotes_of(text) if "reckless" in q.text]
    assert quotes and all("leaders" in speaker_text(text, q) for q in quotes)


def test_subject_of_a_quoted_main_verb_speaks_for_after_saying(quotes_of):
    text = ("After saying her foot was “so swollen I could barely walk,” "
            "she was “rushed off to the hospital” for tests.")
    quotes = [q for q in quotes_of(text) if "swollen" in q.text]
    assert quotes and all(speaker_text(text, q) == "she" for q in quotes)


def test_relative_that_mention_runs_from_its_noun(quotes_of):
    text = "The money came from a super PAC that called the plan “a reckless giveaway.”"
    quotes = [q for q in quotes_of(text) if "giveaway" in q.text]
    assert quotes and all(speaker_text(text, q) == "a super PAC that" for q in quotes)
