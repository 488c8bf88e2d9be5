"""Recipes: a named dish made of catalog foods (or other recipes) with amounts in grams.

Everything about a recipe's food comes from its ingredients; nothing is typed by hand:

- ``expand(recipe, portions)`` flattens a recipe (and the recipes it uses) into
  ``(food_id, grams)`` pairs. The evaluator and the shopping list count a recipe through
  it, so a recipe's day totals equal those of its ingredients entered one by one by
  construction.
- ``profile(recipe)`` (planner.recipes.profile) gives the derived facts of one portion:
  nutrients, category servings, plants, diet tags and live-culture status, all computed
  from ``expand``. The JSON form is in planner.recipes.recipejson.

A recipe used inside another is measured in grams of the whole dish: 50 g of a dressing
whose ingredients weigh 200 g in all is a quarter of each of them. Water lost or gained in
cooking is not modelled: a dish weighs the sum of its ingredients as listed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from planner.core.foods import Catalog
from planner.errors import RecipeError
from planner.i18n import _, format_number

MEAL_TYPES: tuple[str, ...] = ("breakfast", "lunch", "dinner", "snack", "any")
STARTER, OWN = "starter", "own"
OWN_PREFIX = "my-recipe:"
MAX_NAME = 200
MAX_METHOD = 20_000
MAX_INGREDIENTS = 100
MAX_TAGS = 20
MAX_PORTIONS = 100.0
MAX_GRAMS = 20_000.0  # one ingredient of a whole dish: 20 kg is a large pot
MAX_DEPTH = 8  # recipes inside recipes inside ...: deeper is refused as a likely mistake
MAX_ID = 100
MAX_TEXT = 10_000  # a note or an ingredient's line as written
# A category counts for a recipe when a portion holds at least this many servings of it
# (a pinch of turmeric does not make a dish anti-inflammatory). Foods to limit count
# from any amount: a recipe never hides one.
CATEGORY_MIN_SERVINGS = 0.5
LIVE, HEATED, NO_CULTURES = "live", "heated", "none"


@dataclass(frozen=True, slots=True)
class Ingredient:
    """One line of a recipe: a catalog food, another recipe, or a note.

    ``grams`` is the amount in the whole recipe (all its portions). ``measure`` and
    ``count`` keep the household measure it was given in ("clove", 2), for display only:
    grams are what counts. A note (neither food nor recipe) is a line kept as written,
    such as an imported line that matched no food: never dropped, never counted.
    ``heated`` marks a live-culture food cooked with the dish (its cultures do not
    survive); miso stirred in after cooking is not heated.
    """

    food_id: str | None = None
    recipe_id: str | None = None
    grams: float = 0.0
    measure: str | None = None
    count: float | None = None
    text: str = ""
    heated: bool = False

    def __post_init__(self) -> None:
        if self.food_id is not None and self.recipe_id is not None:
            raise RecipeError(_("An ingredient is either a food or a recipe, not both."))
        if len(self.food_id or self.recipe_id or "") > MAX_ID:
            raise RecipeError(_("An ingredient names a food or recipe with an id too long."))
        if len(self.text) > MAX_TEXT or len(self.measure or "") > MAX_NAME:
            raise RecipeError(_("An ingredient's text is too long."))
        if self.is_note:
            if not self.text.strip():
                raise RecipeError(_("A note in a recipe needs some text."))
            return
        if isinstance(self.grams, bool) or not isinstance(self.grams, int | float):
            raise RecipeError(_("An ingredient's amount must be a number of grams."))
        if not math.isfinite(self.grams) or not 0 < self.grams <= MAX_GRAMS:
            message = _("An ingredient's amount must be more than 0 and at most {most} g.")
            raise RecipeError(message.format(most=format_number(MAX_GRAMS, 0)))
        if self.count is not None and not (math.isfinite(self.count) and self.count > 0):
            raise RecipeError(_("A household measure's count must be more than 0."))

    @property
    def is_note(self) -> bool:
        return self.food_id is None and self.recipe_id is None

    @classmethod
    def note(cls, text: str) -> Ingredient:
        return cls(text=text)


@dataclass(frozen=True, slots=True)
class Recipe:
    """A dish: a yield in ``portions``, ingredients for all of them, a method, hand-given
    ``tags`` ("quick", "vegetarian") and the meal it suits."""

    id: str
    name: str
    portions: float
    ingredients: tuple[Ingredient, ...]
    method: str = ""
    tags: frozenset[str] = frozenset()
    meal: str = "any"
    origin: str = OWN
    source: str = ""  # where an imported recipe came from (a web address, a file)

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise RecipeError(_("A recipe needs a name."))
        if len(self.name) > MAX_NAME:
            message = _("A recipe's name can have at most {most} characters.")
            raise RecipeError(message.format(most=MAX_NAME))
        if isinstance(self.portions, bool) or not isinstance(self.portions, int | float):
            # Translators: {recipe} is the recipe's name.
            message = _("{recipe}: the number of portions must be a number.")
            raise RecipeError(message.format(recipe=self.name))
        if not math.isfinite(self.portions) or not 0 < self.portions <= MAX_PORTIONS:
            message = _("{recipe}: a recipe makes more than 0 and at most {most} portions.")
            raise RecipeError(message.format(recipe=self.name, most=format_number(MAX_PORTIONS)))
        if self.meal not in MEAL_TYPES:
            # Translators: {types} are the file's meal types ("breakfast, lunch, ...").
            message = _("{recipe}: the meal type must be one of {types}.")
            raise RecipeError(message.format(recipe=self.name, types=", ".join(MEAL_TYPES)))
        if len(self.ingredients) > MAX_INGREDIENTS:
            message = _("{recipe}: a recipe can have at most {most} ingredients.")
            raise RecipeError(message.format(recipe=self.name, most=MAX_INGREDIENTS))
        if len(self.method) > MAX_METHOD:
            raise RecipeError(_("{recipe}: the method is too long.").format(recipe=self.name))
        if len(self.tags) > MAX_TAGS:
            message = _("{recipe}: a recipe can have at most {most} tags.")
            raise RecipeError(message.format(recipe=self.name, most=MAX_TAGS))
        if any(item.recipe_id == self.id for item in self.ingredients):
            message = _("{recipe} cannot use itself as an ingredient.")
            raise RecipeError(message.format(recipe=self.name))

    @property
    def counted(self) -> tuple[Ingredient, ...]:
        """The ingredients that are foods or recipes (not notes)."""
        return tuple(item for item in self.ingredients if not item.is_note)

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(item.text for item in self.ingredients if item.is_note)

    @property
    def total_grams(self) -> float:
        """What the whole dish weighs: its ingredients' grams added up."""
        return sum(item.grams for item in self.counted)


Lookup = Callable[[str], "Recipe | None"]


# Control characters (C0 but line breaks and tabs, DEL, C1) and lone surrogates: kept out of
# every text of a recipe, as they are out of own foods' (they would drive a terminal, or
# make the file impossible to write as UTF-8).
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str, *, lines: bool = False) -> str:
    """``text`` without control characters; on one line unless ``lines``."""
    text = UNPRINTABLE.sub("", text)
    if lines:
        return "\n".join(line.rstrip() for line in text.replace("\t", " ").splitlines()).strip()
    return " ".join(text.split())


def slug(name: str) -> str:
    text = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return text[:40] or "recipe"


# -- nesting ----------------------------------------------------------------------------
def find_cycle(recipe: Recipe, lookup: Lookup) -> list[str] | None:
    """The names along a cycle of recipes that ``recipe`` is part of or leads to
    (A, B, A), or None."""
    path: list[Recipe] = []
    done: set[str] = set()

    def visit(current: Recipe) -> list[str] | None:
        if any(step.id == current.id for step in path):
            start = next(i for i, step in enumerate(path) if step.id == current.id)
            return [step.name for step in path[start:]] + [current.name]
        if current.id in done:
            return None
        path.append(current)
        for item in current.counted:
            if item.recipe_id is not None:
                inner = recipe if item.recipe_id == recipe.id else lookup(item.recipe_id)
                if inner is not None:
                    found = visit(inner)
                    if found:
                        return found
        path.pop()
        done.add(current.id)
        return None

    return visit(recipe)


def check_cycles(recipe: Recipe, lookup: Lookup) -> None:
    """Raise RecipeError naming the cycle if ``recipe`` would use itself, at any depth."""
    cycle = find_cycle(recipe, lookup)
    if cycle:
        # Translators: {cycle} lists the recipes' names joined by arrows ("A → B → A").
        message = _("{recipe} cannot be saved: recipes would use each other in a circle ({cycle}).")
        raise RecipeError(message.format(recipe=recipe.name, cycle=" → ".join(cycle)))


# -- expansion --------------------------------------------------------------------------
def expand(recipe: Recipe, portions: float, lookup: Lookup) -> list[tuple[str, float]]:
    """The foods in ``portions`` of the recipe, ``(food_id, grams)`` in recipe order,
    recipes inside it expanded in place. Notes weigh nothing and are left out.

    Raises RecipeError for a recipe that uses a missing recipe, a cycle, or nesting deeper
    than MAX_DEPTH.
    """
    return [(food_id, grams) for food_id, grams, _heated in expand_marked(recipe, portions, lookup)]


def expand_marked(
    recipe: Recipe,
    portions: float,
    lookup: Lookup,
    used: list[tuple[str, Recipe]] | None = None,
) -> list[tuple[str, float, bool]]:
    """``expand`` with each food's heated mark, ``(food_id, grams, heated)``: a heated
    recipe line heats everything in it. ``used`` collects each recipe walked, as (id, the
    object seen), for a cache to know when the expansion is out of date."""
    out: list[tuple[str, float, bool]] = []
    seen = used if used is not None else []
    _expand(recipe, portions / recipe.portions, False, lookup, out, (recipe.id,), seen)
    return out


def _expand(
    recipe: Recipe,
    scale: float,
    heated: bool,
    lookup: Lookup,
    out: list[tuple[str, float, bool]],
    path: tuple[str, ...],
    used: list[tuple[str, Recipe]],
) -> None:
    used.append((recipe.id, recipe))
    for item in recipe.counted:
        grams = item.grams * scale
        hot = heated or item.heated
        if item.food_id is not None:
            out.append((item.food_id, grams, hot))
            continue
        assert item.recipe_id is not None
        inner = lookup(item.recipe_id)
        if inner is None:
            raise RecipeError(missing_recipe(recipe, item.recipe_id))
        if inner.id in path:
            raise RecipeError(in_a_circle(recipe))
        if len(path) >= MAX_DEPTH:
            raise RecipeError(too_deep(recipe))
        total = inner.total_grams
        if total > 0:
            _expand(inner, grams / total, hot, lookup, out, (*path, inner.id), used)


def missing_foods(recipes: Iterable[Recipe], catalog: Catalog) -> list[tuple[str, str]]:
    """(recipe name, food id) for every ingredient naming a food the catalog lacks."""
    return [
        (recipe.name, item.food_id)
        for recipe in recipes
        for item in recipe.counted
        if item.food_id is not None and item.food_id not in catalog
    ]


# -- messages said by more than one module ---------------------------------------------------
def missing_recipe(recipe: Recipe, recipe_id: str) -> str:
    # Translators: {recipe} is a recipe's name; {id} the id of the recipe it lacks.
    return _("{recipe} uses a recipe that is missing ({id}).").format(
        recipe=recipe.name, id=recipe_id
    )


def in_a_circle(recipe: Recipe) -> str:
    return _("{recipe}: recipes use each other in a circle.").format(recipe=recipe.name)


def too_deep(recipe: Recipe) -> str:
    message = _("{recipe}: recipes are nested more than {most} deep.")
    return message.format(recipe=recipe.name, most=MAX_DEPTH)
