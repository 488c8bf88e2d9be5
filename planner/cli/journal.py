"""`gutskin journal`: add a check-in from a script, export and import CSV, print a report.

planner/cli/commands.py wires it in with ``add_journal_parser(sub)`` and
``COMMANDS["journal"] = cmd_journal``. Every handler returns an exit code; an error is one
line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from planner.cli.common import load_catalog, resolver_for
from planner.core.plan import iso_day
from planner.errors import PlannerError
from planner.i18n import _, format_number, ngettext
from planner.journal.fields import BOOL, FIELDS, JournalError

if TYPE_CHECKING:
    from planner.core.plan import Plan
    from planner.journal.store import JournalStore

EXIT_ERROR = 2
DEFAULT_REPORT_DAYS = 90


def _date(text: str) -> date:
    try:
        return iso_day(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a date like 2026-11-30").format(text=repr(text))
        ) from None


def option_name(key: str) -> str:
    return "--" + key.replace("_", "-")


def _field_help(key: str) -> str:
    from planner.journal.fields import FIELD_BY_KEY, NONE_DONE

    # The words are the values typed after the option: they stay as they are.
    field = FIELD_BY_KEY[key]
    label = _(field.label)
    if field.is_scale:
        steps = ", ".join(f"{n + int(field.low)} {w}" for n, w in enumerate(field.words))
        return _("{field}: {steps}").format(field=label, steps=steps)
    if field.kind == BOOL:
        # Translators: "yes" and "no" are the values typed: not translated.
        return _("{field}: yes or no").format(field=label)
    if field.words:
        words = ", ".join(field.words)
        if field.kind == "multi":
            return _("{field}: {words} or {none}").format(field=label, words=words, none=NONE_DONE)
        return _("{field}: {words}").format(field=label, words=words)
    if field.suggestions:
        return _("{field}, free text, e.g. {example}").format(
            field=label, example=field.suggestions[0]
        )
    if field.high:
        # Translators: a number field's help: "Sleep (0–14 h)".
        return _("{field} ({low}–{high} {unit})").format(
            field=label, low=format_number(field.low, 2), high=format_number(field.high, 2),
            unit=field.unit,
        )  # fmt: skip
    return label


def add_journal_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "journal", help=_("the daily check-in journal: add, export, import, report")
    )
    parser.add_argument(
        "--journal", type=Path, metavar="FILE", help=_("the journal database (default: yours)")
    )
    actions = parser.add_subparsers(dest="journal_command", metavar="ACTION", required=True)

    p = actions.add_parser("add", help=_("save a day's check-in (fields not given are kept)"))
    p.add_argument("--date", type=_date, default=None, help=_("the day (default: today)"))
    p.add_argument(
        "--replace", action="store_true", help=_("replace the day's check-in instead of merging")
    )
    for field in FIELDS:
        p.add_argument(
            option_name(field.key),
            dest=field.key,
            metavar="VALUE",
            help=_('{help} ("" empties it)').format(help=_field_help(field.key)),
        )

    p = actions.add_parser("export", help=_("write the journal as CSV"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="CSV")
    p.add_argument(
        "--force", action="store_true", help=_("replace an existing file that is not a CSV")
    )

    p = actions.add_parser("import", help=_("read check-ins from CSV (all rows or none)"))
    p.add_argument("csv", type=Path)

    p = actions.add_parser("report", help=_("write a PDF report for a doctor"))
    p.add_argument("--from", dest="first", type=_date, help=_("first day (default: 90 days ago)"))
    p.add_argument("--to", dest="last", type=_date, help=_("last day (default: today)"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="PDF")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4")
    p.add_argument(
        "--force", action="store_true", help=_("replace an existing file that is not a PDF")
    )
    p.add_argument(
        "--plan",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help=_("a plan file whose weeks and day scores to include (repeatable)"),
    )
    return parser


def _journal_path(args: argparse.Namespace) -> Path:
    from planner.journal.store import default_path

    return Path(args.journal) if args.journal else default_path()


def _store(args: argparse.Namespace) -> JournalStore:
    from planner.journal.store import JournalStore

    store = JournalStore(_journal_path(args))
    store.open()
    for notice in store.notices:
        print(f"gutskin: {notice}", file=sys.stderr)  # the store's message, marked there
    return store


def _with_store(args: argparse.Namespace, work: Callable[[JournalStore], int]) -> int:
    """``work`` done on the journal, closed afterwards whatever happens."""
    store = _store(args)
    try:
        return work(store)
    finally:
        store.close()


def cmd_add(args: argparse.Namespace) -> int:
    from planner.journal.fields import CheckIn

    day = args.date or date.today()
    given = {f.key: getattr(args, f.key) for f in FIELDS if getattr(args, f.key) is not None}
    if not given:
        raise JournalError(_("no field given; see gutskin journal add --help."))
    store = _store(args)
    try:
        old = None if args.replace else store.get(day)
        values = {**(old.values if old else {}), **given}
        checkin = CheckIn(day, {k: v for k, v in values.items() if v != ""})
        store.save(checkin)
    finally:
        store.close()
    filled = len(checkin.values)
    text = ngettext(
        "Saved the check-in of {date} ({count} field).",
        "Saved the check-in of {date} ({count} fields).",
        filled,
    )
    # The day as --date takes it (ISO), so that it can be typed back.
    print(text.format(date=day.isoformat(), count=filled))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from planner.cli.common import looks_like_journal_csv, refuse_output
    from planner.journal.csvio import export_csv

    refuse_output(args.output, _journal_path(args), args.force, looks_like_journal_csv)
    count = _with_store(args, lambda store: export_csv(store, args.output))
    text = ngettext(
        "Wrote {count} check-in to {file}.", "Wrote {count} check-ins to {file}.", count
    )
    print(text.format(count=count, file=args.output))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from planner.journal.csvio import import_csv

    count = _with_store(args, lambda store: import_csv(store, args.csv))
    text = ngettext(
        "Imported {count} check-in from {file}.", "Imported {count} check-ins from {file}.", count
    )
    print(text.format(count=count, file=args.csv))
    return 0


Scores = dict[date, dict[str, float | None]]


def _plans_and_scores(
    paths: list[Path],
) -> tuple[list[tuple[date, Plan]], Scores, Callable[[str], str] | None]:
    """The plans in ``paths`` as (start, plan) and their day scores as the plain mapping."""
    if not paths:
        return [], {}, None
    from planner.journal.analysis import scores_mapping
    from planner.scoring.evaluator import Evaluator
    from planner.storage.planfile import load_plan

    catalog = load_catalog()
    resolver = resolver_for(catalog)  # dishes in the plans count by their ingredients
    evaluator = Evaluator(catalog, resolver=resolver)
    plans: list[tuple[date, Plan]] = []
    scores: Scores = {}
    for path in paths:
        plan = load_plan(path)
        plans.append((plan.start, plan))
        scores.update(scores_mapping(evaluator.evaluate(plan, tips=False).days))
    return plans, scores, resolver.name_of


def cmd_report(args: argparse.Namespace) -> int:
    from planner.cli.common import looks_like_pdf, refuse_output, same_file
    from planner.export.journal_report import export_journal_report

    for plan in args.plan:  # even with --force: the plan read would be lost
        if same_file(args.output, plan):
            message = _("{file} is the file being read; choose another output file.")
            raise JournalError(message.format(file=args.output))
    refuse_output(args.output, _journal_path(args), args.force, looks_like_pdf)
    last = args.last or date.today()
    try:
        first = args.first or last - timedelta(DEFAULT_REPORT_DAYS - 1)
    except OverflowError:  # --to in the first days of year 1
        first = date.min
    if first > last:
        raise JournalError(_("--from {first} is after --to {last}.").format(first=first, last=last))
    plans, scores, food_name = _plans_and_scores(args.plan)
    store = _store(args)
    try:
        checkins = store.between(first, last)
    finally:
        store.close()
    export_journal_report(
        args.output,
        checkins,
        first,
        last,
        scores=scores,
        plans=[(start, plan) for start, plan in plans],
        food_name=food_name,
        paper=args.paper,
    )
    count = len(checkins)
    text = ngettext(
        "Wrote {file} ({count} check-in, {first} to {last}).",
        "Wrote {file} ({count} check-ins, {first} to {last}).",
        count,
    )
    # The days as --from and --to take them (ISO).
    print(text.format(file=args.output, count=count, first=first, last=last))
    return 0


ACTIONS = {"add": cmd_add, "export": cmd_export, "import": cmd_import, "report": cmd_report}


def cmd_journal(args: argparse.Namespace) -> int:
    """Runs ``gutskin journal ACTION``; errors are one line on stderr and exit code 2."""
    try:
        return ACTIONS[args.journal_command](args)
    except PlannerError as exc:
        text = " ".join(str(exc).split())
        print(f"gutskin: {text}", file=sys.stderr)
        return EXIT_ERROR
