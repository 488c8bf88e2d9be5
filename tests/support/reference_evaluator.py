"""The evaluator as first written, on pandas: a plan's entries joined to the catalog's
DataFrame and grouped by day. The tests check planner.scoring.evaluator against it (same scores,
sentences, lists and suggestions); docs/performance.md compares their speed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from planner.core.foods import NUTRIENT_LABELS, NUTRIENTS, SR28, Catalog
from planner.core.plan import DAYS_PER_WEEK, Plan
from planner.scoring.frames import (
    FLAG_CATEGORIES,
    FLAG_COLUMNS,
    ORIGIN_RANK,
    catalog_frame,
    tag_mask,
)
from planner.scoring.model import (
    SKIN_NUTRIENTS,
    DayScore,
    PartScore,
    Preferences,
    ScoringConfig,
    SkinShare,
    Suggestion,
    WeekScore,
    coverage_sentence,
    fiber_sentence,
    limit_sentence,
    why_sentence,
)

SUM_COLUMNS = (*FLAG_COLUMNS, "limit_load", "limit_dairy", "fiber_count", *NUTRIENTS)


@dataclass(frozen=True)
class PlanScore:
    days: tuple[DayScore, ...]
    weeks: tuple[WeekScore, ...]


class ReferenceEvaluator:
    def __init__(
        self,
        catalog: Catalog,
        config: ScoringConfig | None = None,
        prefs: Preferences | None = None,
    ) -> None:
        self.catalog = catalog
        self.config = config or ScoringConfig.load()
        self.prefs = prefs or Preferences()

    @property
    def fiber_target(self) -> float:
        return self.prefs.fiber_target_g or self.config.fiber_target_g

    # -- the formula, on arrays so that days and candidate foods share it ----------------
    def part_points(
        self,
        pro: np.ndarray,
        pre: np.ndarray,
        fiber: np.ndarray,
        load: np.ndarray,
        dairy: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        c = self.config
        p_pro = c.points["probiotic"] * np.minimum(pro / c.probiotic_full, 1.0)
        p_pre = c.points["prebiotic"] * np.minimum(pre / c.prebiotic_full, 1.0)
        p_fib = c.points["fiber"] * np.minimum(fiber / self.fiber_target, 1.0)
        total_load = load + self._dairy_load(dairy)
        p_lim = c.points["limit"] * np.maximum(1.0 - total_load / c.limit_zero_at, 0.0)
        return p_pro, p_pre, p_fib, p_lim

    def _dairy_load(self, dairy: np.ndarray) -> np.ndarray:
        if not self.prefs.acne_prone:
            return np.zeros_like(dairy)
        return np.maximum(dairy - self.config.acne_dairy_free, 0.0)

    # -- tables --------------------------------------------------------------------------
    @staticmethod
    def entries_frame(plan: Plan, days: Iterable[int] | None = None) -> pd.DataFrame:
        wanted = None if days is None else set(days)
        rows = [
            (day, meal, entry.food_id, entry.servings)
            for day, meal, _index, entry in plan.entries()
            if wanted is None or day in wanted
        ]
        return pd.DataFrame(rows, columns=["day", "meal", "food", "servings"]).astype(
            {"day": "int64", "servings": "float64"}
        )

    def joined(self, entries: pd.DataFrame) -> pd.DataFrame:
        """Entries with their foods' columns; a food not in the catalog has NaN there."""
        return entries.join(catalog_frame(self.catalog), on="food")

    def day_totals(self, joined: pd.DataFrame) -> pd.DataFrame:
        """Per day: every summed column times servings (unknown values count as 0 here)."""
        weighted = joined[list(SUM_COLUMNS)].mul(joined["servings"], axis=0)
        weighted["day"] = joined["day"]
        return weighted.groupby("day").sum()

    # -- scoring -------------------------------------------------------------------------
    def evaluate(
        self, plan: Plan, days: Iterable[int] | None = None, *, tips: bool = True
    ) -> PlanScore:
        """Score the given days (all by default) and every week of the plan."""
        day_list = list(range(plan.day_count)) if days is None else sorted(set(days))
        joined = self.joined(self.entries_frame(plan, day_list))
        known = joined["name"].notna()
        totals = self.day_totals(joined.loc[known])  # a day of unknown foods is not scored
        unknown_by_day = _names_by_day(joined.loc[~known], "food")
        plants_by_day = _values_by_day(joined.loc[known], "plant")
        missing = {
            key: _names_by_day(joined.loc[known & joined[key].isna()], "name")
            for key in ("fiber_g", *SKIN_NUTRIENTS)
        }
        limits = joined.loc[known & (joined["is_limit"] > 0)]
        limit_by_day: dict[int, dict[str, float]] = {}
        for (day, kind), servings in (
            limits.groupby(["day", "limit_kind"])["servings"].sum().items()
        ):
            limit_by_day.setdefault(int(day), {})[str(kind)] = float(servings)

        scores = []
        for day in day_list:
            if day not in totals.index:
                scores.append(self._empty_day(plan, day, unknown_by_day.get(day, ()), tips))
                continue
            row = totals.loc[day]
            scores.append(
                self._day_score(
                    plan,
                    day,
                    row,
                    plants=plants_by_day.get(day, ()),
                    unknown=unknown_by_day.get(day, ()),
                    missing={key: found.get(day, ()) for key, found in missing.items()},
                    limits=limit_by_day.get(day, {}),
                    tips=tips,
                )
            )
        day_scores = tuple(scores)
        weeks = tuple(self.week_score(plan, week, day_scores) for week in range(plan.weeks))
        return PlanScore(day_scores, weeks)

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
        row: pd.Series,
        *,
        plants: tuple[str, ...],
        unknown: tuple[str, ...],
        missing: dict[str, tuple[str, ...]],
        limits: dict[str, float],
        tips: bool,
    ) -> DayScore:
        c = self.config
        pro, pre, fiber = float(row["is_pro"]), float(row["is_pre"]), float(row["fiber_count"])
        load, dairy = float(row["limit_load"]), float(row["limit_dairy"])
        points = [
            float(p)
            for p in self.part_points(
                np.array(pro), np.array(pre), np.array(fiber), np.array(load), np.array(dairy)
            )
        ]
        counted_limits = dict(limits)
        if "dairy" in counted_limits:
            extra = float(self._dairy_load(np.array(counted_limits["dairy"])))
            if extra > 0:
                counted_limits["dairy"] = extra
            else:
                del counted_limits["dairy"]
        sentences = (
            coverage_sentence(c.labels["probiotic"], pro, c.probiotic_full),
            coverage_sentence(c.labels["prebiotic"], pre, c.prebiotic_full),
            fiber_sentence(fiber, self.fiber_target, missing["fiber_g"]),
            limit_sentence(counted_limits),
        )
        parts = tuple(
            PartScore(key, c.labels[key], pts, c.points[key], sentence)
            for key, pts, sentence in zip(
                ("probiotic", "prebiotic", "fiber", "limit"), points, sentences, strict=True
            )
        )
        score = float(sum(points))
        skin = tuple(
            SkinShare(
                key,
                NUTRIENT_LABELS[key],
                float(row[key]),
                NUTRIENTS[key],
                float(row[key]) / c.daily_values[key],
                missing[key],
            )
            for key in SKIN_NUTRIENTS
        )
        why = why_sentence(score, parts)
        if unknown:
            why += f" {len(unknown)} food(s) are not in the catalog and are not counted."
        return DayScore(
            day=day,
            date=plan.date_of(day),
            planned=True,
            score=score,
            parts=parts,
            fiber_g=float(row["fiber_g"]),
            fiber_unknown=missing["fiber_g"],
            plants=plants,
            servings={
                cat: float(row[col]) for col, cat in zip(FLAG_COLUMNS, FLAG_CATEGORIES, strict=True)
            },
            limit_servings=counted_limits,
            skin=skin,
            unknown_foods=unknown,
            why=why,
            tip=self._tip(plan, day) if tips and score < 100 - 1e-9 else "",
        )

    def week_score(self, plan: Plan, week: int, days: tuple[DayScore, ...]) -> WeekScore:
        first = week * DAYS_PER_WEEK
        in_week = tuple(d for d in days if first <= d.day < first + DAYS_PER_WEEK)
        scored = [d.score for d in in_week if d.planned and d.score is not None]
        plants = sorted({p for d in in_week for p in d.plants})
        fermented = sum(1 for d in in_week if d.servings.get("probiotic", 0) > 0)
        return WeekScore(
            week=week,
            days=in_week,
            average=sum(scored) / len(scored) if scored else None,
            plants=tuple(plants),
            plants_target=self.config.plants_target,
            fermented_days=fermented,
        )

    # -- suggestions ---------------------------------------------------------------------
    def suggest(
        self, plan: Plan, day: int, top: int = 5, *, familiar_first: bool = False
    ) -> list[Suggestion]:
        """Foods ranked by how much one serving would raise the day's score.

        Foods with a tag the user avoids are skipped; ties go to foods not yet in the day,
        then to curated foods, then by name.
        """
        plan.check_day(day)
        frame = catalog_frame(self.catalog)
        joined = self.joined(self.entries_frame(plan, [day]))
        totals = self.day_totals(joined)
        base = {
            key: float(totals[key].iloc[0]) if len(totals) else 0.0
            for key in ("is_pro", "is_pre", "fiber_count", "limit_load", "limit_dairy")
        }
        now = sum(
            float(p)
            for p in self.part_points(
                *(
                    np.array(base[k])
                    for k in ("is_pro", "is_pre", "fiber_count", "limit_load", "limit_dairy")
                )
            )
        )
        parts = self.part_points(
            base["is_pro"] + frame["is_pro"].to_numpy(),
            base["is_pre"] + frame["is_pre"].to_numpy(),
            base["fiber_count"] + frame["fiber_count"].to_numpy(),
            base["limit_load"] + frame["limit_load"].to_numpy(),
            base["limit_dairy"] + frame["limit_dairy"].to_numpy(),
        )
        new = parts[0] + parts[1] + parts[2] + parts[3]
        gain = new - now
        allowed = gain > 1e-9
        avoid = tag_mask(self.prefs.avoid_tags)
        if avoid:
            allowed &= (frame["tag_mask"].to_numpy() & avoid) == 0
        if familiar_first:
            familiar = allowed & (frame["origin_rank"].to_numpy() < ORIGIN_RANK[SR28])
            if familiar.any():
                allowed = familiar
        candidates = np.flatnonzero(allowed)
        if not len(candidates):
            return []
        in_day = frame.index.isin(set(joined["food"])).astype(np.int8)
        order = np.lexsort(
            (
                frame["name_order"].to_numpy()[candidates],
                frame["origin_rank"].to_numpy()[candidates],
                in_day[candidates],
                -np.round(gain[candidates], 6),
            )
        )
        chosen = candidates[order[:top]]
        result = []
        for position in chosen:
            food_id = frame.index[position]
            result.append(
                Suggestion(
                    food_id=str(food_id),
                    name=str(frame["name"].iat[position]),
                    serving_label=str(frame["serving_label"].iat[position]),
                    gain=float(gain[position]),
                    new_score=float(new[position]),
                    reason=_reason(frame, position),
                )
            )
        return result

    def _tip(self, plan: Plan, day: int) -> str:
        # The tip names a food people know (curated or their own) when one helps at all;
        # the full ranking, SR28 included, is what suggest() returns.
        best = self.suggest(plan, day, top=1, familiar_first=True)
        if not best:
            return ""
        s = best[0]
        return f"Adding {s.name} ({s.serving_label}) would raise it to {s.new_score:.0f}."


def _reason(frame: pd.DataFrame, position: int) -> str:
    bits = []
    if frame["is_pro"].iat[position]:
        bits.append("a probiotic serving")
    if frame["is_pre"].iat[position]:
        bits.append("a prebiotic serving")
    fiber = frame["fiber_count"].iat[position]
    if fiber >= 0.5:
        bits.append(f"{fiber:.0f} g fiber")
    return "Adds " + " and ".join(bits) if bits else "Adds to the day"


def _names_by_day(frame: pd.DataFrame, column: str) -> dict[int, tuple[str, ...]]:
    if frame.empty:
        return {}
    grouped = frame.groupby("day")[column].unique()
    return {int(day): tuple(str(v) for v in values) for day, values in grouped.items()}


def _values_by_day(frame: pd.DataFrame, column: str) -> dict[int, tuple[str, ...]]:
    present = frame.loc[frame[column].notna()]
    if present.empty:
        return {}
    grouped = present.groupby("day")[column].unique()
    return {int(day): tuple(sorted(str(v) for v in values)) for day, values in grouped.items()}
