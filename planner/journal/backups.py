"""The journal's files on disk: private permissions, daily backups and recovery.

The folder is 0700 and the files 0600: readable by the user only. A backup a day is made
with SQLite's online backup API, into a temporary file first so that a backup cut short
never looks like a good one; the last ``KEEP_BACKUPS`` are kept. A damaged journal is
moved aside (never deleted) with its -wal and -shm files, and the newest backup that
passes the integrity check is restored.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import date, datetime
from pathlib import Path

from .schema import integrity_problem, read_only

BACKUP_FOLDER = "backups"
KEEP_BACKUPS = 7


def private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(folder, 0o700)


def private_file(path: Path) -> None:
    """Creates ``path`` empty with mode 0600 if it is missing, and makes it 0600."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    if os.name == "posix":
        os.chmod(path, 0o600)


def backup_files(folder: Path) -> list[Path]:
    """The backup files in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob("journal-*.sqlite3"), reverse=True)


def backup_path(folder: Path, today: date) -> Path:
    return folder / f"journal-{today.isoformat()}.sqlite3"


def write_backup(conn: sqlite3.Connection, target: Path) -> None:
    """Copies the open database to ``target``, then keeps the newest ``KEEP_BACKUPS``."""
    private_folder(target.parent)
    # Into a temporary file first: a backup cut short never looks like a good one.
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    private_file(temporary)
    copy = sqlite3.connect(temporary)
    try:
        conn.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
    os.replace(temporary, target)
    for old in backup_files(target.parent)[KEEP_BACKUPS:]:
        old.unlink(missing_ok=True)


def move_aside(path: Path) -> Path:
    """Moves a damaged journal (and its -wal, -shm) aside; returns where it went."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    return aside


def restore_newest(path: Path, backups: list[Path]) -> str | None:
    """Restores the newest sound backup to ``path``; returns its day, or None if none is."""
    for backup in backups:
        if integrity_problem(backup) is None:
            private_file(path)
            source = sqlite3.connect(read_only(backup), uri=True)
            target = sqlite3.connect(path)
            try:
                source.backup(target)
            finally:
                source.close()
                target.close()
            return backup.stem.removeprefix("journal-")
    return None
