"""A week plan: a start date, whole weeks of days, four meal slots a day, foods in each slot.

The plan is changed only through edits (planner.core.edits); it tells its listeners which days
changed so that views and scores can follow.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from planner.errors import PlanError
from planner.i18n import N_, _, ngettext, pgettext

MEALS: tuple[str, ...] = ("breakfast", "lunch", "dinner", "snacks")
MEAL_LABELS: dict[str, str] = {
    # Translators: the meals of a day, as column and row headings show them.
    "breakfast": N_("Breakfast"),
    "lunch": N_("Lunch"),
    "dinner": N_("Dinner"),
    "snacks": N_("Snacks"),
}


def meal_word(meal: str) -> str:
    """A meal's name inside a sentence ("Monday breakfast", "Dishes at lunch"): lower case
    in English, as each language writes it there (German nouns keep their capital)."""
    words = {
        # Translators: a meal's name inside a sentence ("Monday breakfast").
        "breakfast": pgettext("in a sentence", "breakfast"),
        "lunch": pgettext("in a sentence", "lunch"),
        "dinner": pgettext("in a sentence", "dinner"),
        "snacks": pgettext("in a sentence", "snacks"),
    }
    return words.get(meal, meal)


DAYS_PER_WEEK = 7
# A plan entry's id for a recipe: RECIPE_PREFIX + the recipe's id.
RECIPE_PREFIX = "recipe:"
# The units an entry's amount can be in; any other unit is one of the food's household
# measures ("cup", "clove", "tbsp, chopped"), as SR28's WEIGHT table names them.
UNIT_SERVING, UNIT_GRAM, UNIT_OUNCE, UNIT_PORTION = "serving", "g", "oz", "portion"
GRAMS_PER_OUNCE = 28.349523125  # the international avoirdupois ounce (1959)
MAX_SERVINGS = 20.0  # servings of a food, or portions of a recipe
MAX_GRAMS = 5000.0
MAX_OUNCES = MAX_GRAMS / GRAMS_PER_OUNCE  # the same weight as MAX_GRAMS: about 176 oz
MAX_MEASURES = 50.0  # "50 cloves", "50 tbsp"
MAX_UNIT = 60  # characters of a unit's name (SR28's longest measure names are shorter)
# What check_amount says of a bad amount in each built-in unit: (not a number, not more
# than 0, above the bound); whole sentences, as each language words them its own way.
_AMOUNT_ERRORS: dict[str, tuple[str, str, str]] = {
    UNIT_SERVING: (
        N_("Servings must be a number, not {value}."),
        N_("Servings must be more than 0."),
        N_("Servings can be at most {bound}."),
    ),
    UNIT_PORTION: (
        N_("Portions must be a number, not {value}."),
        N_("Portions must be more than 0."),
        N_("Portions can be at most {bound}."),
    ),
    UNIT_GRAM: (
        N_("Grams must be a number, not {value}."),
        N_("Grams must be more than 0."),
        N_("Grams can be at most {bound}."),
    ),
    UNIT_OUNCE: (
        N_("Ounces must be a number, not {value}."),
        N_("Ounces must be more than 0."),
        N_("Ounces can be at most {bound}."),
    ),
}
# Translators: {unit} is a household measure such as "cup" or "clove".
_MEASURE_ERRORS = (
    N_("The amount in {unit} must be a number, not {value}."),
    N_("The amount in {unit} must be more than 0."),
    N_("The amount in {unit} can be at most {bound}."),
)
MAX_WEEKS = 52
# Plans start within these dates, so that every day of the longest plan is a real date
# (Python's dates end at 9999-12-31) and a typo such as year 20026 is refused.
EARLIEST_START = date(1900, 1, 1)
LATEST_START = date(2999, 12, 31)

Cell = tuple[int, str]


def check_start(start: object) -> date:
    """A plan's start date, or PlanError: a date between EARLIEST_START and LATEST_START."""
    if not isinstance(start, date) or isinstance(start, datetime):
        raise PlanError(_("The start must be a date, not {value}.").format(value=repr(start)))
    if not EARLIEST_START <= start <= LATEST_START:
        raise PlanError(
            _("The start date must be between {earliest} and {latest}, not {start}.").format(
                earliest=EARLIEST_START.isoformat(),
                latest=LATEST_START.isoformat(),
                start=start.isoformat(),
            )
        )
    return start


# The built-in units and their bounds; a household measure's bound is MAX_MEASURES.
_BOUNDS = {UNIT_SERVING: MAX_SERVINGS, UNIT_PORTION: MAX_SERVINGS, UNIT_GRAM: MAX_GRAMS,
           UNIT_OUNCE: MAX_OUNCES}  # fmt: skip
_UNITS = frozenset(_BOUNDS)


def max_amount(unit: str) -> float:
    """The largest amount an entry may have in ``unit``."""
    return _BOUNDS.get(unit, MAX_MEASURES)


def check_unit(unit: object) -> str:
    """A unit's name, or PlanError: a short printable name."""
    if type(unit) is str and unit in _UNITS:  # the common case, once per entry of a file
        return unit
    if not isinstance(unit, str) or not unit.strip():
        raise PlanError(_("{value} is not a unit.").format(value=repr(str(unit)[:20])))
    if len(unit) > MAX_UNIT:
        raise PlanError(
            ngettext(
                "A unit's name can have at most {count} character.",
                "A unit's name can have at most {count} characters.",
                MAX_UNIT,
            ).format(count=MAX_UNIT)
        )
    if any(ord(c) < 32 or ord(c) == 127 or 0xD800 <= ord(c) <= 0xDFFF for c in unit):
        raise PlanError(_("A unit's name holds control characters."))
    return unit


def check_amount(amount: object, unit: object = UNIT_SERVING) -> float:
    """An amount in ``unit`` as a float, or PlanError: a positive number within the
    unit's bound (20 servings or portions, 5,000 g, about 176 oz, 50 of a measure)."""
    unit = check_unit(unit)
    not_number, not_positive, too_much = _AMOUNT_ERRORS.get(unit, _MEASURE_ERRORS)
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        raise PlanError(_(not_number).format(unit=unit, value=f"{amount!r:.40}"))
    value = float(amount)
    if not math.isfinite(value) or value <= 0:
        raise PlanError(_(not_positive).format(unit=unit))
    bound = max_amount(unit)
    if value > bound:
        raise PlanError(_(too_much).format(unit=unit, bound=f"{bound:.4g}"))
    return value


def check_entry(entry: object) -> Entry:
    """``entry`` if it is an Entry whose amount and unit a plan can hold (a recipe is
    given in portions, a food never is); raises PlanError."""
    if not isinstance(entry, Entry):
        raise PlanError(_("{value} is not a food of a meal.").format(value=repr(str(entry)[:40])))
    given, unit = entry.amount, entry.unit
    if type(given) is float and type(unit) is str:  # the common case, once per loaded entry
        bound = _BOUNDS.get(unit)
        # (NaN fails the comparison and takes the full check, which names it)
        if bound is not None and 0.0 < given <= bound and entry.is_recipe == (unit == UNIT_PORTION):
            return entry
    amount = check_amount(given, unit)
    if entry.is_recipe != (entry.unit == UNIT_PORTION):
        raise PlanError(
            _("A recipe is planned in portions.")
            if entry.is_recipe
            else _("Only a recipe is planned in portions.")
        )
    if type(entry.amount) is float:
        return entry
    return Entry(entry.food_id, amount, entry.unit)  # an int amount becomes a float


def week_start(today: date | None = None, first_weekday: int = 0) -> date:
    """The first day of the week holding ``today`` (default: the current date), for weeks
    that start on ``first_weekday`` (0 Monday ... 6 Sunday, as date.weekday() counts)."""
    today = today or date.today()
    return today - timedelta(days=(today.weekday() - first_weekday) % 7)


def this_monday(today: date | None = None) -> date:
    """The Monday of the week holding ``today`` (default: the current date)."""
    return week_start(today, 0)


def format_amount(amount: float, unit: str, times: str = "x") -> str:
    """An entry's amount as the grid and lists show it: "x1.5" (servings, as before
    amounts had units), "2 portions", "150 g", "5 oz", "2 cup"."""
    if unit == UNIT_SERVING:
        return f"{times}{amount:g}"
    if unit == UNIT_PORTION:
        return ngettext("{amount} portion", "{amount} portions", amount).format(
            amount=f"{amount:g}"
        )
    # Translators: an amount in a unit: "150 g", "2 cup".
    return pgettext("amount", "{amount} {unit}").format(amount=f"{amount:g}", unit=unit)


@dataclass(frozen=True, slots=True)
class Entry:
    """A food or a recipe in a meal, and how much of it.

    ``food_id`` is a food's id or RECIPE_PREFIX + a recipe's id; ``amount`` is in
    ``unit``: "serving" (the food's catalog serving), "g", "oz", "portion" (recipes only)
    or one of the food's household measures. Readers turn an entry into what was eaten
    through a resolver (planner.core.amounts), never through ``amount`` alone: 150 g is
    not 150 servings."""

    food_id: str
    amount: float = 1.0
    unit: str = UNIT_SERVING

    @property
    def is_recipe(self) -> bool:
        return self.food_id.startswith(RECIPE_PREFIX)

    @property
    def recipe_id(self) -> str | None:
        return self.food_id[len(RECIPE_PREFIX) :] if self.is_recipe else None


@dataclass(frozen=True, slots=True)
class Change:
    """What an edit touched: the days whose foods changed, and whether dates or the number
    of weeks changed (``reshaped``)."""

    days: frozenset[int]
    reshaped: bool = False


Listener = Callable[[Change], None]


class ChangeGroup:
    """The changes made while a group was open (Plan.grouped); ``change`` is None when
    nothing changed."""

    __slots__ = ("change",)

    def __init__(self) -> None:
        self.change: Change | None = None

    def add(self, change: Change | None) -> None:
        if change is None:
            return
        if self.change is None:
            self.change = change
        else:
            self.change = Change(
                self.change.days | change.days, self.change.reshaped or change.reshaped
            )


class Plan:
    def __init__(self, start: date | None = None, weeks: int = 1) -> None:
        if start is None:
            today = date.today()
            start = this_monday(today)
        self._start = check_start(start)
        self._weeks = 1
        self._set_weeks(weeks)
        self._cells: dict[Cell, list[Entry]] = {}
        self._listeners: list[Listener] = []
        self._groups: list[ChangeGroup] = []
        # Who this plan is, kept in its file and across edits: calendar exports derive
        # their event ids from it (os.urandom: importing uuid costs a millisecond at start).
        self.id: str = os.urandom(16).hex()
        # The rotation rules that fill new weeks (planner.core.rotations.Rule; typed as
        # object because this module cannot import that one). Changed only by rule edits.
        self._rules: tuple[object, ...] = ()

    # -- reading -------------------------------------------------------------------------
    @property
    def start(self) -> date:
        return self._start

    @property
    def weeks(self) -> int:
        return self._weeks

    @property
    def rules(self) -> tuple[object, ...]:
        return self._rules

    @property
    def day_count(self) -> int:
        return self._weeks * DAYS_PER_WEEK

    def date_of(self, day: int) -> date:
        return self._start + timedelta(days=day)

    def check_day(self, day: object) -> int:
        if isinstance(day, bool) or not isinstance(day, int):
            raise PlanError(_("Day {day} is not a day number.").format(day=repr(day)))
        if not 0 <= day < self.day_count:
            raise PlanError(
                _("Day {day} does not exist (the plan has days 0 to {last}).").format(
                    day=day, last=self.day_count - 1
                )
            )
        return day

    @staticmethod
    def check_meal(meal: object) -> str:
        if not isinstance(meal, str) or meal not in MEALS:
            raise PlanError(
                _("{meal} is not a meal (meals: {names}).").format(
                    meal=repr(meal), names=", ".join(MEALS)
                )
            )
        return meal

    def cell(self, day: int, meal: str) -> tuple[Entry, ...]:
        return tuple(self._cells.get((day, meal), ()))

    def day_entries(self, day: int) -> list[tuple[str, int, Entry]]:
        return [
            (meal, index, entry)
            for meal in MEALS
            for index, entry in enumerate(self._cells.get((day, meal), ()))
        ]

    def entries(self) -> Iterator[tuple[int, str, int, Entry]]:
        """Every entry as (day, meal, index, entry), in day then meal order."""
        for day in range(self.day_count):
            for meal in MEALS:
                for index, entry in enumerate(self._cells.get((day, meal), ())):
                    yield day, meal, index, entry

    def entry_count(self) -> int:
        return sum(len(entries) for entries in self._cells.values())

    def is_day_empty(self, day: int) -> bool:
        return not any(self._cells.get((day, meal)) for meal in MEALS)

    def food_ids(self) -> set[str]:
        return {entry.food_id for entries in self._cells.values() for entry in entries}

    def snapshot(
        self,
    ) -> tuple[date, int, dict[Cell, tuple[Entry, ...]], tuple[object, ...]]:
        """Everything the plan holds, as comparable values (tests and undo checks use it).
        The plan's ``id`` is who it is, not what it holds, so it is left out."""
        return (
            self._start,
            self._weeks,
            {cell: tuple(entries) for cell, entries in self._cells.items() if entries},
            self._rules,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plan) and self.snapshot() == other.snapshot()

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def from_entries(
        cls,
        start: date,
        weeks: int,
        entries: Iterable[tuple[int, str, Entry]],
        *,
        plan_id: str | None = None,
        rules: tuple[object, ...] = (),
    ) -> Plan:
        """A plan holding ``entries`` (day, meal, entry) in the order given, with its id
        and rotation rules: how loaders build a plan. Raises PlanError for a day, meal or
        amount the plan cannot hold."""
        plan = cls(start, weeks)
        if plan_id is not None:
            plan.id = plan_id
        plan._rules = tuple(rules)
        for day, meal, entry in entries:
            plan.check_day(day)
            plan.check_meal(meal)
            plan._cells.setdefault((day, meal), []).append(check_entry(entry))
        return plan

    def copy(self) -> Plan:
        twin = Plan(self._start, self._weeks)
        twin._cells = {cell: list(entries) for cell, entries in self._cells.items() if entries}
        twin.id = self.id
        twin._rules = self._rules
        return twin

    # -- listening -----------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    @contextmanager
    def grouped(self) -> Iterator[ChangeGroup]:
        """Group changes: listeners hear one Change, the union of all, when the outermost
        group ends (a Batch, or a document pushing an edit for undo). The group says what
        changed, so that an edit that changed nothing can be told apart."""
        group = ChangeGroup()
        self._groups.append(group)
        try:
            yield group
        finally:
            self._groups.pop()
            if self._groups:
                self._groups[-1].add(group.change)
            elif group.change is not None:
                self._notify(group.change)

    def _changed(self, change: Change) -> None:
        """Called by edits after they changed the plan."""
        if self._groups:
            self._groups[-1].add(change)
        else:
            self._notify(change)

    def _notify(self, change: Change) -> None:
        # Every listener hears the change even when an earlier one fails; the first failure
        # is raised afterwards, once the plan and everyone watching it agree again.
        failure: Exception | None = None
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception as exc:
                failure = failure or exc
        if failure is not None:
            raise failure

    # -- low-level mutation, used only by edits and loaders -------------------------------
    def _set_weeks(self, weeks: object) -> None:
        if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= MAX_WEEKS:
            raise PlanError(
                _("A plan has 1 to {value} weeks, not {weeks}.").format(
                    value=MAX_WEEKS, weeks=repr(weeks)
                )
            )
        self._weeks = weeks

    def _put_cell(self, day: int, meal: str, entries: list[Entry] | tuple[Entry, ...]) -> None:
        if entries:
            self._cells[(day, meal)] = list(entries)
        else:
            self._cells.pop((day, meal), None)

    def _insert(self, day: int, meal: str, index: int, entry: Entry) -> None:
        self._cells.setdefault((day, meal), []).insert(index, entry)

    def _pop(self, day: int, meal: str, index: int) -> Entry:
        entries = self._cells.get((day, meal), [])
        if not 0 <= index < len(entries):
            raise PlanError(_("There is no food {number} in that meal.").format(number=index + 1))
        entry = entries.pop(index)
        if not entries:
            del self._cells[(day, meal)]
        return entry

    def _replace(self, day: int, meal: str, index: int, entry: Entry) -> Entry:
        entries = self._cells.get((day, meal), [])
        if not 0 <= index < len(entries):
            raise PlanError(_("There is no food {number} in that meal.").format(number=index + 1))
        old, entries[index] = entries[index], entry
        return old

    def _drop_days_from(self, first_day: int) -> None:
        for cell in [cell for cell in self._cells if cell[0] >= first_day]:
            del self._cells[cell]
