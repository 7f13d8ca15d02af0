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


def test_a_dateline_is_not_part_of_the_name(nlp):
    text = "CLEVELAND - Donald Trump said on Monday that the polls were wrong."
    assert last(nlp, text).source == "Donald Trump"


def test_a_dash_apposition_keeps_the_side_with_the_head(nlp):
    # The head of "Many speakers at the service — including ..." is "speakers".
    text = (
        "Many speakers at the service \u2014 including Muslims and Jews \u2014 "
        "said the city would heal."
    )
    src = last(nlp, text).source
    assert src is not None and "including" not in src


def test_a_clause_object_run_into_a_name_is_not_part_of_it(nlp):
    # "another potential hazard Rubio is navigating": the parser makes the object of
    # the reduced relative clause a modifier of its subject's name.
    text = (
        "Senator Marco Rubio spoke in Iowa on Monday. "
        "The refugee dispute is another potential hazard Rubio is navigating carefully. "
        "Rubio said the plan was reckless."
    )
    assert last(nlp, text).source == "Senator Marco Rubio"


def test_an_adjective_before_a_bare_name_is_not_part_of_it(nlp):
    text = (
        "A skeptical Donald Trump watched the debate on Monday. "
        "Trump said the polls were wrong."
    )
    assert last(nlp, text).source == "Donald Trump"


def test_a_role_noun_before_a_name_stays(nlp):
    text = (
        "Talk show host Glenn Beck spoke in Iowa on Monday. "
        "Beck said the race was over."
    )
    assert last(nlp, text).source == "Talk show host Glenn Beck"


def test_an_adjective_before_a_title_stays(nlp):
    text = (
        "Former President Bill Clinton spoke in Ohio on Monday. "
        "Clinton said the economy was strong."
    )
    assert last(nlp, text).source == "Former President Bill Clinton"


def test_an_age_before_a_name_stays(nlp):
    text = (
        "A 62-year-old Brenda Johnson waited in line on Monday. "
        "Johnson said the wait was too long."
    )
    assert last(nlp, text).source.endswith("Brenda Johnson")
    assert "62-year-old" in last(nlp, text).source


def test_coordinated_names_are_not_cut_at_the_conjunction(nlp):
    text = "Donald Trump and Ted Cruz said the deal was a disaster."
    assert last(nlp, text).source == "Donald Trump and Ted Cruz"


def test_a_mention_of_the_other_gender_is_not_fuller(nlp):
    # "Mr. Trump" is not "the former Mrs. Trump", however long that mention is.
    text = (
        "Mr. Trump held a rally on Monday. "
        "The former Mrs. Trump declined to comment on the divorce. "
        "Mr. Trump said the polls were wrong."
    )
    src = last(nlp, text).source
    assert src is not None and "Mrs." not in src


def test_a_headline_verb_inside_a_name_is_cut(nlp):
    text = "Trump rips Joe Scarborough\n\nJoe Scarborough said the remarks were false."
    src = last(nlp, text).source
    assert src is not None and "rips" not in src


def test_a_participle_before_a_title_stays(nlp):
    text = "Retired Gen. John Allen said the plan would fail."
    assert last(nlp, text).source == "Retired Gen. John Allen"


def test_he_is_the_subject_before_not_the_person_named_as_object(nlp):
    # News style carries the subject on: "he" is Sanders, not Clinton.
    text = (
        "Senator Bernie Sanders apologized to Hillary Clinton on Friday. "
        "\u201cThis is not the campaign we run,\u201d he said."
    )
    assert last(nlp, text).source == "Senator Bernie Sanders"


def test_he_is_still_the_nearest_person_when_that_one_is_the_subject(nlp):
    text = (
        "Hillary Clinton praised Bernie Sanders on Friday. "
        "Sanders thanked the crowd in Iowa. "
        "\u201cWe are not done,\u201d he said."
    )
    assert last(nlp, text).source == "Bernie Sanders"


def test_an_adjective_before_a_courtesy_title_is_not_part_of_the_name(nlp):
    text = (
        "A youthful Mr. Bush campaigned in Iowa in 1999. "
        "Mr. Bush said the tax cut would pass."
    )
    assert last(nlp, text).source == "Mr. Bush"


def test_a_hyphenated_participle_adjective_is_not_part_of_the_name(nlp):
    text = (
        "Sen. Bernie Sanders spoke in Iowa on Monday. "
        "Later a hoarse-voiced Sanders thanked the crowd. "
        "Sanders said the race was not over."
    )
    assert last(nlp, text).source == "Sen. Bernie Sanders"
