"""The label scheme (names, colours, descriptions) as read from ``schemas/labels.json``.

Nothing about labels is hard-coded in the classroom views: adding or renaming a label
in the schema changes the legend, the colours, the worksheet boxes and the grading.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..schemas import schema_path

SCHEMA_PATH = schema_path("labels.json")
# Label ids become CSS class names; anything else would need escaping in a selector.
_CSS_SAFE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class LabelInfo:
    id: str
    name: str
    color: str
    description: str


@dataclass(frozen=True)
class Scheme:
    labels: tuple[LabelInfo, ...]
    span_colors: tuple[tuple[str, str], ...]  # (span type, colour)
    kinds: tuple[tuple[str, str], ...]  # (kind id, name)
    attributed: frozenset[str]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(label.id for label in self.labels)

    def get(self, label_id: str | None) -> LabelInfo | None:
        for label in self.labels:
            if label.id == label_id:
                return label
        return None

    def name(self, label_id: str | None) -> str:
        info = self.get(label_id)
        return info.name if info else (label_id or "unlabeled")

    def parse(self, value: str | None) -> str | None:
        """A label id from an id or a shown name, any case; None when it is neither."""
        if value is None:
            return None
        wanted = " ".join(value.replace("_", " ").split()).casefold()
        for label in self.labels:
            if wanted in (label.id.replace("_", " ").casefold(), label.name.casefold()):
                return label.id
        return None

    def kind_name(self, kind: str | None) -> str:
        for kind_id, name in self.kinds:
            if kind_id == kind:
                return name
        return kind or ""

    def css(self) -> str:
        """Custom properties and one class per label, so the CSS file needs no colours."""
        rules = [
            ":root{"
            + "".join(f"--{lab.id}:{lab.color};" for lab in self.labels)
            + "".join(f"--span-{t}:{c};" for t, c in self.span_colors)
            + "}"
        ]
        rules += [f".l-{lab.id}{{--c:var(--{lab.id})}}" for lab in self.labels]
        return "\n".join(rules)


@lru_cache(maxsize=4)
def load_scheme(path: Path = SCHEMA_PATH) -> Scheme:
    data = json.loads(path.read_text(encoding="utf-8"))
    labels = tuple(
        LabelInfo(str(d["id"]), str(d["name"]), str(d["color"]), str(d.get("description", "")))
        for d in data["labels"]
    )
    for label in labels:
        if not _CSS_SAFE.match(label.id) or not re.fullmatch(r"#[0-9A-Fa-f]{3,8}", label.color):
            raise ValueError(f"{path}: label {label.id!r} needs a plain id and a #hex colour")
    return Scheme(
        labels=labels,
        span_colors=tuple((str(d["id"]), str(d["color"])) for d in data.get("span_types", [])),
        kinds=tuple((str(d["id"]), str(d["name"])) for d in data.get("source_kinds", [])),
        attributed=frozenset(data.get("attributed_labels", [])),
    )
