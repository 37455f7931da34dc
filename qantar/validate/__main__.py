"""``python -m qantar.validate [PATH] [--fast] [--format json] [--report DIR]``: ``qantar validate``."""

import sys

from qantar.cli.main import main

sys.exit(main(["validate", *sys.argv[1:]]))
