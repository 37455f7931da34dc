"""``python -m qantar.validate [PATH] [--fast] [--format json] [--report DIR]``."""

import sys

from qantar._commands.validate import main

sys.exit(main())
