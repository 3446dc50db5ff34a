"""Entry script for the frozen app (PyInstaller needs a script, not a module).

Runs the same `main()` as `python -m desktop` and the `compendium` command.
"""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
