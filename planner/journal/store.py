"""The journal database: one SQLite file in the user's data folder.

How it is protected:
- WAL mode with synchronous=FULL and one transaction per check-in, so that a check-in
  whose save returned survives the process being killed (and a power cut) at any moment.
- Foreign keys on (a day's stress practices belong to its check-in).
- ``PRAGMA user_version`` holds the schema version; ``SchemaUpgrade`` upgrades it step by
  step in one transaction (planner.journal.schema).
- An integrity check when the journal opens. A damaged file is moved aside (never
  deleted), the newest backup that passes the check is restored, and ``notices`` says so.
- A backup a day with SQLite's online backup API, the last ``KEEP_BACKUPS`` kept.
- The folder is 0700 and the files 0600: readable by the user only (backups, recovery
  and permissions: planner.journal.backups).

The database is opened on first use, not when the object is made, so that the app can
hold a store from start-up without touching the disk before its window is painted.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from planner.i18n import _
from planner.storage.paths import data_dir

from .backups import (
    BACKUP_FOLDER,
    KEEP_BACKUPS,
    backup_files,
    backup_path,
    move_aside,
    private_file,
    private_folder,
    restore_newest,
    write_backup,
)
from .fields import BOOL, FIELDS, MULTI, CheckIn, JournalError
from .schema import SCHEMA_VERSION, SchemaUpgrade, connect, integrity_problem, transaction

# Re-exported: callers import these from here.
SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite database

__all__ = [
    "BACKUP_FOLDER",
    "FILE_NAME",
    "FOLDER_NAME",
    "KEEP_BACKUPS",
    "SCALAR_KEYS",
    "SCHEMA_VERSION",
    "JournalStore",
    "SchemaUpgrade",
    "default_path",
    "journal_folder",
]

FILE_NAME = "journal.sqlite3"
FOLDER_NAME = "journal"


# The check-in columns as stored: every field but the practices, which have their own table
# from version 2.
SCALAR_KEYS: tuple[str, ...] = tuple(f.key for f in FIELDS if f.kind != MULTI)
_BOOL_KEYS = tuple(f.key for f in FIELDS if f.kind == BOOL)


def journal_folder() -> Path:
    return data_dir() / FOLDER_NAME


def default_path() -> Path:
    return journal_folder() / FILE_NAME


class JournalStore:
    """The check-ins, one per day, with rolling backups. Thread-safe; opened on first use."""

    def __init__(self, path: Path | str | None = None, *, backups: bool = True) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.backup_folder = self.path.parent / BACKUP_FOLDER
        self.notices: list[str] = []  # what the user should be told (damage, restore)
        self._backups = backups
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.RLock()

    # -- opening ---------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def open(self) -> JournalStore:
        with self._lock:
            if self._conn is None:
                try:
                    self._open()
                except OSError as exc:
                    # Translators: {reason} is the operating system's own description.
                    message = _("Could not open the journal {path}: {reason}.")
                    reason = exc.strerror or exc
                    raise JournalError(message.format(path=self.path, reason=reason)) from exc
        return self

    def _open(self) -> None:
        private_folder(self.path.parent)
        self._check_target()
        fresh = not self.path.exists() or self.path.stat().st_size == 0
        if not fresh:
            problem = integrity_problem(self.path)
            if problem is not None:
                self._recover(problem)
        private_file(self.path)
        conn = connect(self.path)
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                # Translators: WAL is SQLite's write-ahead log; {mode} the mode it gave.
                message = _("The journal {path} cannot use WAL mode ({mode}).")
                raise JournalError(message.format(path=self.path, mode=mode))
            conn.execute("PRAGMA synchronous = FULL")
            SchemaUpgrade(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            # Translators: {reason} is SQLite's own message (in English).
            message = _("The journal {path} cannot be opened: {reason}.")
            raise JournalError(message.format(path=self.path, reason=exc)) from exc
        except BaseException:
            conn.close()
            raise
        for suffix in ("-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists() and os.name == "posix":
                os.chmod(side, 0o600)
        self._conn = conn
        if self._backups:
            self.backup_if_due()

    def _check_target(self) -> None:
        """Refuse a path that is no journal: not a regular file (a folder, a pipe, a
        device), or a file of text (a plan, a CSV file...) chosen as the journal, which
        would otherwise be taken for a damaged journal and moved aside, a database put in
        its place. The app's own journal, and one with backups of its own, was a journal:
        whatever it holds now is damage, and it is recovered."""
        try:
            info = self.path.stat()
        except FileNotFoundError:
            return
        if not stat.S_ISREG(info.st_mode):
            message = _("{path} is not a file a journal can be kept in; choose a file name.")
            raise JournalError(message.format(path=self.path))
        with open(self.path, "rb") as handle:
            head = handle.read(4096)
        text = bool(head) and not head.startswith(SQLITE_HEADER) and b"\0" not in head
        if text and self.path != default_path() and not self.backups():
            message = _("{path} is not a journal (it holds text); choose another file.")
            raise JournalError(message.format(path=self.path))

    def _recover(self, problem: str) -> None:
        """Moves the damaged file (and its -wal, -shm) aside and restores the newest sound
        backup; with none, the journal starts empty. Either way ``notices`` says so."""
        aside = move_aside(self.path)
        day = restore_newest(self.path, self.backups())
        # Translators: {problem} is SQLite's own message (in English); {day} an ISO date.
        if day is not None:
            message = _(
                "The journal was damaged ({problem}); it was moved aside to {aside}. The "
                "backup of {day} was restored: check-ins after it are missing."
            )
            self.notices.append(message.format(problem=problem, aside=aside, day=day))
        else:
            message = _(
                "The journal was damaged ({problem}); it was moved aside to {aside}. No "
                "sound backup was found: the journal starts empty."
            )
            self.notices.append(message.format(problem=problem, aside=aside))

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> JournalStore:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        self.open()
        assert self._conn is not None
        return self._conn

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # -- backups ---------------------------------------------------------------------------
    def backups(self) -> list[Path]:
        """The backup files, newest first."""
        return backup_files(self.backup_folder, self.path.stem)

    def backup_if_due(self, today: date | None = None) -> Path | None:
        """Makes today's backup unless there is one; keeps the newest ``KEEP_BACKUPS``."""
        target = backup_path(self.backup_folder, today or date.today(), self.path.stem)
        if target.exists():
            return None
        with self._lock:
            write_backup(self.conn, target)
        return target

    # -- reading ---------------------------------------------------------------------------
    def _rows(self, where: str = "", params: tuple[object, ...] = ()) -> list[CheckIn]:
        with self._lock:
            conn = self.conn
            columns = ", ".join(("day", "practices_recorded", *SCALAR_KEYS))
            rows = conn.execute(
                f"SELECT {columns} FROM checkin {where} ORDER BY day", params
            ).fetchall()
            practices: dict[str, set[str]] = {}
            for day, name in conn.execute(f"SELECT day, name FROM practice {where}", params):
                practices.setdefault(day, set()).add(name)
        result = []
        trusted, fromiso = CheckIn.trusted, date.fromisoformat
        for row in rows:
            values = {k: v for k, v in zip(SCALAR_KEYS, row[2:], strict=True) if v is not None}
            for key in _BOOL_KEYS:
                if key in values:
                    values[key] = bool(values[key])
            if row[1]:
                values["practices"] = frozenset(practices.get(row[0], ()))
            result.append(trusted(fromiso(row[0]), values))
        return result

    def columns(self) -> dict[str, list[Any]]:
        """Every check-in column by column, for the analysis: "day" (ISO dates, ascending),
        each field but the practices, and "practice_done" (1 done, 0 none, None empty).
        Five years read this way take a few milliseconds, without a CheckIn per day."""
        with self._lock:
            rows = self.conn.execute(
                f"SELECT day, {', '.join(SCALAR_KEYS)}, CASE WHEN practices_recorded IS NULL "
                "THEN NULL ELSE EXISTS (SELECT 1 FROM practice p WHERE p.day = c.day) END "
                "FROM checkin c ORDER BY day"
            ).fetchall()
        names = ("day", *SCALAR_KEYS, "practice_done")
        if not rows:
            return {name: [] for name in names}
        return dict(zip(names, (list(column) for column in zip(*rows, strict=True)), strict=True))

    def get(self, day: date) -> CheckIn | None:
        rows = self._rows("WHERE day = ?", (day.isoformat(),))
        return rows[0] if rows else None

    def between(self, first: date, last: date) -> list[CheckIn]:
        return self._rows("WHERE day BETWEEN ? AND ?", (first.isoformat(), last.isoformat()))

    def all(self) -> list[CheckIn]:
        return self._rows()

    def days(self) -> list[date]:
        with self._lock:
            rows = self.conn.execute("SELECT day FROM checkin ORDER BY day").fetchall()
        return [date.fromisoformat(r[0]) for r in rows]

    def count(self) -> int:
        with self._lock:
            return int(self.conn.execute("SELECT count(*) FROM checkin").fetchone()[0])

    # -- writing ---------------------------------------------------------------------------
    def _write(self, conn: sqlite3.Connection, checkin: CheckIn, stamp: str) -> None:
        day = checkin.day.isoformat()
        values = [checkin[k] for k in SCALAR_KEYS]
        practices = checkin["practices"]
        recorded = None if practices is None else 1
        columns = ("day", *SCALAR_KEYS, "practices_recorded", "saved_at")
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
        conn.execute(
            f"INSERT INTO checkin ({', '.join(columns)}) VALUES "
            f"({', '.join('?' * len(columns))}) ON CONFLICT(day) DO UPDATE SET {updates}",
            (day, *values, recorded, stamp),
        )
        conn.execute("DELETE FROM practice WHERE day = ?", (day,))
        if practices:
            assert isinstance(practices, frozenset)
            conn.executemany(
                "INSERT INTO practice (day, name) VALUES (?, ?)",
                [(day, name) for name in sorted(practices)],
            )

    def save(self, checkin: CheckIn) -> None:
        """Saves (or replaces) the check-in of its day in one transaction; an empty
        check-in removes the day."""
        if checkin.empty:
            self.delete(checkin.day)
            return
        self.save_many([checkin])

    def save_many(self, checkins: Iterable[CheckIn]) -> int:
        """Saves all of them in one transaction: all or none."""
        stamp = datetime.now().isoformat(timespec="seconds")
        count = 0
        with self._lock:
            conn = self.conn
            try:
                with transaction(conn):
                    for checkin in checkins:
                        self._write(conn, checkin, stamp)
                        count += 1
            except sqlite3.Error as exc:
                raise JournalError(_not_saved(exc)) from exc
        return count

    def delete(self, day: date) -> bool:
        with self._lock:
            conn = self.conn
            try:
                with transaction(conn):
                    gone = conn.execute("DELETE FROM checkin WHERE day = ?", (day.isoformat(),))
            except sqlite3.Error as exc:
                raise JournalError(_not_saved(exc)) from exc
        return gone.rowcount > 0


def _not_saved(exc: Exception) -> str:
    # Translators: {reason} is SQLite's own message (in English).
    return _("The journal could not be saved: {reason}.").format(reason=exc)
