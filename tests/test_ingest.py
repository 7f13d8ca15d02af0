"""Ingest: decoding, Markdown stripping with offsets, boilerplate removal, formats."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from annotator.boilerplate import PageLine, find_boilerplate, is_code_like, load_patterns
from annotator.ingest import Article, Skipped, article_from_text, iter_articles
from annotator.markdown import strip_line

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def check_offsets(article: Article) -> None:
    """The offset-map contract: one entry per shown char, pointing at that char."""
    assert len(article.offsets) == len(article.shown)
    for i, ch in enumerate(article.shown):
        k = article.offsets[i]
        if k >= 0:
            assert article.text[k] == ch, (i, k, ch)
        else:
            assert ch in " \n"
    originals = [k for k in article.offsets if k >= 0]
    assert originals == sorted(set(originals)), "offsets must increase strictly"


def shown_line(line: str) -> str:
    return strip_line(line, 0, len(line)).shown(line)


# --- Markdown -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("## Putin and Trump Stage-manage a Meeting", "Putin and Trump Stage-manage a Meeting"),
        ("By [Pepe Escobar](#)", "By Pepe Escobar"),
        ("to [support the Silk Roads](https://x.org/a_(b)), or", "to support the Silk Roads, or"),
        ("with **Vladimir Putin, Donald Trump**, and", "with Vladimir Putin, Donald Trump, and"),
        ("*From the start, it was a given.*", "From the start, it was a given."),
        ("a joint \\$10 billion fund", "a joint $10 billion fund"),
        ("### **The real big story**", "The real big story"),
        ("[Analytics] What Putin did not say", "[Analytics] What Putin did not say"),
        ("snake_case_name and 5 * 3 stay", "snake_case_name and 5 * 3 stay"),
        ("![a photo](img.png) Caption text", "Caption text"),
        ("> quoted block", "quoted block"),
        ("- a bullet item", "a bullet item"),
        ("see <https://example.org> now", "see https://example.org now"),
    ],
)
def test_strip_line(line: str, shown: str) -> None:
    assert shown_line(line) == shown


def test_strip_line_headings_and_rules() -> None:
    line = "## Heading ##"
    stripped = strip_line(line, 0, len(line))
    assert stripped.heading and stripped.shown(line) == "Heading"
    rule = strip_line("---", 0, 3)
    assert rule.rule and rule.kept == ()
    assert not strip_line("plain", 0, 5).heading


def test_offsets_point_into_original_markdown() -> None:
    text = "# Title\n\nBy [Ann Lee](#)\n\nShe *said* it was \\$5.\n"
    article = article_from_text("x", text, strip_boilerplate=False)
    check_offsets(article)
    assert article.shown == "Title\n\nBy Ann Lee\n\nShe said it was $5."
    assert [p.kind for p in article.paragraphs] == ["heading", "heading", "text"]
    assert article.offsets[article.shown.index("$")] == text.index("$")
    assert article.title == "Title"


# --- Boilerplate ----------------------------------------------------------------


def test_patterns_have_unique_ids_and_valid_actions() -> None:
    rows = [json.loads(line) for line in Path("schemas/boilerplate.jsonl").read_text().splitlines()]
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert all(r["action"] in ("drop", "end", "nav", "keep") for r in rows)
    assert len(load_patterns()) == len(rows)


@pytest.mark.parametrize(
    "line",
    [
        "@media(max-width: 600px) {.adace_x {display:block !important;}}",
        "(adsbygoogle = window.adsbygoogle || []).push({});",
        "Connect with us",
        "4,370 Views",
        "fbpx",
        "FacebookTwitterInstagramWhatsApp",
        "Share it",
        "Follow Us",
        "Region: Asia, Russia and FSU, USA",
        "Source",
        "Remember to Please Subscribe to The Example’s YouTube Channel.",
        "Advertisement",
        "Pan Pacific Agency | COMMUNICATION AGENCY FOR THE REGION",
        "Click to share on Telegram (Opens in new window)",
        "Click to print (Opens in new window)",
        "(Visited 1,234 times, 1 visits today)",
        "Get the latest news delivered to your inbox",
        "Enter your email address",
        "Think your friends would be interested? Share this story!",
        "The statements, views and opinions expressed in this column are solely those of the "
        "author and do not necessarily represent those of the site.",
        "Follow John Smith on Twitter @jsmith",
        "Copyright © John Smith, Example Research, 2019",
        "Dear Reader, we are grateful for your support.",
        "Read the full article here.",
        "Subscribe to our Substack for more analysis.",
        "Load 4 Comments",
        "Advertise",
        "Home | Markets | Geopolitical | Crypto | Premium",
        "World | Analysis | Podcasts | Multimedia",
        "Jane Doe's Photo",
        "Subscribe to Example Premium for exclusive content.",
        "Contact Information",
        "Tips: tips@example.com",
        "All Example articles can be read in 20 languages by activating the Translate "
        "Website button below.",
        "To receive Example's Daily Newsletter (selected articles), click here.",
        "Share this article: Twitter [Facebook] Telegram",
        "Share: Facebook | X | Email",
        "Home   Articles   Videos   Archive   Donate",
        "News\tAnalysis\tAbout Us\tContact",
        "Please support Example News: donate today.",
        "Please help us keep going with a small contribution.",
        "If using any of Example's content, partly or in full, always provide an active "
        "hyperlink to the original material.",
        "Related Analysis",
        "This interview has been edited for length and clarity.",
        "The conversation was lightly edited and condensed.",
        "Letters may be edited for length and clarity. Send yours to letters@example.com.",
        "Letters to the editor should be no longer than 250 words.",
        "This transcript was generated automatically and edited for clarity.",
        "The transcript was machine-generated and may contain errors.",
        "You've read 4 of 10 free articles this month.",
        "This is your last free article.",
        "Now Playing",
        "Request Reprint Rights, opens new tab",
        "Download the full report (PDF)",
        "Download PDF (3.4 MB)",
        "Suggested citation: Lee, A. (2026), 'Grid Reform', Policy Brief.",
        "Copy citation",
        "Example Wire is not responsible for the content of external sites.",
        "Ad slot: 728x90",
        "Subscribe to The Quiet Ledger",
        "By Ann Lee · Launched 3 years ago",
        "Download the Channel 4 Weather app for storm alerts.",
        "Got a tip? Email our newsroom.",
        "22 Likes∙5 Restacks",
        "Thanks for reading The Ledger! This post is public so feel free to share it.",
        "Transcripts are produced by a third-party service and may contain errors.",
        "This article appears in the April 2027 issue. Subscribe here.",
        "Sign up to receive the press review in your inbox every morning.",
        "The Morning Line airs weekdays from 6 to 9 a.m. on Radio Metro 94.1. "
        "Listen live at radiometro.fm.",
        "Email",
        "Print",
        "X",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    page = [PageLine(line, line)]
    assert find_boilerplate(page)[0] is not None


@pytest.mark.parametrize(
    "line",
    [
        "By Pepe Escobar",
        "Global Research, July 08, 2017",
        "The post The Trump – Putin call: summary and analysis appeared first on The Duran.",
        "Articles by: Pepe Escobar",
        "Photo: AFP / Sergey Guneev / Sputnik",
        "He refused to donate to the campaign, his spokesman said.",
        "Facebook changed its privacy policy last week, the company said.",
        "Syria",
        "The source, who was not authorized to speak, said the talks had failed.",
        "Middle East",
        "He visited the site 12 times last year, officials said.",
        "Click the link, the ministry told voters, and the form opens.",
        "Don't miss the deadline, the tax office warned on Monday.",
        "Get the latest news, he told his staff, and call me.",
        "Follow the money, the prosecutor told the jury on Twitter.",
        "Like many users he posted the video on Twitter.",
        "Support for the measure grew quickly on Facebook.",
        "Read the full report, the minister urged lawmakers.",
        "Dear reader, this column is about the budget.",
        "The views expressed by the minister were rejected by the opposition.",
        "By The Example Staff | June 25, 2023",
        "Gas | Oil | Coal: prices rose 3% in May",
        "The minister's photo was shown on state television.",
        "Subscribe to the plan, the minister urged, for exclusive access to credit.",
        "Letters may be sent to the mayor's office until Friday.",
        "Letters from the front were edited by his widow after the war.",
        "The transcript was released by the court on Monday.",
        "The ambassador said contact information was shared with Kiev.",
        "To receive the aid, Kiev must publish its budget, the IMF said.",
        "He asked the court to translate the website into Russian.",
        "Share prices in Moscow fell on Monday.",
        "Sputnik",
        "Sputnik International",
        "Global Research - Centre for Research on Globalization",
        "Please support the ceasefire, the minister urged.",
        "Please help the refugees, the mayor told residents.",
        "He said so.  Then he left the room  without a word.",
        "Russia   12   15   18",
        "the talks  would  resume  in",
        "If using force, the army must give a warning first.",
        "The transcript was edited by the ministry, critics said.",
        "When quoting the minister, the paper left out the word 'never'.",
        "You have read the report, the minister told MPs, so act on it.",
        "The new museum opens in a new building next spring.",
        "The download of the PDF crashed the ministry's website, officials said.",
        "Citations for speeding rose 12% last year, police said.",
        "The agency said it is not responsible for the content of the leaked memo.",
        "Subscribe to the fund, the bank told clients in a letter.",
        "The rocket launched two years ago and is still in orbit, NASA said.",
        "Download speeds doubled after the upgrade, the regulator said.",
        "Have a look at the figures, the minister said.",
        "Now playing a bigger role, the army is recruiting.",
        "Transcripts are produced by the court clerk within a week.",
        "This article appears to contradict the minister's own figures.",
        "Sign up to receive the vaccine, the health ministry urged residents.",
        "The show airs weekdays on Radio Metro, and its host has won two awards.",
        "Our sources say the deal is close.",
        "Print media lost readers again last year, the survey found.",
        "Email the ministry, the minister told voters.",
    ],
)
def test_content_lines_are_kept(line: str) -> None:
    page = [PageLine("A long first paragraph " * 30, "A long first paragraph " * 30),
            PageLine(line, line)]
    assert find_boilerplate(page)[1] is None


def test_teaser_heading_ends_the_body_and_region_menu_is_navigation() -> None:
    body = "The minister said the talks would resume in May after a pause of two weeks."
    lines = ["Home", "Middle East", "Europe", body, body, body, "Don't miss", "Another headline"]
    reasons = find_boilerplate([PageLine(x, x) for x in lines])
    assert reasons[:3] == ["nav-section-word"] * 3
    assert reasons[3:6] == [None, None, None]
    assert reasons[6] == "end-related"
    assert reasons[7] == "struct-tail"


def test_a_sources_list_ends_the_body() -> None:
    body = "The minister said the talks would resume in May after a pause of two weeks."
    lines = [body, body, body, "Our sources", "Interview with Rachel Ambrose, March 1, 2027"]
    reasons = find_boilerplate([PageLine(x, x) for x in lines])
    assert reasons[:3] == [None, None, None]
    assert reasons[3] == "end-sources-list" and reasons[4] == "struct-tail"


def test_code_like() -> None:
    assert is_code_like("function(){ var a = b[c] || {}; }")
    assert not is_code_like("The vote (seven to two) was close; the mayor said so.")


def test_page_fixture_removes_boilerplate_and_teasers() -> None:
    article = next(iter(iter_articles([FIXTURES / "page.md"])))
    assert isinstance(article, Article)
    check_offsets(article)
    shown = article.shown
    assert shown.startswith("Council approves the new budget\n\nBy Ana Lopez\n\n")
    assert "The city council approved a new budget on Tuesday" in shown
    assert "Critics say the plan is $20 million short." in shown
    for gone in ("Connect with us", "Latest", "News\n", "Tags", "@media", "adsbygoogle",
                 "Share this", "Liked it", "Related", "harbour", "Published"):
        assert gone not in shown, gone
    assert article.boilerplate_chars > 300
    assert article.title == "Council approves the new budget"
    kinds = {shown[p.start:p.end]: p.kind for p in article.paragraphs}
    assert kinds["What it means"] == "heading"
    assert kinds["Council approves the new budget"] == "heading"


def test_teaser_after_body_is_cut_with_its_headline() -> None:
    body = "\n\n".join(
        f"Paragraph {i} of the article says something long enough to count as prose text here."
        for i in range(8)
    )
    text = (
        f"Main headline\n\n{body}\n\nAnother story headline\nJohn Doe\nPublished\non\n"
        "The teaser text goes on about something else entirely and at some length too."
    )
    article = article_from_text("t", text)
    assert "Paragraph 7" in article.shown
    for gone in ("Another story", "John Doe", "Published", "teaser"):
        assert gone not in article.shown


def test_nav_word_after_body_is_a_section_heading() -> None:
    body = " ".join(["The minister spoke at length about the economy and the budget."] * 10)
    text = f"Headline\n\n{body}\n\nAnalysis\n\nThe analysis section says more about the budget."
    article = article_from_text("t", text)
    assert "\n\nAnalysis\n\n" in article.shown


def test_keep_boilerplate_option() -> None:
    text = "Connect with us\n\nA sentence of the article, long enough to be prose here."
    assert "Connect with us" in article_from_text("t", text, strip_boilerplate=False).shown
    assert "Connect with us" not in article_from_text("t", text).shown


def test_css_block_over_lines() -> None:
    text = ("The article says one thing and then another thing, in a long sentence.\n\n"
            ".bio-text {\n   text-align:left;\n   width:100%;\n   }\n}.\n\nThe end of it all.")
    article = article_from_text("t", text)
    assert "text-align" not in article.shown and "{" not in article.shown
    assert article.shown.endswith("The end of it all.")


# --- Seeds ------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_seed_offsets_and_no_markup(path: Path) -> None:
    article = next(iter(iter_articles([path])))
    assert isinstance(article, Article)
    check_offsets(article)
    assert article.doc_id == path.stem
    assert article.text == path.read_text(encoding="utf-8")
    assert article.encoding == "utf-8"
    for markup in ("](", "**", "## ", "@media", "adsbygoogle"):
        assert markup not in article.shown
    assert all(article.shown[p.start:p.end].strip() for p in article.paragraphs)
    assert 0 < article.boilerplate_chars < len(article.text)


# --- Formats ------------------------------------------------------------------------


def test_html_extraction() -> None:
    article = next(iter(iter_articles([FIXTURES / "article.html"])))
    assert isinstance(article, Article)
    check_offsets(article)
    assert article.text_origin == "html-extracted"
    assert article.title == "Ministers agree on a ceasefire plan"
    assert article.author == "Jane Reporter"
    assert article.url == "https://news.example.org/2024/05/ceasefire-plan"
    assert article.date == "2024-05-06"
    assert "agreed on Monday to a ceasefire plan" in article.shown
    assert "“The next one is harder.”" in article.shown
    for gone in ("Home", "Related", "Great article", "All rights reserved", "adsbygoogle", "#"):
        assert gone not in article.shown, gone
    heads = [article.shown[p.start:p.end] for p in article.paragraphs if p.kind == "heading"]
    # the byline under the headline, which trafilatura drops, is restored as its own line
    assert heads == ["Ministers agree on a ceasefire plan", "By Jane Reporter", "What comes next"]


def test_jsonl_articles_and_broken_lines() -> None:
    items = list(iter_articles([FIXTURES / "articles.jsonl"]))
    articles = [a for a in items if isinstance(a, Article)]
    skipped = [s for s in items if isinstance(s, Skipped)]
    assert [a.doc_id for a in articles] == ["a1", "articles-5"]
    a1 = articles[0]
    assert (a1.title, a1.url, a1.author, a1.date) == (
        "Bridge reopens", "https://example.org/a1", "Sam", "2024-01-02")
    assert a1.meta == {"outlet": "Example"}
    assert a1.text_origin == "jsonl-text"
    assert [s.source.rsplit(":", 1)[1] for s in skipped] == ["2", "3", "4"]
    assert all(s.reason.startswith("[E006]") for s in skipped)
    assert "not valid JSON" in skipped[0].reason
    assert '"text"' in skipped[1].reason and "string" in skipped[2].reason


def test_hard_wrapped_text_is_joined() -> None:
    article = next(iter(iter_articles([FIXTURES / "wrapped.txt"])))
    assert isinstance(article, Article)
    check_offsets(article)
    assert len(article.paragraphs) == 2
    assert "broken by the sender's mail program" in article.shown
    assert -1 in article.offsets[: article.paragraphs[0].end]


def test_scraped_lines_are_paragraphs() -> None:
    text = "First line of the page is a sentence.\nSecond line, no full stop\nThird line."
    article = article_from_text("t", text, strip_boilerplate=False)
    assert len(article.paragraphs) == 3


def test_bom_is_removed_and_offsets_follow(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + "Héllo world. Second sentence.".encode())
    article = next(iter(iter_articles([path])))
    assert isinstance(article, Article)
    assert article.text.startswith("Héllo") and article.encoding == "utf-8-sig"
    check_offsets(article)


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Grüße aus Köln. Alles gut.".encode("utf-16"))
    article = next(iter(iter_articles([path])))
    assert isinstance(article, Article) and article.encoding == "utf-16"
    assert article.shown == "Grüße aus Köln. Alles gut."


def test_directory_walk_is_recursive_sorted_and_filtered(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("Second file text, which is fine.")
    (tmp_path / "a.txt").write_text("First file text, which is fine.")
    (tmp_path / "notes.csv").write_text("x,y")
    (tmp_path / "._a.txt").write_bytes(b"\x00\x05\x16\x07" * 10)  # macOS resource fork
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.md").write_text("Not an article.")
    (tmp_path / "c.htm").write_text(
        "<html><body><article><p>" + "Third file text, which is fine. " * 5
        + "</p></article></body></html>")
    ids = [a.doc_id for a in iter_articles([tmp_path]) if isinstance(a, Article)]
    assert ids == ["a", "z", "c"]  # sorted by path: a.txt, b/z.md, c.htm


def test_iter_articles_streams() -> None:
    it = iter_articles([FIXTURES])
    first = next(it)
    assert isinstance(first, (Article, Skipped))


def test_exclude_leaves_out_output_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First file text, which is fine.")
    (tmp_path / "out.jsonl").write_text("")
    items = list(iter_articles([tmp_path], exclude=[tmp_path / "out.jsonl"]))
    assert [getattr(i, "doc_id", None) for i in items] == ["a"]


def test_paragraph_broken_mid_sentence_is_rejoined() -> None:
    text = (
        "Peacekeepers would hold the south; Turkey the north; and\n\n"
        "the Americans the northeast, all the way to Raqqa.\n\n"
        "A new paragraph starts here.\n\nlower-case start after a full stop stays apart."
    )
    article = article_from_text("t", text, strip_boilerplate=False)
    check_offsets(article)
    assert [article.shown[p.start:p.end] for p in article.paragraphs] == [
        "Peacekeepers would hold the south; Turkey the north; and "
        "the Americans the northeast, all the way to Raqqa.",
        "A new paragraph starts here.",
        "lower-case start after a full stop stays apart.",
    ]


def test_a_headline_under_a_site_name_is_a_heading() -> None:
    # the title position is before the first sentence of the body, not only the
    # first paragraph: a masthead line often comes first
    text = (
        "Example Observer\n\nMoscow and Ankara agree on a new gas deal, Kommersant says\n\n"
        "Russia and Turkey have agreed on a discount. Talks went on for a month.\n\n"
        "The price rose in May and the buyers paid it without a word"
    )
    article = article_from_text("t", text, strip_boilerplate=False)
    kinds = [p.kind for p in article.paragraphs]
    assert kinds[:3] == ["heading", "heading", "text"]
    # after the body has started, a long unpunctuated sentence-case line is text
    assert kinds[3] == "text"


@pytest.mark.parametrize(
    "byline",
    [
        "by Andrea Holm for the Example Blog",
        "by J. R. Miller",
        "by Anna Weiss and Tom Lee, special to the Ledger",
    ],
)
def test_lower_case_byline_under_a_headline_is_its_own_paragraph(byline: str) -> None:
    text = f"Moscow answers Washington on the treaty: a few thoughts\n\n{byline}\n\nBody text."
    article = article_from_text("t", text, strip_boilerplate=False)
    check_offsets(article)
    shown = [article.shown[p.start : p.end] for p in article.paragraphs]
    assert shown[:2] == ["Moscow answers Washington on the treaty: a few thoughts", byline]


def test_by_and_a_name_that_ends_a_sentence_still_continues_it() -> None:
    # a stray blank line before "by Qatar and Egypt." breaks a sentence, not a byline
    text = "The truce was brokered\n\nby Qatar and Egypt in the talks.\n\nNext paragraph."
    article = article_from_text("t", text, strip_boilerplate=False)
    assert article.shown[article.paragraphs[0].start : article.paragraphs[0].end] == (
        "The truce was brokered by Qatar and Egypt in the talks."
    )


def test_a_byline_under_a_headline_is_not_a_broken_sentence() -> None:
    text = (
        "Watchdog Cannot Account For Missing Rifles\n"
        "by Jane Roe\n\n"
        "The rifles were shipped in a convoy escorted\n"
        "by Army Rangers and never arrived at the depot."
    )
    article = article_from_text("t", text, strip_boilerplate=False)
    check_offsets(article)
    assert [article.shown[p.start:p.end] for p in article.paragraphs] == [
        "Watchdog Cannot Account For Missing Rifles",
        "by Jane Roe",
        "The rifles were shipped in a convoy escorted "
        "by Army Rangers and never arrived at the depot.",
    ]


@pytest.mark.parametrize(
    ("name", "paragraphs"),
    [
        (
            "wordpress.txt",
            [
                "EU ministers split over sanctions on Moscow",
                "March 3, 2019 by John Smith 5 Comments",
                "EU foreign ministers failed on Monday to agree on new sanctions against Russia, "
                "diplomats said, after Italy and Hungary blocked the proposal.",
                "“We need unity, and we do not have it today,” the EU’s foreign policy chief told "
                "reporters in Brussels.",
                "The split is likely to deepen before the May elections, in my view. Germany has "
                "expressed interest in a compromise.",
                "Ministers will meet again in April.",
            ],
        ),
        (
            "newswire.txt",
            [
                "Russia says US missile plans threaten arms control",
                "Published time: 12 Feb, 2019 14:05",
                "Russia’s Foreign Ministry said on Tuesday that Washington’s plans to deploy new "
                "missiles in Europe would undermine what is left of arms control. Deputy Foreign "
                "Minister Sergei Ryabkov told TASS that Moscow would respond.",
                "“We will not stand by,” Ryabkov said.",
                "Experts say the treaty was already dead. Analysts at the Carnegie Endowment argue "
                "that both sides had violated it for years, although the evidence is disputed.",
            ],
        ),
    ],
)
def test_other_site_layouts(name: str, paragraphs: list[str]) -> None:
    """Breadcrumbs, share/like widgets, READ MORE teasers, Related, comments, sign-ups."""
    article = next(iter(iter_articles([FIXTURES / name])))
    assert isinstance(article, Article)
    check_offsets(article)
    assert [article.shown[p.start:p.end] for p in article.paragraphs] == paragraphs


def test_markdown_front_matter_is_metadata() -> None:
    text = (
        '---\ntitle: "Council approves budget"\nauthor: Ana Lopez\ndate: 2024-05-01\n'
        "tags: [city]\n---\n\nThe council approved the budget on Tuesday, officials said.\n"
    )
    article = article_from_text("fm", text, fmt="md")
    check_offsets(article)
    assert article.shown == "The council approved the budget on Tuesday, officials said."
    assert (article.title, article.author, article.date) == (
        "Council approves budget", "Ana Lopez", "2024-05-01")
    # A thematic break followed by prose is not front matter.
    plain = article_from_text("hr", "---\nNote: a first paragraph of prose.\n---\nMore prose.")
    assert plain.shown == "Note: a first paragraph of prose.\n\nMore prose."


def test_second_headline_byline_date_block_starts_a_teaser() -> None:
    body = "\n\n".join(
        f"Paragraph {i} of the article says something long enough to count as prose text."
        for i in range(4)
    )
    text = (
        f"Main headline\n\nBy Ann Lee\n\nMarch 3, 2019\n\n{body}\n\n"
        "Another story headline\n\nBy John Doe\n\nMarch 5, 2019\n\n"
        "The teaser text goes on about something else entirely and at some length too."
    )
    article = article_from_text("t", text)
    assert article.shown.startswith("Main headline\n\nBy Ann Lee\n\nMarch 3, 2019\n\n")
    assert article.shown.endswith("Paragraph 3 of the article says something long enough "
                                  "to count as prose text.")


def test_site_masthead_is_navigation_only_at_the_top() -> None:
    body = "The minister said the talks would resume in May after a pause of two weeks."
    lines = ["Sputnik International", "Headline of the day", body, body, body, "The Duran"]
    reasons = find_boilerplate([PageLine(x, x) for x in lines])
    assert reasons[0] == "nav-masthead"
    assert reasons[1:] == [None] * 5  # after the body a masthead word is kept (a credit)


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe for $1 a week",
        "∙ Paid",
        "Thanks for reading The Weekly Letter! Subscribe for free to receive new posts.",
        "Updated at 13.52 GMT",
        "Updated 2 hours ago",
        "Our Standards: The Example Trust Principles.",
        "... we have a small favour to ask. Millions read us every day. Please support us today.",
        "The views expressed in this commentary are the author's own and do not necessarily "
        "reflect those of the Institute.",
        "Support the Example Times. Fund independent journalism with $5 per month. Support us",
        "Example Review is reader-funded. If you value our interviews, please consider a donation.",
        "Thanks for reading! The best way to make sure you see what I publish is to "
        "subscribe to the mailing list for my website.",
        "My work is entirely reader-supported, so if you enjoyed this piece please "
        "consider throwing some money into my tip jar on Patreon or Paypal.",
        "Bitcoin donations: 1Ab2Cd3Ef4Gh5Ij6Kl7Mn8Op9",
        "This entry was posted in Guest Post, Trade on March 4, 2019 by Jane Roe.",
        "Subscribe to Post Comments",
        "Tags",
        "Share on Facebook Share on X Share via Email",
        "Key events",
        "1h ago Minister lands in Washington",
        "Home > Research > Commentary",
        "·",
        "--",
        "1.2K Followers",
        "42 Likes · 7 Restacks",
        "Listen",
        "Follow AP's coverage of the war in Ukraine at https://example.org/hub/ukraine",
        "Opinion > Editorial",
        "News > World > Asia",
        "Add Comment",
        "Before you comment, please read our commenting policy.",
        "Example TV's website can also be accessed at the following alternate addresses:",
        "Example Agency website contains only a portion of the news stories offered to "
        "subscribers, and in summarized form. Please contact us for subscription options.",
        "U.S. News | World News | Politics | Sports | Health",
        "This article is for informational purposes only and is not a substitute for "
        "professional medical advice.",
        "The information in this article is not intended as a substitute for professional "
        "medical advice.",
    ],
)
def test_probe_boilerplate_lines(line: str) -> None:
    assert find_boilerplate([PageLine(line, line)])[0] is not None


@pytest.mark.parametrize(
    "line",
    [
        "Mar 02, 2024",  # a date line, not a donation amount
        "June 18, 2020",  # a full month name too
        "July 4, 2019",
        "Updated figures show the economy grew by 2 percent last year.",
        "Subscribers for the service rose to 40,000 in March.",
        "Our standards of living have fallen since the war began, she said.",
        "The minister said the ministry would support us today and in the future.",
        "Support for the sanctions has fallen to 40 percent, a poll found.",
        "Homeowners in the region are struggling with the cost of gas.",
        "The views expressed by the minister were those of the government.",
        "Key events of the week included a summit in Vienna.",
        "Tags were found on three of the birds released last spring.",
        "This entry in the register was made in 1921 by the parish priest.",
        "Bitcoin donations to the campaign rose sharply in May, filings show.",
        "Listen to the minister: the war is not over.",
        "Follow the money, the prosecutor told the court.",
        "Help arrived in Kherson on Sunday, the governor said.",
        "Growth > 5 percent is the target, the minister said.",
        "Add comments from the public to the file, the judge ordered.",
        "The site can be accessed only by the inspectors, the ministry said.",
        "The funds are for educational purposes only, the ministry said.",
        "Vitamins are not a substitute for professional medical advice, the agency warned.",
        "He left. Then | they said. It | was over.",
    ],
)
def test_probe_content_lines_are_kept(line: str) -> None:
    assert find_boilerplate([PageLine(line, line)])[0] is None


def test_a_run_of_menu_words_at_the_top_is_navigation() -> None:
    body = "The minister said the talks would resume in May after a pause of two weeks."
    lines = ["World", "Business", "Markets", "Breakingviews", "Turkey weighs halting talks",
             body, body, body, "World", "Conclusions"]
    reasons = find_boilerplate([PageLine(x, x) for x in lines])
    assert reasons[:4] == ["nav-section-word", "nav-section-word"] + ["struct-nav-run"] * 2
    assert reasons[4:] == [None] * 6  # after the body a menu word is a section heading


def test_a_short_line_after_a_headline_is_not_navigation() -> None:
    lines = ["Turkey weighs halting talks", "Analysis Desk", "Some long body text goes here."]
    assert find_boilerplate([PageLine(x, x) for x in lines]) == [None, None, None]


def test_a_local_paper_masthead_is_navigation_only_at_the_top() -> None:
    body = "The minister said the talks would resume in May after a pause of two weeks."
    lines = ["The Millbrook Courier", "Protest ends with two arrests", body, body, body,
             "The Millbrook Courier"]
    reasons = find_boilerplate([PageLine(x, x) for x in lines])
    assert reasons[0] == "nav-newspaper-name"
    assert reasons[1:] == [None] * 5


def test_an_outlet_name_above_its_menu_bar_is_a_masthead() -> None:
    body = "The minister said the talks would resume in May after a pause of two weeks."
    menu = "Politics | World | Business | Opinion"
    lines = ["Daily Example", menu, "Protest ends with two arrests", body, body, body]
    reasons = find_boilerplate([PageLine(x, x) for x in lines])
    assert reasons[0] == "struct-masthead"
    assert reasons[2:] == [None] * 4
    # a headline above a body is no masthead, nor a name that is not above a menu
    lines = ["Protest Ends Peacefully", body, body, body]
    assert find_boilerplate([PageLine(x, x) for x in lines]) == [None] * 4
    lines = ["Daily Example", "Protest ends with two arrests", body, body]
    assert find_boilerplate([PageLine(x, x) for x in lines])[0] is None


def test_footnote_references_do_not_glue_sentences() -> None:
    from annotator.ingest import extract_html

    para = (
        "The paper was widely dismissed in Western capitals.<sup><a href='#n1'>1</a></sup> "
        "A year later, the envoy had produced nothing.<sup>[2]</sup> The talks went on."
    )
    html = (
        f"<html><body><article><h1>Title here</h1><p>{para}</p><p>{para}</p>"
        "</article></body></html>"
    )
    text, _ = extract_html(html)
    assert "capitals. A year later" in text
    assert "nothing. The talks" in text
    assert "capitals.1" not in text
    # an exponent that is no footnote reference stays
    text, _ = extract_html(html.replace("</h1>", "</h1><p>An area of 10<sup>6</sup> km is "
                                        "large for a country of this size and history.</p>"))
    assert "106 km" in text


def test_a_comment_count_after_the_body_opens_the_comment_section() -> None:
    body = "The minister said the talks would resume in May after a pause of two weeks."
    lines = ["Headline here", "3 comments", body, body, body, "12 Comments", "Great piece.",
             "Reed has been wrong about this for years."]
    reasons = find_boilerplate([PageLine(x, x) for x in lines])
    # a counter under the headline only drops its line
    assert reasons[:5] == [None, "end-comment-count", None, None, None]
    assert reasons[5:] == ["end-comment-count", "struct-tail", "struct-tail"]


def test_blockquotes_are_quote_paragraphs() -> None:
    text = (
        "# Title\n\nClark's argument is that nobody planned the war.\n\n"
        "> The protagonists of 1914 were sleepwalkers,\n> watchful but unseeing.\n\n"
        "That passage should be pinned above every desk."
    )
    article = article_from_text("q", text, fmt="md")
    kinds = [(article.shown[p.start:p.end], p.kind) for p in article.paragraphs]
    assert ("The protagonists of 1914 were sleepwalkers, watchful but unseeing.", "quote") in kinds
    assert kinds[-1][1] == "text"
    check_offsets(article)


def test_html_blockquotes_keep_their_mark() -> None:
    from annotator.ingest import extract_html

    prose = "Clark argues that nobody planned the war, and he argues it well in his book. " * 3
    html = (
        f"<html><body><article><h1>A title for this</h1><p>{prose}</p>"
        "<blockquote><p><strong>The protagonists</strong> of 1914 were sleepwalkers.</p>"
        "<p>They were watchful but unseeing.</p></blockquote>"
        f"<p>{prose}</p></article></body></html>"
    )
    text, _ = extract_html(html)
    assert "> The protagonists of 1914 were sleepwalkers." in text
    assert "> They were watchful but unseeing." in text
    assert text.count(">") == 2  # the prose around it is no quotation


def test_a_footer_menu_after_the_body_is_navigation_but_a_lone_word_is_a_heading() -> None:
    body = "The minister said the talks would resume in May after a pause of two weeks."
    lines = ["Headline here", body, body, body, "Help", "Status", "About"]
    reasons = find_boilerplate([PageLine(x, x) for x in lines])
    assert reasons[4:] == ["nav-footer-word", "nav-footer-word", "nav-section-word"]
    lines = ["Headline here", body, body, body, "Archive", body]
    assert find_boilerplate([PageLine(x, x) for x in lines])[4] is None


# Probe round 3: press releases, broadcast transcripts, forum scrapes, fact-checks.
@pytest.mark.parametrize(
    "line",
    [
        "For media enquiries please contact the Press Office on 020 7000 0000.",
        "Press inquiries: press@example.org",
        "SOURCE Example Relief Alliance",
        "View original content to download multimedia: https://www.example.com/x.html",
        "Donations can be made at example.org/winter.",
        "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM.",
        "TO ORDER A VIDEO OF THIS TRANSCRIPT, PLEASE CALL 800-000-0000",
        "Return to Transcripts main page",
        "XYZ.com - Transcripts",
        "[21:00:08]",
        "(BEGIN VIDEOTAPE)",
        "(END VIDEO CLIP)",
        "(COMMERCIAL BREAK)",
        "(SOUNDBITE OF ARCHIVED RECORDING)",
        "Upvote",
        "Get App",
        "1.2k",
        "r/europe",
        "We use cookies and similar technologies to improve your experience and show you "
        "relevant ads. By clicking Accept All, you agree to our use of cookies. Reject "
        "Optional Cookies Accept All",
        "We use some essential cookies to make this website work.",
        "This article is part of our work with a platform's third-party fact-checking programme.",
        "Did we get something wrong? Tell us.",
        "- [Fact check: the minister did not buy a villa](#)",
        "Transcripts | Morning Report",
    ],
)
def test_probe3_boilerplate_lines(line: str) -> None:
    page = [PageLine(line, line)]
    assert find_boilerplate(page)[0] is not None


@pytest.mark.parametrize(
    "line",
    [
        "The press office said inquiries had doubled since May.",
        "Source material for the report came from the ministry.",
        "Donations to the party rose by a third, the commission said.",
        "The transcript of the call was released on Monday.",
        "(The minister spoke for an hour.)",
        "The vote was 12 to 3.",
        "Reddit users shared the video widely.",
        "We use the figures the ministry publishes every month.",
        "The fact-checking unit was set up in 2019.",
        "- The ministry published the list on Monday.",
        "The footage first appeared on YouTube in 2019, three years before the war began.",
    ],
)
def test_probe3_content_lines_are_kept(line: str) -> None:
    page = [PageLine("A long first paragraph " * 30, "A long first paragraph " * 30),
            PageLine(line, line)]
    assert find_boilerplate(page)[1] is None


def test_press_release_end_mark_cuts_the_about_and_contact_tail() -> None:
    body = "\n\n".join(
        f"Paragraph {i} of the release says something long enough to count as prose here."
        for i in range(4)
    )
    text = (
        f"Alliance delivers generators\n\n{body}\n\n###\n\nAbout Example Alliance\n\n"
        "Example Alliance is a coalition of aid groups founded in 2022.\n\n"
        "Jane Doe\n\npress@example.org"
    )
    article = article_from_text("t", text)
    assert "Paragraph 3" in article.shown
    for gone in ("###", "About Example", "coalition", "Jane Doe", "press@"):
        assert gone not in article.shown
    kept = article_from_text("t", text, strip_boilerplate=False).shown
    assert "coalition" in kept


_PASTED_RELEASE = (
    "Province finally admits the well problem\n\n"
    + " ".join(["The ministry put out a release this morning and it is worth reading."] * 3)
    + "\n\nHere is the release in full:\n\n"
    + "\n\n".join(
        f"Paragraph {i} of the release says something long enough to count as prose here."
        for i in range(3)
    )
    + "\n\n###\n\nMedia contact:\n\nJordan Price\n\njordan.price@example.gov\n\n"
    "Forty million dollars sounds like a lot of money until you count the wells.\n\n"
    "By the agency's own estimate more than 9,000 of them are waiting to be plugged.\n\n"
    "Share this:\n\nTwitter | Facebook"
)


def test_a_pasted_releases_end_mark_does_not_end_the_page() -> None:
    # the blogger's comments after the pasted release are the page's own text; the
    # release's contact block and the share bar still go
    shown = article_from_text("t", _PASTED_RELEASE).shown
    assert "Paragraph 2" in shown
    assert "Forty million dollars" in shown and "9,000 of them" in shown
    for gone in ("###", "Media contact", "Jordan Price", "jordan.price@", "Twitter"):
        assert gone not in shown


def test_a_release_page_without_a_lead_in_still_ends_at_its_mark() -> None:
    # the release itself: everything under its end mark is its own chrome
    text = _PASTED_RELEASE.replace("Here is the release in full:", "The ministry said so.")
    shown = article_from_text("t", text).shown
    assert "Paragraph 2" in shown and "Forty million dollars" not in shown


def test_media_contact_heading_ends_the_body() -> None:
    body = " ".join(["The alliance delivered generators to hospitals in three regions."] * 8)
    text = f"Headline\n\n{body}\n\nMedia contact:\n\nJane Doe\n\nCommunications Manager"
    article = article_from_text("t", text)
    assert "Jane Doe" not in article.shown and "Communications Manager" not in article.shown


def test_a_rule_of_three_hashes_before_the_body_is_no_end() -> None:
    text = "###\n\n" + " ".join(["The minister spoke about the budget at length today."] * 8)
    assert "The minister spoke" in article_from_text("t", text).shown


@pytest.mark.parametrize("mark", ["- ENDS -", "-30-", "ENDS"])
def test_other_press_release_end_marks(mark: str) -> None:
    body = " ".join(["The operator agreed to supply emergency power to the grid."] * 8)
    text = f"Headline\n\n{body}\n\n{mark}\n\nAbout Example Grid\n\nExample Grid runs lines."
    shown = article_from_text("t", text).shown
    assert "The operator agreed" in shown and "About Example" not in shown
    # the mark is the release's own last line (labeled other), not boilerplate
    assert mark.strip("- ") in shown


def test_notes_to_editors_under_the_end_mark_stay() -> None:
    body = " ".join(["The operator agreed to supply emergency power to the grid."] * 8)
    text = (
        f"Headline\n\n{body}\n\nENDS\n\nNotes to editors\n\n"
        "1. Example Grid was founded in 2004 and runs 900 km of lines.\n\n"
        "2. The full report is available at www.example.org/grid-report\n\n"
        "Media contact: Ann Lee, press@example.org\n"
    )
    shown = article_from_text("t", text).shown
    assert "ENDS" in shown and "Notes to editors" in shown and "founded in 2004" in shown
    assert "available at www" not in shown and "press@example.org" not in shown


@pytest.mark.parametrize(
    "line",
    [
        "View this email in your browser",
        "Read this newsletter online",
        "Having trouble viewing this email? Click here.",
        "Forwarded this email? Subscribe here for more.",
        "Was this newsletter forwarded to you? Sign up here.",
        "SPONSORED BY EXAMPLEAPP",
        "This issue is brought to you by Example Bank",
        "Readers get 20% off with code NEWS20.",
        "Print version | Share",
        "Print | Email | Share",
        "Listen to this article · 6 min",
        "Market data provided by Example Data. Quotes delayed at least 15 minutes.",
        "Quotes delayed by 20 minutes.",
    ],
)
def test_probe4_boilerplate_lines(line: str) -> None:
    page = [PageLine(line, line)]
    assert find_boilerplate(page)[0] is not None


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the email was forwarded to prosecutors.",
        "The contract was sponsored by two senators and passed in May.",
        "Prices were cut by 20% off the list price, the company said.",
        "The data provided by the ministry showed a fall in exports.",
        "Voters were told to print their ballots and share them with no one.",
        "Listen to this: the minister said the plan would cost nothing.",
        "The newspaper was read online by millions during the war.",
    ],
)
def test_probe4_content_lines_are_kept(line: str) -> None:
    page = [PageLine("A long first paragraph " * 30, "A long first paragraph " * 30),
            PageLine(line, line)]
    assert find_boilerplate(page)[1] is None


def test_newsletter_footer_ends_the_body() -> None:
    body = " ".join(["The court annulled the first round after a review of the campaign."] * 6)
    text = (
        f"Headline\n\n{body}\n\nYou are receiving this email because you signed up at "
        "example.news.\n\nUnsubscribe | Update your preferences\n\nExample Dispatch, 1 Main St"
    )
    shown = article_from_text("t", text).shown
    assert "The court annulled" in shown
    for gone in ("receiving this email", "Unsubscribe", "1 Main St"):
        assert gone not in shown
    early = article_from_text("t", "Unsubscribe from the list, the minister urged voters.\n\n"
                              + body).shown
    assert "the minister urged" in early


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for one of our free newsletters",
        "Subscribe to our weekly newsletters",
    ],
)
def test_probe5_newsletter_lines(line: str) -> None:
    page = [PageLine(line, line)]
    assert find_boilerplate(page)[0] is not None


@pytest.mark.parametrize(
    "marker",
    [
        "Posted by b on May 3, 2018 at 09:12 AM | Permalink",
        "Posted by: reader_one | May 3 2018 10:02 utc | 4",
        "Before commenting please read our Comment Policy.",
        '12 comments for "The Talks That Went Nowhere"',
    ],
)
def test_probe5_comment_section_markers_end_the_body(marker: str) -> None:
    body = "\n\n".join(
        f"Paragraph {i} of the post says something long enough to count as prose text here."
        for i in range(6)
    )
    text = f"Headline\n\n{body}\n\n{marker}\n\nGreat post, thanks.\n\nAnother reader comment."
    shown = article_from_text("t", text).shown
    assert "Paragraph 5" in shown
    assert "Great post" not in shown and "Another reader" not in shown


@pytest.mark.parametrize(
    "line",
    [
        "The minister posted by mail a letter of complaint to the embassy.",
        "Signing up for our alliance was never a free choice, the diplomat wrote.",
        "Twelve comments for the record were filed by the ministry on Monday.",
        "Before commenting, the spokesman read a short statement to reporters.",
    ],
)
def test_probe5_content_lines_are_kept(line: str) -> None:
    page = [PageLine(line, line)]
    assert find_boilerplate(page)[0] is None


@pytest.mark.parametrize(
    "line",
    [
        "Geography: China",
        "Persons: Putin Vladimir",
        "Publication date: March 3, 2019, 18:40",
        "Direct link: example.ru/d/1234",
        "All content on this site is licensed under Creative Commons Attribution 4.0.",
        "All materials on this site may be used with a hyperlink to the agency.",
    ],
)
def test_probe5b_official_site_lines_are_boilerplate(line: str) -> None:
    page = [PageLine(line, line)]
    assert find_boilerplate(page)[0] is not None


@pytest.mark.parametrize(
    "line",
    [
        "Geography teachers said the new curriculum was rushed.",
        "All content of the report was leaked to the press, the ministry said.",
        "The materials on this site were used by the prosecution, the court heard.",
        "Also read the minister's letter, the opposition urged voters.",
    ],
)
def test_probe5b_content_lines_are_kept(line: str) -> None:
    page = [PageLine("A long first paragraph " * 30, "A long first paragraph " * 30),
            PageLine(line, line)]
    assert find_boilerplate(page)[1] is None


def test_an_also_read_block_ends_the_story() -> None:
    body = " ".join(["The minister said talks on the grain corridor would resume in May."] * 6)
    text = f"Headline\n\n{body}\n\nAlso read\n\nMinisters discuss grain by phone\n\nTags: grain"
    shown = article_from_text("t", text).shown
    assert "grain corridor" in shown
    assert "Ministers discuss grain" not in shown and "Also read" not in shown


# Probe round 6c: messy input shapes (hard wraps, PDF copies, invisible characters,
# <br> pages, HTML inside JSONL, read-later Markdown, paywalls).
def _wrapped(paragraph: str, width: int = 60) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(paragraph, width, break_on_hyphens=False))


_PROSE = (
    "The ministers met in Vienna on Tuesday to discuss the future of the agreement, "
    "and the talks went on late into the night without any sign of a compromise on "
    "the main questions that divide the two delegations."
)


def test_a_wrapped_title_and_byline_are_not_joined_to_each_other() -> None:
    text = f"Talks stall in Vienna\nBy Ana Lind\n\n{_wrapped(_PROSE)}\n\n{_wrapped(_PROSE)}\n"
    article = article_from_text("w", text)
    check_offsets(article)
    shown = [article.shown[p.start : p.end] for p in article.paragraphs]
    assert shown[:2] == ["Talks stall in Vienna", "By Ana Lind"]
    assert shown[2] == _PROSE  # the wrapped paragraph is still one


def test_a_word_split_at_a_wrapped_line_end_is_rejoined() -> None:
    para = _wrapped(_PROSE).replace("discuss", "dis-\ncuss", 1)
    lines = para.splitlines()
    text = "\n\n".join(["\n".join(lines)] * 2) + "\n"
    article = article_from_text("h", text)
    check_offsets(article)
    assert "to discuss the future" in article.shown and "dis-" not in article.shown
    # before a capital the hyphen stays: a compound ("Intermediate-Range")
    text = text.replace("dis-\ncuss", "Euro-\nAtlantic")
    shown = article_from_text("h", text).shown
    assert "Euro-Atlantic" in shown and "Euro- Atlantic" not in shown


def test_pdf_page_furniture_is_dropped_and_the_sentence_goes_on() -> None:
    other = _PROSE.replace("ministers met in Vienna", "envoys gathered in Geneva")
    lines = _wrapped(_PROSE + " " + other).splitlines()
    page = "Page 1 of 3\n\fInstitute Brief No. 4 | Arms Control\n2\n"
    text = (
        "\n".join(lines[:3]) + "\n" + page + "\n".join(lines[3:]) + "\n\n"
        + _wrapped(other) + "\n" + page.replace("1 of 3", "2 of 3").replace("\n2\n", "\n3\n")
        + "\n" + _wrapped(_PROSE) + "\n"
    )
    article = article_from_text("p", text)
    check_offsets(article)
    assert "Page" not in article.shown and "Institute Brief" not in article.shown
    assert _PROSE + " " + other in article.shown


def test_a_repeated_line_without_page_numbers_is_kept() -> None:
    body = "The minister said the talks would resume in May after a pause of two weeks."
    lines = ["Arms Control", body, "Arms Control", body, body]
    assert find_boilerplate([PageLine(x, x) for x in lines]) == [None] * 5


def test_numbered_notes_after_wrapped_text_stay_apart() -> None:
    notes = (
        "1 Interview with the authors, Brussels, December 2018.\n"
        "2 Ministry of Defence, Annual Report 2018, page 14."
    )
    text = f"{_wrapped(_PROSE)}\n\n{_wrapped(_PROSE)}\n\nNotes\n{notes}\n"
    article = article_from_text("n", text)
    shown = [article.shown[p.start : p.end] for p in article.paragraphs]
    assert shown[-2:] == notes.splitlines()


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("a “willing\u200bness to move”", "a “willingness to move”"),
        ("notice of withdrawal.1 Washington says", "notice of withdrawal. Washington says"),
        ("since at least 2014.3 In December", "since at least 2014. In December"),
        ("below 500 kilometres.2", "below 500 kilometres."),
        ("in Paris,2 officials said", "in Paris, officials said"),
        ("of sovereignty.[^1] It was", "of sovereignty. It was"),
        ("[^2]: Asia Institute, report, June 2019.", "Asia Institute, report, June 2019."),
        # no footnote marks: decimals, abbreviations before a number, a year alone
        ("grew by 3.5 percent", "grew by 3.5 percent"),
        ("Article 5.2 The", "Article 5.2 The"),
        ("the U.S.2 billion", "the U.S.2 billion"),
        ("the world's No.1 Sabalenka", "the world's No.1 Sabalenka"),
        ("[ref]: https://example.org", ""),
    ],
)
def test_probe6c_invisible_characters_and_note_marks(line: str, shown: str) -> None:
    assert shown_line(line) == shown


@pytest.mark.parametrize(
    "line",
    [
        "Page 2 of 5",
        "page 3",
        "14",
        "- 7 -",
        "Subscribe to continue reading",
        "Already a subscriber? Log in",
        "Get unlimited access to our award-winning journalism for just £1 a week.",
        "Exported from Readwise Reader on 2019-07-02",
        "Clipped with Evernote",
    ],
)
def test_probe6c_page_and_paywall_lines_are_boilerplate(line: str) -> None:
    page = [PageLine(line, line)]
    assert find_boilerplate(page)[0] is not None


@pytest.mark.parametrize(
    "line",
    [
        "2019",
        "Page after page of the report was redacted.",
        "Already the ministry has backed down.",
        "Get access to clean water is what the villagers asked for.",
        "Exported from Ukraine by rail, the grain reached Gdansk on Monday.",
    ],
)
def test_probe6c_content_lines_are_kept(line: str) -> None:
    page = [PageLine(line, line)]
    assert find_boilerplate(page)[0] is None


def test_a_newsletter_footer_naming_the_newsletter_ends_it() -> None:
    body = "The minister said the talks would resume in May after a pause of two weeks."
    lines = [body, body, body, body, body, body,
             "You are receiving the Lisbon Letter because you subscribed at example.eu.",
             "Reply STOP to leave."]
    assert find_boilerplate([PageLine(x, x) for x in lines])[6:] == [
        "end-email-footer", "struct-tail"]


def test_br_paragraphs_and_text_after_a_list_are_paragraphs() -> None:
    from annotator.ingest import extract_html

    prose = "The summit ended without a deal on the budget, officials in Brussels said. "
    html = (
        "<html><body><div class='post'><h1>Leaders extend sanctions on Monday</h1>"
        f"<div class='body'>{prose * 2}<br><br>{prose}<br><br>"
        "<blockquote>The Council agreed to prolong the measures.<br>They remain until"
        " January.</blockquote>The measures include:<ul><li>a ban on arms exports;</li>"
        f"<li>limits on bank lending.</li></ul>The Kremlin said it regretted it.<br><br>"
        f"{prose}</div></div></body></html>"
    )
    text, _ = extract_html(html)
    assert text.count("The summit ended") == 4  # each once, none repeated or dropped
    assert "> The Council agreed to prolong the measures." in text
    assert "> They remain until January." in text
    assert "\nThe measures include:\n" in text
    assert "\nThe Kremlin said it regretted it.\n" in text


def test_html_in_a_jsonl_text_field_is_extracted(tmp_path: Path) -> None:
    body = ("<h2>Sudan deal reached</h2><p>The council and the coalition agreed to share "
            "power.<br>The deal was announced by the mediator.</p><p>&quot;It is a start,"
            "&quot; the mediator told reporters.</p>")
    rows = [{"id": "a", "text": body},
            {"id": "b", "text": "Prices rose 3% <b>again</b> and x < y in the plain text."}]
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    a, b = list(iter_articles([path]))
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.text_origin == "html-extracted"
    check_offsets(a)
    shown = [a.shown[p.start : p.end] for p in a.paragraphs]
    assert shown[0] == "Sudan deal reached"
    assert '"It is a start," the mediator told reporters.' in shown
    assert "<" not in a.shown and "&quot;" not in a.shown
    assert b.text_origin == "jsonl-text"  # a stray inline tag is not an HTML body


@pytest.mark.parametrize(
    "line",
    [
        "Copy Link copied",
        "Link Copied!",
        "Ad Feedback",
        "SKIP ADVERTISEMENT",
        "Share X Facebook LinkedIn Email Link",
        "Click here to share on social media",
        "View in browser",
        "Purchase Licensing Rights",
        "Sign up for Example News",
        "Weekly Newsletter",
        "LIVE",
        "A version of this article appears in print on May 2, 2027, Section A, Page 6 of the "
        "New York edition with the headline: Talks Stall.",
        '- "Europe braces for a long winter," by Ana Popescu',
        "A message from the Coalition for Example Ports:",
    ],
)
def test_probe6_boilerplate_lines(line: str) -> None:
    page = [PageLine(line, line)]
    assert find_boilerplate(page)[0] is not None


@pytest.mark.parametrize(
    "line",
    [
        "The link was copied to three ministries before the vote.",
        "Share prices in Warsaw fell by a fifth after the strike.",
        "Live fire exercises resumed near the border on Monday.",
        "Sign up for the draft is compulsory for men aged 18 to 25, the ministry said.",
        "A version of the plan was leaked to the press in May.",
        '"We will not be intimidated," said the minister, by then back in Kyiv.',
        "A message from the president was read out at the start of the session.",
        "Viewed in the light of the ceasefire, the strikes look like a test.",
    ],
)
def test_probe6_content_lines_are_kept(line: str) -> None:
    page = [PageLine("A long first paragraph " * 30, "A long first paragraph " * 30),
            PageLine(line, line)]
    assert find_boilerplate(page)[1] is None


def test_newsletter_unsubscribe_bar_ends_the_body() -> None:
    body = " ".join(["The Senate left town without voting on the sanctions bill."] * 6)
    text = (
        f"Headline\n\n{body}\n\nSubscribe to Example Daily | Unsubscribe\n\n"
        "Example Media, 1 Main St"
    )
    shown = article_from_text("t", text).shown
    assert "The Senate left town" in shown
    assert "Unsubscribe" not in shown and "1 Main St" not in shown


# --- chrome families of unseen sites: account bars, article actions, wire notes,
# print notes, forwarded e-mail headers, release furniture, licences ---------------


@pytest.mark.parametrize(
    "line",
    [
        "Sign In | Subscribe",
        "e-Paper | Subscribe | Sign in",
        "Log in  Register",
        "Privacy ∙ Terms ∙ Collection notice",
        "About Us | Contact | Careers | Advertise",
        "Gift this article",
        "Give this article",
        "Share full article",
        "Save for later",
        "Member-only story",
        "Watch Live",
        "Cite this article",
        "Download PDF",
        "Download the full report (PDF, 2 MB)",
        "Search for:",
        "Type your email…",
        "Short link:",
        "4-minute read",
        "(Updates with gas prices in eighth paragraph.)",
        "(Adds comment from the ministry in paragraph 5)",
        "(Corrects spelling of minister's name in second paragraph)",
        "Published in The Example Herald, March 9th, 2019",
        "Published in Example Times, 12 May 2021",
        "This article appeared in the print edition of the April 2027 issue with the headline "
        "\"The Last Treaty\".",
        "---------- Forwarded message ---------",
        "Begin forwarded message:",
        "From: Example Brief <editor@brief.example>",
        "To: <reader@example.org>",
        "Reply-To: Example Brief <reply@brief.example>",
        "Date: Tue, Feb 19, 2019 at 9:14 AM",
        "Sent: Monday, March 3, 2027 7:02 AM",
        "SC/13721",
        "SG/SM/23145",
        "GA/12345",
        "For information media. Not an official record.",
        "Example Organisation | Meetings Coverage and Press Releases",
        "Example Ministry | Press Releases",
        "Republish our stories! Example News is licensed under a Creative Commons "
        "Attribution-NonCommercial-ShareAlike 3.0 License.",
        "This work is licensed under a Creative Commons Attribution 4.0 International License.",
        "Republish this article",
        "By signing up, you agree to our Terms of Use and Privacy Policy.",
        "By subscribing, you consent to receive marketing e-mails from Example Media.",
        "Go deeper: The president's oil price problem",
        "More on: Energy, European Union, Russia",
    ],
)
def test_unseen_site_chrome_is_boilerplate(line: str) -> None:
    page = [PageLine("A long first paragraph " * 30, "A long first paragraph " * 30),
            PageLine(line, line)]
    assert find_boilerplate(page)[1] is not None


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe or starve",
        "Sign in, sign up and show up, the organiser told volunteers.",
        "Gift",
        "The treaty was a gift that both sides took for granted.",
        "Save the children, the banner read.",
        "Share prices in Karachi fell on Friday.",
        "Published estimates put spare capacity at about 3 million barrels a day.",
        "Published or not, the audit will be hard to ignore.",
        "Published in 2019, the report found that most aid never arrived.",
        "Published March 8, 2019",
        "Naveed Example | Published March 8, 2019",
        "(Reporting by Ana Example; Editing by Tom Example)",
        "(Updates to the list were published on Monday.)",
        "Updates",
        '"Subscribe to the pool or stay in port, that is the choice now," a broker said.',
        "The figures were first reported by Bloomberg.",
        "From the archive",
        "From: the Ministry of Foreign Affairs",
        "Subject: Riga's new defence budget",
        "Date: 14 March 2019",
        "Resolution 2254 (S/RES/2254) was adopted unanimously.",
        "The software is licensed under an open-source licence, the company said.",
        "Search for survivors",
        "Search and rescue teams reached the village on Tuesday.",
        "Watch the border, the general said.",
        "Most read in Maiduguri is the list of the missing.",
        "Go deeper into the archive and the picture changes.",
        "More on that later.",
        "By signing the treaty, Moscow agreed to inspections.",
        "An earlier version of this article misstated the year the treaty was signed; it was "
        "2010.",
        "Photo: Example Agency/Getty Images",
        "Contact the ministry for details.",
    ],
)
def test_unseen_site_content_lines_are_kept(line: str) -> None:
    page = [PageLine("A long first paragraph " * 30, "A long first paragraph " * 30),
            PageLine(line, line)]
    assert find_boilerplate(page)[1] is None


def test_most_read_from_an_outlet_ends_the_body() -> None:
    body = "The minister said the talks would resume in May after a pause of two weeks."
    lines = [body, body, body, "Most Read from Example", "Oil falls as talks stall"]
    reasons = find_boilerplate([PageLine(x, x) for x in lines])
    assert reasons == [None] * 3 + ["end-most-read-from", "struct-tail"]


@pytest.mark.parametrize(
    "top",
    [
        ["Bloomberg", "Sign In | Subscribe"],
        ["DAWN.COM", "Home | Pakistan | World | Business"],
        ["Al-Ahram Weekly", "Egypt | Region | World | Opinion"],
        ["President of Example", "Events | Structure | Documents | Contact"],
        ["The Vineyard of Example", "A bird's eye view of the vineyard", "Home | About | Donate"],
        ["Skip to main content", "Exclusive news and analytics for professionals", "World",
         "Business", "Markets"],
        ["Example Review", "Investigations  Podcasts  Donate  About"],
    ],
)
def test_the_lines_above_the_first_menu_are_the_masthead(top: list[str]) -> None:
    body = "The minister said the talks would resume in May after a pause of two weeks."
    lines = [*top, "Talks resume in May", "By Ana Example", body, body, body]
    reasons = find_boilerplate([PageLine(x, x) for x in lines])
    assert all(r is not None for r in reasons[: len(top)]), reasons
    assert reasons[len(top):] == [None] * 5


def test_a_headline_above_a_share_bar_or_a_kicker_is_no_masthead() -> None:
    body = "The minister said the talks would resume in May after a pause of two weeks."
    for second in ("Share | Print | Email", "Analysis", "Gift this article"):
        lines = ["Talks resume in May", "By Ana Example", second, body, body, body]
        reasons = find_boilerplate([PageLine(x, x) for x in lines])
        assert reasons[:2] == [None, None], (second, reasons)
    # a Markdown headline above a menu, or four short lines, are not a masthead
    page = [PageLine("# Talks resume", "Talks resume", heading=True),
            PageLine("Home | World | Business", "Home | World | Business"),
            PageLine(body, body)]
    assert find_boilerplate(page)[0] is None
    lines = ["One", "Two lines", "Three short lines", "Four short lines here",
             "Home | World | Business", body]
    assert find_boilerplate([PageLine(x, x) for x in lines])[:4] == [None] * 4
    # a date line above the menu stays (dates are labelled other)
    lines = ["Example Herald", "Friday, March 8, 2019", "Home | World | Business",
             "Talks resume", body, body, body]
    reasons = find_boilerplate([PageLine(x, x) for x in lines])
    assert reasons[0] == "struct-masthead" and reasons[1] is None


@pytest.mark.parametrize(
    "line",
    [
        "An official website of the United States government",
        "Here's how you know",
        "Official websites use .gov A .gov website belongs to an official government organization.",
        "Is this page useful?",
        "Was this page helpful?",
        "Report a problem with this page",
        "Skip past newsletter promotion",
        "after newsletter promotion",
        "Reuse this content",
        "Site Index",
        "Upgrade to paid",
        "Already a paid subscriber? Sign in",
        "You can share this story on social media:",
        "Sent from my iPhone",
        "Follow Example Times on Google News",
        "Catch all the Business News and Latest News Updates on The Example Times.",
        "Video Duration 2 minutes 30 seconds",
    ],
)
def test_government_banner_feedback_and_promotion_leftovers_are_boilerplate(line: str) -> None:
    page = [PageLine("A long first paragraph " * 30, "A long first paragraph " * 30),
            PageLine(line, line)]
    assert find_boilerplate(page)[1] is not None


@pytest.mark.parametrize(
    "line",
    [
        "No",
        "Yes.",
        "Here's how you know the plan failed: nobody signed it.",
        "The report was useful, the minister said.",
        "Upgrade to paid leave is the union's first demand, its leader said.",
        "Sent from Moscow, the letter reached Kyiv two days later.",
        "Follow the money, the prosecutor told the jury.",
        "The index fell 2 percent on Friday.",
        "Elsewhere on the front line, shelling continued.",
        "Elsewhere on the front line",
        "More on this story later in the week, the editor promised.",
    ],
)
def test_government_banner_and_promotion_content_lines_are_kept(line: str) -> None:
    page = [PageLine("A long first paragraph " * 30, "A long first paragraph " * 30),
            PageLine(line, line)]
    assert find_boilerplate(page)[1] is None


def test_more_on_this_story_ends_the_body() -> None:
    body = "The minister said the talks would resume in May after a pause of two weeks."
    lines = [body, body, body, "More on this story", "Talks stall again"]
    reasons = find_boilerplate([PageLine(x, x) for x in lines])
    assert reasons == [None] * 3 + ["end-most-read-from", "struct-tail"]


@pytest.mark.parametrize(
    "line",
    [
        "Save articles to read later and create your own reading list.",
        "Keep reading",
        "list of 4 items",
        "list 2 of 4",
        "end of list",
        "About | Contact us | Cookie preferences | © 2026 Example Media Network",
        "Click here to see our interactive map of the front line.",
        "Click here for the full report",
        "[1] https://t.me/example_channel/48211",
        "12. www.example.org/report",
        "Support the Institute's work. Donate today.",
        "Example Eye delivers independent and unrivalled coverage and analysis of the region.",
        "To learn more about republishing this content and the associated fees, "
        "please fill out this form.",
        "This article is available in French on the Example French edition.",
        "Frontline Example is reader-funded.",
        "Previous briefing | Next briefing",
        "« Previous post / Next post »",
    ],
)
def test_war_report_page_chrome_is_boilerplate(line: str) -> None:
    page = [PageLine("A long first paragraph " * 30, "A long first paragraph " * 30),
            PageLine(line, line)]
    assert find_boilerplate(page)[1] is not None


@pytest.mark.parametrize(
    "line",
    [
        "Keep reading the fine print, the minister told the committee.",
        "A list of 40 items was handed to the inspectors on Monday.",
        "About 200 people protested in Tbilisi, according to police.",
        "Clicking through the leaked files, investigators found 14 flights.",
        "The army said it would donate today's captured rifles to a museum in Kyiv, "
        "and it listed the serial numbers of every one of them.",
        "The agency delivers independent assessments to the parliament every month, "
        "the minister said on Tuesday in a speech to the committee.",
        "Reprinting the ministry's figures without checks, the outlets spread the claim.",
        "This article of the treaty is available in French and English only.",
        "The previous government said the next round of talks would be held in Oslo.",
        "The group, which is reader-funded, says it has 40 staff in Kyiv.",
    ],
)
def test_war_report_content_lines_are_kept(line: str) -> None:
    page = [PageLine("A long first paragraph " * 30, "A long first paragraph " * 30),
            PageLine(line, line)]
    assert find_boilerplate(page)[1] is None


def test_a_live_blog_entry_headline_after_its_time_stamp_is_a_heading() -> None:
    text = (
        "Example live: talks stall\n\n"
        "Russian drones struck Odesa overnight. Two people were hurt.\n\n"
        "14:20 GMT\n\nZelenskyy says Ukraine will not trade land for a ceasefire\n\n"
        "The president spoke in Kyiv. He met reporters after the talks.\n\n"
        "The convoy reached the port and unloaded grain for the next ship\n\n"
        "13.45 BST\n\nKremlin: No date yet for new round of talks with Kyiv\n\n"
        "Peskov spoke on a call."
    )
    article = article_from_text("t", text, strip_boilerplate=False)
    kinds = {article.shown[p.start : p.end]: p.kind for p in article.paragraphs}
    assert kinds["Zelenskyy says Ukraine will not trade land for a ceasefire"] == "heading"
    assert kinds["Kremlin: No date yet for new round of talks with Kyiv"] == "heading"
    # an unpunctuated sentence-case line after the body started, with no time stamp
    # before it, stays text
    assert kinds["The convoy reached the port and unloaded grain for the next ship"] == "text"


def test_a_teaser_list_inside_the_article_is_boilerplate_and_the_body_goes_on() -> None:
    body = "Russian drones struck energy facilities in Odesa overnight, officials said."
    text = (
        f"Headline\n\n{body}\n\nKeep reading\n\nlist of 2 items\n\nlist 1 of 2\n\n"
        "Russian strikes knock out power across Ukraine\n\nlist 2 of 2\n\n"
        "Mapping the front lines: Who controls what\n\nend of list\n\n"
        "Kremlin talks stall as envoys leave\n\n"
        "The governor said two people were injured in the attack on the port."
    )
    shown = article_from_text("t", text).shown
    assert "knock out power" not in shown and "Mapping the front" not in shown
    assert "list 1 of 2" not in shown and "end of list" not in shown
    # the line after the widget's end is not an item; the body after it stays
    assert "Kremlin talks stall as envoys leave" in shown
    assert "two people were injured" in shown


BODY = (
    "The river peaked at nineteen feet on Monday night, more than three feet above flood stage.\n\n"
    "Dozens of homes along the river were evacuated over the weekend, the county said.\n\n"
    "The county's emergency manager said the ground was saturated and more rain was due.\n\n"
)


def test_a_linked_author_name_beside_the_date_is_a_byline() -> None:
    text = "# Why the pact fails\n\n[Ann Lee](https://x.example/@ann)\n\nOct 2, 2026\n\n" + BODY
    assert "Ann Lee" in article_from_text("t", text, fmt="md").shown
    # a link-only line with no date beside it is still a source or tag line
    text = BODY + "[Ann Lee](https://x.example/@ann)\n\nThe council meets again on Friday.\n"
    assert "Ann Lee" not in article_from_text("t", text, fmt="md").shown


def test_a_video_playlist_is_dropped_and_the_story_goes_on() -> None:
    text = (
        "Flood warning lifted\n\nNow Playing\n\nResidents return home after flooding\n\n01:47\n\n"
        + BODY
        + "Up Next\n\nCrews clear debris from the highway\n\n02:13\n\n"
        "Volunteers fill sandbags at the fairgrounds\n\n01:05\n\n"
        "Officials said the shelter at the fairgrounds would close on Thursday morning.\n\n"
        "Residents can report damage to their homes through the county's online portal.\n"
    )
    shown = article_from_text("t", text).shown
    for gone in ("Now Playing", "Residents return", "01:47", "Up Next", "Crews clear", "02:13"):
        assert gone not in shown
    assert "shelter at the fairgrounds" in shown and "online portal" in shown


def test_a_teaser_heading_at_the_end_still_cuts_the_tail() -> None:
    # headlines after "Related" with no more of the story after them: the page's tail,
    # even when a teaser's summary is a sentence
    text = (
        BODY + "Related\n\nStorm closes coastal road\n\nPolice said the road would stay shut.\n\n"
        "Second headline here\n"
    )
    shown = article_from_text("t", text).shown
    assert "Storm closes" not in shown and "road would stay shut" not in shown


def test_live_blog_time_stamps_are_not_teaser_cards() -> None:
    text = (
        BODY + "14:20\n\nZelenskyy says no land for a ceasefire\n\n"
        "The president spoke in Kyiv after the talks with the envoys on Monday.\n\n"
        "13:45\n\nKremlin says no date yet for talks\n\n"
        "Peskov spoke to reporters on a call with journalists in Moscow on Monday.\n"
    )
    shown = article_from_text("t", text).shown
    assert "14:20" in shown and "Zelenskyy says no land" in shown and "13:45" in shown


def test_lines_between_widget_lines_go_with_them() -> None:
    text = (
        BODY + "Was this page helpful?\n\nYes\n\nNo\n\nReport a problem with this page\n\n"
        "Citation\n\nLee, A. (2026), 'Grid Reform and the Winter Gap in Central Europe', "
        "Research Report, Example Institute.\n\nCopy citation\n"
    )
    shown = article_from_text("t", text).shown
    assert "Yes" not in shown and "No\n" not in shown and "Grid Reform" not in shown
    # a subheading between two ad labels stays, as does a credit line between widgets
    text = (
        BODY + "Advertisement\n\nWhat happens next\n\nAdvertisement\n\n" + BODY
        + "Share\n\n(Reporting by Ann Lee; Editing by Tom Ray)\n\nCopy link\n"
    )
    shown = article_from_text("t", text).shown
    assert "What happens next" in shown and "(Reporting by Ann Lee" in shown


def test_html_chrome_elements_named_by_class_or_role_are_dropped() -> None:
    body = _HEAD_BODY  # four body paragraphs (defined with the article-head tests)
    html = (
        "<html><head><title>Tunnel budget approved</title></head><body><article>"
        "<h1>Tunnel budget approved</h1>" + body
        + '<div class="paywall-prompt"><p>You are reading a preview of this story now</p></div>'
        + '<div role="complementary"><p>Ferry timetable changes this week</p></div>'
        + '<div class="story-tools"><p>Keep this story for later reading</p></div>'
        + "<p>Work on the crossing began in 2023 and was due to finish in 2028.</p>"
        "</article></body></html>"
    )
    shown = article_from_text("t", html, fmt="html").shown
    assert "preview of this story" not in shown and "Ferry timetable" not in shown
    assert "story for later" not in shown
    assert "first budget" in shown and "began in 2023" in shown
    # without stripping, the extracted text is all there, so offsets do not move
    assert "preview of this story" in article_from_text(
        "t", html, fmt="html", strip_boilerplate=False
    ).shown


def test_an_html_body_wrapper_named_like_chrome_is_kept() -> None:
    # a wrapper whose class says "share" holds the whole story: not chrome
    body = _HEAD_BODY  # four body paragraphs (defined with the article-head tests)
    html = (
        "<html><head><title>Tunnel budget approved</title></head><body>"
        '<div class="article share-enabled"><h1>Tunnel budget approved</h1>' + body + "</div>"
        "</body></html>"
    )
    shown = article_from_text("t", html, fmt="html").shown
    assert "first budget" in shown and "fourth budget" in shown


# --- the article head trafilatura drops: kicker, headline, dek, byline, date, captions

_HEAD_BODY = "".join(
    f"<p>The council approved the {w} budget for the harbour tunnel on Monday night.</p>"
    for w in ("first", "second", "third", "fourth")
)


def _head_page(head: str, body: str = _HEAD_BODY, tail: str = "") -> str:
    return (
        "<html><head><title>Tunnel budget approved | The Courier</title></head><body>"
        '<nav><ul><li><a href="/">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>'
        f"<main><article><header>{head}</header><div class='article-body'>{body}</div>"
        f"{tail}</article></main></body></html>"
    )


def test_the_article_head_is_restored_in_page_order() -> None:
    from annotator.ingest import extract_html

    html = _head_page(
        '<div class="kicker"><a href="/transport">Transport</a></div>'
        "<h1>Tunnel budget doubles after soft clay found</h1>"
        '<h2 class="dek">Council papers show the crossing will now cost £1.4bn and open in'
        " 2031.</h2>"
        '<span class="byline">By <a rel="author" href="/p/hm">Helen Marsh</a></span>'
        '<time datetime="2027-09-14">14 September 2027</time>'
        '<div class="share-bar"><button>Share</button><a href="#">Email</a></div>'
        "<figure><img src='a.jpg'><figcaption>The tunnel's northern portal in May."
        "</figcaption></figure>"
    )
    text, _ = extract_html(html)
    lines = [line for line in text.split("\n") if line]
    assert lines[:6] == [
        "Transport",
        "# Tunnel budget doubles after soft clay found",
        "Council papers show the crossing will now cost £1.4bn and open in 2031.",
        "By Helen Marsh 14 September 2027",  # inline, as the page sets them
        "The tunnel's northern portal in May.",
        "The council approved the first budget for the harbour tunnel on Monday night.",
    ]
    # the page's <title> is not put above the restored headline
    assert "The Courier" not in text
    assert "Share" not in text and "Email" not in text and "Sport" not in text
    article = article_from_text("t", html, fmt="html")
    check_offsets(article)
    assert "Council papers show the crossing" in article.shown


def test_captions_between_body_paragraphs_are_restored() -> None:
    from annotator.ingest import extract_html

    body = _HEAD_BODY.replace(
        "</p><p>The council approved the third",
        "</p><figure><img src='c.png'><figcaption>Tunnel costs by year, 2023-2027."
        "</figcaption></figure><p>The council approved the third",
    )
    text, _ = extract_html(_head_page("<h1>Tunnel budget doubles</h1>", body))
    assert "second budget for the harbour tunnel on Monday night.\n\nTunnel costs by year," \
        " 2023-2027.\n\nThe council approved the third" in text


def test_boxes_and_teasers_around_the_head_are_not_restored() -> None:
    from annotator.ingest import extract_html

    html = _head_page(
        "<h1>Tunnel budget doubles after soft clay found</h1>"
        '<div class="key-events"><h2>Key events</h2><ul><li><a href="#b1">1h ago Council'
        " meets</a></li><li><a href='#b2'>3h ago Papers published</a></li></ul></div>"
        '<div class="post-ufi"><a href="#">42</a><a href="#">17</a></div>',
        tail='<div class="related-stories"><h3><a href="/x">Ferry fares rise again</a></h3>'
        '<h2 class="dek">Operators blame the price of fuel for a third rise this year.</h2>'
        "<figure><figcaption>A ferry leaves the harbour.</figcaption></figure></div>",
    )
    text, _ = extract_html(html)
    assert text.startswith("# Tunnel budget doubles after soft clay found\n")
    for box in ("Key events", "1h ago", "42", "Ferry fares", "price of fuel", "ferry leaves"):
        assert box not in text


def test_a_metadata_term_and_its_value_are_one_head_line() -> None:
    from annotator.ingest import extract_html

    html = _head_page(
        "<h1>Tunnel budget doubles after soft clay found</h1>"
        "<dl><dt>From:</dt><dd>Department for Transport</dd><dt>Published</dt>"
        "<dd>8 March 2027</dd></dl>"
    )
    text, _ = extract_html(html)
    assert "\nFrom: Department for Transport\n\nPublished 8 March 2027\n" in text
    assert "\nFrom:\n" not in text


def test_a_page_laid_out_without_a_head_is_left_as_extracted() -> None:
    from annotator.ingest import extract_html, restore_article_head

    # no <h1>: nothing to anchor a head to
    html = _head_page("<p class='standfirst'>Council papers show the cost has doubled.</p>")
    text, _ = extract_html(html)
    assert restore_article_head(html, text) == (text, False)
    # a head line matching a kept paragraph is not added twice
    html = _head_page("<h1>Tunnel budget approved</h1>")
    text, _ = extract_html(html)
    assert text.count("first budget") == 1 and text.count("Tunnel budget approved") == 1


def test_a_site_header_that_only_shares_the_wrapper_is_no_kicker() -> None:
    from annotator.ingest import extract_html

    # the site's name sits in a header under the same wrapper div as the article, four
    # levels above the headline: it is chrome, not the story's section label
    html = (
        "<html><head><title>Tunnel budget approved</title></head><body><div id='root'>"
        "<div class='top'><a href='/'>Wirestone Register</a></div>"
        "<div class='page'><div class='col'><article><div class='head'>"
        "<h1>Tunnel budget doubles after soft clay found</h1></div>"
        f"<div class='article-body'>{_HEAD_BODY}</div></article></div></div>"
        "</div></body></html>"
    )
    text, _ = extract_html(html)
    assert "Wirestone Register" not in text
    assert "# Tunnel budget doubles after soft clay found" in text
