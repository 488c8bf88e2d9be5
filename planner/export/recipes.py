"""The recipes section: each dish of the printed days with its ingredients for the portions
planned, and its method, so that the week can be cooked from the paper."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, KeepTogether, Spacer

from planner.core.plan import RECIPE_PREFIX
from planner.core.shopping import entry_quantity, format_grams
from planner.export.dates import span_label
from planner.export.document import Document
from planner.export.theme import MUTED_MARKUP
from planner.i18n import _, format_number, ngettext
from planner.recipes.model import Ingredient, Recipe

CHECK_EVERY = 16  # dishes between two looks at the cancel flag


def planned_dishes(doc: Document, days: Sequence[int]) -> list[tuple[Recipe, float]]:
    """The recipes planned on ``days`` with their portions added up, in the order each
    is first planned; recipes the book lacks are left out (the grid names them)."""
    found: dict[str, tuple[Recipe, float]] = {}
    for day in days:
        for _meal, _index, entry in doc.plan.day_entries(day):
            recipe = doc.recipe_of(entry)
            if recipe is None:
                continue
            held = found.get(recipe.id)
            found[recipe.id] = (recipe, (held[1] if held else 0.0) + entry.amount)
    return list(found.values())


def add_recipes(doc: Document, days: Sequence[int]) -> None:
    """A section listing each dish of ``days``: nothing when none is planned."""
    dishes = planned_dishes(doc, days)
    if not dishes:
        return
    first, last = doc.plan.date_of(days[0]), doc.plan.date_of(days[-1])
    # Translators: the title of the recipes' page; {span} is "30 Nov – 6 Dec 2026".
    doc.section(_("Recipes · {span}").format(span=span_label(first, last)), wide=False,
                columns=2)  # fmt: skip
    doc.story.append(
        doc.para(
            doc.text(
                _(
                    "Each dish of these days, with its ingredients for all the portions planned "
                    "(the recipe's own amounts scaled to them)."
                )
            ),
            doc.styles.small,
        )
    )
    for number, (recipe, portions) in enumerate(dishes):
        if number % CHECK_EVERY == CHECK_EVERY - 1:
            doc.checkpoint()
        doc.story.append(KeepTogether(_dish(doc, recipe, portions)))


def _dish(doc: Document, recipe: Recipe, portions: float) -> list[Flowable]:
    styles = doc.styles
    muted = MUTED_MARKUP
    yields = ngettext("{count} portion", "{count} portions", portions).format(
        count=format_number(portions, 2)
    )
    made = _("the recipe makes {count}").format(count=format_number(recipe.portions, 2))
    block: list[Flowable] = [
        doc.para(
            f"{doc.text(recipe.name)}"
            f'<font name="{doc.fonts.sans}" size="7.8" color="{muted}">'
            f"    {yields} · {made}</font>",
            styles.day,
        )
    ]
    scale = portions / recipe.portions
    for item in recipe.ingredients:
        block.append(doc.para(_ingredient(doc, item, scale), styles.suggestion))
    method = recipe.method.strip()
    if method:
        block.append(Spacer(1, 2))
        for line in method.splitlines():
            if line.strip():
                block.append(doc.para(doc.text(line.strip()), styles.note))
    block.append(Spacer(1, 6))
    return block


def _ingredient(doc: Document, item: Ingredient, scale: float) -> str:
    """One ingredient line: "• 4 clove (12 g) Garlic"; a note as it was written."""
    if item.is_note:
        return "• " + doc.text(item.text)
    grams = item.grams * scale
    weight = format_grams(grams)
    amount = weight
    if item.measure and item.count:
        amount = f"{entry_quantity(None, item.count * scale, item.measure)} ({weight})"
    if item.food_id is not None:
        name = doc.name_of(item.food_id)
    else:
        assert item.recipe_id is not None
        # Translators: an ingredient that is a recipe of its own.
        name = _("{name} (recipe)").format(name=doc.name_of(RECIPE_PREFIX + item.recipe_id))
    heated = ""
    if item.heated:
        heated = f' <font color="{MUTED_MARKUP}">{_("cooked with the dish")}</font>'
    return f"• {doc.text(amount)} {doc.text(name)}{heated}"
