"""Templates: a meal, a day or a week of foods kept under a name, to be put into any plan.

A template holds its meals relative to its own start: day offset 0 for a meal or a day
template, 0 to 6 for a week template. Applying one is a single SetCells, so it is one
undo step whether it replaces what is there or adds to it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Literal

from planner.core.edits import Edit, SetCells
from planner.core.plan import (
    DAYS_PER_WEEK,
    MEALS,
    Cell,
    Entry,
    Plan,
    check_amount,
    check_entry,
    meal_word,
    this_monday,
)
from planner.errors import PlanError
from planner.i18n import N_, _, ngettext

Kind = Literal["meal", "day", "week"]
KINDS: tuple[Kind, ...] = ("meal", "day", "week")
# Translators: the kinds of template (a meal's, a day's, a week's food).
KIND_LABELS: dict[str, str] = {"meal": N_("Meal"), "day": N_("Day"), "week": N_("Week")}
MAX_NAME = 100
MAX_FOOD_ID = 200  # as in a plan file
MAX_CELL_ENTRIES = 200  # as in a plan file: a template never makes a meal a file refuses

# A template's meals: (day offset, meal) -> its foods, only meals that hold some.
TemplateCells = tuple[tuple[int, str, tuple[Entry, ...]], ...]


def now() -> datetime:
    """The time stamps of templates: aware, in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


def new_id() -> str:
    return os.urandom(8).hex()


# What clean_name says of a bad name, for each thing it names: (no name, too long, not
# printable); whole sentences, as each language words them its own way.
_NAME_ERRORS: dict[str, tuple[str, str, str]] = {
    "template": (
        N_("A template needs a name."),
        N_("A template's name can have at most {count} characters."),
        N_("A template's name holds characters that cannot be shown."),
    ),
    "rule": (
        N_("A rule needs a name."),
        N_("A rule's name can have at most {count} characters."),
        N_("A rule's name holds characters that cannot be shown."),
    ),
}


def clean_name(name: object, what: Literal["template", "rule"] = "template") -> str:
    """A name on one line of at most MAX_NAME characters; raises PlanError."""
    missing, too_long, unprintable = _NAME_ERRORS[what]
    if not isinstance(name, str):
        raise PlanError(_(missing))
    text = " ".join(name.split())
    if not text:
        raise PlanError(_(missing))
    if len(text) > MAX_NAME:
        raise PlanError(_(too_long).format(count=MAX_NAME))
    if any(ord(c) < 32 or ord(c) == 127 or 0xD800 <= ord(c) <= 0xDFFF for c in text):
        raise PlanError(_(unprintable))
    return text


def _check_entry(entry: object) -> Entry:
    if not isinstance(entry, Entry):
        raise PlanError(_("{entry} is not a food of a meal.").format(entry=repr(entry)))
    food = entry.food_id
    if not isinstance(food, str) or not food.strip() or len(food) > MAX_FOOD_ID:
        raise PlanError(_("A food of a template has no valid id."))
    if any(ord(c) < 32 or ord(c) == 127 or 0xD800 <= ord(c) <= 0xDFFF for c in food):
        raise PlanError(_("A food id of a template holds control characters."))
    return check_entry(entry)


@dataclass(frozen=True, slots=True)
class Template:
    """A named meal, day or week of foods. Build one with ``make_template`` (it checks)."""

    id: str
    name: str
    kind: Kind
    cells: TemplateCells
    created: datetime
    modified: datetime

    def cell(self, offset: int, meal: str) -> tuple[Entry, ...]:
        for day, name, entries in self.cells:
            if day == offset and name == meal:
                return entries
        return ()

    @property
    def meal(self) -> str:
        """The meal a meal template was made from (it can be put into any meal)."""
        return self.cells[0][1]

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every food of the template, in day then meal order."""
        return tuple(entry for _day, _meal, entries in self.cells for entry in entries)

    @property
    def food_count(self) -> int:
        return sum(len(entries) for _day, _meal, entries in self.cells)

    @property
    def span(self) -> int:
        """How many days the template covers."""
        return DAYS_PER_WEEK if self.kind == "week" else 1

    def renamed(self, name: str, when: datetime | None = None) -> Template:
        return replace(self, name=clean_name(name), modified=when or now())

    def describe(self) -> str:
        """e.g. "Day template, 6 foods"."""
        n = self.food_count
        text = {
            "meal": ngettext("Meal template, {count} food", "Meal template, {count} foods", n),
            "day": ngettext("Day template, {count} food", "Day template, {count} foods", n),
            "week": ngettext("Week template, {count} food", "Week template, {count} foods", n),
        }[self.kind]
        return text.format(count=n)


def make_template(
    name: str,
    kind: str,
    cells: Mapping[Cell, Sequence[Entry]],
    *,
    template_id: str | None = None,
    created: datetime | None = None,
    modified: datetime | None = None,
) -> Template:
    """A checked template; raises PlanError with a reason a person understands.

    ``cells`` maps (day offset, meal) to foods: offset 0 and one meal for a meal template,
    offset 0 for a day template, 0 to 6 for a week template. Empty meals are left out; a
    template holds at least one food.
    """
    name = clean_name(name)
    if kind not in KINDS:
        raise PlanError(
            _("{kind} is not a kind of template ({names}).").format(
                kind=repr(kind), names=", ".join(KINDS)
            )
        )
    checked: Kind = kind
    span = DAYS_PER_WEEK if kind == "week" else 1
    order = {meal: n for n, meal in enumerate(MEALS)}
    held: list[tuple[int, str, tuple[Entry, ...]]] = []
    for (offset, meal), entries in cells.items():
        if isinstance(offset, bool) or not isinstance(offset, int) or not 0 <= offset < span:
            raise PlanError(
                _("Day {offset} does not exist in a {kind} template.").format(
                    offset=repr(offset), kind=kind
                )
            )
        if meal not in order:
            raise PlanError(
                _("{meal} is not a meal (meals: {names}).").format(
                    meal=repr(meal), names=", ".join(MEALS)
                )
            )
        foods = tuple(_check_entry(entry) for entry in entries)
        if len(foods) > MAX_CELL_ENTRIES:
            raise PlanError(
                _("A meal can hold at most {count} foods.").format(count=MAX_CELL_ENTRIES)
            )
        if foods:
            held.append((offset, meal, foods))
    if not held:
        raise PlanError(_("A template needs at least one food."))
    if kind == "meal" and len(held) > 1:
        raise PlanError(_("A meal template holds one meal."))
    held.sort(key=lambda item: (item[0], order[item[1]]))
    created = created or now()
    modified = modified or created
    for stamp in (created, modified):
        if not isinstance(stamp, datetime) or stamp.tzinfo is None:
            raise PlanError(_("A template's dates must be dates and times with a time zone."))
    return Template(
        id=template_id or new_id(), name=name, kind=checked, cells=tuple(held),
        created=created, modified=modified,
    )  # fmt: skip


# -- making templates from a plan ----------------------------------------------------------------
def template_from_meal(plan: Plan, day: int, meal: str, name: str) -> Template:
    plan.check_day(day)
    plan.check_meal(meal)
    if not plan.cell(day, meal):
        raise PlanError(
            _("That {meal} is empty: a template needs a food.").format(
                # Translators: {meal} is a meal's name ("breakfast"), as a word inside a sentence.
                meal=meal_word(meal)
            )
        )
    return make_template(name, "meal", {(0, meal): plan.cell(day, meal)})


def template_from_day(plan: Plan, day: int, name: str) -> Template:
    plan.check_day(day)
    if plan.is_day_empty(day):
        raise PlanError(_("That day is empty: a template needs at least one food."))
    return make_template(name, "day", {(0, meal): plan.cell(day, meal) for meal in MEALS})


def check_week(plan: Plan, week: object) -> int:
    if isinstance(week, bool) or not isinstance(week, int) or not 0 <= week < plan.weeks:
        shown = week + 1 if isinstance(week, int) else week
        raise PlanError(
            _("Week {shown} does not exist (the plan has {weeks}).").format(
                shown=repr(shown), weeks=plan.weeks
            )
        )
    return week


def template_from_week(plan: Plan, week: int, name: str) -> Template:
    first = check_week(plan, week) * DAYS_PER_WEEK
    cells = {
        (offset, meal): plan.cell(first + offset, meal)
        for offset in range(DAYS_PER_WEEK)
        for meal in MEALS
    }
    if not any(cells.values()):
        raise PlanError(_("That week is empty: a template needs at least one food."))
    return make_template(name, "week", cells)


# -- putting templates into a plan ---------------------------------------------------------------
def target_cells(
    plan: Plan, template: Template, target: int, meal: str | None = None
) -> dict[Cell, tuple[Entry, ...]]:
    """The plan's meals the template covers, each with the template's foods for it.

    ``target`` is a day for a meal or day template (a meal template also needs ``meal``)
    and a week for a week template. Raises PlanError for a target the plan does not have.
    """
    if template.kind == "meal":
        plan.check_day(target)
        if meal is None:
            raise PlanError(_("Choose the meal to put the template in."))
        plan.check_meal(meal)
        return {(target, meal): template.cells[0][2]}
    if template.kind == "day":
        plan.check_day(target)
        return {(target, m): template.cell(0, m) for m in MEALS}
    first = check_week(plan, target) * DAYS_PER_WEEK
    return {
        (first + offset, m): template.cell(offset, m)
        for offset in range(DAYS_PER_WEEK)
        for m in MEALS
    }


def merged(held: Sequence[Entry], added: Sequence[Entry]) -> tuple[Entry, ...]:
    """``held`` with ``added`` put in as a drop would: a food already there in the same unit
    gets the amount added. Raises PlanError past the unit's bound."""
    result = list(held)
    for entry in added:
        for index, there in enumerate(result):
            if there.food_id == entry.food_id and there.unit == entry.unit:
                try:
                    total = check_amount(there.amount + entry.amount, entry.unit)
                except PlanError as exc:
                    raise PlanError(
                        _("{food_id} in one meal: {exc}").format(food_id=entry.food_id, exc=exc)
                    ) from None
                result[index] = Entry(there.food_id, total, there.unit)
                break
        else:
            result.append(entry)
    return tuple(result)


def apply_template(
    plan: Plan, template: Template, target: int, meal: str | None = None, *, add: bool = False
) -> Edit:
    """The one edit that puts ``template`` into the plan at ``target`` (see target_cells):
    replacing what those meals hold, or with ``add`` adding to it. Raises PlanError."""
    cells = target_cells(plan, template, target, meal)
    if add:
        cells = {
            cell: merged(plan.cell(*cell), entries) for cell, entries in cells.items() if entries
        }
    for entries in cells.values():
        if len(entries) > MAX_CELL_ENTRIES:
            raise PlanError(
                _("A meal can hold at most {count} foods.").format(count=MAX_CELL_ENTRIES)
            )
    label = _("Add template “{name}”") if add else _("Apply template “{name}”")
    return SetCells(cells, label=label.format(name=template.name))


def template_replaces(plan: Plan, template: Template, target: int, meal: str | None = None) -> int:
    """How many foods of the plan applying ``template`` (replacing) would take out, so the
    ui can ask first; 0 when it only fills empty meals or puts back what is there."""
    cells = target_cells(plan, template, target, meal)
    return sum(
        len(plan.cell(*cell)) for cell, entries in cells.items() if plan.cell(*cell) != entries
    )


def template_plan(template: Template, start: date | None = None) -> Plan:
    """A one-week plan holding the template from its first day, to score with the evaluator:
    day 0 for a meal or day template (a meal template in the meal it was made from), the
    week for a week template."""
    plan = Plan(start or this_monday())
    for offset, meal, entries in template.cells:
        plan._put_cell(offset, meal, entries)
    return plan
