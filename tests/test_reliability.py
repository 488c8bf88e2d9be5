"""Saving never loses what was on disk: atomic writes, the failures a save can meet (read-only
folder, a folder in the way, a full disk, a vanished folder), leftovers of killed writes,
and format migration."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import time
from datetime import date
from pathlib import Path

import pytest

from planner.core.edits import AddFood
from planner.core.plan import MEALS, Plan
from planner.errors import PlanFileError, PlannerError
from planner.storage import atomic as atomic
from planner.storage import processes
from planner.storage.migrations import OLDEST, STEPS, upgrade
from planner.storage.planfile import VERSION, load_plan, loads, read_plan, save_plan
from planner.storage.recovery import RecoveryStore
from planner.storage.userfoods import UserFoods, make_food

DATA = Path(__file__).parent / "data"
START = date(2026, 11, 30)


def week(foods_per_meal: int = 1, weeks: int = 1) -> Plan:
    plan = Plan(START, weeks)
    for day in range(plan.day_count):
        for meal in MEALS:
            for n in range(foods_per_meal):
                AddFood(day, meal, f"food-{n}").apply(plan)
    return plan


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- each kind of file the app saves, written and read back ------------------------------
def save_plan_file(path: Path, size: int) -> None:
    save_plan(week(size), path)


def save_foods_file(path: Path, size: int) -> None:
    store = UserFoods(path)
    for n in range(size):
        store._records[f"my:f{n}"] = make_food(f"Food {n}", food_id=f"my:f{n}")
    store.save()


def save_recovery_file(path: Path, size: int) -> None:
    RecoveryStore(path.parent).write(
        week(size), title="week.gutplan", source=None, session="s" * 32, target=path
    )


WRITERS = {
    "plan": ("week.gutplan", save_plan_file),
    "my-foods": ("my-foods.json", save_foods_file),
    "recovery": ("week.gutrecovery", save_recovery_file),
}
writers = pytest.mark.parametrize("kind", list(WRITERS))


def refuse(code: int):
    def fail(*args: object, **kwargs: object):
        raise OSError(code, os.strerror(code))

    return fail


@writers
@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EACCES, "the folder or file is not writable"),
        (errno.EROFS, "the disk is read-only"),
        (errno.ENOSPC, "the disk is full"),
        (errno.EIO, "the disk reported an error (was it unplugged?)"),
    ],
    ids=["read-only-folder", "read-only-disk", "disk-full", "io-error"],
)
def test_a_failed_save_says_why_and_leaves_the_old_file(tmp_path, monkeypatch, kind, code, reason):
    # Root ignores permissions, so the failure is simulated where the folder is opened for
    # the temporary file (test_a_really_read_only_folder does it for real as a user).
    name, write = WRITERS[kind]
    path = tmp_path / name
    write(path, 1)
    before = path.read_bytes()
    monkeypatch.setattr(atomic, "_create_temp", refuse(code))
    with pytest.raises(PlannerError) as info:
        write(path, 2)
    assert str(info.value) == f"Could not save {path}: {reason}."
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


@writers
def test_a_failure_after_the_temporary_file_was_written_leaves_nothing(tmp_path, monkeypatch, kind):
    name, write = WRITERS[kind]
    path = tmp_path / name
    write(path, 1)
    before = path.read_bytes()
    monkeypatch.setattr(atomic.os, "replace", refuse(errno.EACCES))
    with pytest.raises(PlannerError, match="not writable"):
        write(path, 2)
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_really_read_only_folder(tmp_path):
    path = tmp_path / "week.gutplan"
    save_plan(week(1), path)
    before = path.read_bytes()
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(PlanFileError, match="not writable"):
            save_plan(week(2), path)
    finally:
        tmp_path.chmod(0o755)
    assert path.read_bytes() == before


@writers
def test_a_path_that_is_a_folder_is_refused(tmp_path, kind):
    name, write = WRITERS[kind]
    (tmp_path / name).mkdir()
    with pytest.raises(PlannerError) as info:
        write(tmp_path / name, 1)
    assert str(info.value) == f"Could not save {tmp_path / name}: that path is a folder."
    assert (tmp_path / name).is_dir()


def test_a_folder_that_vanished_is_named(tmp_path):
    # (The data folder, where own foods and recovery copies live, is made again instead.)
    folder = tmp_path / "stick"
    folder.mkdir()
    save_plan(week(1), folder / "week.gutplan")
    shutil.rmtree(folder)
    with pytest.raises(PlanFileError) as info:
        save_plan(week(1), folder / "week.gutplan")
    reason = "the folder does not exist"
    assert str(info.value) == f"Could not save {folder / 'week.gutplan'}: {reason}."


@pytest.fixture
def small_disk(tmp_path, monkeypatch):
    """A 256 KiB tmpfs where it can be mounted (root on Linux), else a folder whose writes
    fail with ENOSPC past 256 KiB. Yields (folder, real)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = False
    if os.name == "posix" and os.geteuid() == 0 and shutil.which("mount"):
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0755", "tmpfs", str(folder)],
            capture_output=True,
        )
        mounted = done.returncode == 0
    if not mounted:
        real_fdopen = os.fdopen

        class FullDisk:
            def __init__(self, handle) -> None:
                self.handle, self.written = handle, 0

            def write(self, data: bytes) -> int:
                self.written += len(data)
                if self.written > 256 * 1024:
                    raise OSError(errno.ENOSPC, "No space left on device")
                return self.handle.write(data)

            def __enter__(self):
                return self

            def __exit__(self, *exc: object) -> None:
                self.handle.close()

            def __getattr__(self, name: str):
                return getattr(self.handle, name)

        monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    try:
        yield folder, mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=False)


@writers
def test_a_full_disk_gives_its_message_and_loses_nothing(small_disk, kind):
    folder, _real = small_disk
    name, write = WRITERS[kind]
    path = folder / name
    write(path, 1)  # a small file fits
    before = path.read_bytes()
    with pytest.raises(PlannerError) as info:
        write(path, 150 if kind != "my-foods" else 2000)  # some hundreds of KiB
    assert str(info.value) == f"Could not save {path}: the disk is full."
    assert path.read_bytes() == before
    assert leftovers(folder) == []


# -- leftovers of a write that was killed ------------------------------------------------
def dead_pid() -> int:
    for pid in range(4_000_000, 3_000_000, -7919):
        if not processes.pid_running(pid):
            return pid
    pytest.skip("no free process id found")


def test_the_next_save_removes_what_a_killed_write_left(tmp_path):
    path = tmp_path / "week.gutplan"
    save_plan(week(1), path)
    killed = tmp_path / f".week.gutplan.{dead_pid()}.abcd1234.tmp"
    killed.write_bytes(b'{"format": "gutskin-plan", "vers')
    mine = tmp_path / f".week.gutplan.{os.getpid()}.live0001.tmp"  # a write under way
    mine.write_bytes(b"")
    old = tmp_path / ".week.gutplan.zz99.tmp"  # no process id: only age tells
    old.write_bytes(b"")
    other = tmp_path / f".other.gutplan.{dead_pid()}.abcd1234.tmp"
    other.write_bytes(b"")
    assert load_plan(path) == week(1)  # loading reads the named file only
    save_plan(week(2), path)
    assert sorted(leftovers(tmp_path)) == sorted([mine.name, old.name, other.name])
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    os.utime(mine, (hours_ago, hours_ago))
    save_plan(week(2), path)
    assert leftovers(tmp_path) == [other.name]  # another file's leftovers are its own


def test_saving_through_a_symbolic_link_keeps_the_link(tmp_path):
    real = tmp_path / "plans" / "week.gutplan"
    real.parent.mkdir()
    save_plan(week(1), real)
    link = tmp_path / "week.gutplan"
    link.symlink_to(real)
    save_plan(week(2), link)
    assert link.is_symlink() and load_plan(real) == week(2)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    pipe = tmp_path / "week.gutplan"
    os.mkfifo(pipe)
    with pytest.raises(PlanFileError, match=r"week\.gutplan: is not a regular file"):
        load_plan(pipe)


# -- migration -------------------------------------------------------------------------------
def test_every_older_version_has_a_step_and_a_fixture():
    assert sorted(STEPS) == list(range(OLDEST, VERSION))
    for version in range(OLDEST, VERSION + 1):
        assert (DATA / "migrations" / f"plan-v{version}.gutplan").is_file()


@pytest.mark.parametrize("version", range(OLDEST, VERSION))
def test_each_step_turns_its_fixture_into_the_next_version(version):
    older = json.loads((DATA / "migrations" / f"plan-v{version}.gutplan").read_text("utf-8"))
    newer = json.loads((DATA / "migrations" / f"plan-v{version + 1}.gutplan").read_text("utf-8"))
    frozen = json.dumps(older)
    assert STEPS[version](older) == newer
    assert json.dumps(older) == frozen  # the step built a new document
    assert upgrade(older, version, VERSION) == upgrade(newer, version + 1, VERSION)


@pytest.mark.parametrize("version", range(OLDEST, VERSION))
def test_an_old_file_opens_as_the_current_plan_and_is_left_as_it_was(tmp_path, version):
    path = tmp_path / "old.gutplan"
    shutil.copy(DATA / "migrations" / f"plan-v{version}.gutplan", path)
    before = path.read_bytes()
    plan, found = read_plan(path)
    assert found == version
    assert plan == load_plan(DATA / "migrations" / f"plan-v{VERSION}.gutplan")
    assert path.read_bytes() == before
    save_plan(plan, path)  # only saving writes the current version
    assert json.loads(path.read_bytes())["version"] == VERSION


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (None, "it has no days"),
        ({"funday": {}}, "'funday' is not a day"),
        ({"mon": []}, "mon is not a mapping of meals"),
        ({"mon": {"brunch": []}}, "mon: 'brunch' is not a meal"),
        ({"mon": {"lunch": "kefir"}}, "mon lunch: the foods are not a list"),
        ({"mon": {"lunch": [7]}}, "mon lunch: food 1 is not a food"),
        ({"mon": {"lunch": [{"food": "kefir", "servings": 0}]}}, "entry 1: Servings must be"),
    ],
)
def test_a_damaged_old_file_names_its_problem(days, message):
    document = {"format": "gutskin-plan", "version": 0, "start": "2026-11-30"}
    if days is not None:
        document["days"] = days
    with pytest.raises(PlanFileError, match=message):
        loads(json.dumps(document).encode(), "old.gutplan")


@pytest.mark.skipif(os.name != "posix", reason="folders are fsynced on POSIX only")
def test_a_save_makes_the_rename_durable_by_fsyncing_the_folder(tmp_path, monkeypatch):
    """After the temporary file replaces the target, the folder holding the new name is
    fsynced: otherwise a power cut can undo the rename and lose the save."""
    import stat as stat_module

    from planner.storage import atomic

    synced: list[str] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        mode = os.fstat(fd).st_mode
        synced.append("folder" if stat_module.S_ISDIR(mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    atomic.write_atomic(tmp_path / "plan.gutplan", b"{}")
    assert synced == ["file", "folder"]
