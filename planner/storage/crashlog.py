"""The log of unexpected errors: one file per run of the app, in the user's data folder.

When something goes wrong that the app did not expect, the details (the traceback, the
versions, the thread) go here and the user is told where, instead of seeing a traceback.
"""

from __future__ import annotations

import contextlib
import os
import stat
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from planner.storage.paths import data_dir

KEEP_LOGS = 20  # the newest logs stay; older ones go, so the folder cannot grow forever
MAX_LOG_BYTES = 1024 * 1024  # a loop of errors stops being written here, not the disk


def logs_dir() -> Path:
    return data_dir() / "logs"


def summary(exc: BaseException) -> str:
    """One line for a person: the kind of error and its message, shortened."""
    text = " ".join(str(exc).split())
    name = type(exc).__name__
    return f"{name}: {text[:200]}" if text else name


class CrashLog:
    """Appends error reports to ``errors-YYYYMMDD-HHMMSS-PID.log`` (made on first use)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or logs_dir()
        stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
        self.path = self.folder / f"errors-{stamp}-{os.getpid()}.log"

    def write(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        *,
        thread: str = "",
        versions: str = "",
    ) -> Path | None:
        """Append one report; returns the log's path, or None if it could not be written
        (the disk may be full: the caller still tells the user what happened)."""
        import platform  # only when an error is reported: off the start-up path

        lines = [
            f"=== {datetime.now().astimezone().isoformat(timespec='seconds')}"
            f"{' in thread ' + thread if thread else ''}",
            f"Python {platform.python_version()} on {platform.platform()}"
            f"{'; ' + versions if versions else ''}",
            *traceback.format_exception(exc_type, exc, tb),
            "",
        ]
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fresh = not os.path.lexists(self.path)
            # O_NONBLOCK: a pipe planted under the log's name cannot block the open;
            # O_NOFOLLOW: a planted link is not followed. Only a regular file is written.
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK
            fd = os.open(self.path, flags | getattr(os, "O_NOFOLLOW", 0), 0o666)
            with open(fd, "a", encoding="utf-8", errors="replace") as handle:
                info = os.fstat(fd)
                if not stat.S_ISREG(info.st_mode):
                    return None
                if info.st_size > MAX_LOG_BYTES:
                    return self.path
                handle.write("\n".join(lines))
            if fresh:
                self._prune()
        except OSError:
            return None
        return self.path

    def _prune(self) -> None:
        logs = sorted(self.folder.glob("errors-*.log"), key=_mtime, reverse=True)
        for old in logs[KEEP_LOGS:]:
            with contextlib.suppress(OSError):
                old.unlink()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
