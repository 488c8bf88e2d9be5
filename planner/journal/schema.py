"""The journal's SQLite file as a database: connecting, transactions, the schema and its
upgrades, and the integrity check.

``PRAGMA user_version`` holds the schema version; ``SchemaUpgrade`` runs one method per
step, ``upgrade_version_N`` taking version N to N + 1, all in one exclusive transaction
that rolls back if any step fails (the pattern of calibre's ``SchemaUpgrade``). Foreign
keys are on: a day's stress practices belong to its check-in.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from planner.i18n import _, ngettext

from .fields import JournalError

SCHEMA_VERSION = 2
BUSY_TIMEOUT_S = 5.0


def connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: the journal opens every transaction itself (``transaction``).
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection, kind: str = "IMMEDIATE") -> Iterator[None]:
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
        with transaction(conn, "EXCLUSIVE"):
            version = self.user_version
            if version > SCHEMA_VERSION:
                message = _(
                    "The journal was written by a newer version of the app (schema "
                    "{version}, this one knows {known}); update the app to open it."
                )
                raise JournalError(message.format(version=version, known=SCHEMA_VERSION))
            while version < target:
                getattr(self, f"upgrade_version_{version}")()
                version += 1
                conn.execute(f"PRAGMA user_version = {version}")
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                message = ngettext(
                    "The journal's upgrade left {count} broken link.",
                    "The journal's upgrade left {count} broken links.",
                    len(problems),
                )
                raise JournalError(message.format(count=len(problems)))

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


def read_only(path: Path) -> str:
    # as_uri() percent-encodes "?", "#" and spaces, which would cut a bare "file:" URI short.
    return path.resolve().as_uri() + "?mode=ro"


def integrity_problem(path: Path) -> str | None:
    """None when ``path`` is a sound SQLite database, else what is wrong with it."""
    try:
        conn = sqlite3.connect(read_only(path), uri=True, timeout=BUSY_TIMEOUT_S)
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
            # Translators: {reason} is SQLite's own message (in English).
            message = _("The journal {path} cannot be opened now: {reason}.")
            raise JournalError(message.format(path=path, reason=exc)) from exc
        return str(exc)
    if rows != [("ok",)]:
        return "; ".join(str(r[0]) for r in rows[:3])
    return None
