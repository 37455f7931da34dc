"""Character spans of the articles: finding a quote, and how much two sets of spans share.

A span is ``(source_id, start, end)`` with code-point offsets, end exclusive. Overlap is measured
on characters: two span sets share the characters both cover in the same article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Span = tuple[str, int, int]

_SPACE = "[ \u00a0]+"
_QUOTES = {'"': '["“”]', "“": '["“”]', "”": '["“”]', "'": "['‘’]", "‘": "['‘’]", "’": "['‘’]"}


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """First place of ``quote`` in ``text``, letting a plain space stand for a non-breaking one and
    a straight quote for a typographic one (as ``qantar anchor`` does)."""
    if not quote:
        return None
    pattern = "".join(_SPACE if ch == " " else _QUOTES.get(ch, re.escape(ch)) for ch in quote)
    match = re.search(pattern, text)
    return (match.start(), match.end()) if match else None


def _merged(spans: Iterable[Span]) -> dict[str, list[tuple[int, int]]]:
    by_source: dict[str, list[tuple[int, int]]] = {}
    for src, start, end in sorted(spans):
        runs = by_source.setdefault(src, [])
        if runs and start <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], end))
        else:
            runs.append((start, end))
    return by_source


def length(spans: Iterable[Span]) -> int:
    return sum(e - s for runs in _merged(spans).values() for s, e in runs)


def shared(a: Iterable[Span], b: Iterable[Span]) -> int:
    """Characters covered by both span sets."""
    ma, mb = _merged(a), _merged(b)
    total = 0
    for src, runs_a in ma.items():
        for sa, ea in runs_a:
            for sb, eb in mb.get(src, ()):
                total += max(0, min(ea, eb) - max(sa, sb))
    return total


def jaccard(a: Iterable[Span], b: Iterable[Span]) -> float:
    """Shared characters over the characters either covers (0 when they do not overlap)."""
    a, b = list(a), list(b)
    inter = shared(a, b)
    if not inter:
        return 0.0
    return inter / (length(a) + length(b) - inter)


# Words that say nothing about which claim a description is about.
_STOP = frozenset((
    "source", "sources", "article", "articles", "says", "said", "also", "while", "which", "that", "this",
    "these", "those", "with", "from", "their", "there", "where", "when", "calls", "called", "into", "than",
    "then", "they", "them", "have", "been", "were", "what", "both", "other", "only", "same", "once", "more",
    "most", "some", "such", "very",
))


def words(text: str | None) -> set[str]:
    """Content words: four letters or more, not a stop word."""
    return {w for w in re.findall(r"\w+", (text or "").casefold()) if len(w) >= 4 and w not in _STOP}


def word_jaccard(x: str | None, y: str | None) -> float:
    a, b = words(x), words(y)
    return len(a & b) / len(a | b) if a | b else 0.0
