"""quote-names-speaker: a statement (or a figure asserted by someone) whose words of attribution name
someone of the speaker's kind name the speaker.

The words of attribution are the quote outside its quotation marks ('ungkap Putin', 'Menurut
Putin, ...', 'Presiden Tokayev mengklaim ...'). When they name actors of the speaker's own kind
(persons beside a person, bodies beside a body) and the speaker is not among them, the statement is
someone else's: a speaker replaced by another person of the same kind keeps every key, role and type
valid, and actor-named passes it when the article named the new speaker earlier. A pronoun ('Ia
menyatakan', 'papar dia', 'imbuhnya') points back to a name given before, so only the words before
the first pronoun are read: none, and the quote is left to actor-named; a name there is the
speaker's ('Yokayev mengatakan dia telah meminta ...'). A person named only after such a pronoun is
whom the words speak of, not their speaker ('Ia menyatakan, jika Presiden Tokayev merasa ...' is Putin's). A name inside a longer name is the longer name's ('Tokayev' in 'pemerintahan
Tokayev' names the government, not the president). A body, a state or an organisation does not speak where its words of
attribution name a person of its own (by affiliation): the person does ('Kate Mallinson, pakar ... Chatham House').
Nor does a state or an organisation whose words name a body or force of its own and not itself: the body
does ('Departemen Luar Negeri AS mengatakan' is the State Department's, the 'AS' inside its name not the USA). Groups have no names, only words the article describes them with, so a
group speaker, and groups named in a quote, are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.speech_mode import OPENING

_WORD = re.compile(r"\w+")
#: Indonesian pronouns and '-nya' verbs of saying that stand for a speaker named before
PRONOUN = (r"(?i)\b(?:ia|dia|beliau|mereka|pihaknya|"
           r"(?:kata|ujar|ucap|ungkap|tutur|tambah|jelas|papar|tegas|sebut|lanjut|imbuh|pungkas|tulis)nya)\b")
_PRONOUN = re.compile(PRONOUN)
#: the pronouns that stand for a person only ('pihaknya', '-nya' and 'mereka' may stand for a body or a state)
_PERSONAL = frozenset({"ia", "dia", "beliau"})
#: actor types without a name of their own
_NAMELESS = frozenset({"group"})
#: actor types whose names a sentence also uses as places
_PLACES = frozenset({"state"})
#: actors that speak through their bodies, and the bodies they speak through
_WHOLES = frozenset({"state", "international_organisation"})
_BODIES = frozenset({"government_body", "security_force"})
#: a passage between double quotation marks: straight, curly, low-9, angle (a straight or curly mark
#: closes what a low-9 or reversed mark opens, as typesetters mix them); then an unclosed mark and
#: everything after it
_QUOTED = r'"[^"]*"|“[^”"]*[”"]|„[^“”"]*[“”"]|‟[^”"]*[”"]|«[^»]*»'
_UNCLOSED = rf"(?s)[{OPENING}].*"


def attribution(quote: pl.Expr) -> pl.Expr:
    """The words of ``quote`` outside double quotation marks (polars' linear-time regex engine)."""
    return quote.str.replace_all(_QUOTED, " ").str.replace(_UNCLOSED, "")


#: the rows that attribute words to an actor: table, its id, the actor, the quote, an intermediary
SAID = (("statements", "statement_id", "speaker_id", "quote", "intermediary_id"),
        ("figures", "figure_id", "asserted_by_id", "quote", None))


def check(inputs: Inputs) -> Iterator[Finding]:
    if "actors" not in inputs.tables or not inputs.table("actors").has("actor_id", "actor_type", "name_forms"):
        return  # the schema layers report missing tables and columns
    kind: dict[str, str | None] = {}
    own_forms: dict[str, set[tuple[str, ...]]] = {}  # actor -> the words of each of its name forms
    kinds_of: dict[tuple[str, ...], set[str]] = {}  # a form's words -> the types of the actors it names
    starts: dict[str, set[tuple[str, ...]]] = {}  # first word -> the forms that begin with it
    split: dict[str, tuple[str, ...]] = {}  # a form -> its words, each distinct form split once
    named_by: dict[tuple[str, ...], set[str]] = {}  # a form's words -> the actors it names
    up: dict[str, str | None] = {}  # actor -> its affiliation
    has_up = inputs.table("actors").has("affiliation_id")
    actors = inputs.typed("actors").select("actor_id", "actor_type", "name_forms",
                                            "affiliation_id" if has_up else pl.lit(None).alias("affiliation_id"))
    for actor, actor_type, forms, belongs in actors.iter_rows():
        kind[actor] = actor_type
        up[actor] = belongs
        if actor_type is None or actor_type in _NAMELESS:
            continue
        for form in forms or ():
            if form not in split:
                split[form] = tuple(_WORD.findall(form or ""))
            words = split[form]
            if words:
                own_forms.setdefault(actor, set()).add(words)
                kinds_of.setdefault(words, set()).add(actor_type)
                named_by.setdefault(words, set()).add(actor)
                starts.setdefault(words[0], set()).add(words)
    down: dict[str, set[str]] | None = None  # actor -> the actors that belong to it (built when first needed)
    below: dict[str, set[str]] = {}  # speaker -> every actor that belongs to it
    members_of: dict[tuple[str, frozenset[tuple[str, ...]], str | None], list[str]] = {}
    for table, key, who, text_column, via in SAID:
        if table not in inputs.tables or not inputs.table(table).has(key, who, text_column):
            continue
        frame = inputs.typed(table).with_row_index("_row", offset=1)
        via = via if via in frame.columns else None
        said = attribution(pl.col(text_column))
        rows = frame.filter(pl.col(who).is_not_null() & pl.col(text_column).is_not_null())
        for row, ident, speaker, text, middle_id in rows.select(
                "_row", key, who, said.alias("_said"), pl.col(via) if via else pl.lit(None)).iter_rows():
            own = kind.get(speaker)
            if own is None:
                continue  # unknown actor or type: foreign-key and required say so
            pronoun = _PRONOUN.search(text)
            if own in _NAMELESS:
                if pronoun is not None and pronoun.group().lower() in _PERSONAL and not _named_before(text, pronoun, starts):
                    yield Finding(table, row, who, speaker, f"{ident}: its words refer to the speaker as "
                                  f"{pronoun.group()!r}, a person, but {speaker} is a {own}")
                continue
            if pronoun is not None:
                if not _named_before(text, pronoun, starts) and own == "person" \
                        and _names(text[pronoun.end():], starts) & own_forms.get(speaker, set()):
                    # 'Ia menyatakan, jika Presiden Tokayev merasa ...': the pronoun stands for someone named
                    # before the quote, and the person its words then name is whom they speak of
                    yield Finding(table, row, who, speaker,
                                  f"{ident}: its words refer to the speaker as {pronoun.group()!r}, a name given before "
                                  f"the quote, and then name {speaker} as someone they speak of: {speaker} is not the speaker")
                    continue
                # the words before the pronoun: a name there is who speaks ('Yokayev mengatakan dia telah
                # meminta ...'); a pronoun first points back to a name given before the quote
                text = text[:pronoun.start()]
            words = _WORD.findall(text)
            if pronoun is not None and pronoun.group().lower() in _PERSONAL and own != "person" and not _named_before(
                    text, pronoun, starts):
                # 'papar dia', 'Ia menyatakan', 'beliau': someone, not a state or a body
                yield Finding(table, row, who, speaker,
                              f"{ident}: its words refer to the speaker as {pronoun.group()!r}, a person, but {speaker} is a {own}")
                continue
            spans = [(i, i + len(form), form) for i, word in enumerate(words) for form in starts.get(word, ())
                     if tuple(words[i:i + len(form)]) == form]
            # a name inside a longer name names the longer one's actor ('Tokayev' in 'pemerintahan Tokayev')
            found = {form for a, b, form in spans
                     if not any(c <= a and b <= d and d - c > b - a for c, d, _ in spans)}
            if own != "person":
                # a person of the speaker's named in its words speaks ('Kate Mallinson, pakar ... Chatham House,
                # mengatakan' is Mallinson's, not the think tank's; 'Kepala polisi kota, Kanat Taimerdenov,
                # mengatakan' the chief's, not the police's); read once per speaker and names, as a large
                # package repeats both and names many namesakes
                asked = (speaker, frozenset(found), middle_id)
                if asked not in members_of:
                    if down is None:
                        down = _down(up)
                    if speaker not in below:
                        below[speaker] = _below(speaker, down)
                    # a state or an organisation that its words do not name speaks through a body of its own
                    # ('Departemen Luar Negeri AS mengatakan' is the State Department's, not the USA's)
                    speakers = {"person"} | (_BODIES if own in _WHOLES and not found & own_forms.get(speaker, set()) else set())
                    members_of[asked] = sorted({a for f in found for a in named_by[f] & below[speaker]
                                                if kind.get(a) in speakers and a != middle_id})
                members = members_of[asked]
                if members:
                    yield Finding(table, row, who, speaker,
                                  f"{ident}: its words of attribution name {', '.join(members)}, of {speaker}: "
                                  f"the words are theirs, not {speaker}'s")
                    continue
            if found & own_forms.get(speaker, set()):
                continue
            middle = own_forms.get(middle_id, set()) if middle_id else set()
            others = sorted(" ".join(f) for f in found - middle if own in kinds_of[f])
            if others:
                yield Finding(table, row, who, speaker,
                              f"{ident}: its quote attributes the words to {', '.join(repr(o) for o in others)} (a "
                              f"{own}, not {speaker}), and neither names {speaker} nor refers back to it with a pronoun")
                continue
            # an actor of another kind named instead: a body for a person ('pernyataan resmi dari pemerintah
            # Tokayev' is the government's), one body for another; the speaker's own state or organisation, or
            # a body of the speaker's, may be named beside it ('para pejabat negara ini' of Kazakhstan)
            if not found:
                continue
            if down is None:
                down = _down(up)
            kin = _chain(speaker, up) | _below(speaker, down) | ({middle_id} if middle_id else set())
            # states are left out: a sentence names them as places ('di kota-kota besar Kazakhstan')
            bodies = [f for f in found if kinds_of[f] - _PLACES]
            if bodies and not any(a in named_by[f] for f in bodies for a in kin):
                strangers = sorted({a for f in bodies for a in named_by[f] if kind.get(a) not in _PLACES})
                yield Finding(table, row, who, speaker,
                              f"{ident}: its quote attributes the words to {', '.join(strangers[:5])}, neither {speaker} nor "
                              f"an actor it belongs to or that belongs to it, and does not refer back to {speaker} with a pronoun")


def _names(text: str, starts: dict[str, set[tuple[str, ...]]]) -> set[tuple[str, ...]]:
    """The name forms (as words) ``text`` holds."""
    words = _WORD.findall(text)
    return {form for i, word in enumerate(words) for form in starts.get(word, ()) if tuple(words[i:i + len(form)]) == form}


def _named_before(text: str, pronoun: re.Match[str], starts: dict[str, set[tuple[str, ...]]]) -> bool:
    """Whether the words before ``pronoun`` name some actor (it may then stand for that name)."""
    words = _WORD.findall(text[:pronoun.start()])
    return any(form == tuple(words[i:i + len(form)]) for i, word in enumerate(words) for form in starts.get(word, ()))


def _down(up: dict[str, str | None]) -> dict[str, set[str]]:
    """actor -> the actors whose affiliation it is."""
    down: dict[str, set[str]] = {}
    for a, b in up.items():
        if b is not None:
            down.setdefault(b, set()).add(a)
    return down


def _chain(actor: str, up: dict[str, str | None]) -> set[str]:
    """``actor`` and every actor it belongs to, up its affiliations."""
    seen: set[str] = set()
    while actor is not None and actor not in seen:
        seen.add(actor)
        actor = up.get(actor)  # type: ignore[assignment]
    return seen


def _below(actor: str, down: dict[str, set[str]]) -> set[str]:
    """Every actor that belongs to ``actor``, down its members' affiliations."""
    seen: set[str] = set()
    todo = [actor]
    while todo:
        for a in down.get(todo.pop(), ()):
            if a not in seen:
                seen.add(a)
                todo.append(a)
    return seen
