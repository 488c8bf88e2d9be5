"""The evaluator: joins a plan's entries to the catalog table and scores each day.

Day totals come from one join and one group-by over the entries of the days asked for:
the join looks each entry's food up in the catalog's numpy table (planner.scoring.frames), the
group-by sums servings times the food's row per day with ``np.add.at``. Suggestions score
every food in the catalog at once with array arithmetic. Only the days asked for are
read, so re-scoring the day an edit changed costs the same in a week or in a year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from planner.core.foods import NUTRIENT_LABELS, NUTRIENTS, SR28, Catalog
from planner.core.plan import DAYS_PER_WEEK, Plan
from planner.scoring.frames import (
    COLUMN,
    FLAG_CATEGORIES,
    FLAG_COLUMNS,
    ORIGIN_RANK,
    SCORE_COLUMNS,
    CatalogTable,
    catalog_table,
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

NUTRIENT_INDEX = {key: index for index, key in enumerate(NUTRIENTS)}
REPORTED_UNKNOWN = ("fiber_g", *SKIN_NUTRIENTS)  # nutrients whose unknown foods are named


@dataclass(frozen=True)
class PlanScore:
    """The scores of a plan's days, and of its weeks."""

    days: tuple[DayScore, ...]
    weeks: tuple[WeekScore, ...]


@dataclass
class _Entries:
    """The entries of some days joined to the catalog table, in plan order (day, meal,
    position), so that each day's entries are one slice."""

    days: list[int]  # the days asked for, ascending
    food_ids: list[str]
    servings: np.ndarray
    rows: np.ndarray  # row in the catalog table, -1 for a food not in the catalog
    group: np.ndarray  # index into ``days`` of each entry's day
    bounds: list[int]  # entries of days[i] are [bounds[i], bounds[i + 1])
    totals: np.ndarray  # per day: SUM_COLUMNS of the known foods, times servings
    known_count: np.ndarray  # per day: entries whose food is in the catalog


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

    # -- the join and the group-by -------------------------------------------------------
    def table(self) -> CatalogTable:
        return catalog_table(self.catalog)

    def _entries(self, plan: Plan, days: list[int]) -> _Entries:
        table = self.table()
        food_ids: list[str] = []
        servings: list[float] = []
        bounds = [0]
        for day in days:
            for _meal, _index, entry in plan.day_entries(day):
                food_ids.append(entry.food_id)
                servings.append(entry.servings)
            bounds.append(len(food_ids))
        count = len(food_ids)
        rows = table.rows(food_ids)
        group = np.repeat(np.arange(len(days)), np.diff(bounds))
        amounts = np.fromiter(servings, float, count)
        known = rows >= 0
        totals = np.zeros((len(days), table.sums.shape[1]))
        np.add.at(totals, group[known], table.sums[rows[known]] * amounts[known, None])
        known_count = np.bincount(group[known], minlength=len(days))
        return _Entries(days, food_ids, amounts, rows, group, bounds, totals, known_count)

    def _score_points(self, totals: np.ndarray) -> tuple[np.ndarray, ...]:
        """The four parts' points for rows of day totals."""
        return self.part_points(
            totals[..., COLUMN["is_pro"]],
            totals[..., COLUMN["is_pre"]],
            totals[..., COLUMN["fiber_count"]],
            totals[..., COLUMN["limit_load"]],
            totals[..., COLUMN["limit_dairy"]],
        )

    # -- scoring -------------------------------------------------------------------------
    def evaluate(
        self, plan: Plan, days: Iterable[int] | None = None, *, tips: bool = True
    ) -> PlanScore:
        """Score the given days (all by default) and every week of the plan."""
        day_scores = self.score_days(
            plan, range(plan.day_count) if days is None else days, tips=tips
        )
        by_week: dict[int, list[DayScore]] = {}
        for scored in day_scores:  # each week sums its own days: linear in the plan's length
            by_week.setdefault(scored.day // DAYS_PER_WEEK, []).append(scored)
        weeks = tuple(
            self.week_score(plan, week, tuple(by_week.get(week, ()))) for week in range(plan.weeks)
        )
        return PlanScore(day_scores, weeks)

    def score_days(
        self, plan: Plan, days: Iterable[int], *, tips: bool = True
    ) -> tuple[DayScore, ...]:
        """Score the given days alone, in day order: what a re-score after an edit needs."""
        day_list = sorted(set(days))
        joined = self._entries(plan, day_list)
        points = self._score_points(joined.totals)  # every day's parts at once
        scores = []
        for position, day in enumerate(day_list):
            lo, hi = joined.bounds[position], joined.bounds[position + 1]
            rows = joined.rows[lo:hi].tolist()
            ids = joined.food_ids[lo:hi]
            unknown = _unique(fid for fid, row in zip(ids, rows, strict=True) if row < 0)
            if not joined.known_count[position]:  # a day of unknown foods is not scored
                scores.append(self._empty_day(plan, day, unknown, tips))
                continue
            day_points = [float(part[position]) for part in points]
            servings = joined.servings[lo:hi].tolist()
            scores.append(
                self._day_score(
                    plan, day, joined.totals[position], day_points, rows, servings, unknown, tips
                )
            )
        return tuple(scores)

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
        totals: np.ndarray,
        points: list[float],
        rows: list[int],
        servings: list[float],
        unknown: tuple[str, ...],
        tips: bool,
    ) -> DayScore:
        """One day's score from its totals; names and counts from its entries' rows."""
        c = self.config
        table = self.table()
        known = [row for row in rows if row >= 0]
        plants = tuple(sorted({p for p in (table.plants[row] for row in known) if p is not None}))
        missing = {
            key: _unique(table.names[row] for row in known if table.unknown[row, column])
            for key, column in ((key, NUTRIENT_INDEX[key]) for key in REPORTED_UNKNOWN)
        }
        limits: dict[str, float] = {}
        is_limit = table.column("is_limit")
        for row, amount in zip(rows, servings, strict=True):
            kind = table.limit_kinds[row] if row >= 0 and is_limit[row] > 0 else None
            if kind is not None:
                limits[kind] = limits.get(kind, 0.0) + amount
        counted_limits = {kind: limits[kind] for kind in sorted(limits)}

        value = {name: float(totals[index]) for name, index in COLUMN.items()}
        pro, pre, fiber = value["is_pro"], value["is_pre"], value["fiber_count"]
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
                value[key],
                NUTRIENTS[key],
                value[key] / c.daily_values[key],
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
            fiber_g=value["fiber_g"],
            fiber_unknown=missing["fiber_g"],
            plants=plants,
            servings={
                cat: value[col] for col, cat in zip(FLAG_COLUMNS, FLAG_CATEGORIES, strict=True)
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
        then to curated foods, then by name. With ``familiar_first``, only curated foods
        and the user's own are ranked when any of them would help, SR28's otherwise: what
        the app, the tips and the PDF show a person.
        """
        plan.check_day(day)
        table = self.table()
        joined = self._entries(plan, [day])
        base = joined.totals[0]
        now = sum(float(p) for p in self._score_points(base))
        # The day plus one serving of each food, for every food at once.
        parts = self.part_points(
            *(base[COLUMN[name]] + table.score[i] for i, name in enumerate(SCORE_COLUMNS))
        )
        new = parts[0] + parts[1] + parts[2] + parts[3]
        gain = new - now
        allowed = gain > 1e-9
        avoid = tag_mask(self.prefs.avoid_tags)
        if avoid:
            allowed &= (table.tag_mask & avoid) == 0
        if familiar_first:
            familiar = allowed & (table.origin_rank < ORIGIN_RANK[SR28])
            if familiar.any():
                allowed = familiar
        candidates = np.flatnonzero(allowed)
        if not len(candidates):
            return []
        in_day = np.zeros(len(table), dtype=np.int64)
        in_day[joined.rows[joined.rows >= 0]] = 1
        # One integer key orders like sorting by (-gain to 6 decimals, in the day, origin,
        # name): the name rank is unique, so the first ``top`` need no full sort.
        micro = np.rint(gain[candidates] * 1e6).astype(np.int64)
        key = ((-micro * 2 + in_day[candidates]) * 3 + table.origin_rank[candidates]) * len(
            table
        ) + table.name_order[candidates]
        if 0 < top < len(candidates):
            first = np.argpartition(key, top - 1)[:top]
            order = first[np.argsort(key[first])]
        else:
            order = np.argsort(key)[:top]
        result = []
        for position in candidates[order].tolist():
            result.append(
                Suggestion(
                    food_id=table.ids[position],
                    name=table.names[position],
                    serving_label=table.serving_labels[position],
                    gain=float(gain[position]),
                    new_score=float(new[position]),
                    reason=_reason(table, position),
                )
            )
        return result

    def _tip(self, plan: Plan, day: int) -> str:
        best = self.suggest(plan, day, top=1, familiar_first=True)
        if not best:
            return ""
        s = best[0]
        return f"Adding {s.name} ({s.serving_label}) would raise it to {s.new_score:.0f}."


def _reason(table: CatalogTable, position: int) -> str:
    bits = []
    if table.column("is_pro")[position]:
        bits.append("a probiotic serving")
    if table.column("is_pre")[position]:
        bits.append("a prebiotic serving")
    fiber = table.column("fiber_count")[position]
    if fiber >= 0.5:
        bits.append(f"{fiber:.0f} g fiber")
    return "Adds " + " and ".join(bits) if bits else "Adds to the day"


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    """The distinct values, in the order they first appear."""
    return tuple(dict.fromkeys(values))
