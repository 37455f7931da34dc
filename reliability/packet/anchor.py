"""Fill quote offsets: python anchor.py ARTICLE.txt "the quote as you typed it"

Prints start, end and the exact article text (spaces may stand for the articles' non-breaking
spaces, straight quotes for typographic ones). With several hits it lists them all.
Offsets are code points into the file decoded as UTF-8 without newline translation:
text[start:end] == exact text.
"""
import re, sys

_SPACE = "[ \u00a0]+"
_QUOTES = {'"': '["“”]', "“": '["“”]', "”": '["“”]', "'": "['‘’]", "‘": "['‘’]", "’": "['‘’]"}

def find_all(text, quote):
    parts = [_SPACE if ch == " " else _QUOTES.get(ch, re.escape(ch)) for ch in quote]
    return [(m.start(), m.end(), m.group(0)) for m in re.finditer("".join(parts), text)]

if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8", newline="") as fh:
        text = fh.read()
    hits = find_all(text, sys.argv[2])
    if not hits:
        print("NOT FOUND"); sys.exit(1)
    for s, e, t in hits:
        print(s, e, repr(t))
