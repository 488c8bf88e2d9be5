"""The Recipes menu's longer actions, for ui.window.recipes.RecipesController: edit a
recipe (a built-in one as a copy of it), duplicate one, delete the chosen own recipe (a
warning naming the plan's days that use it), import a file of recipes (progress with
Cancel, then the review of each line; all saved in one write or none) and export the
user's own."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale

from planner.errors import PlannerError
from planner.i18n import _, ngettext

if TYPE_CHECKING:
    from planner.recipes.model import Recipe

    from .recipes import RecipesController


def delete_recipe(controller: RecipesController) -> bool:
    from ui.dialogs import Confirm, Messages

    recipe = controller._chosen()
    if recipe is None:
        return False
    window = controller._window
    if not controller._is_own(recipe):
        controller._status(
            _(
                "{recipe} is a built-in recipe and cannot be deleted; "
                "Duplicate makes one of your own."
            ).format(recipe=recipe.name)
        )
        return False
    users = controller.book.used_by(recipe.id)
    if users:
        Messages.error(
            window,
            _("The recipe is in use"),
            _("{recipe} is used by {users}: take it out of them first.").format(
                recipe=recipe.name, users=", ".join(r.name for r in users)
            ),
        )
        return False
    days = controller.plan_days_using(recipe.id)
    if days:
        plan = window.document.plan
        dates = [plan.date_of(day) for day in days]
        names = [QLocale().toString(QDate(d.year, d.month, d.day), "dddd d MMMM") for d in dates]
        listed = (
            names[0]
            if len(names) == 1
            # Translators: the last two of a list of days ("Monday 5 January, ... and ...").
            else _("{days} and {last}").format(days=", ".join(names[:-1]), last=names[-1])
        )
        text = _(
            "The plan uses {recipe} on {days}. Those meals will keep it as a "
            "missing recipe, counted as nothing, until you take it out.\n\n"
            "Delete {recipe} from your recipes? This cannot be undone."
        ).format(recipe=recipe.name, days=listed)
    else:
        text = _("Delete {recipe} from your recipes? This cannot be undone.").format(
            recipe=recipe.name
        )
    if not Confirm.ask(window, _("Delete Recipe"), text):
        return False
    if not controller._writable():
        return False
    assert controller._own is not None
    try:
        controller._own.remove(recipe.id)
    except (PlannerError, OSError) as exc:
        Messages.error(window, _("The recipe could not be deleted"), str(exc))
        return False
    controller._rebuild()
    controller._status(_("Deleted {recipe}.").format(recipe=recipe.name))
    return True


def import_recipes(controller: RecipesController) -> int:
    """Import a file of recipes; how many were saved."""
    from planner.recipes.importing import unique_ids
    from ui.dialogs import Messages
    from ui.recipes.files import RecipeFiles
    from ui.recipes.importer import ImportProgress
    from ui.recipes.review import ImportReview

    window = controller._window
    if not controller._writable():
        return 0
    path = RecipeFiles.open_recipes(window, window.files.folder())
    if path is None:
        return 0
    result, message = ImportProgress.run(window, path, window.catalog)
    if message:
        Messages.error(window, _("Recipes not imported"), message)
        return 0
    if result is None:  # cancelled
        controller._status(_("Import cancelled; nothing was saved."))
        return 0
    window.settings.last_folder = path.parent
    recipes = list(result.ready)
    if result.imported:
        reviewed = ImportReview.ask(window, result.imported, window.catalog)
        if reviewed is None:
            controller._status(_("Import cancelled; nothing was saved."))
            return 0
        recipes = reviewed + recipes
    if not recipes:
        controller._status(_("{file} holds no recipes.").format(file=path.name))
        return 0
    recipes = unique_ids(recipes, {recipe.id for recipe in controller.book})
    from planner.recipes.book import RecipeBook

    trial = RecipeBook(window.catalog, list(controller.book))
    try:
        for recipe in recipes:  # the whole file is refused before any of it is saved
            trial.put(recipe)
        assert controller._own is not None
        controller._own.put_many(recipes)
    except (PlannerError, OSError) as exc:
        Messages.error(window, _("Recipes not imported"), str(exc))
        return 0
    controller._rebuild()
    controller._status(
        ngettext("Imported {count} recipe.", "Imported {count} recipes.", len(recipes)).format(
            count=len(recipes)
        )
    )
    return len(recipes)


def export_recipes(controller: RecipesController) -> bool:
    from planner.recipes.recipejson import recipe_to_json
    from planner.storage.recipes import export_recipes
    from ui.dialogs import Messages
    from ui.recipes.files import RecipeFiles

    window = controller._window
    controller.book  # noqa: B018  (loads the book)
    own = list(controller._own or ())
    if not own:
        controller._status(_("You have no recipes of your own to export yet."))
        return False
    path = RecipeFiles.save_recipes(window, window.files.folder() / "my-recipes.json")
    if path is None or controller._export_refused(_("Could not export the recipes"), path):
        return False
    try:
        export_recipes(path, [recipe_to_json(recipe) for recipe in own])
    except PlannerError as exc:
        Messages.file_error(window, _("Could not export the recipes"), path, str(exc))
        return False
    window.settings.last_folder = path.parent
    controller._status(
        ngettext(
            "Exported {count} recipe to {file}.",
            "Exported {count} recipes to {file}.",
            len(own),
        ).format(count=len(own), file=path.name)
    )
    return True


def edit_recipe(controller: RecipesController, recipe: Recipe | None) -> Recipe | None:
    """Open the editor on ``recipe`` (a built-in one: on a copy of it; None: a new one);
    the recipe saved, or None."""
    from planner.recipes.model import OWN
    from ui.recipes.editor import RecipeEditor

    window = controller._window
    as_copy = recipe is not None and not controller._is_own(recipe)
    if recipe is not None and as_copy:
        recipe = replace(recipe, id="", origin=OWN)

    def save(draft: Recipe) -> str:
        if not draft.id:
            draft = replace(draft, id=controller.new_id(draft.name))
        problem = controller.save(draft)
        if not problem:
            saved.append(draft)
        return problem

    saved: list[Recipe] = []
    RecipeEditor.ask(
        window,
        controller.book,
        recipe,
        save=save,
        score_of=controller.draft_score,
        title=_("Edit a Copy of the Recipe") if as_copy else "",
    )
    return saved[-1] if saved else None


def duplicate_recipe(controller: RecipesController) -> Recipe | None:
    from planner.recipes.model import MAX_NAME, OWN

    recipe = controller._chosen()
    if recipe is None or not controller._writable():
        return None
    # Translators: the name of a recipe's copy.
    copy_name = _("{recipe} (copy)")
    name = copy_name.format(recipe=recipe.name)
    if len(name) > MAX_NAME:  # the original's name shortened, the words kept
        kept = len(recipe.name) - (len(name) - MAX_NAME)
        name = copy_name.format(recipe=recipe.name[:kept].rstrip())
    copy = replace(recipe, id=controller.new_id(name), name=name, origin=OWN)
    problem = controller.save(copy)
    if problem:
        from ui.dialogs import Messages

        Messages.error(controller._window, _("The recipe could not be copied"), problem)
        return None
    return copy
