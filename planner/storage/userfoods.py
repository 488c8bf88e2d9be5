"""The user's own foods, kept in one JSON file in the user's data folder.

A damaged file is never overwritten: ``load_or_set_aside`` renames it (keeping it for the
user) and the app starts with the built-in foods.

Two windows (or two copies of the app) may share the file. Each add, edit and remove is
applied to the file as it is on disk at that moment: under a lock (``NAME.lock`` beside it,
``fcntl.flock``; none on Windows) the file is read again, the one change applied and the
result written, so one window's change never drops another's.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from planner.core.foods import (
    AISLES,
    CATEGORIES,
    LIMIT_KINDS,
    NUTRIENTS,
    TAGS,
    USER,
    USER_PREFIX,
    Food,
)
from planner.errors import CatalogError
from planner.storage.atomic import describe_os_error, write_text_atomic
from planner.storage.files import EnvelopeError, check_envelope, read_file
from planner.storage.strictjson import JsonError, has_unprintable, parse_json

FORMAT = "gutskin-foods"
VERSION = 1
MAX_NAME = 200
MAX_FOODS = 2_000  # hundreds is a lot; the cap keeps a hostile file from tying up the app
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_SERVING_G = 5000.0
# Physical bounds on what a serving can hold, per gram of the serving. A nutrient weighed
# in g, mg or µg cannot weigh more than the serving itself (at most 100 g per 100 g);
# energy is capped at 9.1 kcal/g, a little above the richest food in USDA SR28 (lard,
# NDB 04001: 902 kcal per 100 g; pure fat is about 9 kcal/g by the Atwater factors).
PER_GRAM_CAP: dict[str, float] = {
    "energy_kcal": 9.1,
    "fiber_g": 1.0,
    "sugars_g": 1.0,
    "omega3_g": 1.0,
    "vit_c_mg": 1_000.0,
    "vit_e_mg": 1_000.0,
    "zinc_mg": 1_000.0,
    "vit_a_ug": 1_000_000.0,
    "vit_d_ug": 1_000_000.0,
}
GRAM_NUTRIENTS = ("fiber_g", "sugars_g", "omega3_g")  # distinct parts of the same serving
LOCK_TIMEOUT_S = 10.0
_T = TypeVar("_T")

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; each change still re-reads the file
    fcntl = None  # type: ignore[assignment]


class DamagedFoodsFile(CatalogError):
    """The file of the user's own foods exists but its content cannot be read."""


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return slug[:40] or "food"


# Control characters (C0, DEL, C1: Unicode's category Cc) and lone surrogates (Cs).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _clean(text: str) -> str:
    """Text on one line: runs of white space become one space; control characters (ESC,
    BEL, NUL..., which would reach a terminal or a CSV file) and lone surrogates (which
    cannot be written as UTF-8, so the file could not be saved) are dropped."""
    return _UNPRINTABLE.sub("", " ".join(text.split())).strip()


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise CatalogError(f"{what} must be text.")
    return _clean(value)


def make_food(
    name: str,
    *,
    categories: Iterable[str] = (),
    serving_label: str = "1 serving",
    grams: float = 100.0,
    nutrients: dict[str, float | None] | None = None,
    aisle: str = "pantry",
    tags: Iterable[str] = (),
    plant: str | None = None,
    limit_kind: str | None = None,
    food_id: str | None = None,
) -> Food:
    """Build a user food, checking every field; raises CatalogError with a readable reason."""
    name = _text(name, "A food's name")
    if not name:
        raise CatalogError("A food needs a name.")
    if len(name) > MAX_NAME:
        raise CatalogError(f"A food name can have at most {MAX_NAME} characters.")
    cats = frozenset(categories)
    unknown = cats - set(CATEGORIES)
    if unknown:
        raise CatalogError(f"Unknown category: {', '.join(sorted(unknown))}.")
    if "limit" in cats and len(cats) > 1:
        raise CatalogError("A food to limit cannot also be in another category.")
    if "limit" in cats:
        limit_kind = limit_kind or "refined_sugar"
        if limit_kind not in LIMIT_KINDS:
            raise CatalogError(f"Unknown kind of food to limit: {limit_kind}.")
    else:
        limit_kind = None
    if aisle not in AISLES:
        raise CatalogError(f"Unknown aisle: {aisle}.")
    tag_set = frozenset(tags)
    if tag_set - set(TAGS):
        raise CatalogError(f"Unknown diet tag: {', '.join(sorted(tag_set - set(TAGS)))}.")
    if isinstance(grams, bool) or not isinstance(grams, int | float):
        raise CatalogError("A serving's weight must be a number of grams.")
    if not math.isfinite(grams) or not 0 < grams <= MAX_SERVING_G:
        raise CatalogError(f"A serving must weigh more than 0 and at most {MAX_SERVING_G:g} g.")
    clean: dict[str, float | None] = {}
    for key in NUTRIENTS:
        value = (nutrients or {}).get(key)
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise CatalogError(f"{key} must be a number or empty.")
            if not math.isfinite(value) or value < 0:
                raise CatalogError(f"{key} must be a number of at least 0.")
            value = float(value)
            cap = PER_GRAM_CAP[key] * grams
            if value > cap:
                raise CatalogError(
                    f"{key} can be at most {cap:g} {NUTRIENTS[key]} in a serving of {grams:g} g."
                )
        clean[key] = value
    in_grams = sum(clean[key] or 0.0 for key in GRAM_NUTRIENTS)
    if in_grams > grams:
        raise CatalogError(
            f"Fiber, sugars and omega-3 together weigh {in_grams:g} g, more than the "
            f"serving's {grams:g} g."
        )
    label = _text(serving_label, "A serving's label") or "1 serving"
    if plant is not None and not isinstance(plant, str):
        raise CatalogError("A food's plant must be text.")
    return Food(
        id=food_id or USER_PREFIX + _slug(name),
        name=name,
        categories=cats,
        serving_label=label[:80],
        grams=float(grams),
        nutrients=clean,
        plant=(_clean(plant.casefold())[:MAX_NAME] or None) if plant else None,
        aisle=aisle,
        tags=tag_set,
        limit_kind=limit_kind,
        origin=USER,
    )


def food_to_json(food: Food) -> dict:
    return {
        "id": food.id,
        "name": food.name,
        "categories": sorted(food.categories),
        "serving_label": food.serving_label,
        "grams": food.grams,
        "nutrients": dict(food.nutrients),
        "aisle": food.aisle,
        "tags": sorted(food.tags),
        "plant": food.plant,
        "limit_kind": food.limit_kind,
    }


_FIELD_TYPES: dict[str, type | tuple[type, ...]] = {
    "name": str,
    "categories": list,
    "serving_label": str,
    "grams": (int, float),
    "nutrients": dict,
    "aisle": str,
    "tags": list,
    "plant": str,
    "limit_kind": str,
}


def food_from_json(item: object) -> Food:
    if not isinstance(item, dict):
        raise CatalogError("each food must be an object")
    food_id = item.get("id")
    if (
        not isinstance(food_id, str)
        or not food_id.startswith(USER_PREFIX)
        or len(food_id) > 80
        or has_unprintable(food_id)
    ):
        raise CatalogError(f"a food has an invalid id: {str(food_id)[:40]!r}")
    for key, kind in _FIELD_TYPES.items():
        if key in item and item[key] is not None and not isinstance(item[key], kind):
            raise CatalogError(f"a food's {key} has the wrong type")
    for key in ("categories", "tags"):
        if not all(isinstance(word, str) for word in item.get(key) or ()):
            raise CatalogError(f"a food's {key} must be words")
    if isinstance(item.get("grams"), bool):
        raise CatalogError("a food's grams has the wrong type")
    if not isinstance(item.get("name"), str):
        raise CatalogError("a food's name is missing or not text")
    try:
        return make_food(
            item["name"],
            categories=item.get("categories") or (),
            serving_label=item.get("serving_label") or "1 serving",
            grams=item.get("grams", 100.0),
            nutrients=item.get("nutrients") or {},
            aisle=item.get("aisle") or "pantry",
            tags=item.get("tags") or (),
            plant=item.get("plant"),
            limit_kind=item.get("limit_kind"),
            food_id=food_id,
        )
    except TypeError as exc:
        raise CatalogError(f"a food has a field of the wrong type ({exc})") from exc


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
