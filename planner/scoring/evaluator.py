"""The evaluator: joins a plan's entries to the catalog DataFrame and scores each day.

A day's entries are grouped by food (servings of one food in one day add up), joined to
the catalog frame (planner.scoring.frames) and turned into amounts in grams; each part
then applies its minimum effective portion and per-food cap to every food's amount and
sums them per day. A whole plan is grouped and joined with pandas (``groupby`` and
``merge``); a re-score of the few days an edit changed uses the frame's index for the
join and numpy for the group sums, which is the same arithmetic without pandas' fixed
cost of about a millisecond per operation (tests check that both give the same scores).
Suggestions score every candidate food at once with array arithmetic.

The formula, its numbers and their sources: resources/scoring.toml and docs/scoring.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from planner.core.foods import NUTRIENT_LABELS, NUTRIENTS, SR28, Catalog
from planner.core.plan import DAYS_PER_WEEK, Plan
from planner.scoring.frames import (
    COLUMN,
    ORIGIN_RANK,
    SKIN_COLUMNS,
    CatalogFrame,
    catalog_frame_of,
    tag_mask,
)
from planner.scoring.model import (
    PART_KEYS,
    SKIN_NUTRIENTS,
    DayScore,
    PartScore,
    Preferences,
    ScoringConfig,
    SkinShare,
    Suggestion,
    WeekScore,
    amount_sentence,
    anti_sentence,
    fiber_sentence,
    limit_sentence,
    live_sentence,
    plants_sentence,
    why_sentence,
)

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
    "complete_kcal",
    "energy_kcal",
    "added_sugars_g",
    "alcohol_g",
    "processed_meat_g",
    "deep_fried_g",
    "ultra_processed_kcal",
    "sweetener_g",
    "milk_g",
    "high_gl_kcal",
    "fiber_all_g",
    "live_raw",
    "prebiotic_raw",
    "polyphenol_raw",
    "spice_raw",
    "plants",
)
S = {key: index for index, key in enumerate(SUM_KEYS)}
_PASSTHROUGH = (
    "complete_kcal",
    "energy_kcal",
    "added_sugars_g",
    "alcohol_g",
    "processed_meat_g",
    "deep_fried_g",
    "ultra_processed_kcal",
    "sweetener_g",
    "milk_g",
    "high_gl_kcal",
    "fiber_all_g",
)


@dataclass(frozen=True)
class PlanScore:
    """The scores of a plan's days, and of its weeks."""

    days: tuple[DayScore, ...]
    weeks: tuple[WeekScore, ...]


@dataclass
class _Grouped:
    """Entries of some days grouped by (day, food) and joined to the catalog frame."""

    days: list[int]  # the days asked for, ascending
    day_pos: np.ndarray  # per (day, food) pair: index into ``days``
    rows: np.ndarray  # per pair: row in the catalog frame (known foods only)
    servings: np.ndarray  # per pair: servings summed
    unknown: list[tuple[str, ...]]  # per day: ids not in the catalog, in plan order
    entry_count: np.ndarray  # per day: entries of known foods
    species: tuple[np.ndarray, ...] | None = None  # see Evaluator._species_grams


@dataclass
class _State:
    """One day as suggestions see it: its foods, sums, parts and score, servings by
    catalog row and grams by plant species."""

    rows: np.ndarray
    sums: np.ndarray
    parts: np.ndarray
    score: float
    in_day: np.ndarray
    species: np.ndarray


class Evaluator:
    def __init__(
        self,
        catalog: Catalog,
        config: ScoringConfig | None = None,
        prefs: Preferences | None = None,
    ) -> None:
        self.catalog = catalog
        self.config = config or ScoringConfig.load()
        self.prefs = prefs or Preferences()
        self._one_serving_cache: tuple[CatalogFrame, np.ndarray] | None = None
        self._suggestions: dict[tuple, tuple[Suggestion, ...]] = {}
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
            ("fiber", 0.0, self.fiber_target, "fiber", self.config.points["fiber"]),
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

    def table(self) -> CatalogFrame:
        """The catalog frame (built once per catalog revision)."""
        return catalog_frame_of(self.catalog)

    # -- per food: portions, caps ---------------------------------------------------------
    def _food_contributions(self, table: CatalogFrame, rows: np.ndarray, servings: np.ndarray):
        """Each (food, servings) pair's contribution to the SUM_KEYS (plants apart), as a
        matrix with one row per pair: amounts, minimum portions, per-food caps."""
        amounts = table.amounts[rows] * servings[:, None]
        value = amounts[:, self._src]
        return np.where(amounts[:, self._by] >= self._min, np.minimum(value, self._cap), 0.0)

    # -- the formula, on arrays so that days and candidate foods share it ----------------
    def points(self, sums: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Parts (one row per PART_KEYS), completeness and score for rows of sums."""
        c = self.config
        sums = np.atleast_2d(sums)
        values = sums[:, self._ramp_cols]
        values[:, self._omega3_ramp] += self._ala_factor * sums[:, S["ala"]]
        ramps = np.clip((values - self._ramp_zero) / self._ramp_span, 0, 1)
        positive_parts = ramps @ self._ramp_weights  # rows x positive parts
        positive = positive_parts.sum(axis=1)
        load = self.load(sums)
        # Earned in proportion to the positive parts; below zero down to -positive.
        limit = np.maximum(c.points["limit"] / c.positive_max * positive * (1.0 - load), -positive)
        completeness = np.minimum(sums[:, S["complete_kcal"]] / c.energy_full_kcal, 1.0)
        score = np.clip(completeness * (positive + limit), 0.0, 100.0)
        parts = np.empty((len(PART_KEYS), len(sums)))
        parts[:-1] = positive_parts.T
        parts[-1] = limit
        return parts, completeness, score

    def load(self, sums: np.ndarray) -> np.ndarray:
        """The limit load of rows of sums: 1 empties the limit part."""
        sums = np.atleast_2d(sums)
        sugar = np.maximum(sums[:, S["added_sugars_g"]] - self._sugar_free, 0.0)
        return sugar / self._sugar_per_load + sums[:, self._load_cols] @ self._load_coef

    def doses(self, v: np.ndarray) -> dict[str, float]:
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

    # -- the join and the group-by -------------------------------------------------------
    def _group_numpy(self, plan: Plan, days: list[int]) -> _Grouped:
        """Group by (day, food) for a re-score of a few days: the join is a look-up of each
        entry's food in the frame's row index, the group-by a sum per (day, row) key."""
        row_of = self.table().row_of
        summed: dict[tuple[int, int], float] = {}
        unknown: list[tuple[str, ...]] = []
        count = np.zeros(len(days), dtype=np.int64)
        for position, day in enumerate(days):
            missing = []
            for _meal, _index, entry in plan.day_entries(day):
                row = row_of.get(entry.food_id, -1)
                if row < 0:
                    missing.append(entry.food_id)
                    continue
                count[position] += 1
                key = (position, row)
                summed[key] = summed.get(key, 0.0) + entry.servings
            unknown.append(_unique(missing))
        keys = sorted(summed)
        return _Grouped(
            days,
            np.array([k[0] for k in keys], dtype=np.int64),
            np.array([k[1] for k in keys], dtype=np.int64),
            np.array([summed[k] for k in keys], dtype=float),
            unknown,
            count,
        )

    def _group_pandas(self, plan: Plan, days: list[int]) -> _Grouped:
        """Group by (day, food) and join with pandas: for a whole plan."""
        table = self.table()
        entries = pd.DataFrame(
            [
                (day, entry.food_id, entry.servings)
                for day in days
                for _meal, _index, entry in plan.day_entries(day)
            ],
            columns=["day", "food", "servings"],
        ).astype({"day": np.int64, "food": object, "servings": float})
        catalog_rows = pd.DataFrame({"row": np.arange(len(table))}, index=table.index)
        joined = entries.merge(catalog_rows, left_on="food", right_index=True, how="left")
        missing = joined[joined["row"].isna()]
        unknown_by_day = missing.groupby("day", sort=False)["food"].agg(lambda ids: _unique(ids))
        known = joined.dropna(subset=["row"]).astype({"row": np.int64})
        pairs = known.groupby(["day", "row"], sort=True)["servings"].sum().reset_index()
        position = {day: i for i, day in enumerate(days)}
        count = known.groupby("day")["row"].size().reindex(days, fill_value=0)
        return _Grouped(
            days,
            pairs["day"].map(position).to_numpy(dtype=np.int64),
            pairs["row"].to_numpy(dtype=np.int64),
            pairs["servings"].to_numpy(dtype=float),
            [unknown_by_day.get(day, ()) for day in days],
            count.to_numpy(dtype=np.int64),
        )

    def _sums(self, grouped: _Grouped) -> np.ndarray:
        """Per day, the SUM_KEYS: contributions summed over the day's foods."""
        table = self.table()
        n = len(grouped.days)
        contributions = self._food_contributions(table, grouped.rows, grouped.servings)
        # The group-by: pairs are sorted by day, so each day's are one run to add up (in
        # the same order whichever way they were grouped).
        sums = np.zeros((n, len(SUM_KEYS)))
        if len(grouped.rows):
            has = np.bincount(grouped.day_pos, minlength=n) > 0
            starts = np.searchsorted(grouped.day_pos, np.arange(n))[has]
            sums[has] = np.add.reduceat(contributions, starts, axis=0)
        sums[:, S["plants"]] = self._plant_counts(table, grouped, n)
        return sums

    def _species_grams(self, table: CatalogFrame, grouped: _Grouped) -> tuple[np.ndarray, ...]:
        """(day position, species code, grams) of each plant species eaten per day, in
        (day, species) order; worked out once per grouping."""
        if grouped.species is None:
            codes, plant_g = table.species_list, table.plant_g_list
            totals: dict[tuple[int, int], float] = {}
            for position, row, servings in zip(
                grouped.day_pos.tolist(),
                grouped.rows.tolist(),
                grouped.servings.tolist(),
                strict=True,
            ):
                code, grams = codes[row], plant_g[row] * servings
                if code >= 0 and grams > 0:
                    totals[position, code] = totals.get((position, code), 0.0) + grams
            keys = sorted(totals)
            grouped.species = (
                np.array([k[0] for k in keys], dtype=np.int64),
                np.array([k[1] for k in keys], dtype=np.int64),
                np.array([totals[k] for k in keys], dtype=float),
            )
        return grouped.species

    def _plant_counts(self, table: CatalogFrame, grouped: _Grouped, n: int) -> np.ndarray:
        day_pos, _codes, grams = self._species_grams(table, grouped)
        counted = grams >= self.config.parts["plants"]["min_g"]
        return np.bincount(day_pos[counted], minlength=n).astype(float)

    # -- scoring -------------------------------------------------------------------------
    def evaluate(
        self, plan: Plan, days: Iterable[int] | None = None, *, tips: bool = True
    ) -> PlanScore:
        """Score the given days (all by default) and every week of the plan."""
        week_plants: dict[int, tuple[str, ...]] = {}
        if days is None:
            day_scores, grouped = self._score(plan, list(range(plan.day_count)), tips, True)
            week_plants = self._week_plants(grouped)
        else:
            day_scores = self.score_days(plan, days, tips=tips)
        by_week: dict[int, list[DayScore]] = {}
        for scored in day_scores:  # each week sums its own days: linear in the plan's length
            by_week.setdefault(scored.day // DAYS_PER_WEEK, []).append(scored)
        weeks = tuple(
            self.week_score(plan, week, tuple(by_week.get(week, ())), week_plants.get(week))
            for week in range(plan.weeks)
        )
        return PlanScore(day_scores, weeks)

    def _week_plants(self, grouped: _Grouped) -> dict[int, tuple[str, ...]]:
        """Each week's different plants, with pandas: the species eaten per day (at least
        the minimum amount that day) grouped by week."""
        table = self.table()
        day_pos, codes, grams = self._species_grams(table, grouped)
        frame = pd.DataFrame(
            {"day": np.asarray(grouped.days, dtype=np.int64)[day_pos], "code": codes, "g": grams}
        )
        counted = frame[frame["g"] >= self.config.parts["plants"]["min_g"]]
        labels = pd.Series(table.species_labels, dtype=object)
        counted = counted.assign(
            week=counted["day"] // DAYS_PER_WEEK,
            plant=labels.iloc[counted["code"].to_numpy()].to_numpy(),
        )
        return {
            int(week): tuple(sorted(set(plants)))
            for week, plants in counted.groupby("week")["plant"]
        }

    def score_days(
        self, plan: Plan, days: Iterable[int], *, tips: bool = True
    ) -> tuple[DayScore, ...]:
        """Score the given days alone, in day order: what a re-score after an edit needs."""
        return self._score(plan, sorted(set(days)), tips, False)[0]

    def _score(
        self, plan: Plan, days: list[int], tips: bool, whole: bool
    ) -> tuple[tuple[DayScore, ...], _Grouped]:
        if not days:
            return (), self._group_numpy(plan, [])
        for day in days:
            plan.check_day(day)
        grouped = self._group_pandas(plan, days) if whole else self._group_numpy(plan, days)
        sums = self._sums(grouped)
        parts, completeness, scores = self.points(sums)
        table = self.table()
        results = []
        starts = np.searchsorted(grouped.day_pos, np.arange(len(days) + 1))
        species = self._species_grams(table, grouped)
        for position, day in enumerate(days):
            unknown = tuple(grouped.unknown[position])
            if not grouped.entry_count[position]:  # a day of unknown foods is not scored
                results.append(self._empty_day(plan, day, unknown, tips))
                continue
            lo, hi = starts[position], starts[position + 1]
            results.append(
                self._day_score(
                    plan,
                    day,
                    sums[position],
                    [float(part[position]) for part in parts],
                    float(completeness[position]),
                    float(scores[position]),
                    grouped.rows[lo:hi],
                    grouped.servings[lo:hi],
                    species,
                    position,
                    unknown,
                    tips,
                )
            )
        return tuple(results), grouped

    def _empty_day(self, plan: Plan, day: int, unknown: tuple[str, ...], tips: bool) -> DayScore:
        tip = self._tip(plan, day) if tips else ""
        why = "Not planned yet."
        if unknown:
            why = f"Not scored: {len(unknown)} food(s) are not in the catalog."
        return DayScore(
            day, plan.date_of(day), False, None, unknown_foods=unknown, why=why, tip=tip
        )

    def _day_score(
        self,
        plan: Plan,
        day: int,
        v: np.ndarray,
        points: list[float],
        completeness: float,
        score: float,
        rows: np.ndarray,
        servings: np.ndarray,
        species: tuple[np.ndarray, ...],
        position: int,
        unknown_ids: tuple[str, ...],
        tips: bool,
    ) -> DayScore:
        """One day's score and sentences from its sums and its foods' rows."""
        c, p = self.config, self.config.parts
        table = self.table()
        row_list = rows.tolist()
        names = [table.names[row] for row in row_list]
        found: dict[str, list[str]] = {}
        for name, row in zip(names, row_list, strict=True):
            for key in table.unknown_of(row):
                found.setdefault(key, []).append(name)
        unknown = {key: tuple(found[key]) for key in table.unknown_keys if key in found}
        cultures: dict[str, list[str]] = {}
        for name, row in zip(names, row_list, strict=True):
            state = table.live_cultures[row]
            if state is not None:
                cultures.setdefault(state, []).append(name)
        culture_names = {state: tuple(found) for state, found in cultures.items()}

        day_pos, codes, grams = species
        mine = (day_pos == position) & (grams >= p["plants"]["min_g"])
        plants = tuple(sorted({table.species_labels[code] for code in codes[mine].tolist()}))

        doses = self.doses(v)
        anti = p["anti_inflammatory"]
        sentences = {
            "probiotic": live_sentence(
                "Live cultures", v[S["live"]], p["probiotic"]["target_g"], culture_names
            ),
            "prebiotic": amount_sentence(
                "Prebiotic",
                v[S["prebiotic"]],
                p["prebiotic"]["target_g"],
                "g (estimate)",
                unknown.get("prebiotic_g", ()),
            ),
            "fiber": fiber_sentence(v[S["fiber"]], self.fiber_target, unknown.get("fiber_g", ())),
            "plants": plants_sentence(len(plants), p["plants"]["target_species"]),
            "anti_inflammatory": anti_sentence(
                v[S["epa_dha"]] + anti["ala_conversion"] * v[S["ala"]],
                v[S["polyphenol"]],
                v[S["tea"]],
                v[S["spice"]],
                anti,
            ),
            "limit": limit_sentence(doses, unknown.get("added_sugars_g", ())),
        }
        parts = tuple(
            PartScore(key, c.labels[key], pts, c.points[key], sentences[key])
            for key, pts in zip(PART_KEYS, points, strict=True)
        )
        skin_index = {key: i for i, key in enumerate(SKIN_COLUMNS)}
        skin_totals = table.skin[rows].T @ servings if len(rows) else np.zeros(len(SKIN_COLUMNS))
        skin = tuple(
            SkinShare(
                key,
                NUTRIENT_LABELS[key],
                float(skin_totals[skin_index[key]]),
                NUTRIENTS[key],
                float(skin_totals[skin_index[key]]) / c.daily_values[key],
                unknown.get(key, ()),
            )
            for key in SKIN_NUTRIENTS
        )
        why = why_sentence(score, parts, completeness, float(v[S["complete_kcal"]]))
        if unknown_ids:
            why += f" {len(unknown_ids)} food(s) are not in the catalog and are not counted."
        return DayScore(
            day=day,
            date=plan.date_of(day),
            planned=True,
            score=score,
            parts=parts,
            fiber_g=float(v[S["fiber_all_g"]]),
            fiber_unknown=unknown.get("fiber_g", ()),
            plants=plants,
            servings={
                "probiotic": float(v[S["live_raw"]]),
                "prebiotic": float(v[S["prebiotic_raw"]]),
                "fiber": float(v[S["fiber"]]),
                "anti_inflammatory": float(v[S["polyphenol_raw"]] + v[S["spice_raw"]]),
            },
            limit_servings={key: amount for key, amount in doses.items() if amount > 0},
            skin=skin,
            unknown_foods=unknown_ids,
            why=why,
            tip=self._tip(plan, day) if tips and score < 100 - 1e-9 else "",
            energy_kcal=float(v[S["energy_kcal"]]),
            completeness=completeness,
            unknown=unknown,
            cultures=culture_names,
        )

    def week_score(
        self,
        plan: Plan,
        week: int,
        days: tuple[DayScore, ...],
        plants: tuple[str, ...] | None = None,
    ) -> WeekScore:
        """A week's summary from its scored days (``plants``: worked out already)."""
        first = week * DAYS_PER_WEEK
        in_week = tuple(d for d in days if first <= d.day < first + DAYS_PER_WEEK)
        scored = [d.score for d in in_week if d.planned and d.score is not None]
        if plants is None:
            plants = tuple(sorted({p for d in in_week for p in d.plants}))
        fermented = sum(1 for d in in_week if d.servings.get("probiotic", 0) > 0)
        return WeekScore(
            week=week,
            days=in_week,
            average=sum(scored) / len(scored) if scored else None,
            plants=plants,
            plants_target=self.config.plants_target,
            fermented_days=fermented,
        )

    # -- suggestions ---------------------------------------------------------------------
    def suggest(
        self,
        plan: Plan,
        day: int,
        top: int = 5,
        *,
        familiar_first: bool = False,
        swaps: bool = False,
    ) -> list[Suggestion]:
        """Foods ranked by how much one serving would raise the day's score.

        Only food a person eats as it is, in a portion of at most ``suggest.max_kcal``:
        never an ingredient (flour, raw grains or pulses, leavening...), never a food to
        limit, never a food with a tag the user avoids; and only gains of at least
        ``suggest.min_gain``. Ties go to foods not yet in the day, then to curated foods,
        then by name. With ``familiar_first``, only curated foods and the user's own are
        ranked when any of them would help, SR28's otherwise: what the app, the tips and
        the PDF show a person. With ``swaps``, a serving of a food to limit in the day may
        be swapped for a candidate ("swap the cola for kombucha").
        """
        plan.check_day(day)
        table = self.table()
        # The window asks again for the same day as the selection moves: a day's
        # suggestions depend only on its foods (and this evaluator's catalog and settings).
        key = (
            id(table),
            table.revision,
            tuple((e.food_id, e.servings) for _m, _i, e in plan.day_entries(day)),
            top,
            familiar_first,
            swaps,
        )
        cached = self._suggestions.get(key)
        if cached is not None:
            return list(cached)
        found = self._suggest(plan, day, top, familiar_first, swaps)
        if len(self._suggestions) >= 32:
            self._suggestions.pop(next(iter(self._suggestions)))
        self._suggestions[key] = tuple(found)
        return found

    def _suggest(
        self, plan: Plan, day: int, top: int, familiar_first: bool, swaps: bool
    ) -> list[Suggestion]:
        table = self.table()
        grouped = self._group_numpy(plan, [day])
        allowed = table.suggestable.copy()
        allowed &= table.column("energy_kcal") <= self.config.suggest_max_kcal
        avoid = tag_mask(self.prefs.avoid_tags)
        if avoid:
            allowed &= (table.tag_mask & avoid) == 0
        pools = [np.flatnonzero(allowed)]
        if familiar_first:
            familiar = np.flatnonzero(allowed & (table.origin_rank < ORIGIN_RANK[SR28]))
            pools = [familiar, pools[0]]
        now = self._state(table, grouped.rows, grouped.servings)
        bases = [(now, None)]
        if swaps:
            for limit_row in grouped.rows[table.is_limit_food[grouped.rows]].tolist():
                fewer = grouped.servings.copy()
                at = grouped.rows == limit_row
                fewer[at] = np.maximum(fewer[at] - 1.0, 0.0)
                bases.append((self._state(table, grouped.rows, fewer), limit_row))
        found: list[Suggestion] = []
        for candidates in pools:
            for base, replaces in bases:
                found += self._ranked(table, base, candidates, now.score, top, replaces)
            if found:
                break
        found.sort(key=lambda s: -s.gain)  # stable: each list's own order breaks ties
        return found[:top]

    def _state(self, table: CatalogFrame, rows: np.ndarray, servings: np.ndarray) -> _State:
        """A day's foods and everything a candidate's gain is worked out from."""
        grouped = _Grouped([0], np.zeros(len(rows), np.int64), rows, servings, [()], np.ones(1))
        sums = self._sums(grouped)
        parts, _completeness, score = self.points(sums)
        in_day = np.zeros(len(table))
        np.add.at(in_day, rows, servings)
        _pos, codes, grams = self._species_grams(table, grouped)
        species = np.zeros(len(table.species_labels) + 1)  # the last: "not a plant"
        species[codes] = grams
        return _State(rows, sums[0], parts[:, 0], float(score[0]), in_day, species)

    def _one_serving(self, table: CatalogFrame) -> np.ndarray:
        """Every food's contribution for one serving, cached per catalog frame."""
        if self._one_serving_cache is None or self._one_serving_cache[0] is not table:
            rows = np.arange(len(table))
            self._one_serving_cache = (
                table,
                self._food_contributions(table, rows, np.ones(len(table))),
            )
        return self._one_serving_cache[1]

    def _with_one_more(
        self, table: CatalogFrame, base: _State, candidates: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Scores and parts of the day with one serving more of each candidate food, all
        candidates at once: the day's sums, minus each candidate's contribution as it
        stands, plus its contribution with one serving more."""
        old = base.in_day[candidates]
        # Most candidates are not in the day: their gain is one serving's contribution,
        # worked out once per catalog; the few in the day are worked out here.
        sums = base.sums[None, :] + self._one_serving(table)[candidates]
        eaten = np.flatnonzero(old > 0)
        if len(eaten):
            rows = candidates[eaten]
            sums[eaten] += (
                self._food_contributions(table, rows, old[eaten] + 1.0)
                - self._food_contributions(table, rows, old[eaten])
                - self._one_serving(table)[rows]
            )
        # Plants: the candidate's species, with its grams added to the day's.
        code = table.species_code[candidates]
        had = base.species[code]
        min_g = self.config.parts["plants"]["min_g"]
        added = table.amounts[candidates, COLUMN["plant_g"]]
        sums[:, S["plants"]] += (code >= 0) & (had < min_g) & (had + added >= min_g)
        parts, _completeness, scores = self.points(sums)
        return scores, parts

    def _ranked(
        self,
        table: CatalogFrame,
        base: _State,
        candidates: np.ndarray,
        now: float,
        top: int,
        replaces: int | None,
    ) -> list[Suggestion]:
        if not len(candidates) or top <= 0:
            return []
        scores, parts = self._with_one_more(table, base, candidates)
        gain = scores - now
        keep = gain >= self.config.min_gain
        candidates, gain, scores, parts = candidates[keep], gain[keep], scores[keep], parts[:, keep]
        if not len(candidates):
            return []
        in_day = np.zeros(len(table), dtype=np.int64)
        in_day[base.rows] = 1
        # One integer key orders like sorting by (-gain to 6 decimals, in the day, origin,
        # name): the name rank is unique, so the first ``top`` need no full sort.
        micro = np.rint(gain * 1e6).astype(np.int64)
        key = ((-micro * 2 + in_day[candidates]) * 3 + table.origin_rank[candidates]) * len(
            table
        ) + table.name_order[candidates]
        if 0 < top < len(candidates):
            first = np.argpartition(key, top - 1)[:top]
            order = first[np.argsort(key[first])]
        else:
            order = np.argsort(key)[:top]
        result = []
        for i in order.tolist():
            position = int(candidates[i])
            result.append(
                Suggestion(
                    food_id=table.ids[position],
                    name=table.names[position],
                    serving_label=table.serving_labels[position],
                    gain=float(gain[i]),
                    new_score=float(scores[i]),
                    reason=self._reason(parts[:, i] - base.parts, replaces, table),
                    replaces=None if replaces is None else table.ids[replaces],
                    replaces_name=None if replaces is None else table.names[replaces],
                )
            )
        return result

    def _reason(self, delta: np.ndarray, replaces: int | None, table: CatalogFrame) -> str:
        labels = self.config.labels
        gains = [
            labels[key].lower()
            for key, change in zip(PART_KEYS, delta.tolist(), strict=True)
            if key != "limit" and change > 0.05
        ]
        text = "Adds to " + ", ".join(gains) if gains else "Makes the day more complete"
        if replaces is not None:
            text = f"In place of {table.names[replaces]}: " + text[0].lower() + text[1:]
        return text

    def _tip(self, plan: Plan, day: int) -> str:
        best = self.suggest(plan, day, top=1, familiar_first=True)
        if not best:
            return ""
        s = best[0]
        return f"Adding {s.name} ({s.serving_label}) would raise it to {s.new_score:.0f}."


def _unique(values: Iterable[str] | Sequence[str]) -> tuple[str, ...]:
    """The distinct values, in the order they first appear."""
    return tuple(dict.fromkeys(values))
