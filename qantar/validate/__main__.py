"""``python -m qantar.validate [PATH] [--fast] [--format json] [--report DIR]``: ``qantar validate``."""

import sys

from qantar.cli.main import entry

sys.exit(entry(["validate", *sys.argv[1:]]))
