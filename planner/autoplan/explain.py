"""What a fill says about itself: what each chosen portion adds, in the score's words;
each day's dishes and why; and what gave way, measured on the real plan."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from planner.autoplan.candidates import Candidate
from planner.autoplan.relax import Relaxed, avoid_context, describe
from planner.core.plan import MEAL_LABELS, MEALS, Cell, Plan
from planner.scoring.evaluator import Evaluator, S
from planner.scoring.model import DayScore

if TYPE_CHECKING:
    from planner.autoplan.solve import Chosen


def cell_order(cell: Cell) -> tuple[int, int]:
    return cell[0], MEALS.index(cell[1])


def portion_adds(evaluator: Evaluator, cand: Candidate, p: int) -> str:
    """What a portion adds, in the score's words: "7 g fiber, live cultures, a plant"."""
    v = cand.sums[p]
    bits = []
    if v[S["live"]] > 0:
        bits.append("live cultures")
    if v[S["prebiotic"]] >= 0.5:
        bits.append(f"{v[S['prebiotic']]:.1f} g prebiotic")
    if v[S["fiber"]] >= 1:
        bits.append(f"{v[S['fiber']]:.0f} g fiber")
    if v[S["epa_dha"]] + 0.1 * v[S["ala"]] >= 0.05:
        bits.append("omega-3")
    if v[S["polyphenol"]] > 0:
        bits.append("polyphenols")
    if v[S["tea"]] > 0:
        bits.append("tea")
    if v[S["spice"]] > 0:
        bits.append("spice")
    plants = sum(1 for _c, g in cand.species[p] if g >= evaluator.config.parts["plants"]["min_g"])
    if plants:
        bits.append("a plant" if plants == 1 else f"{plants} plants")
    if not bits:
        bits.append(f"{cand.portions[p].kcal:.0f} kcal")
    return ", ".join(bits)


def explain_days(plan: Plan, days: Sequence[DayScore], chosen: Sequence[Chosen]) -> dict[int, str]:
    text: dict[int, str] = {}
    for score in days:
        lines = [f"{score.date:%a %d %b}: {score.why}"]
        for meal in MEALS:
            mine = [c for c in chosen if c.day == score.day and c.meal == meal]
            if mine:
                dishes = "; ".join(f"{c.name} ({c.grams:.0f} g): {c.adds}" for c in mine)
                lines.append(f"  {MEAL_LABELS[meal]}: {dishes}")
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
        where = ", ".join(f"{MEAL_LABELS[m].lower()} on day {d + 1}" for d, m in short_meals[:4])
        found.append(describe("dishes", 0, 0, context, where))
    off = [d for d in scored.days if d.day in days and not
           settings.energy_min - 1 <= d.energy_kcal <= settings.energy_max + 1]  # fmt: skip
    if off:
        where = ", ".join(f"day {d.day + 1} ({d.energy_kcal:.0f} kcal)" for d in off[:4])
        found.append(describe("energy", 0, 0, context, where))
    return found
