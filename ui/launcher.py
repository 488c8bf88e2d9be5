"""The `gutskin` entry point: subcommands run without Qt; with no command the app opens."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from planner.cli.commands import main as cli_main
from planner.errors import PlannerError
from planner.i18n import _


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
    return cli_main(argv, run_app=run_app)


if __name__ == "__main__":
    sys.exit(main())
