"""The week as a mixed-integer program: its rows and columns (the settings in settings.py).

A binary x[c, p, d, m] puts portion p of candidate c in meal m of day d. Each candidate
is at most once a day, so a day's score sums are linear in x and exact (the per-food
minimum portions and caps are applied per portion beforehand, planner.autoplan.candidates).
The score's saturating parts are concave: each is a variable r bounded by its ramp and
by 1, which the maximisation pushes to the ramp's value. The plants of a day are
continuous w[s, d] <= the binaries of the species' portions of at least 5 g, and <= 1.

What the linear model approximates, against the real Evaluator:
- the limit part, points x positive x (1 - load), is linearised at full positive parts
  (1.25 x positive - 20 x load);
- completeness is a penalty per kcal short of the full day (energy.full_at_kcal);
- the prebiotic ramp (zero up to 2 g) is continued below its zero as a line, so a day
  under 2 g counts a little below 0 there;
- two foods of one species each under 5 g do not make a plant together.
The plan is scored with the real Evaluator after solving, and those are the scores shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from planner.autoplan.candidates import Candidate
from planner.autoplan.relax import PENALTY
from planner.autoplan.settings import Settings, settings_from_dict, settings_to_dict
from planner.core.plan import MEALS
from planner.scoring.evaluator import Evaluator, S
from planner.scoring.model import SKIN_NUTRIENTS

# The settings moved to planner.autoplan.settings; importers of this module keep them.
__all__ = [
    "CENTRE",
    "DRINKS",
    "LIKED_BONUS",
    "SIDES",
    "DayBase",
    "Program",
    "Settings",
    "build_program",
    "settings_from_dict",
    "settings_to_dict",
]

# Roles that can be the centre of a meal: a lunch or dinner needs one, a breakfast one of
# its own kind; snacks need none.
CENTRE: dict[str, frozenset[str]] = {
    "breakfast": frozenset(
        {"breakfast", "cereal", "pancake", "bread", "dairy_ferment", "egg", "recipe"}
    ),
    "lunch": frozenset({"main", "legume", "dish", "soup", "egg", "veg", "recipe"}),
    "dinner": frozenset({"main", "legume", "dish", "soup", "recipe"}),
}


# Drinks are one kind: one drink a meal.
DRINKS = {k: "drink" for k in ("hot_drink", "tea_powder", "water", "juice", "milk", "soda",
                               "alcohol")}  # fmt: skip
# Liked foods and recipes: a tie-breaker worth a few noise draws, so that a liked dish
# comes more often but never against the score.
LIKED_BONUS = 1.0
SIDES = frozenset({"veg", "raw_veg", "veg_raw_side", "fruit", "seasoning"})


@dataclass
class DayBase:
    """What a day already holds in its locked meals."""

    sums: np.ndarray
    skin: np.ndarray
    species_g: dict[int, float]
    food_ids: frozenset[str]
    open_meals: tuple[str, ...]


@dataclass
class Program:
    """The program's arrays and what each column means."""

    costs: list[float] = field(default_factory=list)
    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    integer: list[int] = field(default_factory=list)
    row_lower: list[float] = field(default_factory=list)
    row_upper: list[float] = field(default_factory=list)
    starts: list[int] = field(default_factory=lambda: [0])
    index: list[int] = field(default_factory=list)
    value: list[float] = field(default_factory=list)
    choices: list[tuple[int, int, int, str]] = field(default_factory=list)  # x columns
    slacks: dict[str, list[tuple[int, object]]] = field(default_factory=dict)
    score_cols: dict[int, list[tuple[int, float]]] = field(default_factory=dict)

    def col(self, cost: float, low: float, high: float, integer: bool = False) -> int:
        self.costs.append(cost)
        self.lower.append(low)
        self.upper.append(high)
        column = len(self.costs) - 1
        if integer:
            self.integer.append(column)
        return column

    def row(self, terms: Sequence[tuple[int, float]], low: float, high: float) -> None:
        merged: dict[int, float] = {}
        for column, coef in terms:
            if coef:
                merged[column] = merged.get(column, 0.0) + coef
        self.index.extend(merged)
        self.value.extend(merged.values())
        self.starts.append(len(self.index))
        self.row_lower.append(low)
        self.row_upper.append(high)

    def slack(self, key: str, tag: object, high: float = np.inf) -> int:
        column = self.col(-PENALTY[key], 0.0, high)
        self.slacks.setdefault(key, []).append((column, tag))
        return column


INF = np.inf


def build_program(
    evaluator: Evaluator,
    candidates: Sequence[Candidate],
    days: Sequence[int],
    bases: dict[int, DayBase],
    settings: Settings,
    *,
    week_used: dict[str, int],
    week_species: frozenset[int],
    week_live_days: int,
    recent: frozenset[str],
    noise: np.ndarray,
    plants_asked: int,
    live_asked: int,
    live_cap: int | None = None,
) -> Program:
    """The program for the open meals of ``days``: maximise the days' linearised scores
    and the tie-breakers, under the settings' constraints (relaxable ones elastic)."""
    cfg = evaluator.config
    parts = cfg.parts
    anti = parts["anti_inflammatory"]
    pro, pre = parts["probiotic"], parts["prebiotic"]
    min_g = parts["plants"]["min_g"]
    prog = Program()
    # (sum column, zero, span, points, ala) for the saturating ramps, as the evaluator.
    ramps = [
        (S["live"], 0.0, pro["target_g"], cfg.points["probiotic"]),
        (S["prebiotic"], pre["zero_at_g"], pre["target_g"] - pre["zero_at_g"],
         cfg.points["prebiotic"]),
        (S["fiber"], evaluator.fiber_zero, evaluator.fiber_target - evaluator.fiber_zero,
         cfg.points["fiber"]),
        (S["epa_dha"], 0.0, anti["epa_dha_target_g"], anti["epa_dha_points"]),
        (S["polyphenol"], 0.0, anti["polyphenol_target_g"], anti["polyphenol_points"]),
        (S["tea"], 0.0, anti["tea_target_cups"], anti["tea_points"]),
        (S["spice"], 0.0, anti["spice_target_g"], anti["spice_points"]),
    ]  # fmt: skip
    lim = parts["limit"]
    load_coef = {
        S["alcohol_g"]: lim["load_per_drink"] / lim["drink_g"],
        S["processed_meat_g"]: 1 / lim["processed_meat_g_per_load"],
        S["deep_fried_g"]: 1 / lim["deep_fried_g_per_load"],
        S["ultra_processed_kcal"]: 1 / lim["ultra_processed_kcal_per_load"],
        S["sweetener_g"]: 1 / lim["sweetener_g_per_load"],
    }
    if evaluator.prefs.acne_prone:
        load_coef[S["milk_g"]] = 1 / lim["acne_milk_g_per_load"]
        load_coef[S["high_gl_kcal"]] = 1 / lim["acne_high_gl_kcal_per_load"]
    scale = 1.0 + cfg.points["limit"] / cfg.positive_max  # 1.25: the limit part at load 0
    plants_span = parts["plants"]["target_species"]
    dvs = np.array([cfg.daily_values[k] for k in SKIN_NUTRIENTS])

    # The choices, per day.
    per_day: dict[int, list[int]] = {d: [] for d in days}
    by_cand: dict[int, list[int]] = {}
    noise_at = 0
    for ci, cand in enumerate(candidates):
        bonus = 0.0
        if cand.id in settings.liked or cand.food_ids & settings.liked:
            bonus += LIKED_BONUS
        if cand.food_ids & settings.pantry:
            bonus += 2.0  # pantry items first
        if cand.id in recent or cand.main_ids & recent:
            bonus -= 1.0  # variety against the recent weeks
        if cand.origin != "sr28":
            bonus += 0.5  # the app's own foods and the person's read familiar
        once_ids = cand.main_ids | {cand.id}
        for d in days:
            base = bases[d]
            if once_ids & base.food_ids:
                continue  # once a day, locked meals included
            for m in base.open_meals:
                if m not in cand.meals:
                    continue
                jitter = float(noise[(ci * 31 + d * 7 + MEALS.index(m)) % len(noise)])
                noise_at += 1
                for p in range(len(cand.portions)):
                    column = prog.col(bonus + jitter, 0.0, 1.0, integer=True)
                    prog.choices.append((ci, p, d, m))
                    per_day[d].append(column)
                    by_cand.setdefault(ci, []).append(column)
    choice_cols = {key: i for i, key in enumerate(prog.choices)}  # columns 0..n-1 are x

    species_all = sorted({code for c in candidates for held in c.species for code, _g in held})
    week_w: dict[int, list[int]] = {}
    live_flags: list[int] = []
    for d in days:
        base = bases[d]
        cols = per_day[d]
        keys = [prog.choices[c] for c in cols]

        def total(column: int, cols=cols, keys=keys) -> list[tuple[int, float]]:
            return [
                (c, float(candidates[k[0]].sums[k[1], column]))
                for c, k in zip(cols, keys, strict=True)
                if candidates[k[0]].sums[k[1], column]
            ]

        day_score: list[tuple[int, float]] = []
        for col, zero, span, points in ramps:
            ala: list[tuple[int, float]] = []
            if col == S["epa_dha"]:
                ala = [(c, v * anti["ala_conversion"]) for c, v in total(S["ala"])]
                fixed = base.sums[col] + anti["ala_conversion"] * base.sums[S["ala"]]
            else:
                fixed = base.sums[col]
            low = -zero / span if zero else 0.0
            r = prog.col(0.0, low, 1.0)
            # span * r - sum <= fixed - zero
            prog.row([(r, span)] + [(c, -v) for c, v in total(col) + ala], -INF, fixed - zero)
            day_score.append((r, scale * points))
        # Plants: w[s] <= the day's portions of species s with at least min_g.
        holders: dict[int, list[int]] = {}
        for c, (ci, p, _d, _m) in zip(cols, keys, strict=True):
            for code, grams in candidates[ci].species[p]:
                if grams >= min_g:
                    holders.setdefault(code, []).append(c)
        base_plants = {code for code, g in base.species_g.items() if g >= min_g}
        plant_terms = []
        for code, holding in holders.items():
            if code in base_plants:
                continue
            w = prog.col(0.0, 0.0, 1.0)
            prog.row([(w, 1.0)] + [(c, -1.0) for c in holding], -INF, 0.0)
            plant_terms.append((w, 1.0))
            week_w.setdefault(code, []).append(w)
        rp = prog.col(0.0, 0.0, 1.0)
        prog.row([(rp, plants_span)] + [(w, -1.0) for w, _ in plant_terms], -INF,
                 float(len(base_plants)))  # fmt: skip
        day_score.append((rp, scale * cfg.points["plants"]))
        # The limit load, linearised: 20 points per load (sugar past its allowance).
        sugar = prog.col(0.0, 0.0, INF)
        prog.row([(sugar, 1.0)] + [(c, -v) for c, v in total(S["added_sugars_g"])],
                 base.sums[S["added_sugars_g"]] - lim["sugar_free_g"], INF)  # fmt: skip
        day_score.append((sugar, -cfg.points["limit"] / lim["sugar_g_per_load"]))
        for col, coef in load_coef.items():
            for c, v in total(col):
                prog.costs[c] -= cfg.points["limit"] * coef * v
        # Completeness: points lost per kcal short of a full day.
        short = prog.col(0.0, 0.0, INF)
        prog.row([(short, 1.0), *total(S["complete_kcal"])],
                 cfg.energy_full_kcal - base.sums[S["complete_kcal"]], INF)  # fmt: skip
        day_score.append((short, -100.0 / cfg.energy_full_kcal))
        # Skin nutrients up to their daily values: a tie-breaker, 0.3 points each.
        for n, dv in enumerate(dvs):
            q = prog.col(0.3, 0.0, 1.0)
            terms = [
                (c, -float(candidates[k[0]].skin[k[1], n]) / dv)
                for c, k in zip(cols, keys, strict=True)
                if candidates[k[0]].skin[k[1], n]
            ]
            prog.row([(q, 1.0), *terms], -INF, float(base.skin[n]) / dv)
        for column, coef in day_score:
            prog.costs[column] += coef
        prog.score_cols[d] = day_score
        # Energy in range (elastic, last to give way).
        under = prog.slack("energy", (d, "under"))
        over = prog.slack("energy", (d, "over"))
        energy = total(S["energy_kcal"])
        fixed = base.sums[S["energy_kcal"]]
        prog.row([*energy, (under, 1.0)], settings.energy_min - fixed, INF)
        prog.row([*energy, (over, -1.0)], -INF, settings.energy_max - fixed)
        # Once a day per candidate, and per food that makes a real part of a dish (no
        # salmon beside the salmon dish).
        once: dict[int, list[int]] = {}
        by_food: dict[str, dict[int, list[int]]] = {}
        for c, k in zip(cols, keys, strict=True):
            once.setdefault(k[0], []).append(c)
            for food_id in candidates[k[0]].main_ids:
                by_food.setdefault(food_id, {}).setdefault(k[0], []).append(c)
        groups = list(once.values())
        groups += [
            [c for held in per_cand.values() for c in held]
            for per_cand in by_food.values()
            if len(per_cand) > 1
        ]
        for group in groups:
            if len(group) > 1:
                prog.row([(c, 1.0) for c in group], -INF, 1.0)
        # Dishes per meal, extras per meal, a centre dish at main meals.
        for m in base.open_meals:
            low, high = settings.dishes.get(m, (0, 4))
            dish: list[tuple[int, float]] = []
            extra: list[tuple[int, float]] = []
            centre: list[tuple[int, float]] = []
            for c, (ci, _p, _d, mm) in zip(cols, keys, strict=True):
                if mm != m:
                    continue
                cand = candidates[ci]
                (dish if cand.dish else extra).append((c, 1.0))
                if cand.role in CENTRE.get(m, ()):
                    centre.append((c, 1.0))
            short_dish = prog.slack("dishes", (d, m))
            prog.row([*dish, (short_dish, 1.0)], float(low), INF)
            prog.row(dish, -INF, float(high))
            prog.row(extra, -INF, float(settings.extras_per_meal))
            # One of a kind per meal (one main, one drink...), two of the sides.
            kinds: dict[str, list[tuple[int, float]]] = {}
            for c, (ci, _p, _d, mm) in zip(cols, keys, strict=True):
                if mm == m:
                    kind = candidates[ci].role
                    kinds.setdefault(DRINKS.get(kind, kind), []).append((c, 1.0))
            for kind, terms in kinds.items():
                if len(terms) > 1:
                    prog.row(terms, -INF, 2.0 if kind in SIDES else 1.0)
            # Not walnuts beside the pear-with-walnuts recipe, nor oats beside overnight
            # oats: a food and a dish holding it (or its plant) are not in one meal. A meal
            # has one recipe at most, so one row a food or plant is exact.
            in_dishes: dict[object, list[tuple[int, float]]] = {}
            alone: dict[object, list[tuple[int, float]]] = {}
            for c, (ci, p, _d, mm) in zip(cols, keys, strict=True):
                if mm != m:
                    continue
                cand = candidates[ci]
                held = {*cand.food_ids, *(code for code, _g in cand.species[p])}
                side = in_dishes if cand.recipe_id is not None else alone
                for key in held:
                    side.setdefault(key, []).append((c, 1.0))
            for key, terms in alone.items():
                if key in in_dishes:
                    prog.row(terms + in_dishes[key], -INF, 1.0)
            if m in CENTRE and low > 0:
                no_centre = prog.slack("dishes", (d, m))
                prog.row([*centre, (no_centre, 1.0)], 1.0, INF)
        # A live-culture food that day.
        if settings.live_culture_days:
            if base.sums[S["live"]] > 0:
                continue
            live = [(c, 1.0) for c, k in zip(cols, keys, strict=True)
                    if candidates[k[0]].live(k[1])]  # fmt: skip
            f = prog.col(0.0, 0.0, 1.0)
            prog.row([(f, 1.0)] + [(c, -v) for c, v in live], -INF, 0.0)
            live_flags.append(f)
            if live_cap is not None and len(live) > live_cap:
                prog.row(live, -INF, float(live_cap))
    # The week: at most N of the same food, the limit-food allowance, plants, live days.
    for ci, cols in by_cand.items():
        cand = candidates[ci]
        used = week_used.get(cand.id, 0)  # a recipe counts as one dish, not its foods
        room = max(settings.max_same_per_week - used, 0)
        if len(cols) > room:
            prog.row([(c, 1.0) for c in cols], -INF, float(room))
    limit_cols = [c for ci, cols in by_cand.items() if candidates[ci].limit for c in cols]
    if limit_cols:
        prog.row([(c, 1.0) for c in limit_cols], -INF, float(settings.limit_allowance))
    if plants_asked > len(week_species):
        terms = []
        for code, ws in week_w.items():
            if code in week_species:
                continue
            big_w = prog.col(0.0, 0.0, 1.0)
            prog.row([(big_w, 1.0)] + [(w, -1.0) for w in ws], -INF, 0.0)
            terms.append((big_w, 1.0))
        slack = prog.slack("plants", "week")
        prog.row([*terms, (slack, 1.0)], float(plants_asked - len(week_species)), INF)
    if live_asked > week_live_days:
        slack = prog.slack("live_days", "week")
        prog.row([(f, 1.0) for f in live_flags] + [(slack, 1.0)],
                 float(live_asked - week_live_days), INF)  # fmt: skip
    del species_all, choice_cols, noise_at
    return prog
