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
does ('Departemen Luar Negeri AS mengatakan' is the State Department's, the 'AS' inside its name not the USA). A body, a state
or an organisation whose words of attribution do not name it but name a person, none of its own, does not speak
either: the person does ('..., Presiden Kazakhstan Kassym-Jomart Tokayev mengatakan:' is Tokayev's, whatever
organisation the words also name). Groups have no names, only words the article describes them with, so a
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
    has_up = inputs.table("actors").has("affiliation_id")
    names = _Names(inputs.typed("actors").select(
        "actor_id", pl.col("actor_type").cast(pl.String), "name_forms",
        "affiliation_id" if has_up else pl.lit(None, pl.String).alias("affiliation_id")))
    for table, key, who, text_column, via in SAID:
        if table not in inputs.tables or not inputs.table(table).has(key, who, text_column):
            continue
        frame = inputs.typed(table).with_row_index("_row", offset=1)
        via = via if via in frame.columns else None
        rows = frame.filter(pl.col(who).is_not_null() & pl.col(text_column).is_not_null()).select(
            "_row", pl.col(key).alias("_id"), pl.col(who).alias("_speaker"), attribution(pl.col(text_column)).alias("_said"),
            (pl.col(via) if via else pl.lit(None, pl.String)).alias("_middle"))
        found = dict(names.said(table, who, rows))
        for row in sorted(found):
            yield found[row]


class _Names:
    """The actors' names as the rule reads them: each distinct name form split into words once (an
    id per distinct list of words), and the relations of actors to them as polars frames, so that
    the rows a polars join clears are never read in Python; dicts are built for the rows left."""

    def __init__(self, actors: pl.DataFrame) -> None:
        self.actors = actors
        # an actor_id of several rows: its last row's type and affiliation, as a dict built row by row keeps
        self.last = actors.unique("actor_id", keep="last", maintain_order=True).select(
            "actor_id", pl.col("actor_type").alias("_own"), "affiliation_id")
        named = (actors.filter(pl.col("actor_type").is_not_null() & ~pl.col("actor_type").is_in(list(_NAMELESS)))
                 .select("actor_id", "actor_type", pl.col("name_forms").alias("_form")).explode("_form")
                 .filter(pl.col("_form").is_not_null()))
        self.forms: list[tuple[str, ...]] = []  # form id -> its words
        ids: dict[tuple[str, ...], int] = {}
        split = []
        for form in named["_form"].unique().to_list():
            words = tuple(_WORD.findall(form))
            if words:
                split.append((form, ids.setdefault(words, len(ids))))
        self.forms = list(ids)
        self.starts: dict[str, set[tuple[str, ...]]] = {}  # first word -> the forms that begin with it
        for words in self.forms:
            self.starts.setdefault(words[0], set()).add(words)
        self.fid = ids
        self.owned = named.join(pl.DataFrame(split, schema={"_form": pl.String, "_f": pl.Int64}, orient="row"), on="_form") \
            .select("actor_id", "actor_type", "_f")  # (actor, type, form id) of every row and name form
        self.kinds_of = {f: set(k) for f, k in self.owned.group_by("_f").agg(pl.col("actor_type").unique()).iter_rows()}
        self._dicts: tuple[dict[str, str | None], dict[str, str | None]] | None = None
        self._down: dict[str, set[str]] | None = None

    def dicts(self) -> tuple[dict[str, str | None], dict[str, str | None]]:
        """(actor -> type, actor -> affiliation), built when a row needs them."""
        if self._dicts is None:
            ids, kinds, ups = (self.last[c].to_list() for c in ("actor_id", "_own", "affiliation_id"))
            self._dicts = dict(zip(ids, kinds, strict=True)), dict(zip(ids, ups, strict=True))
        return self._dicts

    def down(self) -> dict[str, set[str]]:
        """actor -> the actors that belong to it (built when a row first needs it, once for both tables)."""
        if self._down is None:  # each actor's last row's affiliation, grouped by polars
            self._down = {b: set(a) for b, a in self.last.filter(pl.col("affiliation_id").is_not_null())
                          .group_by("affiliation_id").agg("actor_id").iter_rows()}
        return self._down

    def own_forms(self, actors: list[str]) -> dict[str, set[tuple[str, ...]]]:
        """actor -> the words of each of its name forms, for ``actors``."""
        got = self.owned.filter(pl.col("actor_id").is_in(actors)).group_by("actor_id").agg(pl.col("_f").unique())
        return {a: {self.forms[f] for f in fs} for a, fs in got.iter_rows()}

    def named_by(self, forms: set[tuple[str, ...]]) -> dict[tuple[str, ...], set[str]]:
        """a form's words -> the actors it names, for ``forms``."""
        got = self.owned.filter(pl.col("_f").is_in([self.fid[f] for f in forms])).group_by("_f").agg(pl.col("actor_id").unique())
        return {self.forms[f]: set(a) for f, a in got.iter_rows()}

    def read(self, text: str) -> tuple[str | None, bool, bool, set[tuple[str, ...]], set[tuple[str, ...]]]:
        """What the words of attribution ``text`` say, whoever speaks: (the first pronoun, whether it stands
        for a person, whether a name comes before it, the names after it, the names before it or in the
        whole text without one: a name inside a longer name left out)."""
        pronoun = _PRONOUN.search(text)
        if pronoun is None:
            return None, False, False, set(), _found(text, self.starts)
        before = _named_before(text, pronoun, self.starts)
        after = _names(text[pronoun.end():], self.starts) if not before else set()
        return (pronoun.group(), pronoun.group().lower() in _PERSONAL, before, after,
                _found(text[:pronoun.start()], self.starts))

    def said(self, table: str, who: str, rows: pl.DataFrame) -> Iterator[tuple[int, Finding]]:
        """The findings of ``rows`` (_row, _id, _speaker, _said, _middle): each distinct text read once,
        the speaker's kind and names joined by polars, Python's judgement only where a name of the
        text is of another actor than a person speaker, or the speaker is no person."""
        rows = rows.join(self.last.select("actor_id", "_own"), left_on="_speaker", right_on="actor_id", how="left") \
            .filter(pl.col("_own").is_not_null())
        texts = rows["_said"].unique().to_list()
        read = [self.read(t) for t in texts]
        text_frame = pl.DataFrame({"_said": texts, "_t": range(len(texts)), "_pronoun": [r[0] for r in read],
                                   "_personal": [r[1] for r in read], "_before": [r[2] for r in read],
                                   "_found": [len(r[4]) > 0 for r in read]},
                                  schema={"_said": pl.String, "_t": pl.Int64, "_pronoun": pl.String, "_personal": pl.Boolean,
                                          "_before": pl.Boolean, "_found": pl.Boolean})
        relation = {"_t": pl.Int64, "_f": pl.Int64}
        after = pl.DataFrame([(t, self.fid[f]) for t, r in enumerate(read) for f in r[3]], schema=relation, orient="row")
        found = pl.DataFrame([(t, self.fid[f]) for t, r in enumerate(read) for f in r[4]], schema=relation, orient="row")
        own = self.owned.select(pl.col("actor_id").alias("_speaker"), "_f").unique()
        rows = rows.join(text_frame, on="_said", how="left")
        person, free = pl.col("_own") == "person", pl.col("_pronoun").is_not_null() & ~pl.col("_before")
        # a person speaker named after a pronoun that points back to a name given before the quote
        after_own = rows.filter(person & free).join(after, on="_t").join(own, on=["_speaker", "_f"], how="semi")
        # a person speaker of the names of the words: cleared
        found_own = rows.filter(person).join(found, on="_t").join(own, on=["_speaker", "_f"], how="semi")
        for row, ident, speaker, own_type, pronoun in rows.filter((~person & free & pl.col("_personal"))).select(
                "_row", "_id", "_speaker", "_own", "_pronoun").iter_rows():
            # 'papar dia', 'Ia menyatakan', 'beliau': someone, not a state, a body or a group
            yield row, Finding(table, row, who, speaker, f"{ident}: its words refer to the speaker as {pronoun!r}, "
                                                         f"a person, but {speaker} is a {own_type}")
        for row, ident, speaker, pronoun in after_own.select("_row", "_id", "_speaker", "_pronoun").unique("_row").iter_rows():
            # 'Ia menyatakan, jika Presiden Tokayev merasa ...': the pronoun stands for someone named
            # before the quote, and the person its words then name is whom they speak of
            yield row, Finding(table, row, who, speaker,
                               f"{ident}: its words refer to the speaker as {pronoun!r}, a name given before "
                               f"the quote, and then name {speaker} as someone they speak of: {speaker} is not the speaker")
        left = (rows.filter(pl.col("_found") & (pl.col("_own") != "group") & ~(~person & free & pl.col("_personal")))
                .join(after_own.select("_row"), on="_row", how="anti").join(found_own.select("_row"), on="_row", how="anti"))
        # a speaker that is no person: the persons (or, for a state or an organisation its words do not
        # name, the bodies) of its own that its words name speak instead, found by joins down the
        # affiliations; one its words name and no such member of is cleared
        whole = left.filter(~person)
        if whole.height:
            own_named = whole.join(found, on="_t").join(own, on=["_speaker", "_f"], how="semi").select("_row").unique()
            members = (whole.join(own_named.with_columns(pl.lit(True).alias("_self")), on="_row", how="left")
                       .join(self.below(whole["_speaker"].unique()), on="_speaker")
                       .join(self.last.select(pl.col("actor_id").alias("_member"), pl.col("_own").alias("_kind")), on="_member")
                       .filter((pl.col("_kind") == "person")
                               | (pl.col("_kind").is_in(list(_BODIES)) & pl.col("_own").is_in(list(_WHOLES))
                                  & pl.col("_self").is_null()))
                       .filter(pl.col("_member").ne_missing(pl.col("_middle")))
                       .join(self.owned.select(pl.col("actor_id").alias("_member"), "_f").unique(), on="_member")
                       .join(found, on=["_t", "_f"], how="semi")
                       .group_by("_row").agg(pl.first("_id", "_speaker"), pl.col("_member").unique().sort()))
            for row, ident, speaker, named in members.iter_rows():
                yield row, Finding(table, row, who, speaker,
                                   f"{ident}: its words of attribution name {', '.join(named)}, of {speaker}: "
                                   f"the words are theirs, not {speaker}'s")
            left = left.join(members.select("_row"), on="_row", how="anti").join(own_named, on="_row", how="anti")
        if left.height:
            yield from self._judge(table, who, left, [read[t][4] for t in range(len(read))])

    def below(self, speakers: pl.Series) -> pl.DataFrame:
        """(_speaker, _member): every actor that belongs to each of ``speakers``, down the affiliations
        (each actor's last row's), joined level by level until no new pair comes."""
        down = self.last.select(pl.col("affiliation_id").alias("_node"), pl.col("actor_id").alias("_member")) \
            .filter(pl.col("_node").is_not_null())
        found = pl.DataFrame({"_speaker": [], "_member": []}, schema={"_speaker": pl.String, "_member": pl.String})
        frontier = pl.DataFrame({"_speaker": speakers, "_node": speakers}, schema={"_speaker": pl.String, "_node": pl.String})
        while frontier.height:
            step = frontier.join(down, on="_node").select("_speaker", "_member").unique() \
                .join(found, on=["_speaker", "_member"], how="anti")
            found = pl.concat([found, step])
            frontier = step.select("_speaker", pl.col("_member").alias("_node"))
        return found

    def _judge(self, table: str, who: str, rows: pl.DataFrame, found_of: list[set[tuple[str, ...]]]) -> Iterator[tuple[int, Finding]]:
        """The rows whose words name someone and that polars did not clear, judged as they always were."""
        kind, up = self.dicts()
        own_forms = self.own_forms(pl.concat([rows["_speaker"], rows["_middle"].drop_nulls()]).unique().to_list())
        named_by = self.named_by({f for t in rows["_t"].unique().to_list() for f in found_of[t]})
        below: dict[str, set[str]] = {}  # speaker -> every actor that belongs to it
        members_of: dict[tuple[str, frozenset[tuple[str, ...]], str | None], list[str]] = {}
        people: dict[tuple[str, ...], frozenset[str]] = {}  # a form -> the persons it names
        for row, ident, speaker, middle_id, own, t in rows.select("_row", "_id", "_speaker", "_middle", "_own", "_t").iter_rows():
            found = found_of[t]
            if own != "person":
                # a person of the speaker's named in its words speaks ('Kate Mallinson, pakar ... Chatham House,
                # mengatakan' is Mallinson's, not the think tank's; 'Kepala polisi kota, Kanat Taimerdenov,
                # mengatakan' the chief's, not the police's); read once per speaker and names, as a large
                # package repeats both and names many namesakes
                asked = (speaker, frozenset(found), middle_id)
                if asked not in members_of:
                    if speaker not in below:
                        below[speaker] = _below(speaker, self.down())
                    # a state or an organisation that its words do not name speaks through a body of its own
                    # ('Departemen Luar Negeri AS mengatakan' is the State Department's, not the USA's)
                    speakers = {"person"} | (_BODIES if own in _WHOLES and not found & own_forms.get(speaker, set()) else set())
                    members_of[asked] = sorted({a for f in found for a in named_by[f] & below[speaker]
                                                if kind.get(a) in speakers and a != middle_id})
                members = members_of[asked]
                if members:
                    yield row, Finding(table, row, who, speaker,
                                       f"{ident}: its words of attribution name {', '.join(members)}, of {speaker}: "
                                       f"the words are theirs, not {speaker}'s")
                    continue
            if found & own_forms.get(speaker, set()):
                continue
            middle = own_forms.get(middle_id, set()) if middle_id else set()
            others = sorted(" ".join(f) for f in found - middle if own in self.kinds_of[self.fid[f]])
            if others:
                yield row, Finding(table, row, who, speaker,
                                   f"{ident}: its quote attributes the words to {', '.join(repr(o) for o in others)} (a "
                                   f"{own}, not {speaker}), and neither names {speaker} nor refers back to it with a pronoun")
                continue
            # an actor of another kind named instead: a body for a person ('pernyataan resmi dari pemerintah
            # Tokayev' is the government's), one body for another; the speaker's own state or organisation, or
            # a body of the speaker's, may be named beside it ('para pejabat negara ini' of Kazakhstan)
            kin = _chain(speaker, up) | _below(speaker, self.down()) | ({middle_id} if middle_id else set())
            if own != "person":
                # words that do not name a body, state or organisation but do name a person, none of its own,
                # are that person's: the organisation they also name is what the person speaks of ('... misi
                # pasukan penjaga perdamaian Organisasi Perjanjian Keamanan Kolektif ..., Presiden Kazakhstan
                # Kassym-Jomart Tokayev mengatakan:' is Tokayev's, not the CSTO defence ministers')
                # by set sizes: a name borne by many namesakes is not walked once per row
                for f in found - middle:
                    if f not in people:
                        people[f] = frozenset(a for a in named_by[f] if kind.get(a) == "person")
                named_persons = [people[f] for f in found - middle if people[f]]
                if any(len(p & kin) < len(p) for p in named_persons):
                    persons = sorted({a for p in named_persons for a in p - kin})
                    yield row, Finding(table, row, who, speaker,
                                       f"{ident}: its words of attribution name {', '.join(persons[:5])}, a person and "
                                       f"none of {speaker}'s, and do not name {speaker}: the words are the person's")
                    continue
            # states are left out: a sentence names them as places ('di kota-kota besar Kazakhstan')
            bodies = [f for f in found if self.kinds_of[self.fid[f]] - _PLACES]
            if bodies and not any(a in named_by[f] for f in bodies for a in kin):
                strangers = sorted({a for f in bodies for a in named_by[f] if kind.get(a) not in _PLACES})
                yield row, Finding(table, row, who, speaker,
                                   f"{ident}: its quote attributes the words to {', '.join(strangers[:5])}, neither {speaker} "
                                   f"nor an actor it belongs to or that belongs to it, and does not refer back to {speaker} "
                                   "with a pronoun")


def _found(text: str, starts: dict[str, set[tuple[str, ...]]]) -> set[tuple[str, ...]]:
    """The name forms (as words) ``text`` holds, but a name inside a longer name ('Tokayev' in
    'pemerintahan Tokayev' names the government)."""
    words = _WORD.findall(text)
    spans = [(i, i + len(form), form) for i, word in enumerate(words) for form in starts.get(word, ())
             if tuple(words[i:i + len(form)]) == form]
    return {form for a, b, form in spans if not any(c <= a and b <= d and d - c > b - a for c, d, _ in spans)}


def _names(text: str, starts: dict[str, set[tuple[str, ...]]]) -> set[tuple[str, ...]]:
    """The name forms (as words) ``text`` holds."""
    words = _WORD.findall(text)
    return {form for i, word in enumerate(words) for form in starts.get(word, ()) if tuple(words[i:i + len(form)]) == form}


def _named_before(text: str, pronoun: re.Match[str], starts: dict[str, set[tuple[str, ...]]]) -> bool:
    """Whether the words before ``pronoun`` name some actor (it may then stand for that name)."""
    words = _WORD.findall(text[:pronoun.start()])
    return any(form == tuple(words[i:i + len(form)]) for i, word in enumerate(words) for form in starts.get(word, ()))


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
