"""Rotation rules: templates that fill new weeks by themselves.

Three habits, one Rule type:

- "Friday dinner: pizza night, every week": one meal template on a weekday and a meal;
- "breakfast: these three templates in turn": meal templates that take turns, the next one
  each day (or each week) the rule applies;
- "weeks A, B, C in turn": week templates, the next one each week.

A rule only ever fills meals that are empty: a meal the user filled by hand is left as it
is and reported as skipped. The plan carries its rules (``Plan.rules``); they change only
through the edits below, so adding, removing and turning off a rule are undoable.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

from planner.core.edits import Edit, SetCells
from planner.core.plan import (
    DAYS_PER_WEEK,
    MEALS,
    Cell,
    Change,
    Entry,
    Plan,
    meal_word,
)
from planner.core.templates import Template, clean_name
from planner.errors import PlanError
from planner.i18n import N_, PSEUDO, SOURCE_LANGUAGE, _, format_day, language, ngettext

Step = Literal["day", "week"]
STEPS: tuple[Step, ...] = ("day", "week")
WEEKDAY_NAMES = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
ALL_WEEKDAYS: frozenset[int] = frozenset(range(7))
MAX_RULES = 100
MAX_RULE_TEMPLATES = 26  # "weeks A to Z" is past any real rotation


@dataclass(frozen=True, slots=True)
class Rule:
    """Templates that fill empty meals of a plan. Build one with the functions below.

    ``meal`` is the meal a meal template fills (None for day and week templates);
    ``weekdays`` the days it fills (0 = Monday; every day for week templates); ``step``
    says when the next template takes its turn: each day the rule applies, or each week;
    ``anchor`` is the date from which turns are counted (the first template's day or
    week), so a rotation keeps its order when weeks are added, moved or deleted.
    """

    id: str
    name: str
    templates: tuple[Template, ...]
    meal: str | None
    weekdays: frozenset[int]
    step: Step
    anchor: date
    enabled: bool = True

    @property
    def kind(self) -> str:
        return self.templates[0].kind

    def template_on(self, day: date, week_start: date) -> Template | None:
        """The template this rule puts on ``day`` (of the plan week starting at
        ``week_start``), or None if the rule does not fill that day."""
        count = len(self.templates)
        if self.kind != "week" and day.weekday() not in self.weekdays:
            return None
        if self.step == "week":
            turn = (week_start - self.anchor).days // DAYS_PER_WEEK
        else:  # count only the days the rule fills, so each of them takes the next turn
            full, rest = divmod((day - self.anchor).days, DAYS_PER_WEEK)
            turn = full * len(self.weekdays) + sum(
                1 for i in range(rest) if (self.anchor + timedelta(i)).weekday() in self.weekdays
            )
        return self.templates[turn % count]

    def proposal(self, day: date, week_start: date, offset: int) -> dict[str, tuple[Entry, ...]]:
        """What the rule would put in each meal of ``day`` (day ``offset`` of its plan week)."""
        if not self.enabled:
            return {}
        template = self.template_on(day, week_start)
        if template is None:
            return {}
        if template.kind == "meal":
            assert self.meal is not None  # make_rule checked it
            return {self.meal: template.cells[0][2]}
        source = offset if template.kind == "week" else 0
        return {meal: entries for meal in MEALS if (entries := template.cell(source, meal))}

    def describe(self) -> str:
        """A sentence for lists: "Friday dinner: Pizza night, every week"."""
        names = ", ".join(t.name for t in self.templates)
        if self.kind == "week":
            if len(self.templates) > 1:
                return _("Weeks in turn: {names}").format(names=names)
            return _("Every week: {names}").format(names=names)
        days = _weekdays_text(self.weekdays)
        # Translators: when a rule fills a meal: "{days}" is "Friday" or "Weekdays",
        # "{meal}" a meal's name in lower case ("Friday dinner").
        where = (
            _("{days} {meal}").format(days=days, meal=meal_word(self.meal)) if self.meal else days
        )
        if len(self.templates) == 1:
            return _("{where}: {names}, every week").format(where=where, names=names)
        step = {"day": _("the next one each day"), "week": _("the next one each week")}.get(
            self.step, self.step
        )
        # Translators: {turn} is "the next one each day" or "the next one each week".
        return _("{where}: {names} in turn, {turn}").format(where=where, names=names, turn=step)


def _weekdays_text(weekdays: frozenset[int]) -> str:
    if weekdays == ALL_WEEKDAYS:
        return _("Every day")
    if weekdays == frozenset(range(5)):
        return _("Weekdays")
    if weekdays == frozenset({5, 6}):
        return _("Weekends")
    return _(", ").join(_(WEEKDAY_NAMES[d]) for d in sorted(weekdays))


def make_rule(
    templates: Sequence[Template],
    *,
    anchor: date,
    meal: str | None = None,
    weekdays: Iterable[int] = ALL_WEEKDAYS,
    step: str = "week",
    name: str | None = None,
    enabled: bool = True,
    rule_id: str | None = None,
) -> Rule:
    """A checked rule; raises PlanError naming what is wrong."""
    templates = tuple(templates)
    if not templates:
        raise PlanError(_("A rule needs at least one template."))
    if len(templates) > MAX_RULE_TEMPLATES:
        raise PlanError(
            _("A rule takes at most {count} templates in turn.").format(count=MAX_RULE_TEMPLATES)
        )
    if not all(isinstance(t, Template) for t in templates):
        raise PlanError(_("A rule is made of templates."))
    kinds = {t.kind for t in templates}
    if len(kinds) > 1:
        raise PlanError(_("The templates of one rule must all be meals, all days or all weeks."))
    kind = kinds.pop()
    if step not in STEPS:
        raise PlanError(
            _("{step} is not how a rule turns ({names}).").format(
                step=repr(step), names=", ".join(STEPS)
            )
        )
    if not isinstance(anchor, date):
        raise PlanError(_("A rule needs the date its turns count from."))
    days = frozenset(weekdays)
    if not days or not days <= ALL_WEEKDAYS or any(isinstance(d, bool) for d in days):
        raise PlanError(_("A rule fills at least one weekday, numbered 0 (Monday) to 6."))
    if kind == "meal":
        if meal not in MEALS:
            raise PlanError(
                _("Choose the meal the rule fills ({names}).").format(names=", ".join(MEALS))
            )
    elif meal is not None:
        raise PlanError(_("Only a rule of meal templates fills one meal."))
    if kind == "week":
        if step != "week":
            raise PlanError(_("Week templates take their turns week by week."))
        days = ALL_WEEKDAYS
    if name is None:
        name = templates[0].name if len(templates) == 1 else " / ".join(t.name for t in templates)
        name = name[:100]
    return Rule(
        id=rule_id or os.urandom(8).hex(), name=clean_name(name, "rule"), templates=templates,
        meal=meal, weekdays=days, step=step, anchor=anchor, enabled=bool(enabled),
    )  # fmt: skip


def every_week(
    template: Template, weekday: int, meal: str | None = None, *, anchor: date | None = None
) -> Rule:
    """ "Friday dinner: pizza night, every week" (a meal template), or a day template on a
    weekday."""
    return make_rule([template], anchor=anchor or date(2000, 1, 3), meal=meal, weekdays={weekday})


def in_turn(
    templates: Sequence[Template],
    meal: str | None,
    *,
    anchor: date,
    by: str = "day",
    weekdays: Iterable[int] = ALL_WEEKDAYS,
) -> Rule:
    """ "Breakfast: these three templates in turn": the next template each day (or week)
    from ``anchor``, which gets the first."""
    return make_rule(templates, anchor=anchor, meal=meal, weekdays=weekdays, step=by)


def weeks_in_turn(templates: Sequence[Template], *, anchor: date) -> Rule:
    """ "Weeks A, B, C in turn": the week starting at ``anchor`` gets A, the next B, ..."""
    return make_rule(templates, anchor=anchor, step="week")


def plan_rules(plan: Plan) -> tuple[Rule, ...]:
    return tuple(rule for rule in plan.rules if isinstance(rule, Rule))


def rule_templates(rules: Iterable[Rule]) -> list[Template]:
    """Every template the rules use, each once, in order of first use."""
    seen: dict[str, Template] = {}
    for rule in rules:
        for template in rule.templates:
            seen.setdefault(template.id, template)
    return list(seen.values())


# -- filling weeks -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Skipped:
    """A meal a rule would have filled, left as it was because it already held foods."""

    day: int
    meal: str
    rule: str  # the rule's name


@dataclass(frozen=True)
class RuleFill:
    """What the rules put into empty meals, and the meals they left alone."""

    cells: dict[Cell, tuple[Entry, ...]]
    skipped: tuple[Skipped, ...] = ()

    def summary(self, plan: Plan) -> str:
        """One or two sentences for the status bar; "" when the rules did nothing."""
        parts = []
        if self.cells:
            n = len(self.cells)
            parts.append(
                ngettext("Rules filled {count} meal.", "Rules filled {count} meals.", n).format(
                    count=n
                )
            )
        if self.skipped:
            shown = [
                # Translators: a meal a rule left alone: "Fri 05 Dec dinner (Pizza night)".
                _("{day} {meal} ({rule})").format(
                    day=_short_date(plan.date_of(s.day)),
                    meal=meal_word(s.meal),
                    rule=s.rule,
                )
                for s in self.skipped[:3]
            ]
            more = len(self.skipped) - len(shown)
            n = len(self.skipped)
            meals = _(", ").join(shown)
            if more:
                text = ngettext(
                    "{count} meal was left as placed: {meals} and {more} more.",
                    "{count} meals were left as placed: {meals} and {more} more.",
                    n,
                )
            else:
                text = ngettext(
                    "{count} meal was left as placed: {meals}.",
                    "{count} meals were left as placed: {meals}.",
                    n,
                )
            parts.append(text.format(count=n, meals=meals, more=more))
        return " ".join(parts)


def _short_date(day: date) -> str:
    # English as it always read, without loading Babel; other languages by the CLDR.
    if language() in (SOURCE_LANGUAGE, PSEUDO):
        return f"{day:%a %d %b}"
    return format_day(day, "EEE d MMM")


def propose_week(
    rules: Sequence[Rule],
    week_start: date,
    first_day: int,
    held: Callable[[Cell], tuple[Entry, ...]],
) -> RuleFill:
    """What ``rules`` put into the week of plan days ``first_day`` .. +6 starting on
    ``week_start``, given what each meal ``held`` holds. Only empty meals are filled; the
    first rule to fill a meal wins, and a later rule wanting it is reported as skipped."""
    cells: dict[Cell, tuple[Entry, ...]] = {}
    skipped: list[Skipped] = []
    for offset in range(DAYS_PER_WEEK):
        day = first_day + offset
        when = week_start + timedelta(offset)
        for rule in rules:
            for meal, entries in rule.proposal(when, week_start, offset).items():
                there = cells.get((day, meal)) or held((day, meal))
                if not there:
                    cells[(day, meal)] = entries
                elif there != entries:
                    skipped.append(Skipped(day, meal, rule.name))
    return RuleFill(cells, tuple(skipped))


def fill_weeks(plan: Plan, weeks: Iterable[int]) -> tuple[Edit | None, RuleFill]:
    """The edit that lets the plan's enabled rules fill the empty meals of ``weeks``
    (None if they fill nothing), and what they filled and skipped."""
    rules = [rule for rule in plan_rules(plan) if rule.enabled]
    cells: dict[Cell, tuple[Entry, ...]] = {}
    skipped: list[Skipped] = []
    for week in sorted(set(weeks)):
        if not 0 <= week < plan.weeks:
            raise PlanError(_("Week {week} does not exist.").format(week=week + 1))
        first = week * DAYS_PER_WEEK
        found = propose_week(rules, plan.date_of(first), first, lambda cell: plan.cell(*cell))
        cells.update(found.cells)
        skipped.extend(found.skipped)
    fill = RuleFill(cells, tuple(skipped))
    return (SetCells(cells, label=_("Apply rules")) if cells else None), fill


# -- edits of the rules --------------------------------------------------------------------------
def _index(plan: Plan, rule_id: str) -> int:
    for index, rule in enumerate(plan.rules):
        if isinstance(rule, Rule) and rule.id == rule_id:
            return index
    raise PlanError(_("That rule is no longer in the plan."))


def _set_rules(plan: Plan, rules: tuple[object, ...]) -> None:
    plan._rules = rules
    # No day's foods changed; listeners learn that something else (the rules) did.
    plan._changed(Change(frozenset()))


@dataclass
class AddRule(Edit):
    """Put a rule into the plan at ``index`` (the end by default)."""

    rule: Rule
    index: int | None = None
    label: str = field(default_factory=lambda: _("Add rule"))

    def apply(self, plan: Plan) -> Edit:
        if not isinstance(self.rule, Rule):
            raise PlanError(_("Only a rule can be added to the rules."))
        if any(isinstance(r, Rule) and r.id == self.rule.id for r in plan.rules):
            raise PlanError(_("That rule is already in the plan."))
        if len(plan.rules) >= MAX_RULES:
            raise PlanError(_("A plan can have at most {count} rules.").format(count=MAX_RULES))
        rules = list(plan.rules)
        index = len(rules) if self.index is None else max(0, min(self.index, len(rules)))
        rules.insert(index, self.rule)
        _set_rules(plan, tuple(rules))
        return RemoveRule(self.rule.id, label=self.label)


@dataclass
class RemoveRule(Edit):
    rule_id: str
    label: str = field(default_factory=lambda: _("Remove rule"))

    def apply(self, plan: Plan) -> Edit:
        index = _index(plan, self.rule_id)
        rules = list(plan.rules)
        rule = rules.pop(index)
        assert isinstance(rule, Rule)
        _set_rules(plan, tuple(rules))
        return AddRule(rule, index, label=self.label)


@dataclass
class ReplaceRule(Edit):
    """Put ``rule`` in the place of the rule with the same id (an edited rule)."""

    rule: Rule
    label: str = field(default_factory=lambda: _("Change rule"))

    def apply(self, plan: Plan) -> Edit:
        index = _index(plan, self.rule.id)
        rules = list(plan.rules)
        old = rules[index]
        assert isinstance(old, Rule)
        if old != self.rule:
            rules[index] = self.rule
            _set_rules(plan, tuple(rules))
        return ReplaceRule(old, label=self.label)


def set_rule_enabled(plan: Plan, rule_id: str, enabled: bool) -> Edit:
    """Turn a rule on or off: a rule that is off stays in the plan and fills nothing."""
    rule = plan.rules[_index(plan, rule_id)]
    assert isinstance(rule, Rule)
    label = _("Turn rule on") if enabled else _("Turn rule off")
    return ReplaceRule(replace(rule, enabled=bool(enabled)), label=label)
