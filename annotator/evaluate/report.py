"""Print evaluation reports as rich tables, and gather them as JSON-ready dicts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .metrics import PRF, Band, Confusion, SpanMatch

if TYPE_CHECKING:
    from rich.console import Console

    from .checkthat import CheckThatReport
    from .polnear import PolnearReport
    from .seeds import SeedsReport


def _f(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _prf_table(title: str, scores: Mapping[str, PRF]) -> Any:
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for col in ("label", "P", "R", "F1", "gold", "pred"):
        table.add_column(col, justify="left" if col == "label" else "right")
    for label, s in scores.items():
        table.add_row(label, _f(s.precision), _f(s.recall), _f(s.f1), str(s.n_gold), str(s.n_pred))
    return table


def _confusion_table(title: str, conf: Confusion) -> Any:
    from rich.table import Table

    table = Table(title=f"{title} (rows gold, columns predicted)", title_justify="left")
    table.add_column("gold \\ pred")
    for col in conf.cols:
        table.add_column(col, justify="right")
    table.add_column("total", justify="right")
    for i, row in enumerate(conf.counts):
        cells = [
            f"[bold]{n}[/]" if conf.rows[i] == conf.cols[j] else (str(n) if n else "·")
            for j, n in enumerate(row)
        ]
        table.add_row(conf.rows[i], *cells, str(sum(row)))
    return table


def _bands_table(title: str, bands: tuple[Band, ...]) -> Any:
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for col in ("score band", "n", "correct", "accuracy", "mean score"):
        table.add_column(col, justify="left" if col == "score band" else "right")
    for b in bands:
        table.add_row(b.name, str(b.n), str(b.correct), _f(b.accuracy), _f(b.mean_score))
    return table


def _span_table(title: str, spans: Mapping[str, SpanMatch]) -> Any:
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for col in ("span", "P", "R", "F1", "pred matched", "gold matched"):
        table.add_column(col, justify="left" if col == "span" else "right")
    for name, s in spans.items():
        table.add_row(
            name, _f(s.precision), _f(s.recall), _f(s.f1),
            f"{s.pred_matched}/{s.n_pred}", f"{s.gold_matched}/{s.n_gold}",
        )
    return table


def _target(n: int, of: int, target: int | None) -> str:
    if target is None:
        return f"{n} of {of}"
    mark = "[green]ok[/]" if n <= target else "[red]over target[/]"
    return f"{n} of {of} (target ≤ {target}: {mark})"


def print_seeds(console: Console, report: SeedsReport, *, mistakes: int = 0) -> None:
    console.rule(f"[bold]Seeds gold[/] {report.gold_path}")
    missing = ", ".join(report.docs_without_records) or "none"
    console.print(
        f"{report.docs_scored} documents scored (without records: {missing}); "
        f"{report.content_segments} gold content segments, "
        f"{report.boilerplate_segments} boilerplate; "
        f"{report.predicted_sentences} predicted sentences"
    )
    console.print(_prf_table("Labels (gold content segments)", report.per_label))
    agreed = report.accuracy_agreed
    console.print(
        f"macro-F1 [bold]{report.macro_f1:.3f}[/]   accuracy [bold]{report.accuracy:.3f}[/]   "
        f"accuracy on agreed gold {_f(agreed.accuracy)} (n={agreed.n})"
    )
    console.print(_confusion_table("Confusion", report.confusion))
    s, sa, k = report.source, report.source_when_attributed, report.source_kind
    console.print(
        f"source accuracy (gold-attributed): {_f(s.accuracy)} ({s.correct}/{s.n}); "
        f"when also predicted attributed: {_f(sa.accuracy)} ({sa.correct}/{sa.n})\n"
        f"source-kind accuracy (gold-attributed): {_f(k.accuracy)} ({k.correct}/{k.n})"
    )
    bk, cl = report.boilerplate_kept, report.content_lost
    console.print(
        f"boilerplate kept: {_target(bk.n, bk.of, bk.target)}\n"
        f"content lost:     {_target(cl.n, cl.of, cl.target)}"
    )
    seg = report.segmentation
    console.print(
        f"segmentation: {seg.matched} of {seg.gold} gold segments matched 1:1 "
        f"(P {seg.scores.precision:.3f} R {seg.scores.recall:.3f} F1 {seg.scores.f1:.3f}); "
        f"{seg.split} split over 2+ sentences, {seg.merged} predicted sentences merge 2+ segments; "
        f"without gold seg_error segments {seg.matched_clean} of {seg.gold_clean}"
    )
    console.print(_bands_table("Accuracy by score band", report.bands))
    if mistakes:
        from rich.table import Table

        table = Table(title=f"First {mistakes} mistakes", title_justify="left")
        for col in ("doc", "i", "gold", "pred", "score", "rules", "text"):
            table.add_column(col, overflow="fold")
        for m in report.mistakes[:mistakes]:
            table.add_row(
                m.doc[:8], str(m.gold_i), m.gold, m.predicted, _f(m.score),
                ",".join(m.rule_ids), m.text[:160],
            )
        console.print(table)
        table = Table(title=f"First {mistakes} source mistakes", title_justify="left")
        for col in ("doc", "i", "gold sources", "predicted", "kind gold/pred", "label"):
            table.add_column(col, overflow="fold")
        for sm in report.source_mistakes[:mistakes]:
            table.add_row(
                sm.doc[:8], str(sm.gold_i), " | ".join(sm.gold_sources), sm.predicted or "—",
                f"{sm.gold_kind or '—'}/{sm.predicted_kind or '—'}", sm.predicted_label,
            )
        console.print(table)


def print_polnear(console: Console, report: PolnearReport) -> None:
    console.rule(f"[bold]PolNeAR[/] {report.path} ({report.split})")
    console.print(
        f"{report.articles} articles, {report.sentences} sentences, "
        f"{report.attributions} attributions with a source ({report.annotator_note})"
    )
    a = report.attributed
    console.print(
        f"attributed sentences: P {a.precision:.3f} R {a.recall:.3f} F1 [bold]{a.f1:.3f}[/] "
        f"(gold {a.n_gold}, predicted {a.n_pred}, both {a.tp}); gold = Source, Cue and "
        "Content cover half the sentence"
    )
    c = report.attributed_content_only
    console.print(
        f"  with Content alone covering half: P {c.precision:.3f} R {c.recall:.3f} "
        f"F1 {c.f1:.3f} (gold {c.n_gold})"
    )
    q = report.quote_vs_paraphrase
    console.print(
        f"quote vs paraphrase on sentences attributed in both: accuracy {_f(q.accuracy)} "
        f"({q.correct}/{q.n})"
    )
    console.print(_confusion_table("Quote vs paraphrase", report.quote_confusion))
    console.print(_span_table("Spans (match = any character overlap, same type)", report.spans))


def print_checkthat(console: Console, report: CheckThatReport) -> None:
    console.rule(f"[bold]CheckThat! subjectivity[/] {report.path} ({report.split})")
    console.print(
        f"{report.sentences} sentences ({report.split_sentences} cut into several pieces); "
        f"{report.rule}"
    )
    console.print(_prf_table("SUBJ / OBJ", report.per_class))
    console.print(f"macro-F1 [bold]{report.macro_f1:.3f}[/]   accuracy {report.accuracy:.3f}")
    console.print(_confusion_table("Confusion", report.confusion))
