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
from planner.i18n import _, format_number, ngettext

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
    from planner.core.plan import MEAL_LABELS
    from planner.recipes.book import RecipeBook, open_own

    catalog = load_catalog()
    own, message = open_own()
    if message:
        say(_("gutskin: warning: {message}").format(message=message), file=sys.stderr)
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
        text = ngettext(
            "{name} ({count} portion, {meal}; {grams} g a portion)",
            "{name} ({count} portions, {meal}; {grams} g a portion)",
            recipe.portions,
        )
        say(text.format(name=recipe.name, count=format_number(recipe.portions, 2),
                        meal=_(MEAL_LABELS.get(recipe.meal, recipe.meal)),
                        grams=format_number(facts.grams, 0)))  # fmt: skip
        for item in recipe.ingredients:
            if item.is_note:
                # Translators: a line of a recipe kept as the user wrote it.
                say("  " + _("note: {text}").format(text=item.text))
            else:
                what = catalog.name_of(item.food_id) if item.food_id else (
                    (book.get(item.recipe_id or "") or recipe).name)  # fmt: skip
                say(f"  {format_number(item.grams, 2)} g {what}")
    return 0


def _confidence(value: float) -> str:
    # Translators: how sure a match is: "87%".
    return _("{percent}%").format(percent=format_number(value, 0))


def cmd_import(args: argparse.Namespace) -> int:
    from planner.recipes.book import RecipeBook, open_own
    from planner.recipes.importing import CONFIRMED, NOTE, import_file, unique_ids

    catalog = load_catalog()
    result = import_file(args.file, catalog)
    review = 0
    for imported in result.imported:
        portions = imported.raw.portions
        say(ngettext("{name} ({count} portion)", "{name} ({count} portions)", portions).format(
            name=imported.raw.name, count=format_number(portions, 2)))  # fmt: skip
        for line in imported.lines:
            best = line.best
            if line.status == CONFIRMED and best is not None and line.amount is not None:
                # Translators: an imported line matched: "2 cups oats -> 180 g Oats (92%)".
                say("  " + _("ok      {line} -> {grams} g {food} ({confidence})").format(
                    line=line.parsed.text, grams=format_number(line.amount.grams, 0),
                    food=best.name, confidence=_confidence(best.confidence)))  # fmt: skip
            elif line.status == NOTE or best is None:
                say("  " + _("note    {line} (no food matched)").format(line=line.parsed.text))
            else:
                review += 1
                why = _("amount unknown") if line.amount is None else _("check the match")
                say("  " + _("review  {line} -> {food}? ({confidence}, {why})").format(
                    line=line.parsed.text, food=best.name,
                    confidence=_confidence(best.confidence), why=why))  # fmt: skip
    for recipe in result.ready:
        say(ngettext("{name} ({count} portion, ready)", "{name} ({count} portions, ready)",
                     recipe.portions).format(name=recipe.name,
                                             count=format_number(recipe.portions, 2)))  # fmt: skip
    count = len(result.imported) + len(result.ready)
    if not args.yes:
        read = ngettext("{count} recipe read", "{count} recipes read", count).format(count=count)
        lines = ngettext("{count} line needs review", "{count} lines need review", review).format(
            count=review
        )
        # Translators: {read} is "3 recipes read", {lines} "2 lines need review".
        say(_("{read}, {lines}; nothing was saved. Run again with --yes to save them (lines "
              "to review are kept as notes), or import them in the app to review each "
              "line.").format(read=read, lines=lines))  # fmt: skip
        return 0
    own, message = open_own()
    if message:
        say(_("gutskin: warning: {message}").format(message=message), file=sys.stderr)
    book = RecipeBook.load(catalog, own)
    recipes = [item.recipe() for item in result.imported] + result.ready
    recipes = unique_ids(recipes, {r.id for r in book})
    for recipe in recipes:  # refuse the whole file before saving any of it
        book.put(recipe)
    own.put_many(recipes)
    saved = ngettext("{count} recipe saved", "{count} recipes saved", len(recipes)).format(
        count=len(recipes)
    )
    kept = ngettext(
        "{count} line kept as a note to review", "{count} lines kept as notes to review", review
    ).format(count=review)
    # Translators: {saved} is "3 recipes saved", {kept} "2 lines kept as notes to review".
    say(_("{saved}; {kept}.").format(saved=saved, kept=kept))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from planner.recipes.book import open_own
    from planner.recipes.recipejson import recipe_to_json
    from planner.storage.recipes import export_recipes

    if args.output.exists() and not args.force:
        raise RecipeError(
            _("{file}: exists already; use --force to overwrite it.").format(file=args.output.name)
        )
    own, message = open_own()
    if message:
        raise RecipeError(message)
    export_recipes(args.output, [recipe_to_json(recipe) for recipe in own])
    count = len(own)
    text = ngettext(
        "{count} recipe written to {file}.", "{count} recipes written to {file}.", count
    )
    say(text.format(count=count, file=args.output))
    return 0


def cmd_recipes(args: argparse.Namespace) -> int:
    command = getattr(args, "recipes_command", None)
    if command == "import":
        return cmd_import(args)
    if command == "export":
        return cmd_export(args)
    return cmd_list(args)
