"""The `gutskin` command: the app with no arguments, and subcommands that need no display.

This module holds the parser (build_parser), the table of commands and main. The plan
commands are in planner.cli.plans, what they share in planner.cli.common; the calendar,
journal and recipes commands are in modules of their own, imported only when a command
line is parsed, so that the app's start never loads them."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from planner.cli.common import EXIT_ERROR, STDOUT_NAMES, json_text, printable, say
from planner.cli.plans import (
    cmd_export,
    cmd_export_csv,
    cmd_foods,
    cmd_import,
    cmd_new,
    cmd_score,
    cmd_suggest,
    score_json,
)
from planner.errors import PlannerError
from planner.i18n import LANGUAGES, _, set_language

__all__ = [  # the shared helpers and the plan commands stay importable from here
    "EXIT_ERROR",
    "STDOUT_NAMES",
    "build_parser",
    "cmd_export",
    "cmd_export_csv",
    "cmd_export_ical",
    "cmd_foods",
    "cmd_import",
    "cmd_journal",
    "cmd_new",
    "cmd_recipes",
    "cmd_score",
    "cmd_suggest",
    "json_text",
    "main",
    "printable",
    "score_json",
]


class _Formatter(argparse.HelpFormatter):
    """argparse's help, its "usage:" in the user's language."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        # Translators: before the command's synopsis in --help; keep the space at the end.
        label = _("usage: ")
        super().add_usage(usage, actions, groups, label if prefix is None else prefix)


def _start_help() -> str:  # a message, translated when the parser is built
    return _("first day (default: this week's first day, as your locale counts weeks)")


class _Parser(argparse.ArgumentParser):
    """A parser whose own texts (usage, section titles, -h) are in the user's language:
    argparse reads them from a gettext domain of its own, for which Python ships no
    catalogue. Its error details stay English (they are formatted inside argparse)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS,
            help=_("show this help message and exit"),
        )  # fmt: skip

    def error(self, message: str) -> None:  # type: ignore[override]
        text = _("gutskin: {message} (see 'gutskin --help')").format(message=message)
        self.exit(EXIT_ERROR, printable(text) + "\n")


class _Version(argparse.Action):
    """--version, reading the version only when asked (see planner.__getattr__)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from planner import __version__

        print(f"gutskin {__version__}")
        parser.exit(0)


def _date(text: str) -> date:
    from planner.core.plan import check_start, iso_day

    try:
        return check_start(iso_day(text))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a date like 2026-11-30").format(text=repr(text))
        ) from None
    except PlannerError as exc:  # out of range
        raise argparse.ArgumentTypeError(str(exc).rstrip(".")) from None


def take_language(argv: list[str]) -> str | None:
    """Remove ``--lang LANG`` (or ``--lang=LANG``) from ``argv``, before or after the
    command, and return LANG (None when not given). The language must be set before the
    parser is built, for its help to be in it. Raises PlannerError for ``--lang`` alone."""
    choice = None
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--":
            break  # what follows is an argument, not an option
        if arg == "--lang":
            if index + 1 >= len(argv):
                raise PlannerError(_("--lang needs a language, such as de or fr."))
            choice = argv[index + 1]
            del argv[index : index + 2]
            continue
        if arg.startswith("--lang="):
            choice = arg.partition("=")[2]
            del argv[index]
            continue
        index += 1
    return choice


def _start_language(argv: list[str]) -> None:
    """Speak the language of --lang, else the system's (LC_ALL, LC_MESSAGES, LANG,
    LANGUAGE); an unknown language is one line and exit code 2."""
    choice = take_language(argv)
    try:
        set_language(choice)
    except ValueError as exc:
        raise PlannerError(str(exc)) from None


def _tags(text: str) -> frozenset[str]:
    return frozenset(t.strip().casefold() for t in text.split(",") if t.strip())


def build_parser() -> argparse.ArgumentParser:
    from planner.core.foods import CATEGORIES

    parser = _Parser(
        prog="gutskin",
        description=_("Plan a week of meals for gut and skin. With no command, opens the app."),
    )
    parser.add_argument("--version", action=_Version, nargs=0, help=_("show the version and exit"))
    # Read by main before the parser is built (so that --help is in the language too);
    # declared here for --help only.
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help=_("language of the messages and formats: {languages} (default: the system's)").format(
            languages=", ".join(LANGUAGES)
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def prefs(p: argparse.ArgumentParser) -> None:
        p.add_argument("--fiber-target", type=float, metavar="G", help=_("daily fiber target in g"))
        p.add_argument(
            "--acne-prone", action="store_true", help=_("count extra dairy as a limit food")
        )
        p.add_argument(
            "--avoid",
            type=_tags,
            default=frozenset(),
            metavar="TAGS",
            help=_(
                "diet tags to avoid, comma-separated (dairy,gluten,fish,soy,nuts,alcohol,animal)"
            ),
        )

    p = sub.add_parser("foods", help=_("list or search foods"))
    p.add_argument("--category", choices=CATEGORIES)
    p.add_argument("--search", metavar="TEXT", default="")
    p.add_argument("--all", action="store_true", help=_("include every SR28 food (8,789)"))
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("score", help=_("score each day of a plan"))
    p.add_argument("plan", type=Path)
    p.add_argument("--json", action="store_true")
    prefs(p)

    p = sub.add_parser("suggest", help=_("foods that would raise a day's score most"))
    p.add_argument("plan", type=Path)
    p.add_argument(
        "--day", type=int, required=True, metavar="N", help=_("day number, 1 = first day")
    )
    p.add_argument("--top", type=int, default=5, metavar="K")
    p.add_argument(
        "--dishes",
        type=int,
        default=0,
        metavar="K",
        help=_("also propose up to K recipes (starter and your own), a portion each"),
    )
    p.add_argument("--json", action="store_true")
    prefs(p)

    p = sub.add_parser("new", help=_("write a new plan file"))
    p.add_argument("plan", type=Path)
    p.add_argument("--sample", action="store_true", help=_("fill it with the sample week"))
    p.add_argument("--start", type=_date, help=_start_help())
    p.add_argument("--force", action="store_true", help=_("replace an existing file"))

    p = sub.add_parser("import", help=_("make a plan from a CSV file"))
    p.add_argument("csv", type=Path)
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="PLAN", help=_("'-' for stdout")
    )
    p.add_argument("--start", type=_date, help=_start_help())
    p.add_argument("--force", action="store_true", help=_("replace an existing file"))

    p = sub.add_parser("export-csv", help=_("write a plan as CSV"))
    p.add_argument("plan", type=Path)
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="CSV", help=_("'-' for stdout")
    )
    p.add_argument(
        "--force", action="store_true", help=_("replace an existing file that is not a CSV")
    )

    p = sub.add_parser("export", help=_("write a printable PDF: week grid and shopping list"))
    p.add_argument("plan", type=Path)
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="PDF", help=_("'-' for a pipe")
    )
    p.add_argument(
        "--force", action="store_true", help=_("replace an existing file that is not a PDF")
    )
    p.add_argument("--paper", choices=("a4", "letter"), default="a4")
    p.add_argument("--no-shopping", action="store_true", help=_("leave out the shopping list"))
    p.add_argument("--notes", action="store_true", help=_("add notes and suggestions per day"))
    p.add_argument(
        "--recipes",
        action="store_true",
        help=_("add each planned dish with its ingredients for the portions and its method"),
    )
    p.add_argument(
        "--have",
        default="",
        metavar="IDS",
        help=_("food ids already at home, comma-separated: listed apart from what to buy"),
    )
    prefs(p)
    # The calendar and journal commands live in modules of their own, imported only when
    # a command line is parsed: the app's start (no command) never loads them.
    from planner.cli.autoplan import add_autoplan_parser
    from planner.cli.journal import add_journal_parser
    from planner.cli.recipes import add_recipes_parser
    from planner.cli.weeks import add_export_ical_parser, add_weeks_option

    add_weeks_option(p)
    add_export_ical_parser(sub)
    add_journal_parser(sub)
    add_recipes_parser(sub)
    add_autoplan_parser(sub)
    return parser


def cmd_export_ical(args: argparse.Namespace) -> int:
    from planner.cli.weeks import cmd_export_ical as run

    return run(args)


def cmd_journal(args: argparse.Namespace) -> int:
    from planner.cli.journal import cmd_journal as run

    return run(args)


def cmd_recipes(args: argparse.Namespace) -> int:
    from planner.cli.recipes import cmd_recipes as run

    return run(args)


def cmd_autoplan(args: argparse.Namespace) -> int:
    from planner.cli.autoplan import cmd_autoplan as run

    return run(args)


COMMANDS = {
    "foods": cmd_foods,
    "score": cmd_score,
    "suggest": cmd_suggest,
    "new": cmd_new,
    "import": cmd_import,
    "export-csv": cmd_export_csv,
    "export": cmd_export,
    "export-ical": cmd_export_ical,
    "journal": cmd_journal,
    "recipes": cmd_recipes,
    "autoplan": cmd_autoplan,
}


def main(
    argv: Sequence[str] | None = None, run_app: Callable[[Path | None], int] | None = None
) -> int:
    """Run a subcommand; with none, ``run_app`` (given by the ui launcher) opens the app."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        _start_language(argv)
    except PlannerError as exc:
        say(f"gutskin: {exc}", file=sys.stderr)
        return EXIT_ERROR
    # `gutskin FILE.gutplan` opens that file in the app, like a double-click would.
    file = None
    if len(argv) == 1 and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        file = Path(argv.pop())
    try:
        if not argv and run_app is not None:  # the app: no parser to build
            return run_app(file)
        args = build_parser().parse_args(argv)
        if args.command is None:
            if run_app is None:
                raise PlannerError(_("no command given; see gutskin --help"))
            return run_app(file)
        return COMMANDS[args.command](args)
    except PlannerError as exc:
        # One line, whatever the error holds: several problems are joined with "; ".
        lines = [" ".join(line.split()) for line in str(exc).splitlines() if line.strip()]
        first = f"gutskin: {lines[0] if lines else _('error')}"
        say(first + "".join(f" {line};" for line in lines[1:]).rstrip(";"), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        # A bug, not bad input: still one line, and the details only when asked for.
        if os.environ.get("GUTSKIN_DEBUG"):
            raise
        message = _(
            "gutskin: unexpected error ({error}); run again with GUTSKIN_DEBUG=1 for the details"
        ).format(error=f"{type(exc).__name__}: {exc}")
        say(message, file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
