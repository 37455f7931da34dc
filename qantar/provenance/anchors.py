"""Anchoring: every quoted span is verbatim at its offsets, translated, and its article intact."""

from __future__ import annotations

import hashlib

from qantar._tokens import read_number
from qantar.provenance._package import Finding, Package

# Columns holding verbatim article text, by the prefix of their offset columns. The prefix
# convention (X_char_start / X_char_end) is the descriptor's; the text column name is the
# only thing that differs between tables.
_TEXT_COLUMN = {"": ("quote", "text"), "number_": ("number_as_written",), "published_": ("published_as_printed",)}


def anchored_spans(pkg: Package, table: str) -> list[tuple[str, str, str, str]]:
    """(source column, text column, start column, end column) for every anchored span of `table`."""
    names = pkg.fields(table)
    out = []
    for name in names:
        if not name.endswith("char_start"):
            continue
        prefix = name[: -len("char_start")]
        candidates = _TEXT_COLUMN.get(prefix, (f"{prefix}quote",))
        text = next((c for c in candidates if c in names), None)
        source = f"{prefix}source_id" if f"{prefix}source_id" in names else "source_id"
        if text is None or source not in names:
            raise ValueError(f"{table}: offsets {name} have no text or source column")
        out.append((source, text, name, f"{prefix}char_end"))
    return out


def _translation_column(text_col: str) -> str | None:
    if text_col == "quote":
        return "quote_en"
    if text_col.endswith("_quote"):
        return text_col[: -len("quote")] + "en"
    return None


def check_anchors(pkg: Package) -> list[Finding]:
    out: list[Finding] = []
    src = pkg.tables["sources"]
    for i, (sid, size, digest) in enumerate(src.select("source_id", "bytes", "sha256").iter_rows(), 1):
        data = pkg.raw[sid]
        if hashlib.sha256(data).hexdigest() != digest:
            out.append(Finding("article-hash", "sources", i, "sha256", digest, "the article copy's SHA-256 differs"))
        if str(len(data)) != size:
            out.append(Finding("article-hash", "sources", i, "bytes", size, f"the article copy has {len(data)} bytes"))
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            out.append(Finding("article-hash", "sources", i, "path", None, f"the article copy is not UTF-8 ({e.reason} at byte {e.start})"))

    for table, frame in pkg.tables.items():
        for source_col, text_col, start_col, end_col in anchored_spans(pkg, table):
            en_col = _translation_column(text_col)
            cols = [source_col, text_col, start_col, end_col] + ([en_col] if en_col else [])
            for i, row in enumerate(frame.select(cols).iter_rows(), 1):
                sid, quote, a, b = row[:4]
                if quote is None and a is None and b is None:
                    continue
                if quote is None or a is None or b is None:
                    out.append(Finding("quote-offsets", table, i, text_col if quote is None else start_col, None,
                                       f"{text_col}, {start_col} and {end_col} go together"))
                    continue
                article = pkg.texts.get(sid)
                if article is None:
                    out.append(Finding("quote-offsets", table, i, source_col, sid, "unknown source"))
                    continue
                start, end = int(a), int(b)
                if article[start:end] != quote:
                    found = article.find(quote)
                    hint = f"; the text occurs at {found}:{found + len(quote)}" if found >= 0 else "; the text is not in the article (run `qantar anchor`)"
                    out.append(Finding("quote-verbatim", table, i, text_col, quote[:80],
                                       f"article {sid}[{start}:{end}] is not this text{hint}"))
                if en_col and not (row[4] or "").strip():
                    out.append(Finding("translation", table, i, en_col, row[4], "a quoted passage needs its English translation"))

    for table in ("sources",):
        for i, v in enumerate(pkg.tables[table]["title_en"].to_list(), 1):
            if not (v or "").strip():
                out.append(Finding("translation", table, i, "title_en", v, "the title needs its English translation"))

    if "figures" in pkg.tables:
        f = pkg.tables["figures"]
        cols = ["number_as_written", "value", "value_low", "value_high", "qualifier", "char_start", "char_end", "number_char_start", "number_char_end"]
        for i, (written, value, low, high, qual, qa, qb, na, nb) in enumerate(f.select(cols).iter_rows(), 1):
            out += _check_figure(i, written, value, low, high, qual, qa, qb, na, nb)

    texts = list(pkg.texts.values())
    for table in ("actors", "places"):
        key = table[:-1] + "_id"
        for i, (ident, forms) in enumerate(pkg.tables[table].select(key, "name_forms").iter_rows(), 1):
            for form in (forms or "").split("|"):
                if not form or not any(form in t for t in texts):
                    out.append(Finding("name-form", table, i, "name_forms", form, f"{ident}: name form occurs in no article"))
    return out


def _int(v):
    return None if v is None else int(v)


def _check_figure(i, written, value, low, high, qual, qa, qb, na, nb) -> list[Finding]:
    out = []
    if None not in (qa, qb, na, nb) and not (int(qa) <= int(na) < int(nb) <= int(qb)):
        out.append(Finding("figure-number", "figures", i, "number_char_start", na, "the number lies outside its quote"))
    try:
        r = read_number(written)
    except ValueError as e:
        return out + [Finding("figure-number", "figures", i, "number_as_written", written, str(e))]
    value, low, high = _int(value), _int(low), _int(high)
    if r.vague:
        for col, got, want in (("value", value, r.value), ("value_low", low, r.low), ("value_high", high, r.high)):
            if got != want:
                out.append(Finding("figure-number", "figures", i, col, got, f"{written!r} reads as {col} {want}"))
    else:
        if value != r.value:
            out.append(Finding("figure-number", "figures", i, "value", value, f"{written!r} reads as {r.value}"))
        if qual in ("at_most", "less_than") and high != value:
            out.append(Finding("figure-number", "figures", i, "value_high", high, f"{qual}: value_high is the bound {value}"))
    return out
