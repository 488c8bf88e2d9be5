"""Recovery copies as hostile input: every field checked, a bad copy set aside and reported
while the good ones are still offered, and writers told apart by more than a process id."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from planner.storage import processes
from planner.storage.recovery import SUFFIX, Autosaver, RecoveryStore
from tests.test_recovery import plan_with, rewrite

linux_proc = pytest.mark.skipif(
    not Path("/proc/self/stat").exists() or processes.boot_id() is None,
    reason="needs /proc (Linux)",
)


@pytest.fixture
def store() -> RecoveryStore:
    return RecoveryStore()


def crashed_copy(store: RecoveryStore, name: str, **fields: object) -> Path:
    """A copy of plan ``name`` as a crashed app leaves it, with ``fields`` changed."""
    saver = Autosaver(store)
    path = saver.save(plan_with("kefir", "oats"), title=name, source=None)
    saver.abandon()
    saver.close()
    if fields:
        rewrite(store, path, **fields)
    return path


def offered(store: RecoveryStore) -> list[str]:
    return sorted(copy.title for copy in store.orphans())


@pytest.mark.parametrize(
    "fields",
    [
        {"saved": "0001-01-01T00:00:00+05:00"},
        {"saved": "9999-12-31T23:59:59-05:00"},
        {"saved": "0001-01-01T00:00:00"},
        {"saved": "yesterday"},
        {"saved": 12},
        {"title": None},
        {"source": "a\x00b"},
        {"session": "s" * 10_000},
        {"foods": -1},
        {"foods": 10**17},
        {"pid": "1"},
        {"pid": 1.5},
        {"started": -5},
        {"started": "x"},
        {"boot": 7},
        {"plan": None},
        {"plan": {"format": "gutskin-plan", "version": 1, "start": "9999-12-27", "entries": []}},
        {"plan": {"format": "gutskin-plan", "version": 1, "start": "1066-10-14", "entries": []}},
        {"version": True},
    ],
    ids=repr,
)
def test_a_damaged_copy_is_set_aside_and_reported_and_the_good_ones_offered(store, fields):
    good = crashed_copy(store, "good")
    bad = crashed_copy(store, "bad", **fields)
    assert offered(store) == ["good"]
    assert not bad.exists() and (bad.parent / (bad.name + ".damaged")).exists()
    [aside] = store.take_set_aside()
    assert aside.path == bad and aside.kept_as == bad.with_name(bad.name + ".damaged")
    assert aside.describe().startswith(f"{bad.name}: ")
    assert "damaged recovery copy" in aside.reason or "version" in aside.reason
    assert f"kept as {bad.name}.damaged in {bad.parent}" in aside.describe()
    assert store.take_set_aside() == []  # reported once
    assert offered(store) == ["good"] and good.exists()


def test_every_copy_offered_can_be_described_and_restored(store):
    crashed_copy(store, "east", saved="2026-11-30T23:30:00-12:00")
    crashed_copy(store, "west", saved="2026-11-30T00:30:00+14:00")
    crashed_copy(store, "naive", saved="2026-11-30T12:00:00")
    copies = store.orphans()
    assert sorted(c.title for c in copies) == ["east", "naive", "west"]
    for copy in copies:
        assert copy.describe().startswith(f"{copy.title}, saved ")
        assert store.load(copy) == plan_with("kefir", "oats")
    assert store.take_set_aside() == []


def test_control_characters_in_a_title_are_not_shown(store):
    crashed_copy(store, "x", title="\x1b]0;pwned\x07week\x00")
    [copy] = store.orphans()
    assert copy.title == "]0;pwnedweek"


@pytest.mark.parametrize("pid", [0, -1, 10**17, -(10**17)])
def test_an_impossible_process_id_does_not_hide_a_copy(store, pid):
    crashed_copy(store, "mine", session="another", pid=pid)
    assert offered(store) == ["mine"]


def test_a_newer_versions_copy_is_left_alone(store):
    path = crashed_copy(store, "future", version=2, saved="the year 3000 says hi")
    assert offered(store) == [] and store.take_set_aside() == []
    assert path.exists() and not path.with_name(path.name + ".damaged").exists()


def test_setting_aside_never_replaces_an_earlier_damaged_copy(store):
    store.folder.mkdir(parents=True)
    for n in range(3):
        (store.folder / f"x{SUFFIX}").write_text(f"damaged {n}")
        store.copies()
    kept = sorted(p.name for p in store.folder.iterdir())
    assert kept == [f"x{SUFFIX}.damaged", f"x{SUFFIX}.damaged-2", f"x{SUFFIX}.damaged-3"]
    texts = {(store.folder / name).read_text() for name in kept}
    assert texts == {"damaged 0", "damaged 1", "damaged 2"}
    assert len(store.take_set_aside()) == 3


# -- who wrote a copy, and are they still running ----------------------------------------
@linux_proc
def test_a_copy_records_its_writers_start_and_the_boot(store):
    path = crashed_copy(store, "w")
    document = json.loads(path.read_text("utf-8"))
    assert document["started"] == processes.process_start(os.getpid()) > 0
    assert document["boot"] == processes.boot_id()


@linux_proc
def test_a_process_id_reused_by_another_program_does_not_hide_a_copy(store):
    parent = os.getppid()
    started = processes.process_start(parent)
    assert started is not None
    crashed_copy(store, "live", session="a", pid=parent, started=started)
    crashed_copy(store, "reused", session="b", pid=parent, started=started + 1)
    crashed_copy(store, "init", session="c", pid=1, started=started + 12345)
    assert offered(store) == ["init", "reused"]


@linux_proc
def test_a_copy_from_before_a_reboot_is_offered(store):
    parent = os.getppid()
    started = processes.process_start(parent)
    boot = "00000000-0000-0000-0000-000000000000"
    crashed_copy(store, "before", session="a", pid=parent, started=started, boot=boot)
    assert offered(store) == ["before"]


@linux_proc
def test_a_copy_whose_writer_ended_unreaped_is_offered(store):
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        started = processes.process_start(child.pid)
        deadline = time.monotonic() + 10
        while processes.proc_stat_fields(child.pid)[0] != "Z" and time.monotonic() < deadline:
            time.sleep(0.02)
        crashed_copy(store, "zombie", session="z", pid=child.pid, started=started)
        assert offered(store) == ["zombie"]
    finally:
        child.wait()


@linux_proc
def test_an_old_copy_without_the_new_fields(store):
    """Copies written before the start time and boot id were recorded: a running process
    that started before the copy was written hides it, as before; one started after it
    (its id reused) does not."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        now = datetime.now().astimezone()
        for title, saved in (("earlier", now - timedelta(hours=1)), ("later", now)):
            path = crashed_copy(store, title, session=title, pid=child.pid)
            document = json.loads(path.read_text("utf-8"))
            del document["started"], document["boot"]
            document["saved"] = saved.isoformat(timespec="seconds")
            path.write_text(json.dumps(document), "utf-8")
        assert offered(store) == ["earlier"]
    finally:
        child.kill()
        child.wait()
    assert offered(store) == ["earlier", "later"]
