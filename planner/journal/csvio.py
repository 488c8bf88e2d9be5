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

from planner.i18n import N_, _, ngettext
from planner.storage.atomic import describe_os_error, write_text_atomic
from planner.storage.csvio import escape_cell, unescape_cell
from planner.storage.files import read_file

from .fields import FIELD_BY_KEY, KEYS, TEXT, CheckIn, JournalError, check_day
from .store import JournalStore

DATE_COLUMN = "date"
MAX_ERRORS = 20
MAX_FILE_BYTES = 50 * 1024 * 1024


_TEXT_KEYS = frozenset(key for key in KEYS if FIELD_BY_KEY[key].kind == TEXT)


def to_csv_text(checkins: list[CheckIn]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([DATE_COLUMN, *KEYS])
    for checkin in checkins:
        # A note a spreadsheet would run as a formula ("=HYPERLINK(...)") is written as
        # text, as the plan's CSV export does, and read back as it was.
        texts = [FIELD_BY_KEY[key].to_text(checkin[key]) for key in KEYS]
        row = [escape_cell(t) if k in _TEXT_KEYS else t for k, t in zip(KEYS, texts, strict=True)]
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


def parse_csv_text(text: str, name: str | None = None) -> list[CheckIn]:
    """The check-ins of a CSV text, or JournalError naming each bad line (malformed CSV,
    such as a bare carriage return inside a cell, is one of them)."""
    if name is None:
        name = _("the file")
    try:
        return _parse_rows(text, name)
    except csv.Error as exc:
        # Translators: {reason} is Python's csv module's own message (in English).
        message = _("{name} is not valid CSV ({reason}); nothing was imported.")
        raise JournalError(message.format(name=name, reason=exc)) from exc


def _parse_rows(text: str, name: str) -> list[CheckIn]:
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    header = next(reader, None)
    if header is None:
        raise JournalError(_("{name} is empty.").format(name=name))
    columns = [h.strip().casefold() for h in header]
    if DATE_COLUMN not in columns:
        # Translators: {column} is the CSV column's name, which stays in English.
        message = _("{name} has no {column!r} column in its first line.")
        raise JournalError(message.format(name=name, column=DATE_COLUMN))
    unknown = [h for h in columns if h and h != DATE_COLUMN and h not in FIELD_BY_KEY]
    if unknown:
        # Translators: {columns} are CSV column names, as the file has them.
        message = ngettext(
            "{name}: unknown columns {columns}.", "{name}: unknown columns {columns}.", len(unknown)
        )
        raise JournalError(message.format(name=name, columns=", ".join(unknown)))
    if len(set(columns)) != len(columns):
        raise JournalError(_("{name}: a column appears twice in the first line.").format(name=name))
    errors: list[str] = []
    checkins: list[CheckIn] = []
    seen: dict[object, int] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            message = ngettext(
                "line {line}: {cells} cells, but the header names {count}",
                "line {line}: {cells} cells, but the header names {count}",
                len(columns),
            )
            errors.append(message.format(line=line, cells=len(row), count=len(columns)))
            continue
        cells = dict(zip(columns, row, strict=False))
        try:
            day = check_day(cells.pop(DATE_COLUMN, ""))
            values = {k: unescape_cell(v) if k in _TEXT_KEYS else v for k, v in cells.items() if k}
            checkin = CheckIn(day, values)
        except JournalError as exc:
            # Translators: {problem} is what is wrong with that line of the CSV file.
            message = _("line {line}: {problem}")
            errors.append(message.format(line=line, problem=str(exc).rstrip(".")))
            continue
        if day in seen:
            # Translators: {day} is an ISO date (2026-11-30), as the CSV file writes it.
            message = _("line {line}: {day} is already on line {first}")
            errors.append(message.format(line=line, day=day, first=seen[day]))
            continue
        seen[day] = line
        checkins.append(checkin)
    if errors:
        more = len(errors) - MAX_ERRORS
        if more > 0:
            # Translators: the end of a list of problems: "...; and 3 more".
            errors = [
                *errors[:MAX_ERRORS],
                ngettext("and {count} more", "and {count} more", more).format(count=more),
            ]
        # Translators: {problems} are the problems found, joined by semicolons.
        message = _("{name} was not imported, nothing changed: {problems}.")
        raise JournalError(message.format(name=name, problems="; ".join(errors)))
    return checkins


def import_csv(store: JournalStore, path: Path | str) -> int:
    """Imports ``path`` into the journal in one transaction; returns the number of days."""
    path = Path(path)
    # Bounded, and only a regular file: a named pipe or /dev/zero would never end.
    data = read_file(path, MAX_FILE_BYTES, N_("a journal CSV file"), error=JournalError)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        message = _("{path} is not UTF-8 text; save it as CSV UTF-8.")
        raise JournalError(message.format(path=path)) from None
    checkins = parse_csv_text(text, path.name)
    return store.save_many(checkins)
