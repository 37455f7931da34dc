"""A screen for translations of the same passage that differ in tense, modality, negation or hedge.

Two translations of one Indonesian sentence never agree word for word, so they are not compared
as text. What adjudication needs to see are the differences that change the claim: a future made
past ("dimulai" rendered "began"), a hedge dropped ("dikabarkan" without "reportedly"), a negation
lost. Each translation is reduced to the marker classes it contains; a pair whose classes differ
is listed for a person to read. It is a screen, not a judgement: it finds candidates and misses
what no marker shows.
"""

from __future__ import annotations

import re

MARKERS = {
    "future": r"\b(will|would|shall|going to|'ll)\b",
    "modal": r"\b(may|might|could|can|must|should)\b",
    "negation": r"\b(not|no|never|none|nor|without)\b|n't\b",
    "hedge": r"\b(reported|reportedly|allegedly|apparently|supposedly|purportedly|claimed|claims?|"
             r"said to|seem(?:s|ed)?|appear(?:s|ed)?|rumou?red)\b",
    "past": r"\b(was|were|had|did|began|started|ended)\b",
}


def markers(text: str | None) -> frozenset[str]:
    low = (text or "").casefold().replace("’", "'")
    return frozenset(name for name, rx in MARKERS.items() if re.search(rx, low))


def differs(first: str | None, second: str | None) -> frozenset[str]:
    """Marker classes present in one translation and not the other."""
    return markers(first) ^ markers(second)
