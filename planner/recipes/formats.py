"""Reading recipe files: each format's recipes as RawRecipes, before any matching.

Formats (``read_recipes`` tells them apart by content, not by name):

- schema.org ``Recipe`` JSON-LD, in a saved web page (``<script type="application/ld+json">``
  blocks, found with html.parser) or a ``.json`` file; ``@graph`` and lists are searched.
- A Mealie backup: a zip holding ``database.json``, Mealie's tables as lists of rows
  (``recipes``, ``recipes_ingredients``, ``recipe_instructions``, ``ingredient_foods``,
  ``ingredient_units``, ``tags``, ``recipes_to_tags``).
- A Tandoor export: a zip of zips, each holding ``recipe.json`` (name, servings, keywords,
  steps with instructions and ingredients of food, unit and amount).
- This app's own file of recipes (``gutskin-recipes``), read back as Recipes.

Matching the lines to the catalog is planner.recipes.importing's job.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from planner.errors import RecipeImportError
from planner.i18n import _
from planner.recipes.lines import parse_line
from planner.recipes.model import (
    MAX_METHOD,
    MAX_NAME,
    MAX_PORTIONS,
)

MAX_RECIPES = 5_000
MAX_DEPTH = 20  # nesting of lists and objects searched for recipes and their steps


@dataclass
class RawRecipe:
    """A recipe as read from a file, before matching."""

    name: str
    portions: float
    lines: list[str]
    method: str = ""
    tags: list[str] = field(default_factory=list)
    source: str = ""


# -- reading the formats ----------------------------------------------------------------
# Control characters (C0, DEL, C1) and lone surrogates: a name from a file must not drive
# a terminal or make the file of own recipes impossible to write as UTF-8.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(value: object) -> str:
    if isinstance(value, str):
        return _UNPRINTABLE.sub("", " ".join(value.split()))
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return f"{value:g}"
        except OverflowError:  # an integer of hundreds of digits: no text a recipe holds
            return ""
    return ""


def portions_of(*values: object) -> float:
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


def instructions_of(value: object, depth: int = 0) -> list[str]:
    """schema.org recipeInstructions: text, a list of text, HowToStep or HowToSection."""
    if depth > MAX_DEPTH:
        return []
    if isinstance(value, str):
        return [clean_text(line) for line in value.splitlines() if clean_text(line)]
    if isinstance(value, list):
        return [step for item in value for step in instructions_of(item, depth + 1)]
    if isinstance(value, dict):
        if "itemListElement" in value:
            steps = instructions_of(value["itemListElement"], depth + 1)
            name = clean_text(value.get("name"))
            return [name + ":", *steps] if name else steps
        return instructions_of(value.get("text") or value.get("name") or "", depth + 1)
    return []


def method_of(steps: list[str]) -> str:
    text = "\n".join(steps)
    return text if len(text) <= MAX_METHOD else text[: MAX_METHOD - 1] + "…"


def _words(value: object, depth: int = 0) -> list[str]:
    if isinstance(value, str):
        return [clean_text(w) for w in value.split(",") if clean_text(w)]
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
        name=clean_text(item.get("name"))[:MAX_NAME] or _("Imported recipe"),
        portions=portions_of(item.get("recipeYield"), item.get("yield")),
        lines=[clean_text(line) for line in lines if clean_text(line)]
        if isinstance(lines, list)
        else [],
        method=method_of(instructions_of(item.get("recipeInstructions"))),
        tags=[
            w.casefold() for w in _words(item.get("keywords")) + _words(item.get("recipeCategory"))
        ],
        source=clean_text(item.get("url")) or source,
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


def parse_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        # Translators: {reason} is Python's JSON parser's own message (in English).
        message = _("{name}: is not valid JSON ({reason}).")
        raise RecipeImportError(message.format(name=name, reason=exc)) from exc


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
        raise RecipeImportError(_("{name}: holds no schema.org recipe.").format(name=name))
    return recipes


def read_json(text: str, name: str) -> list[RawRecipe]:
    data = parse_json(text, name)
    recipes = [from_schema_org(item, name) for item in _find_recipes(data)]
    if not recipes:
        raise RecipeImportError(_("{name}: holds no schema.org recipe.").format(name=name))
    return recipes
