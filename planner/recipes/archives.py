"""Recipe archives: a Mealie backup (``database.json`` in a zip) and a Tandoor export
(a zip of zips, each with ``recipe.json``), read as RawRecipes within a size budget."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from planner.errors import RecipeImportError
from planner.i18n import _
from planner.recipes.formats import (
    MAX_RECIPES,
    RawRecipe,
    clean_text,
    instructions_of,
    method_of,
    parse_json,
    portions_of,
)
from planner.recipes.model import MAX_NAME
from planner.storage.files import TextError, decode_text, named

MAX_MEMBER_BYTES = 50 * 1024 * 1024  # one file inside a zip, uncompressed
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # all the files read from one zip, uncompressed


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
            message = _("{name}: unpacks to more than a recipe file may hold.")
            raise RecipeImportError(message.format(name=name))
    if info.file_size > MAX_MEMBER_BYTES:
        raise RecipeImportError(_too_large(name, info.filename))
    with archive.open(info) as handle:
        data = handle.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise RecipeImportError(_too_large(name, info.filename))
    return data


def _rows(tables: dict[str, Any], key: str) -> list[dict[str, Any]]:
    rows = tables.get(key) or []
    return [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []


def _key(value: object) -> object:
    """A row's id as a key: ids are text or numbers; anything else (a list, an object: a
    damaged or hostile backup) names no row."""
    return value if isinstance(value, str | int | float) and not isinstance(value, bool) else None


def read_mealie(tables: dict[str, Any], name: str) -> list[RawRecipe]:
    """Recipes from a Mealie backup's database.json tables."""
    foods = {
        _key(row.get("id")): clean_text(row.get("name"))
        for row in _rows(tables, "ingredient_foods")
    }
    units = {
        _key(row.get("id")): clean_text(row.get("abbreviation")) or clean_text(row.get("name"))
        for row in _rows(tables, "ingredient_units")
    }
    tags = {_key(row.get("id")): clean_text(row.get("name")) for row in _rows(tables, "tags")}
    by_recipe: dict[object, list[dict[str, Any]]] = {}
    for row in _rows(tables, "recipes_ingredients"):
        by_recipe.setdefault(_key(row.get("recipe_id")), []).append(row)
    steps: dict[object, list[dict[str, Any]]] = {}
    for row in _rows(tables, "recipe_instructions"):
        steps.setdefault(_key(row.get("recipe_id")), []).append(row)
    recipe_tags: dict[object, list[str]] = {}
    for row in _rows(tables, "recipes_to_tags"):
        tag = _key(row.get("tag_id"))
        if tag in tags:
            recipe_tags.setdefault(_key(row.get("recipe_id")), []).append(tags[tag])

    def position(row: dict[str, Any]) -> float:
        value = row.get("position")
        try:
            return float(value) if isinstance(value, int | float) else 0.0
        except OverflowError:  # an integer of hundreds of digits
            return 0.0

    recipes = []
    for row in _rows(tables, "recipes"):
        lines = []
        for ing in sorted(by_recipe.get(_key(row.get("id")), []), key=position):
            text = clean_text(ing.get("original_text"))
            if not text:
                quantity = ing.get("quantity")
                parts = [
                    clean_text(quantity) if quantity else "",
                    units.get(_key(ing.get("unit_id")), ""),
                    foods.get(_key(ing.get("food_id")), ""),
                ]
                text = " ".join(p for p in parts if p)
                note = clean_text(ing.get("note"))
                text = f"{text}, {note}" if text and note else text or note
            if text:
                lines.append(text)
        method = [
            clean_text(step.get("text"))
            for step in sorted(steps.get(_key(row.get("id")), []), key=position)
            if clean_text(step.get("text"))
        ]
        recipes.append(
            RawRecipe(
                name=clean_text(row.get("name"))[:MAX_NAME] or _("Imported recipe"),
                portions=portions_of(row.get("recipe_servings"), row.get("recipe_yield")),
                lines=lines,
                method=method_of(method),
                tags=[t.casefold() for t in recipe_tags.get(_key(row.get("id")), [])],
                source=clean_text(row.get("org_url")) or name,
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
        method += instructions_of(step.get("instruction"))
        raw_ings = step.get("ingredients")
        for ing in raw_ings if isinstance(raw_ings, list) else []:
            if not isinstance(ing, dict) or ing.get("is_header"):
                continue
            food = ing["food"] if isinstance(ing.get("food"), dict) else {}
            unit = ing["unit"] if isinstance(ing.get("unit"), dict) else {}
            amount = ing.get("amount")
            try:
                number = float(amount) if not ing.get("no_amount") and amount is not None else 0
            except (TypeError, ValueError, OverflowError):
                number = 0
            parts = [f"{number:g}" if number > 0 else "", clean_text(unit.get("name")),
                     clean_text(food.get("name"))]  # fmt: skip
            text = " ".join(p for p in parts if p)
            note = clean_text(ing.get("note"))
            text = f"{text}, {note}" if text and note else text or note
            if text:
                lines.append(text)
    keywords = data.get("keywords")
    return RawRecipe(
        name=clean_text(data.get("name"))[:MAX_NAME] or _("Imported recipe"),
        portions=portions_of(data.get("servings"), data.get("servings_text")),
        lines=lines,
        method=method_of(method),
        tags=[
            clean_text(k.get("name")).casefold()
            for k in (keywords if isinstance(keywords, list) else [])
            if isinstance(k, dict) and clean_text(k.get("name"))
        ],
        source=clean_text(data.get("source_url")) or name,
    )


def read_zip(data: bytes, name: str) -> list[RawRecipe]:
    budget = _Budget()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
        names = {info.filename: info for info in members}
        if "database.json" in names:  # Mealie
            tables = parse_json(
                decode_text(_member(archive, names["database.json"], name, budget)), name
            )
            if not isinstance(tables, dict) or not isinstance(tables.get("recipes"), list):
                message = _("{name}: is not a Mealie backup (no recipes table).")
                raise RecipeImportError(message.format(name=name))
            return read_mealie(tables, name)
        recipes = []
        for info in members:  # Tandoor: a zip of zips, each with recipe.json
            if info.filename.casefold().endswith(".zip"):
                inner = zipfile.ZipFile(io.BytesIO(_member(archive, info, name, budget)))
                inner_names = {i.filename: i for i in inner.infolist()}
                if "recipe.json" in inner_names:
                    text = decode_text(_member(inner, inner_names["recipe.json"], name, budget))
                    # Translators: an archive's name and the name of a file inside it.
                    where = _("{name}: {member}").format(name=name, member=info.filename)
                    item = parse_json(text, where)
                    if isinstance(item, dict):
                        recipes.append(from_tandoor(item, name))
            elif info.filename.endswith("recipe.json"):
                item = parse_json(decode_text(_member(archive, info, name, budget)), name)
                if isinstance(item, dict):
                    recipes.append(from_tandoor(item, name))
            if len(recipes) > MAX_RECIPES:
                break
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        EOFError,
        RuntimeError,  # an encrypted member: "password required"
    ) as exc:
        # Translators: {reason} is Python's zip module's own message (in English).
        message = _("{name}: is a damaged zip file ({reason}).")
        raise RecipeImportError(message.format(name=name, reason=exc)) from exc
    except TextError as exc:
        raise RecipeImportError(named(name, exc)) from exc
    if not recipes:
        message = _("{name}: is neither a Mealie backup nor a Tandoor export.")
        raise RecipeImportError(message.format(name=name))
    return recipes


def _too_large(name: str, member: str) -> str:
    # Translators: an archive's name and the name of a file inside it.
    return _("{name}: {member} is too large to be read.").format(name=name, member=member)
