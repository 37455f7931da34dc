"""Provenance checks: every claim anchored in its article, every number and name accounted for.

    from qantar.provenance import Package, check_anchors, check_coverage
    pkg = Package.read("path/to/package")      # the folder holding datapackage.json
    findings = check_anchors(pkg) + check_coverage(pkg).findings

Each finding names the check, table, 1-based data row, column and offending value.
"""

from qantar.provenance._package import Finding, Package
from qantar.provenance.anchors import check_anchors
from qantar.provenance.corroboration import corroboration
from qantar.provenance.coverage import Coverage, check_coverage

__all__ = ["Coverage", "Finding", "Package", "check_anchors", "check_coverage", "corroboration"]
