"""Importing recipes from where people keep them: match each line to the catalog.

The files are read by planner.recipes.formats (web pages with schema.org JSON-LD, JSON,
Mealie backups, Tandoor exports, this app's own file). Each recipe's ingredient lines are
parsed (planner.recipes.lines) and matched to the catalog (planner.recipes.matching).
Every line is kept: a confident match becomes an ingredient, the rest become notes unless
the user confirms them in the review.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from planner.core.foods import Catalog
from planner.errors import RecipeError, RecipeImportError
from planner.i18n import N_, _, format_number, ngettext
from planner.recipes.archives import (
    MAX_MEMBER_BYTES,
    MAX_TOTAL_BYTES,
    from_tandoor,
    read_mealie,
    read_zip,
)
from planner.recipes.formats import (
    MAX_DEPTH,
    MAX_RECIPES,
    RawRecipe,
    from_schema_org,
    read_html,
    read_json,
)
from planner.recipes.lines import ParsedLine, parse_line
from planner.recipes.matching import (
    CONFIDENT,
    GRAMS_PER,
    SUGGEST,
    Amount,
    Candidate,
    Matcher,
    to_grams,
)
from planner.recipes.model import MAX_GRAMS, MAX_INGREDIENTS, OWN_PREFIX, Ingredient, Recipe, slug
from planner.recipes.recipejson import recipe_from_json
from planner.storage.files import TextError, check_cancel, decode_text, named, read_file
from planner.storage.recipes import FORMAT as OWN_FORMAT
from planner.storage.recipes import records_from_bytes

__all__ = [  # the readers stay importable from here, where callers found them
    "MAX_DEPTH",
    "MAX_MEMBER_BYTES",
    "MAX_RECIPES",
    "MAX_TOTAL_BYTES",
    "RawRecipe",
    "from_schema_org",
    "from_tandoor",
    "read_html",
    "read_json",
    "read_mealie",
    "read_zip",
]

MAX_IMPORT_BYTES = 200 * 1024 * 1024
CONFIRMED, REVIEW, NOTE = "confirmed", "review", "note"
Progress = Callable[[int, int], None]  # (recipes done, recipes in all)


@dataclass
class LineMatch:
    """One ingredient line, its best match and what the import will do with it."""

    parsed: ParsedLine
    candidates: list[Candidate]
    amount: Amount | None
    status: str  # CONFIRMED (taken as it is), REVIEW (a suggestion), NOTE (kept as text)

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    @property
    def confidence(self) -> float:
        return self.best.confidence if self.best else 0.0

    def confirm(
        self, catalog: Catalog, food_id: str | None = None, grams: float | None = None
    ) -> None:
        """The user's choice: this line is ``food_id`` (default: the best match), weighing
        ``grams`` (default: the line's amount in that food's measures). RecipeError if the
        food is unknown or no amount can be told."""
        chosen = food_id or (self.best.food_id if self.best else None)
        food = catalog.get(chosen) if chosen else None
        if food is None:
            # Translators: {line} is an ingredient's line as the imported recipe wrote it.
            raise RecipeError(
                _("{line}: choose a food from the catalog.").format(line=self.parsed.text)
            )
        if grams is not None:
            if not 0 < grams <= MAX_GRAMS:
                message = _("{line}: give more than 0 and at most {most} g.")
                most = format_number(MAX_GRAMS, 0)
                raise RecipeError(message.format(line=self.parsed.text, most=most))
            amount: Amount | None = Amount(grams, "g", grams)
        elif self.best is not None and chosen == self.best.food_id and self.amount is not None:
            amount = replace(self.amount, estimated=False)  # the user accepts the estimate
        else:
            amount = to_grams(food, self.parsed.amount, self.parsed.unit)
            amount = amount or _weight_in_detail(self.parsed)
        known = next((c for c in self.candidates if c.food_id == food.id), None)
        picked = known or Candidate(food.id, food.name, 100.0)  # the user's own choice
        self.candidates = [picked, *(c for c in self.candidates if c.food_id != food.id)]
        if amount is None:  # the food is kept as the suggestion, waiting for its grams
            self.amount = None
            self.status = REVIEW
            raise RecipeError(_("{line}: give the amount in grams.").format(line=self.parsed.text))
        self.amount = amount
        self.status = CONFIRMED

    def keep_as_note(self) -> None:
        self.status = NOTE

    def ingredient(self) -> Ingredient:
        """The ingredient this line gives: a food if confirmed, else a note."""
        if self.status == CONFIRMED and self.best is not None and self.amount is not None:
            return Ingredient(
                food_id=self.best.food_id,
                grams=self.amount.grams,
                measure=self.amount.measure,
                count=self.amount.count,
                text=self.parsed.text,
            )
        return Ingredient.note(self.parsed.text)


@dataclass
class ImportedRecipe:
    raw: RawRecipe
    lines: list[LineMatch]

    @property
    def needs_review(self) -> list[LineMatch]:
        return [line for line in self.lines if line.status == REVIEW]

    def recipe(self, recipe_id: str | None = None) -> Recipe:
        """The recipe as the lines now stand (confirmed lines are foods, others notes).
        Lines past the most a recipe holds are kept together in its last note."""
        items = [line.ingredient() for line in self.lines]
        if len(items) > MAX_INGREDIENTS:
            rest = "; ".join(line.parsed.text for line in self.lines[MAX_INGREDIENTS - 1 :])
            items = [*items[: MAX_INGREDIENTS - 1], Ingredient.note(rest)]
        return Recipe(
            id=recipe_id or OWN_PREFIX + slug(self.raw.name),
            name=self.raw.name,
            portions=self.raw.portions,
            ingredients=tuple(items),
            method=self.raw.method,
            tags=frozenset(self.raw.tags[:20]),
            source=self.raw.source,
        )


# -- reading ----------------------------------------------------------------------------
def read_recipes(data: bytes, name: str) -> list[RawRecipe] | list[Recipe]:
    """The recipes in a file's bytes: RawRecipes to match, or (this app's own format)
    Recipes as they were exported."""
    if data[:4] == b"PK\x03\x04":
        found: list[RawRecipe] = read_zip(data, name)
    else:
        try:
            text = decode_text(data)
        except TextError as exc:
            raise RecipeImportError(named(name, exc)) from exc
        head = text.lstrip()[:1]
        if head in ("{", "["):
            if OWN_FORMAT in text[:200]:
                try:
                    items = records_from_bytes(data, name)
                    return [recipe_from_json(item) for item in items]
                except RecipeError as exc:
                    raise RecipeImportError(str(exc)) from exc
            found = read_json(text, name)
        elif head == "<":
            found = read_html(text, name)
        else:
            message = _(
                "{name}: is not a recipe file (a web page, JSON, a Mealie backup or a "
                "Tandoor export)."
            )
            raise RecipeImportError(message.format(name=name))
    if len(found) > MAX_RECIPES:
        message = ngettext(
            "{name}: holds {count} recipe; at most {most} can be imported at once.",
            "{name}: holds {count} recipes; at most {most} can be imported at once.",
            len(found),
        )
        count, most = format_number(len(found), 0), format_number(MAX_RECIPES, 0)
        raise RecipeImportError(message.format(name=name, count=count, most=most))
    return found


# -- matching ---------------------------------------------------------------------------
def _weight_in_detail(parsed: ParsedLine) -> Amount | None:
    """ "1 (15 oz) can chickpeas": the bracketed weight of a count, when the food has no
    measure for the count's unit."""
    if parsed.amount is None or not parsed.detail:
        return None
    for part in parsed.detail.split(";"):
        inner = parse_line(part.strip())
        if inner.amount and inner.unit in GRAMS_PER and not inner.food:
            grams = parsed.amount * inner.amount * GRAMS_PER[inner.unit]
            return Amount(grams, parsed.unit, parsed.amount)
    return None


def match_line(line: str, matcher: Matcher) -> LineMatch:
    parsed = parse_line(line)
    candidates = matcher.candidates(parsed.food)
    amount = None
    if candidates:
        food = matcher.catalog[candidates[0].food_id]
        amount = to_grams(food, parsed.amount, parsed.unit) or _weight_in_detail(parsed)
        if amount is not None and not 0 < amount.grams <= MAX_GRAMS:
            amount = None
    confidence = candidates[0].confidence if candidates else 0.0
    if confidence >= CONFIDENT and amount is not None and not amount.estimated:
        status = CONFIRMED
    elif confidence >= SUGGEST:
        status = REVIEW
    else:
        status = NOTE
    return LineMatch(parsed, candidates, amount, status)


def match_recipe(raw: RawRecipe, matcher: Matcher) -> ImportedRecipe:
    return ImportedRecipe(raw, [match_line(line, matcher) for line in raw.lines])


@dataclass
class ImportResult:
    imported: list[ImportedRecipe]  # to review, then save
    ready: list[Recipe]  # this app's own file: saved as they are


def import_bytes(
    data: bytes,
    name: str,
    catalog: Catalog,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ImportResult:
    found = read_recipes(data, name)
    raws = [item for item in found if isinstance(item, RawRecipe)]
    ready = [item for item in found if isinstance(item, Recipe)]
    matcher = Matcher(catalog)
    imported = []
    for done, raw in enumerate(raws):
        check_cancel(cancel, N_("The import of {name} was cancelled."), name=name)
        imported.append(match_recipe(raw, matcher))
        if progress is not None:
            progress(done + 1, len(raws))
    return ImportResult(imported, ready)


def import_file(
    path: Path,
    catalog: Catalog,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ImportResult:
    """Read and match the recipes of a file. RecipeImportError (one line) for a bad file,
    Cancelled if ``cancel`` is set."""
    data = read_file(
        path, MAX_IMPORT_BYTES, N_("a file of recipes"), error=RecipeImportError, cancel=cancel
    )
    return import_bytes(data, path.name, catalog, progress=progress, cancel=cancel)


def unique_ids(recipes: list[Recipe], taken: set[str]) -> list[Recipe]:
    """The recipes with ids made unique against ``taken`` and each other."""
    renamed: dict[str, str] = {}
    used = set(taken)
    for recipe in recipes:
        wanted = recipe.id if recipe.id.startswith(OWN_PREFIX) else OWN_PREFIX + recipe.id
        new_id, n = wanted, 2
        while new_id in used:
            new_id, n = f"{wanted}-{n}", n + 1
        used.add(new_id)
        renamed[recipe.id] = new_id
    # recipes of the same file that use each other follow the new ids
    return [
        replace(
            recipe,
            id=renamed[recipe.id],
            ingredients=tuple(
                replace(item, recipe_id=renamed[item.recipe_id])
                if item.recipe_id in renamed
                else item
                for item in recipe.ingredients
            ),
        )
        for recipe in recipes
    ]
