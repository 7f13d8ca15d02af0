"""Rebuild ``schemas/lexicons/subjectivity_en.tsv`` from the Pattern subjectivity lexicon.

The source is ``en-sentiment.xml`` by Tom De Smedt and Walter Daelemans (Pattern 2.6),
released under the PDDL (public domain) and redistributed in the TextBlob wheel
(MIT). We keep only form, mean subjectivity and mean polarity over the word's senses,
so the pre-labeler needs neither TextBlob nor NLTK at run time.

Usage: pip download --no-deps textblob && unzip textblob-*.whl -d tb &&
       python benchmarks/build_subjectivity_lexicon.py tb/textblob/en/en-sentiment.xml
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "schemas" / "lexicons" / "subjectivity_en.tsv"


def main(src: str) -> None:
    root = ET.parse(src).getroot()
    senses: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for word in root.iter("word"):
        form = (word.get("form") or "").lower()
        if not form or " " in form:
            continue
        senses[form].append(
            (float(word.get("subjectivity") or 0), float(word.get("polarity") or 0))
        )
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# Subjectivity lexicon for English adjectives (mean over senses).\n")
        fh.write(
            "# Source: Pattern en-sentiment.xml v1.3, T. De Smedt & W. Daelemans, licence PDDL\n"
        )
        fh.write("# (public domain), as shipped in the TextBlob wheel. Rebuilt by\n")
        fh.write(
            "# benchmarks/build_subjectivity_lexicon.py. Columns: form, subjectivity, polarity.\n"
        )
        for form in sorted(senses):
            vals = senses[form]
            subj = sum(v[0] for v in vals) / len(vals)
            pol = sum(v[1] for v in vals) / len(vals)
            fh.write(f"{form}\t{subj:.2f}\t{pol:.2f}\n")


if __name__ == "__main__":
    main(sys.argv[1])
