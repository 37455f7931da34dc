"""The real data package at the repository root, one test per resource.

Parametrised over the resources listed in the root ``datapackage.json``; while that file is
absent (before the data is merged) every test here is skipped with the reason.
"""

from __future__ import annotations

import hashlib
import json

import pytest
from conftest import REAL_DESCRIPTOR, REPO, csv_data_rows, real_file_params, real_resource_params
from expected_types import expected_dtype

import qantar

RESOURCES = real_resource_params()


@pytest.mark.parametrize("res", real_file_params())
def test_file_matches_recorded_bytes_and_hash(res) -> None:
    data = (REPO / res["path"]).read_bytes()
    assert len(data) == res["bytes"]
    algorithm, _, digest = res["hash"].partition(":")
    assert algorithm == "sha256"
    assert hashlib.sha256(data).hexdigest() == digest


@pytest.mark.parametrize("res", RESOURCES)
def test_dtypes_match_descriptor(real_root, res) -> None:
    frame = qantar.load(res["name"], verify=True)
    fields = res["schema"]["fields"]
    assert frame.columns == [f["name"] for f in fields]
    for field in fields:
        assert frame.schema[field["name"]] == expected_dtype(field), field["name"]


@pytest.mark.parametrize("res", RESOURCES)
def test_row_count_matches_csv(real_root, res) -> None:
    assert qantar.load(res["name"]).height == csv_data_rows(REPO / res["path"])


@pytest.mark.parametrize("res", RESOURCES)
def test_descriptor_conventions(res) -> None:
    assert res["format"] == "csv" and res["mediatype"] == "text/csv" and res["encoding"] == "utf-8"
    assert res["path"] == f"data/{res['name']}.csv"
    assert res["schema"].get("missingValues") == [""]
    assert res["schema"].get("primaryKey"), "every table needs a primary key"


@pytest.mark.parametrize("res", RESOURCES)
def test_pandas_backend(real_root, res) -> None:
    pd = pytest.importorskip("pandas")
    frame = qantar.load(res["name"], backend="pandas")
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == csv_data_rows(REPO / res["path"])


def test_package_version_and_order(real_root) -> None:
    descriptor = json.loads(REAL_DESCRIPTOR.read_text(encoding="utf-8"))
    assert qantar.data_version == descriptor["version"]
    assert qantar.tables() == [r["name"] for r in descriptor["resources"] if r["type"] == "table"]
    assert "article-000" not in qantar.tables()  # file resources are hashed, not loaded
