"""Compare two codings of the Qantar articles: align claims by content, measure agreement, list
disagreements; and render the "Coding reliability" page from the codings kept in ``reliability/``.

Needs the ``krippendorff`` package (the ``docs`` and ``test`` extras), not part of the base install.
From a shell: ``python -m qantar.reliability --first PACKAGE --second FOLDER ... --out DIR``.
"""

from .coding import Coding, CodingError, load
from .compare import Result, compare

__all__ = ["Coding", "CodingError", "Result", "compare", "load"]
