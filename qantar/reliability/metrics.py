"""Agreement figures for a list of paired values.

Krippendorff's alpha comes from the ``krippendorff`` package (nominal level): the categories are
coded as integers (the package cannot build a value domain from strings). Alpha is undefined when
the pairs use a single category between them (expected disagreement is zero): it is reported as
``None`` with the reason, next to the raw agreement, which is then 1.0.
"""

from __future__ import annotations

from datetime import date

from .fields import EMPTY


def _alpha(data: list[list[int]]) -> float:
    try:
        import krippendorff
        import numpy as np
    except ImportError as exc:  # the base install is polars only
        from qantar._extras import install_hint

        raise ImportError(f"Krippendorff's alpha needs the krippendorff package: {install_hint('docs')}") from exc
    return float(krippendorff.alpha(reliability_data=np.array(data, dtype=float), level_of_measurement="nominal"))


def nominal(pairs: list[tuple[str, str]]) -> dict:
    n = len(pairs)
    out: dict = {"measure": "nominal", "pairs": n, "agreement": None, "alpha": None}
    if not n:
        out["note"] = "no matched pairs"
        return out
    out["agreement"] = sum(a == b for a, b in pairs) / n
    values = sorted({v for p in pairs for v in p})
    out["categories"] = len(values)
    if len(values) < 2:
        out["note"] = "one category only: alpha undefined"
        return out
    code = {v: k for k, v in enumerate(values)}
    out["alpha"] = _alpha([[code[a] for a, _ in pairs], [code[b] for _, b in pairs]])
    return out


def exact(pairs: list[tuple[str, str]]) -> dict:
    n = len(pairs)
    return {"measure": "exact", "pairs": n,
            "agreement": (sum(_num(a) == _num(b) for a, b in pairs) / n) if n else None,
            "both_empty": sum(a == EMPTY and b == EMPTY for a, b in pairs)}


def interval(pairs: list[tuple[tuple[str, str], tuple[str, str]]]) -> dict:
    n = len(pairs)
    out = {"measure": "interval", "pairs": n, "exact": None, "overlap": None, "both_empty": 0}
    if not n:
        return out
    same = overlap = empty = 0
    for (a0, a1), (b0, b1) in pairs:
        if (a0, a1, b0, b1) == (EMPTY,) * 4:
            empty += 1
            same += 1
            overlap += 1
            continue
        same += (a0, a1) == (b0, b1)
        overlap += overlaps((a0, a1), (b0, b1))
    out.update(exact=same / n, overlap=overlap / n, both_empty=empty)
    return out


def overlaps(a: tuple[str, str], b: tuple[str, str]) -> bool:
    try:
        a0, a1, b0, b1 = (date.fromisoformat(x) for x in (*a, *b))
    except ValueError:  # an empty or malformed end cannot overlap anything
        return False
    return a0 <= b1 and b0 <= a1


def _num(value: str) -> str:
    """'6', '6.0' and ' 6' are one value; anything else is compared as written."""
    try:
        number = float(value)
    except ValueError:
        return value
    return str(int(number)) if number.is_integer() else repr(number)
