"""The score's formula on arrays, so that days and candidate foods share it.

``Formula`` turns resources/scoring.toml (and the user's preferences) into vectors once:
per sum column, the amount it reads, its minimum effective portion and per-food cap; the
saturating ramps that make the parts; the limit load. Then a day's sums, its parts,
completeness and score are each a few array operations over rows of days (or of candidate
foods, for suggestions). The formula, its numbers and their sources: resources/scoring.toml
and docs/scoring.md.
"""

from __future__ import annotations

import numpy as np

from planner.core.amounts import FoodResolver, Resolver
from planner.core.foods import Catalog
from planner.scoring.frames import COLUMN, PLAIN_SUMS, CatalogFrame, catalog_frame_of
from planner.scoring.grouping import Grouped, species_grams
from planner.scoring.model import PART_KEYS, Preferences, ScoringConfig


def weighted_sum(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """``values @ weights`` for rows of values, added term by term in column order.

    A row's result is then the same to the bit whether it is worked out alone (a day
    re-scored after an edit) or among others (the whole plan, for the week's average and
    the PDF). A BLAS product is not: its kernels add in an order that depends on the
    matrix's shape and on the processor, which moved scores by one unit in the last place.
    """
    if len(values) < _FEW_ROWS:
        # One C loop: accumulate adds the products left to right, as the loop below does
        # (the same bits), with one call instead of one per column (a day: 16 µs, not 89).
        products = values[:, :, None] * weights if weights.ndim > 1 else values * weights
        return np.add.accumulate(products, axis=1)[:, -1]
    total = np.zeros(values.shape[:1] + weights.shape[1:])
    for column, weight in zip(values.T, weights, strict=True):
        total += (column[:, None] if weights.ndim > 1 else column) * weight
    return total


_FEW_ROWS = 32  # below this, the products of all columns at once cost less than the loop


# Sums taken as they are, from the amount column of the same name.
_PASSTHROUGH: tuple[str, ...] = ("complete_kcal", "fat_kcal", "energy_kcal", *PLAIN_SUMS)
# The per-day sums the formula reads, each a column of ``_Sums.values``.
SUM_KEYS: tuple[str, ...] = (
    "live",
    "prebiotic",
    "fiber",
    "polyphenol",
    "tea",
    "spice",
    "epa_dha",
    "ala",
    *_PASSTHROUGH,
    "live_raw",
    "prebiotic_raw",
    "polyphenol_raw",
    "spice_raw",
    "plants",
)
S = {key: index for index, key in enumerate(SUM_KEYS)}
_LIVE_G = COLUMN["live_g"]  # the amount column of live cultures


class Formula:
    """The catalog, the scoring settings and the formula's vectors; the base of
    planner.scoring.evaluator.Evaluator."""

    def __init__(
        self,
        catalog: Catalog,
        config: ScoringConfig | None = None,
        prefs: Preferences | None = None,
        *,
        resolver: Resolver | None = None,
    ) -> None:
        self.catalog = catalog
        # What each plan entry is made of: foods only by default; the recipes layer passes
        # one that expands recipes (planner.recipes.resolve.PlanResolver).
        self.resolver: Resolver = resolver or FoodResolver(catalog)
        self.config = config or ScoringConfig.load()
        self.prefs = prefs or Preferences()
        self._rules()

    def _rules(self) -> None:
        """The formula's numbers as vectors, so that each step is one array operation."""
        p = self.config.parts
        pro, pre, fib = p["probiotic"], p["prebiotic"], p["fiber"]
        anti, lim = p["anti_inflammatory"], p["limit"]
        # Per SUM_KEYS column: the amount column it reads, the column its minimum portion
        # is judged on, that minimum, and the per-food cap (inf: none).
        rules: dict[str, tuple[str, str, float, float]] = {
            "live": (
                "live_g",
                "grams",
                pro["min_portion_g"],
                pro["per_food_share"] * pro["target_g"],
            ),
            "prebiotic": (
                "prebiotic_g",
                "grams",
                pre["min_portion_g"],
                pre["per_food_share"] * pre["target_g"],
            ),
            "fiber": (
                "fiber_g",
                "grams",
                fib["min_portion_g"],
                fib["per_food_share"] * self.fiber_target,
            ),
            "polyphenol": (
                "polyphenol_g",
                "grams",
                anti["polyphenol_min_portion_g"],
                anti["polyphenol_per_food_share"] * anti["polyphenol_target_g"],
            ),
            "tea": ("tea_cups", "tea_cups", anti["tea_min_cups"], np.inf),
            "spice": (
                "spice_g",
                "spice_g",
                anti["spice_min_portion_g"],
                anti["spice_per_food_share"] * anti["spice_target_g"],
            ),
            "epa_dha": ("epa_dha_g", "grams", 0.0, np.inf),
            "ala": ("ala_g", "grams", 0.0, np.inf),
            "live_raw": ("live_g", "grams", 0.0, np.inf),
            "prebiotic_raw": ("prebiotic_g", "grams", 0.0, np.inf),
            "polyphenol_raw": ("polyphenol_g", "grams", 0.0, np.inf),
            "spice_raw": ("spice_g", "grams", 0.0, np.inf),
            "plants": ("grams", "grams", np.inf, 0.0),  # counted apart, by species
        }
        for key in _PASSTHROUGH:
            rules[key] = (key, "grams", 0.0, np.inf)
        self._src = np.array([COLUMN[rules[k][0]] for k in SUM_KEYS])
        self._by = np.array([COLUMN[rules[k][1]] for k in SUM_KEYS])
        self._min = np.array([rules[k][2] for k in SUM_KEYS])
        self._cap = np.array([rules[k][3] for k in SUM_KEYS])
        # Saturating ramps: (sum column, zero, full, points), summed into the parts.
        ramps = [
            ("live", 0.0, pro["target_g"], "probiotic", self.config.points["probiotic"]),
            (
                "prebiotic",
                pre["zero_at_g"],
                pre["target_g"],
                "prebiotic",
                self.config.points["prebiotic"],
            ),
            ("fiber", self.fiber_zero, self.fiber_target, "fiber", self.config.points["fiber"]),
            ("plants", 0.0, p["plants"]["target_species"], "plants", self.config.points["plants"]),
            ("epa_dha", 0.0, anti["epa_dha_target_g"], "anti_inflammatory", anti["epa_dha_points"]),
            (
                "polyphenol",
                0.0,
                anti["polyphenol_target_g"],
                "anti_inflammatory",
                anti["polyphenol_points"],
            ),
            ("tea", 0.0, anti["tea_target_cups"], "anti_inflammatory", anti["tea_points"]),
            ("spice", 0.0, anti["spice_target_g"], "anti_inflammatory", anti["spice_points"]),
        ]
        self._ramp_cols = np.array([S[r[0]] for r in ramps])
        # ALA counts toward the omega-3 sub-part at its conversion to EPA+DHA.
        self._omega3_ramp = [r[0] for r in ramps].index("epa_dha")
        self._ala_factor = anti["ala_conversion"]
        self._ramp_zero = np.array([r[1] for r in ramps])
        self._ramp_span = np.array([r[2] - r[1] for r in ramps])
        self._ramp_weights = np.zeros((len(ramps), len(PART_KEYS) - 1))
        for i, r in enumerate(ramps):
            self._ramp_weights[i, PART_KEYS.index(r[3])] = r[4]
        # The limit load: linear in each dose past the sugar allowance.
        per_load = {
            "alcohol_g": lim["load_per_drink"] / lim["drink_g"],
            "processed_meat_g": 1 / lim["processed_meat_g_per_load"],
            "deep_fried_g": 1 / lim["deep_fried_g_per_load"],
            "ultra_processed_kcal": 1 / lim["ultra_processed_kcal_per_load"],
            "sweetener_g": 1 / lim["sweetener_g_per_load"],
        }
        if self.prefs.acne_prone:
            per_load["milk_g"] = 1 / lim["acne_milk_g_per_load"]
            per_load["high_gl_kcal"] = 1 / lim["acne_high_gl_kcal_per_load"]
        self._load_cols = np.array([S[k] for k in per_load])
        self._load_coef = np.array(list(per_load.values()))
        self._sugar_free = lim["sugar_free_g"]
        self._sugar_per_load = lim["sugar_g_per_load"]

    @property
    def fiber_target(self) -> float:
        return self.prefs.fiber_target_g or self.config.fiber_target_g

    @property
    def fiber_zero(self) -> float:
        """Where the fiber part starts: its floor, moved in proportion to the target."""
        fiber = self.config.parts["fiber"]
        return fiber["zero_at_g"] * self.fiber_target / self.config.fiber_target_g

    def table(self) -> CatalogFrame:
        """The catalog frame (built once per catalog revision)."""
        return catalog_frame_of(self.catalog)

    # -- per food: portions, caps ---------------------------------------------------------
    def _food_contributions(
        self,
        table: CatalogFrame,
        rows: np.ndarray,
        servings: np.ndarray,
        live: np.ndarray | None = None,
    ):
        """Each (food, servings) pair's contribution to the SUM_KEYS (plants apart), as a
        matrix with one row per pair: amounts, minimum portions, per-food caps. ``live``:
        per pair, the servings whose live cultures count (a food heated with a dish keeps
        its nutrients and loses its cultures); None when all of them do."""
        amounts = table.amounts[rows] * servings[:, None]
        if live is not None:
            amounts[:, _LIVE_G] = table.amounts[rows, _LIVE_G] * live
        value = amounts[:, self._src]
        return np.where(amounts[:, self._by] >= self._min, np.minimum(value, self._cap), 0.0)

    # -- the formula, on arrays so that days and candidate foods share it ----------------
    def complete_kcal(self, sums: np.ndarray) -> np.ndarray:
        """The energy that makes each row's day complete: whole foods', and added fats' up
        to ``energy.added_fat_kcal`` (butter by the stick does not complete a day)."""
        fat = np.minimum(sums[..., S["fat_kcal"]], self.config.added_fat_kcal)
        return sums[..., S["complete_kcal"]] + fat

    def points(self, sums: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Parts (one row per PART_KEYS), completeness and score for rows of sums."""
        c = self.config
        sums = np.atleast_2d(sums)
        values = sums[:, self._ramp_cols]
        values[:, self._omega3_ramp] += self._ala_factor * sums[:, S["ala"]]
        ramps = np.clip((values - self._ramp_zero) / self._ramp_span, 0, 1)
        positive_parts = weighted_sum(ramps, self._ramp_weights)  # rows x positive parts
        positive = weighted_sum(positive_parts, np.ones(positive_parts.shape[1]))
        load = self.load(sums)
        # Earned in proportion to the positive parts; below zero down to -positive.
        limit = np.maximum(c.points["limit"] / c.positive_max * positive * (1.0 - load), -positive)
        completeness = np.minimum(self.complete_kcal(sums) / c.energy_full_kcal, 1.0)
        score = np.clip(completeness * (positive + limit), 0.0, 100.0)
        parts = np.empty((len(PART_KEYS), len(sums)))
        parts[:-1] = positive_parts.T
        parts[-1] = limit
        return parts, completeness, score

    def load(self, sums: np.ndarray) -> np.ndarray:
        """The limit load of rows of sums: 1 empties the limit part."""
        sums = np.atleast_2d(sums)
        sugar = np.maximum(sums[:, S["added_sugars_g"]] - self._sugar_free, 0.0)
        return sugar / self._sugar_per_load + weighted_sum(
            sums[:, self._load_cols], self._load_coef
        )

    def doses(self, v: np.ndarray | list[float]) -> dict[str, float]:
        """A day's doses of foods to limit, as sentences show them."""
        doses = {
            "added_sugars_g": float(v[S["added_sugars_g"]]),
            "standard_drinks": float(v[S["alcohol_g"]] / self.config.parts["limit"]["drink_g"]),
            "processed_meat_g": float(v[S["processed_meat_g"]]),
            "deep_fried_g": float(v[S["deep_fried_g"]]),
            "ultra_processed_kcal": float(v[S["ultra_processed_kcal"]]),
            "sweetener_g": float(v[S["sweetener_g"]]),
        }
        if self.prefs.acne_prone:
            doses["milk_g"] = float(v[S["milk_g"]])
            doses["high_gl_kcal"] = float(v[S["high_gl_kcal"]])
        # Sugars within the free allowance, and drinks' traces, are not doses to name.
        if doses["added_sugars_g"] < 0.5:
            doses["added_sugars_g"] = 0.0
        if doses["standard_drinks"] < 0.05:
            doses["standard_drinks"] = 0.0
        return doses

    def _sums(self, grouped: Grouped) -> np.ndarray:
        """Per day, the SUM_KEYS: contributions summed over the day's foods."""
        table = self.table()
        n = len(grouped.days)
        contributions = self._food_contributions(
            table, grouped.rows, grouped.servings, grouped.live
        )
        # The group-by: pairs are sorted by day, so each day's are one run to add up (in
        # the same order whichever way they were grouped).
        sums = np.zeros((n, len(SUM_KEYS)))
        if len(grouped.rows):
            has = np.bincount(grouped.day_pos, minlength=n) > 0
            starts = np.searchsorted(grouped.day_pos, np.arange(n))[has]
            sums[has] = np.add.reduceat(contributions, starts, axis=0)
        sums[:, S["plants"]] = self._plant_counts(table, grouped, n)
        return sums

    def _plant_counts(self, table: CatalogFrame, grouped: Grouped, n: int) -> np.ndarray:
        day_pos, _codes, grams = species_grams(table, grouped)
        counted = grams >= self.config.parts["plants"]["min_g"]
        return np.bincount(day_pos[counted], minlength=n).astype(float)
