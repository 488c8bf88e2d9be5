"""The day score written a second time, the plain way: one food at a time, in Python
floats, straight from docs/scoring.md and resources/scoring.toml. The tests check
planner.scoring.evaluator (array arithmetic, two group-by paths) against it.

It reads each food's per-serving amounts from the catalog DataFrame (the data layer), and
nothing else of the evaluator."""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.foods import Catalog
from planner.core.plan import Plan
from planner.scoring.frames import catalog_frame
from planner.scoring.model import PART_KEYS, Preferences, ScoringConfig

_ROWS: dict[int, dict] = {}


@dataclass(frozen=True)
class ReferenceDay:
    score: float
    parts: dict[str, float]
    completeness: float
    plants: int
    load: float


class ReferenceEvaluator:
    def __init__(
        self,
        catalog: Catalog,
        config: ScoringConfig | None = None,
        prefs: Preferences | None = None,
    ) -> None:
        self.frame = catalog_frame(catalog)
        self.config = config or ScoringConfig.load()
        self.prefs = prefs or Preferences()
        # food id -> its columns, made once per frame (a dict of 8,859 rows takes a while)
        key = id(self.frame)
        if key not in _ROWS:
            _ROWS.clear()
            _ROWS[key] = self.frame.to_dict("index")
        self.rows = _ROWS[key]

    def day(self, plan: Plan, day: int) -> ReferenceDay | None:
        servings: dict[str, float] = {}
        for _meal, _index, entry in plan.day_entries(day):
            assert entry.unit == "serving", "the reference reads amounts in servings only"
            if entry.food_id in self.rows:
                servings[entry.food_id] = servings.get(entry.food_id, 0.0) + entry.amount
        if not servings:
            return None
        c, p = self.config, self.config.parts
        pro, pre, fib = p["probiotic"], p["prebiotic"], p["fiber"]
        anti, lim = p["anti_inflammatory"], p["limit"]
        fiber_target = self.prefs.fiber_target_g or c.fiber_target_g
        fiber_zero = fib["zero_at_g"] / c.fiber_target_g * fiber_target  # moves with the target
        live = prebiotic = fiber = polyphenol = tea = spice = epa_dha = 0.0
        complete = fat = sugar = alcohol = meat = fried = upf = sweetener = milk = high_gl = 0.0
        species: dict[str, float] = {}
        for food_id, amount in servings.items():
            f = self.rows[food_id]
            grams = f["grams"] * amount

            def portion(
                value: float, minimum: float, cap: float, by: float = grams, amount: float = amount
            ) -> float:
                return min(value * amount, cap) if by >= minimum else 0.0

            live += portion(
                f["live_g"], pro["min_portion_g"], pro["per_food_share"] * pro["target_g"]
            )
            prebiotic += portion(
                f["prebiotic_scored_g"],
                pre["min_portion_g"],
                pre["per_food_share"] * pre["target_g"],
            )
            fiber += portion(
                f["fiber_scored_g"], fib["min_portion_g"], fib["per_food_share"] * fiber_target
            )
            polyphenol += portion(
                f["polyphenol_g"],
                anti["polyphenol_min_portion_g"],
                anti["polyphenol_per_food_share"] * anti["polyphenol_target_g"],
            )
            cups = f["tea_cups"] * amount
            tea += cups if cups >= anti["tea_min_cups"] else 0.0
            spice += portion(
                f["spice_g"],
                anti["spice_min_portion_g"],
                anti["spice_per_food_share"] * anti["spice_target_g"],
                by=f["spice_g"] * amount,
            )
            epa_dha += (f["epa_dha_scored_g"] + anti["ala_conversion"] * f["ala_scored_g"]) * amount
            complete += f["complete_kcal"] * amount
            fat += f["fat_kcal"] * amount
            sugar += f["added_sugars_scored_g"] * amount
            alcohol += (0.0 if f["alcohol_g"] != f["alcohol_g"] else f["alcohol_g"]) * amount
            meat += f["processed_meat_g"] * amount
            fried += f["deep_fried_g"] * amount
            upf += f["ultra_processed_kcal"] * amount
            sweetener += f["sweetener_g"] * amount
            milk += f["milk_g"] * amount
            high_gl += f["high_gl_kcal"] * amount
            if isinstance(f["species"], str) and f["plant_g"] > 0:
                species[f["species"]] = species.get(f["species"], 0.0) + f["plant_g"] * amount
        plants = sum(1 for grams in species.values() if grams >= p["plants"]["min_g"])

        def ramp(x: float, zero: float, full: float) -> float:
            return max(0.0, min(1.0, (x - zero) / (full - zero)))

        parts = {
            "probiotic": c.points["probiotic"] * ramp(live, 0, pro["target_g"]),
            "prebiotic": c.points["prebiotic"] * ramp(prebiotic, pre["zero_at_g"], pre["target_g"]),
            "fiber": c.points["fiber"] * ramp(fiber, fiber_zero, fiber_target),
            "plants": c.points["plants"] * ramp(plants, 0, p["plants"]["target_species"]),
            "anti_inflammatory": anti["epa_dha_points"] * ramp(epa_dha, 0, anti["epa_dha_target_g"])
            + anti["polyphenol_points"] * ramp(polyphenol, 0, anti["polyphenol_target_g"])
            + anti["tea_points"] * ramp(tea, 0, anti["tea_target_cups"])
            + anti["spice_points"] * ramp(spice, 0, anti["spice_target_g"]),
        }
        load = (
            max(sugar - lim["sugar_free_g"], 0.0) / lim["sugar_g_per_load"]
            + alcohol / lim["drink_g"] * lim["load_per_drink"]
            + meat / lim["processed_meat_g_per_load"]
            + fried / lim["deep_fried_g_per_load"]
            + upf / lim["ultra_processed_kcal_per_load"]
            + sweetener / lim["sweetener_g_per_load"]
        )
        if self.prefs.acne_prone:
            load += milk / lim["acne_milk_g_per_load"] + high_gl / lim["acne_high_gl_kcal_per_load"]
        positive = sum(parts.values())
        parts["limit"] = max(c.points["limit"] * positive / c.positive_max * (1 - load), -positive)
        completeness = min((complete + min(fat, c.added_fat_kcal)) / c.energy_full_kcal, 1.0)
        score = max(0.0, min(100.0, completeness * (positive + parts["limit"])))
        assert list(parts) == list(PART_KEYS)
        return ReferenceDay(score, parts, completeness, plants, load)
