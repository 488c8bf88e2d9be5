"""Plan files (.gutplan): JSON with a format name and an integer version.

See docs/file-format.md. Loading checks everything and raises PlanFileError with a
message that names the file and the problem; saving is atomic.
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

from .atomic import describe_os_error, write_atomic
from .errors import PlanError, PlanFileError
from .plan import DAYS_PER_WEEK, MAX_WEEKS, MEALS, Entry, Plan, check_servings

FORMAT = "gutskin-plan"
VERSION = 1
EXTENSION = ".gutplan"
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_FOOD_ID = 200


class _Invalid(ValueError):
    pass


def _reject_constant(name: str) -> float:
    raise _Invalid(f"it holds {name}, which is not a number a plan may hold")


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Invalid(f"it holds the number {text[:20]}, which is too large")
    return value


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _Invalid(f"the key {key[:40]!r} appears twice in one object")
        result[key] = value
    return result


def parse_json(data: bytes) -> object:
    """Strict JSON: UTF-8 only, no NaN or Infinity, no duplicate keys. Raises ValueError."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise _Invalid("it starts with a byte-order mark (save it as UTF-8 without BOM)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Invalid("it is not UTF-8 text") from exc
    if not text.strip():
        raise _Invalid("it is empty")
    try:
        return json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_parse_float,
            object_pairs_hook=_no_duplicates,
        )
    except _Invalid:
        raise
    except RecursionError as exc:
        raise _Invalid("it is nested too deeply") from exc
    except ValueError as exc:  # JSONDecodeError, and int() refusing thousands of digits
        message = str(exc)
        if "digits" in message:
            raise _Invalid("it holds a number with too many digits") from exc
        raise _Invalid(f"it is not valid JSON ({message})") from exc


def plan_from_document(document: object) -> Plan:
    """Build a plan from parsed JSON; raises _Invalid (a ValueError) naming the problem."""
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
    if version < 1:
        raise _Invalid(f"its version {version} is not one this app knows")
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
        if not isinstance(food, str) or not food.strip() or len(food) > MAX_FOOD_ID:
            raise _Invalid(f"{where}: the food id is missing or not valid")
        try:
            servings = check_servings(item.get("servings"))
        except PlanError as exc:
            raise _Invalid(f"{where}: {exc}") from exc
        plan._insert(day, meal, len(plan.cell(day, meal)), Entry(food, servings))
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
    }


def dumps(plan: Plan) -> bytes:
    text = json.dumps(plan_to_document(plan), ensure_ascii=False, indent=1, allow_nan=False)
    return (text + "\n").encode("utf-8")


def loads(data: bytes, name: str = "plan") -> Plan:
    try:
        return plan_from_document(parse_json(data))
    except ValueError as exc:
        raise PlanFileError(f"{name}: {exc}.") from exc


def load_plan(path: Path | str) -> Plan:
    """Read a plan file; raises PlanFileError with a message a person understands."""
    path = Path(path)
    try:
        if path.is_dir():
            raise PlanFileError(f"{path.name}: is a folder, not a plan file.")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PlanFileError(f"{path.name}: is too large to be a plan file.")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise PlanFileError(f"{path.name}: the file does not exist.") from exc
    except OSError as exc:
        raise PlanFileError(f"{path.name}: cannot be read ({exc.strerror or exc}).") from exc
    return loads(data, path.name)


def save_plan(plan: Plan, path: Path | str) -> None:
    """Write the plan atomically; raises PlanFileError and leaves any old file intact."""
    path = Path(path)
    try:
        write_atomic(path, dumps(plan))
    except OSError as exc:
        raise PlanFileError(describe_os_error(path, exc)) from exc
