"""`gutskin autoplan PLAN -o OUT`: fill a week's meals with food people eat, by the score.

planner.cli.commands wires it in lazily: build_parser calls ``add_autoplan_parser(sub)``
and COMMANDS gets ``"autoplan": cmd_autoplan``. By default only the week's empty meals
are filled (meals holding food stay as they are); ``--replace`` refills every meal.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from planner.cli.common import (
    is_stdout,
    json_text,
    load_book,
    load_catalog,
    looks_like_plan,
    refuse_output,
    say,
    write_stdout,
)
from planner.errors import PlannerError
from planner.i18n import _, format_number, ngettext

_RANGE = re.compile(r"^\s*(\d{3,4})\s*-\s*(\d{3,4})\s*$")
_DISHES = re.compile(r"^\s*(breakfast|lunch|dinner|snacks)\s*=\s*(\d)\s*(?:-\s*(\d)\s*)?$")
# Under the 10 s a run may take: the solver's budget, with ~2 s for loading the catalog.
DEFAULT_SECONDS = 7.0


def _energy(text: str) -> tuple[float, float]:
    match = _RANGE.match(text)
    if not match:
        raise argparse.ArgumentTypeError(
            _("{text} is not an energy range like 1800-2400").format(text=repr(text[:20]))
        )
    return float(match[1]), float(match[2])


def _ids(text: str) -> frozenset[str]:
    return frozenset(part.strip() for part in text.split(",") if part.strip())


# Diets by name, as people say them: vegan is no animal foods; vegetarian is --vegetarian.
DIETS = {"vegan": "animal"}


MAX_SEED = 2**32 - 1  # numpy's seeds: 0 to 2**32 - 1


def _seed(text: str) -> int:
    try:
        seed = int(text)
    except ValueError:
        seed = -1
    if not 0 <= seed <= MAX_SEED:
        raise argparse.ArgumentTypeError(
            _("{text} is not a seed: a whole number from 0 to {most}").format(
                text=repr(text[:20]), most=MAX_SEED
            )
        )
    return seed


def _tags(text: str) -> frozenset[str]:
    tags = (t.strip().casefold() for t in text.split(",") if t.strip())
    return frozenset(DIETS.get(tag, tag) for tag in tags)


def _dishes(text: str) -> dict[str, tuple[int, int]]:
    found = {}
    for part in text.split(","):
        if not part.strip():
            continue
        match = _DISHES.match(part)
        if not match:
            raise argparse.ArgumentTypeError(
                # Translators: the meal names are the option's values: not translated.
                _("{text} is not like lunch=2-3 (breakfast, lunch, dinner, snacks)").format(
                    text=repr(part.strip()[:30])
                )
            )
        low = int(match[2])
        found[match[1]] = (low, int(match[3]) if match[3] else low)
    return found


def add_autoplan_parser(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "autoplan", help=_("fill a week's meals by the score, with foods eaten as they are")
    )
    p.add_argument("plan", type=Path)
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT", help=_("'-' for stdout")
    )
    p.add_argument("--week", type=int, default=1, metavar="N", help=_("week to fill (from 1)"))
    p.add_argument(
        "--seed", type=_seed, default=0, metavar="S", help=_("another seed, another plan")
    )
    p.add_argument("--replace", action="store_true", help=_("refill every meal of the week"))
    p.add_argument("--avoid", type=_tags, default=frozenset(), metavar="TAGS",
                   help=_("diet tags to avoid: dairy,gluten,fish,soy,nuts,alcohol,animal; "
                   "vegan (= animal) and vegetarian also"))  # fmt: skip
    p.add_argument("--vegetarian", action="store_true", help=_("no meat or fish (eggs, dairy ok)"))
    p.add_argument("--energy", type=_energy, default=(1800.0, 2400.0), metavar="LOW-HIGH",
                   help=_("energy per day in kcal (default 1800-2400)"))  # fmt: skip
    p.add_argument("--dislike", type=_ids, action="extend", default=[], metavar="ID",
                   help=_("a food or recipe never to plan (repeatable; recipe:ID or the "
                   "recipe's id; commas also separate)"))  # fmt: skip
    p.add_argument("--like", type=_ids, action="extend", default=[], metavar="ID",
                   help=_("a food or recipe to prefer (repeatable)"))  # fmt: skip
    p.add_argument("--recipes", action=argparse.BooleanOptionalAction, default=True,
                   help=_("recipes (starter and your own) as well as foods (default on)"),
                   )  # fmt: skip
    p.add_argument("--pantry", type=_ids, default=frozenset(), metavar="IDS",
                   help=_("food ids at home: used first"))  # fmt: skip
    p.add_argument("--plants", type=int, default=30, metavar="N",
                   help=_("different plants a week (default 30)"))  # fmt: skip
    p.add_argument("--live-days", type=int, default=5, metavar="N",
                   help=_("days with a live-culture food (default 5)"))  # fmt: skip
    p.add_argument("--max-same", type=int, default=3, metavar="N",
                   help=_("the same food at most N times a week (default 3)"))  # fmt: skip
    p.add_argument("--dishes", type=_dishes, default={}, metavar="MEAL=MIN-MAX,...",
                   help=_("dishes per meal, e.g. lunch=2-3,snacks=1-2"))  # fmt: skip
    p.add_argument("--limit-allowance", type=int, default=0, metavar="N",
                   help=_("servings of foods to limit allowed a week (default 0)"))  # fmt: skip
    p.add_argument("--time-limit", type=float, default=DEFAULT_SECONDS, metavar="S",
                   help=_("seconds the solver may take (default {seconds})").format(
                       seconds=format_number(DEFAULT_SECONDS)))  # fmt: skip
    p.add_argument("--fiber-target", type=float, metavar="G", help=_("daily fiber target in g"))
    p.add_argument("--acne-prone", action="store_true", help=_("count milk as a limit food"))
    p.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    p.add_argument("--force", action="store_true", help=_("replace an existing output file"))
    return p


def settings_from_args(args: argparse.Namespace):  # -> planner.autoplan.model.Settings
    from planner.autoplan.model import Settings

    avoid = frozenset(args.avoid) - {"vegetarian"}
    dishes = dict(Settings().dishes)
    dishes.update(args.dishes)
    return Settings(
        energy_min=args.energy[0],
        energy_max=args.energy[1],
        avoid_tags=avoid,
        disliked=frozenset(args.dislike),
        liked=frozenset(args.like),
        pantry=args.pantry,
        max_same_per_week=args.max_same,
        plants_per_week=args.plants,
        live_culture_days=args.live_days,
        dishes=dishes,
        limit_allowance=args.limit_allowance,
        vegetarian=args.vegetarian or "vegetarian" in args.avoid,
        recipes=args.recipes,
    )


def dish_ids(given: Iterable[str], catalog, book) -> tuple[frozenset[str], list[str]]:
    """Liked or disliked ids as the planner reads them: a food's id, or "recipe:" and a
    recipe's id (a recipe's bare id is taken too when no food has it); and the ids that
    name nothing."""
    from planner.autoplan.recipes import PREFIX

    found, unknown = set(), []
    for text in given:
        if text in catalog:
            found.add(text)
        elif book is not None and text.removeprefix(PREFIX) in book:
            found.add(PREFIX + text.removeprefix(PREFIX))
        else:
            unknown.append(text)
    return frozenset(found), unknown


# What the solver keeps however long the loading took: enough for a first plan.
MIN_SOLVE_SECONDS = 1.0


def cmd_autoplan(args: argparse.Namespace) -> int:
    # The time limit holds for the whole command: reading the plan, the catalog and the
    # recipes comes out of the solver's share (on a loaded machine it can take seconds).
    began = time.perf_counter()
    from planner.autoplan.solve import autoplan, empty_cells, week_cells
    from planner.recipes.resolve import PlanResolver
    from planner.scoring.evaluator import Evaluator
    from planner.scoring.model import Preferences
    from planner.storage.planfile import dumps, load_plan, save_plan

    if args.json and is_stdout(args.output):
        raise PlannerError(_("--json prints the result: write the plan to a file with -o FILE."))
    if not 0.5 <= args.time_limit <= 600:
        raise PlannerError(_("--time-limit must be 0.5 to 600 seconds."))
    refuse_output(args.output, args.plan, args.force, looks_like_plan)
    settings = settings_from_args(args)
    plan = load_plan(args.plan)
    if not 1 <= args.week <= plan.weeks:
        raise PlannerError(_("--week must be 1 to {last}.").format(last=plan.weeks))
    week = args.week - 1
    catalog = load_catalog()
    book = load_book(catalog)
    liked, unknown_liked = dish_ids(args.like, catalog, book)
    disliked, unknown_disliked = dish_ids(args.dislike, catalog, book)
    unknown = sorted({*unknown_liked, *unknown_disliked})
    if unknown:
        raise PlannerError(
            ngettext(
                "No food or recipe has the id {ids}; `gutskin foods` and `gutskin recipes` "
                "list them.",
                "No food or recipe has the ids {ids}; `gutskin foods` and `gutskin recipes` "
                "list them.",
                len(unknown),
            ).format(ids=", ".join(repr(u[:40]) for u in unknown[:5]))
        )
    unknown = sorted(f for f in args.pantry if f not in catalog)
    if unknown:
        raise PlannerError(
            ngettext(
                "No food has the id {ids}.", "No food has the ids {ids}.", len(unknown)
            ).format(ids=", ".join(unknown[:5]))
        )
    settings = replace(settings, liked=liked, disliked=disliked)
    prefs = Preferences(
        fiber_target_g=args.fiber_target,
        acne_prone=args.acne_prone,
        avoid_tags=settings.avoid_tags,
    )
    # Recipe entries, already planned or placed now, are counted through the book.
    evaluator = Evaluator(catalog, prefs=prefs, resolver=PlanResolver(catalog, book))
    cells = week_cells(plan, week) if args.replace else empty_cells(plan, week)
    result = autoplan(
        plan,
        evaluator,
        settings,
        week=week,
        open_cells=cells,
        seed=args.seed,
        time_limit=max(args.time_limit - (time.perf_counter() - began), MIN_SOLVE_SECONDS),
        book=book if args.recipes else None,
        label=_("Fill week"),
    )
    result.edit.apply(plan)
    if is_stdout(args.output):
        write_stdout(dumps(plan))
    else:
        save_plan(plan, args.output)
    if args.json:
        print(json_text(result_json(plan, result, catalog, evaluator.resolver)))
        return 0
    out = sys.stderr if is_stdout(args.output) else sys.stdout
    average = (
        _("no day filled")
        if result.average is None
        else _("average {score}").format(score=format_number(result.average, 0))
    )
    filled = ngettext(
        "Filled {count} meal of week {week} in {seconds} s ({average}; scores by the app's "
        "evaluator, the plan chosen on a linear approximation).",
        "Filled {count} meals of week {week} in {seconds} s ({average}; scores by the app's "
        "evaluator, the plan chosen on a linear approximation).",
        len(cells),
    )
    say(filled.format(count=len(cells), week=args.week,
                      seconds=format_number(result.seconds, 1), average=average),
        file=out)  # fmt: skip
    for relaxed in result.relaxed:
        # Translators: a constraint of the auto-planner that could not be met in full.
        say(_("Relaxed: {sentence}").format(sentence=relaxed.sentence), file=out)
    for day in sorted(result.explanations):
        for line in result.explanations[day].splitlines():
            say(line, file=out)
    if not is_stdout(args.output):
        say(_("Wrote {file}.").format(file=args.output), file=out)
    return 0


def result_json(plan, result, catalog, resolver=None) -> dict:
    """The filled week as JSON; each entry with its amount and unit, and its servings
    and grams where the resolver (default: foods only) knows them."""
    from planner.core.amounts import FoodResolver
    from planner.core.plan import MEALS, UNIT_SERVING

    resolver = resolver or FoodResolver(catalog)
    name_of = getattr(resolver, "name_of", catalog.name_of)

    def entry_json(entry) -> dict:
        grams = resolver.grams(entry)
        servings = entry.amount if entry.unit == UNIT_SERVING else None
        return {
            "id": entry.food_id,
            "name": name_of(entry.food_id),
            "amount": entry.amount,
            "unit": entry.unit,
            "servings": servings,  # the auto-planner places foods in servings
            "grams": None if grams is None else round(grams, 1),
        }

    days = []
    for score in result.days:
        meals = {
            meal: [entry_json(entry) for entry in plan.cell(score.day, meal)] for meal in MEALS
        }
        days.append(
            {
                "day": score.day + 1,
                "date": score.date.isoformat(),
                "score": None if score.score is None else round(score.score, 1),
                "energy_kcal": round(score.energy_kcal, 0),
                "plants": list(score.plants),
                "meals": meals,
                "why": result.explanations.get(score.day, score.why),
            }
        )
    return {
        "status": result.status,
        "seconds": round(result.seconds, 2),
        "average": None if result.average is None else round(result.average, 1),
        "candidates": result.candidates,
        "shortlisted": result.shortlisted,
        "relaxed": [
            {"constraint": r.key, "asked": r.asked, "got": r.got, "sentence": r.sentence}
            for r in result.relaxed
        ],
        "days": days,
        "note": "Scores are the app's Evaluator's; the plan was chosen by a linear "
        "approximation of the score (docs/autoplan.md).",
    }
