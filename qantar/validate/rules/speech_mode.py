"""speech-mode-fits: a statement recorded as ``direct`` or ``partial`` speech has quotation marks in
its quote: words the article puts in the speaker's mouth are printed between quotation marks, and a
passage without any is reported speech (``indirect``). The converse holds for a passage that opens with
a quotation mark: it begins with the speaker's own words ('"Kami menghadapi ...," ungkap Erlan Karin'),
so it is not ``indirect`` (an indirect passage may still quote a word or a name: 'tingkat "merah"'), and
it is ``direct``, not ``partial``; a passage with quotation marks that opens with the reporter's words
('Departemen Luar Negeri AS mengatakan pihaknya "mengikuti dengan cermat" ...') is ``partial``."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

#: straight, curly, low-9 and angle quotation marks, double and single
MARKS = "\"“”„‟«»‘’‚‛‹›'"
#: the double marks a passage of direct speech opens with
OPENING = "\"“„‟«"


def check(inputs: Inputs) -> Iterator[Finding]:
    for span in inputs.model.spans("claim"):
        table = inputs.table(span.table)
        if "speech_mode" not in table.field_names:
            continue
        frame = inputs.strings(span.table).select("speech_mode", span.text).with_row_index("row", offset=1)
        quoted = pl.any_horizontal([pl.col(span.text).str.contains(m, literal=True) for m in MARKS])
        said = frame.filter(pl.col("speech_mode").is_in(["direct", "partial"]) & pl.col(span.text).is_not_null()
                            & ~quoted)
        for row, mode, _quote in said.iter_rows():
            yield Finding(span.table, row, "speech_mode", mode,
                          f"{mode} speech, but its {span.text} has no quotation mark: a passage without one is reported "
                          "(indirect) speech")
        opens = pl.col(span.text).str.strip_chars_start().str.slice(0, 1).is_in(list(OPENING))
        for row, mode, quote in frame.filter((pl.col("speech_mode") == "indirect") & opens).iter_rows():
            yield Finding(span.table, row, "speech_mode", mode,
                          f"indirect speech, but its {span.text} opens with a quotation mark ({quote[:1]!r}): the "
                          "passage begins with the speaker's own words, which is direct (or partial) speech")
        # direct speech is the speaker's words in quotation marks, the attribution after them; partial speech is
        # the reporter's sentence, with some of the speaker's words quoted inside it
        for row, mode, quote in frame.filter(quoted & pl.col(span.text).is_not_null() & (
                ((pl.col("speech_mode") == "direct") & ~opens) | ((pl.col("speech_mode") == "partial") & opens))).iter_rows():
            yield Finding(span.table, row, "speech_mode", mode,
                          f"{mode} speech, but its {span.text} " + (
                              "opens with the reporter's words, quoting the speaker inside them: that is partial speech"
                              if mode == "direct" else "opens with the speaker's own words in quotation marks: that is "
                              "direct speech"))
