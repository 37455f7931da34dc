"""Hand a loaded polars frame over in the backend the caller asked for.

polars is the native backend. pandas is optional (``pip install "qantar[pandas]"``) and
imported only when asked for. The pandas frame keeps the descriptor's types: integers stay
integers with ``<NA>`` for missing (``Int64``), booleans are ``boolean``, categories are
``category`` (ordered when the descriptor says ``categoriesOrdered``), dates are
``datetime64[ms]``, datetimes ``datetime64[us, UTC]``, lists are Python lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl

from qantar._descriptor import Resource

if TYPE_CHECKING:
    import pandas as pd

BACKENDS = ("polars", "pandas")
PANDAS_HINT = 'pip install "qantar[pandas]"'


def check(backend: object) -> None:
    """Fail before any work if ``backend`` is unknown or its libraries are missing."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; valid backends: {', '.join(BACKENDS)}")
    if backend == "pandas":
        require_pandas()


def require_pandas() -> None:
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            f'backend="pandas" needs pandas and pyarrow, which are not installed: {PANDAS_HINT}',
            name=exc.name,
        ) from exc


def convert(frame: pl.DataFrame, resource: Resource, backend: str) -> Any:
    if backend == "polars":
        return frame
    return to_pandas(frame, resource)


def to_pandas(frame: pl.DataFrame, resource: Resource) -> pd.DataFrame:
    import pandas as pd
    import pyarrow as pa

    mapper = {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
    out = frame.to_pandas(types_mapper=mapper.get)
    for field in resource.fields:
        if field.categories is not None:
            column = out[field.name]
            out[field.name] = column.cat.as_ordered() if field.categories_ordered else column.cat.as_unordered()
        elif field.type == "list":
            out[field.name] = pd.Series(frame[field.name].to_list(), index=out.index, dtype=object)
    return out
