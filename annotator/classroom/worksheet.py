"""``annotator worksheet``: a printable exercise and its answer key from labeled articles.

Selection is deterministic: sentences are ranked by difficulty (reviewer disagreement
with the pre-label first, when reviewed labels exist, then low pre-label confidence)
with the sentence id as tie-break, and ``easy`` takes the bottom of the ranking,
``hard`` the top, ``mixed`` evenly spaced picks across it. The chosen sentences are
shown in article order. The key is written twice: HTML to print, CSV for ``grade``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import ClassroomError, E
from ..recordio import write_rows
from .model import Article, Sentence, load_articles
from .page import esc, legend, page, write_text
from .scheme import Scheme, load_scheme

DIFFICULTIES = ("easy", "mixed", "hard")
MIN_WORDS = 4  # shorter lines (bylines, "Region: Asia") make poor exercises
KEY_COLUMNS = [
    "number", "doc_id", "sentence_id", "label", "source", "source_kind", "cue",
    "difficulty", "text",
]


@dataclass(frozen=True)
class Item:
    number: int
    article: Article
    sentence: Sentence
    context: str | None  # the sentence before, to judge continuations and quoted blocks
    difficulty: float


@dataclass(frozen=True)
class WorksheetResult:
    worksheet: Path
    key_html: Path
    key_csv: Path
    items: tuple[Item, ...]


def difficulty(sent: Sentence) -> float:
    """0 (easy) .. 1 (hard). A reviewer's correction outranks any confidence."""
    confidence = 0.5 if sent.score is None else min(max(sent.score, 0.0), 1.0)
    return 0.5 + 0.5 * (1 - confidence) if sent.disagrees else 0.5 * (1 - confidence)


def eligible(sent: Sentence, scheme: Scheme) -> bool:
    return (
        scheme.get(sent.label) is not None
        and not sent.heading
        and len(sent.text.split()) >= MIN_WORDS
    )


def select(
    articles: Sequence[Article], count: int, level: str, scheme: Scheme | None = None
) -> list[Item]:
    """The worksheet's items, numbered 1..n in article order."""
    if level not in DIFFICULTIES:
        raise ValueError(f"difficulty must be one of {DIFFICULTIES}")
    scheme = scheme or load_scheme()
    pool: list[tuple[float, str, int, int]] = []
    for a, article in enumerate(articles):
        for s, sent in enumerate(article.sentences):
            if eligible(sent, scheme):
                pool.append((difficulty(sent), sent.sentence_id, a, s))
    pool.sort(key=lambda p: (p[0], p[1]))
    n = min(count, len(pool))
    if level == "easy":
        chosen = pool[:n]
    elif level == "hard":
        chosen = pool[len(pool) - n :]
    elif n == 1:
        chosen = [pool[len(pool) // 2]]
    else:
        picks = sorted({round(i * (len(pool) - 1) / (n - 1)) for i in range(n)})
        chosen = [pool[i] for i in picks]
    items = []
    for number, (diff, _sid, a, s) in enumerate(sorted(chosen, key=lambda p: (p[2], p[3])), 1):
        article = articles[a]
        context = article.sentences[s - 1].text if s > 0 else None
        items.append(Item(number, article, article.sentences[s], context, diff))
    return items


def _tick_boxes(scheme: Scheme) -> str:
    return (
        '<ul class="ticks">'
        + "".join(f'<li><span class="box"></span>{esc(lab.name)}</li>' for lab in scheme.labels)
        + "</ul>"
    )


def worksheet_html(items: Sequence[Item], title: str, scheme: Scheme) -> str:
    ticks = _tick_boxes(scheme)
    kinds = " ".join(f'<span><span class="box"></span>{esc(n)}</span>' for _i, n in scheme.kinds)
    attributed = " or ".join(esc(scheme.name(a)) for a in scheme.ids if a in scheme.attributed)
    rows = []
    last_doc = None
    for item in items:
        doc = ""
        if item.article.doc_id != last_doc:
            doc = f'<p class="doc">From: {esc(item.article.title)}</p>'
            last_doc = item.article.doc_id
        context = (
            f'<p class="context">Before it: “{esc(item.context)}”</p>' if item.context else ""
        )
        rows.append(
            f'<li class="item" id="q{item.number}">{doc}{context}'
            f'<p class="q"><b class="num">{item.number}.</b>{esc(item.sentence.text)}</p>'
            f"{ticks}"
            '<div class="blank"><span>Who is the source?</span><span class="line"></span></div>'
            f'<div class="blank"><span>Kind of source:</span> {kinds}</div></li>'
        )
    body = (
        f'<header class="page"><h1>{esc(title)}</h1>'
        '<div class="sheet-head"><span>Name:</span><span>Class:</span><span>Date:</span></div>'
        f'<p class="hint">For each numbered sentence, tick <b>one</b> box. If it is '
        f"{attributed}, write who the source is and tick its kind. The sentence before "
        "is shown in grey when it helps.</p>"
        f"{legend(scheme)}</header>"
        f'<ol class="items">{"".join(rows)}</ol>'
    )
    return page(title, body, "worksheet", scheme)


def key_html(items: Sequence[Item], title: str, scheme: Scheme) -> str:
    rows = []
    for item in items:
        sent = item.sentence
        kind = scheme.kind_name(sent.source_kind) if sent.source else ""
        rows.append(
            f"<tr><td class=\"num\">{item.number}</td><td>{esc(sent.text)}</td>"
            f'<td><span class="chip l-{esc(sent.label)}">{esc(scheme.name(sent.label))}</span></td>'
            f"<td>{esc(sent.source or '—')}"
            f"{f' <span class=muted>({esc(kind)})</span>' if kind else ''}</td>"
            f"<td>{esc(f'“{sent.cue}”' if sent.cue else '—')}</td>"
            f"<td>{esc(sent.explanation or '')}</td></tr>"
        )
    reviewed = all(i.sentence.reviewed for i in items)
    status = "reviewed labels" if reviewed else "machine pre-labels: check them before class"
    body = (
        f'<header class="page"><h1>{esc(title)}: answer key</h1>'
        f'<p class="hint">{esc(status)}. The cue and the source are what decide the label.</p>'
        "</header>"
        '<div class="scroll"><table class="key"><thead><tr><th class="num">#</th><th>Sentence</th>'
        "<th>Label</th><th>Source</th><th>Cue</th><th>Why</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    return page(f"{title}: answer key", body, "key", scheme)


def key_rows(items: Sequence[Item]) -> list[dict[str, object]]:
    return [
        {
            "number": i.number,
            "doc_id": i.sentence.doc_id,
            "sentence_id": i.sentence.sentence_id,
            "label": i.sentence.label,
            "source": i.sentence.source or "",
            "source_kind": i.sentence.source_kind or "",
            "cue": i.sentence.cue or "",
            "difficulty": round(i.difficulty, 3),
            "text": i.sentence.text,
        }
        for i in items
    ]


def key_paths(out: Path, key: Path | None) -> tuple[Path, Path]:
    """Default key beside the worksheet: ``w.html`` -> ``w.key.html`` and ``w.key.csv``."""
    key = key or out.with_name(f"{out.stem}.key.html")
    return key, key.with_suffix(".csv")


def make_worksheet(
    paths: Sequence[Path],
    out: Path,
    count: int = 10,
    level: str = "mixed",
    key: Path | None = None,
    title: str = "Who says so? Sorting claims and sources",
) -> WorksheetResult:
    scheme = load_scheme()
    items = select(load_articles(paths), count, level, scheme)
    if not items:
        raise ClassroomError(E.E154.format(words=MIN_WORDS))
    key_html_path, key_csv_path = key_paths(out, key)
    write_text(out, worksheet_html(items, title, scheme))
    write_text(key_html_path, key_html(items, title, scheme))
    write_rows(key_csv_path, key_rows(items), KEY_COLUMNS)
    return WorksheetResult(out, key_html_path, key_csv_path, tuple(items))
