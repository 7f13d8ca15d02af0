"""The fullest mention of a source (``MentionIndex.fullest``): what ``source`` names.

The codebook: "The source is the fullest mention of it in the article." These tests
check which earlier mentions count as fuller ones, with the rules-only ``nlp`` fixture.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from annotator.rules import Prelabel


def last(nlp: Language, text: str) -> Prelabel:
    return nlp(text)._.prelabels[-1]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # The parser and the entity recogniser read the headline as one long name.
        pytest.param(
            (
                "Gold Star Mom Corners Obama On Benghazi\n\n"
                "The president took questions at a town hall on Wednesday.\n\n"
                "\u201cWe will not forget,\u201d said Obama."
            ),
            "Obama",
            id="a_title_case_headline_is_not_a_fuller_mention",
        ),
        pytest.param(
            (
                "President Barack Obama took questions at a town hall on Wednesday.\n\n"
                "\u201cWe will not forget,\u201d said Obama."
            ),
            "President Barack Obama",
            id="a_sentence_case_mention_still_gives_the_full_name",
        ),
        pytest.param(
            (
                "Donald Trump's campaign held a rally in Ohio on Monday.\n\n"
                "Trump said the polls were wrong."
            ),
            "Donald Trump",
            id="the_possessive_is_not_part_of_the_fullest_name",
        ),
        pytest.param(
            (
                "Donald Trump spoke in Ohio on Monday. "
                "Trump University closed years ago. "
                "Trump said the polls were wrong."
            ),
            "Donald Trump",
            id="a_body_named_after_a_person_is_not_that_person",
        ),
        pytest.param(
            ("Fox News aired the interview on Monday. Fox said the footage was authentic."),
            "Fox News",
            id="a_body_is_still_named_in_full_by_its_own_name",
        ),
        pytest.param(
            "CLEVELAND - Donald Trump said on Monday that the polls were wrong.",
            "Donald Trump",
            id="a_dateline_is_not_part_of_the_name",
        ),
        # "another possible trap Garcia is avoiding": the parser makes the object of
        # the reduced relative clause a modifier of its subject's name.
        pytest.param(
            (
                "Mayor Elena Garcia spoke in Dayton on Monday. "
                "The pension dispute is another possible trap Garcia is avoiding carefully. "
                "Garcia said the plan was reckless."
            ),
            "Mayor Elena Garcia",
            id="a_clause_object_run_into_a_name_is_not_part_of_it",
        ),
        pytest.param(
            (
                "A skeptical Donald Trump watched the debate on Monday. "
                "Trump said the polls were wrong."
            ),
            "Donald Trump",
            id="an_adjective_before_a_bare_name_is_not_part_of_it",
        ),
        pytest.param(
            ("Talk show host Glenn Beck spoke in Iowa on Monday. Beck said the race was over."),
            "Talk show host Glenn Beck",
            id="a_role_noun_before_a_name_stays",
        ),
        pytest.param(
            (
                "Former President Bill Clinton spoke in Ohio on Monday. "
                "Clinton said the economy was strong."
            ),
            "Former President Bill Clinton",
            id="an_adjective_before_a_title_stays",
        ),
        pytest.param(
            "Donald Trump and Ted Cruz said the deal was a disaster.",
            "Donald Trump and Ted Cruz",
            id="coordinated_names_are_not_cut_at_the_conjunction",
        ),
        pytest.param(
            "Retired Gen. John Allen said the plan would fail.",
            "Retired Gen. John Allen",
            id="a_participle_before_a_title_stays",
        ),
        # News style carries the subject on: "he" is Sanders, not Clinton.
        pytest.param(
            (
                "Senator Bernie Sanders apologized to Hillary Clinton on Friday. "
                "\u201cThis is not the campaign we run,\u201d he said."
            ),
            "Senator Bernie Sanders",
            id="he_is_the_subject_before_not_the_person_named_as_object",
        ),
        pytest.param(
            (
                "Hillary Clinton praised Bernie Sanders on Friday. "
                "Sanders thanked the crowd in Iowa. "
                "\u201cWe are not done,\u201d he said."
            ),
            "Bernie Sanders",
            id="he_is_still_the_nearest_person_when_that_one_is_the_subject",
        ),
        pytest.param(
            (
                "A youthful Mr. Bush campaigned in Iowa in 1999. "
                "Mr. Bush said the tax cut would pass."
            ),
            "Mr. Bush",
            id="an_adjective_before_a_courtesy_title_is_not_part_of_the_name",
        ),
        pytest.param(
            (
                "Sen. Bernie Sanders spoke in Iowa on Monday. "
                "Later a hoarse-voiced Sanders thanked the crowd. "
                "Sanders said the race was not over."
            ),
            "Sen. Bernie Sanders",
            id="a_hyphenated_participle_adjective_is_not_part_of_the_name",
        ),
        # "The party's spokesman, Tom Roe" makes Roe a man, so "she" is not the nearer "Roe"
        pytest.param(
            (
                "Jane Doe spoke in Ohio on Monday. "
                "The party's spokesman, Tom Roe, praised the plan. "
                "Roe criticized the governor. "
                "\u201cWe will win,\u201d she said."
            ),
            "Jane Doe",
            id="she_skips_a_man_the_article_gives_a_male_title",
        ),
        pytest.param(
            (
                "Jane Doe met Tom Roe in Ohio on Monday. "
                "Roe praised the plan. "
                "\u201cWe will win,\u201d she said."
            ),
            "Tom Roe",
            id="she_keeps_the_nearest_person_of_unknown_gender",
        ),
        # "Lane said she would run" makes Lane a woman, so "he" is the man before her
        pytest.param(
            (
                "Chris Moss spoke in Ohio on Monday. "
                "Pat Lane said she would run for the seat. "
                "\u201cWe will win,\u201d he said."
            ),
            "Chris Moss",
            id="he_skips_a_woman_the_article_calls_she",
        ),
        # "Lane praised her": "her" is someone else, not Lane
        pytest.param(
            (
                "Chris Moss spoke in Ohio on Monday. "
                "Pat Lane praised her in a speech. "
                "\u201cWe will win,\u201d he said."
            ),
            "Pat Lane",
            id="an_object_pronoun_says_nothing_of_the_gender",
        ),
        # a surname two people share gives no gender; their first names do
        pytest.param(
            (
                "Hillary Clinton said she would campaign in Iowa. "
                "Former President Bill Clinton said he would join her. "
                "Clinton spoke to voters in Des Moines on Monday. "
                "\u201cWe will win,\u201d she said."
            ),
            "Hillary Clinton",
            id="she_is_not_named_by_her_husbands_fuller_mention",
        ),
        pytest.param(
            (
                "Li Wen, a professor at China Foreign Affairs University, spoke on Monday. "
                "China said the talks would go on."
            ),
            "China",
            id="a_place_is_not_the_body_named_after_it",
        ),
    ],
)
def test_source_is_the_fullest_fitting_mention(nlp, text, source):
    assert last(nlp, text).source == source


def test_a_dash_apposition_keeps_the_side_with_the_head(nlp):
    # The head of "Many speakers at the service — including ..." is "speakers".
    text = (
        "Many speakers at the service \u2014 including Muslims and Jews \u2014 "
        "said the city would heal."
    )
    src = last(nlp, text).source
    assert src is not None and "including" not in src


def test_an_age_before_a_name_stays(nlp):
    text = (
        "A 62-year-old Brenda Johnson waited in line on Monday. Johnson said the wait was too long."
    )
    assert last(nlp, text).source.endswith("Brenda Johnson")
    assert "62-year-old" in last(nlp, text).source


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


def test_person_genders_leave_a_shared_surname_out(nlp):
    from annotator.rules.lexicons import lexicons
    from annotator.rules.sources import person_genders

    doc = nlp(
        "Hillary Clinton said she would campaign in Iowa. "
        "Bill Clinton said he would join her. "
        "Billie Jean King spoke on Monday."
    )
    genders = person_genders(doc, list(doc.ents), lexicons())
    assert genders.get("hillary") == "female"
    assert genders.get("bill") == "male"
    assert "clinton" not in genders
    assert "billie" not in genders  # a title word at the end of a name is not a title


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "According to the consultancy Wood Mackenzie, prices will rise.",
            "the consultancy Wood Mackenzie",
        ),
        ("The pollster YouGov found that most voters oppose the plan.", "The pollster YouGov"),
    ],
)
def test_a_name_right_after_its_common_noun_is_in_the_mention(nlp, text, source):
    assert last(nlp, text).source == source


def test_a_name_set_off_by_a_comma_or_a_day_stays_out(nlp):
    # a comma sets off a description of the source; a day is no name
    assert last(nlp, "The spokesman, John Kirby, said the talks failed.").source == "John Kirby"
    assert last(nlp, "Trump told reporters Monday that he would win.").source == "Trump"
