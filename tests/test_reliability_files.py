"""Special files as save targets, and telling live writers from dead ones (storage.atomic)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from planner.errors import PlannerError
from planner.storage import atomic, processes
from tests.test_reliability import WRITERS, writers

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def make_device(path: Path) -> None:
    """A character device like /dev/null (1, 3), made where the test may make one."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (AttributeError, PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here ({exc})")


@posix_only
@writers
@pytest.mark.parametrize("special", ["fifo", "device", "link-to-fifo", "link-to-device"])
def test_a_pipe_or_a_device_is_never_replaced_by_a_save(tmp_path, kind, special):
    name, write = WRITERS[kind]
    path = tmp_path / name
    node = tmp_path / "node" if special.startswith("link") else path
    if special.endswith("fifo"):
        os.mkfifo(node)
    else:
        make_device(node)
    if node != path:
        path.symlink_to(node)
    with pytest.raises(PlannerError) as info:
        write(path, 1)
    assert "is not a regular file" in str(info.value)
    mode = os.lstat(node).st_mode
    assert stat.S_ISFIFO(mode) if special.endswith("fifo") else stat.S_ISCHR(mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@posix_only
def test_write_atomic_refuses_a_pipe_with_its_own_error(tmp_path):
    pipe = tmp_path / "f.csv"
    os.mkfifo(pipe)
    with pytest.raises(atomic.NotRegularFileError):
        atomic.write_atomic(pipe, b"day\n")
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    message = atomic.describe_os_error(pipe, atomic.NotRegularFileError(22, "x"))
    assert message == (
        f"Could not save {pipe}: that path is not a regular file (a pipe or a device)."
    )


def test_a_nul_in_the_name_is_an_os_error_with_a_sentence(tmp_path):
    with pytest.raises(OSError) as info:
        atomic.write_atomic(tmp_path / "a\x00b", b"x")
    assert "NUL" in atomic.describe_os_error(tmp_path / "ab", info.value)


@pytest.mark.parametrize("pid", [0, -1, -(2**40), 2**31, 10**17, True])
def test_impossible_process_ids_are_not_running(pid):
    assert processes.pid_running(pid) is False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_an_ended_but_unreaped_process_is_not_running():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        for _ in range(200):  # wait until it has ended; it stays a zombie until waited for
            fields = processes.proc_stat_fields(child.pid)
            if fields and fields[0] == "Z":
                break
            time.sleep(0.02)
        else:
            pytest.fail("the child did not end")
        assert processes.pid_running(child.pid) is False
    finally:
        child.wait()
    assert processes.pid_running(os.getpid()) is True


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_proc_stat_fields_survive_odd_command_names(tmp_path):
    script = tmp_path / "a) b (c"
    script.symlink_to(sys.executable)
    child = subprocess.Popen([str(script), "-c", "import time; time.sleep(5)"])
    try:
        fields = processes.proc_stat_fields(child.pid)
        assert fields is not None and fields[0] in "RSD"
        assert int(fields[1]) == os.getpid()  # field 4, the parent
    finally:
        child.kill()
        child.wait()


def test_a_leftover_with_an_absurd_process_id_does_not_break_the_save(tmp_path):
    path = tmp_path / "week.csv"
    planted = tmp_path / f".week.csv.{10**20}.abcd1234.tmp"
    planted.write_bytes(b"")
    atomic.write_atomic(path, b"day\n")  # os.kill(10**20, 0) would raise OverflowError
    assert path.read_bytes() == b"day\n" and not planted.exists()


@posix_only
@pytest.mark.parametrize("planted", ["fifo", "link"])
def test_the_error_log_writes_only_into_a_regular_file_of_its_own(tmp_path, planted):
    from planner.storage.crashlog import CrashLog

    log = CrashLog(tmp_path / "logs")
    log.folder.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    if planted == "fifo":
        os.mkfifo(log.path)
    else:
        log.path.symlink_to(victim)
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        error = exc
    result: list[object] = []
    writer = threading.Thread(
        target=lambda: result.append(log.write(RuntimeError, error, error.__traceback__)),
        daemon=True,  # a write blocked on the pipe must not keep the test run alive
    )
    writer.start()
    writer.join(5)  # hang guard: opening a pipe for writing blocks until a reader comes
    assert not writer.is_alive(), "the error log blocked on a named pipe"
    assert result == [None]
    assert victim.read_text() == "keep me"
