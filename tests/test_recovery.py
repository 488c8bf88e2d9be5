"""Recovery copies and the error log, without Qt (storage.recovery, storage.crashlog)."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.edits import AddFood
from planner.core.plan import Plan
from planner.errors import PlanFileError
from planner.storage import processes
from planner.storage import recovery as recovery
from planner.storage.crashlog import KEEP_LOGS, CrashLog, summary
from planner.storage.paths import data_dir
from planner.storage.planfile import save_plan
from planner.storage.recovery import SUFFIX, Autosaver, RecoveryStore, recovery_dir
from tests.test_reliability import dead_pid

START = date(2026, 11, 30)


def plan_with(*foods: str) -> Plan:
    plan = Plan(START)
    for n, food in enumerate(foods):
        AddFood(n % 7, "lunch", food).apply(plan)
    return plan


def rewrite(store: RecoveryStore, path: Path, **fields: object) -> None:
    """Change what a copy says about itself (as another process would have written it)."""
    document = json.loads(path.read_text("utf-8"))
    document.update(fields)
    path.write_text(json.dumps(document), "utf-8")


@pytest.fixture
def store() -> RecoveryStore:
    return RecoveryStore()


def test_copies_live_in_the_data_folder_named_by_plan_and_time(store):
    saver = Autosaver(store)
    path = saver.save(plan_with("kefir", "oats"), title="my week.gutplan", source=None)
    assert store.folder == recovery_dir() == data_dir() / "recovery"
    assert path.parent == store.folder and path.name.endswith(SUFFIX)
    assert path.name.startswith("my week.gutplan 20") and saver.session[:8] in path.name
    [copy] = store.copies()
    assert (copy.title, copy.source, copy.foods) == ("my week.gutplan", None, 2)
    assert copy.pid == os.getpid() and copy.session == saver.session
    assert store.load(copy) == plan_with("kefir", "oats")
    assert copy.describe().startswith("my week.gutplan, saved ")
    assert copy.describe().endswith("(2 foods)")
    saver.close()


def test_odd_titles_make_safe_file_names(store):
    saver = Autosaver(store)
    path = saver.save(plan_with("kefir"), title="../../etc/passwd\x00<b>", source=None)
    assert path.parent == store.folder and "/" not in path.name[: -len(SUFFIX)]
    saver.close()


def test_the_autosaver_writes_one_file_per_plan_and_removes_it_on_discard(store):
    saver = Autosaver(store)
    first = saver.save(plan_with("kefir"), title="Untitled", source=None)
    again = saver.save(plan_with("kefir", "oats"), title="Untitled", source=None)
    assert first == again and len(store.copies()) == 1
    assert store.load(store.copies()[0]) == plan_with("kefir", "oats")
    saver.discard()
    assert store.copies() == [] and not first.exists()
    saver.close()


def test_a_copy_is_never_written_over_the_users_file(store, tmp_path):
    source = store.folder / "week.gutplan"
    store.folder.mkdir(parents=True)
    save_plan(plan_with("kefir"), source)
    before = source.read_bytes()
    with pytest.raises(PlanFileError, match="Refused to write a recovery copy over"):
        store.write(plan_with("oats"), title="week.gutplan", source=source, session="s",
                    target=source)  # fmt: skip
    assert source.read_bytes() == before


def test_only_copies_no_running_app_keeps_are_offered(store):
    live = Autosaver(store)
    live.save(plan_with("kefir"), title="open.gutplan", source=None)
    crashed = Autosaver(store)
    crashed_path = crashed.save(plan_with("oats"), title="crashed.gutplan", source=None)
    assert store.orphans() == []  # both are this process's live documents
    crashed.abandon()  # what a crash leaves: the file, and nobody keeping it
    assert [c.path for c in store.orphans()] == [crashed_path]
    # Written by another process: offered when that process is gone, not while it runs.
    other = Autosaver(store)
    other_path = other.save(plan_with("lentils"), title="other.gutplan", source=None)
    parent = {"pid": os.getppid(), "started": processes.process_start(os.getppid())}
    rewrite(store, other_path, session="another", **parent)
    assert other_path not in [c.path for c in store.orphans()]
    rewrite(store, other_path, pid=dead_pid())
    assert other_path in [c.path for c in store.orphans()]
    rewrite(store, other_path, **parent, host="another-machine")
    assert other_path in [c.path for c in store.orphans()]
    for saver in (live, crashed, other):
        saver.close()


def test_adopting_a_copy_writes_over_it_and_keeps_it_until_then(store):
    crashed = Autosaver(store)
    path = crashed.save(plan_with("kefir"), title="w.gutplan", source=None)
    crashed.abandon()
    [copy] = store.orphans()
    restorer = Autosaver(store)
    restorer.adopt(copy)
    assert path.exists()
    restorer.save(plan_with("kefir", "oats"), title="w.gutplan", source=None)
    assert [c.path for c in store.copies()] == [path] and store.orphans() == []
    restorer.discard()
    assert not path.exists()
    restorer.close()
    crashed.close()


def test_unreadable_copies_are_set_aside_not_offered(store):
    store.folder.mkdir(parents=True)
    (store.folder / f"garbage{SUFFIX}").write_bytes(b"\x00\xff not json")
    (store.folder / f"other{SUFFIX}").write_text('{"format": "gutskin-recovery", "version": 1}')
    saver = Autosaver(store)
    path = saver.save(plan_with("kefir"), title="bad plan", source=None)
    rewrite(store, path, plan={"format": "gutskin-plan", "version": 1, "start": "2026-11-30"})
    [copy] = store.copies()
    with pytest.raises(PlanFileError, match="no list of entries"):
        store.load(copy)
    assert sorted(p.name for p in store.folder.iterdir() if p.name.endswith(".damaged")) == [
        f"garbage{SUFFIX}.damaged",
        f"other{SUFFIX}.damaged",
    ]
    saver.close()


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300))
def test_any_bytes_in_the_recovery_folder_never_raise(store, data):
    store.folder.mkdir(parents=True, exist_ok=True)
    (store.folder / f"fuzz{SUFFIX}").write_bytes(data)
    for copy in store.copies():
        with contextlib.suppress(PlanFileError):
            store.load(copy)


def test_the_copies_are_listed_newest_first(store):
    savers = [Autosaver(store) for _ in range(3)]
    times = ["2026-11-30T10:00:00+00:00", "2026-12-01T08:00:00+01:00", "2026-12-01T09:00:00Z"]
    for n, saver in enumerate(savers):
        path = saver.save(plan_with("kefir"), title=f"plan {n}", source=None)
        rewrite(store, path, saved=times[n])
        saver.abandon()
    assert [c.title for c in store.orphans()] == ["plan 2", "plan 1", "plan 0"]
    for saver in savers:
        saver.close()


# -- the error log ----------------------------------------------------------------------
def raise_and_catch() -> tuple[type[BaseException], BaseException, object]:
    try:
        {}["missing"]
    except KeyError:
        return sys.exc_info()  # type: ignore[return-value]
    raise AssertionError


def test_the_log_holds_the_traceback_and_versions(tmp_path):
    log = CrashLog(tmp_path / "logs")
    path = log.write(*raise_and_catch(), thread="MainThread", versions="PySide6 6.x")
    assert path is not None and path.parent == tmp_path / "logs"
    text = path.read_text("utf-8")
    assert "Traceback (most recent call last)" in text and "KeyError: 'missing'" in text
    assert "in thread MainThread" in text and "PySide6 6.x" in text
    assert log.write(*raise_and_catch()) == path  # one file per run, appended
    assert path.read_text("utf-8").count("KeyError") == 2
    assert summary(KeyError("missing")) == "KeyError: 'missing'"
    assert summary(RuntimeError("x\ny " * 200)).startswith("RuntimeError: x y x y")
    assert len(summary(RuntimeError("x" * 1000))) < 250


def test_old_logs_are_pruned_and_a_log_stops_growing(tmp_path, monkeypatch):
    folder = tmp_path / "logs"
    folder.mkdir()
    for n in range(KEEP_LOGS + 5):
        old = folder / f"errors-2020010{n:02d}-000000-1.log"
        old.write_text("old")
        os.utime(old, (1_600_000_000 + n, 1_600_000_000 + n))
    log = CrashLog(folder)
    log.write(*raise_and_catch())
    assert len(list(folder.glob("errors-*.log"))) == KEEP_LOGS
    monkeypatch.setattr("planner.storage.crashlog.MAX_LOG_BYTES", 10)
    size = log.path.stat().st_size
    assert log.write(*raise_and_catch()) == log.path and log.path.stat().st_size == size


def test_a_log_that_cannot_be_written_is_none_not_an_error(tmp_path):
    (tmp_path / "logs").write_text("a file where the folder should be")
    assert CrashLog(tmp_path / "logs").write(*raise_and_catch()) is None


def test_recovery_is_pure_python():
    assert "PySide6" not in recovery.__dict__
