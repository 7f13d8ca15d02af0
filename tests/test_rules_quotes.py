"""Quotation pairing and quote rules (codebook rules 2, 3, 5, 8, 9, 11)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from annotator.rules.quotes import find_quotes


def run(nlp: Language, text: str):
    doc = nlp(text)
    return doc, doc._.prelabels


# -- pairing (pure, on text) -----------------------------------------------------------


def test_curly_and_straight_quotes_pair():
    text = 'He said “we will win” and she said "we will see".'
    got = [text[q.start : q.end] for q in find_quotes(text)]
    assert got == ["we will win", "we will see"]


def test_apostrophes_are_not_quotes():
    text = "Russia’s position and the ‘de-escalation areas’ of Syria’s north."
    got = [text[q.start : q.end] for q in find_quotes(text)]
    assert got == ["de-escalation areas"]


def test_multi_paragraph_quote_continues():
    text = "She said: “The first part goes on.\n\n“And the second part ends here.”\n\nAfter."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert text[quotes[0].start : quotes[0].end].endswith("ends here.")


def test_a_quote_one_sentence_a_paragraph_runs_to_its_closing_mark():
    text = 'He said:\n\n"One.\n\nTwo.\n\nThree.\n\nFour."\n\nAfter "that" came more.'
    got = [text[q.start : q.end] for q in find_quotes(text)]
    assert got == ["One.\n\nTwo.\n\nThree.\n\nFour.", "that"]


def test_an_unclosed_quote_is_still_given_up_before_a_new_one():
    text = 'He said:\n\n"One.\n\nTwo.\n\nThree.\n\n"Four," she said.'
    got = [text[q.start : q.end] for q in find_quotes(text)]
    assert got[-1] == "Four,"


def test_a_stray_closing_mark_opens_no_quote():
    text = 'The end of it." Then the author went on.\n\nAnd on.'
    assert find_quotes(text) == []


def test_multi_paragraph_quote_with_straight_marks_continues():
    text = (
        'He noted: "The pattern is the same.\n\n"First the claims, then the strikes."'
        '\n\nThe Kremlin is said to be watching. She called it "a red line."'
    )
    got = [text[q.start : q.end] for q in find_quotes(text)]
    assert got[0].endswith("then the strikes.")
    assert got[1:] == ["a red line."]


def test_straight_closing_mark_after_a_paragraph_break_still_closes():
    text = 'He said "the talks\n\n" will resume.'
    got = [text[q.start : q.end] for q in find_quotes(text)]
    assert got[0].startswith("the talks")
    assert not got[0].endswith("resume.")


def test_unclosed_opening_mark_does_not_swallow_text():
    text = "The US is “ready to talk, he said, and wants “a respectful approach” now."
    got = [text[q.start : q.end] for q in find_quotes(text)]
    assert got == ["a respectful approach"]


def test_nested_single_quotes_stay_inside():
    text = "He said “we cannot ‘buy’ Russia” today."
    got = [text[q.start : q.end] for q in find_quotes(text)]
    assert got == ["we cannot ‘buy’ Russia"]


# -- labels ------------------------------------------------------------------------


def test_full_clause_quote_is_official_quote(nlp):
    text = "“The interlocutors agreed to maintain regular contacts,” the defense ministry said."
    doc, (p,) = run(nlp, text)
    assert p.label == "official_quote"
    assert p.source == "the defense ministry"
    quote = [doc.text[s.start : s.end] for s in p.spans if s.type == "QUOTE"]
    assert quote == ["The interlocutors agreed to maintain regular contacts,"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Short quotes that are the whole reported content, however long the speaker's
        # description around them (rule 2: the verbatim part carries the message).
        (
            "“Sanctions are working,” said Maria Keller, a former trade commissioner who has "
            "advised three governments on export controls and now teaches law in Vienna.",
            "official_quote",
        ),
        (
            "The minister, who has led the ministry since 2012 and who faces a confidence vote "
            "in parliament next week over the budget, said: “We will not resign.”",
            "official_quote",
        ),
        # A quoted noun phrase is a fragment wherever it stands (rule 9).
        (
            "The minister, who has led the ministry since 2012 and who faces a confidence vote "
            "next week, said: “a disaster for farmers.”",
            "sourced_fact",
        ),
        # A quoted slogan as the subject of the author's sentence is not an utterance.
        (
            "“Stay or pay” could make companies think twice about moving jobs overseas, Senator "
            "Maria Keller, who chairs the trade committee and wrote the bill with two "
            "colleagues, said on Monday.",
            "sourced_fact",
        ),
        # Woven into the author's sentence, a short clause does not carry the message.
        (
            "The minister, who has led the ministry since 2012 and who faces a confidence vote "
            "in parliament next week over the budget, said the plan would “help farmers” soon.",
            "sourced_fact",
        ),
    ],
)
def test_short_quote_is_official_only_as_the_whole_content(nlp, text, label):
    _, (p,) = run(nlp, text)
    assert p.label == label


def test_rule2_fragment_is_sourced_fact(nlp):
    _, (p,) = run(nlp, "Tillerson admitted “intractable” differences with Moscow.")
    assert p.label == "sourced_fact"
    assert p.source == "Tillerson"


def test_rule9_participle_counts_as_verb(nlp):
    _, (p,) = run(nlp, "Ushakov said the nuclear deal was “briefly discussed.”")
    assert p.label == "official_quote"


def test_colon_lead_in_speaker_owns_next_sentence_quote(nlp):
    text = (
        "Lavrov said: “Such guarantees will be not easy to provide, but this is a mandatory "
        "part of a future agreement. Russia and China are prepared to work on such guarantees.”"
    )
    _, pls = run(nlp, text)
    assert [p.label for p in pls] == ["official_quote", "official_quote"]
    assert {p.source for p in pls} == {"Lavrov"}


def test_rule8_anonymous_verbatim_is_sourced_fact(nlp):
    text = "A US investment banker told me: “Note how Pompeo ran to Sochi. We are frightened.”"
    _, pls = run(nlp, text)
    assert pls[0].label == "sourced_fact"
    assert pls[0].source_kind == "anonymous"


def test_rule11_quote_without_source_is_ignored(nlp):
    text = "The bridge collapsed in March. “The river was too high for the old piers,” read a sign."
    _, pls = run(nlp, text)
    assert pls[0].label == "unsourced_claim"


def test_rule3_short_scare_quote_without_source(nlp):
    text = "The harbour was quiet in winter. The US “victories” in Iraq came at a high price."
    _, pls = run(nlp, text)
    assert pls[1].label == "unsourced_claim"
    assert pls[1].source is None


def test_dialogue_lines(nlp):
    text = (
        "Here is the exchange:\n\n"
        "Lavrov: I believe you do not represent the region, do you?\n\n"
        "Pompeo: We represent the entire hemisphere."
    )
    _, pls = run(nlp, text)
    assert pls[0].label == "other"
    assert [p.label for p in pls[1:]] == ["official_quote", "official_quote"]
    assert pls[1].source == "Lavrov" and pls[2].source == "Pompeo"


def test_closing_mark_typed_as_opening_mark_opens_a_quote():
    from annotator.rules.quotes import find_quotes

    text = "Photo.\n\n”Fortunately, he is here. He is fine.” ― A Reader"
    assert [text[q.start : q.end] for q in find_quotes(text)] == [
        "Fortunately, he is here. He is fine."
    ]
    # after a word or punctuation a ” still closes, even glued to the next word
    text = "He said “no.”Then he left."
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["no."]


def test_quote_is_said_by_its_own_sentences_subject_not_the_speaker_before(nlp):
    # "accused" is read as a modifier of the name: the quote has no speaker of its own,
    # and the person the sentence is about says it, not the source of the sentence before
    text = (
        "The source, who spoke on condition of anonymity because they were not authorized "
        "to discuss the matter, said the bridge had been hit by sea drones.\n\n"
        "Russian Foreign Minister Sergei Lavrov, speaking at a news conference in Moscow, "
        'accused Kyiv of "state terrorism."'
    )
    _, pre = run(nlp, text)
    assert pre[1].source == "Russian Foreign Minister Sergei Lavrov"


def test_quote_run_keeps_its_speaker_when_the_sentence_names_the_same_person(nlp):
    text = (
        "“We will respond,” Dmitry Peskov told reporters. "
        "Peskov, asked about the talks, was blunt: “There is nothing to discuss.”"
    )
    _, pre = run(nlp, text)
    assert pre[1].source == "Dmitry Peskov"


def test_german_low_opening_mark_is_closed_by_the_raised_one():
    text = "„Die Lage ist ernst“, Scholz said. It was not clear “when” they would go."
    got = [text[q.start : q.end] for q in find_quotes(text)]
    assert got == ["Die Lage ist ernst", "when"]


def test_guillemets_and_british_single_quotes_take_their_speaker(nlp):
    _, pre = run(nlp, "«This is a direct escalation», the embassy said.")
    assert pre[0].source == "the embassy"
    _, pre = run(nlp, "‘We will not waver in our support,’ Mr Shapps told MPs.")
    assert pre[0].label == "official_quote"
    assert pre[0].source == "Mr Shapps"


def test_he_is_the_speaker_just_before_not_a_name_in_what_he_said(nlp):
    text = (
        "Ukraine's foreign minister, Dmytro Kuleba, said Kyiv would only negotiate on the "
        "basis of Zelenskiy's peace formula. "
        '"There is no other way," he told a news conference.'
    )
    _, pre = run(nlp, text)
    assert "Kuleba" in (pre[1].source or "")


def test_he_after_a_new_subject_is_that_subject(nlp):
    text = (
        "Dmytro Kuleba said the talks had failed. "
        "Later, Dmitry Peskov met reporters in Moscow. "
        '"We are ready," he said.'
    )
    _, pre = run(nlp, text)
    assert "Peskov" in (pre[2].source or "")


def test_a_quote_opened_by_a_prepositional_participle_is_a_fragment(nlp):
    text = 'Peskov added that no fighters would be prosecuted, "given their service at the front."'
    _, pls = run(nlp, text)
    assert pls[0].label == "sourced_fact"


def test_a_quote_with_a_passive_participle_is_a_clause(nlp):
    text = 'Peskov said the fighters "were given new orders and will leave for Belarus."'
    _, pls = run(nlp, text)
    assert pls[0].label == "official_quote"


def test_a_quote_that_opens_the_sentence_keeps_its_participle(nlp):
    text = '"Including with tanks, yes, including with tanks," the minister responded.'
    _, pls = run(nlp, text)
    assert pls[0].label == "official_quote"


@pytest.mark.parametrize(
    "text",
    [
        'The senator insisted that he had 40 co-sponsors and "the votes to override anybody."',
        'Lindqvist called the budget "a gift wrapped for the banks."',
    ],
)
def test_a_quoted_noun_phrase_with_a_verb_inside_is_a_fragment(nlp, text):
    # rule 9: a quoted noun phrase is a fragment, even with an infinitive or a participle
    # modifying its noun
    _, pls = run(nlp, text)
    assert pls[0].label == "sourced_fact"


@pytest.mark.parametrize(
    "text",
    [
        'The spokesman said the alliance would "respond with all necessary means."',
        '"The plan will ruin the farmers," the minister said.',
        'Peskov told reporters it was "too early to talk about any results."',
        'Lindqvist said the budget was "a plan that will ruin the farmers."',
    ],
)
def test_a_quoted_verb_phrase_or_whole_clause_is_still_a_quote(nlp, text):
    _, pls = run(nlp, text)
    assert pls[0].label == "official_quote"
