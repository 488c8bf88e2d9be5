"""The settings file: written atomically, and a damaged one gives the defaults."""

from __future__ import annotations

import pytest

from planner.scoring.model import Preferences
from ui.settings import AUTOSAVE_DEFAULT_S, Settings


def test_settings_are_saved_atomically(tmp_path):
    path = tmp_path / "settings.ini"
    settings = Settings(path)
    assert settings._qs.isAtomicSyncRequired()
    settings.set_preferences(Preferences(fiber_target_g=25))
    assert settings.sync() == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.ini"]
    assert Settings(path).fiber_target == 25


def test_settings_that_cannot_be_saved_say_so_and_change_nothing(tmp_path):
    path = tmp_path / "settings.ini"
    path.mkdir()  # a folder where the file should be
    settings = Settings(path)
    settings.autosave_seconds = 30
    message = settings.sync()
    assert message.startswith("The settings could not be saved to ") and "settings.ini" in message
    assert path.is_dir() and list(path.iterdir()) == []


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff\xfe garbage \x00" * 100,
        b"[files]\nrecent=" + b"[" * 50_000 + b"\n",
        b'[files]\nrecent="[1, 2, {\\"a\\": null}]"\nautosave_seconds=NaN\n'
        b"last_folder=@Invalid()\n",
        b"[scoring]\nfiber_target_g=1e999\nacne_prone=maybe\navoid_tags=@Variant(\\0\\0)\n",
        b"[window]\ngeometry=@ByteArray(\\x1\\x2)\nstate=not bytes\n",
        "[files]\nlast_folder=\u202e/evil\n".encode(),
    ],
    ids=["empty", "binary", "deep-json", "wrong-types", "odd-values", "bad-geometry", "rtl"],
)
def test_a_damaged_settings_file_gives_the_defaults(tmp_path, content):
    path = tmp_path / "settings.ini"
    path.write_bytes(content)
    settings = Settings(path)
    assert settings.recent_files == [] or all(p.name for p in settings.recent_files)
    assert settings.fiber_target is None
    assert settings.autosave_seconds == AUTOSAVE_DEFAULT_S
    assert isinstance(settings.acne_prone, bool)
    assert settings.avoid_tags <= frozenset({"dairy", "gluten", "fish", "soy", "nuts",
                                             "alcohol", "animal"})  # fmt: skip
    settings.preferences()
    _ = settings.geometry, settings.window_state, settings.last_folder, settings.first_run


@pytest.mark.parametrize("value", ["", "abc", "0", "-5", "1e9", "nan", "inf"])
def test_an_autosave_interval_out_of_range_is_the_default(tmp_path, value):
    settings = Settings(tmp_path / "s.ini")
    settings._qs.setValue("files/autosave_seconds", value)
    assert settings.autosave_seconds == AUTOSAVE_DEFAULT_S
    settings.autosave_seconds = 5
    assert settings.autosave_seconds == 5


# -- D13: the settings file as hostile input --------------------------------------------------
import json  # noqa: E402
import os  # noqa: E402
import stat  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from hypothesis import HealthCheck, given  # noqa: E402
from hypothesis import settings as hsettings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

# Builds the main window over the user's settings (XDG_CONFIG_HOME points at the test's
# folder) and prints what the status bar says: it must get there, not block on the file.
_START_WINDOW = """
from ui.app import create_application
from ui.settings import Settings
from ui.window.mainwindow import MainWindow
app = create_application()
settings = Settings()
window = MainWindow(settings, background=False)
settings.autosave_seconds = 30
print("SYNC", settings.sync())
print("STATUS", window.statusBar().currentMessage())
"""


def _start_window(config: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CONFIG_HOME": str(config), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT), "GUTSKIN_DATA_DIR": str(tmp_path / "data")}  # fmt: skip
    # A hang guard: before the fix this child blocked forever opening the pipe.
    return subprocess.run([sys.executable, "-c", _START_WINDOW], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)  # fmt: skip


def _user_settings_file(config: Path) -> Path:
    folder = config / "GutSkinPlanner"
    folder.mkdir(parents=True)
    return folder / "Gut-Skin Planner.conf"


def test_a_pipe_as_the_settings_file_gives_a_window_with_the_defaults(tmp_path):
    config = tmp_path / "config"
    fifo = _user_settings_file(config)
    os.mkfifo(fifo)
    try:
        done = _start_window(config, tmp_path)
    except subprocess.TimeoutExpired:
        pytest.fail("the app blocked on a named pipe as its settings file")
    assert done.returncode == 0, done.stderr
    assert "not a regular file" in done.stdout and "STATUS Settings are not kept" in done.stdout
    assert "SYNC The settings were not saved:" in done.stdout
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_the_settings_reader_never_opens_a_pipe(tmp_path):
    fifo = tmp_path / "settings.ini"
    os.mkfifo(fifo)
    code = f"from ui.settings import Settings; s = Settings({str(fifo)!r}); print(s.recent_files)"
    try:
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                              text=True, timeout=30,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail("Settings blocked on a named pipe")
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stderr


needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")


@needs_root
def test_a_settings_file_linked_to_a_device_is_never_written_through(tmp_path):
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    link = tmp_path / "settings.ini"
    link.symlink_to(device)
    settings = Settings(link)
    assert "not a regular file" in settings.problem and settings.in_memory
    settings.set_preferences(Preferences(fiber_target_g=25))
    assert settings.fiber_target == 25  # kept for this run
    assert settings.sync().startswith("The settings were not saved: ")
    del settings
    assert stat.S_ISCHR(os.stat(device).st_mode) and link.is_symlink()


@needs_root
def test_a_settings_file_that_becomes_a_link_to_a_device_is_not_written(tmp_path):
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    path = tmp_path / "settings.ini"
    settings = Settings(path)
    settings.autosave_seconds = 5
    assert settings.sync() == "" and path.is_file()
    path.unlink()
    path.symlink_to(device)  # planted while the app runs
    settings.autosave_seconds = 7
    assert settings.autosave_seconds == 7
    assert "not a regular file" in settings.sync()
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_recent_files_with_a_nul_or_other_junk_are_dropped(tmp_path):
    path = tmp_path / "settings.ini"
    good = str(tmp_path / "week.gutplan")
    junk = ["a\x00b.gutplan", "bell\x07.gutplan", "x" * 5000, "", 7, None, ["nested"]]
    settings = Settings(path)
    settings._qs.setValue("files/recent", json.dumps([*junk, good]))
    settings._qs.setValue("files/last_folder", "/tmp/\x00evil")
    assert settings.recent_files == [Path(good)]
    assert settings.last_folder is None
    settings.add_recent(tmp_path / "other.gutplan")  # works over what was read
    assert settings.recent_files == [(tmp_path / "other.gutplan").resolve(), Path(good)]


@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
           HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    prefix=st.sampled_from([b"", b"[files]\nrecent=", b"[scoring]\nfiber_target_g=",
                            b"[window]\ngeometry=@ByteArray(", b"[General]\n"]),
    body=st.binary(max_size=2000),
)  # fmt: skip
def test_any_bytes_as_the_settings_file_load_or_give_the_defaults(tmp_path, prefix, body):
    path = tmp_path / "fuzz.ini"
    path.write_bytes(prefix + body)
    settings = Settings(path)
    assert all(isinstance(p, Path) for p in settings.recent_files)
    number = settings.fiber_target
    assert number is None or 5 <= number <= 100
    assert 0.1 <= settings.autosave_seconds <= 3600
    assert isinstance(settings.acne_prone, bool) and isinstance(settings.first_run, bool)
    settings.preferences()
    _ = settings.geometry, settings.window_state, settings.last_folder, settings.avoid_tags


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
def test_opening_a_path_with_a_nul_is_a_message_not_a_crash(window, monkeypatch):
    from ui import dialogs

    shown = []

    def record(cls, parent, action: str, path: Path, text: str) -> None:
        shown.append((action, text))

    monkeypatch.setattr(dialogs.Messages, "file_error", classmethod(record))
    before = window.document.plan.snapshot()
    window.files.open_recent(Path("/tmp/a\x00b.gutplan"))
    assert shown == [("Could not open the plan", "The file name holds a NUL.")]
    assert window.document.plan.snapshot() == before
