"""``annotator render``: an article as a reader view, each sentence coloured by its label.

One self-contained HTML page: legend, a summary bar per article (share of the text
that is sourced, quoted, opinion, unsourced), the article with SOURCE and CUE marked,
the reason and confidence on hover (or tap) and again as numbered notes for print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .model import Article, Sentence, load_articles
from .page import esc, legend, page, write_text
from .scheme import Scheme, load_scheme

DEFAULT_TITLE = "Claims and sources"


@dataclass(frozen=True)
class Share:
    label: str | None
    chars: int
    sentences: int
    fraction: float  # of the article's sentence characters


@dataclass(frozen=True)
class RenderResult:
    path: Path
    documents: int
    sentences: int


def shares(article: Article, scheme: Scheme) -> list[Share]:
    """Share of the article's text per label, in schema order; unlabeled last."""
    chars: dict[str | None, int] = {}
    counts: dict[str | None, int] = {}
    for sent in article.sentences:
        key = sent.label if scheme.get(sent.label) else None
        chars[key] = chars.get(key, 0) + len(sent.text)
        counts[key] = counts.get(key, 0) + 1
    total = sum(chars.values()) or 1
    order: list[str | None] = [*scheme.ids, None]
    return [Share(k, chars[k], counts[k], chars[k] / total) for k in order if k in chars]


def _label_class(sent: Sentence, scheme: Scheme) -> str:
    return f"l-{sent.label}" if scheme.get(sent.label) else "l-none"


def _confidence(sent: Sentence) -> str:
    return "" if sent.score is None else f"{sent.score:.0%} confidence"


def reason_parts(sent: Sentence, scheme: Scheme) -> list[str]:
    """Plain-text pieces of why a sentence got its label (escaped by the caller)."""
    parts = [scheme.name(sent.label)]
    conf = f" ({_confidence(sent)})" if _confidence(sent) else ""
    if sent.disagrees:
        parts.append(f"reviewed; the pre-label said {scheme.name(sent.prelabel)}{conf}")
    elif sent.reviewed:
        parts.append(f"reviewed; the pre-label agreed{conf}")
    elif conf:
        parts.append(_confidence(sent))
    if sent.source:
        kind = scheme.kind_name(sent.source_kind)
        parts.append(f"source: {sent.source}" + (f" ({kind})" if kind else ""))
    if sent.cue:
        parts.append(f"cue: “{sent.cue}”")
    if sent.explanation:
        parts.append(sent.explanation)
    return parts


def sentence_body(sent: Sentence) -> str:
    """The sentence text, escaped, with SOURCE and CUE spans wrapped in <mark>."""
    out: list[str] = []
    pos = 0
    for mark in sent.marks:
        out.append(esc(sent.text[pos : mark.start]))
        out.append(
            f'<mark class="m-{esc(mark.type)}" title="{esc(mark.type)}">'
            f"{esc(sent.text[mark.start : mark.end])}</mark>"
        )
        pos = mark.end
    out.append(esc(sent.text[pos:]))
    return "".join(out)


def _sentence_html(sent: Sentence, n: int, prefix: str, scheme: Scheme) -> str:
    tip = f"{n}. " + " · ".join(reason_parts(sent, scheme))
    return (
        f'<span class="s {_label_class(sent, scheme)}" id="{prefix}-s{n}" tabindex="0" '
        f'data-tip="{esc(tip)}" aria-describedby="{prefix}-n{n}">'
        f'<a class="n" href="#{prefix}-n{n}" aria-label="note {n}">{n}</a>'
        f'<span class="t">{sentence_body(sent)}</span></span>'
    )


def _summary_html(article: Article, scheme: Scheme) -> str:
    rows = shares(article, scheme)
    segs = []
    for share in rows:
        cls = f"l-{share.label}" if share.label else "l-none"
        pct = f"{share.fraction:.0%}"
        label = esc(scheme.name(share.label))
        text = pct if share.fraction >= 0.07 else ""
        segs.append(
            f'<div class="seg {cls}" style="flex-grow:{share.chars}" '
            f'title="{label}: {pct}">{text}</div>'
        )
    figures = "".join(
        f'<li class="{f"l-{s.label}" if s.label else "l-none"}"><span class="swatch"></span>'
        f"{esc(scheme.name(s.label))} <b>{s.fraction:.0%}</b> "
        f'<span class="muted">({s.sentences} sentence{"s" if s.sentences != 1 else ""})</span></li>'
        for s in rows
    )
    attributed = sum(s.fraction for s in rows if s.label in scheme.attributed)
    return (
        '<div class="summary">'
        f'<p class="headline"><b>{attributed:.0%}</b> of the text is attributed to a source'
        f" ({len(article.sentences)} sentences).</p>"
        '<div class="bar" role="img" aria-label="share of the text per label">'
        f'{"".join(segs)}</div>'
        f'<ul class="figures">{figures}</ul></div>'
    )


def _article_html(article: Article, k: int, scheme: Scheme) -> str:
    prefix = f"d{k}"
    meta = [x for x in (article.author, article.date, article.url) if x]
    status = (
        "labels reviewed by a person"
        if article.reviewed
        else "machine pre-labels, not yet reviewed"
    )
    head = (
        f'<header><h2>{esc(article.title)}</h2><p class="meta">'
        + " · ".join(esc(x) for x in meta)
        + (" · " if meta else "")
        + f'<span class="status">{esc(status)}</span></p></header>'
    )
    blocks: list[str] = []
    para: list[str] = []
    current: int | None = None

    def flush() -> None:
        if para:
            blocks.append("<p>" + " ".join(para) + "</p>")
            para.clear()

    for n, sent in enumerate(article.sentences, 1):
        html_ = _sentence_html(sent, n, prefix, scheme)
        if sent.heading:
            flush()
            blocks.append(f'<h3 class="hd">{html_}</h3>')
            current = None
            continue
        if sent.paragraph != current:
            flush()
            current = sent.paragraph
        para.append(html_)
    flush()
    notes = "".join(
        f'<li id="{prefix}-n{n}" value="{n}" class="{_label_class(s, scheme)}">'
        f'<span class="swatch"></span>{esc(" · ".join(reason_parts(s, scheme)))} '
        f'<a href="#{prefix}-s{n}" aria-label="back to sentence {n}">↑</a></li>'
        for n, s in enumerate(article.sentences, 1)
    )
    return (
        f'<section class="article" id="doc-{k}">{head}{_summary_html(article, scheme)}'
        f'<div class="text">{"".join(blocks)}</div>'
        f'<h3 class="notes-title">Notes: why each sentence has its label</h3>'
        f'<ol class="notes">{notes}</ol></section>'
    )


def render_html(
    articles: Sequence[Article], title: str = DEFAULT_TITLE, scheme: Scheme | None = None
) -> str:
    scheme = scheme or load_scheme()
    toc = ""
    if len(articles) > 1:
        toc = (
            '<nav class="toc"><h2>Articles</h2><ol>'
            + "".join(
                f'<li><a href="#doc-{k}">{esc(a.title)}</a> '
                f'<span class="muted">({len(a.sentences)} sentences)</span></li>'
                for k, a in enumerate(articles, 1)
            )
            + "</ol></nav>"
        )
    body = (
        f'<header class="page"><h1>{esc(title)}</h1>'
        '<p class="hint">Each sentence is coloured by its label. '
        '<mark class="m-SOURCE">Source</mark> and <mark class="m-CUE">cue</mark> '
        "words are marked. Hover over or tap a sentence for the reason; the numbered notes "
        "below each article give the same.</p>"
        f"{legend(scheme)}</header>{toc}"
        + "".join(_article_html(a, k, scheme) for k, a in enumerate(articles, 1))
    )
    return page(title, body, "report", scheme)


def render(paths: Sequence[Path], out: Path, title: str = DEFAULT_TITLE) -> RenderResult:
    articles = load_articles(paths)
    write_text(out, render_html(articles, title))
    return RenderResult(out, len(articles), sum(len(a.sentences) for a in articles))
