"""Entry script for the frozen app (PyInstaller needs a script, not a module).

Runs the same `run()` as `python -m desktop` and the `compendium` command.
"""

import sys

from desktop.__main__ import run

if __name__ == "__main__":
    sys.exit(run())
