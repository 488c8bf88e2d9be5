"""Helpers for tests that run the app or a save in a child process and kill it."""

from __future__ import annotations

import selectors
import signal
import subprocess
from typing import IO


def wait_for_marker(stream: IO[str], marker: str, timeout: float = 60.0) -> str:
    """The rest of the first line of ``stream`` that starts with ``marker`` (other lines,
    e.g. warnings, are skipped); fails after ``timeout`` seconds without it."""
    selector = selectors.DefaultSelector()
    selector.register(stream, selectors.EVENT_READ)
    seen = []
    while selector.select(timeout):
        line = stream.readline()
        if not line:
            break
        if line.startswith(marker):
            return line.removeprefix(marker).strip()
        seen.append(line)
    raise AssertionError(f"the child never printed {marker!r}; it said: {''.join(seen)}")


def kill_at_marker(child: subprocess.Popen[str], stream: IO[str], marker: str) -> str:
    """SIGKILL ``child`` the moment it prints ``marker``; returns the rest of that line.

    The child is reaped and its stream closed whatever happens.
    """
    try:
        rest = wait_for_marker(stream, marker)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        stream.close()
    assert child.returncode == -signal.SIGKILL
    return rest
