"""A recipe's JSON form, as the file of own recipes and an export hold it; reading it
checks every field's type and cleans its text (RecipeError names what is wrong)."""

from __future__ import annotations

from collections.abc import Mapping

from planner.errors import RecipeError
from planner.i18n import _
from planner.recipes.model import (
    MAX_ID,
    MAX_NAME,
    OWN,
    UNPRINTABLE,
    Ingredient,
    Recipe,
    clean_text,
)


def ingredient_to_json(item: Ingredient) -> dict[str, object]:
    data: dict[str, object] = {}
    if item.food_id is not None:
        data["food"] = item.food_id
    if item.recipe_id is not None:
        data["recipe"] = item.recipe_id
    if not item.is_note:
        data["grams"] = round(item.grams, 3)
    if item.measure:
        data["measure"] = item.measure
        if item.count is not None:
            data["count"] = item.count
    if item.text:
        data["text"] = item.text
    if item.heated:
        data["heated"] = True
    return data


def recipe_to_json(recipe: Recipe) -> dict[str, object]:
    data: dict[str, object] = {
        "id": recipe.id,
        "name": recipe.name,
        "portions": recipe.portions,
        "meal": recipe.meal,
        "tags": sorted(recipe.tags),
        "ingredients": [ingredient_to_json(item) for item in recipe.ingredients],
        "method": recipe.method,
    }
    if recipe.source:
        data["source"] = recipe.source
    return data


def _field(data: Mapping[str, object], key: str, kind: type | tuple[type, ...], default: object):
    value = data.get(key, default)
    if value is None:
        return default
    if isinstance(value, bool) and kind is not bool:
        raise RecipeError(_wrong_type(key))
    if not isinstance(value, kind):
        raise RecipeError(_wrong_type(key))
    return value


def ingredient_from_json(data: object) -> Ingredient:
    if not isinstance(data, dict):
        raise RecipeError(_("each ingredient must be an object"))
    food = _field(data, "food", str, None)
    recipe = _field(data, "recipe", str, None)
    count = _field(data, "count", (int, float), None)
    measure = _field(data, "measure", str, None)
    return Ingredient(
        food_id=food,
        recipe_id=recipe,
        grams=float(_field(data, "grams", (int, float), 0.0)),
        measure=clean_text(measure) if measure else None,
        count=None if count is None else float(count),
        text=clean_text(_field(data, "text", str, "")),
        heated=_field(data, "heated", bool, False),
    )


def recipe_from_json(data: object, origin: str = OWN) -> Recipe:
    """A recipe from its JSON object; RecipeError names what is wrong."""
    if not isinstance(data, dict):
        raise RecipeError(_("each recipe must be an object"))
    recipe_id = _field(data, "id", str, "")
    if (
        not recipe_id
        or len(recipe_id) > MAX_ID
        or any(ch.isspace() for ch in recipe_id)
        or UNPRINTABLE.search(recipe_id)
    ):
        raise RecipeError(_("a recipe has an invalid id: {id!r}").format(id=recipe_id[:40]))
    items = _field(data, "ingredients", list, [])
    tags = _field(data, "tags", list, [])
    if not all(isinstance(tag, str) for tag in tags):
        raise RecipeError(_("a recipe's tags must be words"))
    portions = _field(data, "portions", (int, float), 1)
    return Recipe(
        id=recipe_id,
        name=clean_text(_field(data, "name", str, "")),
        portions=float(portions),
        ingredients=tuple(ingredient_from_json(item) for item in items),
        method=clean_text(_field(data, "method", str, ""), lines=True),
        tags=frozenset(clean_text(tag.casefold())[:MAX_NAME] for tag in tags if clean_text(tag)),
        meal=_field(data, "meal", str, "any"),
        origin=origin,
        source=clean_text(_field(data, "source", str, ""))[:2000],
    )


def _wrong_type(key: str) -> str:
    # Translators: {key} is a field's key in the file ("portions").
    return _("{key} has the wrong type").format(key=key)
