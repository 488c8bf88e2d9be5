"""`gutskin recipes`: list the recipe book, import recipes from other planners, export own.

planner/cli/commands.py wires it in with ``add_recipes_parser(sub)`` and
``COMMANDS["recipes"] = cmd_recipes``. Every handler returns an exit code; a bad file is a
PlannerError, which main() prints as one line with exit code 2.

- ``gutskin recipes [--json]``: every recipe with its portions, meal and ingredients.
- ``gutskin recipes import FILE [--yes]``: without --yes, print what the import would
  take and what needs review, and save nothing; with --yes, save the recipes with their
  confident matches as ingredients and every other line kept as a note.
- ``gutskin recipes export -o FILE``: the user's own recipes as a file to import elsewhere.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from planner.cli.common import json_text, load_catalog, say
from planner.errors import RecipeError
from planner.i18n import _

if TYPE_CHECKING:
    pass


def add_recipes_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "recipes", help=_("the recipe book: list, import from other planners, export")
    )
    parser.add_argument("--json", action="store_true", help=_("print the recipes as JSON"))
    sub = parser.add_subparsers(dest="recipes_command", metavar="ACTION")
    imp = sub.add_parser(
        "import",
        help=_(
            "import recipes: a saved web page or .json (schema.org), a Mealie backup, "
            "a Tandoor export"
        ),
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument(
        "--yes",
        action="store_true",
        help=_("save: confident matches become ingredients, other lines are kept as notes"),
    )
    exp = sub.add_parser("export", help=_("write your own recipes to a file"))
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    exp.add_argument("--force", action="store_true", help=_("overwrite FILE if it exists"))
    return parser


def cmd_list(args: argparse.Namespace) -> int:
    from planner.recipes.book import RecipeBook, open_own

    catalog = load_catalog()
    own, message = open_own()
    if message:
        say(f"gutskin: warning: {message}", file=sys.stderr)
    book = RecipeBook.load(catalog, own)
    if args.json:
        rows = []
        for recipe in book:
            facts = book.profile(recipe)
            rows.append(
                {
                    "id": recipe.id,
                    "name": recipe.name,
                    "portions": recipe.portions,
                    "meal": recipe.meal,
                    "origin": recipe.origin,
                    "tags": sorted(recipe.tags),
                    "ingredients": [
                        {
                            "food": item.food_id,
                            "recipe": item.recipe_id,
                            "grams": item.grams,
                            "name": catalog.name_of(item.food_id) if item.food_id else None,
                        }
                        if not item.is_note
                        else {"note": item.text}
                        for item in recipe.ingredients
                    ],
                    "per_portion": {
                        "grams": round(facts.grams, 1),
                        "nutrients": facts.nutrients,
                        "categories": sorted(facts.categories),
                        "plants": list(facts.plants),
                        "diet_tags": sorted(facts.diet_tags),
                        "live_cultures": facts.live_cultures,
                    },
                    "method": recipe.method,
                }
            )
        print(json_text(rows))
        return 0
    for recipe in book:
        facts = book.profile(recipe)
        say(f"{recipe.name} ({recipe.portions:g} portions, {recipe.meal}; "
             f"{facts.grams:.0f} g a portion)")  # fmt: skip
        for item in recipe.ingredients:
            if item.is_note:
                say(f"  note: {item.text}")
            else:
                what = catalog.name_of(item.food_id) if item.food_id else (
                    (book.get(item.recipe_id or "") or recipe).name)  # fmt: skip
                say(f"  {item.grams:g} g {what}")
    return 0


def _confidence(value: float) -> str:
    return f"{value:.0f}%"


def cmd_import(args: argparse.Namespace) -> int:
    from planner.recipes.book import RecipeBook, open_own
    from planner.recipes.importing import CONFIRMED, NOTE, import_file, unique_ids

    catalog = load_catalog()
    result = import_file(args.file, catalog)
    review = 0
    for imported in result.imported:
        say(f"{imported.raw.name} ({imported.raw.portions:g} portions)")
        for line in imported.lines:
            best = line.best
            if line.status == CONFIRMED and best is not None and line.amount is not None:
                say(f"  ok      {line.parsed.text} -> {line.amount.grams:.0f} g {best.name} "
                     f"({_confidence(best.confidence)})")  # fmt: skip
            elif line.status == NOTE or best is None:
                say(f"  note    {line.parsed.text} (no food matched)")
            else:
                review += 1
                why = "amount unknown" if line.amount is None else "check the match"
                say(f"  review  {line.parsed.text} -> {best.name}? "
                     f"({_confidence(best.confidence)}, {why})")  # fmt: skip
    for recipe in result.ready:
        say(f"{recipe.name} ({recipe.portions:g} portions, ready)")
    count = len(result.imported) + len(result.ready)
    if not args.yes:
        say(f"{count} recipe(s) read, {review} line(s) need review; nothing was saved. "
             "Run again with --yes to save them (lines to review are kept as notes), or "
             "import them in the app to review each line.")  # fmt: skip
        return 0
    own, message = open_own()
    if message:
        say(f"gutskin: warning: {message}", file=sys.stderr)
    book = RecipeBook.load(catalog, own)
    recipes = [item.recipe() for item in result.imported] + result.ready
    recipes = unique_ids(recipes, {r.id for r in book})
    for recipe in recipes:  # refuse the whole file before saving any of it
        book.put(recipe)
    own.put_many(recipes)
    say(f"{len(recipes)} recipe(s) saved; {review} line(s) kept as notes to review.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from planner.recipes.book import open_own
    from planner.recipes.recipejson import recipe_to_json
    from planner.storage.recipes import export_recipes

    if args.output.exists() and not args.force:
        raise RecipeError(f"{args.output.name}: exists already; use --force to overwrite it.")
    own, message = open_own()
    if message:
        raise RecipeError(message)
    export_recipes(args.output, [recipe_to_json(recipe) for recipe in own])
    say(f"{len(own)} recipe(s) written to {args.output}.")
    return 0


def cmd_recipes(args: argparse.Namespace) -> int:
    command = getattr(args, "recipes_command", None)
    if command == "import":
        return cmd_import(args)
    if command == "export":
        return cmd_export(args)
    return cmd_list(args)
