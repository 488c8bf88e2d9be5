"""Atomic file writes: the old file stays intact until a complete new one replaces it.

The temporary file is ``.NAME.PID.RANDOM.tmp`` in the target's folder. One left behind by
a process that was killed mid-write is never read (loaders open only the named file) and
is removed by the next save of the same file (``remove_stale_temps``).

Test seam: with GUTSKIN_PAUSE_IN_WRITE=SECONDS in the environment, write_atomic writes half
of the data, prints "WRITING <temporary file>" on stderr and sleeps, so that a test can
kill the process at that exact moment (tests/test_reliability_kill.py).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import time
from pathlib import Path

from planner.i18n import _
from planner.storage.processes import pid_running

_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows would otherwise translate line ends

PAUSE_VARIABLE = "GUTSKIN_PAUSE_IN_WRITE"
STALE_AFTER_S = 3600.0  # a temporary file this old is a leftover even if its writer lives


class NotRegularFileError(OSError):
    """The path names a pipe, a device or a socket: renaming a file over it would replace
    it (as root, even /dev/null), and writing into it is not a save."""


def describe_os_error(path: Path, exc: OSError) -> str:
    """One sentence a person understands, naming the file and what went wrong."""
    name = str(path)
    if isinstance(exc, NotRegularFileError):
        return _(
            "Could not save {name}: that path is not a regular file (a pipe or a device)."
        ).format(name=name)
    reasons = {
        errno.EACCES: _("Could not save {name}: the folder or file is not writable."),
        errno.EPERM: _("Could not save {name}: the folder or file is not writable."),
        errno.EROFS: _("Could not save {name}: the disk is read-only."),
        errno.ENOSPC: _("Could not save {name}: the disk is full."),
        errno.EDQUOT: _("Could not save {name}: the disk quota is exhausted."),
        errno.EISDIR: _("Could not save {name}: that path is a folder."),
        errno.ENOENT: _("Could not save {name}: the folder does not exist."),
        errno.ESTALE: _("Could not save {name}: the file vanished from the network drive."),
        errno.EIO: _("Could not save {name}: the disk reported an error (was it unplugged?)."),
        errno.ENOTDIR: _("Could not save {name}: a part of the path is not a folder."),
        errno.ENAMETOOLONG: _("Could not save {name}: the file name is too long."),
    }
    known = reasons.get(exc.errno or 0)
    if known is not None:
        return known.format(name=name)
    # Translators: {reason} is the operating system's own description of the error.
    return _("Could not save {name}: {reason}.").format(name=name, reason=exc.strerror or str(exc))


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible on Windows, harmless to skip there.
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _create_temp(folder: Path, name: str) -> tuple[int, Path]:
    """A new, uniquely named file beside ``name``, opened for writing.

    Created with mode 0666 so that the kernel applies the user's umask, as for any new
    file; tempfile.mkstemp would make it private (0600), and reading the umask means
    changing it, which is not safe while other threads create files.
    """
    for _attempt in range(100):
        tmp = folder / f".{name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o666), tmp
        except FileExistsError:
            continue
        # The reason is shown: "Could not save ...: no free temporary file name."
    reason = _("no free temporary file name")
    raise FileExistsError(errno.EEXIST, reason, str(folder))


def remove_stale_temps(path: Path | str) -> list[Path]:
    """Remove temporary files that earlier writes of ``path`` left behind: those whose
    process has ended, and any older than an hour. Returns what was removed."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    prefix = f".{path.name}."
    removed = []
    try:
        names = [name for name in os.listdir(folder) if name.startswith(prefix)]
    except OSError:
        return []
    for name in names:
        parts = name[len(prefix) :].split(".")
        if parts[-1] != "tmp" or len(parts) not in (2, 3):
            continue
        pid = int(parts[0]) if len(parts) == 3 and parts[0].isdigit() else 0
        leftover = folder / name
        try:
            young = time.time() - leftover.lstat().st_mtime < STALE_AFTER_S
            # Without a process id in the name only age tells a leftover from a live write.
            live = pid == 0 or pid == os.getpid() or pid_running(pid)
            if live and young:
                continue  # another write of this file may be under way right now
            leftover.unlink()
            removed.append(leftover)
        except OSError:
            continue
    return removed


def _pause_for_tests(handle, data: bytes, tmp: Path) -> int:
    """The test seam described in the module docstring; returns how much was written."""
    seconds = os.environ.get(PAUSE_VARIABLE)
    if not seconds:
        return 0
    half = len(data) // 2
    handle.write(data[:half])
    handle.flush()
    print(f"WRITING {tmp}", file=sys.stderr, flush=True)
    time.sleep(float(seconds))
    return half


def check_regular_target(path: Path) -> None:
    """Raise IsADirectoryError or NotRegularFileError unless ``path`` is missing or a
    regular file (following links)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except ValueError as exc:  # a NUL in the name
        reason = _("the file name holds a NUL character")
        raise OSError(errno.EINVAL, reason, str(path)) from exc
    except OSError:
        return  # the write itself reports what is wrong (a folder that is not readable...)
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    if not stat.S_ISREG(mode):
        raise NotRegularFileError(errno.EINVAL, "Not a regular file", str(path))


def write_atomic(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    Raises OSError on failure; the previous file, if any, is then left exactly as it was
    and no temporary file is left behind. A symbolic link is followed, so the link stays
    and the file it points to is replaced. A path (or a link's target) that exists but is
    not a regular file, such as a named pipe or a device, is refused with
    NotRegularFileError: the rename would replace it.
    """
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    check_regular_target(path)
    folder = path.parent if str(path.parent) else Path(".")
    remove_stale_temps(path)
    fd, tmp = _create_temp(folder, path.name)
    try:
        with os.fdopen(fd, "wb") as handle:
            written = _pause_for_tests(handle, data, tmp)
            handle.write(data[written:])
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():  # keep the permission bits the user gave the file it replaces
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(folder)


def write_text_atomic(path: Path | str, text: str) -> None:
    write_atomic(path, text.encode("utf-8"))
