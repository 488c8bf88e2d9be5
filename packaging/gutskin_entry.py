"""Entry point of the bundled app: the same `gutskin` command as the installed package."""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
