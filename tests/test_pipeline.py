"""The streaming pipeline's handling of the garbage collector (``_quiet_collector``)."""

from __future__ import annotations

import gc

from annotator.ingest import article_from_text
from annotator.pipeline import RUN_GC_THRESHOLD, prelabel_articles

TEXT = "The mayor said the bridge would open in May.\n\nTraffic was light on Friday."


def _articles():
    return [article_from_text("a", TEXT), article_from_text("b", TEXT)]


def test_a_run_freezes_the_heap_and_restores_the_collector(nlp) -> None:
    before = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    run = prelabel_articles(_articles(), nlp=nlp)
    next(run)
    # while the run lasts, what was alive before it is out of the collector's way
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == max(before[0], RUN_GC_THRESHOLD)
    rest = list(run)
    assert len(rest) == 1
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


def test_an_abandoned_run_restores_the_collector(nlp) -> None:
    before = gc.get_threshold()
    run = prelabel_articles(_articles(), nlp=nlp)
    next(run)
    run.close()
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


def test_objects_someone_else_froze_stay_frozen(nlp) -> None:
    before = gc.get_threshold()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        records = list(prelabel_articles(_articles(), nlp=nlp))
        assert len(records) == 2
        assert gc.get_freeze_count() == frozen
        assert gc.get_threshold() == before
    finally:
        gc.unfreeze()


def test_records_do_not_depend_on_the_collector(nlp) -> None:
    quiet = list(prelabel_articles(_articles(), nlp=nlp))
    gc.disable()
    try:
        plain = list(prelabel_articles(_articles(), nlp=nlp))
    finally:
        gc.enable()
    assert [s.to_dict() for _, ss in quiet for s in ss] == [
        s.to_dict() for _, ss in plain for s in ss
    ]
