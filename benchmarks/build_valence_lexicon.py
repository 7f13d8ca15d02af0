"""Rebuild ``schemas/lexicons/valence_en.tsv`` from the VADER sentiment lexicon.

The source is ``vader_lexicon.txt`` by C.J. Hutto (VADER 3.3.2, MIT licence),
as shipped in the ``vaderSentiment`` wheel on PyPI. We keep single words only (no
emoticons, no multi-word entries) with their mean valence (-4 .. +4), so the
pre-labeler needs no extra package at run time. The MIT notice is copied into the
file's header.

Usage: pip download --no-deps vaderSentiment==3.3.2 && unzip vaderSentiment-*.whl -d vd &&
       python benchmarks/build_valence_lexicon.py vd/vaderSentiment/vader_lexicon.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "schemas" / "lexicons" / "valence_en.tsv"
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]")

HEADER = """\
# Valence lexicon for English words (mean human rating, -4 very negative .. +4 very positive).
# Source: VADER sentiment lexicon 3.3.2 (vader_lexicon.txt), C.J. Hutto, MIT licence:
#   Copyright (c) 2016 C.J. Hutto
#   Permission is hereby granted, free of charge, to any person obtaining a copy of this
#   software and associated documentation files (the "Software"), to deal in the Software
#   without restriction, including without limitation the rights to use, copy, modify,
#   merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
#   permit persons to whom the Software is furnished to do so, subject to the following
#   conditions: The above copyright notice and this permission notice shall be included in
#   all copies or substantial portions of the Software.
#   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
# Single words only; rebuilt by benchmarks/build_valence_lexicon.py. Columns: form, valence.
"""


def main(src: str) -> None:
    rows: dict[str, float] = {}
    for line in Path(src).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        form = parts[0].strip().lower()
        if not _WORD.fullmatch(form):
            continue
        rows[form] = float(parts[1])
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(HEADER)
        for form in sorted(rows):
            fh.write(f"{form}\t{rows[form]:.1f}\n")


if __name__ == "__main__":
    main(sys.argv[1])
