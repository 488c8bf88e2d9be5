"""The app's settings: typed options with defaults over QSettings.

``Settings()`` uses the user's settings; ``Settings(path)`` keeps them in an INI file, which
is how tests and the screenshot script stay out of the real ones. QSettings writes its file
atomically (through QSaveFile: a temporary file, synced, then renamed); that is required
here rather than left to the default. Values read back are checked, so a damaged settings
file gives the defaults, never an error.

The settings file is input like any other file. QSettings reads it in its constructor and
would block forever on a named pipe, and its save replaces whatever the path names, even
a device behind a link. So the path is looked at first (``file_problem``): if it is not a
regular file (or a link to one), or is absurdly large, the settings live in memory for
this run (``Settings.problem`` says why, for the status bar) and the file is never read
or written. Before each change is stored the path is looked at again.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path
from typing import TypeGuard

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from planner.core.foods import TAGS
from planner.i18n import LANGUAGES, N_, PSEUDO, _
from planner.scoring.model import Preferences

ORGANIZATION = "GutSkinPlanner"
APPLICATION = "Gut-Skin Planner"
MAX_RECENT = 8
MAX_PANTRY = 500  # a pantry, not a catalog: a damaged file cannot make it huge
FIBER_RANGE = (5.0, 100.0)  # what planner.scoring.model.Preferences accepts
AUTOSAVE_DEFAULT_S = 60.0
AUTOSAVE_RANGE = (0.1, 3600.0)  # tests use a fraction of a second
START_LAST, START_EMPTY, START_SAMPLE = "last", "empty", "sample"
START_CHOICES = {
    START_LAST: N_("The last plan"),
    START_EMPTY: N_("An empty plan"),
    START_SAMPLE: N_("The sample week"),
}
# How amounts given by weight are shown (grams or ounces): the metric/US setting.
METRIC, US = "metric", "us"
UNIT_SYSTEMS = {METRIC: N_("Metric (grams)"), US: N_("US (ounces)")}
# The language the app speaks: "" follows the system; otherwise a planner.i18n.LANGUAGES
# key (PSEUDO is accepted too, for tests and screenshots, but never offered).
SYSTEM_LANGUAGE = ""
MAX_FILE_BYTES = 1 << 20  # the app writes a few kilobytes; a larger file is not its own
MAX_PATH_CHARS = 4096  # Linux's PATH_MAX: a longer "path" in the file is damage


def native_file() -> Path | None:
    """Where QSettings(ORGANIZATION, APPLICATION) keeps its file, worked out without
    opening it; None where the settings are not a file this app can look at first (the
    Windows registry, macOS's preferences daemon)."""
    if sys.platform.startswith(("win", "darwin")):
        return None
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(folder) / ORGANIZATION / f"{APPLICATION}.conf" if folder else None


def file_problem(path: Path) -> str:
    """Why the settings must not be read from or written to ``path`` ("" if they may).

    A missing file is fine (it is created); a link is judged by what it points to.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return ""
    except (OSError, ValueError) as exc:  # a loop of links, a NUL in the name...
        if isinstance(exc, OSError) and not os.path.lexists(path):
            return ""
        return _("the settings file {path} cannot be looked at ({reason})").format(
            path=path, reason=exc
        )
    if stat.S_ISDIR(info.st_mode):
        return ""  # cannot block or be replaced; QSettings reports it cannot write there
    if not stat.S_ISREG(info.st_mode):
        return _("the settings file {path} is not a regular file (a pipe or a device)").format(
            path=path
        )
    if info.st_size > MAX_FILE_BYTES:
        return _("the settings file {path} is too large to be this app's").format(path=path)
    return ""


def locale_unit_system() -> str:
    """The system the user's locale measures in: US customary in the US (and the few
    places QLocale reports alike), metric elsewhere. The UK's "imperial" locale is metric
    here: its food labels and recipes weigh in grams."""
    from PySide6.QtCore import QLocale

    system = QLocale().measurementSystem()
    return US if system == QLocale.MeasurementSystem.ImperialUSSystem else METRIC


class MemorySettings:
    """The part of QSettings the app uses, kept in memory: the settings of a run whose
    settings file could not be used. Nothing is read or written."""

    def __init__(self, name: str) -> None:
        self._values: dict[str, object] = {}
        self._name = name

    def value(self, key: str, default: object = None) -> object:
        return self._values.get(key, default)

    def setValue(self, key: str, value: object) -> None:
        self._values[key] = value

    def sync(self) -> None:
        pass

    def status(self) -> QSettings.Status:
        return QSettings.Status.NoError

    def fileName(self) -> str:
        return self._name

    def setAtomicSyncRequired(self, _required: bool) -> None:
        pass

    def isAtomicSyncRequired(self) -> bool:
        return True


class Settings:
    def __init__(self, path: Path | str | None = None) -> None:
        self.path: Path | None = native_file() if path is None else Path(path)
        # Why the settings file is not used this run ("" when it is): said once, at start.
        self.problem = file_problem(self.path) if self.path is not None else ""
        self._qs: QSettings | MemorySettings
        if self.problem:
            self._qs = MemorySettings(str(self.path))
        elif path is None:
            self._qs = QSettings(ORGANIZATION, APPLICATION)
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        self._qs.setAtomicSyncRequired(True)
        self._kept: list[QSettings] = []

    @property
    def in_memory(self) -> bool:
        """True when this run's settings are not read from or written to a file."""
        return isinstance(self._qs, MemorySettings)

    def _check_file(self) -> None:
        """Look at the file again before a change reaches QSettings, which saves it soon
        after: a path that became a pipe or a link to a device since is not written. The
        settings then stay in memory for the rest of the run."""
        if self.in_memory or self.path is None:
            return
        problem = file_problem(self.path)
        if not problem:
            return
        memory = MemorySettings(str(self.path))
        qs = self._qs
        assert isinstance(qs, QSettings)
        for key in qs.allKeys():
            memory.setValue(key, self._get(key))
        # Kept, not deleted: QSettings saves pending changes when it is destroyed.
        self._kept.append(qs)
        self._qs = memory
        self.problem = problem

    def _set(self, key: str, value: object) -> None:
        self._check_file()
        self._qs.setValue(key, value)

    def _get(self, key: str, default: object = None) -> object:
        """A value as stored; the default for one QSettings cannot give back."""
        try:
            return self._qs.value(key, default)
        except Exception:  # a value Qt or PySide cannot convert: an edited file
            return default

    def sync(self) -> str:
        """Write the settings file; returns why it failed ("" if it did not)."""
        self._check_file()
        if isinstance(self._qs, MemorySettings):
            if not self.problem:
                return ""
            # Translators: {reason} is one of the "the settings file ..." messages.
            return _("The settings were not saved: {reason}.").format(reason=self.problem)
        self._qs.sync()
        if self._qs.status() == QSettings.Status.AccessError:
            return _("The settings could not be saved to {path}.").format(path=self._qs.fileName())
        return ""

    # -- recovery ------------------------------------------------------------------------
    @property
    def autosave_seconds(self) -> float:
        """How often an unsaved plan is copied to the recovery folder."""
        number = _number(self._get("files/autosave_seconds", AUTOSAVE_DEFAULT_S))
        if number is None:
            return AUTOSAVE_DEFAULT_S
        low, high = AUTOSAVE_RANGE
        return number if low <= number <= high else AUTOSAVE_DEFAULT_S

    @autosave_seconds.setter
    def autosave_seconds(self, seconds: float) -> None:
        self._set("files/autosave_seconds", float(seconds))

    # -- scoring preferences -------------------------------------------------------------
    @property
    def fiber_target(self) -> float | None:
        """The daily fiber target in g; None: the scoring file's default."""
        number = _number(self._get("scoring/fiber_target_g", None))
        if number is None or not FIBER_RANGE[0] <= number <= FIBER_RANGE[1]:
            return None
        return number

    @fiber_target.setter
    def fiber_target(self, value: float | None) -> None:
        self._set("scoring/fiber_target_g", "" if value is None else float(value))

    @property
    def acne_prone(self) -> bool:
        return self._bool("scoring/acne_prone", False)

    @acne_prone.setter
    def acne_prone(self, value: bool) -> None:
        self._set("scoring/acne_prone", bool(value))

    @property
    def avoid_tags(self) -> frozenset[str]:
        text = self._get("scoring/avoid_tags", "")
        words = text.split(",") if isinstance(text, str) else text if isinstance(text, list) else []
        return frozenset(w for w in (str(w).strip() for w in words) if w in TAGS)

    @avoid_tags.setter
    def avoid_tags(self, tags: frozenset[str] | set[str]) -> None:
        self._set("scoring/avoid_tags", ",".join(t for t in TAGS if t in tags))

    def preferences(self) -> Preferences:
        return Preferences(
            fiber_target_g=self.fiber_target,
            acne_prone=self.acne_prone,
            avoid_tags=self.avoid_tags,
        )

    def set_preferences(self, prefs: Preferences) -> None:
        self.fiber_target = prefs.fiber_target_g
        self.acne_prone = prefs.acne_prone
        self.avoid_tags = prefs.avoid_tags

    # -- how amounts are shown --------------------------------------------------------
    @property
    def unit_system(self) -> str:
        """METRIC or US: whether weights show in grams or ounces. Until chosen, the
        locale's system."""
        value = self._get("display/unit_system", "")
        return value if isinstance(value, str) and value in UNIT_SYSTEMS else locale_unit_system()

    @unit_system.setter
    def unit_system(self, value: str) -> None:
        if value in UNIT_SYSTEMS:
            self._set("display/unit_system", value)

    # -- window and files ----------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray | None:
        value = self._get("window/geometry", None)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._set("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._get("window/state", None)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._set("window/state", value)

    @property
    def first_run(self) -> bool:
        """True until the app has started once (the first start shows the sample week)."""
        return not self._bool("app/started_before", False)

    def mark_started(self) -> None:
        self._set("app/started_before", True)

    @property
    def tour_done(self) -> bool:
        """True once the first-start tour was finished or dismissed for good."""
        return self._bool("app/tour_done", False)

    @tour_done.setter
    def tour_done(self, value: bool) -> None:
        self._qs.setValue("app/tour_done", bool(value))

    # -- the pantry ----------------------------------------------------------------------
    @property
    def pantry(self) -> list[str]:
        """Ids of the foods already at home, in the order added (JSON text, as recent files:
        an INI file turns a one-item list into a plain string)."""
        try:
            items = json.loads(str(self._qs.value("pantry/foods", "[]")))
        except (ValueError, RecursionError):  # a damaged settings file
            return []
        if not isinstance(items, list):
            return []
        return list(dict.fromkeys(i for i in items if isinstance(i, str) and i))[:MAX_PANTRY]

    @pantry.setter
    def pantry(self, food_ids: list[str]) -> None:
        kept = list(dict.fromkeys(food_ids))[:MAX_PANTRY]
        self._qs.setValue("pantry/foods", json.dumps(kept))

    # -- the auto-planner's constraints (planner.autoplan.model.settings_to_dict) ---------
    @property
    def autoplan(self) -> object:
        """The constraints last used to fill a week, as JSON data (None: never filled)."""
        try:
            return json.loads(str(self._qs.value("autoplan/settings", "null")))
        except (ValueError, RecursionError):  # a damaged settings file: the defaults
            return None

    @autoplan.setter
    def autoplan(self, data: object) -> None:
        self._qs.setValue("autoplan/settings", json.dumps(data))

    @property
    def recent_files(self) -> list[Path]:
        # Kept as JSON text: QSettings turns a one-item list into a plain string in INI files.
        try:
            items = json.loads(str(self._get("files/recent", "[]")))
        except (ValueError, RecursionError):  # a damaged settings file
            return []
        if not isinstance(items, list):
            return []
        return [Path(item) for item in items if _usable_path(item)][:MAX_RECENT]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        items = [path] + [p for p in self.recent_files if p != path]
        self._set_recent(items[:MAX_RECENT])

    def remove_recent(self, path: Path) -> None:
        self._set_recent([p for p in self.recent_files if p != Path(path).resolve()])

    def clear_recent(self) -> None:
        self._set_recent([])

    def _set_recent(self, paths: list[Path]) -> None:
        self._set("files/recent", json.dumps([str(p) for p in paths]))

    @property
    def last_folder(self) -> Path | None:
        value = self._get("files/last_folder", "")
        return Path(value) if _usable_path(value) else None

    @last_folder.setter
    def last_folder(self, folder: Path) -> None:
        self._set("files/last_folder", str(folder))

    # -- what the app opens with ------------------------------------------------------------
    @property
    def start_with(self) -> str:
        """What a start without a file opens: the last plan, an empty plan or the sample
        week (one of START_CHOICES)."""
        value = self._qs.value("app/start_with", START_LAST)
        return value if isinstance(value, str) and value in START_CHOICES else START_LAST

    @start_with.setter
    def start_with(self, value: str) -> None:
        if value in START_CHOICES:
            self._qs.setValue("app/start_with", value)

    @property
    def language(self) -> str:
        """The language chosen in Preferences ("" for the system's), applied at start."""
        value = self._qs.value("app/language", SYSTEM_LANGUAGE)
        ok = isinstance(value, str) and (value in LANGUAGES or value == PSEUDO)
        return value if ok and isinstance(value, str) else SYSTEM_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        if value in (SYSTEM_LANGUAGE, PSEUDO) or value in LANGUAGES:
            self._set("app/language", value)

    @property
    def last_plan(self) -> Path | None:
        """The plan file open when the app last closed; None for an unsaved plan."""
        value = self._qs.value("files/last_plan", "")
        return Path(value) if isinstance(value, str) and value else None

    @last_plan.setter
    def last_plan(self, path: Path | None) -> None:
        self._qs.setValue("files/last_plan", "" if path is None else str(Path(path).resolve()))

    def _bool(self, key: str, default: bool) -> bool:
        value = self._get(key, default)
        if isinstance(value, str):  # INI files give back "true"/"false"
            return value.strip().casefold() in ("true", "1", "yes")
        return bool(value)


def _usable_path(value: object) -> TypeGuard[str]:
    """Whether a path read from the settings file can be used: text, not empty, not too
    long, and free of NUL and other control characters (which a file name the app wrote
    never holds, and which os functions refuse with ValueError)."""
    return isinstance(value, str) and 0 < len(value) <= MAX_PATH_CHARS and value.isprintable()


def _number(value: object) -> float | None:
    """A number read from the settings file; None for anything else (an edited file)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return float(value)
    except ValueError:
        return None
