"""The user's own foods, kept in one JSON file in the user's data folder.

A damaged file is never overwritten: ``load_or_set_aside`` renames it (keeping it for the
user) and the app starts with the built-in foods.

Two windows (or two copies of the app) may share the file. Each add, edit and remove is
applied to the file as it is on disk at that moment, under a lock, so one window's change
never drops another's (planner.storage.jsonstore, shared with the own recipes).

Each food is checked by planner.storage.foodcheck (``make_food``, re-exported here with
the bounds and the JSON form of a food).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from planner.core.foods import (
    USER,
    Food,
)
from planner.errors import CatalogError
from planner.i18n import N_, _, format_number, ngettext
from planner.storage.files import read_file
from planner.storage.foodcheck import (
    GRAM_NUTRIENTS,
    MAX_NAME,
    MAX_SERVING_G,
    PER_GRAM_CAP,
    food_from_json,
    food_to_json,
    make_food,
)
from planner.storage.jsonstore import (
    LOCK_TIMEOUT_S,
    FileKind,
    KindTexts,
    LockedJsonStore,
    decode_records,
    file_stamp,
    read_records,
    set_aside,
)
from planner.storage.jsonstore import load_or_set_aside as _load_or_set_aside

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


class DamagedFoodsFile(CatalogError):
    """The file of the user's own foods exists but its content cannot be read."""


TEXTS = KindTexts(
    what=N_("a file of foods"),
    # Translators: {number} counts the foods in the file: "my-foods.json: food 3".
    item=N_("{name}: food {number}"),
    no_list=N_("{name}: has no list of foods."),
    too_many=lambda n: ngettext(
        "{name}: holds {count} food; at most {most} can be kept.",
        "{name}: holds {count} foods; at most {most} can be kept.",
        n,
    ),
    # Translators: {reason} says why the file is damaged; {error} is the system's reason.
    not_moved=N_(
        "{reason} It could not be moved aside ({error}), so your foods are not loaded "
        "and the file is left as it is."
    ),
    kept=N_(
        "{reason} The file was kept as {kept} in {folder}; the app started with the built-in foods."
    ),
)
KIND = FileKind(FORMAT, VERSION, "foods", "food", MAX_FOODS, CatalogError, DamagedFoodsFile, TEXTS)


def foods_from_bytes(data: bytes, name: str) -> list[Food]:
    """The foods of a file's content; raises DamagedFoodsFile, or CatalogError for a file
    of a newer version (which is not damaged, only not ours to read)."""
    return decode_records(read_records(data, name, KIND), name, KIND, food_from_json)


def load_or_set_aside(path: Path) -> tuple[UserFoods, str]:
    """The user's foods and a sentence for the user ("" if all went well).

    A damaged file is renamed, kept beside the original name, and an empty list of foods
    is returned (saving it then starts a new file). A file of a newer version or one that
    cannot be read is left as it is and CatalogError is raised: the caller must then not
    save over it.
    """
    return _load_or_set_aside(
        path,
        KIND,
        lambda: UserFoods.load(path),
        lambda: UserFoods(path),
    )


class UserFoods(LockedJsonStore[Food]):
    """The user's own foods: add, edit, remove, each saved atomically under the lock."""

    kind = KIND

    def __init__(self, path: Path, foods: Iterable[Food] = ()) -> None:
        super().__init__(path, foods)

    @classmethod
    def load(cls, path: Path) -> UserFoods:
        """Read the file; a missing file is an empty list. Raises CatalogError if damaged."""
        if not path.exists():
            return cls(path)
        if path.is_file() and path.stat().st_size > MAX_FILE_BYTES:
            message = _("{name}: is too large to be a file of foods.")
            raise DamagedFoodsFile(message.format(name=path.name))
        stamp = file_stamp(path)
        data = read_file(path, MAX_FILE_BYTES, KIND.what, error=CatalogError)
        store = cls(path, foods_from_bytes(data, path.name))
        store._stamp = stamp
        return store

    def _reread(self) -> dict[str, Food]:
        return UserFoods.load(self.path)._records

    def _encode(self, record: Food) -> dict[str, Any]:
        return food_to_json(record)

    def _free_id(self, wanted: str, taken: dict[str, Food] | None = None) -> str:
        taken = self._records if taken is None else taken
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
                raise CatalogError(_too_many())
            added = replace(food, id=self._free_id(food.id, foods), origin=USER)
            foods[added.id] = added
            return added

        return self._change(apply)

    def update(self, food: Food) -> None:
        """Replace the food with ``food.id`` (added back if another window removed it)."""
        if food.id not in self._records:
            raise CatalogError(_no_such_food(food.id))

        def apply(foods: dict[str, Food]) -> None:
            if food.id not in foods and len(foods) >= MAX_FOODS:
                raise CatalogError(_too_many())
            foods[food.id] = replace(food, origin=USER)

        self._change(apply)

    def remove(self, food_id: str) -> Food:
        if food_id not in self._records:
            raise CatalogError(_no_such_food(food_id))
        removed = self._records[food_id]
        self._change(lambda foods: foods.pop(food_id, None))
        return removed


def _too_many() -> str:
    message = ngettext(
        "You can keep at most {most} food of your own.",
        "You can keep at most {most} foods of your own.",
        MAX_FOODS,
    )
    return message.format(most=format_number(MAX_FOODS, 0))


def _no_such_food(food_id: str) -> str:
    return _("There is no food of yours with the id {id}.").format(id=food_id)
