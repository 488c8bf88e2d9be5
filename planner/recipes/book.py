"""The recipe book: the starter recipes the app ships and the user's own, by id, with search.

Search looks at a recipe's name, its tags and the names of its ingredients' foods (and of
the recipes it uses). Each recipe's searchable text is built once, when the book is made or
a recipe changes, so a keystroke costs one substring test per recipe and word.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from importlib import resources
from pathlib import Path

from planner.core.foods import Catalog
from planner.errors import RecipeError
from planner.i18n import _, ngettext, pgettext
from planner.recipes.model import (
    MEAL_TYPES,
    STARTER,
    Lookup,
    Recipe,
    check_cycles,
    expand,
    missing_recipe,
)
from planner.recipes.profile import Profile, profile
from planner.recipes.recipejson import recipe_from_json, recipe_to_json
from planner.storage.recipes import RecipeFile, user_recipes_path

STARTER_FILE = "recipes.json"


def open_own(path: Path | None = None) -> tuple[RecipeFile[Recipe], str]:
    """The user's own recipes and a sentence for the user ("" if all went well); a
    damaged file is moved aside (planner.storage.recipes)."""
    return RecipeFile.load_or_set_aside(
        path or user_recipes_path(), recipe_from_json, recipe_to_json
    )


FORMAT = "gutskin-recipes"
VERSION = 1


def load_starter() -> list[Recipe]:
    """The recipes shipped in resources/recipes.json."""
    try:
        data = resources.files("resources").joinpath(STARTER_FILE).read_bytes()
        document = json.loads(data.decode("utf-8"))
        if document.get("format") != FORMAT:
            raise ValueError(_("not a file of recipes"))
        return [_translated(recipe_from_json(item, STARTER)) for item in document["recipes"]]
    except (OSError, ValueError, KeyError, TypeError, RecipeError) as exc:
        # Translators: {reason} says what is wrong with the file the app ships.
        raise RecipeError(
            _("The built-in recipes are damaged: {reason}").format(reason=exc)
        ) from exc


def _translated(recipe: Recipe) -> Recipe:
    """A starter recipe in the user's language: its name, method and tags, each from the
    catalogue's context of its own (tools.i18n.data_messages extracts them). Done once, at
    load, so that lists, search, the PDF and the command line all show the same words."""
    return replace(
        recipe,
        name=pgettext("recipe", recipe.name),
        method=pgettext("method", recipe.method) if recipe.method else "",
        tags=frozenset(pgettext("tag", tag) for tag in recipe.tags),
    )


class RecipeBook:
    """Starter and own recipes by id; own recipes shadow nothing (their ids differ)."""

    def __init__(self, catalog: Catalog, recipes: Iterable[Recipe] = ()) -> None:
        self.catalog = catalog
        # Counts changes (put, remove): what is worked out from the book keeps it to know
        # whether it still holds.
        self.revision = 0
        self._recipes: dict[str, Recipe] = {}
        self._haystack: dict[str, str] = {}
        for recipe in recipes:
            self._recipes[recipe.id] = recipe
        for recipe in self._recipes.values():
            self._haystack[recipe.id] = self._text_of(recipe)

    @classmethod
    def load(cls, catalog: Catalog, own: Iterable[Recipe] = ()) -> RecipeBook:
        return cls(catalog, [*load_starter(), *own])

    def __len__(self) -> int:
        return len(self._recipes)

    def __iter__(self) -> Iterator[Recipe]:
        return iter(self._recipes.values())

    def __contains__(self, recipe_id: object) -> bool:
        return recipe_id in self._recipes

    def get(self, recipe_id: str) -> Recipe | None:
        return self._recipes.get(recipe_id)

    def __getitem__(self, recipe_id: str) -> Recipe:
        return self._recipes[recipe_id]

    def put(self, recipe: Recipe) -> None:
        """Add or replace a recipe; RecipeError if it would make a cycle or uses a
        missing recipe."""
        for item in recipe.counted:
            if item.recipe_id is not None and item.recipe_id not in self._recipes:
                raise RecipeError(missing_recipe(recipe, item.recipe_id))
        check_cycles(recipe, self.lookup_with(recipe))
        self._recipes[recipe.id] = recipe
        self.revision += 1
        self._haystack[recipe.id] = self._text_of(recipe)
        # recipes that use this one search by its name too
        for other in self._recipes.values():
            if any(item.recipe_id == recipe.id for item in other.counted):
                self._haystack[other.id] = self._text_of(other)

    def remove(self, recipe_id: str) -> Recipe:
        users = self.used_by(recipe_id)
        if users:
            # Translators: {recipe} is a recipe's name; {users} the names of the recipes
            # that use it, joined by commas.
            message = ngettext(
                "{recipe} is used by {users}.", "{recipe} is used by {users}.", len(users)
            )
            raise RecipeError(
                message.format(
                    recipe=self._recipes[recipe_id].name, users=", ".join(r.name for r in users)
                )
            )
        self._haystack.pop(recipe_id, None)
        self.revision += 1
        return self._recipes.pop(recipe_id)

    def used_by(self, recipe_id: str) -> list[Recipe]:
        return [
            r for r in self._recipes.values() if any(i.recipe_id == recipe_id for i in r.counted)
        ]

    def lookup(self, recipe_id: str) -> Recipe | None:
        return self._recipes.get(recipe_id)

    def lookup_with(self, recipe: Recipe) -> Lookup:
        """A lookup that sees ``recipe`` in place of the book's copy (for checks before a
        save)."""
        return lambda rid: recipe if rid == recipe.id else self._recipes.get(rid)

    def expand(self, recipe: Recipe, portions: float) -> list[tuple[str, float]]:
        return expand(recipe, portions, self.lookup)

    def profile(self, recipe: Recipe) -> Profile:
        return profile(recipe, self.catalog, self.lookup)

    def _text_of(self, recipe: Recipe) -> str:
        names = [recipe.name, *sorted(recipe.tags)]
        for item in recipe.ingredients:
            if item.food_id is not None:
                names.append(self.catalog.name_of(item.food_id))
            elif item.recipe_id is not None:
                inner = self._recipes.get(item.recipe_id)
                if inner is not None:
                    names.append(inner.name)
            else:
                names.append(item.text)
        return " ".join(" ".join(names).casefold().split())

    def search(self, text: str = "", *, meal: str | None = None) -> list[Recipe]:
        """Recipes whose name, tags or ingredients hold every word of ``text``
        (case-insensitive), name matches first; ``meal`` keeps those for that meal (and
        those for any meal)."""
        if meal is not None and meal not in MEAL_TYPES:
            # Translators: {meal} is a meal type as the program names it ("breakfast").
            raise RecipeError(_("Unknown meal type: {meal}.").format(meal=meal))
        words = text.casefold().split()
        first: list[Recipe] = []
        rest: list[Recipe] = []
        haystack = self._haystack
        for recipe in self._recipes.values():
            if meal is not None and recipe.meal not in (meal, "any"):
                continue
            hay = haystack[recipe.id]
            if all(word in hay for word in words):
                name = recipe.name.casefold()
                (first if all(word in name for word in words) else rest).append(recipe)
        return first + rest
