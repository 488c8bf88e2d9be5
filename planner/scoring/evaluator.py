"""The evaluator: scores each day of a plan, and each week, with sentences.

A day's entries are grouped by food (servings of one food in one day add up) and joined
to the catalog frame (planner.scoring.grouping: pandas for a whole plan, a dict for the
few days an edit changed); the formula (planner.scoring.formula) turns them into sums,
parts and a score; this module makes each day's DayScore with its sentences, and each
week's summary. Suggestions and tips: planner.scoring.suggestions.

The formula, its numbers and their sources: resources/scoring.toml and docs/scoring.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from planner.core.foods import NUTRIENT_LABELS, NUTRIENTS
from planner.core.plan import DAYS_PER_WEEK, Plan
from planner.i18n import _, ngettext
from planner.scoring.formula import SUM_KEYS, S
from planner.scoring.frames import SKIN_COLUMNS
from planner.scoring.grouping import (
    Grouped,
    group_numpy,
    group_pandas,
    plants_by_week,
    species_grams,
)
from planner.scoring.model import PART_KEYS, SKIN_NUTRIENTS
from planner.scoring.results import DayScore, PartScore, SkinShare, WeekScore
from planner.scoring.sentences import (
    anti_sentence,
    fiber_sentence,
    limit_sentence,
    live_sentence,
    plants_sentence,
    prebiotic_sentence,
    why_sentence,
)
from planner.scoring.suggestions import Suggester

__all__ = ["SUM_KEYS", "Evaluator", "PlanScore", "S"]


@dataclass(frozen=True)
class PlanScore:
    """The scores of a plan's days, and of its weeks."""

    days: tuple[DayScore, ...]
    weeks: tuple[WeekScore, ...]


class Evaluator(Suggester):
    """Scores a plan's days and weeks, and suggests foods, over one catalog."""

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

    def _week_plants(self, grouped: Grouped) -> dict[int, tuple[str, ...]]:
        return plants_by_week(self.table(), grouped, self.config.parts["plants"]["min_g"])

    def score_days(
        self, plan: Plan, days: Iterable[int], *, tips: bool = True
    ) -> tuple[DayScore, ...]:
        """Score the given days alone, in day order: what a re-score after an edit needs."""
        return self._score(plan, sorted(set(days)), tips, False)[0]

    def _score(
        self, plan: Plan, days: list[int], tips: bool, whole: bool
    ) -> tuple[tuple[DayScore, ...], Grouped]:
        if not days:
            return (), group_numpy(self.table(), plan, [], self.resolver)
        for day in days:
            plan.check_day(day)
        table = self.table()
        grouped = (group_pandas if whole else group_numpy)(table, plan, days, self.resolver)
        sums = self._sums(grouped)
        parts, completeness, scores = self.points(sums)
        if len(days) == 1 and not whole:  # an edit's day: its suggestions are asked next
            self._keep_scored_day(plan, days[0], grouped, sums[0], parts[:, 0], float(scores[0]))
        results = []
        starts = np.searchsorted(grouped.day_pos, np.arange(len(days) + 1))
        species = species_grams(table, grouped)
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
                    # Python floats: a day's sentences read some twenty of them one by one
                    sums[position].tolist(),
                    [float(part[position]) for part in parts],
                    float(completeness[position]),
                    float(scores[position]),
                    grouped.rows[lo:hi],
                    grouped.servings[lo:hi],
                    None if grouped.live is None else grouped.live[lo:hi],
                    species,
                    position,
                    unknown,
                    tips,
                )
            )
        return tuple(results), grouped

    def _empty_day(self, plan: Plan, day: int, unknown: tuple[str, ...], tips: bool) -> DayScore:
        tip = self._tip(plan, day) if tips else ""
        why = _("Not planned yet.")
        if unknown:
            why = ngettext(
                "Not scored: {count} food is not in the catalog.",
                "Not scored: {count} foods are not in the catalog.",
                len(unknown),
            ).format(count=len(unknown))
        return DayScore(
            day, plan.date_of(day), False, None, unknown_foods=unknown, why=why, tip=tip
        )

    def _day_score(
        self,
        plan: Plan,
        day: int,
        v: list[float],
        points: list[float],
        completeness: float,
        score: float,
        rows: np.ndarray,
        servings: np.ndarray,
        live: np.ndarray | None,
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
        if live is not None:  # foods cooked with a dish: their cultures did not survive
            cultures = {}
            for name, row, cooked in zip(names, row_list, (live <= 0).tolist(), strict=True):
                state = table.live_cultures[row]
                if state is not None:
                    cultures.setdefault("dead" if cooked else state, []).append(name)
        culture_names = {state: tuple(found) for state, found in cultures.items()}

        day_pos, codes, grams = species
        mine = (day_pos == position) & (grams >= p["plants"]["min_g"])
        plants = tuple(sorted({table.species_labels[code] for code in codes[mine].tolist()}))

        doses = self.doses(v)
        anti = p["anti_inflammatory"]
        sentences = {
            "probiotic": live_sentence(v[S["live"]], p["probiotic"]["target_g"], culture_names),
            "prebiotic": prebiotic_sentence(
                v[S["prebiotic"]], p["prebiotic"]["target_g"], unknown.get("prebiotic_g", ())
            ),
            "fiber": fiber_sentence(
                v[S["fiber"]], self.fiber_target, unknown.get("fiber_g", ()), self.fiber_zero
            ),
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
            # The shipped labels are marked in PART_LABELS; a user's own stays as written.
            PartScore(key, _(c.labels[key]), pts, c.points[key], sentences[key])
            for key, pts in zip(PART_KEYS, points, strict=True)
        )
        skin_index = {key: i for i, key in enumerate(SKIN_COLUMNS)}
        # Food by food, in order: summing over the rows (not the contiguous axis) adds them
        # one after another, as formula.weighted_sum does, so the bits do not depend on how
        # the day was grouped; a tenth of the time of a loop over the day's foods.
        skin_totals = (servings[:, None] * table.skin[rows]).sum(axis=0)
        skin = tuple(
            SkinShare(
                key,
                _(NUTRIENT_LABELS[key]),
                float(skin_totals[skin_index[key]]),
                NUTRIENTS[key],
                float(skin_totals[skin_index[key]]) / c.daily_values[key],
                unknown.get(key, ()),
            )
            for key in SKIN_NUTRIENTS
        )
        why = why_sentence(score, parts, completeness, float(self.complete_kcal(np.array(v))))
        if unknown_ids:
            n = len(unknown_ids)
            missing = ngettext(
                "{count} food is not in the catalog and is not counted.",
                "{count} foods are not in the catalog and are not counted.",
                n,
            ).format(count=n)
            # Translators: the day's sentence, then a sentence on foods it could not count.
            why = _("{why} {missing}").format(why=why, missing=missing)
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
