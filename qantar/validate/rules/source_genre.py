"""genre-fits-words: a source's genre is the one its own words support.

``genre`` is a reading of the article, and the article says much of it in its own words
(validators/genre_words.toml). A piece that says it is its author's view ('Tulisan ini merupakan opini
pribadi penulis', in the article or its byline) is no news_report. A piece labelled opinion that credits
what it reports to a news agency or another outlet ('ucap Putin ... dikutip dari Reuters'), the way a
report sources its facts, and says nowhere that it is a view, is reporting: relabelled opinion, its
reported words would be read as an author's argument, and corroboration would discount them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache

from qantar.validate import catalogue
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(opinion markers, report credits), each a pattern of validators/genre_words.toml's words."""
    raw = tomllib.loads((catalogue.home() / "genre_words.toml").read_text(encoding="utf-8"))
    return tuple(re.compile(r"(?i)\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in raw[k]) + ")")
                 for k in ("opinion", "credits"))  # type: ignore[return-value]


def check(inputs: Inputs) -> Iterator[Finding]:
    if "sources" not in inputs.tables or not inputs.table("sources").has("source_id", "genre"):
        return
    table = inputs.table("sources")
    frame = inputs.strings("sources").select("source_id", "genre",
                                             "byline_as_printed" if table.has("byline_as_printed") else "genre")
    opinion, credits = _patterns()
    texts = inputs.texts()
    for row, (source, genre, byline) in enumerate(frame.iter_rows(), 1):
        text = texts.get(source)
        if genre not in ("news_report", "opinion") or text is None:
            continue  # an article that cannot be read: article-hash and the file checks say so
        marked = opinion.search(text) or (opinion.search(byline) if byline and byline != genre else None)
        if genre == "news_report" and marked:
            yield Finding("sources", row, "genre", genre,
                          f"{source}: the article says it is its author's view ({marked.group(0)!r}): opinion, not news_report")
        elif genre == "opinion" and not marked and (credit := _credit(credits, text)):
            yield Finding("sources", row, "genre", genre,
                          f"{source}: the article credits what it reports to other outlets ({credit!r}), as a news report "
                          "does, and says nowhere that it is its author's view")


def _credit(credits: re.Pattern[str], text: str) -> str | None:
    """The first credit in ``text`` with the word after it ('dikutip dari Reuters')."""
    found = credits.search(text)
    if found is None:
        return None
    after = re.match(r"\s+(\w+)", text[found.end():found.end() + 80])
    return " ".join(found.group(0).split()) + (f" {after.group(1)}" if after else "")
