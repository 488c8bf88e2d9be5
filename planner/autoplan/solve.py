"""Fill a week's meals: shortlist the candidates, build the program, run HiGHS quietly
(planner.autoplan.highs) with a time limit, and turn the answer into one edit, explained
and scored for real.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from planner.autoplan.candidates import Candidate, build_candidates
from planner.autoplan.explain import cell_order, explain_days, portion_adds, what_gave_way
from planner.autoplan.highs import quiet_highs
from planner.autoplan.model import DayBase, Program, Settings, build_program
from planner.autoplan.recipes import recipe_candidates
from planner.autoplan.relax import Relaxed
from planner.autoplan.shortlist import shortlist
from planner.core.edits import SetCells
from planner.core.plan import DAYS_PER_WEEK, MEALS, Cell, Entry, Plan
from planner.errors import PlannerError
from planner.i18n import _, ngettext
from planner.scoring.evaluator import SUM_KEYS, Evaluator, S
from planner.scoring.results import DayScore

if TYPE_CHECKING:
    from planner.recipes.book import RecipeBook

DEFAULT_TIME_LIMIT = 10.0
# Stop within 3 % of the best bound: a day is ~100 points, so within ~3 points, about
# the seeded noise that tells equally good plans apart.
MIP_GAP = 0.03
# Search nodes a day's program (and the week's, when it is needed) may explore.
DAY_NODES = 60
WEEK_NODES = 2000
# Search nodes after which the best plan found so far is kept (see _run).
GOOD_ENOUGH_NODES = 400


@dataclass(frozen=True)
class Chosen:
    """One dish the planner put on the plan, and what it adds."""

    day: int
    meal: str
    candidate_id: str
    name: str
    role: str
    grams: float
    kcal: float
    adds: str


@dataclass(frozen=True)
class AutoplanResult:
    """The fill as one edit, the real scores of the days it touched, per day why, and
    what gave way."""

    edit: SetCells
    days: tuple[DayScore, ...]
    chosen: tuple[Chosen, ...]
    relaxed: tuple[Relaxed, ...]
    explanations: dict[int, str]
    status: str  # "optimal", "time limit", "cancelled", ...
    seconds: float
    candidates: int
    shortlisted: int
    model_estimate: dict[int, float]

    @property
    def average(self) -> float | None:
        scores = [d.score for d in self.days if d.score is not None]
        return sum(scores) / len(scores) if scores else None


def week_cells(plan: Plan, week: int) -> list[Cell]:
    first = week * DAYS_PER_WEEK
    return [(day, meal) for day in range(first, first + DAYS_PER_WEEK) for meal in MEALS]


def empty_cells(plan: Plan, week: int) -> list[Cell]:
    return [cell for cell in week_cells(plan, week) if not plan.cell(*cell)]


# -- the shortlist -------------------------------------------------------------------------
# -- the run -------------------------------------------------------------------------------
def _bases(
    evaluator: Evaluator, plan: Plan, days: Sequence[int], open_cells: set[Cell]
) -> dict[int, DayBase]:
    table = evaluator.table()
    bases = {}
    for d in days:
        sums = np.zeros(len(SUM_KEYS))
        skin = np.zeros(table.skin.shape[1])
        species: dict[int, float] = {}
        ids: set[str] = set()
        by_row: dict[int, list[float]] = {}  # row -> [servings, servings not heated]
        for meal in MEALS:
            if (d, meal) in open_cells:
                continue
            for entry in plan.cell(d, meal):
                ids.add(entry.food_id)
                # What is already planned counts as the evaluator counts it (recipes and
                # amounts in grams or measures through its resolver, heated cultures
                # giving none).
                for food_id, amount, heated in evaluator.resolver.parts(entry):
                    ids.add(food_id)  # no salmon beside a planned salmon dish either
                    row = table.row_of.get(food_id, -1)
                    if row >= 0:
                        both = by_row.setdefault(row, [0.0, 0.0])
                        both[0] += amount
                        both[1] += 0.0 if heated else amount
        if by_row:
            r = np.array(list(by_row))
            sv = np.array([both[0] for both in by_row.values()])
            live = np.array([both[1] for both in by_row.values()])
            sums = evaluator._food_contributions(table, r, sv, live).sum(axis=0)
            skin = table.skin[r].T @ sv
            for row, (s, _live) in by_row.items():
                code = int(table.species_code[row])
                if code >= 0:
                    species[code] = species.get(code, 0.0) + table.plant_g_list[row] * s
        opened = tuple(m for m in MEALS if (d, m) in open_cells)
        bases[d] = DayBase(sums, skin, species, frozenset(ids), opened)
    return bases


def _run(
    prog: Program,
    time_limit: float,
    max_nodes: int,
    cancel: threading.Event | None,
    progress: Callable[[float], None] | None,
) -> tuple[np.ndarray | None, str]:
    import highspy

    h = quiet_highs()
    lp = highspy.HighsLp()
    n = len(prog.costs)
    lp.num_col_ = n
    lp.num_row_ = len(prog.row_lower)
    lp.col_cost_ = np.array(prog.costs)
    lp.col_lower_ = np.array(prog.lower)
    lp.col_upper_ = np.array(prog.upper)
    lp.row_lower_ = np.array(prog.row_lower)
    lp.row_upper_ = np.array(prog.row_upper)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.array(prog.starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(prog.index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(prog.value)
    lp.sense_ = highspy.ObjSense.kMaximize
    integrality = [highspy.HighsVarType.kContinuous] * n
    for column in prog.integer:
        integrality[column] = highspy.HighsVarType.kInteger
    lp.integrality_ = integrality
    h.passModel(lp)
    h.setOptionValue("time_limit", float(max(time_limit, 0.2)))
    # A limit on the search's work, not only on its time: the same seed then gives the
    # same plan on a fast machine and a slow one (the time limit is the hard stop).
    h.setOptionValue("mip_max_nodes", int(max_nodes))
    h.setOptionValue("mip_rel_gap", MIP_GAP)
    h.setOptionValue("random_seed", 0)
    h.setOptionValue("threads", 1)
    # A day's program is small: presolve costs more than it saves (half the time, the
    # same plans' scores, measured over seeds and a vegan week).
    h.setOptionValue("presolve", "off")
    # Two root heuristics that find nothing here cost a third of a day's time with
    # recipes among the candidates (a feasibility jump starting from nothing, and a
    # reduced-cost fixing run): off, for the same plans' scores (docs/autoplan.md).
    # Versions of HiGHS without these options refuse them quietly.
    h.setOptionValue("mip_heuristic_run_feasibility_jump", False)
    h.setOptionValue("mip_heuristic_run_root_reduced_cost", False)

    def interrupt(event) -> None:
        if cancel is not None and cancel.is_set():
            event.interrupt()

    h.cbMipInterrupt.subscribe(interrupt)
    h.run()
    status = h.getModelStatus()
    solution = h.getSolution()
    values = np.array(solution.col_value) if solution.value_valid else None
    names = {
        highspy.HighsModelStatus.kOptimal: "optimal",
        highspy.HighsModelStatus.kTimeLimit: "time limit",
        highspy.HighsModelStatus.kInterrupt: "good enough",
    }
    return values, names.get(status, h.modelStatusToString(status))


def _day_by_day(
    evaluator: Evaluator,
    short: Sequence[Candidate],
    days: Sequence[int],
    bases: dict[int, DayBase],
    settings: Settings,
    used: dict[str, int],
    week_species: frozenset[int],
    live_days: int,
    recent: frozenset[str],
    noise: np.ndarray,
    deadline: float,
    cancel: threading.Event | None,
    progress: Callable[[float], None] | None,
) -> tuple[list[tuple[int, int, int, str]] | None, list[Program], list[np.ndarray]]:
    """The days one at a time, each a small program that knows what the days before it
    chose: the week's food counts, plants and live-culture days. None if a day found
    nothing in its share of the time."""
    used = dict(used)
    species = set(week_species)
    live = live_days
    chosen: list[tuple[int, int, int, str]] = []
    programs: list[Program] = []
    solutions: list[np.ndarray] = []
    min_g = evaluator.config.parts["plants"]["min_g"]
    live_foods = [c for c in short if any(c.live(p) for p in range(len(c.portions)))]
    for n, d in enumerate(days):
        left = len(days) - n
        plants_goal = settings.plants_per_week - len(species)
        live_goal = settings.live_culture_days - live
        # When the live-culture foods left (times each may still come) are few for the
        # days still to have one, a day takes one, not two: otherwise the first days
        # would use up what the last ones need.
        capacity = sum(max(settings.max_same_per_week - used.get(c.id, 0), 0) for c in live_foods)
        live_cap = 1 if live_goal > 0 and capacity <= 2 * left else None
        prog = build_program(
            evaluator, short, [d], {d: bases[d]}, settings,
            week_used=used, week_species=frozenset(), week_live_days=0, recent=recent,
            noise=noise,
            plants_asked=max(0, -(-plants_goal // left)),
            live_asked=1 if live_goal > 0 and bases[d].sums[S["live"]] <= 0 else 0,
            live_cap=live_cap,
        )  # fmt: skip
        # New plants for the week are worth more than plants the week already has.
        for column, (ci, p, _d, _m) in enumerate(prog.choices):
            fresh = sum(1 for code, g in short[ci].species[p] if g >= min_g and code not in species)
            prog.costs[column] += 1.5 * fresh
        seconds = max((deadline - time.perf_counter()) / left, 0.2)
        values, _status = _run(prog, seconds, DAY_NODES, cancel, None)
        if values is None:
            return None, programs, solutions
        programs.append(prog)
        solutions.append(values)
        for column, key in enumerate(prog.choices):
            if values[column] > 0.5:
                chosen.append(key)
                cand = short[key[0]]
                used[cand.id] = used.get(cand.id, 0) + 1
                species |= {code for code, g in cand.species[key[1]] if g >= min_g}
        if bases[d].sums[S["live"]] > 0 or any(
            short[ci].live(p) for ci, p, dd, _m in chosen if dd == d
        ):
            live += 1
        if progress is not None:
            progress(0.1 + 0.85 * (n + 1) / len(days))
    return chosen, programs, solutions


def autoplan(
    plan: Plan,
    evaluator: Evaluator,
    settings: Settings | None = None,
    *,
    week: int = 0,
    open_cells: Iterable[Cell] | None = None,
    seed: int = 0,
    time_limit: float = DEFAULT_TIME_LIMIT,
    good_enough_nodes: int = GOOD_ENOUGH_NODES,
    candidates: Sequence[Candidate] | None = None,
    book: RecipeBook | None = None,
    cancel: threading.Event | None = None,
    progress: Callable[[float], None] | None = None,
    label: str | None = None,
) -> AutoplanResult:
    """Fill ``open_cells`` of ``week`` (default: its empty meals); every other meal of
    the week stays as it is and counts. Returns one SetCells edit, not yet applied.
    With a recipe ``book`` (and ``settings.recipes``) its recipes are candidates too;
    ``candidates`` given are used as they are."""
    started = time.perf_counter()
    settings = settings or Settings()
    if not 0 <= week < plan.weeks:
        message = ngettext(
            "The plan has {weeks} week; there is no week {week}.",
            "The plan has {weeks} weeks; there is no week {week}.",
            plan.weeks,
        )
        raise PlannerError(message.format(weeks=plan.weeks, week=week + 1))
    cells = set(empty_cells(plan, week) if open_cells is None else open_cells)
    first = week * DAYS_PER_WEEK
    week_days = list(range(first, first + DAYS_PER_WEEK))
    if any(day not in week_days for day, _m in cells):
        raise PlannerError(_("The meals to fill must be in the week being filled."))
    catalog = evaluator.catalog
    prefs_avoid = frozenset(evaluator.prefs.avoid_tags) | settings.avoid_tags
    if candidates is None:
        candidates = build_candidates(
            catalog,
            evaluator,
            avoid_tags=prefs_avoid,
            disliked=settings.disliked,
            allow_limit=settings.limit_allowance > 0,
            max_portion_kcal=settings.max_portion_kcal,
            vegetarian=settings.vegetarian,
            extra=recipe_candidates(evaluator, book) if book is not None and settings.recipes
            else (),
        )  # fmt: skip
    rng = np.random.default_rng(seed)
    short = shortlist(evaluator, candidates, settings, rng)
    if progress:
        progress(0.05)
    days = sorted({day for day, _m in cells})
    bases = _bases(evaluator, plan, week_days, cells)
    # What the week's locked meals already hold, for the week's constraints.
    used: dict[str, int] = {}
    for day in week_days:
        for meal in MEALS:
            if (day, meal) not in cells:
                for entry in plan.cell(day, meal):
                    used[entry.food_id] = used.get(entry.food_id, 0) + 1
    min_g = evaluator.config.parts["plants"]["min_g"]
    week_species = frozenset(
        code for d in week_days for code, g in bases[d].species_g.items() if g >= min_g
    )
    live_days = sum(1 for d in week_days if bases[d].sums[S["live"]] > 0)
    # Days with nothing to fill still count in the week, but are not in the program.
    recent = frozenset(
        entry.food_id
        for day in range(max(0, first - 2 * DAYS_PER_WEEK), first)
        for _m, _i, entry in plan.day_entries(day)
    )
    noise = rng.uniform(0.0, settings.noise, 4099)
    # The days one by one: a week as one program spends seconds to minutes at its root
    # node alone; each day's program knows what the days before it chose.
    deadline = started + time_limit - 0.3
    picked, programs, solutions = _day_by_day(
        evaluator, short, days, bases, settings, used, week_species, live_days, recent,
        noise, deadline, cancel, progress,
    )  # fmt: skip
    status = "optimal" if programs else "nothing to fill"
    if picked is None and not (cancel is not None and cancel.is_set()):
        # A day found nothing in its time: the week as one program, in what time is left.
        prog = build_program(
            evaluator, short, days, {d: bases[d] for d in days}, settings,
            week_used=used, week_species=week_species, week_live_days=live_days,
            recent=recent, noise=noise, plants_asked=settings.plants_per_week,
            live_asked=settings.live_culture_days,
        )  # fmt: skip
        values, status = _run(prog, deadline - time.perf_counter(), WEEK_NODES, cancel, None)
        if values is not None:
            picked = [key for column, key in enumerate(prog.choices) if values[column] > 0.5]
            programs, solutions = [prog], [values]
    if cancel is not None and cancel.is_set():
        status = "cancelled"
    if picked is None:
        message = _(
            "The planner found no plan in {seconds} s; give it more time or fewer constraints."
        )
        raise PlannerError(message.format(seconds=f"{time_limit:.0f}"))
    new_cells: dict[Cell, tuple[Entry, ...]] = {cell: () for cell in cells}
    chosen: list[Chosen] = []
    for ci, p, d, m in sorted(picked, key=lambda k: (k[2], MEALS.index(k[3]), k[0])):
        cand = short[ci]
        new_cells[(d, m)] = new_cells[(d, m)] + cand.plan_entries(p)
        portion = cand.portions[p]
        chosen.append(
            Chosen(
                d,
                m,
                cand.id,
                cand.name,
                cand.role,
                portion.grams,
                portion.kcal,
                portion_adds(evaluator, cand, p),
            )
        )
    # Translators: the undo history's name for filling a week.
    edit = SetCells(
        {cell: new_cells[cell] for cell in sorted(cells, key=cell_order)},
        label=label if label is not None else _("Fill week"),
    )
    filled = plan.copy()
    edit.apply(filled)
    scored = evaluator.evaluate(filled, days=week_days, tips=False)
    day_scores = tuple(d for d in scored.days if d.day in days)
    relaxed = what_gave_way(programs, solutions, settings, prefs_avoid, scored, week, days)
    estimate = {
        d: float(sum(values[c] * k for c, k in prog.score_cols[d]))
        for prog, values in zip(programs, solutions, strict=True)
        for d in prog.score_cols
    }
    explanations = explain_days(plan, day_scores, chosen)
    return AutoplanResult(
        edit=edit,
        days=day_scores,
        chosen=tuple(chosen),
        relaxed=tuple(relaxed),
        explanations=explanations,
        status=status,
        seconds=time.perf_counter() - started,
        candidates=len(candidates),
        shortlisted=len(short),
        model_estimate=estimate,
    )
