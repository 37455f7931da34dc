"""Build hooks for the qantar distribution (read by hatchling, not shipped in the wheel).

* ``DescriptorVersionHook`` makes the data package's ``version`` the distribution version,
  so the version lives in exactly one place: the top-level ``"version"`` of
  ``datapackage.json``.
* ``DataIncludeHook`` force-includes the data package into the wheel as ``qantar/_data/``:
  ``datapackage.json``, ``data/`` and ``articles/`` are required, ``validators/`` is added
  when present.

Editable installs read the data from the repository root instead (see
``qantar/_locate.py``), so they include nothing and, while the repository has no
``datapackage.json`` yet, get the placeholder version ``0.0.0.dev0``. A regular wheel or
sdist is never built without the data.
"""

from __future__ import annotations

import json
import os
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.metadata.plugin.interface import MetadataHookInterface

DESCRIPTOR = "datapackage.json"
REQUIRED = (DESCRIPTOR, "data", "articles")
OPTIONAL = ("validators",)
TARGET = "qantar/_data"
PLACEHOLDER_VERSION = "0.0.0.dev0"


def _descriptor_version(root: str) -> str | None:
    path = os.path.join(root, DESCRIPTOR)
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as fh:
        try:
            descriptor = json.load(fh)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{DESCRIPTOR} is not valid JSON: {exc}") from None
    version = descriptor.get("version") if isinstance(descriptor, dict) else None
    if not isinstance(version, str) or not version.strip():
        raise ValueError(f'{DESCRIPTOR} has no top-level string "version"')
    return version.strip()


class DescriptorVersionHook(MetadataHookInterface):
    PLUGIN_NAME = "custom"

    def update(self, metadata: dict[str, Any]) -> None:
        version = _descriptor_version(self.root)
        metadata["version"] = version if version is not None else PLACEHOLDER_VERSION


class DataIncludeHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return
        missing = [name for name in REQUIRED if not os.path.exists(os.path.join(self.root, name))]
        if missing:
            raise FileNotFoundError(
                f"refusing to build a qantar {self.target_name} without its data; missing at the "
                f"repository root: {', '.join(missing)}"
            )
        if self.target_name != "wheel":
            return  # the sdist carries the repository files as they are
        for name in REQUIRED + OPTIONAL:
            source = os.path.join(self.root, name)
            if os.path.exists(source):
                build_data["force_include"][source] = f"{TARGET}/{name}"
