"""Plan files (.gutplan): JSON with a format name and an integer version.

See docs/file-format.md. Loading checks everything and raises PlanFileError with a
message that names the file and the problem; older versions are upgraded in memory
(planner.storage.migrations); saving is atomic.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from datetime import date
from pathlib import Path

from planner.core.amounts import Resolver
from planner.core.plan import (
    DAYS_PER_WEEK,
    EARLIEST_START,
    LATEST_START,
    MAX_WEEKS,
    MEALS,
    Entry,
    Plan,
    check_entry,
    check_start,
)
from planner.core.rotations import plan_rules
from planner.errors import PlanError, PlanFileError
from planner.i18n import N_, _, format_number, ngettext
from planner.storage import strictjson
from planner.storage.atomic import describe_os_error, write_atomic
from planner.storage.files import Progress, check_cancel, check_envelope, named, read_file
from planner.storage.limits import MAX_CELL_ENTRIES, MAX_PLAN_ENTRIES
from planner.storage.limits import limit_problem as limit_problem  # kept importable from here
from planner.storage.migrations import OLDEST, MigrationError, upgrade
from planner.storage.templatejson import (
    plan_id_from_document,
    rules_from_document,
    rules_to_document,
)

FORMAT = "gutskin-plan"
VERSION = 3
EXTENSION = ".gutplan"
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_FOOD_ID = 200
PLAN_FIELDS = frozenset({"format", "version", "start", "weeks", "entries"})
# "grams" is the entry's weight when it was known at save time: for people and other
# tools reading the file; the reader trusts amount and unit.
ENTRY_FIELDS = frozenset({"day", "meal", "food", "amount", "unit", "grams"})
# Fields this version does not know are accepted, up to this many values, keys and
# characters in all (a note or two from another tool fits many times over).
UNKNOWN_BUDGET = 1_000_000
# Values and keys a plan file may hold: an entry is an object of six keys and six values
# (thirteen), and unknown fields may add 100,000. Checked before parsing, so that a file of
# millions of tiny values is refused before it takes gigabytes (it takes about 40 MB).
MAX_VALUES = 13 * MAX_PLAN_ENTRIES + 100_000


class _Invalid(ValueError):
    pass


def _unknown_size(value: object, budget: int) -> int:
    """The values, keys and characters in ``value`` (a parsed JSON value), counting each
    value and key as one and each character as one more; stops once past ``budget``."""
    size = 0
    stack = [value]
    while stack and size <= budget:
        item = stack.pop()
        size += 1
        if isinstance(item, str):
            size += len(item)
        elif isinstance(item, dict):
            size += sum(1 + len(key) for key in item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return size


def _check_unknown(document: dict, entries: list) -> None:
    """Fields this version does not know are allowed (a later version or another tool may
    add some), but only within UNKNOWN_BUDGET: a file must not tie up the app with them."""
    unknown = [(key, value) for key, value in document.items() if key not in PLAN_FIELDS]
    for item in entries:
        if isinstance(item, dict):
            unknown.extend((k, v) for k, v in item.items() if k not in ENTRY_FIELDS)
    size = 0
    for key, value in unknown:
        size += 1 + len(key) + _unknown_size(value, UNKNOWN_BUDGET - size)
        if size > UNKNOWN_BUDGET:
            message = _(
                "its fields this app does not know (such as {key!r}) hold more than "
                "{most} values and characters"
            )
            raise _Invalid(message.format(key=key[:40], most=format_number(UNKNOWN_BUDGET, 0)))


def _check_cancel(cancel: threading.Event | None, name: str) -> None:
    check_cancel(cancel, N_("Opening {name} was cancelled."), name=name)


def _start(document: dict) -> date:
    start = strictjson.iso_date(document.get("start"))
    if start is None:
        # Translators: the date is written as the file holds it (ISO 8601): keep it so.
        raise _Invalid(_("its start date is missing or not a date like 2026-11-30"))
    try:
        return check_start(start)
    except PlanError:
        # Translators: the dates are ISO 8601 (2026-11-30), as the file writes them.
        message = _("its start date {start} is not between {earliest} and {latest}")
        raise _Invalid(
            message.format(
                start=start.isoformat(),
                earliest=EARLIEST_START.isoformat(),
                latest=LATEST_START.isoformat(),
            )
        ) from None


def _entry(item: object, number: int, weeks: int) -> tuple[int, str, Entry]:
    # Translators: {number} counts the foods in a plan file ("entry 3").
    where = _("entry {number}").format(number=number)
    if not isinstance(item, dict):
        # Translators: {where} is "entry 3": the third food in the file.
        raise _Invalid(_("{where} is not an object").format(where=where))
    day = item.get("day")
    if isinstance(day, bool) or not isinstance(day, int):
        message = _("{where}: day {day!r} is not a day number")
        raise _Invalid(message.format(where=where, day=str(day)[:20]))
    if not 0 <= day < weeks * DAYS_PER_WEEK:
        raise _Invalid(_("day {day} does not exist ({where})").format(day=day, where=where))
    meal = item.get("meal")
    if meal not in MEALS:
        # Translators: {meals} are the meal names a file holds, which stay in English.
        message = _("{where}: {meal!r} is not a meal ({meals})")
        raise _Invalid(message.format(where=where, meal=str(meal)[:20], meals=", ".join(MEALS)))
    food = item.get("food")
    if not isinstance(food, str) or not food.strip():
        raise _Invalid(_("{where}: the food id is missing or not valid").format(where=where))
    if len(food) > MAX_FOOD_ID:
        message = _("{where}: the food id is longer than {most} characters")
        raise _Invalid(message.format(where=where, most=MAX_FOOD_ID))
    if strictjson.has_unprintable(food):
        raise _Invalid(_("{where}: the food id holds control characters").format(where=where))
    amount, unit = item.get("amount"), item.get("unit")
    if not isinstance(unit, str):
        raise _Invalid(_("{where}: the unit is missing or not a unit").format(where=where))
    try:
        entry = check_entry(Entry(food, amount, unit))  # type: ignore[arg-type]
    except PlanError as exc:
        # Translators: {problem} is what is wrong with that food of the plan file.
        message = _("{where}: {problem}")
        raise _Invalid(message.format(where=where, problem=str(exc).rstrip("."))) from exc
    return day, meal, entry


def plan_and_version(
    document: object,
    *,
    name: str = "plan",
    cancel: threading.Event | None = None,
    progress: Progress | None = None,
) -> tuple[Plan, int]:
    """The plan in parsed JSON of any known version, and that version; raises a
    ValueError naming the problem, or Cancelled. ``progress`` hears the fraction done."""
    document, version = check_envelope(
        document, format=FORMAT, newest=VERSION, oldest=OLDEST, what=N_("a Gut–Skin plan")
    )
    try:
        document = upgrade(document, version, VERSION)
    except MigrationError as exc:
        # Translators: {problem} is what is wrong with the file, from an older version.
        message = _("{problem} (a version {version} plan)")
        raise _Invalid(message.format(problem=exc, version=version)) from exc
    start = _start(document)
    weeks = document.get("weeks", 1)
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= MAX_WEEKS:
        raise _Invalid(_("its number of weeks must be 1 to {most}").format(most=MAX_WEEKS))
    items = document.get("entries")
    if not isinstance(items, list):
        raise _Invalid(_("it has no list of entries"))
    if len(items) > MAX_PLAN_ENTRIES:
        message = ngettext(
            "it holds {count} food; a plan can hold at most {most}",
            "it holds {count} foods; a plan can hold at most {most}",
            len(items),
        )
        count, most = format_number(len(items), 0), format_number(MAX_PLAN_ENTRIES, 0)
        raise _Invalid(message.format(count=count, most=most))
    _check_unknown(document, items)
    entries: list[tuple[int, str, Entry]] = []
    per_cell: Counter[tuple[int, str]] = Counter()
    for number, item in enumerate(items, start=1):
        if number % 1000 == 0:
            _check_cancel(cancel, name)
            if progress is not None:
                progress(number / len(items))
        day, meal, entry = _entry(item, number, weeks)
        per_cell[day, meal] += 1
        if per_cell[day, meal] > MAX_CELL_ENTRIES:
            # Translators: {meal} is the meal's name as the file holds it ("lunch").
            message = _("day {day} {meal} holds more than {most} foods (entry {number})")
            raise _Invalid(message.format(day=day, meal=meal, most=MAX_CELL_ENTRIES, number=number))
        entries.append((day, meal, entry))
    try:  # every entry was checked above; this only keeps the reader's one error type
        plan = Plan.from_entries(
            start,
            weeks,
            entries,
            # Version 2: who the plan is (calendar exports use it) and its rotation rules.
            plan_id=plan_id_from_document(document),
            rules=rules_from_document(document),
        )
        return plan, version
    except PlanError as exc:
        raise _Invalid(str(exc).rstrip(".")) from exc


def plan_from_document(document: object) -> Plan:
    """Build a plan from parsed JSON of any known version; raises a ValueError naming the
    problem."""
    return plan_and_version(document)[0]


def _entry_json(day: int, meal: str, entry: Entry, resolver: Resolver | None) -> dict:
    item: dict[str, object] = {
        "day": day,
        "meal": meal,
        "food": entry.food_id,
        "amount": entry.amount,
        "unit": entry.unit,
    }
    grams = resolver.grams(entry) if resolver is not None else None
    if grams is not None and grams > 0:
        item["grams"] = round(grams, 1)
    return item


def plan_to_document(plan: Plan, resolver: Resolver | None = None) -> dict:
    """The plan as a version 3 document; with ``resolver``, each entry also gives its
    weight in grams where known (informational: the reader trusts amount and unit)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "start": plan.start.isoformat(),
        "weeks": plan.weeks,
        "entries": [
            _entry_json(day, meal, entry, resolver) for day, meal, _index, entry in plan.entries()
        ],
        "id": plan.id,
        **rules_to_document(plan_rules(plan)),
    }


def dumps(plan: Plan, resolver: Resolver | None = None) -> bytes:
    document = plan_to_document(plan, resolver)
    text = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False)
    return (text + "\n").encode("utf-8")


def read_plan_bytes(
    data: bytes,
    name: str = "plan",
    *,
    cancel: threading.Event | None = None,
    progress: Progress | None = None,
) -> tuple[Plan, int]:
    """The plan in ``data`` and the format version it was written in; raises
    PlanFileError, or Cancelled."""
    try:
        document = strictjson.parse_json(data, max_values=MAX_VALUES, cancel=cancel)
        if progress is not None:
            progress(0.0)
        return plan_and_version(document, name=name, cancel=cancel, progress=progress)
    except ValueError as exc:  # JsonError, EnvelopeError and _Invalid are ValueErrors
        raise PlanFileError(named(name, exc)) from exc


def loads(data: bytes, name: str = "plan") -> Plan:
    return read_plan_bytes(data, name)[0]


def read_plan(
    path: Path | str,
    *,
    cancel: threading.Event | None = None,
    progress: Progress | None = None,
) -> tuple[Plan, int]:
    """Read a plan file: the plan and the format version the file has (older versions are
    upgraded in memory; the file is left as it is). Raises PlanFileError.

    For a load on a worker thread: setting ``cancel`` stops it with Cancelled (the file is
    looked at between megabytes read, while it is parsed, and every 1,000 foods), and
    ``progress`` hears the fraction done, from 0 to 1 (reading is the first half).
    """
    path = Path(path)

    def reading(fraction: float) -> None:
        if progress is not None:
            progress(fraction / 2)

    def building(fraction: float) -> None:
        if progress is not None:
            progress(0.5 + fraction / 2)

    data = read_file(
        path, MAX_FILE_BYTES, N_("a plan file"), error=PlanFileError, cancel=cancel,
        progress=reading,
    )  # fmt: skip
    plan, version = read_plan_bytes(data, path.name, cancel=cancel, progress=building)
    if progress is not None:
        progress(1.0)
    return plan, version


def load_plan(path: Path | str) -> Plan:
    """Read a plan file; raises PlanFileError with a message a person understands."""
    return read_plan(path)[0]


def save_plan(plan: Plan, path: Path | str, resolver: Resolver | None = None) -> None:
    """Write the plan atomically (with each entry's grams where ``resolver`` knows them);
    raises PlanFileError and leaves any old file intact."""
    path = Path(path)
    try:
        write_atomic(path, dumps(plan, resolver))
    except OSError as exc:
        raise PlanFileError(describe_os_error(path, exc)) from exc
