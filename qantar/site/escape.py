"""Data reaches the site as text only: one escaping helper per context a value can land in.

Every value that comes from the package (a cell, a descriptor text, an article, a validation
report, CITATION.cff) goes through one of these on its way into a page:

- ``html_text``: element content and quoted attribute values inside raw HTML blocks (lines that
  open with a block-level tag: Python-Markdown leaves those alone), and the theme's own HTML
  slots (navigation titles, ``page.meta.title``). Line breaks become ``&#10;`` so a value
  never ends a raw block.
- ``md_text``: text Markdown reads (paragraphs, table cells, headings, link text, list items,
  admonitions, inline HTML between Markdown). Every ASCII punctuation character becomes a
  numeric character reference, so Python-Markdown and its extensions (links, images, autolinks,
  reference definitions, emphasis, code spans, attr_list, emoji, abbreviations, tables, lists)
  find no syntax in it, and the browser shows the characters as they were.
- ``svg_text``: ``html_text`` for SVG, inline or a standalone XML file: also replaces the code
  points XML cannot hold.
- ``code_block``: a fenced code block whose fence is longer than any backtick run in the text.
- ``anchor``: an id usable in ``{#id}``, ``id="..."``, ``#fragment`` and file names; plain ids
  (``E001``, ``event_sources``, ``000_a055521902a9584b``) are kept as they are.
- ``url_path``: a relative URL from a path, percent-encoded, so that no scheme (``javascript:``,
  ``data:``) can ever start it.
- ``json_script``: JSON inside ``<script>``: ``<``, ``>``, ``&`` and the line separators as
  ``\\uXXXX`` escapes, so no ``</script>`` or ``<!--`` can end or swallow the element.

tests/site/test_docs_hostile.py builds the site from a package full of payloads and checks each context.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import string
from typing import Any
from urllib.parse import quote

_MARKDOWN = {ord(c): f"&#{ord(c)};" for c in string.punctuation} | {ord("\n"): "&#10;"}
# XML 1.0 allows tab, LF, CR and U+0020 upwards, less the surrogates and U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PLAIN_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


def _lines(value: Any) -> str:
    return "" if value is None else str(value).replace("\r\n", "\n").replace("\r", "\n")


def html_text(value: Any) -> str:
    """``value`` as text in raw HTML, element content or a quoted attribute (``None`` is empty)."""
    return html.escape(_lines(value), quote=True).replace("\n", "&#10;")


def md_text(value: Any) -> str:
    """``value`` as text where Markdown reads it (also valid wherever ``html_text`` is)."""
    return _lines(value).translate(_MARKDOWN)


def svg_text(value: Any) -> str:
    """``value`` as text in SVG, inline or standalone (XML)."""
    return _NOT_XML.sub("\ufffd", html_text(value))


def code_block(body: str, lang: str = "") -> list[str]:
    """Lines of a fenced code block showing ``body`` verbatim, whatever backticks it holds."""
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + lang, *body.rstrip("\n").split("\n"), fence]


def anchor(value: Any) -> str:
    """A safe id for ``value``: unchanged when plain, else its plain part and a short hash."""
    s = "" if value is None else str(value)
    if _PLAIN_ID.fullmatch(s):
        return s
    plain = re.sub(r"[^A-Za-z0-9_-]+", "-", s).strip("-")[:40]
    return f"{plain or 'id'}-{hashlib.sha256(s.encode('utf-8')).hexdigest()[:10]}"


def url_path(path: str, fragment: str | None = None) -> str:
    """A relative URL for ``path`` (and ``#fragment``), percent-encoded; never a scheme."""
    encoded = quote(path, safe="/")
    if encoded.startswith("/"):  # never a URL that leaves the site's folder from its root
        encoded = "." + encoded
    return encoded + (f"#{quote(fragment, safe='')}" if fragment else "")


def json_script(data: Any) -> str:
    """JSON text safe inside a ``<script>`` element."""
    out = json.dumps(data, ensure_ascii=False, indent=1)
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        out = out.replace(ch, esc)
    return out
