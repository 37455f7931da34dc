"""exclusion-reason-fits: an exclusion's reason fits what it excludes. A number followed by a word
of measure (validators/measure_words.toml: what the articles count, units, money) is a count or an
amount: it is not page furniture, an advertisement, a byline, a photo credit or caption, or an idiom; and no
number is excluded as a name or a unit. Words that lie inside a name form of an actor or a place, where
the article prints it, are part of that name: their reason is proper_name_part. Dates and years are
left to the date rules. An advertisement or a spam byline is a block of its own: no curated claim
shares its line. An idiom, a word that is not a count or a name, a unit or the numbering of the author's
points is part of a sentence: its line holds other words (a bare counter under a dateline does not).
Page furniture is the reverse: a counter, a banner, a timestamp or a section name heads its line (at most
the site's name before it), where a word of a sentence has the sentence's words before it. A photo credit
or caption is the line under a picture, which says so ('Foto:'). A vague quantity right before a word of
measure ('ratusan bisnis', 'beberapa orang') says how many of them: it is not 'not_a_count', which is for an
exact number pointing back at things already named ('dua negara tetangga'), the whole of one body (a share
word: 'seluruh pemerintahan'), a size with no set or a rhetorical ordinal; and the numbering of the author's
points ('Dilema pertama', 'Pertama,') is followed by no word of measure."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from bisect import bisect_left
from functools import cache

import polars as pl

from qantar.validate import catalogue
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._coverage import NONE, spans_of, tokens
from qantar.text import numbers

#: reasons that say the words are not the article's own text, or not meant literally (an idiom): a
#: number followed by a word of measure is neither ('belasan aparat keamanan' counts officers)
NOT_TEXT = frozenset({"page_furniture", "advertising", "spam_byline", "photo_credit", "photo_caption", "idiom"})
#: reasons that say the words are a name or a unit, never a number
NOT_NUMBER = frozenset({"not_a_name", "ambiguous_name", "unit"})
#: reasons that say the number counts nothing, though it is the article's own: before a word of measure only
#: an exact number may be 'not_a_count' (it points back: 'dua negara tetangga'); a vague quantity there
#: ('ratusan bisnis') counts, and an enumeration of points never stands before one
NOT_COUNTED = {"not_a_count": frozenset({"vague"}), "discourse_enumeration": None}
#: reasons for a block that is not the article at all (an advertisement, a spam byline): its line holds no
#: curated claim, where an idiom or a word of the article's own sentence would
ALONE = frozenset({"advertising", "spam_byline"})
#: the reason that says the words name nothing: never a name form of the package, nor a word of one
NOT_A_NAME = "not_a_name"
#: reasons for words inside a name the package records ('24' of 'National News Network 24')
NAME_PART = frozenset({"proper_name_part", "ambiguous_name"})
#: reasons that say the words are part of a sentence of the article (an idiom, a word that is not a count,
#: the numbering of the author's points): their line holds other words (``PROSE_WORDS`` at least), where a
#: counter under a dateline ('0'), a reading time or a banner stands alone
PROSE = frozenset({"idiom", "not_a_count", "discourse_enumeration", "not_a_name", "unit"})
PROSE_WORDS = 3
#: the reason for the page around the article: it heads its line (fewer than ``PROSE_WORDS`` words before it,
#: 'Berita Baru, Internasional –', 'waktu baca 3 menit'), where 'tanpa banyak bobot' is deep in a sentence
HEADS = "page_furniture"
#: reasons for the line under a picture, which names itself a photo ('Foto: Anatoly Maltsev/Pool via REUTERS')
PHOTO = frozenset({"photo_credit", "photo_caption"})
_PHOTO_WORD = re.compile(r"(?<![^\W\d_])(?:foto|photo)(?![^\W\d_])", re.IGNORECASE)
_LINE_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: reasons whose line is read; reasons whose number tokens are read; every reason a check reads
LINED = ALONE | PHOTO | PROSE | {HEADS}
NUMBERED = NOT_TEXT | NOT_NUMBER | frozenset(NOT_COUNTED)
READ = LINED | NUMBERED | {NOT_A_NAME}
#: n -> a pattern that finds n words (``_LINE_WORD``) in a stretch of text when it holds that many: one search
#: stops at a line's third word, where counting them all read the whole line
_AT_LEAST = {n: re.compile(r"[^\W\d_]+" + r"[\W\d_]+[^\W\d_]+" * (n - 1), re.UNICODE) for n in range(1, PROSE_WORDS + 1)}
_NEXT_WORD = re.compile(r"[\s\u00a0]*([^\W\d_]+|%|US\$)", re.UNICODE)


@cache
def measure_words() -> tuple[str, ...]:
    raw = tomllib.loads((catalogue.home() / "measure_words.toml").read_text(encoding="utf-8"))
    return tuple(w.lower() for w in [*raw["counted"], *raw["units"]])


def next_word(text: str, end: int) -> str:
    """The word right after ``text[:end]`` (lower case), or ''."""
    m = _NEXT_WORD.match(text, end)
    return m.group(1).lower() if m else ""


def measured(word: str) -> bool:
    """Whether ``word`` (lower case) is a word of measure: one listed, or one starting with a listed word
    longer than three letters ('tentaranya')."""
    known = _MEASURED.get(word)
    if known is None:
        known = _MEASURED[word] = bool(word) and any(word == w or (len(w) > 3 and word.startswith(w)) for w in measure_words())
    return known


_MEASURED: dict[str, bool] = {}  # word -> measured(word): the articles' words are few, the exclusions many


def check(inputs: Inputs) -> Iterator[Finding]:
    if "exclusions" not in inputs.tables or not inputs.table("exclusions").has("source_id", "char_start", "char_end", "text", "reason"):
        return  # no exclusions to read: the schema layers say what is missing
    texts = inputs.texts()
    toks = tokens(inputs)
    frame = inputs.strings("exclusions")
    every = _name_forms(inputs)
    # each name form, and each capitalised word of one, -> the form: what 'not_a_name' may not exclude
    name_words = {w: f for f in reversed(every) for w in (f, *(x for x in f.split() if x[:1].isupper() and len(x) > 2))}
    # excluded words -> the longer name forms that hold them
    holding = _holders(every, frame["text"].drop_nulls().unique().to_list())
    held = {t for t, forms in holding.items() if forms}
    starts: dict[str, list[int]] = {}  # an article's token starts, to reach the tokens inside an exclusion
    placed = _placed(frame, texts, held)
    # the claims of the articles an advertisement or a spam byline is excluded from (the only spans read)
    claims = spans_of(inputs, "claim", placed.filter(pl.col("reason").is_in(list(ALONE)))["source_id"].unique().to_list())
    for i, sid, a, b, text, reason in zip(*(placed[c].to_list() for c in placed.columns), strict=True):
        article = texts[sid]
        if reason == NOT_A_NAME and text and text in name_words:
            yield Finding("exclusions", i, "reason", reason, f"{text!r} is a name form of an actor or place of the package, "
                          f"or a word of one ({name_words[text]!r}): a name that is not linked is {' or '.join(sorted(NAME_PART))}, "
                          f"not {reason}")
            continue
        if text in held and reason not in NAME_PART:
            name = _inside_name(article, a, b, holding[text])
            if name is not None:
                yield Finding("exclusions", i, "reason", reason, f"{text!r} is part of the name {name!r} (a name form of an actor "
                              f"or place, printed here): proper_name_part, not {reason}")
                continue
        if reason in LINED:
            start, end = article.rfind("\n", 0, a) + 1, article.find("\n", b)
            end = len(article) if end < 0 else end
            if reason in ALONE and claims.get(sid, NONE).touches(start, end):
                yield Finding("exclusions", i, "reason", reason, f"{text!r} shares its line with a curated claim: it is "
                              f"the article's own text, not {reason.replace('_', ' ')}")
                continue
            if reason == HEADS and _AT_LEAST[PROSE_WORDS].search(article, start, a):
                yield Finding("exclusions", i, "reason", reason, f"{text!r} has {len(_LINE_WORD.findall(article, start, a))} "
                              f"words of its line before it: part of a sentence, not page furniture (which heads its line)")
                continue
            if reason in PHOTO and not _PHOTO_WORD.search(article, start, end):
                yield Finding("exclusions", i, "reason", reason, f"{text!r} is on a line that names no photo ('Foto'): "
                              f"the article's own text, not a {reason.replace('_', ' ')}")
                continue
            if reason in PROSE:
                before = PROSE_WORDS if _AT_LEAST[PROSE_WORDS].search(article, start, a) else len(_LINE_WORD.findall(article, start, a))
                if before < PROSE_WORDS and not _AT_LEAST[PROSE_WORDS - before].search(article, b, end):
                    yield Finding("exclusions", i, "reason", reason, f"{text!r} stands on a line of its own (fewer than "
                                  f"{PROSE_WORDS} other words): page furniture, not part of a sentence ({reason.replace('_', ' ')})")
                    continue
        if reason not in NUMBERED:
            continue
        mine = toks.get(sid)
        if not mine:
            continue
        if sid not in starts:
            starts[sid] = [t.start for t in mine]
        # tokens are in order and do not overlap: those inside [a, b) start at or after a
        for j in range(bisect_left(starts[sid], a), len(mine)):
            tok = mine[j]
            if tok.start >= b:
                break
            if tok.end > b or tok.is_date:
                continue
            if reason in NOT_NUMBER:
                yield Finding("exclusions", i, "reason", reason, f"{text!r} holds the number {tok.text!r}: not a {reason.replace('_', ' ')}")
                break
            word = next_word(article, tok.end)
            if measured(word):
                if reason in NOT_COUNTED and not _counts(tok.text, NOT_COUNTED[reason]):
                    continue
                yield Finding("exclusions", i, "reason", reason, f"{tok.text!r} {word!r} is a count or an amount "
                              f"(validators/measure_words.toml), not {reason.replace('_', ' ')}")
                break


def _placed(frame: pl.DataFrame, texts: dict[str, str], held: set[str]) -> pl.DataFrame:
    """(row, source_id, start, end, text, reason) of the exclusions a check may fault: offsets that read as
    integers (as Python's ``int`` reads them) and lie in the article (else quote-verbatim says so), and a
    reason some check reads or words inside a name. Sorted by row, chosen in polars (most rows pass)."""
    rows = frame.select(pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("row"), "source_id",
                        pl.col("char_start").alias("a"), pl.col("char_end").alias("b"), "text", "reason")
    cast = rows.with_columns(pl.col("a", "b").cast(pl.Int64, strict=False))
    # what polars does not read as an integer Python's int() may (' 12', '1_000'): those few rows read here
    odd = rows.filter((cast["a"].is_null() & rows["a"].is_not_null()) | (cast["b"].is_null() & rows["b"].is_not_null()))
    read = [(i, sid, _int(a), _int(b), text, reason) for i, sid, a, b, text, reason in odd.iter_rows()]
    read = [r for r in read if r[2] is not None and r[3] is not None and 0 <= r[2] <= r[3] < 2**63]
    if read:
        cast = pl.concat([cast.drop_nulls(["a", "b"]), pl.DataFrame(read, schema=cast.schema, orient="row")]).sort("row")
    lengths = pl.DataFrame({"source_id": list(texts), "\0len": [len(t) for t in texts.values()]},
                           schema={"source_id": pl.String, "\0len": pl.Int64})
    return (
        cast.join(lengths, on="source_id", how="inner", maintain_order="left")
        .filter((pl.col("a") >= 0) & (pl.col("a") <= pl.col("b")) & (pl.col("b") <= pl.col("\0len"))
                & (pl.col("reason").is_in(list(READ)) | pl.col("text").is_in(list(held))))
        .drop("\0len")
    )


def _int(raw: str | None) -> int | None:
    try:
        return int(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _counts(text: str, kinds: frozenset[str] | None) -> bool:
    """Whether a number read as one of ``kinds`` (any, when None) counts what follows it."""
    if kinds is None:
        return True
    reading = numbers.read(text)
    return reading is not None and reading.kind in kinds


def _name_forms(inputs: Inputs) -> tuple[str, ...]:
    """Every name form of every actor and place, longest first."""
    out: set[str] = set()
    for table in ("actors", "places"):
        if table in inputs.tables and inputs.table(table).has("name_forms"):
            for forms in inputs.typed(table)["name_forms"].drop_nulls().unique().to_list():
                out.update(f for f in forms if f)
    return tuple(sorted(out, key=len, reverse=True))


def _holders(every: tuple[str, ...], texts: list[str]) -> dict[str, tuple[str, ...]]:
    """Each excluded text -> the name forms longer than it that hold it, in the order of ``every``.

    One Aho-Corasick pass of polars over the forms finds every text in each (overlapping matches
    too), instead of every form scanned once per distinct text (texts x forms, both growing with rows).
    """
    texts = [t for t in texts if t]
    out: dict[str, list[str]] = {t: [] for t in texts}
    if texts and every:
        found = pl.Series(every, dtype=pl.String).str.extract_many(texts, overlapping=True).to_list()
        for form, hits in zip(every, found, strict=True):
            for t in dict.fromkeys(hits or ()):
                if len(form) > len(t):
                    out[t].append(form)
    return {t: tuple(forms) for t, forms in out.items()}


def _inside_name(article: str, a: int, b: int, forms: tuple[str, ...]) -> str | None:
    """The name form (of ``forms``, each longer than the excluded words) the article prints around [a, b)."""
    for form in forms:
        lo = max(0, b - len(form))
        at = article.find(form, lo, a + len(form))
        while at != -1 and at <= a:
            if at + len(form) >= b:
                return form
            at = article.find(form, at + 1, a + len(form))
    return None
