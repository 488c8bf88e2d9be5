"""A week plan: a start date, whole weeks of days, four meal slots a day, foods in each slot.

The plan is changed only through edits (planner.core.edits); it tells its listeners which days
changed so that views and scores can follow.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from planner.core.entry import (
    GRAMS_PER_OUNCE,
    MAX_GRAMS,
    MAX_MEASURES,
    MAX_OUNCES,
    MAX_SERVINGS,
    MAX_UNIT,
    RECIPE_PREFIX,
    UNIT_GRAM,
    UNIT_OUNCE,
    UNIT_PORTION,
    UNIT_SERVING,
    Entry,
    check_amount,
    check_entry,
    check_unit,
    format_amount,
    max_amount,
)
from planner.errors import PlanError
from planner.i18n import N_, _, pgettext

# The entry, its units and their checks live in planner.core.entry; they are re-exported
# here, where most modules import them from.
__all__ = [
    "DAYS_PER_WEEK",
    "EARLIEST_START",
    "GRAMS_PER_OUNCE",
    "LATEST_START",
    "MAX_GRAMS",
    "MAX_MEASURES",
    "MAX_OUNCES",
    "MAX_SERVINGS",
    "MAX_UNIT",
    "MAX_WEEKS",
    "MEALS",
    "MEAL_LABELS",
    "RECIPE_PREFIX",
    "UNIT_GRAM",
    "UNIT_OUNCE",
    "UNIT_PORTION",
    "UNIT_SERVING",
    "Cell",
    "Change",
    "ChangeGroup",
    "Entry",
    "Listener",
    "Plan",
    "check_amount",
    "check_entry",
    "check_start",
    "check_unit",
    "format_amount",
    "max_amount",
    "meal_word",
    "this_monday",
    "week_start",
]

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
MAX_WEEKS = 52
# Plans start within these dates, so that every day of the longest plan is a real date
# (Python's dates end at 9999-12-31) and a typo such as year 20026 is refused.
EARLIEST_START = date(1900, 1, 1)
LATEST_START = date(2999, 12, 31)

Cell = tuple[int, str]


_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def iso_day(text: str) -> date:
    """A date written as the formats here write it, 2026-11-30; ValueError for anything
    else. (Python 3.11's date.fromisoformat also reads "20261130" and the week date
    "2026-W48-1", which no file or option of the app names.)"""
    if not _ISO_DAY.fullmatch(text):
        raise ValueError(f"not a date like 2026-11-30: {text[:40]!r}")
    return date.fromisoformat(text)


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


def week_start(today: date | None = None, first_weekday: int = 0) -> date:
    """The first day of the week holding ``today`` (default: the current date), for weeks
    that start on ``first_weekday`` (0 Monday ... 6 Sunday, as date.weekday() counts)."""
    today = today or date.today()
    return today - timedelta(days=(today.weekday() - first_weekday) % 7)


def this_monday(today: date | None = None) -> date:
    """The Monday of the week holding ``today`` (default: the current date)."""
    return week_start(today, 0)


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

    def cell_size(self, day: int, meal: str) -> int:
        """How many entries a cell holds (without copying them, as ``cell`` does)."""
        return len(self._cells.get((day, meal), ()))

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
