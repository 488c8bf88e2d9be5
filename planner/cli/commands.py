"""The `gutskin` command: the app with no arguments, and subcommands that need no display."""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from planner.errors import PlannerError

EXIT_ERROR = 2
# Output paths that mean "standard output" (for a pipe: `gutskin export-csv w.gutplan -o -`).
STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
# Control characters (C0, DEL, C1) and lone surrogates: never printed as they are, since
# ESC and BEL from a food's name would drive the terminal (retitle it, clear it...).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# The same, less what json.dumps already escapes inside strings (C0), so that the line
# breaks of the indentation stay.
_UNPRINTABLE_IN_JSON = re.compile(r"[\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape such as \\x1b."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100
                            else f"\\u{ord(m[0]):04x}", text)  # fmt: skip


def _say(*parts: object, sep: str = " ", file=None) -> None:
    print(printable(sep.join(str(p) for p in parts)), file=file or sys.stdout)


def _finite(value: object) -> object:
    """JSON-ready data: a number that is not finite becomes None (unknown)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def json_text(data: object) -> str:
    """Strict JSON (no NaN or Infinity), with control characters escaped inside strings
    (json leaves DEL, the C1 controls and lone surrogates raw when ensure_ascii is off)."""
    text = json.dumps(_finite(data), ensure_ascii=False, indent=1, allow_nan=False)
    return _UNPRINTABLE_IN_JSON.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, printable(f"gutskin: {message} (see 'gutskin --help')") + "\n")


class _Version(argparse.Action):
    """--version, reading the version only when asked (see planner.__getattr__)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from planner import __version__

        print(f"gutskin {__version__}")
        parser.exit(0)


def _date(text: str) -> date:
    from planner.core.plan import check_start

    try:
        return check_start(date.fromisoformat(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-30") from None
    except PlannerError as exc:  # out of range
        raise argparse.ArgumentTypeError(str(exc).rstrip(".")) from None


def _tags(text: str) -> frozenset[str]:
    return frozenset(t.strip().casefold() for t in text.split(",") if t.strip())


def build_parser() -> argparse.ArgumentParser:
    from planner.core.foods import CATEGORIES

    parser = _Parser(
        prog="gutskin",
        description="Plan a week of meals for gut and skin. With no command, opens the app.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def prefs(p: argparse.ArgumentParser) -> None:
        p.add_argument("--fiber-target", type=float, metavar="G", help="daily fiber target in g")
        p.add_argument(
            "--acne-prone", action="store_true", help="count extra dairy as a limit food"
        )
        p.add_argument(
            "--avoid",
            type=_tags,
            default=frozenset(),
            metavar="TAGS",
            help="diet tags to avoid, comma-separated (dairy,gluten,fish,soy,nuts,alcohol,animal)",
        )

    p = sub.add_parser("foods", help="list or search foods")
    p.add_argument("--category", choices=CATEGORIES)
    p.add_argument("--search", metavar="TEXT", default="")
    p.add_argument("--all", action="store_true", help="include every SR28 food (8,789)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("score", help="score each day of a plan")
    p.add_argument("plan", type=Path)
    p.add_argument("--json", action="store_true")
    prefs(p)

    p = sub.add_parser("suggest", help="foods that would raise a day's score most")
    p.add_argument("plan", type=Path)
    p.add_argument("--day", type=int, required=True, metavar="N", help="day number, 1 = first day")
    p.add_argument("--top", type=int, default=5, metavar="K")
    p.add_argument("--json", action="store_true")
    prefs(p)

    p = sub.add_parser("new", help="write a new plan file")
    p.add_argument("plan", type=Path)
    p.add_argument("--sample", action="store_true", help="fill it with the sample week")
    p.add_argument("--start", type=_date, help="first day (default: this week's Monday)")
    p.add_argument("--force", action="store_true", help="replace an existing file")

    p = sub.add_parser("import", help="make a plan from a CSV file")
    p.add_argument("csv", type=Path)
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="PLAN", help="'-' for stdout"
    )
    p.add_argument("--start", type=_date, help="first day (default: this week's Monday)")
    p.add_argument("--force", action="store_true", help="replace an existing file")

    p = sub.add_parser("export-csv", help="write a plan as CSV")
    p.add_argument("plan", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="CSV", help="'-' for stdout")
    p.add_argument(
        "--force", action="store_true", help="replace an existing file that is not a CSV"
    )

    p = sub.add_parser("export", help="write a printable PDF: week grid and shopping list")
    p.add_argument("plan", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="PDF", help="'-' for a pipe")
    p.add_argument(
        "--force", action="store_true", help="replace an existing file that is not a PDF"
    )
    p.add_argument("--paper", choices=("a4", "letter"), default="a4")
    p.add_argument("--no-shopping", action="store_true", help="leave out the shopping list")
    p.add_argument("--notes", action="store_true", help="add notes and suggestions per day")
    p.add_argument(
        "--have",
        default="",
        metavar="IDS",
        help="food ids already at home, comma-separated: listed apart from what to buy",
    )
    prefs(p)
    # The calendar and journal commands live in modules of their own, imported only when
    # a command line is parsed: the app's start (no command) never loads them.
    from planner.cli.autoplan import add_autoplan_parser
    from planner.cli.journal import add_journal_parser
    from planner.cli.weeks import add_export_ical_parser, add_weeks_option

    add_weeks_option(p)
    add_export_ical_parser(sub)
    add_journal_parser(sub)
    add_autoplan_parser(sub)
    return parser


def _catalog(include_sr28: bool = True):
    from planner.core.foods import Catalog
    from planner.storage.paths import user_foods_path
    from planner.storage.userfoods import UserFoods

    try:
        user = list(UserFoods.load(user_foods_path()))
    except PlannerError as exc:
        _say(f"gutskin: warning: your own foods were not loaded: {exc}", file=sys.stderr)
        user = []
    return Catalog.load(include_sr28=include_sr28, user_foods=user)


def _evaluator(args: argparse.Namespace, catalog):
    from planner.scoring.evaluator import Evaluator
    from planner.scoring.model import Preferences

    prefs = Preferences(
        fiber_target_g=args.fiber_target, acne_prone=args.acne_prone, avoid_tags=args.avoid
    )
    return Evaluator(catalog, prefs=prefs)


def _is_stdout(path: Path) -> bool:
    return str(path) in STDOUT_NAMES


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    except (OSError, ValueError):
        return False


def _refuse_output(
    output: Path, source: Path, force: bool, looks_mine: Callable[[bytes], bool]
) -> None:
    """Refuse to write ``output``: never over ``source`` (the file being read), and over
    an existing file only with --force, unless ``looks_mine`` says its first bytes are
    what this command writes (an earlier export)."""
    if _is_stdout(output):
        return
    if _same_file(output, source):
        raise PlannerError(f"{output} is the file being read; choose another output file.")
    if force or not os.path.isfile(output):
        return  # nothing there, or not a file: write_atomic names a folder, a pipe...
    try:
        with open(output, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return  # unreadable: the write reports why, if it fails too
    if head and not looks_mine(head):
        raise PlannerError(
            f"{output} already exists and is a file of another kind; use --force to replace it."
        )


def _refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise PlannerError(f"{path} already exists; use --force to replace it.")


def _looks_like_csv(head: bytes) -> bool:
    """An earlier CSV export or a CSV plan: a first line with the columns import needs."""
    from planner.storage.csvio import REQUIRED

    first = head.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace")
    if first.lstrip().startswith("{"):
        return False  # a plan or other JSON file
    columns = {c.strip().strip('"').casefold() for c in first.split(",")}
    return set(REQUIRED) <= columns


def _looks_like_pdf(head: bytes) -> bool:
    return head.startswith(b"%PDF-")


def _write_stdout(data: bytes) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    sys.stdout.flush()
    if stream is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        stream.write(data)
        stream.flush()


def cmd_foods(args: argparse.Namespace) -> int:
    from planner.core.foods import SR28

    catalog = _catalog(include_sr28=args.all or bool(args.search))
    foods = catalog.search(args.search, category=args.category)
    if not args.all and not args.search:
        foods = [f for f in foods if f.origin != SR28]
    if args.json:
        print(json_text([_food_json(f) for f in foods]))
        return 0
    for food in foods:
        fiber = food.nutrients.get("fiber_g")
        fiber_text = "fiber ?" if fiber is None else f"fiber {fiber:.1f} g"
        cats = ", ".join(sorted(food.categories)) or "-"
        name, serving = printable(food.name)[:48], printable(food.serving_label)[:18]
        _say(f"{food.id:<14} {name:<48} {serving:<18} {fiber_text:<12} {cats}")
    print(f"{len(foods)} foods", file=sys.stderr)
    return 0


def _food_json(food) -> dict:
    return {
        "id": food.id,
        "name": food.name,
        "categories": sorted(food.categories),
        "serving": food.serving_label,
        "grams": food.grams,
        "fiber_g": food.nutrients.get("fiber_g"),
        "plant": food.plant,
        "aisle": food.aisle,
        "ndb": food.ndb,
        "tags": sorted(food.tags),
        "limit_kind": food.limit_kind,
        "origin": food.origin,
        "nutrients": food.nutrients,
    }


def score_json(plan, result) -> dict:
    def day_json(d) -> dict:
        return {
            "day": d.day + 1,
            "date": d.date.isoformat(),
            "planned": d.planned,
            "score": None if d.score is None else round(d.score, 1),
            # score = completeness x the sum of the parts' points
            "completeness": round(d.completeness, 3),
            "energy_kcal": round(d.energy_kcal),
            "parts": {
                p.key: {"points": round(p.points, 1), "max": p.max_points, "sentence": p.sentence}
                for p in d.parts
            },
            "limit_doses": {key: round(amount, 1) for key, amount in d.limit_servings.items()},
            "fiber_g": round(d.fiber_g, 1),
            "fiber_unknown": list(d.fiber_unknown),
            "plants": len(d.plants),
            "plant_names": list(d.plants),
            "cultures": {state: list(names) for state, names in d.cultures.items()},
            # null: no food of the day has a known value (unknown, not 0)
            "skin": {s.key: None if s.is_unknown else round(s.share, 3) for s in d.skin},
            # the foods whose value is unknown, per nutrient
            "unknown_values": {key: list(names) for key, names in d.unknown.items()},
            "unknown_foods": list(d.unknown_foods),
            "why": d.why,
            "tip": d.tip,
        }

    weeks = [
        {
            "week": w.week + 1,
            "start": plan.date_of(w.week * 7).isoformat(),
            "average": None if w.average is None else round(w.average, 1),
            "planned_days": w.planned_days,
            "plants": len(w.plants),
            "plants_target": w.plants_target,
            "fermented_days": w.fermented_days,
        }
        for w in result.weeks
    ]
    return {"days": [day_json(d) for d in result.days], "weeks": weeks}


def cmd_score(args: argparse.Namespace) -> int:
    from planner.storage.planfile import load_plan

    plan = load_plan(args.plan)
    catalog = _catalog()
    result = _evaluator(args, catalog).evaluate(plan)
    if args.json:
        print(json_text(score_json(plan, result)))
        return 0
    for week in result.weeks:
        avg = "not planned" if week.average is None else f"average {week.average:.0f}"
        _say(
            f"Week of {plan.date_of(week.week * 7):%a %d %b %Y}: {avg}, "
            f"{len(week.plants)} of {week.plants_target} plants, "
            f"{week.fermented_days} days with a live-culture food"
        )
        for d in week.days:
            head = f"  {d.date:%a %d %b}  "
            if not d.planned:
                _say(head + d.why)
                continue
            _say(head + f"score {d.score:.0f}   fiber {d.fiber_g:.1f} g, {len(d.plants)} plants")
            for part in d.parts:
                points = f"{part.points:4.0f}/{part.max_points:<3.0f}"
                _say(f"      {part.label:<17} {points} {part.sentence}")
            if d.completeness < 1:
                _say(
                    f"      Energy {d.energy_kcal:.0f} kcal: the day counts as "
                    f"{100 * d.completeness:.0f} % complete"
                )
            skin = ", ".join(f"{s.label} {s.text()}" for s in d.skin)
            _say(f"      Skin nutrients (share of daily value): {skin}")
            if d.unknown_foods:
                _say(f"      Not in the catalog: {', '.join(d.unknown_foods)}")
            if d.tip:
                _say(f"      {d.tip}")
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    from planner.storage.planfile import load_plan

    plan = load_plan(args.plan)
    if not 1 <= args.day <= plan.day_count:
        raise PlannerError(f"--day must be 1 to {plan.day_count}.")
    if not 1 <= args.top <= 100:
        raise PlannerError("--top must be 1 to 100.")
    catalog = _catalog()
    suggestions = _evaluator(args, catalog).suggest(plan, args.day - 1, top=args.top, swaps=True)
    if args.json:
        rows = [
            {
                "id": s.food_id,
                "name": s.name,
                "serving": s.serving_label,
                "gain": round(s.gain, 2),
                "new_score": round(s.new_score, 1),
                "reason": s.reason,
                "replaces": s.replaces,
            }
            for s in suggestions
        ]
        print(json_text(rows))
        return 0
    if not suggestions:
        _say("No single food would raise this day's score.")
    for s in suggestions:
        _say(f"+{s.gain:4.1f}  {s.text} [{s.food_id}]: {s.reason}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from planner.core.edits import SetStart
    from planner.core.plan import Plan
    from planner.storage.planfile import dumps, save_plan
    from planner.storage.sample import sample_plan

    if not _is_stdout(args.plan):
        _refuse_overwrite(args.plan, args.force)
    plan = sample_plan(args.start) if args.sample else Plan(args.start)
    if args.start and not args.sample:
        SetStart(args.start).apply(plan)
    if _is_stdout(args.plan):
        _write_stdout(dumps(plan))
        _say(f"Wrote the plan to stdout ({plan.entry_count()} foods).", file=sys.stderr)
        return 0
    save_plan(plan, args.plan)
    _say(f"Wrote {args.plan} ({plan.entry_count()} foods).")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from planner.storage.csvio import import_csv
    from planner.storage.planfile import dumps, save_plan

    if _same_file(args.output, args.csv):  # even with --force: the input would be lost
        raise PlannerError(f"{args.output} is the file being read; choose another output file.")
    if not _is_stdout(args.output):
        _refuse_overwrite(args.output, args.force)
    plan = import_csv(args.csv, _catalog(), start=args.start)
    if _is_stdout(args.output):
        _write_stdout(dumps(plan))
        _say(f"Imported {plan.entry_count()} foods to stdout.", file=sys.stderr)
        return 0
    save_plan(plan, args.output)
    _say(f"Imported {plan.entry_count()} foods into {args.output}.")
    return 0


def cmd_export_csv(args: argparse.Namespace) -> int:
    from planner.storage.csvio import export_csv, export_csv_text
    from planner.storage.planfile import load_plan

    _refuse_output(args.output, args.plan, args.force, _looks_like_csv)
    plan = load_plan(args.plan)
    if _is_stdout(args.output):
        _write_stdout(export_csv_text(plan, _catalog()).encode("utf-8"))
        _say(f"Wrote {plan.entry_count()} rows to stdout.", file=sys.stderr)
        return 0
    export_csv(plan, _catalog(), args.output)
    _say(f"Wrote {args.output} ({plan.entry_count()} rows).")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from planner.cli.weeks import selected_weeks
    from planner.export.pdf import export_pdf, render_pdf
    from planner.storage.planfile import load_plan

    _refuse_output(args.output, args.plan, args.force, _looks_like_pdf)
    to_stdout = _is_stdout(args.output)
    if to_stdout and sys.stdout.isatty():
        raise PlannerError(
            "A PDF is not for a terminal: give a file with -o FILE, or pipe the output."
        )
    plan = load_plan(args.plan)
    catalog = _catalog()
    have = frozenset(part.strip() for part in args.have.split(",") if part.strip())
    unknown = sorted(food_id for food_id in have if food_id not in catalog)
    if unknown:
        raise PlannerError(f"--have: no food has the id {', '.join(unknown)}.")
    options = {
        "paper": args.paper,
        "shopping": not args.no_shopping,
        "notes": args.notes,
        "have": have,
        "weeks": selected_weeks(plan, args.weeks),
    }
    if to_stdout:
        _write_stdout(render_pdf(plan, _evaluator(args, catalog), **options))
        _say("Wrote the PDF to stdout.", file=sys.stderr)
        return 0
    export_pdf(plan, _evaluator(args, catalog), args.output, **options)
    _say(f"Wrote {args.output}.")
    return 0


def cmd_export_ical(args: argparse.Namespace) -> int:
    from planner.cli.weeks import cmd_export_ical as run

    return run(args)


def cmd_journal(args: argparse.Namespace) -> int:
    from planner.cli.journal import cmd_journal as run

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
    "autoplan": cmd_autoplan,
}


def main(
    argv: Sequence[str] | None = None, run_app: Callable[[Path | None], int] | None = None
) -> int:
    """Run a subcommand; with none, ``run_app`` (given by the ui launcher) opens the app."""
    argv = list(sys.argv[1:] if argv is None else argv)
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
                raise PlannerError("no command given; see gutskin --help")
            return run_app(file)
        return COMMANDS[args.command](args)
    except PlannerError as exc:
        # One line, whatever the error holds: several problems are joined with "; ".
        lines = [" ".join(line.split()) for line in str(exc).splitlines() if line.strip()]
        first = f"gutskin: {lines[0] if lines else 'error'}"
        _say(first + "".join(f" {line};" for line in lines[1:]).rstrip(";"), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        # A bug, not bad input: still one line, and the details only when asked for.
        if os.environ.get("GUTSKIN_DEBUG"):
            raise
        _say(
            f"gutskin: unexpected error ({type(exc).__name__}: {exc}); "
            "run again with GUTSKIN_DEBUG=1 for the details",
            file=sys.stderr,
        )
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
