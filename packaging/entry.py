"""PyInstaller's entry script: the frozen `briefing-app` runs the same `main` as the installed one."""

import sys

from briefing_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
