"""Provenance: every number-like token and every name in the articles is accounted for.

    from qantar.validate._package import Package
    from qantar.provenance import check_coverage, check_name_forms
    cov = check_coverage(Package(root))      # cov.numbers / cov.names: counts per article
    cov.findings + check_name_forms(Package(root))

The quote, hash and figure checks are consistency rules (validators/consistency/*.sql);
these are the checks SQL cannot state, run by `qantar validate` in the same layer.
"""

from qantar.provenance.anchors import Finding, anchored_spans, check_name_forms
from qantar.provenance.corroboration import corroboration
from qantar.provenance.coverage import Coverage, check_coverage

__all__ = ["Coverage", "Finding", "anchored_spans", "check_coverage", "check_name_forms", "corroboration"]
