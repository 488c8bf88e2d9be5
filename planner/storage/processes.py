"""Which process wrote a file, and whether it still runs (Linux's /proc where there is one).

A temporary file of an atomic write (planner.storage.atomic) and a recovery copy
(planner.storage.recovery) name the process that wrote them, so that a leftover of a
process that ended can be told from the file of one still at work. A process id alone is
not enough: ids are given again, after a reboot or to another program, so a recovery copy
also keeps the process's start time and the boot it ran in.
"""

from __future__ import annotations

import os

# Linux never hands out a process id above 2**22 (PID_MAX_LIMIT); other systems stay far
# below 2**31. A larger "process id" in a file is damage, not a process.
MAX_PID = 2**31 - 1


def proc_stat_fields(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat from field 3 (the state) on, or None where there is no
    such file (not Linux, or no such process). The command name (field 2) may hold spaces
    and parentheses, so the fields start after its last ")"."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            text = handle.read(4096).decode("ascii", "replace")
    except (OSError, ValueError):
        return None
    _, paren, rest = text.rpartition(")")
    return rest.split() if paren else None


def pid_running(pid: int) -> bool:
    """Whether a process with this id exists and has not ended.

    An id of 0 or less names a process group to os.kill, not a process, and one past
    MAX_PID cannot exist: neither is running. A process that ended but was not yet reaped
    (a zombie, state Z in /proc) is not running either.
    """
    if isinstance(pid, bool) or not isinstance(pid, int) or not 0 < pid <= MAX_PID:
        return False
    if os.name != "posix":
        return True  # no safe probe (os.kill would end the process on Windows): keep it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        pass
    fields = proc_stat_fields(pid)
    return not (fields and fields[0] in ("Z", "X"))


def boot_id() -> str | None:
    """This boot of the machine (Linux), or None where the system does not say."""
    try:
        with open("/proc/sys/kernel/random/boot_id", "rb") as handle:
            text = handle.read(100).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text or None


def process_start(pid: int) -> int | None:
    """When a process started, in clock ticks since boot (Linux), or None if unknown."""
    fields = proc_stat_fields(pid)
    if not fields or len(fields) < 20 or not fields[19].isdigit():
        return None
    return int(fields[19])  # field 22 of /proc/PID/stat; the list starts at field 3


def process_start_time(pid: int) -> float | None:
    """When a process started, in seconds since the epoch (Linux), or None if unknown."""
    ticks = process_start(pid)
    if ticks is None:
        return None
    try:
        with open("/proc/stat", "rb") as handle:
            lines = handle.read(1 << 20).decode("ascii", "replace").splitlines()
        btime = next(int(line.split()[1]) for line in lines if line.startswith("btime "))
        return btime + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, StopIteration, IndexError):
        return None
