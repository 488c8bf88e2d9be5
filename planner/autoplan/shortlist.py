"""The shortlist a day's program sees: the best candidates of each role by what they add
to the score, with seeded noise so a re-roll differs, and the curated, own, pantry and
liked foods always. A program over every candidate takes minutes; ~170 solve in tenths
of a second."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from planner.autoplan.candidates import Candidate
from planner.autoplan.model import Settings
from planner.scoring.evaluator import SUM_KEYS, Evaluator, S
from planner.scoring.model import SKIN_NUTRIENTS

# How many candidates of each role the program sees (the best by value, with seeded
# noise); curated foods, own foods, pantry and liked foods always. A program over every
# candidate takes minutes (issue #15's prototype); a shortlist of ~170 solves a day in
# a few tenths of a second.
QUOTA: dict[str, int] = {
    "main": 13, "veg": 17, "fruit": 11, "legume": 7, "grain": 6, "soup": 4, "dish": 4,
    "nuts": 6, "topping": 4, "breakfast": 6, "pancake": 2, "cereal": 3, "bread": 4,
    "dairy_ferment": 6,
    "egg": 2, "cheese": 2, "juice": 2, "milk": 2, "hot_drink": 4, "water": 1, "snack": 4,
    "raw_veg": 7, "veg_raw_side": 4, "dried_fruit": 3, "ferment_side": 3, "miso": 2,
    "seasoning": 4, "oil": 1, "tea_powder": 1, "treat": 3, "soda": 2, "alcohol": 2,
    "fast_food": 3,
}  # fmt: skip


# Recipes of each meal type a program sees (the best by value, with the seeded noise);
# liked ones and those using pantry foods always.
RECIPE_QUOTA = 6


def candidate_values(evaluator: Evaluator, candidates: Sequence[Candidate]) -> np.ndarray:
    """A candidate's worth on its own: its best portion's share of each part's target,
    in points, per 500 kcal-ish of room it takes."""
    cfg = evaluator.config
    parts = cfg.parts
    anti = parts["anti_inflammatory"]
    weights = np.zeros(len(SUM_KEYS))
    weights[S["live"]] = cfg.points["probiotic"] / parts["probiotic"]["target_g"]
    weights[S["prebiotic"]] = cfg.points["prebiotic"] / parts["prebiotic"]["target_g"]
    weights[S["fiber"]] = cfg.points["fiber"] / evaluator.fiber_target
    weights[S["polyphenol"]] = anti["polyphenol_points"] / anti["polyphenol_target_g"]
    weights[S["tea"]] = anti["tea_points"] / anti["tea_target_cups"]
    weights[S["spice"]] = anti["spice_points"] / anti["spice_target_g"]
    weights[S["epa_dha"]] = anti["epa_dha_points"] / anti["epa_dha_target_g"]
    weights[S["ala"]] = weights[S["epa_dha"]] * anti["ala_conversion"]
    dvs = np.array([cfg.daily_values[k] for k in SKIN_NUTRIENTS])
    values = np.zeros(len(candidates))
    for i, cand in enumerate(candidates):
        best = -np.inf
        for p, portion in enumerate(cand.portions):
            v = float(np.minimum(cand.sums[p] * weights, 6.0).sum())
            v += 2.0 * sum(1 for _code, g in cand.species[p] if g >= parts["plants"]["min_g"])
            v += 0.5 * float(np.minimum(cand.skin[p] / dvs, 1.0).sum())
            v -= 0.05 * float(cand.sums[p, S["added_sugars_g"]])
            best = max(best, v / (0.5 + max(portion.kcal, 0.0) / 500.0))
        values[i] = best
    return values


def shortlist(
    evaluator: Evaluator,
    candidates: Sequence[Candidate],
    settings: Settings,
    rng: np.random.Generator,
    keep_ids: frozenset[str] = frozenset(),
) -> list[Candidate]:
    values = candidate_values(evaluator, candidates) * rng.uniform(0.75, 1.25, len(candidates))
    always = settings.pantry | settings.liked | keep_ids
    chosen: dict[int, None] = {}
    by_role: dict[str, list[int]] = {}
    for i, cand in enumerate(candidates):
        if cand.id in always or cand.food_ids & always:
            chosen[i] = None
        elif cand.recipe_id is not None:
            # Recipes by the meals they fit: a book of hundreds imported stays a few
            # dozen a program, and every meal type keeps some.
            by_role.setdefault(f"recipe {sorted(cand.meals)}", []).append(i)
        elif cand.origin != "sr28":
            chosen[i] = None
        else:
            by_role.setdefault(cand.role, []).append(i)
    seen_names: set[str] = set()
    for role, members in by_role.items():
        members.sort(key=lambda i: -values[i])
        taken = 0
        for i in members:
            if taken >= QUOTA.get(role, RECIPE_QUOTA if role.startswith("recipe") else 4):
                break
            # Near twins ("Beef, chuck, ... braised" and "... roasted") crowd out variety.
            stem = ",".join(candidates[i].name.casefold().split(",")[:2])
            if stem in seen_names:
                continue
            seen_names.add(stem)
            chosen[i] = None
            taken += 1
    # Enough different species for the week's plants, with room to choose.
    species = {code for i in chosen for held in candidates[i].species for code, _g in held}
    want = max(2 * settings.plants_per_week, 40)
    if len(species) < want:
        for i in np.argsort(-values).tolist():
            new = {code for held in candidates[i].species for code, _g in held} - species
            if new and i not in chosen:
                chosen[i] = None
                species |= new
                if len(species) >= want:
                    break
    return [candidates[i] for i in sorted(chosen)]
