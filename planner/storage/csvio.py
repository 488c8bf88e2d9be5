"""CSV import and export of a plan, for people who keep plans in a spreadsheet.

Columns: day (1-based number, weekday name, or ISO date), meal, food (id or exact name),
servings. Export adds date and name columns, which import ignores.
"""

from __future__ import annotations

import csv
import io
import math
from datetime import date
from pathlib import Path

from planner.core.foods import Catalog
from planner.core.plan import (
    DAYS_PER_WEEK,
    MAX_SERVINGS,
    MAX_WEEKS,
    MEAL_LABELS,
    MEALS,
    Entry,
    Plan,
    check_servings,
    this_monday,
)
from planner.errors import CsvImportError, PlanError, PlanFileError
from planner.storage.atomic import describe_os_error, write_text_atomic
from planner.storage.planfile import MAX_CELL_ENTRIES, MAX_PLAN_ENTRIES, read_file

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
REQUIRED = ("day", "meal", "food", "servings")
MAX_ERRORS = 20
MAX_FILE_BYTES = 20 * 1024 * 1024


def export_csv_text(plan: Plan, catalog: Catalog) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["day", "date", "meal", "food", "name", "servings"])
    for day, meal, _index, entry in plan.entries():
        writer.writerow(
            [
                day + 1,
                plan.date_of(day).isoformat(),
                MEAL_LABELS[meal],
                entry.food_id,
                catalog.name_of(entry.food_id),
                f"{entry.servings:g}",
            ]
        )
    return out.getvalue()


def export_csv(plan: Plan, catalog: Catalog, path: Path | str) -> None:
    path = Path(path)
    try:
        write_text_atomic(path, export_csv_text(plan, catalog))
    except OSError as exc:
        raise CsvImportError(describe_os_error(path, exc)) from exc


def _day_index(text: str, start: date) -> int:
    value = text.strip()
    if value.isascii() and value.isdigit():  # not "²" or "٣", which int() refuses
        return int(value[:9]) - 1 if len(value) <= 9 else MAX_WEEKS * DAYS_PER_WEEK
    lowered = value.casefold()
    for index, name in enumerate(WEEKDAYS):
        if lowered in (name, name[:3]):
            return (index - start.weekday()) % DAYS_PER_WEEK
    try:
        return (date.fromisoformat(value) - start).days
    except ValueError:
        raise PlanError(f"day {value[:30]!r} is not a day number, weekday or date") from None


def _meal(text: str) -> str:
    value = text.strip().casefold()
    if value == "snack":
        value = "snacks"
    if value not in MEALS:
        raise PlanError(f"meal {text[:30]!r} is not one of Breakfast, Lunch, Dinner, Snacks")
    return value


def _servings(text: str) -> float:
    value = text.strip()
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if math.isnan(number):  # float() also reads "nan"
        raise PlanError(f"servings {value[:20]!r} is not a number")
    return check_servings(min(number, MAX_SERVINGS * 2))  # "inf", "1e999": too many


def import_csv_text(
    text: str, catalog: Catalog, *, start: date | None = None, name: str = "CSV"
) -> Plan:
    """Build a plan from CSV text. Every bad line is reported (with its number) in one
    CsvImportError, and then nothing is imported."""
    if start is None:
        start = this_monday()
    text = text.removeprefix("\ufeff")  # spreadsheets like to write a BOM
    if not text.strip():
        raise CsvImportError(f"{name}: it is empty.")
    try:
        return _import_rows(text, catalog, start, name)
    except csv.Error as exc:
        raise CsvImportError(f"{name}: is not valid CSV ({exc}).") from exc


def _import_rows(text: str, catalog: Catalog, start: date, name: str) -> Plan:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().casefold() for h in (reader.fieldnames or [])]
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise CsvImportError(f"{name}: the header lacks the column(s) {', '.join(missing)}.")
    twice = sorted({h for h in header if h in REQUIRED and header.count(h) > 1})
    if twice:
        raise CsvImportError(f"{name}: the header names the column {twice[0]} twice.")
    reader.fieldnames = header
    rows: list[tuple[int, str, str, float]] = []
    errors: list[str] = []
    per_cell: dict[tuple[int, str], int] = {}
    for row in reader:
        line = reader.line_num
        try:
            if None in row:
                raise PlanError("it has more fields than the header")
            if any(row.get(column) is None for column in REQUIRED):
                raise PlanError("it has fewer fields than the header")
            day = _day_index(row["day"], start)
            if not 0 <= day < MAX_WEEKS * DAYS_PER_WEEK:
                raise PlanError(f"day {row['day'].strip()[:30]} is outside the plan")
            meal = _meal(row["meal"])
            food_text = row["food"].strip()
            if food_text in catalog:
                food_id = food_text
            else:
                matches = catalog.find_by_name(food_text)
                if not matches:
                    raise PlanError(f"no food is called {food_text[:60]!r}")
                if len(matches) > 1:
                    raise PlanError(
                        f"{len(matches)} foods are called {food_text[:60]!r}; use the food id"
                    )
                food_id = matches[0].id
            servings = _servings(row["servings"])
            per_cell[day, meal] = per_cell.get((day, meal), 0) + 1
            if per_cell[day, meal] > MAX_CELL_ENTRIES:
                raise CsvImportError(
                    f"{name}: nothing was imported: line {line} puts more than "
                    f"{MAX_CELL_ENTRIES} foods in one meal."
                )
            if len(rows) >= MAX_PLAN_ENTRIES:
                raise CsvImportError(
                    f"{name}: nothing was imported: a plan can hold at most "
                    f"{MAX_PLAN_ENTRIES:,} foods (line {line})."
                )
            rows.append((day, meal, food_id, servings))
        except PlanError as exc:
            errors.append(f"line {line}: {str(exc).rstrip('.')}")
            if len(errors) >= MAX_ERRORS:
                errors.append("(stopped after 20 errors)")
                break
    if errors:
        raise CsvImportError(f"{name}: nothing was imported.\n" + "\n".join(errors))
    weeks = max([1] + [day // DAYS_PER_WEEK + 1 for day, *_ in rows])
    plan = Plan(start, weeks)
    for day, meal, food_id, servings in rows:
        plan._insert(day, meal, len(plan.cell(day, meal)), Entry(food_id, servings))
    return plan


def import_csv(path: Path | str, catalog: Catalog, *, start: date | None = None) -> Plan:
    path = Path(path)
    try:
        data = read_file(path, MAX_FILE_BYTES, "a CSV file of a plan")
    except PlanFileError as exc:
        raise CsvImportError(str(exc)) from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CsvImportError(f"{path.name}: is UTF-16 text; save it as CSV UTF-8.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CsvImportError(f"{path.name}: is not UTF-8 text.") from None
    if "\x00" in text:
        raise CsvImportError(f"{path.name}: is not a text file.")
    return import_csv_text(text, catalog, start=start, name=path.name)
