"""Notebook display of quotes: the list that :func:`copydesk.quotes` returns for one text shows
itself in Jupyter as the article with every quote highlighted, its speaker underlined and its
reporting verb in italics. Plain Python; the extraction itself is in Rust (``src/quotes/``)."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

_STYLES = {
    "direct": "background:#fde68a",
    "partial": "background:#fef3c7",
    "indirect": "background:#dbeafe",
    "speaker": "text-decoration:underline;font-weight:600",
    "cue": "font-style:italic;color:#7c2d12",
}


class QuoteList(list):  # type: ignore[type-arg]
    """The quotes of one text, in text order: a plain ``list`` of ``Quote`` that also remembers
    the text, so a notebook can show the quotes in place (``_repr_html_``)."""

    def __init__(self, quotes: Iterable[Any] = (), source: str | None = None) -> None:
        super().__init__(quotes)
        self.source = source

    def _repr_html_(self) -> str:
        if self.source is None:
            rows = "".join(f"<li>{html.escape(repr(q))}</li>" for q in self)
            return f"<ol>{rows}</ol>"
        return _highlight(self.source, self)


def _spans(quotes: Iterable[Any]) -> list[tuple[int, int, str, str]]:
    """Non-overlapping (start, end, style, tooltip) spans, first come first kept."""
    spans = []
    for q in quotes:
        who = q.speaker_name or q.speaker or "unattributed"
        tip = f"{q.kind}: {who}" + (f" ({q.cue})" if q.cue else "")
        spans += [(s, e, q.kind, tip) for s, e in q.fragments]
        if q.speaker_start is not None and q.speaker_end is not None:
            spans.append((q.speaker_start, q.speaker_end, "speaker", f"speaker: {who}"))
        if q.cue_start is not None and q.cue_end is not None:
            spans.append((q.cue_start, q.cue_end, "cue", f"cue: {q.cue}"))
    kept: list[tuple[int, int, str, str]] = []
    for span in sorted(spans):
        if span[0] < span[1] and (not kept or span[0] >= kept[-1][1]):
            kept.append(span)
    return kept


def _highlight(text: str, quotes: Iterable[Any]) -> str:
    out, pos = [], 0
    for start, end, style, tip in _spans(quotes):
        out.append(html.escape(text[pos:start]))
        out.append(
            f'<span style="{_STYLES[style]}" title="{html.escape(tip)}">'
            f"{html.escape(text[start:end])}</span>"
        )
        pos = end
    out.append(html.escape(text[pos:]))
    body = "".join(out).replace("\n", "<br>")
    return f'<div style="white-space:normal;line-height:1.5">{body}</div>'
