"""Plan files (.gutplan): JSON with a format name and an integer version.

See docs/file-format.md. Loading checks everything and raises PlanFileError with a
message that names the file and the problem; older versions are upgraded in memory
(planner.storage.migrations); saving is atomic.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from planner.core.plan import DAYS_PER_WEEK, MAX_WEEKS, MEALS, Entry, Plan, check_servings
from planner.core.rotations import plan_rules
from planner.errors import PlanError, PlanFileError
from planner.storage import strictjson
from planner.storage.atomic import describe_os_error, write_atomic
from planner.storage.migrations import MigrationError, upgrade
from planner.storage.templatejson import (
    plan_id_from_document,
    rules_from_document,
    rules_to_document,
)

FORMAT = "gutskin-plan"
VERSION = 2
EXTENSION = ".gutplan"
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_FOOD_ID = 200
# A meal of 200 foods or a plan of 20,000 is far past any real week; the limits keep a
# hostile file from tying up the app (the grid and the scores handle far more than this).
MAX_CELL_ENTRIES = 200
MAX_PLAN_ENTRIES = 20_000


class _Invalid(ValueError):
    pass


def limit_problem(plan: Plan, days: Iterable[int] | None = None) -> str:
    """Why ``plan`` holds more than a plan file may (looking only at ``days`` if given).

    The loader refuses such files, so edits are held to the same limits (ui.undo): the app
    never writes a plan it would not open again. Returns "" when all is well.
    """
    if plan.entry_count() > MAX_PLAN_ENTRIES:
        return f"A plan can hold at most {MAX_PLAN_ENTRIES:,} foods."
    for day in range(plan.day_count) if days is None else days:
        if day < plan.day_count and any(
            len(plan.cell(day, meal)) > MAX_CELL_ENTRIES for meal in MEALS
        ):
            return f"A meal can hold at most {MAX_CELL_ENTRIES} foods."
    return ""


def document_version(document: object) -> int:
    """The version of a parsed plan document; raises _Invalid if it is not a plan."""
    if not isinstance(document, dict):
        raise _Invalid("it is not a plan (the top level must be an object)")
    if document.get("format") != FORMAT:
        raise _Invalid("it is not a Gut–Skin plan (the format name is missing or wrong)")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise _Invalid("its version is missing or not a whole number")
    if version > VERSION:
        raise _Invalid(
            f"it was written by a newer version of the app (file version {version}, "
            f"this app reads up to {VERSION})"
        )
    return version


def plan_from_document(document: object) -> Plan:
    """Build a plan from parsed JSON of any known version; raises a ValueError naming the
    problem."""
    version = document_version(document)
    assert isinstance(document, dict)  # document_version checked it
    try:
        document = upgrade(document, version, VERSION)
    except MigrationError as exc:
        raise _Invalid(f"{exc} (a version {version} plan)") from exc
    start_text = document.get("start")
    try:
        start = date.fromisoformat(start_text) if isinstance(start_text, str) else None
    except ValueError:
        start = None
    if start is None:
        raise _Invalid("its start date is missing or not a date like 2026-11-30")
    weeks = document.get("weeks", 1)
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= MAX_WEEKS:
        raise _Invalid(f"its number of weeks must be 1 to {MAX_WEEKS}")
    entries = document.get("entries")
    if not isinstance(entries, list):
        raise _Invalid("it has no list of entries")
    if len(entries) > MAX_PLAN_ENTRIES:
        raise _Invalid(f"it holds {len(entries):,} foods; a plan can hold at most "
                       f"{MAX_PLAN_ENTRIES:,}")  # fmt: skip
    plan = Plan(start, weeks)
    for number, item in enumerate(entries, start=1):
        where = f"entry {number}"
        if not isinstance(item, dict):
            raise _Invalid(f"{where} is not an object")
        day = item.get("day")
        if isinstance(day, bool) or not isinstance(day, int):
            raise _Invalid(f"{where}: day {str(day)[:20]!r} is not a day number")
        if not 0 <= day < weeks * DAYS_PER_WEEK:
            raise _Invalid(f"day {day} does not exist ({where})")
        meal = item.get("meal")
        if meal not in MEALS:
            raise _Invalid(f"{where}: {str(meal)[:20]!r} is not a meal ({', '.join(MEALS)})")
        food = item.get("food")
        if not isinstance(food, str) or not food.strip():
            raise _Invalid(f"{where}: the food id is missing or not valid")
        if len(food) > MAX_FOOD_ID:
            raise _Invalid(f"{where}: the food id is longer than {MAX_FOOD_ID} characters")
        if strictjson.has_unprintable(food):
            raise _Invalid(f"{where}: the food id holds control characters")
        try:
            servings = check_servings(item.get("servings"))
        except PlanError as exc:
            raise _Invalid(f"{where}: {str(exc).rstrip('.')}") from exc
        cell = plan.cell(day, meal)
        if len(cell) >= MAX_CELL_ENTRIES:
            raise _Invalid(f"day {day} {meal} holds more than {MAX_CELL_ENTRIES} foods ({where})")
        plan._insert(day, meal, len(cell), Entry(food, servings))
    # Version 2: who the plan is (calendar exports use it) and its rotation rules.
    plan.id = plan_id_from_document(document)
    plan._rules = rules_from_document(document)
    return plan


def plan_to_document(plan: Plan) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "start": plan.start.isoformat(),
        "weeks": plan.weeks,
        "entries": [
            {"day": day, "meal": meal, "food": entry.food_id, "servings": entry.servings}
            for day, meal, _index, entry in plan.entries()
        ],
        "id": plan.id,
        **rules_to_document(plan_rules(plan)),
    }


def dumps(plan: Plan) -> bytes:
    text = json.dumps(plan_to_document(plan), ensure_ascii=False, indent=1, allow_nan=False)
    return (text + "\n").encode("utf-8")


def read_plan_bytes(data: bytes, name: str = "plan") -> tuple[Plan, int]:
    """The plan in ``data`` and the format version it was written in."""
    try:
        document = strictjson.parse_json(data)  # JsonError is a ValueError
        return plan_from_document(document), document_version(document)
    except ValueError as exc:
        raise PlanFileError(f"{name}: {exc}.") from exc


def loads(data: bytes, name: str = "plan") -> Plan:
    return read_plan_bytes(data, name)[0]


def read_file(path: Path, limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; raises PlanFileError.

    A named pipe or a device would never end (or block): only regular files are read.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise PlanFileError(f"{path.name}: is a folder, not {what}.")
        if not stat.S_ISREG(info.st_mode):
            raise PlanFileError(f"{path.name}: is not a regular file.")
        if info.st_size > limit:
            raise PlanFileError(f"{path.name}: is too large to be {what}.")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError as exc:
        raise PlanFileError(f"{path.name}: the file does not exist.") from exc
    except OSError as exc:
        raise PlanFileError(f"{path.name}: cannot be read ({exc.strerror or exc}).") from exc
    if len(data) > limit:  # it grew while being read
        raise PlanFileError(f"{path.name}: is too large to be {what}.")
    return data


def read_plan(path: Path | str) -> tuple[Plan, int]:
    """Read a plan file: the plan and the format version the file has (older versions are
    upgraded in memory; the file is left as it is). Raises PlanFileError."""
    path = Path(path)
    return read_plan_bytes(read_file(path, MAX_FILE_BYTES, "a plan file"), path.name)


def load_plan(path: Path | str) -> Plan:
    """Read a plan file; raises PlanFileError with a message a person understands."""
    return read_plan(path)[0]


def save_plan(plan: Plan, path: Path | str) -> None:
    """Write the plan atomically; raises PlanFileError and leaves any old file intact."""
    path = Path(path)
    try:
        write_atomic(path, dumps(plan))
    except OSError as exc:
        raise PlanFileError(describe_os_error(path, exc)) from exc
