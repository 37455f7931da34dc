"""The documentation site's pages, generated from a package folder (the ``docs`` extra).

``pages`` is the one list of pages (navigation titles, and how each is made); ``data.read(root)``
reads the package once through the model; one module per page or family of pages makes its
Markdown: ``home``, ``dictionary`` (with ``erd``), ``tables``, ``timeline``, ``maps``, ``articles``
(with ``passages``), ``discrepancies``, ``validation``, ``rules``, ``cite``, ``changelog``, ``reliability``
(whose figures ``qantar.reliability.page`` computes). ``escape`` makes every value from the data
text in its context, ``links`` names pages and rows and links them, ``render`` holds the shared HTML
pieces, ``downloads`` the files offered byte for byte.

The MkDocs hook docs/_hooks/generate.py is the only part that knows MkDocs: it calls
``data.read`` and ``pages.nav``/``generate``/``fill``/``head``. Nothing here writes a file.
"""
