"""translation-keeps-person: a translated text speaks in the first or second person exactly when its
English translation does, in the same person.

'Tidak jelas kenapa mereka butuh bantuan dari luar' is 'why they need outside help': made 'why we
need', the speaker asks for the help they questioned, while every number, name and offset still
holds. The pronouns of each person are validators/person_words.toml; the third person is not read
(English writes 'they' where Indonesian writes '-nya' or nothing).
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
from qantar.validate.rules._text import translated

_NAMES = {"first_singular": "the first person singular", "first_plural": "the first person plural", "second": "the second person"}


@cache
def _patterns() -> tuple[tuple[str, str, str, list[str], list[str]], ...]:
    """(person, Indonesian pattern, English pattern, Indonesian words, English words) of each person."""
    raw = tomllib.loads((catalogue.home() / "person_words.toml").read_text(encoding="utf-8"))
    out = []
    for person, words in raw.items():
        indonesian = r"(?i)(?-u:\b)(?:" + "|".join(map(re.escape, words["indonesian"])) + r")(?-u:\b)"
        english = r"(?-u:\b)(?:" + "|".join(map(re.escape, words["english"])) + r")(?-u:\b)"
        out.append((person, indonesian, english, words["indonesian"], [w for w in words["english"] if w.islower() or w == "I"]))
    return tuple(out)


def check(inputs: Inputs) -> Iterator[Finding]:
    persons = _patterns()
    for pair, frame in translated(inputs):
        rows = frame.select(
            pl.col(pair.translation).alias("english"),
            *(pl.col(pair.text).str.contains(i).alias(f"id_{k}") for k, (_, i, _, _, _) in enumerate(persons)),
            *(pl.col(pair.translation).str.contains(e).alias(f"en_{k}") for k, (_, _, e, _, _) in enumerate(persons)),
        ).with_row_index("row", offset=1)
        differs = pl.any_horizontal(pl.col(f"id_{k}") != pl.col(f"en_{k}") for k in range(len(persons)))
        for row, english, *flags in rows.filter(pl.col("english").is_not_null() & differs).iter_rows():
            said, wrote = flags[:len(persons)], flags[len(persons):]
            for (person, _, _, words_id, words_en), a, b in zip(persons, said, wrote, strict=True):
                if a is None or a == b:
                    continue
                name = _NAMES.get(person, person)
                if a:
                    why = (f"the {pair.text} speaks in {name} ({', '.join(repr(w) for w in words_id)}), its {pair.translation} "
                           f"does not ({', '.join(repr(w) for w in words_en)}): the words are given to someone else")
                else:
                    why = (f"the {pair.translation} speaks in {name} ({', '.join(repr(w) for w in words_en)}), its "
                           f"{pair.text} does not ({', '.join(repr(w) for w in words_id)}; validators/person_words.toml)")
                yield Finding(pair.table, row, pair.translation, english, why)
                break
