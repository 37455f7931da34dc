"""status-fits-tense: an event's status agrees with the tense its passages speak in.

An event recorded as 'occurred' has at least one passage (event_sources row) that does not put it
only in the future; a 'planned' or 'announced' one has at least one passage that does
(validators/future_words.toml: 'akan', 'ke depan', 'dijadwalkan'). A status turned from announced to
occurred while its dates stay inside its article's window is a change no date rule can see; the
words the source used for it still say 'will'.

What someone said will happen is not the event's future ('mengkonfirmasi ... bahwa aliansi akan
mengirim': the confirmation happened), nor is what will go on ('akan terus berlanjut'). 'claimed'
says nothing about time and is left alone.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache

import polars as pl

from qantar.validate import catalogue
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.speech_words import words as speech_words

PAST = ("occurred",)
FUTURE = ("planned", "announced")


@cache
def _lists() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The future markers as one pattern, and the words of saying."""
    raw = tomllib.loads((catalogue.home() / "future_words.toml").read_text(encoding="utf-8"))
    ongoing = "|".join(re.escape(w.lower()) for w in raw["ongoing"])
    markers = "|".join(re.escape(w.lower()).replace(r"\ ", r"\s+") for w in sorted(raw["future"], key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{markers})(?!\w)(?!\s+(?:{ongoing})(?!\w))"), speech_words()


def markers(passage: str) -> list[re.Match[str]]:
    """The future markers of ``passage`` (lower-cased), those of things already under way left out."""
    return list(_lists()[0].finditer(passage.lower()))


# A verb's prefixes: a word of saying is one of the stems, or a stem behind one of these ('mengkonfirmasi',
# 'dikatakan', 'berjanji'). Not 'ter-': 'tersebut' (the said one) is a pointer, not a saying.
_PREFIXES = ("", "me", "mem", "men", "meng", "meny", "di", "ber", "per")


def _says(word: str) -> bool:
    speech = _lists()[1]
    return any(word.startswith(p) and word[len(p):].startswith(speech) for p in _PREFIXES)


def own_future(passage: str) -> bool:
    """Whether ``passage`` puts what it reports in the future, not in someone's words about it."""
    low = passage.lower()
    return any(not any(_says(w) for w in re.findall(r"\w+", low[:m.start()])) for m in markers(low))


@cache
def _screen() -> str:
    """A polars pattern that finds every passage ``markers`` could (more, never fewer): the rule reads
    in Python only the events it leaves."""
    raw = tomllib.loads((catalogue.home() / "future_words.toml").read_text(encoding="utf-8"))
    words = "|".join(re.escape(w.lower()).replace(r"\ ", r"\s+") for w in raw["future"])
    return rf"(?i)(?-u:\b)(?:{words})(?-u:\b)"


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"events": ("event_id", "status"), "event_sources": ("event_id", "quote")}
    if not all(t in inputs.tables and inputs.table(t).has(*cols) for t, cols in needed.items()):
        return  # a package without these tables or columns: the schema layers say so
    passages = (inputs.strings("event_sources").select("event_id", "quote")
                .filter(pl.col("event_id").is_not_null() & (pl.col("quote").str.len_bytes() > 0))
                .with_columns(pl.col("quote").str.contains(_screen()).alias("_future")))
    per_event = passages.group_by("event_id").agg(pl.col("_future").all().alias("_all"), pl.len().alias("_n"))
    status = pl.col("status")
    # an occurred event is read when each passage may be future; a planned one always (they are few)
    events = (inputs.strings("events").select("event_id", "status").with_row_index("_row", offset=1)
              .join(per_event, on="event_id", how="inner")  # no passages: event-has-source says so
              .filter((status.is_in(PAST) & pl.col("_all")) | status.is_in(FUTURE)).sort("_row"))
    if events.is_empty():
        return
    quotes = dict(passages.filter(pl.col("event_id").is_in(events["event_id"].implode()))
                  .group_by("event_id").agg("quote").iter_rows())
    own: dict[str, bool] = {}  # a passage read once, however many events quote it
    for row, event, state, _, n in events.iter_rows():
        said = quotes[event]
        if state in PAST and all(own[q] if q in own else own.setdefault(q, own_future(q)) for q in said):
            word = markers(said[0])[0].group(0)
            yield Finding("events", row, "status", state,
                          f"{event} is {state}, but each of its {n} passage(s) speaks of it in the future "
                          f"('{word}', validators/future_words.toml): planned or announced?")
        elif state in FUTURE and not any(markers(q) for q in said):
            yield Finding("events", row, "status", state,
                          f"{event} is {state}, but none of its {n} passage(s) speaks of it in the future "
                          "(no word of validators/future_words.toml): occurred?")

