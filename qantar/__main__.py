"""``python -m qantar`` is the ``qantar`` command."""

import sys

from qantar.cli import entry

sys.exit(entry())
