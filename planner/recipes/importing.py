"""Importing recipes from where people keep them.

Formats (``read_recipes`` tells them apart by content, not by name):

- schema.org ``Recipe`` JSON-LD, in a saved web page (``<script type="application/ld+json">``
  blocks, found with html.parser) or a ``.json`` file; ``@graph`` and lists are searched.
- A Mealie backup: a zip holding ``database.json``, Mealie's tables as lists of rows
  (``recipes``, ``recipes_ingredients``, ``recipe_instructions``, ``ingredient_foods``,
  ``ingredient_units``, ``tags``, ``recipes_to_tags``).
- A Tandoor export: a zip of zips, each holding ``recipe.json`` (name, servings, keywords,
  steps with instructions and ingredients of food, unit and amount).
- This app's own file of recipes (``gutskin-recipes``).

Each recipe's ingredient lines are parsed (planner.recipes.lines) and matched to the
catalog (planner.recipes.matching). Every line is kept: a confident match becomes an
ingredient, the rest become notes unless the user confirms them in the review.
"""

from __future__ import annotations

import io
import json
import re
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from planner.core.foods import Catalog
from planner.errors import RecipeError, RecipeImportError
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
from planner.recipes.model import (
    MAX_GRAMS,
    MAX_INGREDIENTS,
    MAX_METHOD,
    MAX_NAME,
    MAX_PORTIONS,
    OWN_PREFIX,
    Ingredient,
    Recipe,
    recipe_from_json,
    slug,
)
from planner.storage.files import TextError, check_cancel, decode_text, read_file
from planner.storage.recipes import FORMAT as OWN_FORMAT
from planner.storage.recipes import records_from_bytes

MAX_IMPORT_BYTES = 200 * 1024 * 1024
MAX_MEMBER_BYTES = 50 * 1024 * 1024  # one file inside a zip, uncompressed
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # all the files read from one zip, uncompressed
MAX_RECIPES = 5_000
MAX_DEPTH = 20  # nesting of lists and objects searched for recipes and their steps
CONFIRMED, REVIEW, NOTE = "confirmed", "review", "note"
Progress = Callable[[int, int], None]  # (recipes done, recipes in all)


@dataclass
class RawRecipe:
    """A recipe as read from a file, before matching."""

    name: str
    portions: float
    lines: list[str]
    method: str = ""
    tags: list[str] = field(default_factory=list)
    source: str = ""


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
            raise RecipeError(f"{self.parsed.text}: choose a food from the catalog.")
        if grams is not None:
            if not 0 < grams <= MAX_GRAMS:
                raise RecipeError(f"{self.parsed.text}: give more than 0 and at most "
                                  f"{MAX_GRAMS:g} g.")  # fmt: skip
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
            raise RecipeError(f"{self.parsed.text}: give the amount in grams.")
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


# -- reading the formats ----------------------------------------------------------------
# Control characters (C0, DEL, C1) and lone surrogates: a name from a file must not drive
# a terminal or make the file of own recipes impossible to write as UTF-8.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _text(value: object) -> str:
    if isinstance(value, str):
        return _UNPRINTABLE.sub("", " ".join(value.split()))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:g}"
    return ""


def _portions(*values: object) -> float:
    """The first number found in the values ("4 servings", ["4", "4 servings"], 6), else 1."""
    for value in values:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, bool):
            continue
        if isinstance(value, int | float) and 0 < value <= MAX_PORTIONS:
            return float(value)
        if isinstance(value, str):
            parsed = parse_line(value)
            if parsed.amount is not None and 0 < parsed.amount <= MAX_PORTIONS:
                return parsed.amount
    return 1.0


def _instructions(value: object, depth: int = 0) -> list[str]:
    """schema.org recipeInstructions: text, a list of text, HowToStep or HowToSection."""
    if depth > MAX_DEPTH:
        return []
    if isinstance(value, str):
        return [_text(line) for line in value.splitlines() if _text(line)]
    if isinstance(value, list):
        return [step for item in value for step in _instructions(item, depth + 1)]
    if isinstance(value, dict):
        if "itemListElement" in value:
            steps = _instructions(value["itemListElement"], depth + 1)
            name = _text(value.get("name"))
            return [name + ":", *steps] if name else steps
        return _instructions(value.get("text") or value.get("name") or "", depth + 1)
    return []


def _method(steps: list[str]) -> str:
    text = "\n".join(steps)
    return text if len(text) <= MAX_METHOD else text[: MAX_METHOD - 1] + "…"


def _words(value: object, depth: int = 0) -> list[str]:
    if isinstance(value, str):
        return [_text(w) for w in value.split(",") if _text(w)]
    if isinstance(value, list) and depth < MAX_DEPTH:
        return [w for item in value for w in _words(item, depth + 1)]
    return []


def _is_recipe(item: dict[str, Any]) -> bool:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1] == "Recipe" for k in kinds)


def _find_recipes(node: object, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 20:
        return
    if isinstance(node, list):
        for item in node:
            yield from _find_recipes(item, depth + 1)
    elif isinstance(node, dict):
        if _is_recipe(node):
            yield node
        elif "@graph" in node:
            yield from _find_recipes(node["@graph"], depth + 1)


def from_schema_org(item: dict[str, Any], source: str = "") -> RawRecipe:
    lines = item.get("recipeIngredient") or item.get("ingredients") or []
    if isinstance(lines, str):
        lines = lines.splitlines()
    return RawRecipe(
        name=_text(item.get("name"))[:MAX_NAME] or "Imported recipe",
        portions=_portions(item.get("recipeYield"), item.get("yield")),
        lines=[_text(line) for line in lines if _text(line)] if isinstance(lines, list) else [],
        method=_method(_instructions(item.get("recipeInstructions"))),
        tags=[
            w.casefold() for w in _words(item.get("keywords")) + _words(item.get("recipeCategory"))
        ],
        source=_text(item.get("url")) or source,
    )


class _JsonLdScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and any(
            k == "type" and (v or "").split(";")[0].strip().casefold() == "application/ld+json"
            for k, v in attrs
        ):
            self._inside = True
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[-1] += data


def _json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise RecipeImportError(f"{name}: is not valid JSON ({exc}).") from exc


def read_html(text: str, name: str) -> list[RawRecipe]:
    parser = _JsonLdScripts()
    parser.feed(text)
    parser.close()
    recipes: list[RawRecipe] = []
    for block in parser.blocks:
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):
            continue  # a broken block among others: the page may still hold a recipe
        recipes.extend(from_schema_org(item, name) for item in _find_recipes(data))
    if not recipes:
        raise RecipeImportError(f"{name}: holds no schema.org recipe.")
    return recipes


def read_json(text: str, name: str) -> list[RawRecipe]:
    data = _json(text, name)
    recipes = [from_schema_org(item, name) for item in _find_recipes(data)]
    if not recipes:
        raise RecipeImportError(f"{name}: holds no schema.org recipe.")
    return recipes


class _Budget:
    """What may still be read from one zip (a zip bomb is refused, not unpacked)."""

    def __init__(self) -> None:
        self.left = MAX_TOTAL_BYTES


def _member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, budget: _Budget | None = None
) -> bytes:
    if budget is not None:
        budget.left -= info.file_size
        if budget.left < 0:
            raise RecipeImportError(f"{name}: unpacks to more than a recipe file may hold.")
    if info.file_size > MAX_MEMBER_BYTES:
        raise RecipeImportError(f"{name}: {info.filename} is too large to be read.")
    with archive.open(info) as handle:
        data = handle.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise RecipeImportError(f"{name}: {info.filename} is too large to be read.")
    return data


def _rows(tables: dict[str, Any], key: str) -> list[dict[str, Any]]:
    rows = tables.get(key) or []
    return [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []


def read_mealie(tables: dict[str, Any], name: str) -> list[RawRecipe]:
    """Recipes from a Mealie backup's database.json tables."""
    foods = {row.get("id"): _text(row.get("name")) for row in _rows(tables, "ingredient_foods")}
    units = {
        row.get("id"): _text(row.get("abbreviation")) or _text(row.get("name"))
        for row in _rows(tables, "ingredient_units")
    }
    tags = {row.get("id"): _text(row.get("name")) for row in _rows(tables, "tags")}
    by_recipe: dict[object, list[dict[str, Any]]] = {}
    for row in _rows(tables, "recipes_ingredients"):
        by_recipe.setdefault(row.get("recipe_id"), []).append(row)
    steps: dict[object, list[dict[str, Any]]] = {}
    for row in _rows(tables, "recipe_instructions"):
        steps.setdefault(row.get("recipe_id"), []).append(row)
    recipe_tags: dict[object, list[str]] = {}
    for row in _rows(tables, "recipes_to_tags"):
        if row.get("tag_id") in tags:
            recipe_tags.setdefault(row.get("recipe_id"), []).append(tags[row["tag_id"]])

    def position(row: dict[str, Any]) -> float:
        value = row.get("position")
        return float(value) if isinstance(value, int | float) else 0.0

    recipes = []
    for row in _rows(tables, "recipes"):
        lines = []
        for ing in sorted(by_recipe.get(row.get("id"), []), key=position):
            text = _text(ing.get("original_text"))
            if not text:
                quantity = ing.get("quantity")
                parts = [
                    _text(quantity) if quantity else "",
                    units.get(ing.get("unit_id"), ""),
                    foods.get(ing.get("food_id"), ""),
                ]
                text = " ".join(p for p in parts if p)
                note = _text(ing.get("note"))
                text = f"{text}, {note}" if text and note else text or note
            if text:
                lines.append(text)
        method = [
            _text(step.get("text"))
            for step in sorted(steps.get(row.get("id"), []), key=position)
            if _text(step.get("text"))
        ]
        recipes.append(
            RawRecipe(
                name=_text(row.get("name"))[:MAX_NAME] or "Imported recipe",
                portions=_portions(row.get("recipe_servings"), row.get("recipe_yield")),
                lines=lines,
                method=_method(method),
                tags=[t.casefold() for t in recipe_tags.get(row.get("id"), [])],
                source=_text(row.get("org_url")) or name,
            )
        )
    return recipes


def from_tandoor(data: dict[str, Any], name: str) -> RawRecipe:
    lines: list[str] = []
    method: list[str] = []
    raw_steps = data.get("steps")
    for step in raw_steps if isinstance(raw_steps, list) else []:
        if not isinstance(step, dict):
            continue
        method += _instructions(step.get("instruction"))
        raw_ings = step.get("ingredients")
        for ing in raw_ings if isinstance(raw_ings, list) else []:
            if not isinstance(ing, dict) or ing.get("is_header"):
                continue
            food = ing["food"] if isinstance(ing.get("food"), dict) else {}
            unit = ing["unit"] if isinstance(ing.get("unit"), dict) else {}
            amount = ing.get("amount")
            try:
                number = float(amount) if not ing.get("no_amount") and amount is not None else 0
            except (TypeError, ValueError):
                number = 0
            parts = [f"{number:g}" if number > 0 else "", _text(unit.get("name")),
                     _text(food.get("name"))]  # fmt: skip
            text = " ".join(p for p in parts if p)
            note = _text(ing.get("note"))
            text = f"{text}, {note}" if text and note else text or note
            if text:
                lines.append(text)
    keywords = data.get("keywords")
    return RawRecipe(
        name=_text(data.get("name"))[:MAX_NAME] or "Imported recipe",
        portions=_portions(data.get("servings"), data.get("servings_text")),
        lines=lines,
        method=_method(method),
        tags=[
            _text(k.get("name")).casefold()
            for k in (keywords if isinstance(keywords, list) else [])
            if isinstance(k, dict) and _text(k.get("name"))
        ],
        source=_text(data.get("source_url")) or name,
    )


def read_zip(data: bytes, name: str) -> list[RawRecipe]:
    budget = _Budget()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
        names = {info.filename: info for info in members}
        if "database.json" in names:  # Mealie
            tables = _json(
                decode_text(_member(archive, names["database.json"], name, budget)), name
            )
            if not isinstance(tables, dict) or not isinstance(tables.get("recipes"), list):
                raise RecipeImportError(f"{name}: is not a Mealie backup (no recipes table).")
            return read_mealie(tables, name)
        recipes = []
        for info in members:  # Tandoor: a zip of zips, each with recipe.json
            if info.filename.casefold().endswith(".zip"):
                inner = zipfile.ZipFile(io.BytesIO(_member(archive, info, name, budget)))
                inner_names = {i.filename: i for i in inner.infolist()}
                if "recipe.json" in inner_names:
                    text = decode_text(_member(inner, inner_names["recipe.json"], name, budget))
                    item = _json(text, f"{name}: {info.filename}")
                    if isinstance(item, dict):
                        recipes.append(from_tandoor(item, name))
            elif info.filename.endswith("recipe.json"):
                item = _json(decode_text(_member(archive, info, name, budget)), name)
                if isinstance(item, dict):
                    recipes.append(from_tandoor(item, name))
            if len(recipes) > MAX_RECIPES:
                break
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise RecipeImportError(f"{name}: is a damaged zip file ({exc}).") from exc
    except TextError as exc:
        raise RecipeImportError(f"{name}: {exc}.") from exc
    if not recipes:
        raise RecipeImportError(f"{name}: is neither a Mealie backup nor a Tandoor export.")
    return recipes


def read_recipes(data: bytes, name: str) -> list[RawRecipe] | list[Recipe]:
    """The recipes in a file's bytes: RawRecipes to match, or (this app's own format)
    Recipes as they were exported."""
    if data[:4] == b"PK\x03\x04":
        found: list[RawRecipe] = read_zip(data, name)
    else:
        try:
            text = decode_text(data)
        except TextError as exc:
            raise RecipeImportError(f"{name}: {exc}.") from exc
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
            raise RecipeImportError(
                f"{name}: is not a recipe file (a web page, JSON, a Mealie backup or a "
                "Tandoor export)."
            )
    if len(found) > MAX_RECIPES:
        raise RecipeImportError(f"{name}: holds {len(found):,} recipes; at most "
                                f"{MAX_RECIPES:,} can be imported at once.")  # fmt: skip
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
        check_cancel(cancel, f"The import of {name}")
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
        path, MAX_IMPORT_BYTES, "a file of recipes", error=RecipeImportError, cancel=cancel
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
