"""The app's settings: typed options with defaults over QSettings.

``Settings()`` uses the user's settings; ``Settings(path)`` keeps them in an INI file, which
is how tests and the screenshot script stay out of the real ones. QSettings writes its file
atomically (through QSaveFile: a temporary file, synced, then renamed); that is required
here rather than left to the default. Values read back are checked, so a damaged settings
file gives the defaults, never an error.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from planner.core.foods import TAGS
from planner.scoring.model import Preferences

ORGANIZATION = "GutSkinPlanner"
APPLICATION = "Gut-Skin Planner"
MAX_RECENT = 8
MAX_PANTRY = 500  # a pantry, not a catalog: a damaged file cannot make it huge
FIBER_RANGE = (5.0, 100.0)  # what planner.scoring.model.Preferences accepts
AUTOSAVE_DEFAULT_S = 60.0
AUTOSAVE_RANGE = (0.1, 3600.0)  # tests use a fraction of a second


class Settings:
    def __init__(self, path: Path | str | None = None) -> None:
        if path is None:
            self._qs = QSettings(ORGANIZATION, APPLICATION)
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        self._qs.setAtomicSyncRequired(True)

    def sync(self) -> str:
        """Write the settings file; returns why it failed ("" if it did not)."""
        self._qs.sync()
        if self._qs.status() == QSettings.Status.AccessError:
            return f"The settings could not be saved to {self._qs.fileName()}."
        return ""

    # -- recovery ------------------------------------------------------------------------
    @property
    def autosave_seconds(self) -> float:
        """How often an unsaved plan is copied to the recovery folder."""
        number = _number(self._qs.value("files/autosave_seconds", AUTOSAVE_DEFAULT_S))
        if number is None:
            return AUTOSAVE_DEFAULT_S
        low, high = AUTOSAVE_RANGE
        return number if low <= number <= high else AUTOSAVE_DEFAULT_S

    @autosave_seconds.setter
    def autosave_seconds(self, seconds: float) -> None:
        self._qs.setValue("files/autosave_seconds", float(seconds))

    # -- scoring preferences -------------------------------------------------------------
    @property
    def fiber_target(self) -> float | None:
        """The daily fiber target in g; None: the scoring file's default."""
        number = _number(self._qs.value("scoring/fiber_target_g", None))
        if number is None or not FIBER_RANGE[0] <= number <= FIBER_RANGE[1]:
            return None
        return number

    @fiber_target.setter
    def fiber_target(self, value: float | None) -> None:
        self._qs.setValue("scoring/fiber_target_g", "" if value is None else float(value))

    @property
    def acne_prone(self) -> bool:
        return self._bool("scoring/acne_prone", False)

    @acne_prone.setter
    def acne_prone(self, value: bool) -> None:
        self._qs.setValue("scoring/acne_prone", bool(value))

    @property
    def avoid_tags(self) -> frozenset[str]:
        text = self._qs.value("scoring/avoid_tags", "")
        words = text.split(",") if isinstance(text, str) else text if isinstance(text, list) else []
        return frozenset(w for w in (str(w).strip() for w in words) if w in TAGS)

    @avoid_tags.setter
    def avoid_tags(self, tags: frozenset[str] | set[str]) -> None:
        self._qs.setValue("scoring/avoid_tags", ",".join(t for t in TAGS if t in tags))

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

    # -- window and files ----------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry", None)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._qs.value("window/state", None)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/state", value)

    @property
    def first_run(self) -> bool:
        """True until the app has started once (the first start shows the sample week)."""
        return not self._bool("app/started_before", False)

    def mark_started(self) -> None:
        self._qs.setValue("app/started_before", True)

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
            items = json.loads(str(self._qs.value("files/recent", "[]")))
        except (ValueError, RecursionError):  # a damaged settings file
            return []
        if not isinstance(items, list):
            return []
        return [Path(item) for item in items if isinstance(item, str) and item][:MAX_RECENT]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        items = [path] + [p for p in self.recent_files if p != path]
        self._set_recent(items[:MAX_RECENT])

    def remove_recent(self, path: Path) -> None:
        self._set_recent([p for p in self.recent_files if p != Path(path).resolve()])

    def clear_recent(self) -> None:
        self._set_recent([])

    def _set_recent(self, paths: list[Path]) -> None:
        self._qs.setValue("files/recent", json.dumps([str(p) for p in paths]))

    @property
    def last_folder(self) -> Path | None:
        value = self._qs.value("files/last_folder", "")
        return Path(value) if isinstance(value, str) and value else None

    @last_folder.setter
    def last_folder(self, folder: Path) -> None:
        self._qs.setValue("files/last_folder", str(folder))

    def _bool(self, key: str, default: bool) -> bool:
        value = self._qs.value(key, default)
        if isinstance(value, str):  # INI files give back "true"/"false"
            return value.strip().casefold() in ("true", "1", "yes")
        return bool(value)


def _number(value: object) -> float | None:
    """A number read from the settings file; None for anything else (an edited file)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return float(value)
    except ValueError:
        return None
