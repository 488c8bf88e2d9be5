"""The journal database: saving and editing, protection (WAL, permissions, integrity check,
backups), migrations from a fixture of every schema version, damage, kills, and CSV."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from planner.journal import csvio
from planner.journal.fields import CheckIn, JournalError
from planner.journal.store import (
    KEEP_BACKUPS,
    SCHEMA_VERSION,
    JournalStore,
    SchemaUpgrade,
    default_path,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "data" / "journal"
DAY = date(2026, 1, 5)
POSIX = os.name == "posix"


@pytest.fixture
def store(tmp_path: Path):
    with JournalStore(tmp_path / "journal" / "journal.sqlite3") as opened:
        yield opened


def full_checkin(day: date = DAY) -> CheckIn:
    return CheckIn(
        day,
        {
            "skin_breakouts": 2,
            "skin_redness": 1,
            "skin_dryness": 0,
            "skin_itch": 4,
            "skin_oiliness": 3,
            "gut_bloating": 2,
            "gut_discomfort": 1,
            "gut_reflux": 0,
            "gut_stool": 4,
            "mood": 5,
            "energy": 1,
            "sleep_hours": 7.5,
            "stress": 3,
            "water_glasses": 8,
            "movement_minutes": 45,
            "movement_kind": "cycling",
            "practices": "meditation; nature walk",
            "alcohol_drinks": 1.5,
            "antibiotics": "no",
            "supplements": "Lactobacillus rhamnosus GG, vitamin D",
            "ate_as_planned": "mostly",
            "plan_note": 'swapped lunch, "kefir" finished',
        },
    )


def test_a_check_in_saves_and_reads_back_and_past_days_can_be_edited(store: JournalStore):
    checkin = full_checkin()
    store.save(checkin)
    assert store.get(DAY) == checkin
    edited = checkin.replace(skin_breakouts=0, practices=None, plan_note=None)
    store.save(edited)
    assert store.get(DAY) == edited
    assert store.get(DAY)["skin_breakouts"] == 0 and store.get(DAY)["practices"] is None
    assert store.count() == 1
    store.save(CheckIn(DAY))  # all fields emptied: the day goes
    assert store.get(DAY) is None and store.count() == 0


def test_empty_is_not_zero(store: JournalStore):
    store.save(CheckIn(DAY, {"practices": "none", "alcohol_drinks": 0}))
    store.save(CheckIn(DAY + timedelta(1), {"mood": 3}))
    first, second = store.all()
    assert first["practices"] == frozenset() and first["alcohol_drinks"] == 0
    assert second["practices"] is None and second["alcohol_drinks"] is None


def test_bad_values_are_refused_with_clear_messages():
    with pytest.raises(JournalError) as error:
        CheckIn(DAY, {"skin_redness": 7, "gut_stool": "soft", "practices": "running"})
    message = str(error.value)
    assert "Redness: 7 is outside 0–4 (none to severe)" in message
    assert "Stool form (Bristol): 'soft' is neither 1–7 nor one of separate hard lumps" in message
    assert "running is not one of meditation" in message
    with pytest.raises(JournalError, match="not a date"):
        CheckIn("2026-02-30", {})


def test_the_database_is_protected(store: JournalStore):
    store.save(full_checkin())
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.schema_version == SCHEMA_VERSION
    if POSIX:
        assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
        for path in store.path.parent.rglob("*"):
            wanted = 0o700 if path.is_dir() else 0o600
            assert stat.S_IMODE(path.stat().st_mode) == wanted, path


def test_the_store_opens_on_first_use_in_the_data_folder(_private_data_dir: Path):
    store = JournalStore()
    assert store.path == default_path() == _private_data_dir / "journal" / "journal.sqlite3"
    assert not store.is_open and not store.path.exists()
    assert store.count() == 0
    assert store.is_open and store.path.exists()
    store.close()


def test_backups_roll_one_a_day_and_keep_the_last_seven(store: JournalStore):
    store.save(full_checkin())
    first = date(2030, 1, 1)
    for n in range(10):
        store.save(full_checkin(first + timedelta(n)))
        assert store.backup_if_due(first + timedelta(n)) is not None
        assert store.backup_if_due(first + timedelta(n)) is None  # one a day
    names = [p.name for p in store.backups()]
    assert len(names) == KEEP_BACKUPS and names[0] == "journal-2030-01-10.sqlite3"
    assert "journal-2030-01-03.sqlite3" not in names
    backup = JournalStore(store.backups()[0], backups=False)
    assert backup.count() == 11  # the day and the ten, all there
    backup.close()


# -- migrations ---------------------------------------------------------------------------
EXPECTED = {
    # the same three days in every fixture; only the practices differ between versions
    DAY: {
        "skin_breakouts": 2,
        "skin_redness": 1,
        "gut_bloating": 3,
        "gut_stool": 4,
        "mood": 3,
        "sleep_hours": 7.5,
        "stress": 2,
        "alcohol_drinks": 0,
        "antibiotics": False,
        "supplements": "Saccharomyces boulardii",
        "ate_as_planned": "mostly",
        "plan_note": "skipped the kefir",
    },
    DAY + timedelta(1): {
        "skin_breakouts": 0,
        "gut_reflux": 1,
        "antibiotics": True,
        "practices": frozenset(),
    },
    DAY + timedelta(2): {
        "energy": 4,
        "water_glasses": 8,
        "movement_minutes": 30,
        "movement_kind": "walking",
    },
}
PRACTICES = {1: {"yoga"}, 2: {"yoga", "breathing"}}


def from_fixture(version: int, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / f"v{version}.sql").read_text("utf-8"))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    conn.close()
    return path


def test_there_is_a_fixture_for_every_schema_version():
    assert sorted(p.name for p in FIXTURES.glob("v*.sql")) == [
        f"v{n}.sql" for n in range(1, SCHEMA_VERSION + 1)
    ]


def schema(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    return [(name, " ".join((sql or "").split())) for name, sql in rows]


def test_the_newest_fixture_has_the_schema_a_new_journal_gets(tmp_path: Path):
    fixture = sqlite3.connect(from_fixture(SCHEMA_VERSION, tmp_path / "fixture.sqlite3"))
    fresh = JournalStore(tmp_path / "fresh" / "journal.sqlite3", backups=False)
    assert schema(fixture) == schema(fresh.conn)
    fresh.close()
    fixture.close()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_a_journal_of_every_schema_version_opens_upgraded(tmp_path: Path, version: int):
    path = from_fixture(version, tmp_path / "journal" / "journal.sqlite3")
    with JournalStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION and store.notices == []
        found = {c.day: dict(c.values) for c in store.all()}
        expected = {day: dict(values) for day, values in EXPECTED.items()}
        expected[DAY]["practices"] = frozenset(PRACTICES[version])
        assert found == expected
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        store.delete(DAY)  # the practices go with their day (ON DELETE CASCADE)
        assert store.conn.execute("SELECT count(*) FROM practice").fetchone()[0] == 0


def test_a_failing_upgrade_leaves_the_journal_as_it_was(tmp_path: Path, monkeypatch):
    path = from_fixture(1, tmp_path / "journal" / "journal.sqlite3")
    before = path.read_bytes()

    def broken(self: SchemaUpgrade) -> None:
        self.conn.execute("ALTER TABLE checkin ADD COLUMN practices_recorded INTEGER")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(SchemaUpgrade, "upgrade_version_1", broken)
    with pytest.raises(JournalError, match="cannot be opened: disk I/O error"):
        JournalStore(path, backups=False).open()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "practices_recorded" not in schema(conn)[0][1]
    assert conn.execute("SELECT count(*) FROM checkin").fetchone()[0] == 3
    conn.close()
    monkeypatch.undo()
    with JournalStore(path, backups=False) as store:  # and a working app upgrades it later
        assert store.schema_version == SCHEMA_VERSION and store.count() == 3
    assert len(before) > 0


def test_a_journal_from_a_newer_app_is_refused_untouched(tmp_path: Path):
    path = from_fixture(SCHEMA_VERSION, tmp_path / "journal" / "journal.sqlite3")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(JournalError, match="newer version of the app"):
        JournalStore(path, backups=False).open()
    assert sqlite3.connect(path).execute("SELECT count(*) FROM checkin").fetchone()[0] == 3


# -- damage -------------------------------------------------------------------------------
def journal_with_backup(folder: Path) -> Path:
    """A journal of 300 days with yesterday's backup of its first 200."""
    path = folder / "journal" / "journal.sqlite3"
    with JournalStore(path, backups=False) as store:
        store.save_many(full_checkin(DAY + timedelta(n)) for n in range(200))
        store.backup_if_due(date.today() - timedelta(1))
        store.save_many(full_checkin(DAY + timedelta(n)) for n in range(200, 300))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.mark.parametrize(
    "damage", ["pages overwritten", "header overwritten", "truncated", "not a database"]
)
def test_a_damaged_journal_is_moved_aside_and_the_backup_restored(tmp_path: Path, damage: str):
    path = journal_with_backup(tmp_path)
    data = bytearray(path.read_bytes())
    if damage == "pages overwritten":
        data[4096 * 3 : 4096 * 6] = os.urandom(4096 * 3)
    elif damage == "header overwritten":
        data[:100] = b"\0" * 100
    elif damage == "truncated":
        data = data[: len(data) // 3]
    else:
        data = bytearray(b"Dear diary, " * 1000)
    path.write_bytes(bytes(data))
    with JournalStore(path) as store:
        assert len(store.notices) == 1
        notice = store.notices[0]
        assert notice.startswith("The journal was damaged") and "moved aside" in notice
        assert f"backup of {date.today() - timedelta(1)} was restored" in notice
        assert store.count() == 200 and store.get(DAY) == full_checkin()
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    aside = list(path.parent.glob("journal.damaged-*.sqlite3"))
    assert len(aside) == 1 and aside[0].read_bytes() == bytes(data)  # kept, not deleted


def test_a_locked_journal_is_not_taken_for_damage(tmp_path: Path, monkeypatch):
    from planner.journal import schema as schema_module

    path = journal_with_backup(tmp_path)
    before = path.read_bytes()
    monkeypatch.setattr(schema_module, "BUSY_TIMEOUT_S", 0.1)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")  # another program holds the file
    try:
        with pytest.raises(JournalError, match="cannot be opened now: database is locked"):
            JournalStore(path).open()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.damaged-*"))
    with JournalStore(path) as store:
        assert store.notices == [] and store.count() == 300


def test_the_journal_opens_while_another_window_is_saving(tmp_path: Path, monkeypatch):
    from planner.journal import schema as schema_module

    path = journal_with_backup(tmp_path)
    monkeypatch.setattr(schema_module, "BUSY_TIMEOUT_S", 0.1)
    writer = JournalStore(path, backups=False).open()
    writer.conn.execute("BEGIN IMMEDIATE")  # a save in progress elsewhere
    try:
        with JournalStore(path, backups=False) as reader:  # WAL: readers are not blocked
            assert reader.count() == 300 and reader.notices == []
    finally:
        writer.conn.execute("ROLLBACK")
        writer.close()


def test_a_folder_name_with_uri_characters_works(tmp_path: Path):
    # The integrity check and the restore open files through "file:" URIs.
    folder = tmp_path / "odd #name? 100%"
    path = journal_with_backup(folder)
    path.write_bytes(b"\0" * 4096)
    with JournalStore(path) as store:
        assert "was restored" in store.notices[0] and store.count() == 200


def test_a_damaged_journal_without_a_backup_starts_empty_and_says_so(tmp_path: Path):
    path = tmp_path / "journal" / "journal.sqlite3"
    with JournalStore(path, backups=False) as store:
        store.save(full_checkin())
    path.write_bytes(b"\0" * 8192)
    with JournalStore(path) as store:
        assert "No sound backup was found" in store.notices[0] and store.count() == 0


# -- kills --------------------------------------------------------------------------------
WRITER = """
import sys
from datetime import date, timedelta
from planner.journal.fields import CheckIn
from planner.journal.store import JournalStore

store = JournalStore(sys.argv[1], backups=False).open()
for n in range(int(sys.argv[2]), 10**6):
    store.save(CheckIn(date(2000, 1, 1) + timedelta(n), {
        "skin_breakouts": n % 90, "practices": "yoga, breathing", "plan_note": "x" * (n % 400),
    }))
    print("SAVED", n, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_every_saved_check_in_survives_a_writer_killed_at_any_moment(tmp_path: Path):
    path = tmp_path / "journal" / "journal.sqlite3"
    rng = random.Random(16)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    reported = -1
    kills = 25
    for _ in range(kills):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(reported + 1)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout is not None
            for _ in range(rng.randint(1, 30)):
                line = child.stdout.readline()
                assert line.startswith("SAVED"), line
                reported = int(line.split()[1])
            time.sleep(rng.random() * 0.004)  # somewhere inside a later save
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            # Saves reported before the kill but not yet read are still in the pipe.
            # The kill can cut the last line short ("SAVED " without its number).
            for line in child.stdout.read().splitlines():
                words = line.split()
                if len(words) == 2 and words[0] == "SAVED" and words[1].isdigit():
                    reported = int(words[1])
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            child.stdout.close()  # type: ignore[union-attr]
        assert child.returncode == -signal.SIGKILL
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        days = [r[0] for r in conn.execute("SELECT day FROM checkin ORDER BY day")]
        orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
        conn.close()
        assert orphans == []
        wanted = [(date(2000, 1, 1) + timedelta(n)).isoformat() for n in range(reported + 1)]
        # Every reported check-in is there; at most the one being saved (committed, not yet
        # reported) is there too.
        assert days[: reported + 1] == wanted and len(days) - (reported + 1) in (0, 1)
        reported = len(days) - 1
    with JournalStore(path, backups=False) as store:
        assert store.notices == [] and store.count() == reported + 1
        assert all(c["practices"] == {"yoga", "breathing"} for c in store.all())


# -- CSV ----------------------------------------------------------------------------------
def test_csv_round_trip(tmp_path: Path, store: JournalStore):
    checkins = [full_checkin(DAY + timedelta(n)) for n in range(5)]
    checkins += [CheckIn(DAY + timedelta(7), {"practices": "none", "antibiotics": "yes"})]
    checkins += [CheckIn(DAY + timedelta(9), {"plan_note": "line one\nline, two; 'three'"})]
    store.save_many(checkins)
    out = tmp_path / "journal.csv"
    assert csvio.export_csv(store, out) == 7
    with JournalStore(tmp_path / "other" / "journal.sqlite3", backups=False) as other:
        assert csvio.import_csv(other, out) == 7
        assert other.all() == store.all()
        assert csvio.to_csv_text(other.all()) == out.read_text("utf-8")


def test_a_csv_with_bad_rows_names_them_by_line_and_imports_nothing(
    tmp_path: Path, store: JournalStore
):
    store.save(full_checkin())
    source = tmp_path / "bad.csv"
    source.write_text(
        "date,skin_breakouts,skin_redness,practices,plan_note\n"
        "2026-02-01,1,mild,yoga,fine\n"
        '2026-02-02,2,9,,"a note\non two lines"\n'
        "2026-02-03,x,0,,\n"
        "2026-02-31,1,0,,\n"
        "2026-02-01,1,0,,\n"
        "2026-02-05,1,0,running,\n",
        "utf-8",
    )
    with pytest.raises(JournalError) as error:
        csvio.import_csv(store, source)
    message = str(error.value)
    assert message.startswith("bad.csv was not imported, nothing changed: line 4: Redness: 9")
    assert "line 5: Breakouts: 'x' is not a number" in message
    assert "line 6: '2026-02-31' is not a date" in message
    assert "line 7: 2026-02-01 is already on line 2" in message
    assert "line 8: Stress practice: running is not one of" in message
    assert "line 2" not in message.split("already on")[0]  # the good row is not named
    assert store.all() == [full_checkin()]  # nothing half-imported


def test_csv_import_rolls_back_on_a_database_error(tmp_path: Path, store: JournalStore):
    source = tmp_path / "ok.csv"
    source.write_text("date,mood\n2026-03-01,3\n2026-03-02,4\n", "utf-8")
    store.conn.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON checkin WHEN NEW.day = '2026-03-02' "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    with pytest.raises(JournalError, match="could not be saved: refused"):
        csvio.import_csv(store, source)
    assert store.count() == 0


def test_csv_import_reads_words_and_refuses_unknown_columns(tmp_path: Path, store: JournalStore):
    source = tmp_path / "words.csv"
    source.write_text("\ufeffDate,Gut_Bloating,mood\n2026-03-01,moderate,very good\n", "utf-8")
    assert csvio.import_csv(store, source) == 1
    assert dict(store.all()[0].values) == {"gut_bloating": 3, "mood": 5}
    source.write_text("date,spots\n2026-03-01,3\n", "utf-8")
    with pytest.raises(JournalError, match="unknown columns spots"):
        csvio.import_csv(store, source)


def test_the_columns_give_the_same_frame_as_the_check_ins(store: JournalStore):
    import pandas as pd

    from planner.journal.analysis import journal_frame

    assert journal_frame(store.columns()).empty
    store.save_many(
        [
            full_checkin(),
            CheckIn(DAY + timedelta(2), {"practices": "none", "ate_as_planned": "no"}),
            CheckIn(DAY + timedelta(3), {"mood": 1, "antibiotics": True}),
        ]
    )
    frame = journal_frame(store.columns())
    pd.testing.assert_frame_equal(frame, journal_frame(store.all()))
    assert frame["practice_done"].tolist()[:4] == [
        1.0,
        pytest.approx(float("nan"), nan_ok=True),
        0.0,
        pytest.approx(float("nan"), nan_ok=True),
    ]
    assert frame["ate_as_planned"].iloc[[0, 2]].tolist() == [0.5, 0.0]


@pytest.mark.skipif(not POSIX, reason="permissions and pipes of POSIX")
def test_a_folder_and_file_of_the_users_keep_their_permissions(tmp_path: Path):
    """A journal kept at a path of the user's (say in /tmp) made its folder 0700 and the
    file 0600, whatever they were: /tmp itself lost its sticky, world-writable mode."""
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    with JournalStore(shared / "mine.sqlite3") as store:
        store.save(full_checkin())
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    os.chmod(shared / "mine.sqlite3", 0o640)
    with JournalStore(shared / "mine.sqlite3") as store:
        assert store.count() == 1
    assert stat.S_IMODE((shared / "mine.sqlite3").stat().st_mode) == 0o640
    # What the journal makes is private: a new folder, its backups' folder, a new file.
    assert stat.S_IMODE((shared / "backups").stat().st_mode) == 0o700
    with JournalStore(tmp_path / "new" / "deep" / "j.sqlite3") as store:
        store.save(full_checkin())
    for made in (tmp_path / "new", tmp_path / "new" / "deep"):
        assert stat.S_IMODE(made.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "new" / "deep" / "j.sqlite3").stat().st_mode) == 0o600


@pytest.mark.skipif(not POSIX, reason="pipes of POSIX")
def test_no_journal_is_kept_in_a_pipe_a_folder_or_a_file_of_text(tmp_path: Path):
    from planner.core.plan import Plan
    from planner.storage.planfile import save_plan

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    (tmp_path / "folder").mkdir()
    plan = tmp_path / "week.gutplan"
    save_plan(Plan(DAY), plan)
    before = plan.read_bytes()
    for path in (pipe, tmp_path / "folder", plan):
        with pytest.raises(JournalError, match="not a"):
            JournalStore(path).open()
    assert plan.read_bytes() == before  # not moved aside as a damaged journal
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "pipe", "week.gutplan"]


def test_journals_sharing_a_folder_keep_their_own_backups(tmp_path: Path):
    """A damaged journal was restored from another journal's backup in the same folder."""
    with JournalStore(tmp_path / "a.sqlite3", backups=False) as first:
        first.save(full_checkin(DAY))
        first.backup_if_due(date.today() - timedelta(1))
    with JournalStore(tmp_path / "b.sqlite3", backups=False) as second:
        second.save(full_checkin(DAY + timedelta(1)))
        second.backup_if_due(date.today() - timedelta(1))
        second.save(full_checkin(DAY + timedelta(2)))
        second.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    names = sorted(p.name for p in (tmp_path / "backups").iterdir())
    yesterday = date.today() - timedelta(1)
    assert names == [f"a-{yesterday}.sqlite3", f"b-{yesterday}.sqlite3"]
    damaged = bytearray((tmp_path / "b.sqlite3").read_bytes())
    damaged[:100] = b"\0" * 100
    (tmp_path / "b.sqlite3").write_bytes(bytes(damaged))
    with JournalStore(tmp_path / "b.sqlite3") as second:
        assert [c.day for c in second.between(DAY, DAY + timedelta(9))] == [DAY + timedelta(1)]
