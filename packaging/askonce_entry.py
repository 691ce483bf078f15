"""The frozen app's entry script (PyInstaller needs a file, not a console-script entry point).

It does what the ``askonce`` console script does: ``app.__main__.main`` parses the command line
and starts the front end, ``sync``, ``audit`` or the other subcommands lazily.
"""

import sys

from app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
