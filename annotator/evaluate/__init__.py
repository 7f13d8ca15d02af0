"""Score the pre-labeler against gold: the project's seeds gold, PolNeAR, CheckThat!.

``metrics`` holds the pure scoring functions; ``seeds``, ``polnear`` and
``checkthat`` read one kind of gold each and return frozen report dataclasses;
``report`` prints them. Importing this package loads no model.
"""

from __future__ import annotations

from .seeds import GoldSegment, SeedsReport, read_gold, score_seeds

__all__ = ["GoldSegment", "SeedsReport", "read_gold", "score_seeds"]
