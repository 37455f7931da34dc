"""Name candidates in Indonesian text: capitalised words whose capital letter is not explained by
their place, read by fixed rules (no model, no randomness, no cache).

A capital letter means a name unless the position explains it:
- mid-sentence, a capitalised word is a candidate, common word or not ("Bank Dunia", "Dewan
  Keamanan"), and so is every capitalised word after the first of a run of them;
- at a sentence start (line start, after . ! ? … or :, after an opening quote or bracket) and in a
  title-case or all-capitals line (not one that opens with a label: "Foto: ...", "Kredit: ..."), the capital says nothing: the word is a candidate only when it
  is not an ordinary Indonesian word (:func:`qantar.text.lexicon.is_common`), so
  "Akibatnya" and "Dilema" are not, "Tokayev" is;
- an acronym (two or more letters, all capitals: CSTO, AS) is a candidate wherever it stands,
  except in an all-capitals line;
- a title before a name (Presiden, Menteri, Jenderal, Dr) is not a candidate, nor are the common
  words that complete the office ("Menteri Luar Negeri", "Wakil Perdana Menteri") up to the first
  word that is not common (the country or the name that follows);
- a hyphenated word is one token: capitalised when its first letter is ("Kassym-Jomart",
  "Nur-Sultan"); a capitalised part after a lower-case one ("anti-Rusia") is a candidate from that
  part on; a capitalised part after a hyphen is never an ordinary word;
- single letters (initials) are not candidates; the name around them is.

"Capital" is any upper-case or title-case letter in Unicode, so a name typed with look-alike
letters of another script (Cyrillic А, Greek Α) or full-width forms stays a candidate and, since
it matches no name form written in Latin letters, is reported.

What this cannot see: a line made only of capitalised words and lower-case function words, with
no final full stop, reads as a headline, so a byline such as "Kate Mallinson dari Chatham House"
is read word by word against the common-word list ("Kate" and "House" pass as common); a name made
only of common words standing at a sentence start or in a title-case headline ("Bank Dunia" as the first words of a paragraph: "Dunia" is still caught), a
person named by a common word at a sentence start ("Budi" is vetoed only because the corpus knows
it as a name), and the complement of an office ("Presiden Bank Dunia": only what follows is read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qantar.text.lexicon import is_common

# A word: letters and digits, with inner hyphens and apostrophes (Kassym-Jomart, Jum'at).
WORD = re.compile(r"\w+(?:[-'’]\w+)*")

#: Titles, ranks, honorifics and offices written before a name (lower case; Indonesian and the
#: English ones Indonesian news keeps). The grammar of the reader, not a list of answers.
TITLES = frozenset("""
presiden wapres wakil menteri menlu menhan mendagri perdana kanselir jenderal letnan kolonel mayor
kapten brigadir laksamana marsekal komandan panglima kepala ketua sekretaris sekjen direktur
gubernur bupati walikota wali camat lurah duta dubes juru jubir raja ratu pangeran sultan syekh
tengku teuku raden datuk kiai kyai haji hajah imam ustaz ustadz pendeta pastor uskup kardinal paus bapak ibu pak bu tuan
nyonya nona saudara saudari sdr dr drs dra prof profesor ir hj kh senator hakim jaksa kapolri
kapolda kapolres president vice prime minister secretary general chairman king queen prince
princess sheikh pope mr mrs ms sir
""".split())

#: Words that stay in lower case inside a title-case headline (PUEBI's kata tugas; English too).
FUNCTION_WORDS = frozenset("""
di ke dari dan yang untuk pada atau dengan oleh dalam tentang terhadap bagi antara sebagai secara
karena tetapi serta sejak hingga sampai vs via a an the of and or in on at to for by with from
""".split())

#: Abbreviations whose full stop does not end a sentence (besides single letters: "Tengku Z. Usman").
ABBREVIATIONS = frozenset("dr drs dra prof ir hj kh jl jln no mr mrs ms st sdr bpk yth dll dsb dkk".split())

_ENDS = ".!?…:"
_JOINS = re.compile(r"([-'’])")
_OPENING = "“‘«„‚([{\"'"
_CLOSING = "”’»)]}\"'"


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str


def _capital_part(word: str) -> int | None:
    """Offset in ``word`` where it becomes a candidate-shaped word: 0 when it starts with a
    capital, the start of the first capitalised part after a hyphen otherwise, else None."""
    if word[0].isupper() or word[0].istitle():
        return 0
    if "-" not in word and "'" not in word and "’" not in word:
        return None
    at = 0
    for part in _JOINS.split(word):
        if part[:1].isupper() or part[:1].istitle():
            return at
        at += len(part)
    return None


def _is_acronym(word: str) -> bool:
    return word.isupper() and sum(map(str.isalpha, word)) >= 2


def _starts_sentence(line: str, start: int) -> bool:
    """Whether the word at ``line[start:]`` opens a sentence, a quotation or a bracket."""
    j = start - 1
    if j >= 0 and line[j] in _OPENING:
        return True
    while j >= 0 and (line[j].isspace() or line[j] in _CLOSING or line[j] in "“‘«„‚([{"):
        if line[j] in "“‘«„‚([{":
            return True
        j -= 1
    if j < 0:
        return True
    if line[j] not in _ENDS:
        return False
    if line[j] == ".":
        before = WORD.findall(line[max(0, j - 12):j])
        word = before[-1] if before and line[j - 1].isalnum() else ""
        if len(word) == 1 or word.lower() in ABBREVIATIONS:
            return False
    return True


def _title_case(tokens: list[tuple[int, int, str]], line: str) -> bool:
    """A title-case headline ("Janji Vladimir Putin: Koalisi Militer Akan Cegah Percobaan Kudeta di
    Kazakhstan") or a line in capitals: the whole line, so that its capital letters say nothing.
    A line that opens with a label and a colon (one capitalised word and at most one in lower case:
    "Kredit: Kantor Pers Kepresidenan Kirgistan", "Baca juga: ...") is not one: a credit looks
    like a headline."""
    label = WORD.findall(line[: max(line.find(":"), 0)])
    if 1 <= len(label) <= 2 and not any(_capital_part(w) is not None for w in label[1:]):
        return False
    capitalised, acronyms, headline = 0, True, not line.rstrip().endswith(".")
    for _, _, w in tokens:
        if not w[0].isalpha():
            continue
        if _capital_part(w) == 0:
            capitalised += 1
        elif w.lower() not in FUNCTION_WORDS:
            headline = False
        acronyms = acronyms and _is_acronym(w)
        if not (headline or acronyms):
            return False
    return capitalised >= 2


def candidates(text: str) -> list[Candidate]:
    """Every name candidate of ``text``, in order, with code-point offsets."""
    out: list[Candidate] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        tokens = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(line)]
        flat = _title_case(tokens, line)
        prev_end, in_run, in_office = None, False, False
        for start, end, word in tokens:
            at = _capital_part(word)
            joined = in_run and prev_end is not None and line[prev_end:start].strip() == "" and start > prev_end
            prev_end = end
            if at is None:
                in_run = in_office = False
                continue
            lower = word.lower()
            in_office = joined and in_office
            in_run = True
            if at > 0:  # anti-Rusia, al-Assad: the capitalised part on
                out.append(Candidate(offset + start + at, offset + end, word[at:]))
                in_office = False
                continue
            acronym = _is_acronym(word)
            if len(word) == 1 or "-" not in word and not acronym and lower in TITLES:
                in_office = in_office or len(word) > 1
                continue
            if in_office and not acronym and is_common(word):
                continue  # Menteri [Luar Negeri] Rusia
            in_office = False
            if acronym:
                found = not (flat and is_common(word))
            elif flat or (not joined and _starts_sentence(line, start)):
                found = not is_common(word) or _capitalised_inner(word)
            else:
                found = True
            if found:
                out.append(Candidate(offset + start, offset + end, word))
        offset += len(line)
    return out


def _capitalised_inner(word: str) -> bool:
    return any(part[:1].isupper() for part in _JOINS.split(word)[2::2])
