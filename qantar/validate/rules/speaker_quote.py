"""quote-names-speaker: a statement whose words of attribution name someone of the speaker's kind
name the speaker.

The words of attribution are the quote outside its quotation marks ('ungkap Putin', 'Menurut
Putin, ...', 'Presiden Tokayev mengklaim ...'). When they name actors of the speaker's own kind
(persons beside a person, bodies beside a body) and the speaker is not among them, the statement is
someone else's: a speaker replaced by another person of the same kind keeps every key, role and type
valid, and actor-named passes it when the article named the new speaker earlier. A pronoun ('Ia
menyatakan', 'papar dia', 'imbuhnya') points back to a name given before, so a quote holding one
is left to actor-named. Groups have no names, only words the article describes them with, so a
group speaker, and groups named in a quote, are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

_WORD = re.compile(r"\w+")
#: Indonesian pronouns and '-nya' verbs of saying that stand for a speaker named before
_PRONOUN = re.compile(
    r"\b(?:ia|dia|beliau|mereka|pihaknya|"
    r"(?:kata|ujar|ucap|ungkap|tutur|tambah|jelas|papar|tegas|sebut|lanjut|imbuh|pungkas|tulis)nya)\b",
    re.IGNORECASE,
)
#: actor types without a name of their own
_NAMELESS = frozenset({"group"})
#: opening quotation mark -> the marks that close it (a straight mark closes itself)
_CLOSE = {"\"": "\"", "“": "”\"", "„": "“”\"", "«": "»", "‟": "”\""}


def attribution(quote: str) -> str:
    """``quote`` without the words inside double quotation marks; an unclosed mark drops the rest."""
    out: list[str] = []
    i = 0
    while i < len(quote):
        ch = quote[i]
        if ch in _CLOSE:
            ends = [p for c in _CLOSE[ch] if (p := quote.find(c, i + 1)) >= 0]
            if not ends:
                break
            out.append(" ")
            i = min(ends) + 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def check(inputs: Inputs) -> Iterator[Finding]:
    if not ("statements" in inputs.tables and "actors" in inputs.tables
            and inputs.table("statements").has("statement_id", "speaker_id", "quote")
            and inputs.table("actors").has("actor_id", "actor_type", "name_forms")):
        return  # the schema layers report missing tables and columns
    kind: dict[str, str | None] = {}
    # first word of a name form -> {the form's words: the actors it names}
    index: dict[str, dict[tuple[str, ...], set[str]]] = {}
    for actor, actor_type, forms in inputs.typed("actors").select("actor_id", "actor_type", "name_forms").iter_rows():
        kind[actor] = actor_type
        if actor_type is None or actor_type in _NAMELESS:
            continue
        for form in forms or ():
            words = tuple(_WORD.findall(form or ""))
            if words:
                index.setdefault(words[0], {}).setdefault(words, set()).add(actor)
    statements = inputs.typed("statements")
    via = "intermediary_id" if "intermediary_id" in statements.columns else None
    columns = ["statement_id", "speaker_id", "quote", *([via] if via else [])]
    for row, values in enumerate(statements.select(columns).iter_rows(), 1):
        sid, speaker, quote = values[:3]
        own = kind.get(speaker) if speaker is not None else None
        if own is None or own in _NAMELESS or not quote:
            continue  # unknown speaker or type: foreign-key and required say so
        text = attribution(quote)
        if _PRONOUN.search(text):
            continue
        words = _WORD.findall(text)
        named: set[str] = set()
        for i, word in enumerate(words):
            for form, actors in index.get(word, {}).items():
                if tuple(words[i:i + len(form)]) == form:
                    named |= actors
        others = {a for a in named if kind.get(a) == own} - {speaker, values[3] if via else None}
        if others and speaker not in named:
            yield Finding("statements", row, "speaker_id", speaker,
                          f"{sid}: its quote attributes the words to {', '.join(sorted(others))} ({own}), and neither "
                          f"names the speaker {speaker} nor refers back to it with a pronoun")
