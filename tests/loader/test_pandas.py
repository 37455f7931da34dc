"""backend="pandas": same data, sensible dtypes; a clear hint when pandas is missing."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

import qantar

pd = pytest.importorskip("pandas", reason="the pandas extra is not installed")


def test_pandas_frame_matches_polars(pkg) -> None:
    for name in qantar.tables():
        polars_frame = qantar.load(name)
        pandas_frame = qantar.load(name, backend="pandas")
        assert isinstance(pandas_frame, pd.DataFrame)
        assert list(pandas_frame.columns) == polars_frame.columns
        assert len(pandas_frame) == polars_frame.height


def test_pandas_dtypes(pkg) -> None:
    events = qantar.load("events", backend="pandas")
    assert events["fatalities"].dtype == "Int64"  # nullable: missing stays <NA>, never float
    assert events["fatalities"].isna().tolist() == [False, True, False, True, False]
    assert events["verified"].dtype == "boolean"
    assert events["latitude"].dtype == "float64"
    assert isinstance(events["event_type"].dtype, pd.CategoricalDtype)
    assert list(events["event_type"].cat.categories) == ["protest", "clash", "arrest", "curfew"]
    assert events["event_type"].cat.ordered is False  # categoriesOrdered not set
    assert pd.api.types.is_datetime64_any_dtype(events["event_date"])
    assert events["event_date"].iloc[0] == pd.Timestamp(2022, 1, 2)
    assert str(events["reported_at"].dt.tz) == "UTC"
    assert events["reported_at"].iloc[0] == pd.Timestamp(dt.datetime(2022, 1, 2, 12, 30, tzinfo=dt.timezone.utc))
    assert events["actors"].iloc[0] == ["residents", "oil workers"]
    assert pd.api.types.is_string_dtype(events["city"])


def test_pandas_ordered_categories(pkg) -> None:
    sources = qantar.load("sources", backend="pandas")
    assert sources["reliability"].cat.ordered is True
    assert list(sources["reliability"].cat.categories) == ["low", "medium", "high"]
    assert sources["language"].cat.ordered is False


def test_load_all_pandas(pkg) -> None:
    frames = qantar.load_all(backend="pandas")
    assert list(frames) == qantar.tables()
    assert all(isinstance(f, pd.DataFrame) for f in frames.values())


@pytest.mark.parametrize("missing", ["pandas", "pyarrow"])
def test_missing_pandas_gives_install_hint(pkg, monkeypatch, missing) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # makes `import <missing>` raise ImportError
    # the hint works before qantar is on PyPI: the extra's own libraries, read from the installed metadata
    hint = r'pip install "pandas>=[\d.]+" "pyarrow>=[\d.]+" \(qantar\'s \'pandas\' extra; or, in a clone of the ' \
           r'repository, pip install -e "\.\[pandas\]"\)'
    with pytest.raises(ImportError, match=hint) as err:
        qantar.load("events", backend="pandas")
    assert err.value.name == missing
    with pytest.raises(ImportError, match=hint):
        qantar.load_all(backend="pandas")
    assert qantar.load("events").height == 5  # polars needs no pandas
