"""The labeling config and the project instructions, generated from ``schemas/``.

``schemas/labels.json`` is the one source of truth for labels, colours, hotkeys and
descriptions; the instructions are ``schemas/guidelines.md`` rendered as HTML.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import quoteattr

from ..schemas import SCHEMAS_DIR

SCHEMAS = SCHEMAS_DIR

# Control and object names: the contract between tasks.py, the config and export.py.
TEXT = "text"
CLAIM = "claim"
SPAN = "span"
REASON = "reason"
KIND = "source_kind"
RELATION = "source_of"


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    with (SCHEMAS / "labels.json").open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def label_ids() -> list[str]:
    return [lab["id"] for lab in load_schema()["labels"]]


def span_ids() -> list[str]:
    return [span["id"] for span in load_schema()["span_types"]]


def kind_ids() -> list[str]:
    return [kind["id"] for kind in load_schema()["source_kinds"]]


def _label_tag(item: dict[str, Any]) -> str:
    # value is the id, so annotations and exports carry ids; the readable name and
    # the description sit in the hint (tooltip) and in the instructions.
    hint = f"{item['name']}: {item['description']}"
    return (
        f"    <Label value={quoteattr(item['id'])} background={quoteattr(item['color'])}"
        f" hotkey={quoteattr(item['hotkey'])} hint={quoteattr(hint)}/>"
    )


def labeling_config() -> str:
    """Label Studio XML for both units (article and sentence): same controls, same names."""
    schema = load_schema()
    labels = "\n".join(_label_tag(item) for item in schema["labels"])
    spans = "\n".join(_label_tag(item) for item in schema["span_types"])
    kinds = "\n".join(
        f"    <Choice value={quoteattr(k['id'])} hint={quoteattr(k['description'])}/>"
        for k in schema["source_kinds"]
    )
    legend = " · ".join(f"{lab['hotkey']} {lab['name']}" for lab in schema["labels"])
    span_legend = " · ".join(f"{s['hotkey']} {s['name']}" for s in schema["span_types"])
    attributed = ", ".join(schema["attributed_labels"])
    return f"""<View>
  <Header value="$title"/>
  <Header value={quoteattr("Sentence label: " + legend)} size="6"/>
  <Labels name="{CLAIM}" toName="{TEXT}" choice="single" showInline="true">
{labels}
  </Labels>
  <Header value={quoteattr("Evidence spans: " + span_legend)} size="6"/>
  <Labels name="{SPAN}" toName="{TEXT}" choice="single" showInline="true">
{spans}
  </Labels>
  <View style="display: flex; align-items: flex-start; gap: 1em">
  <View style="flex: 1 1 auto; min-width: 0">
  <Text name="{TEXT}" value="$text" granularity="symbol"/>
  </View>
  <View style="flex: 0 0 26em; position: sticky; top: 0">
  <View visibleWhen="region-selected">
    <Header value="Why this pre-label (rules, score); edit or add your own note" size="6"/>
    <TextArea name="{REASON}" toName="{TEXT}" perRegion="true" editable="true" rows="3"/>
    <Header value={quoteattr("Source kind (for " + attributed + ")")} size="6"/>
    <Choices name="{KIND}" toName="{TEXT}" perRegion="true" choice="single-radio">
{kinds}
    </Choices>
  </View>
  </View>
  </View>
  <Relations>
    <Relation value="{RELATION}"/>
  </Relations>
</View>
"""


def guidelines_markdown() -> str:
    return (SCHEMAS / "guidelines.md").read_text(encoding="utf-8")


def _inline(text: str) -> str:
    out = html.escape(text, quote=False)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    out = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"\*([^*]+)\*", r"<i>\1</i>", out)
    return out


def markdown_to_html(md: str) -> str:
    """The small Markdown subset guidelines.md uses: headings, lists, tables, paragraphs."""
    out: list[str] = []
    para: list[str] = []
    lists: list[str] = []
    table: list[list[str]] = []

    def flush() -> None:
        if para:
            out.append("<p>" + _inline(" ".join(para)) + "</p>")
            para.clear()
        if lists:
            out.append("<ul>" + "".join(f"<li>{_inline(x)}</li>" for x in lists) + "</ul>")
            lists.clear()
        if table:
            head, *body = table
            rows = ["<tr>" + "".join(f"<th>{_inline(c)}</th>" for c in head) + "</tr>"]
            rows += ["<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in r) + "</tr>" for r in body]
            out.append("<table>" + "".join(rows) + "</table>")
            table.clear()

    for line in md.splitlines():
        stripped = line.strip()
        if not stripped:
            flush()
        elif stripped.startswith("#"):
            flush()
            level = min(len(stripped) - len(stripped.lstrip("#")) + 1, 6)
            out.append(f"<h{level}>{_inline(stripped.lstrip('#').strip())}</h{level}>")
        elif stripped.startswith("|"):
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if not all(set(c) <= set("-: ") for c in cells):
                table.append(cells)
        elif re.match(r"^([-*]|\d+\.)\s", stripped):
            if para:
                flush()
            lists.append(re.sub(r"^([-*]|\d+\.)\s+", "", stripped))
        elif lists:
            lists[-1] += " " + stripped
        else:
            para.append(stripped)
    flush()
    return "\n".join(out)


def instructions_html() -> str:
    return markdown_to_html(guidelines_markdown())
