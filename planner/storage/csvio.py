"""CSV import and export of a plan, for people who keep plans in a spreadsheet.

Columns: day (1-based number, weekday name, or ISO date), meal, food (id or exact name, or
a recipe's entry id "recipe:<id>"), amount and unit ("serving", "g", "oz", "portion" or one
of the food's household measures; servings when the column is left out). Files written
before amounts had units have a servings column instead of amount and unit, and still
import. Export adds date and name columns, which import ignores.

A spreadsheet runs a cell that starts with "=", "+", "-", "@", a tab or a carriage return
as a formula (CSV injection, see OWASP's "CSV Injection" page). Export writes such a cell
with a "'" before it, which spreadsheets show as text, and import takes that "'" off
again (see ``escape_cell``), so an export imports back exactly.
"""

from __future__ import annotations

import csv
import io
import math
import re
import threading
from collections import Counter
from datetime import date
from pathlib import Path

from planner.core.foods import Catalog
from planner.core.plan import (
    DAYS_PER_WEEK,
    EARLIEST_START,
    LATEST_START,
    MAX_WEEKS,
    MEAL_LABELS,
    MEALS,
    RECIPE_PREFIX,
    UNIT_PORTION,
    UNIT_SERVING,
    Entry,
    Plan,
    check_amount,
    check_entry,
    check_start,
    iso_day,
    max_amount,
    this_monday,
)
from planner.errors import CsvExportError, CsvImportError, PlanError
from planner.i18n import N_, _, format_number, ngettext
from planner.storage.atomic import describe_os_error, write_text_atomic
from planner.storage.files import TextError, check_cancel, decode_text, read_file
from planner.storage.limits import MAX_CELL_ENTRIES, MAX_PLAN_ENTRIES
from planner.storage.strictjson import has_unprintable

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
REQUIRED = ("day", "meal", "food")
# The amount's column: "amount" (with "unit"), or in older files "servings".
AMOUNT_COLUMNS = ("amount", "servings")
MAX_FOOD_ID = 200  # as in a plan file
MAX_ERRORS = 20
MAX_FILE_BYTES = 20 * 1024 * 1024
# A cell a spreadsheet would run as a formula: it starts with one of these (OWASP).
FORMULA_STARTS = "=+-@\t\r"
# A cell that needs one more "'" on export: it starts with a formula character after any
# number of "'". Counting the quotes already there is what keeps the escape reversible: a
# name that really starts with "'=" is written "''=" and read back as "'=".
_ESCAPED = re.compile("'*[" + re.escape(FORMULA_STARTS) + "]")


def escape_cell(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet runs as a formula (see the module's note)."""
    return "'" + text if _ESCAPED.match(text) else text


def unescape_cell(text: str) -> str:
    """The text a cell written by ``escape_cell`` stands for."""
    return text[1:] if text.startswith("'") and _ESCAPED.match(text, 1) else text


def export_csv_text(plan: Plan, catalog: Catalog) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # With "\n" as the line end, Python 3.11's writer leaves a field holding a lone "\r"
    # unquoted, and no reader takes that back: such a row has every field quoted.
    quoting_all = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(["day", "date", "meal", "food", "name", "amount", "unit"])
    for day, meal, _index, entry in plan.entries():
        row = [
            str(day + 1),
            plan.date_of(day).isoformat(),
            MEAL_LABELS[meal],
            escape_cell(entry.food_id),
            escape_cell(catalog.name_of(entry.food_id)),
            f"{entry.amount:g}",
            escape_cell(entry.unit),
        ]
        (quoting_all if any("\r" in cell for cell in row) else writer).writerow(row)
    return out.getvalue()


def export_csv(plan: Plan, catalog: Catalog, path: Path | str) -> None:
    """Write the plan as CSV, atomically; raises CsvExportError."""
    path = Path(path)
    try:
        write_text_atomic(path, export_csv_text(plan, catalog))
    except OSError as exc:
        raise CsvExportError(describe_os_error(path, exc)) from exc


def _day_index(text: str, start: date) -> int:
    value = text.strip()
    if value.isascii() and value.isdigit():  # not "²" or "٣", which int() refuses
        return int(value[:9]) - 1 if len(value) <= 9 else MAX_WEEKS * DAYS_PER_WEEK
    lowered = value.casefold()
    for index, name in enumerate(WEEKDAYS):
        if lowered in (name, name[:3]):
            return (index - start.weekday()) % DAYS_PER_WEEK
    try:
        return (iso_day(value) - start).days
    except ValueError:
        message = _("day {day!r} is not a day number, weekday or date")
        raise PlanError(message.format(day=value[:30])) from None


def _meal(text: str) -> str:
    value = text.strip().casefold()
    if value == "snack":
        value = "snacks"
    if value not in MEALS:
        # Translators: the meals are the words a CSV file may hold: keep them in English.
        message = _("meal {meal!r} is not one of Breakfast, Lunch, Dinner, Snacks")
        raise PlanError(message.format(meal=text[:30]))
    return value


def _amount(text: str, unit: str, column: str) -> float:
    value = text.strip()
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if math.isnan(number):  # float() also reads "nan"
        # Translators: {column} is a CSV column's name, "amount" or "servings".
        raise PlanError(
            _("{column} {value!r} is not a number").format(column=column, value=value[:20])
        )
    return check_amount(min(number, max_amount(unit) * 2), unit)  # "inf", "1e999": too many


def import_csv_text(
    text: str,
    catalog: Catalog,
    *,
    start: date | None = None,
    name: str = "CSV",
    cancel: threading.Event | None = None,
) -> Plan:
    """Build a plan from CSV text. Every bad line is reported (with its number) in one
    CsvImportError, and then nothing is imported. ``cancel`` stops it with Cancelled."""
    if start is None:
        start = this_monday()
    try:
        check_start(start)
    except PlanError:
        # Translators: the dates are ISO 8601 (2026-11-30), as files write them.
        message = _(
            "{name}: the plan would start on {start}, which is not between {earliest} and {latest}."
        )
        raise CsvImportError(
            message.format(
                name=name,
                start=start.isoformat(),
                earliest=EARLIEST_START.isoformat(),
                latest=LATEST_START.isoformat(),
            )
        ) from None
    text = text.removeprefix("\ufeff")  # spreadsheets like to write a BOM
    if not text.strip():
        raise CsvImportError(_("{name}: it is empty.").format(name=name))
    try:
        return _import_rows(text, catalog, start, name, cancel)
    except csv.Error as exc:
        # Translators: {reason} is Python's csv module's own message (in English).
        message = _("{name}: is not valid CSV ({reason}).")
        raise CsvImportError(message.format(name=name, reason=exc)) from exc


def _header(reader: csv.DictReader, name: str) -> list[str]:
    header = [h.strip().casefold() for h in (reader.fieldnames or [])]
    missing = [column for column in REQUIRED if column not in header]
    if not any(column in header for column in AMOUNT_COLUMNS):
        missing.append("amount")
    if missing:
        # Translators: {columns} are CSV column names, which stay in English.
        message = ngettext(
            "{name}: the header lacks the column(s) {columns}.",
            "{name}: the header lacks the column(s) {columns}.",
            len(missing),
        )
        raise CsvImportError(message.format(name=name, columns=", ".join(missing)))
    counts = Counter(header)  # one pass: a header may have 40,000 columns
    twice = [column for column in (*REQUIRED, *AMOUNT_COLUMNS, "unit") if counts[column] > 1]
    if twice:
        message = _("{name}: the header names the column {column} twice.")
        raise CsvImportError(message.format(name=name, column=min(twice)))
    return header


def _name_key(name: str) -> str:
    """A name as Catalog.find_by_name compares it: case and runs of spaces do not count."""
    return " ".join(name.casefold().split())


class _Foods:
    """Food ids by id or exact name. ``Catalog.find_by_name`` looks at every food, which
    for a file of thousands of lines naming foods over the full catalog (8,800 foods)
    took minutes; the names are indexed once, on the first line that needs them."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._by_name: dict[str, list[str]] | None = None

    def id_of(self, text: str) -> str:
        if text in self.catalog:
            return text
        if text.startswith(RECIPE_PREFIX) and len(text) > len(RECIPE_PREFIX):
            if len(text) > MAX_FOOD_ID:
                message = _("the recipe id is longer than {most} characters")
                raise PlanError(message.format(most=MAX_FOOD_ID))
            if has_unprintable(text):  # the plan file's reader refuses it: never write one
                raise PlanError(_("the recipe id holds control characters"))
            return text  # the recipe book, not the catalog, knows it
        if self._by_name is None:
            self._by_name = {}
            for food in self.catalog:
                self._by_name.setdefault(_name_key(food.name), []).append(food.id)
        matches = self._by_name.get(_name_key(text), [])
        if not matches:
            raise PlanError(_("no food is called {name!r}").format(name=text[:60]))
        if len(matches) > 1:
            message = ngettext(
                "{count} food is called {name!r}; use the food id",
                "{count} foods are called {name!r}; use the food id",
                len(matches),
            )
            raise PlanError(message.format(count=len(matches), name=text[:60]))
        return matches[0]


def _import_rows(
    text: str, catalog: Catalog, start: date, name: str, cancel: threading.Event | None
) -> Plan:
    reader = csv.DictReader(io.StringIO(text))
    reader.fieldnames = header = _header(reader, name)
    amount_column = "amount" if "amount" in header else "servings"
    has_unit = amount_column == "amount" and "unit" in header
    columns = (*REQUIRED, amount_column, *(("unit",) if has_unit else ()))
    foods = _Foods(catalog)
    rows: list[tuple[int, str, Entry]] = []
    errors: list[str] = []
    per_cell: Counter[tuple[int, str]] = Counter()
    for number, row in enumerate(reader, start=1):
        line = reader.line_num
        if number % 1000 == 0:
            check_cancel(cancel, N_("Importing {name} was cancelled."), name=name)
        try:
            if None in row:
                raise PlanError(_("it has more fields than the header"))
            if any(row.get(column) is None for column in columns):
                raise PlanError(_("it has fewer fields than the header"))
            cells = {column: unescape_cell(row[column]).strip() for column in columns}
            day = _day_index(cells["day"], start)
            if not 0 <= day < MAX_WEEKS * DAYS_PER_WEEK:
                raise PlanError(_("day {day} is outside the plan").format(day=cells["day"][:30]))
            meal = _meal(cells["meal"])
            food_id = foods.id_of(cells["food"])
            unit = cells.get("unit") or (
                UNIT_PORTION if food_id.startswith(RECIPE_PREFIX) else UNIT_SERVING
            )
            entry = check_entry(
                Entry(food_id, _amount(cells[amount_column], unit, amount_column), unit)
            )
            per_cell[day, meal] += 1
            if per_cell[day, meal] > MAX_CELL_ENTRIES:
                message = _(
                    "{name}: nothing was imported: line {line} puts more than {most} foods "
                    "in one meal."
                )
                raise CsvImportError(message.format(name=name, line=line, most=MAX_CELL_ENTRIES))
            if len(rows) >= MAX_PLAN_ENTRIES:
                message = _(
                    "{name}: nothing was imported: a plan can hold at most {most} foods "
                    "(line {line})."
                )
                most = format_number(MAX_PLAN_ENTRIES, 0)
                raise CsvImportError(message.format(name=name, most=most, line=line))
            rows.append((day, meal, entry))
        except PlanError as exc:
            # Translators: {problem} is what is wrong with that line of the CSV file.
            errors.append(
                _("line {line}: {problem}").format(line=line, problem=str(exc).rstrip("."))
            )
            if len(errors) >= MAX_ERRORS:
                message = ngettext(
                    "(stopped after {count} error)", "(stopped after {count} errors)", MAX_ERRORS
                )
                errors.append(message.format(count=MAX_ERRORS))
                break
    if errors:
        # Translators: {problems} lists the lines with problems, one a line.
        message = _("{name}: nothing was imported.\n{problems}")
        raise CsvImportError(message.format(name=name, problems="\n".join(errors)))
    weeks = max([1] + [day // DAYS_PER_WEEK + 1 for day, _meal, _entry in rows])
    try:  # every row was checked above; this only keeps the reader's one error type
        return Plan.from_entries(start, weeks, rows)
    except PlanError as exc:
        raise CsvImportError(_name_reason(name, str(exc))) from exc


def import_csv_bytes(
    data: bytes,
    catalog: Catalog,
    *,
    start: date | None = None,
    name: str = "CSV",
    cancel: threading.Event | None = None,
) -> Plan:
    """Build a plan from the bytes of a CSV file (UTF-8); raises CsvImportError."""
    try:
        text = decode_text(data, save_as="CSV UTF-8")
    except TextError as exc:
        raise CsvImportError(_name_reason(name, f"{exc}.")) from exc
    if "\x00" in text:
        raise CsvImportError(_("{name}: is not a text file.").format(name=name))
    return import_csv_text(text, catalog, start=start, name=name, cancel=cancel)


def import_csv(
    path: Path | str,
    catalog: Catalog,
    *,
    start: date | None = None,
    cancel: threading.Event | None = None,
) -> Plan:
    """Build a plan from a CSV file; raises CsvImportError, or Cancelled."""
    path = Path(path)
    data = read_file(
        path, MAX_FILE_BYTES, N_("a CSV file of a plan"), error=CsvImportError, cancel=cancel
    )
    return import_csv_bytes(data, catalog, start=start, name=path.name, cancel=cancel)


def _name_reason(name: str, reason: str) -> str:
    # Translators: a file's name and the sentence saying what is wrong with it.
    return _("{name}: {reason}").format(name=name, reason=reason)
