"""What a fill says about itself: what each chosen portion adds, in the score's words;
each day's dishes and why; and what gave way, measured on the real plan."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from planner.autoplan.candidates import Candidate
from planner.autoplan.relax import Relaxed, avoid_context, describe
from planner.core.plan import MEAL_LABELS, MEALS, Cell, Plan
from planner.i18n import N_, _, format_number, locale_id, ngettext
from planner.scoring.evaluator import Evaluator, S
from planner.scoring.results import DayScore

if TYPE_CHECKING:
    from planner.autoplan.solve import Chosen


def cell_order(cell: Cell) -> tuple[int, int]:
    return cell[0], MEALS.index(cell[1])


def portion_adds(evaluator: Evaluator, cand: Candidate, p: int) -> str:
    """What a portion adds, in the score's words: "7 g fiber, live cultures, a plant"."""
    # Translators: the items of a list of what a portion adds ("7 g fiber, live cultures,
    # a plant"), each said alone.
    v = cand.sums[p]
    bits = []
    if v[S["live"]] > 0:
        bits.append(_("live cultures"))
    if v[S["prebiotic"]] >= 0.5:
        bits.append(_("{grams} g prebiotic").format(grams=format_number(v[S["prebiotic"]], 1)))
    if v[S["fiber"]] >= 1:
        bits.append(_("{grams} g fiber").format(grams=format_number(v[S["fiber"]], 0)))
    if v[S["epa_dha"]] + 0.1 * v[S["ala"]] >= 0.05:
        bits.append(_("omega-3"))
    if v[S["polyphenol"]] > 0:
        bits.append(_("polyphenols"))
    if v[S["tea"]] > 0:
        bits.append(_("tea"))
    if v[S["spice"]] > 0:
        bits.append(_("spice"))
    plants = sum(1 for _c, g in cand.species[p] if g >= evaluator.config.parts["plants"]["min_g"])
    if plants:
        bits.append(ngettext("a plant", "{count} plants", plants).format(count=plants))
    if not bits:
        bits.append(_("{kcal} kcal").format(kcal=format_number(cand.portions[p].kcal, 0)))
    return ", ".join(bits)  # a comma joins a list in every language the app speaks


def explain_days(plan: Plan, days: Sequence[DayScore], chosen: Sequence[Chosen]) -> dict[int, str]:
    text: dict[int, str] = {}
    for score in days:
        # Translators: a day of the filled week and why it scored as it did.
        lines = [_("{day}: {why}").format(day=_short_day(score.date), why=score.why)]
        for meal in MEALS:
            mine = [c for c in chosen if c.day == score.day and c.meal == meal]
            if mine:
                # Translators: a dish, its weight and what it adds: "Oats (60 g): 6 g fiber".
                dish = _("{name} ({grams} g): {adds}")
                dishes = "; ".join(
                    dish.format(name=c.name, grams=format_number(c.grams, 0), adds=c.adds)
                    for c in mine
                )
                # Translators: a meal and its dishes: "Breakfast: Oats (60 g): ...".
                meal_line = _("{meal}: {dishes}").format(meal=_(MEAL_LABELS[meal]), dishes=dishes)
                lines.append("  " + meal_line)
        text[score.day] = "\n".join(lines)
    return text


def what_gave_way(programs, solutions, settings, avoid, scored, week, days) -> list[Relaxed]:
    """What gave way, measured on the real plan, not on the program's slacks alone."""
    slacks = {
        key: [(values[c], tag) for c, tag in prog.slacks.get(key, [])]
        for key in ("plants", "live_days", "dishes", "energy")
        for prog, values in zip(programs, solutions, strict=True)
    }
    context = avoid_context(avoid, len(settings.disliked))
    found: list[Relaxed] = []
    week_score = scored.weeks[week]
    if len(week_score.plants) < settings.plants_per_week:
        found.append(describe("plants", settings.plants_per_week, len(week_score.plants),
                              context))  # fmt: skip
    live = sum(1 for d in week_score.days if d.planned and d.servings.get("probiotic", 0) > 0)
    if live < settings.live_culture_days:
        found.append(describe("live_days", settings.live_culture_days, live, context))
    short_meals = sorted(
        {tag for value, tag in slacks.get("dishes", []) if value > 0.5}, key=cell_order
    )
    if short_meals:
        where = ", ".join(_meal_on_day(m, d + 1) for d, m in short_meals[:4])
        found.append(describe("dishes", 0, 0, context, where))
    off = [d for d in scored.days if d.day in days and not
           settings.energy_min - 1 <= d.energy_kcal <= settings.energy_max + 1]  # fmt: skip
    if off:
        # Translators: a day of the week and its energy: "day 2 (1650 kcal)".
        day_energy = _("day {day} ({kcal} kcal)")
        where = ", ".join(
            day_energy.format(day=d.day + 1, kcal=f"{d.energy_kcal:.0f}") for d in off[:4]
        )
        found.append(describe("energy", 0, 0, context, where))
    return found


# Translators: a meal of a day, inside a sentence ("lunch on day 2 got fewer dishes").
_MEAL_ON_DAY = {
    "breakfast": N_("breakfast on day {day}"),
    "lunch": N_("lunch on day {day}"),
    "dinner": N_("dinner on day {day}"),
    "snacks": N_("snacks on day {day}"),
}


def _meal_on_day(meal: str, day: int) -> str:
    return _(_MEAL_ON_DAY.get(meal, N_("day {day}"))).format(day=day)


def _short_day(day: date) -> str:
    """A date with its weekday, short and without the year ("Tue, Dec 1")."""
    from babel.dates import format_skeleton

    return format_skeleton("MMMEd", day, locale=locale_id())
