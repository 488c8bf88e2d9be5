"""`gutskin export-ical` and the `--weeks` option of `gutskin export`.

planner.cli.commands wires these in (build_parser calls ``add_export_ical_parser(sub)`` and
``add_weeks_option(export_parser)``; COMMANDS gets ``"export-ical": cmd_export_ical``; and
cmd_export passes ``weeks=selected_weeks(plan, args.weeks)`` to export_pdf).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from planner.cli.common import load_catalog, looks_like_calendar, refuse_output, resolver_for
from planner.errors import PlannerError
from planner.i18n import _, ngettext

_WEEKS = re.compile(r"^\s*(\d{1,3})\s*(?:-\s*(\d{1,3})\s*)?$")


def parse_weeks(text: str) -> tuple[int, int]:
    """ "2-3" or "2" as the first and last week, counted from 1 (argparse type)."""
    match = _WEEKS.match(text)
    if not match:
        raise argparse.ArgumentTypeError(
            _("{text} is not a week or weeks like 2 or 2-3").format(text=repr(text[:20]))
        )
    first = int(match[1])
    last = int(match[2]) if match[2] else first
    if first < 1 or last < first:
        raise argparse.ArgumentTypeError(
            _("{text}: weeks count from 1, the first before the last (like 2-3)").format(
                text=repr(text.strip()[:20])
            )
        )
    return first, last


def selected_weeks(plan: Any, weeks: tuple[int, int] | None) -> list[int] | None:
    """The weeks of ``plan`` (numbered from 0) that --weeks names, None for all of them;
    raises PlannerError for weeks the plan does not have."""
    if weeks is None:
        return None
    first, last = weeks
    if last > plan.weeks:
        if plan.weeks == 1:
            text = _("--weeks {first}-{last}: the plan has 1 week.")
        else:
            text = _("--weeks {first}-{last}: the plan has weeks 1 to {weeks}.")
        raise PlannerError(text.format(first=first, last=last, weeks=plan.weeks))
    return list(range(first - 1, last))


def add_weeks_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--weeks",
        type=parse_weeks,
        metavar="N-M",
        help=_("print only weeks N to M (counted from 1), with one shopping list for them all"),
    )


def add_export_ical_parser(sub: Any) -> argparse.ArgumentParser:
    """Add `gutskin export-ical PLAN -o FILE.ics [--times ...] [--tz ZONE] [--weeks N-M]`."""
    p: argparse.ArgumentParser = sub.add_parser(
        "export-ical", help=_("write the planned meals as a calendar (.ics)")
    )
    p.add_argument("plan", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="ICS")
    p.add_argument(
        "--times",
        default="",
        metavar="MEAL=HH:MM,...",
        help=_(
            "meal times, e.g. breakfast=07:30,dinner=18:45 "
            "(default breakfast=08:00,lunch=12:30,dinner=19:00,snacks=16:00)"
        ),
    )
    p.add_argument(
        "--tz",
        metavar="ZONE",
        help=_("write times in this time zone, e.g. Europe/Paris (default: floating local times)"),
    )
    p.add_argument(
        "--weeks", type=parse_weeks, metavar="N-M", help=_("only weeks N to M (counted from 1)")
    )
    p.add_argument(
        "--force", action="store_true", help=_("replace an existing file that is not a calendar")
    )
    return p


def cmd_export_ical(args: argparse.Namespace) -> int:
    from planner.core.shopping import weeks_days
    from planner.export.ical import export_ical, parse_times, time_zone
    from planner.storage.planfile import load_plan

    times = parse_times(args.times)  # bad input is refused before any file is read
    time_zone(args.tz)
    refuse_output(args.output, args.plan, args.force, looks_like_calendar)
    plan = load_plan(args.plan)
    weeks = selected_weeks(plan, args.weeks)
    days = None if weeks is None else weeks_days(plan, weeks)
    catalog = load_catalog()
    count = export_ical(
        plan,
        catalog,
        args.output,
        times=times,
        tz=args.tz,
        days=days,
        name_of=resolver_for(catalog).name_of,  # dishes by their names
    )
    print(ngettext("Wrote {file} ({count} meal).", "Wrote {file} ({count} meals).", count).format(
        file=args.output, count=count))  # fmt: skip
    return 0
