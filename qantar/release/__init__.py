"""Release tooling, used from a checkout through ``qantar release`` (see docs/releasing.md).

* ``versions``: semantic versions, the changelog's entries, and where the version is stated.
* ``previous``: a previous release to compare with: a directory, a zip archive or a git tag.
* ``compare``: what changed since that release, and which bump the change requires.
* ``bump``: the bump step: version, release date, changelog entry and CITATION.cff together.
* ``archive``: reproducible zip files, ``SOURCE_DATE_EPOCH`` and ``SHA256SUMS``.
* ``build``: ``qantar release --out DIR``, everything a release publishes.

Nothing here is imported by ``import qantar``.
"""


class ReleaseError(Exception):
    """A release step that cannot go on; the message says what to do about it."""
