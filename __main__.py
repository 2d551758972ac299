"""``python3 -m neve``: the command line of ``plugin/cli.py`` (the folder holding the plugin on the path)."""
import sys

from .plugin.cli import main

sys.exit(main(prog="python3 -m neve"))
