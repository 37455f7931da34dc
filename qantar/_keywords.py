"""``strict_keywords``: reject unknown keyword arguments with a message listing the valid ones.

Python's own message ("got an unexpected keyword argument") does not say what *is* accepted.
The decorated function keeps its explicit signature (``inspect.signature`` and IDEs see it
through ``functools.wraps``).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_BY_KEYWORD = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)


def strict_keywords(func: Callable[P, R]) -> Callable[P, R]:
    params = inspect.signature(func).parameters
    valid = tuple(name for name, p in params.items() if p.kind in _BY_KEYWORD)
    accepted = frozenset(valid)

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        unknown = [k for k in kwargs if k not in accepted]
        if unknown:
            import difflib

            hints = []
            for k in unknown:
                close = difflib.get_close_matches(k, valid, n=1)
                hints.append(f"{k!r} (did you mean {close[0]!r}?)" if close else repr(k))
            noun = "argument" if len(unknown) == 1 else "arguments"
            raise TypeError(
                f"{func.__name__}() got unexpected keyword {noun} {', '.join(hints)}; "
                f"valid keywords: {', '.join(valid) if valid else '(none)'}"
            )
        return func(*args, **kwargs)

    return wrapper
