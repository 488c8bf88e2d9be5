"""The journal as CSV, for a spreadsheet or a move to another computer.

One row a day: ``date`` then one column per field (see fields.FIELDS). Scales are written as
numbers (their words are also read back), yes/no as words, the stress practices separated
by semicolons ("none" for none done); an empty cell is an empty field. An import checks
every row first and names each bad one by its line; only a file without problems is saved,
in one transaction, replacing the check-ins of the days it holds.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from planner.storage.atomic import describe_os_error, write_text_atomic

from .fields import FIELD_BY_KEY, KEYS, CheckIn, JournalError, check_day
from .store import JournalStore

DATE_COLUMN = "date"
MAX_ERRORS = 20
MAX_FILE_BYTES = 50 * 1024 * 1024


def to_csv_text(checkins: list[CheckIn]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([DATE_COLUMN, *KEYS])
    for checkin in checkins:
        row = [FIELD_BY_KEY[key].to_text(checkin[key]) for key in KEYS]
        writer.writerow([checkin.day.isoformat(), *row])
    return out.getvalue()


def export_csv(store: JournalStore, path: Path | str) -> int:
    """Writes every check-in to ``path`` (atomically); returns how many."""
    checkins = store.all()
    path = Path(path)
    try:
        write_text_atomic(path, to_csv_text(checkins))
    except OSError as exc:
        raise JournalError(describe_os_error(path, exc)) from exc
    return len(checkins)


def parse_csv_text(text: str, name: str = "the file") -> list[CheckIn]:
    """The check-ins of a CSV text, or JournalError naming each bad line (malformed CSV,
    such as a bare carriage return inside a cell, is one of them)."""
    try:
        return _parse_rows(text, name)
    except csv.Error as exc:
        raise JournalError(f"{name} is not valid CSV ({exc}); nothing was imported.") from exc


def _parse_rows(text: str, name: str) -> list[CheckIn]:
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    header = next(reader, None)
    if header is None:
        raise JournalError(f"{name} is empty.")
    columns = [h.strip().casefold() for h in header]
    if DATE_COLUMN not in columns:
        raise JournalError(f"{name} has no {DATE_COLUMN!r} column in its first line.")
    unknown = [h for h in columns if h and h != DATE_COLUMN and h not in FIELD_BY_KEY]
    if unknown:
        raise JournalError(f"{name}: unknown columns {', '.join(unknown)}.")
    if len(set(columns)) != len(columns):
        raise JournalError(f"{name}: a column appears twice in the first line.")
    errors: list[str] = []
    checkins: list[CheckIn] = []
    seen: dict[object, int] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            errors.append(f"line {line}: {len(row)} cells, but the header names {len(columns)}")
            continue
        cells = dict(zip(columns, row, strict=False))
        try:
            day = check_day(cells.pop(DATE_COLUMN, ""))
            checkin = CheckIn(day, {k: v for k, v in cells.items() if k})
        except JournalError as exc:
            errors.append(f"line {line}: {str(exc).rstrip('.')}")
            continue
        if day in seen:
            errors.append(f"line {line}: {day} is already on line {seen[day]}")
            continue
        seen[day] = line
        checkins.append(checkin)
    if errors:
        more = len(errors) - MAX_ERRORS
        shown = errors[:MAX_ERRORS] + ([f"and {more} more"] if more > 0 else [])
        raise JournalError(f"{name} was not imported, nothing changed: " + "; ".join(shown) + ".")
    return checkins


def import_csv(store: JournalStore, path: Path | str) -> int:
    """Imports ``path`` into the journal in one transaction; returns the number of days."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise JournalError(f"{path} is too large for a journal ({size:,} bytes).")
        data = path.read_bytes()
    except OSError as exc:
        raise JournalError(f"Could not read {path}: {exc.strerror or exc}.") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise JournalError(f"{path} is not UTF-8 text; save it as CSV UTF-8.") from None
    checkins = parse_csv_text(text, path.name)
    return store.save_many(checkins)
