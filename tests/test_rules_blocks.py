"""Reproduced blocks (codebook rules 5 and 10) and verbatim repeats of them."""

from __future__ import annotations

import json

from spacy.language import Language
from spacy.matcher import Matcher

from annotator.schemas import schema_path
from annotator.segment import load_nlp

READOUT = (
    "The two presidents spoke by phone on Tuesday.\n\n"
    "Here is the Kremlin’s summary of the conversation\n\n"
    "A wide range of issues was discussed. It was agreed to bolster the dialogue "
    "between the foreign ministers.\n\n"
    "The sides stressed the importance of regular contacts.\n\n"
    "(bold italics added)\n\n"
    "I think this is the most important part of the call."
)


def by_text(nlp: Language, text: str) -> dict[str, object]:
    doc = nlp(text)
    return {s.text.strip(): p for s, p in zip(doc.sents, doc._.prelabels, strict=True)}


def test_block_after_here_is_is_official_quote_until_closing_marker(nlp):
    got = by_text(nlp, READOUT)
    assert got["The two presidents spoke by phone on Tuesday."].label == "unsourced_claim"
    assert got["Here is the Kremlin’s summary of the conversation"].label == "other"
    inside = [
        "A wide range of issues was discussed.",
        "It was agreed to bolster the dialogue between the foreign ministers.",
        "The sides stressed the importance of regular contacts.",
    ]
    for sent in inside:
        p = got[sent]
        assert p.label == "official_quote", sent
        assert p.source == "the Kremlin’s summary of the conversation"
        assert p.source_kind == "official"
    assert got["(bold italics added)"].label == "other"
    after = got["I think this is the most important part of the call."]
    assert after.label != "official_quote"


def test_block_ends_when_the_authors_voice_resumes(nlp):
    text = READOUT.replace("(bold italics added)\n\n", "")
    got = by_text(nlp, text)
    assert got["The sides stressed the importance of regular contacts."].label == "official_quote"
    assert got["I think this is the most important part of the call."].label != "official_quote"


def test_block_ends_when_the_author_speaks_of_the_document(nlp):
    text = (
        "The ministry issued a statement on Monday. Here is the ministry’s statement:\n\n"
        "The Russian side expresses its deep concern over the deployment of forces.\n\n"
        "Moscow calls on all parties to show restraint.\n\n"
        "The statement came hours after the alliance announced new exercises.\n\n"
        "The exercises will involve 30 ships."
    )
    got = by_text(nlp, text)
    assert got["Moscow calls on all parties to show restraint."].label == "official_quote"
    after = ("The statement came hours after the alliance announced new exercises.",
             "The exercises will involve 30 ships.")
    assert all(got[t].label != "official_quote" for t in after)


def test_outlet_that_provides_the_text_is_the_source(nlp):
    text = (
        "TASS has provided a summary of the ministry’s account of this conversation\n\n"
        "The generals confirmed readiness to reinstate the memorandum.\n\n"
        "The memorandum was concluded for six months.\n\n"
        "(bold italics added)"
    )
    got = by_text(nlp, text)
    p = got["The memorandum was concluded for six months."]
    assert p.label == "official_quote"
    assert p.source == "TASS"
    assert p.source_kind == "media"


def test_reads_as_follows_hands_over_to_the_resolution(nlp):
    text = (
        "This language is taken from the preamble of UN Security Council Resolution 2254, "
        "which reads as follows\n\n"
        "Reaffirming its strong commitment to the sovereignty of the Syrian Arab Republic\n\n"
        "(bold italics added)"
    )
    got = by_text(nlp, text)
    p = got["Reaffirming its strong commitment to the sovereignty of the Syrian Arab Republic"]
    assert p.label == "official_quote"
    assert "Resolution 2254" in (p.source or "")


def test_no_introducer_no_block(nlp):
    text = (
        "The talks began on Monday.\n\n"
        "A wide range of issues was discussed.\n\n"
        "(bold italics added)"
    )
    got = by_text(nlp, text)
    assert got["A wide range of issues was discussed."].label != "official_quote"


def test_title_without_verb_is_not_an_introducer(nlp):
    text = "The call: summary and analysis\n\nThe two leaders spoke for an hour."
    got = by_text(nlp, text)
    assert got["The two leaders spoke for an hour."].label == "unsourced_claim"


def test_later_verbatim_repeat_of_a_block_is_a_quote_of_its_source(nlp):
    text = READOUT + (
        "\n\nThe point is plain.\n\nIt was agreed to bolster the dialogue between the "
        "foreign ministers."
    )
    doc = nlp(text)
    last = doc._.prelabels[-1]
    assert last.label == "official_quote"
    assert last.source == "the Kremlin’s summary of the conversation"
    assert "block-repeat" in last.rule_ids


def test_here_inside_a_sentence_is_not_an_introducer(nlp):
    text = (
        "“The subsidy scheme can’t work here,” the former governor said.\n\n"
        "Bombs may not be falling on the islands.\n\n"
        "(emphasis added)"
    )
    got = by_text(nlp, text)
    assert got["Bombs may not be falling on the islands."].label != "official_quote"


def test_as_x_put_it_with_its_own_content_hands_over_nothing(nlp):
    text = (
        "As one senior diplomat put it, the talks were going nowhere.\n\n"
        "The delegations left Geneva on Friday.\n\n"
        "Both sides plan to meet again in March."
    )
    got = by_text(nlp, text)
    assert got["The delegations left Geneva on Friday."].label != "official_quote"
    assert got["Both sides plan to meet again in March."].label != "official_quote"


def test_as_x_reports_without_content_still_hands_over(nlp):
    text = (
        "As the ministry stated on its website:\n\n"
        "The Russian side remains open to dialogue on all issues.\n\n"
        "(emphasis added)"
    )
    got = by_text(nlp, text)
    p = got["The Russian side remains open to dialogue on all issues."]
    assert p.label == "official_quote"


def test_his_answer_hands_over_to_the_pronouns_antecedent(nlp):
    text = (
        "Sergey Lavrov was asked about the grain deal at a press conference.\n\n"
        "Here is his answer in full:\n\n"
        "“We have never refused to discuss this. I have said so many times. "
        "Our conditions are very simple.”\n\n"
        "The exchange went on for an hour."
    )
    got = by_text(nlp, text)
    for t in ("I have said so many times.", "Our conditions are very simple.”"):
        assert got[t].label == "official_quote"
        assert got[t].source == "Sergey Lavrov"
    assert got["The exchange went on for an hour."].label != "official_quote"


def test_quoted_block_ends_where_its_quote_closes(nlp):
    text = (
        "The ministry released a statement on Monday. Here is the statement:\n\n"
        "“The Russian side rejects the accusations.\n\n"
        "Such claims are aimed at misleading the public.”\n\n"
        "The talks resumed on Tuesday in Vienna.\n\n"
        "Delegates met for six hours."
    )
    got = by_text(nlp, text)
    assert got["Such claims are aimed at misleading the public.”"].label == "official_quote"
    assert got["The talks resumed on Tuesday in Vienna."].label != "official_quote"
    assert got["Delegates met for six hours."].label != "official_quote"


def test_it_reads_hands_over_to_the_source_named_just_before(nlp):
    text = (
        "The Kremlin has released a readout of the call with Ankara. It reads in part:\n\n"
        "The sides discussed the situation in the Black Sea region.\n\n"
        "(emphasis added)\n\n"
        "The call lasted an hour."
    )
    got = by_text(nlp, text)
    p = got["The sides discussed the situation in the Black Sea region."]
    assert p.label == "official_quote"
    assert p.source == "The Kremlin"


def test_the_following_passage_hands_over_to_the_outlet_named_just_before(nlp):
    text = (
        "On Monday the New York Times conceded that the offensive had stalled. "
        "Consider the following passage:\n\n"
        "The brigades have lost much of their equipment.\n\n"
        "(emphasis added)"
    )
    got = by_text(nlp, text)
    p = got["The brigades have lost much of their equipment."]
    assert p.label == "official_quote"
    assert p.source == "the New York Times"


def test_a_colon_lead_in_that_points_at_no_text_does_not_borrow_a_source(nlp):
    text = (
        "The Kremlin held talks with Ankara on Monday. There is more to come:\n\n"
        "The sides will meet again in March.\n\n"
        "(emphasis added)"
    )
    got = by_text(nlp, text)
    assert got["The sides will meet again in March."].label != "official_quote"


def test_the_statement_said_in_full_names_who_issued_it(nlp):
    text = (
        "In Moscow, the Russian Embassy issued a statement on the aid. "
        "The statement said in full:\n\n"
        "Every new delivery of weapons prolongs the conflict.\n\n"
        "(end of statement)"
    )
    got = by_text(nlp, text)
    p = got["Every new delivery of weapons prolongs the conflict."]
    assert p.label == "official_quote"
    assert p.source == "the Russian Embassy"


def test_the_full_text_a_few_sentences_after_a_statement_is_its_issuers(nlp):
    # "the full text" names the wording, not whose it is: the statement published two
    # sentences before (same paragraph) says whose
    text = (
        "On Friday the Latvian Defence Ministry published a statement on the drills. "
        "As usual, few outlets read it. Here is the full text:\n\n"
        "Every new delivery of weapons prolongs the conflict.\n\n"
        "(end of statement)"
    )
    got = by_text(nlp, text)
    p = got["Every new delivery of weapons prolongs the conflict."]
    assert p.label == "official_quote"
    assert p.source == "the Latvian Defence Ministry"


def test_the_full_text_with_no_issuer_nearby_keeps_its_own_name(nlp):
    text = (
        "The drills ended on Friday. As usual, few outlets noticed. Here is the full text:\n\n"
        "Every new delivery of weapons prolongs the conflict.\n\n"
        "(end of statement)"
    )
    got = by_text(nlp, text)
    p = got["Every new delivery of weapons prolongs the conflict."]
    assert p.source == "the full text"


def test_a_statement_nobody_is_said_to_have_issued_keeps_its_own_name(nlp):
    text = (
        "The talks ended on Monday without a statement. The statement said in full:\n\n"
        "Every new delivery of weapons prolongs the conflict.\n\n"
        "(end of statement)"
    )
    got = by_text(nlp, text)
    p = got["Every new delivery of weapons prolongs the conflict."]
    assert p.source == "The statement"


def test_pasted_press_release_runs_to_its_end_marker(nlp):
    text = (
        "The following press release was issued by the Example Monitoring Mission "
        "on 13 March:\n\n"
        "The Mission recorded more ceasefire violations in the region.\n\n"
        "The Mission saw damage to civilian properties in the town.\n\n"
        "Its access remained restricted near the river.\n\n"
        "(End of press release. Emphasis mine.)\n\n"
        "Notice that the Mission does not say who fired."
    )
    got = by_text(nlp, text)
    for sent in (
        "The Mission recorded more ceasefire violations in the region.",
        "The Mission saw damage to civilian properties in the town.",
        "Its access remained restricted near the river.",
    ):
        assert got[sent].label == "official_quote", sent
        assert "Mission" in got[sent].source
    assert got["Notice that the Mission does not say who fired."].label != "official_quote"


def test_a_release_reported_in_passing_hands_over_nothing(nlp):
    text = (
        "The Example Mission issued a press release on 13 March.\n\n"
        "The town has been shelled many times since then.\n\n"
        "Its residents have mostly left."
    )
    got = by_text(nlp, text)
    assert got["The town has been shelled many times since then."].label != "official_quote"
    assert got["Its residents have mostly left."].label != "official_quote"


def test_closing_markers_with_a_full_stop():
    nlp = load_nlp()
    path = schema_path("patterns/blocks.jsonl")
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    m = Matcher(nlp.vocab)
    for r in rows:
        if r["label"] == "CLOSE":
            m.add(r["id"], [r["pattern"]])
    for yes in ("(End of press release.", "(Emphasis mine.)", "[End of transcript]", "(Ends)"):
        assert m(nlp.make_doc(yes)), yes
    for no in ("(The end of the war is near.)", "(He said so, mine.)"):
        assert not m(nlp.make_doc(no)), no


ROUNDUP = (
    "We collected the weekend's posts.\n\n"
    "Maria Zakharova (Foreign Ministry spokeswoman):\n\n"
    "Washington knew about the preparations in advance. Let them explain why they kept "
    "silent.\n\n"
    "Zakharova did not provide any evidence for the claim.\n\n"
    "Ramzan Kadyrov:\n\n"
    "Kadyrov posted a video of his fighters near the border.\n\n"
    "Rybar (military blogger):\n\n"
    "Columns were seen on the highway north of the city. Several helicopters were lost.\n\n"
    "The account could not be verified."
)


def test_a_speaker_label_line_hands_over_the_next_paragraph(nlp):
    got = by_text(nlp, ROUNDUP)
    for sent in (
        "Washington knew about the preparations in advance.",
        "Let them explain why they kept silent.",
    ):
        assert got[sent].label == "official_quote", sent
        assert got[sent].source == "Maria Zakharova"
    for sent in ("Columns were seen on the highway north of the city.",
                 "Several helicopters were lost."):
        assert got[sent].label == "official_quote", sent
        assert got[sent].source == "Rybar"
    assert got["Zakharova did not provide any evidence for the claim."].label != "official_quote"
    assert got["The account could not be verified."].label != "official_quote"


def test_a_speaker_label_is_not_the_author_telling_of_the_speaker(nlp):
    got = by_text(nlp, ROUNDUP)
    assert got["Kadyrov posted a video of his fighters near the border."].label != "official_quote"


def test_a_place_or_field_label_is_no_speaker(nlp):
    text = (
        "Here is what happened on each front.\n\n"
        "Syria:\n\n"
        "The army took two villages near the river.\n\n"
        "Update:\n\n"
        "The ministry has not commented yet."
    )
    got = by_text(nlp, text)
    assert got["The army took two villages near the river."].label != "official_quote"
    assert got["The ministry has not commented yet."].label != "official_quote"


def test_transcript_lines_in_a_block_keep_their_speakers(nlp):
    text = (
        "WKRC host Dale Brenner spoke about Elena Garcia. Partial transcript as follows:\n\n"
        "DALE BRENNER: Elena Garcia released a video on Friday. Take a listen.\n\n"
        "(BEGIN VIDEO CLIP.)\n\n"
        "GARCIA: Traffic in the city has gotten worse, not better.\n\n"
        "(END VIDEO CLIP.)\n\n"
        "The video was watched a million times."
    )
    got = by_text(nlp, text)
    p = got["GARCIA: Traffic in the city has gotten worse, not better."]
    assert p.label == "official_quote" and p.source.lower().endswith("garcia")
    assert got["(BEGIN VIDEO CLIP.)"].label != "official_quote"
    assert got["The video was watched a million times."].label != "official_quote"


def test_a_document_label_is_no_speaker_label(nlp):
    text = (
        "Video Transcript:\n\n"
        "A few weeks ahead of the primary, the campaign says it will not debate.\n\n"
        "The debate was cancelled."
    )
    got = by_text(nlp, text)
    p = got["A few weeks ahead of the primary, the campaign says it will not debate."]
    assert p.rule_ids[0] != "block-speaker-label"


READS_AS_FOLLOWS = (
    "The Kremlin's readout of the call reads as follows:\n\n"
    "During the conversation, the sides discussed the grain initiative.\n\n"
    "Vladimir Putin stressed that the Russian part of the deal has not been fulfilled.\n\n"
    "The Turkish presidency issued its own statement.\n\n"
    "Key quotes:\n\n"
    "Dmitry Peskov, on the grain deal:\n\n"
    "Moscow has not yet taken a decision on extending the deal.\n\n"
    "The grain deal was signed in Istanbul in July 2022."
)


def test_a_readout_runs_over_paragraphs_that_report_its_speakers(nlp):
    got = by_text(nlp, READS_AS_FOLLOWS)
    for sent in ("During the conversation, the sides discussed the grain initiative.",
                 "Vladimir Putin stressed that the Russian part of the deal has not been "
                 "fulfilled."):
        assert got[sent].label == "official_quote", sent
        assert got[sent].source == "The Kremlin's readout of the call"


def test_a_readout_ends_where_the_author_tells_of_a_document_or_leads_in_again(nlp):
    got = by_text(nlp, READS_AS_FOLLOWS)
    assert got["The Turkish presidency issued its own statement."].label != "official_quote"
    assert got["Key quotes:"].label != "official_quote"
    p = got["Moscow has not yet taken a decision on extending the deal."]
    assert p.label == "official_quote" and p.source == "Dmitry Peskov"
    assert got["The grain deal was signed in Istanbul in July 2022."].label != "official_quote"


EMBED = (
    "Hungary again said it would block the talks.\n\n"
    "Hungary's position is clear: Ukraine is not ready. Negotiations now would be a "
    "mistake.\n\n"
    "— Zoltan Kovacs (@zoltanspox) December 12, 2023\n\n"
    "EU leaders meet in Brussels on Thursday."
)


def test_an_embedded_post_is_the_words_of_the_author_its_credit_names(nlp):
    got = by_text(nlp, EMBED)
    for sent in ("Hungary's position is clear: Ukraine is not ready.",
                 "Negotiations now would be a mistake."):
        assert got[sent].label == "official_quote", sent
        assert got[sent].source == "Zoltan Kovacs"
    assert got["— Zoltan Kovacs (@zoltanspox) December 12, 2023"].label == "other"
    assert got["EU leaders meet in Brussels on Thursday."].label == "unsourced_claim"


def test_an_embedded_post_with_its_credit_in_the_same_paragraph(nlp):
    text = (
        "Leaders met on Monday.\n\n"
        "We will not stop until every inch of our land is free.\n"
        "— Dmytro Kuleba (@DmytroKuleba) December 12, 2023"
    )
    got = by_text(nlp, text)
    p = got["We will not stop until every inch of our land is free."]
    assert p.label == "official_quote" and p.source == "Dmytro Kuleba"
    assert got["Leaders met on Monday."].label != "official_quote"


def test_an_embedded_post_runs_back_to_its_colon_lead_in(nlp):
    # a post of two one-line paragraphs after a lead-in with no verb of saying; the
    # first line reports someone else ("the ministry admits") but is still the post's
    text = (
        "Senator Ann Vollmer was quick to react on social media:\n\n"
        "We paid for the bridge twice and now the ministry admits nobody knows where "
        "the money went.\n\n"
        "How many more audits before someone resigns?\n\n"
        "— Ann Vollmer (@AnnVollmer) May 3, 2021\n\n"
        "The ministry did not respond."
    )
    got = by_text(nlp, text)
    for sent in (
        "We paid for the bridge twice and now the ministry admits nobody knows where "
        "the money went.",
        "How many more audits before someone resigns?",
    ):
        assert got[sent].label == "official_quote", sent
        assert got[sent].source == "Senator Ann Vollmer"


def test_an_embedded_post_without_a_lead_in_is_only_the_paragraph_before(nlp):
    text = (
        "The council met on Tuesday.\n\n"
        "The ministry admits the bridge cost twice its budget.\n\n"
        "We will ask for the money back.\n\n"
        "— Ann Vollmer (@AnnVollmer) May 3, 2021"
    )
    got = by_text(nlp, text)
    assert got["We will ask for the money back."].label == "official_quote"
    p = got["The ministry admits the bridge cost twice its budget."]
    assert p.label != "official_quote" and p.source != "Ann Vollmer"


def test_a_dash_line_without_a_handle_is_no_credit(nlp):
    text = (
        "Leaders met on Monday.\n\n"
        "The talks will resume in May.\n\n"
        "— Dmytro Kuleba, December 12, 2023"
    )
    got = by_text(nlp, text)
    assert got["The talks will resume in May."].label != "official_quote"


def test_a_lead_in_that_judges_the_passage_is_still_a_lead_in():
    full = load_nlp()
    text = (
        "Clark wrote a book about the war of 1914.\n\n"
        "Clark has a second passage that I find even more unsettling:\n\n"
        "The crisis was the fruit of a shared political culture.\n\n"
        "Multipolar. That is the word the president uses in every speech."
    )
    got = by_text(full, text)
    assert got["Clark has a second passage that I find even more unsettling:"].label == "other"
    p = got["The crisis was the fruit of a shared political culture."]
    assert p.label == "official_quote" and p.source == "Clark"


def test_a_judgment_ending_with_a_colon_that_hands_over_nothing_stays_opinion():
    full = load_nlp()
    text = (
        "The minister spoke for an hour.\n\n"
        "What followed was a shameful and dishonest performance:\n\n"
        "Multipolar? I doubt that anyone in the room believed a word of it."
    )
    got = by_text(full, text)
    assert got["What followed was a shameful and dishonest performance:"].label == "opinion"


def _records(text: str):
    from annotator.ingest import article_from_text
    from annotator.pipeline import prelabel_articles

    _, recs = next(prelabel_articles([article_from_text("q", text, fmt="md")], nlp=load_nlp()))
    return {r.text.strip(): r for r in recs}


def test_a_blockquote_after_a_paragraph_naming_its_source_is_their_quote():
    got = _records(
        "I have been rereading a history of 1914 this winter.\n\n"
        "Clark's argument is that nobody planned the war.\n\n"
        "> The protagonists of 1914 were sleepwalkers, blind to the horror ahead.\n\n"
        "That passage should be pinned above every desk in Brussels."
    )
    p = got["The protagonists of 1914 were sleepwalkers, blind to the horror ahead."]
    assert p.label == "official_quote" and "Clark" in (p.source or "")
    assert got["That passage should be pinned above every desk in Brussels."].label != (
        "official_quote"
    )


def test_a_blockquote_with_no_source_before_it_is_no_quote():
    got = _records(
        "The war began in the summer of 1914.\n\n"
        "> The protagonists of 1914 were sleepwalkers, blind to the horror ahead.\n\n"
        "Nobody wanted it, and everybody got it."
    )
    p = got["The protagonists of 1914 were sleepwalkers, blind to the horror ahead."]
    assert p.label != "official_quote" and p.source is None


def test_an_embedded_post_credited_on_its_own_line_in_a_text_scrape(nlp):
    text = (
        "Kyiv reacted quickly.\n\n"
        "We thank our partners for their support. Our land will be free. "
        "pic.twitter.com/AbC12 — Dmytro Kuleba (@DmytroKuleba) December 12, 2023\n\n"
        "The hat says MAKE MEXICO GREAT AGAIN, for real, people — Dana Roe (@danaroe) "
        "September 1, 2016.\n\n"
        "The talks ended — as expected."
    )
    got = by_text(nlp, text)
    for sent in ("We thank our partners for their support.", "Our land will be free."):
        assert got[sent].label == "official_quote" and got[sent].source == "Dmytro Kuleba"
    p = next(v for k, v in got.items() if k.startswith("The hat says"))
    assert p.label == "official_quote" and p.source == "Dana Roe"
    assert got["Kyiv reacted quickly."].label != "official_quote"
    assert got["The talks ended — as expected."].label != "official_quote"


def test_a_handle_inside_a_sentence_is_no_credit(nlp):
    text = "Kyiv reacted quickly.\n\nThe ministry posted on X (@MFA_Ukraine) that talks were over."
    got = by_text(nlp, text)
    assert "block-embed-credit" not in got[
        "The ministry posted on X (@MFA_Ukraine) that talks were over."
    ].rule_ids


def test_a_blockquote_after_a_colon_lead_in_naming_a_person_is_theirs():
    got = _records(
        "Moscow left the deal on Monday.\n\n"
        "The UN's Martin Griffiths was blunter:\n\n"
        "> Today's decision will strike a blow to people in need everywhere.\n\n"
        "In my view, the collapse was predictable."
    )
    p = got["Today's decision will strike a blow to people in need everywhere."]
    assert p.label == "official_quote" and "Martin Griffiths" in (p.source or "")


def test_a_blockquote_after_a_lead_in_naming_nobody_is_no_quote():
    got = _records(
        "Moscow left the deal on Monday.\n\n"
        "The reason was simple:\n\n"
        "> Today's decision will strike a blow to people in need everywhere.\n\n"
        "In my view, the collapse was predictable."
    )
    p = got["Today's decision will strike a blow to people in need everywhere."]
    assert p.label != "official_quote"


def test_a_speech_named_as_the_occasion_of_a_lead_in_is_not_its_source():
    got = _records(
        "President Maria Lund has argued for years that a trade war would be futile.\n\n"
        "In a speech to farmers in April, she said:\n\n"
        "> We cannot win that war, and I will not ask you to pay for it.\n\n"
        "The speech was her last before the vote."
    )
    p = got["We cannot win that war, and I will not ask you to pay for it."]
    assert p.label == "official_quote" and "Maria Lund" in (p.source or "")


def test_a_document_in_a_lead_in_with_no_other_speaker_is_the_source():
    got = _records(
        "The ministers met in Vienna on Tuesday.\n\n"
        "In a statement released by the Norwegian embassy on Friday:\n\n"
        "> The parties will meet again in May to review the agreement.\n\n"
        "Few expect much from that meeting."
    )
    p = got["The parties will meet again in May to review the agreement."]
    assert p.label == "official_quote" and "statement" in (p.source or "")
