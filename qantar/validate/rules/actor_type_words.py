"""actor-type-fits-name: an actor whose name says what kind of actor it is ('Ministry of Defence of
Russia', 'Organisasi untuk Keamanan dan Kerjasama di Eropa', 'pasukan Rusia') is of that kind.

The head noun of each name is read: the last word before 'of', 'for', 'in' ... of an English name
(after a parenthesis is dropped), the first word of an Indonesian name form (after 'para'). The heads
and the types each allows are validators/type_words.toml; a name whose head is not listed (a proper
name: 'Putin', 'Reuters') is not read. An organisation retyped a government body, or a ministry a
group, keeps every key valid and changes what the crosswalks make of it (ACLED's inter codes).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache

from qantar.validate import catalogue
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

#: where an English name's head ends: the words after these qualify it
_AFTER_HEAD = re.compile(r"\s(?:of|for|in|at|on|from|to|with)\s|\s*\(", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_PLURAL = frozenset({"para", "sejumlah", "beberapa", "kelompok-kelompok"})


@cache
def heads() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(English head -> types, Indonesian head -> types), from validators/type_words.toml."""
    raw = tomllib.loads((catalogue.home() / "type_words.toml").read_text(encoding="utf-8"))
    return tuple({w.lower(): frozenset(t) for w, t in raw[lang].items()} for lang in ("english", "indonesian"))  # type: ignore[return-value]


def english_head(name: str) -> str | None:
    words = _WORD.findall(_AFTER_HEAD.split(name, 1)[0])
    return words[-1].lower() if words else None


def indonesian_head(name: str) -> str | None:
    words = [w.lower() for w in _WORD.findall(name)]
    while words and words[0] in _PLURAL:
        words.pop(0)
    return words[0] if words else None


def check(inputs: Inputs) -> Iterator[Finding]:
    table = inputs.table("actors") if "actors" in inputs.tables else None
    if table is None or not table.has("actor_id", "actor_type"):
        return
    english, indonesian = heads()
    has = set(table.field_names)
    columns = ["actor_id", "actor_type", *(c for c in ("name_en", "name_forms") if c in has)]
    for row, rec in enumerate(inputs.typed("actors").select(columns).iter_rows(named=True), 1):
        kind = rec["actor_type"]
        if kind is None:
            continue
        said: list[tuple[str, str, frozenset[str]]] = []
        if (name := rec.get("name_en")) and (head := english_head(name)) in english:
            said.append((name, head, english[head]))
        for form in rec.get("name_forms") or ():
            # a form in English ('Collective Security Treaty Organization') is read as English too
            for head, words in ((indonesian_head(form or ""), indonesian), (english_head(form or ""), english)):
                if head in words:
                    said.append((form, head, words[head]))
                    break
        wrong = [(n, h, t) for n, h, t in said if kind not in t]
        if wrong:
            name, head, types = wrong[0]
            yield Finding("actors", row, "actor_type", kind,
                          f"{rec['actor_id']}: its name {name!r} is a {head!r}, which names a {' or a '.join(sorted(types))}, "
                          f"not a {kind} (validators/type_words.toml)")
