"""The journal's files on disk: private permissions, daily backups and recovery.

The folders and files the journal makes are 0700 and 0600: readable by the user only.
A folder or file that was there before is left as it is (a journal kept at a path the
user chose may sit in a folder of theirs, even /tmp). A backup a day is made with
SQLite's online backup API, into a temporary file first so that a backup cut short never
looks like a good one; each journal's backups are named after it (``NAME-DAY.sqlite3``),
so that journals sharing a folder never take each other's, and its last
``KEEP_BACKUPS`` are kept. A damaged journal is moved aside (never deleted) with its -wal
and -shm files, and the newest of its backups that passes the integrity check is
restored.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import date, datetime
from pathlib import Path

from .schema import integrity_problem, read_only

BACKUP_FOLDER = "backups"
KEEP_BACKUPS = 7


def private_folder(folder: Path) -> None:
    """Makes ``folder`` and its missing parents, each 0700; one already there is left as
    it is."""
    missing = []
    for level in (folder, *folder.parents):
        if level.exists():
            break
        missing.append(level)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        for made in missing:
            os.chmod(made, 0o700)  # mkdir's mode goes through the umask


def private_file(path: Path) -> None:
    """Creates ``path`` empty with mode 0600 if it is missing; one already there is left
    as it is."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _backup_name(stem: str) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(stem)}-(\d{{4}}-\d\d-\d\d)\.sqlite3")


def backup_files(folder: Path, stem: str = "journal") -> list[Path]:
    """The backups in ``folder`` of the journal named ``stem``, newest first."""
    if not folder.is_dir():
        return []
    name = _backup_name(stem)
    return sorted((p for p in folder.iterdir() if name.fullmatch(p.name)), reverse=True)


def backup_day(backup: Path, stem: str = "journal") -> str:
    """The day (ISO) a backup of the journal named ``stem`` was made."""
    match = _backup_name(stem).fullmatch(backup.name)
    return match.group(1) if match else backup.stem


def backup_path(folder: Path, today: date, stem: str = "journal") -> Path:
    return folder / f"{stem}-{today.isoformat()}.sqlite3"


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
    stem = target.name[: -len("-YYYY-MM-DD.sqlite3")]
    for old in backup_files(target.parent, stem)[KEEP_BACKUPS:]:
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
            return backup_day(backup, path.stem)
    return None
