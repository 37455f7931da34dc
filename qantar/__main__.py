"""``python -m qantar`` is the ``qantar`` command."""

import sys

from qantar.cli import main

sys.exit(main())
