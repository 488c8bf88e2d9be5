"""The `gutskin` entry point: subcommands run without Qt; with no command the app opens."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from planner.errors import PlannerError
from planner.i18n import _, set_language

EXIT_ERROR = 2  # as the commands' (planner.cli.common)


def run_app(file: Path | None) -> int:
    try:
        from ui.app import run
    except ImportError as exc:
        raise PlannerError(
            _(
                "the desktop app cannot start ({reason}); the commands work without it: "
                "see gutskin --help"
            ).format(reason=exc)
        ) from exc
    return run(file)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:  # the window, as most starts are: no command line to parse
        set_language()  # the system's, as the commands' start speaks it
        try:
            return run_app(None)
        except PlannerError as exc:
            print(f"gutskin: {exc}", file=sys.stderr)
            return EXIT_ERROR
    from planner.cli.commands import main as cli_main

    return cli_main(args, run_app=run_app)


if __name__ == "__main__":
    sys.exit(main())
