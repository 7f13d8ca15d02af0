"""The fullest mention of a source (``MentionIndex.fullest``): what ``source`` names.

The codebook: "The source is the fullest mention of it in the article." These tests
check which earlier mentions count as fuller ones, with the rules-only ``nlp`` fixture.
"""

from __future__ import annotations

from spacy.language import Language

from annotator.rules import Prelabel


def last(nlp: Language, text: str) -> Prelabel:
    return nlp(text)._.prelabels[-1]


def test_a_title_case_headline_is_not_a_fuller_mention(nlp):
    # The parser and the entity recogniser read the headline as one long name.
    text = (
        "Gold Star Mom Corners Obama On Benghazi\n\n"
        "The president took questions at a town hall on Wednesday.\n\n"
        "\u201cWe will not forget,\u201d said Obama."
    )
    assert last(nlp, text).source == "Obama"


def test_a_sentence_case_mention_still_gives_the_full_name(nlp):
    text = (
        "President Barack Obama took questions at a town hall on Wednesday.\n\n"
        "\u201cWe will not forget,\u201d said Obama."
    )
    assert last(nlp, text).source == "President Barack Obama"


def test_the_possessive_is_not_part_of_the_fullest_name(nlp):
    text = (
        "Donald Trump's campaign held a rally in Ohio on Monday.\n\n"
        "Trump said the polls were wrong."
    )
    assert last(nlp, text).source == "Donald Trump"


def test_a_body_named_after_a_person_is_not_that_person(nlp):
    text = (
        "Donald Trump spoke in Ohio on Monday. "
        "Trump University closed years ago. "
        "Trump said the polls were wrong."
    )
    assert last(nlp, text).source == "Donald Trump"


def test_a_body_is_still_named_in_full_by_its_own_name(nlp):
    text = (
        "Fox News aired the interview on Monday. "
        "Fox said the footage was authentic."
    )
    # "Fox" is no person's name here: the outlet's fuller mention stands
    assert last(nlp, text).source == "Fox News"
