"""The user's own foods, kept in one JSON file in the user's data folder."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from .atomic import describe_os_error, write_text_atomic
from .errors import CatalogError
from .foods import AISLES, CATEGORIES, LIMIT_KINDS, NUTRIENTS, TAGS, USER, USER_PREFIX, Food

FORMAT = "gutskin-foods"
VERSION = 1
MAX_NAME = 200


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return slug[:40] or "food"


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
    name = " ".join(str(name).split())
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
    if not math.isfinite(grams) or not 0 < grams <= 5000:
        raise CatalogError("A serving must weigh more than 0 and at most 5000 g.")
    clean: dict[str, float | None] = {}
    for key in NUTRIENTS:
        value = (nutrients or {}).get(key)
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise CatalogError(f"{key} must be a number or empty.")
            if not math.isfinite(value) or value < 0:
                raise CatalogError(f"{key} must be a number of at least 0.")
            value = float(value)
        clean[key] = value
    label = " ".join(str(serving_label).split()) or "1 serving"
    return Food(
        id=food_id or USER_PREFIX + _slug(name),
        name=name,
        categories=cats,
        serving_label=label[:80],
        grams=float(grams),
        nutrients=clean,
        plant=(" ".join(plant.casefold().split()) or None) if plant else None,
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


def food_from_json(item: object) -> Food:
    if not isinstance(item, dict):
        raise CatalogError("each food must be an object")
    food_id = item.get("id")
    if not isinstance(food_id, str) or not food_id.startswith(USER_PREFIX) or len(food_id) > 80:
        raise CatalogError(f"a food has an invalid id: {food_id!r}")
    try:
        return make_food(
            item.get("name", ""),
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


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number this file may hold")


class UserFoods:
    """The user's own foods: add, edit, remove, each saved atomically."""

    def __init__(self, path: Path, foods: Iterable[Food] = ()) -> None:
        self.path = path
        self._foods: dict[str, Food] = {food.id: food for food in foods}

    @classmethod
    def load(cls, path: Path) -> UserFoods:
        """Read the file; a missing file is an empty list. Raises CatalogError if damaged."""
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_bytes().decode("utf-8"), parse_constant=_reject_constant)
        except (OSError, ValueError, RecursionError) as exc:
            raise CatalogError(f"{path.name}: cannot be read ({exc}).") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise CatalogError(f"{path.name}: is not a file of foods.")
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise CatalogError(f"{path.name}: has no valid version.")
        if version > VERSION:
            raise CatalogError(f"{path.name}: was written by a newer version of the app.")
        items = data.get("foods")
        if not isinstance(items, list):
            raise CatalogError(f"{path.name}: has no list of foods.")
        foods = []
        for number, item in enumerate(items, start=1):
            try:
                foods.append(food_from_json(item))
            except CatalogError as exc:
                raise CatalogError(f"{path.name}: food {number}: {exc}") from exc
        return cls(path, foods)

    def __iter__(self) -> Iterator[Food]:
        return iter(self._foods.values())

    def __len__(self) -> int:
        return len(self._foods)

    def get(self, food_id: str) -> Food | None:
        return self._foods.get(food_id)

    def _free_id(self, wanted: str) -> str:
        if wanted not in self._foods:
            return wanted
        n = 2
        while f"{wanted}-{n}" in self._foods:
            n += 1
        return f"{wanted}-{n}"

    def add(self, food: Food) -> Food:
        food = replace(food, id=self._free_id(food.id), origin=USER)
        self._foods[food.id] = food
        try:
            self.save()
        except CatalogError:
            del self._foods[food.id]
            raise
        return food

    def update(self, food: Food) -> None:
        if food.id not in self._foods:
            raise CatalogError(f"There is no food of yours with the id {food.id}.")
        previous = self._foods[food.id]
        self._foods[food.id] = food
        try:
            self.save()
        except CatalogError:
            self._foods[food.id] = previous
            raise

    def remove(self, food_id: str) -> Food:
        if food_id not in self._foods:
            raise CatalogError(f"There is no food of yours with the id {food_id}.")
        food = self._foods.pop(food_id)
        try:
            self.save()
        except CatalogError:
            self._foods[food_id] = food
            raise
        return food

    def save(self) -> None:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "foods": [food_to_json(food) for food in self._foods.values()],
        }
        text = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.path, text + "\n")
        except OSError as exc:
            raise CatalogError(describe_os_error(self.path, exc)) from exc
