"""The user's own foods, kept in one JSON file in the user's data folder.

A damaged file is never overwritten: ``load_or_set_aside`` renames it (keeping it for the
user) and the app starts with the built-in foods.

Two windows (or two copies of the app) may share the file. Each add, edit and remove is
applied to the file as it is on disk at that moment: under a lock (``NAME.lock`` beside it,
``fcntl.flock``; none on Windows) the file is read again, the one change applied and the
result written, so one window's change never drops another's.

Each food is checked by planner.storage.foodcheck (``make_food``, re-exported here with
the bounds and the JSON form of a food).
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from planner.core.foods import (
    USER,
    Food,
)
from planner.errors import CatalogError
from planner.storage.atomic import describe_os_error, write_text_atomic
from planner.storage.files import EnvelopeError, check_envelope, read_file
from planner.storage.foodcheck import (
    GRAM_NUTRIENTS,
    MAX_NAME,
    MAX_SERVING_G,
    PER_GRAM_CAP,
    food_from_json,
    food_to_json,
    make_food,
)
from planner.storage.strictjson import JsonError, parse_json

# Re-exported: callers import these from here.
__all__ = [
    "FORMAT",
    "GRAM_NUTRIENTS",
    "LOCK_TIMEOUT_S",
    "MAX_FILE_BYTES",
    "MAX_FOODS",
    "MAX_NAME",
    "MAX_SERVING_G",
    "PER_GRAM_CAP",
    "VERSION",
    "DamagedFoodsFile",
    "UserFoods",
    "food_from_json",
    "food_to_json",
    "foods_from_bytes",
    "load_or_set_aside",
    "make_food",
    "set_aside",
]

FORMAT = "gutskin-foods"
VERSION = 1
MAX_FOODS = 2_000  # hundreds is a lot; the cap keeps a hostile file from tying up the app
MAX_FILE_BYTES = 20 * 1024 * 1024
LOCK_TIMEOUT_S = 10.0
_T = TypeVar("_T")

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; each change still re-reads the file
    fcntl = None  # type: ignore[assignment]


class DamagedFoodsFile(CatalogError):
    """The file of the user's own foods exists but its content cannot be read."""


def foods_from_bytes(data: bytes, name: str) -> list[Food]:
    """The foods of a file's content; raises DamagedFoodsFile, or CatalogError for a file
    of a newer version (which is not damaged, only not ours to read)."""
    try:
        document = parse_json(data)
    except JsonError as exc:
        raise DamagedFoodsFile(f"{name}: {exc}.") from exc
    try:
        document, _version = check_envelope(
            document, format=FORMAT, newest=VERSION, oldest=1, what="a file of foods"
        )
    except EnvelopeError as exc:  # a newer app's file is not damaged, only not ours
        raise (CatalogError if exc.newer else DamagedFoodsFile)(f"{name}: {exc}.") from exc
    items = document.get("foods")
    if not isinstance(items, list):
        raise DamagedFoodsFile(f"{name}: has no list of foods.")
    if len(items) > MAX_FOODS:
        raise DamagedFoodsFile(f"{name}: holds {len(items):,} foods; at most {MAX_FOODS:,} "
                               "can be kept.")  # fmt: skip
    foods: list[Food] = []
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        try:
            food = food_from_json(item)
        except CatalogError as exc:
            raise DamagedFoodsFile(f"{name}: food {number}: {str(exc).rstrip('.')}.") from exc
        if food.id in seen:
            raise DamagedFoodsFile(f"{name}: food {number}: the id {food.id} appears twice.")
        seen.add(food.id)
        foods.append(food)
    return foods


def set_aside(path: Path, when: datetime | None = None) -> Path:
    """Rename a damaged file to NAME.damaged-YYYYMMDD-HHMMSS.json beside it (never over
    another file); returns the new path. Raises OSError."""
    stamp = f"{when or datetime.now():%Y%m%d-%H%M%S}"
    for n in range(1, 100):
        suffix = "" if n == 1 else f"-{n}"
        target = path.with_name(f"{path.stem}.damaged-{stamp}{suffix}{path.suffix}")
        if not target.exists():
            path.rename(target)
            return target
    raise FileExistsError(f"no free name beside {path}")


def load_or_set_aside(path: Path) -> tuple[UserFoods, str]:
    """The user's foods and a sentence for the user ("" if all went well).

    A damaged file is renamed, kept beside the original name, and an empty list of foods
    is returned (saving it then starts a new file). A file of a newer version or one that
    cannot be read is left as it is and CatalogError is raised: the caller must then not
    save over it.
    """
    try:
        return UserFoods.load(path), ""
    except DamagedFoodsFile as exc:
        reason = str(exc)
    try:
        kept = set_aside(path)
    except OSError as exc:
        raise CatalogError(
            f"{reason} It could not be moved aside ({exc.strerror or exc}), so your foods "
            "are not loaded and the file is left as it is."
        ) from exc
    return UserFoods(path), (
        f"{reason} The file was kept as {kept.name} in {kept.parent}; the app started "
        "with the built-in foods."
    )


def _stamp(path: Path) -> tuple[int, ...] | None:
    """What tells one version of a file from another: device, inode, size and change time
    (a save renames a new file into place, so the inode changes with every save)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


class UserFoods:
    """The user's own foods: add, edit, remove, each saved atomically."""

    def __init__(self, path: Path, foods: Iterable[Food] = ()) -> None:
        self.path = path
        self._foods: dict[str, Food] = {food.id: food for food in foods}
        # The file's identity when this object last read or wrote it: while it is the
        # same, the foods here are what the file holds and need not be read again.
        self._stamp: tuple[int, ...] | None = None

    @classmethod
    def load(cls, path: Path) -> UserFoods:
        """Read the file; a missing file is an empty list. Raises CatalogError if damaged."""
        if not path.exists():
            return cls(path)
        if path.is_file() and path.stat().st_size > MAX_FILE_BYTES:
            raise DamagedFoodsFile(f"{path.name}: is too large to be a file of foods.")
        stamp = _stamp(path)
        data = read_file(path, MAX_FILE_BYTES, "a file of foods", error=CatalogError)
        store = cls(path, foods_from_bytes(data, path.name))
        store._stamp = stamp
        return store

    def __iter__(self) -> Iterator[Food]:
        return iter(self._foods.values())

    def __len__(self) -> int:
        return len(self._foods)

    def get(self, food_id: str) -> Food | None:
        return self._foods.get(food_id)

    def _free_id(self, wanted: str, taken: dict[str, Food] | None = None) -> str:
        taken = self._foods if taken is None else taken
        if wanted not in taken:
            return wanted
        n = 2
        while f"{wanted}-{n}" in taken:
            n += 1
        return f"{wanted}-{n}"

    def add(self, food: Food) -> Food:
        """Add a food (its id made unique among the foods on disk now); returns it."""

        def apply(foods: dict[str, Food]) -> Food:
            if len(foods) >= MAX_FOODS:
                raise CatalogError(f"You can keep at most {MAX_FOODS:,} foods of your own.")
            added = replace(food, id=self._free_id(food.id, foods), origin=USER)
            foods[added.id] = added
            return added

        return self._change(apply)

    def update(self, food: Food) -> None:
        """Replace the food with ``food.id`` (added back if another window removed it)."""
        if food.id not in self._foods:
            raise CatalogError(f"There is no food of yours with the id {food.id}.")

        def apply(foods: dict[str, Food]) -> None:
            if food.id not in foods and len(foods) >= MAX_FOODS:
                raise CatalogError(f"You can keep at most {MAX_FOODS:,} foods of your own.")
            foods[food.id] = replace(food, origin=USER)

        self._change(apply)

    def remove(self, food_id: str) -> Food:
        if food_id not in self._foods:
            raise CatalogError(f"There is no food of yours with the id {food_id}.")
        removed = self._foods[food_id]
        self._change(lambda foods: foods.pop(food_id, None))
        return removed

    def _change(self, apply: Callable[[dict[str, Food]], _T]) -> _T:
        """Apply one change to the foods as they are on disk now, and write them.

        Under the lock the file is read again, so what another window saved meanwhile is
        kept; this object then holds the merged foods. On any failure nothing changes,
        on disk or here. A file that became unreadable meanwhile is not written over.
        """
        with self._locked():
            foods = self._on_disk()
            result = apply(foods)
            self._write(foods)
            self._foods = foods
        return result

    def _on_disk(self) -> dict[str, Food]:
        """The foods in the file now; this object's own if the file is gone."""
        if not os.path.lexists(self.path):
            return dict(self._foods)
        if self._stamp is not None and _stamp(self.path) == self._stamp:
            return dict(self._foods)  # nobody wrote it since this object did
        try:
            foods = UserFoods.load(self.path)._foods
        except CatalogError as exc:
            raise CatalogError(
                f"{exc} It changed on disk since it was opened; your change was not "
                "saved, and the file is left as it is."
            ) from exc
        return dict(foods)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the lock file beside the file of foods (nothing to hold without fcntl)."""
        if fcntl is None:
            yield
            return
        lock = self.path.with_name(self.path.name + ".lock")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # O_NONBLOCK: a pipe planted as the lock file must not block the open.
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK, 0o666)
        except OSError as exc:
            raise CatalogError(describe_os_error(lock, exc)) from exc
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise CatalogError(f"Could not save {self.path}: {lock} is not a regular file.")
            deadline = time.monotonic() + LOCK_TIMEOUT_S
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise CatalogError(
                            f"Could not save {self.path}: another window has been saving it "
                            f"for {LOCK_TIMEOUT_S:g} seconds; try again."
                        ) from None
                    time.sleep(0.02)
                except OSError:
                    break  # a file system without locks: carry on, re-reading still helps
            yield
        finally:
            os.close(fd)  # releases the lock

    def save(self) -> None:
        """Write the foods this object holds, as they are (under the lock)."""
        with self._locked():
            self._write(self._foods)

    def _write(self, foods: dict[str, Food]) -> None:
        # One food per line, each encoded by json's C encoder (indent= would switch to the
        # pure-Python one, several times slower at the 2,000-food limit).
        lines = ",\n".join(
            " " + json.dumps(food_to_json(food), ensure_ascii=False, allow_nan=False)
            for food in foods.values()
        )
        head = json.dumps({"format": FORMAT, "version": VERSION})[:-1]
        text = f'{head}, "foods": [\n{lines}\n]}}\n' if lines else f'{head}, "foods": []}}\n'
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.path, text)
            self._stamp = _stamp(self.path)
        except OSError as exc:
            raise CatalogError(describe_os_error(self.path, exc)) from exc
