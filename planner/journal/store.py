"""The journal database: one SQLite file in the user's data folder.

How it is protected:
- WAL mode with synchronous=FULL and one transaction per check-in, so that a check-in
  whose save returned survives the process being killed (and a power cut) at any moment.
- Foreign keys on (a day's stress practices belong to its check-in).
- ``PRAGMA user_version`` holds the schema version; ``SchemaUpgrade`` runs one method per
  step, ``upgrade_version_N`` taking version N to N + 1, all in one exclusive transaction
  that rolls back if any step fails (the pattern of calibre's ``SchemaUpgrade``).
- An integrity check when the journal opens. A damaged file is moved aside (never
  deleted), the newest backup that passes the check is restored, and ``notices`` says so.
- A backup a day with SQLite's online backup API, the last ``KEEP_BACKUPS`` kept.
- The folder is 0700 and the files 0600: readable by the user only.

The database is opened on first use, not when the object is made, so that the app can
hold a store from start-up without touching the disk before its window is painted.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from planner.storage.paths import data_dir

from .fields import BOOL, FIELDS, MULTI, CheckIn, JournalError

SCHEMA_VERSION = 2
FILE_NAME = "journal.sqlite3"
FOLDER_NAME = "journal"
BACKUP_FOLDER = "backups"
KEEP_BACKUPS = 7
BUSY_TIMEOUT_S = 5.0

# The check-in columns as stored: every field but the practices, which have their own table
# from version 2.
SCALAR_KEYS: tuple[str, ...] = tuple(f.key for f in FIELDS if f.kind != MULTI)
_BOOL_KEYS = tuple(f.key for f in FIELDS if f.kind == BOOL)


def journal_folder() -> Path:
    return data_dir() / FOLDER_NAME


def default_path() -> Path:
    return journal_folder() / FILE_NAME


def _private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(folder, 0o700)


def _private_file(path: Path) -> None:
    """Creates ``path`` empty with mode 0600 if it is missing, and makes it 0600."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    if os.name == "posix":
        os.chmod(path, 0o600)


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: this module opens every transaction itself (BEGIN ... COMMIT).
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection, kind: str = "IMMEDIATE") -> Iterator[None]:
    conn.execute(f"BEGIN {kind}")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


class SchemaUpgrade:
    """Brings a database from its ``user_version`` to ``SCHEMA_VERSION``, one step at a
    time, in one exclusive transaction: after an error the file is as it was."""

    def __init__(self, conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> None:
        self.conn = conn
        if self.user_version == target:
            return  # the usual case: no write lock taken, another app window may be writing
        with _transaction(conn, "EXCLUSIVE"):
            version = self.user_version
            if version > SCHEMA_VERSION:
                raise JournalError(
                    f"The journal was written by a newer version of the app (schema "
                    f"{version}, this one knows {SCHEMA_VERSION}); update the app to open it."
                )
            while version < target:
                getattr(self, f"upgrade_version_{version}")()
                version += 1
                conn.execute(f"PRAGMA user_version = {version}")
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise JournalError(f"The journal's upgrade left {len(problems)} broken links.")

    @property
    def user_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def upgrade_version_0(self) -> None:
        """Version 1: one row a day, every field a column, the practice a single word.

        The columns are written out here, not taken from fields.FIELDS: a step must make the
        same schema forever, and a new field comes with a new step."""
        self.conn.execute(
            """CREATE TABLE checkin (
    day TEXT PRIMARY KEY NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    skin_breakouts INTEGER,
    skin_redness INTEGER,
    skin_dryness INTEGER,
    skin_itch INTEGER,
    skin_oiliness INTEGER,
    gut_bloating INTEGER,
    gut_discomfort INTEGER,
    gut_reflux INTEGER,
    gut_stool INTEGER,
    mood INTEGER,
    energy INTEGER,
    sleep_hours REAL,
    stress INTEGER,
    water_glasses INTEGER,
    movement_minutes INTEGER,
    movement_kind TEXT,
    alcohol_drinks REAL,
    antibiotics INTEGER,
    supplements TEXT,
    ate_as_planned TEXT,
    plan_note TEXT,
    stress_practice TEXT,
    saved_at TEXT NOT NULL
)"""
        )

    def upgrade_version_1(self) -> None:
        """Version 2: several stress practices a day, in a table of their own linked to the
        check-in; ``practices_recorded`` keeps "none done" (1, no rows) apart from empty."""
        c = self.conn
        c.execute("ALTER TABLE checkin ADD COLUMN practices_recorded INTEGER")
        c.execute(
            """CREATE TABLE practice (
    day TEXT NOT NULL REFERENCES checkin(day) ON DELETE CASCADE ON UPDATE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (day, name)
) WITHOUT ROWID"""
        )
        c.execute("UPDATE checkin SET practices_recorded = 1 WHERE stress_practice IS NOT NULL")
        c.execute(
            "INSERT INTO practice (day, name) SELECT day, lower(trim(stress_practice)) "
            "FROM checkin WHERE stress_practice IS NOT NULL "
            "AND lower(trim(stress_practice)) NOT IN ('', 'none')"
        )
        c.execute("ALTER TABLE checkin DROP COLUMN stress_practice")


def _read_only(path: Path) -> str:
    # as_uri() percent-encodes "?", "#" and spaces, which would cut a bare "file:" URI short.
    return path.resolve().as_uri() + "?mode=ro"


def _integrity_problem(path: Path) -> str | None:
    """None when ``path`` is a sound SQLite database, else what is wrong with it."""
    try:
        conn = sqlite3.connect(_read_only(path), uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            conn.execute("PRAGMA user_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        # Damage is SQLITE_CORRUPT or SQLITE_NOTADB. A locked or unreadable file is not
        # damaged: it must stay where it is, and the user is told why it cannot be opened.
        name = str(getattr(exc, "sqlite_errorname", ""))
        if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
            return str(exc)
        if isinstance(exc, sqlite3.OperationalError) or name.startswith(
            ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_IOERR")
        ):
            raise JournalError(f"The journal {path} cannot be opened now: {exc}.") from exc
        return str(exc)
    if rows != [("ok",)]:
        return "; ".join(str(r[0]) for r in rows[:3])
    return None


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
                    raise JournalError(
                        f"Could not open the journal {self.path}: {exc.strerror or exc}."
                    ) from exc
        return self

    def _open(self) -> None:
        _private_folder(self.path.parent)
        fresh = not self.path.exists() or self.path.stat().st_size == 0
        if not fresh:
            problem = _integrity_problem(self.path)
            if problem is not None:
                self._recover(problem)
        _private_file(self.path)
        conn = _connect(self.path)
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise JournalError(f"The journal {self.path} cannot use WAL mode ({mode}).")
            conn.execute("PRAGMA synchronous = FULL")
            SchemaUpgrade(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise JournalError(f"The journal {self.path} cannot be opened: {exc}.") from exc
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

    def _recover(self, problem: str) -> None:
        """Moves the damaged file (and its -wal, -shm) aside and restores the newest sound
        backup; with none, the journal starts empty. Either way ``notices`` says so."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        os.replace(self.path, aside)
        for suffix in ("-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                os.replace(side, aside.with_name(aside.name + suffix))
        message = f"The journal was damaged ({problem}); it was moved aside to {aside}."
        for backup in self.backups():
            if _integrity_problem(backup) is None:
                _private_file(self.path)
                source = sqlite3.connect(_read_only(backup), uri=True)
                target = sqlite3.connect(self.path)
                try:
                    source.backup(target)
                finally:
                    source.close()
                    target.close()
                day = backup.stem.removeprefix("journal-")
                self.notices.append(
                    f"{message} The backup of {day} was restored: check-ins after it are missing."
                )
                return
        self.notices.append(f"{message} No sound backup was found: the journal starts empty.")

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
        if not self.backup_folder.is_dir():
            return []
        return sorted(self.backup_folder.glob("journal-*.sqlite3"), reverse=True)

    def backup_if_due(self, today: date | None = None) -> Path | None:
        """Makes today's backup unless there is one; keeps the newest ``KEEP_BACKUPS``."""
        today = today or date.today()
        target = self.backup_folder / f"journal-{today.isoformat()}.sqlite3"
        if target.exists():
            return None
        with self._lock:
            _private_folder(self.backup_folder)
            # Into a temporary file first: a backup cut short never looks like a good one.
            temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            temporary.unlink(missing_ok=True)
            _private_file(temporary)
            copy = sqlite3.connect(temporary)
            try:
                self.conn.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
            os.replace(temporary, target)
            for old in self.backups()[KEEP_BACKUPS:]:
                old.unlink(missing_ok=True)
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
                with _transaction(conn):
                    for checkin in checkins:
                        self._write(conn, checkin, stamp)
                        count += 1
            except sqlite3.Error as exc:
                raise JournalError(f"The journal could not be saved: {exc}.") from exc
        return count

    def delete(self, day: date) -> bool:
        with self._lock:
            conn = self.conn
            try:
                with _transaction(conn):
                    gone = conn.execute("DELETE FROM checkin WHERE day = ?", (day.isoformat(),))
            except sqlite3.Error as exc:
                raise JournalError(f"The journal could not be saved: {exc}.") from exc
        return gone.rowcount > 0
