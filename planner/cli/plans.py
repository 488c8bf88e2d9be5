"""The plan commands of `gutskin`: foods, score, suggest, new, import, export-csv and
export (the PDF). Each imports what it needs when it runs, so that the app's start, which
loads planner.cli.commands, loads none of it."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from planner.cli.common import (
    evaluator_for,
    is_stdout,
    json_text,
    load_catalog,
    looks_like_csv,
    looks_like_pdf,
    printable,
    refuse_output,
    refuse_overwrite,
    resolver_for,
    same_file,
    say,
    write_stdout,
)
from planner.errors import PlannerError
from planner.i18n import _, format_number, ngettext

if TYPE_CHECKING:
    from planner.core.amounts import Resolver
    from planner.core.plan import Plan


def cmd_foods(args: argparse.Namespace) -> int:
    from planner.core.foods import SR28

    catalog = load_catalog(include_sr28=args.all or bool(args.search))
    foods = catalog.search(args.search, category=args.category)
    if not args.all and not args.search:
        foods = [f for f in foods if f.origin != SR28]
    if args.json:
        print(json_text([_food_json(f) for f in foods]))
        return 0
    for food in foods:
        fiber = food.nutrients.get("fiber_g")
        fiber_text = (
            _("fiber ?")
            if fiber is None
            # A pinch's fiber (0.04 g) is not "0 g".
            else _("fiber {grams} g").format(grams=format_number(fiber, 2 if fiber < 0.1 else 1))
        )
        cats = ", ".join(sorted(food.categories)) or "-"
        name, serving = printable(food.name)[:48], printable(food.serving_label)[:18]
        say(f"{food.id:<14} {name:<48} {serving:<18} {fiber_text:<12} {cats}")
    count = len(foods)
    print(ngettext("{count} food", "{count} foods", count).format(count=count), file=sys.stderr)
    return 0


def _food_json(food) -> dict:
    return {
        "id": food.id,
        "name": food.name,
        "categories": sorted(food.categories),
        "serving": food.serving_label,
        "grams": food.grams,
        "fiber_g": food.nutrients.get("fiber_g"),
        "plant": food.plant,
        "aisle": food.aisle,
        "ndb": food.ndb,
        "tags": sorted(food.tags),
        "limit_kind": food.limit_kind,
        "origin": food.origin,
        "nutrients": food.nutrients,
    }


def score_json(plan, result) -> dict:
    def day_json(d) -> dict:
        return {
            "day": d.day + 1,
            "date": d.date.isoformat(),
            "planned": d.planned,
            "score": None if d.score is None else round(d.score, 1),
            # score = completeness x the sum of the parts' points
            "completeness": round(d.completeness, 3),
            "energy_kcal": round(d.energy_kcal),
            "parts": {
                p.key: {"points": round(p.points, 1), "max": p.max_points, "sentence": p.sentence}
                for p in d.parts
            },
            "limit_doses": {key: round(amount, 1) for key, amount in d.limit_servings.items()},
            "fiber_g": round(d.fiber_g, 1),
            "fiber_unknown": list(d.fiber_unknown),
            "plants": len(d.plants),
            "plant_names": list(d.plants),
            "cultures": {state: list(names) for state, names in d.cultures.items()},
            # null: no food of the day has a known value (unknown, not 0)
            "skin": {s.key: None if s.is_unknown else round(s.share, 3) for s in d.skin},
            # the foods whose value is unknown, per nutrient
            "unknown_values": {key: list(names) for key, names in d.unknown.items()},
            "unknown_foods": list(d.unknown_foods),
            "why": d.why,
            "tip": d.tip,
        }

    weeks = [
        {
            "week": w.week + 1,
            "start": plan.date_of(w.week * 7).isoformat(),
            "average": None if w.average is None else round(w.average, 1),
            "planned_days": w.planned_days,
            "plants": len(w.plants),
            "plants_target": w.plants_target,
            "fermented_days": w.fermented_days,
        }
        for w in result.weeks
    ]
    return {"days": [day_json(d) for d in result.days], "weeks": weeks}


def cmd_score(args: argparse.Namespace) -> int:
    from planner.storage.planfile import load_plan

    plan = load_plan(args.plan)
    catalog = load_catalog()
    result = evaluator_for(args, catalog).evaluate(plan)
    if args.json:
        print(json_text(score_json(plan, result)))
        return 0
    from planner.export.dates import day_label, full_day_label

    for week in result.weeks:
        avg = (
            _("not planned")
            if week.average is None
            else _("average {score}").format(score=format_number(week.average, 0))
        )
        plants = ngettext(
            "{count} of {target} plant", "{count} of {target} plants", week.plants_target
        ).format(count=len(week.plants), target=week.plants_target)
        live = ngettext(
            "{count} day with a live-culture food",
            "{count} days with a live-culture food",
            week.fermented_days,
        ).format(count=week.fermented_days)
        # Translators: the heading of a week in `gutskin score`; {plants} and {live} are
        # "12 of 30 plants" and "3 days with a live-culture food".
        heading = _("Week of {date}: {average}, {plants}, {live}")
        say(heading.format(date=full_day_label(plan.date_of(week.week * 7)), average=avg,
                           plants=plants, live=live))  # fmt: skip
        for d in week.days:
            head = f"  {day_label(d.date)}  "
            if not d.planned:
                say(head + d.why)
                continue
            count = len(d.plants)
            line = ngettext(
                "score {score}   fiber {fiber} g, {count} plant",
                "score {score}   fiber {fiber} g, {count} plants",
                count,
            ).format(score=format_number(d.score or 0, 0), fiber=format_number(d.fiber_g, 1),
                     count=count)  # fmt: skip
            say(head + line)
            for part in d.parts:
                points = (
                    f"{format_number(part.points, 0):>4}/{format_number(part.max_points, 0):<3}"
                )
                say(f"      {part.label:<17} {points} {part.sentence}")
            if d.completeness < 1:
                say("      " + _(
                    "Energy {kcal} kcal: the day counts as {percent} % complete"
                ).format(kcal=format_number(d.energy_kcal, 0),
                         percent=format_number(100 * d.completeness, 0)))  # fmt: skip
            skin = ", ".join(f"{s.label} {s.text()}" for s in d.skin)
            say("      " + _("Skin nutrients (share of daily value): {list}").format(list=skin))
            if d.unknown_foods:
                names = ", ".join(d.unknown_foods)
                say("      " + _("Not in the catalog: {names}").format(names=names))
            if d.tip:
                say(f"      {d.tip}")
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    from planner.storage.planfile import load_plan

    plan = load_plan(args.plan)
    if not 1 <= args.day <= plan.day_count:
        raise PlannerError(_("--day must be 1 to {last}.").format(last=plan.day_count))
    if not 1 <= args.top <= 100:
        raise PlannerError(_("--top must be 1 to 100."))
    if not 0 <= args.dishes <= 100:
        raise PlannerError(_("--dishes must be 0 to 100."))
    from planner.recipes.resolve import suggest_recipes

    catalog = load_catalog()
    evaluator = evaluator_for(args, catalog)
    suggestions = evaluator.suggest(plan, args.day - 1, top=args.top, swaps=True)
    dishes = suggest_recipes(evaluator, plan, args.day - 1, args.dishes) if args.dishes else []
    if args.json:
        rows = [
            {
                "id": s.food_id,
                "name": s.name,
                "serving": s.serving_label,
                "gain": round(s.gain, 2),
                "new_score": round(s.new_score, 1),
                "reason": s.reason,
                "replaces": s.replaces,
                **({"recipe": True} if s.food_id.startswith("recipe:") else {}),
            }
            for s in [*suggestions, *dishes]
        ]
        print(json_text(rows))
        return 0
    if not suggestions:
        say(_("No single food would raise this day's score."))
    for s in suggestions:
        say(f"+{format_number(s.gain, 1):>4}  {s.text} [{s.food_id}]: {s.reason}")
    if args.dishes:
        say(_("Dishes:") if dishes else _("No dish would raise this day's score."))
        for s in dishes:
            say(f"+{format_number(s.gain, 1):>4}  {s.text} [{s.food_id}]: {s.reason}")
    return 0


def locale_week_start() -> date:
    """This week's first day as the user's locale counts weeks (planner.i18n): where a
    new plan starts unless --start says otherwise."""
    from planner.core.plan import week_start
    from planner.i18n import first_weekday

    return week_start(first_weekday=first_weekday())


def cmd_new(args: argparse.Namespace) -> int:
    from planner.core.edits import SetStart
    from planner.core.plan import Plan
    from planner.storage.sample import sample_plan

    if not is_stdout(args.plan):
        refuse_overwrite(args.plan, args.force)
    start = args.start or locale_week_start()
    plan = sample_plan(start) if args.sample else Plan(start)
    if not args.sample:
        SetStart(start).apply(plan)
    count = plan.entry_count()
    resolver = None
    if count:  # the sample week's curated foods: their grams are written too
        from planner.core.amounts import FoodResolver

        resolver = FoodResolver(load_catalog(include_sr28=False))
    saved = ngettext("Wrote {file} ({count} food).", "Wrote {file} ({count} foods).", count)
    piped = ngettext(
        "Wrote the plan to stdout ({count} food).",
        "Wrote the plan to stdout ({count} foods).",
        count,
    )
    _write_plan(plan, args.plan, saved.format(file=args.plan, count=count),
                piped.format(count=count), resolver)  # fmt: skip
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from planner.storage.csvio import import_csv

    if same_file(args.output, args.csv):  # even with --force: the input would be lost
        raise PlannerError(
            _("{file} is the file being read; choose another output file.").format(file=args.output)
        )
    if not is_stdout(args.output):
        refuse_overwrite(args.output, args.force)
    catalog = load_catalog()
    plan = import_csv(args.csv, catalog, start=args.start or locale_week_start())
    count = plan.entry_count()
    saved = ngettext(
        "Imported {count} food into {file}.", "Imported {count} foods into {file}.", count
    )
    piped = ngettext("Imported {count} food to stdout.", "Imported {count} foods to stdout.", count)
    _write_plan(plan, args.output, saved.format(count=count, file=args.output),
                piped.format(count=count), resolver_for(catalog))  # fmt: skip
    return 0


def _write_plan(
    plan: Plan, output: Path, saved: str, piped: str, resolver: Resolver | None = None
) -> None:
    """Save ``plan`` to ``output`` and say ``saved``, or write it to standard output and
    say ``piped`` on standard error (so that the pipe holds only the plan). With
    ``resolver``, each entry's grams are written too."""
    from planner.storage.planfile import dumps, save_plan

    if is_stdout(output):
        write_stdout(dumps(plan, resolver))
        say(piped, file=sys.stderr)
    else:
        save_plan(plan, output, resolver)
        say(saved)


def cmd_export_csv(args: argparse.Namespace) -> int:
    from planner.storage.csvio import export_csv, export_csv_text
    from planner.storage.planfile import load_plan

    refuse_output(args.output, args.plan, args.force, looks_like_csv)
    plan = load_plan(args.plan)
    if is_stdout(args.output):
        write_stdout(export_csv_text(plan, load_catalog()).encode("utf-8"))
        rows = plan.entry_count()
        text = ngettext("Wrote {count} row to stdout.", "Wrote {count} rows to stdout.", rows)
        say(text.format(count=rows), file=sys.stderr)
        return 0
    export_csv(plan, load_catalog(), args.output)
    rows = plan.entry_count()
    text = ngettext("Wrote {file} ({count} row).", "Wrote {file} ({count} rows).", rows)
    say(text.format(file=args.output, count=rows))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from planner.cli.weeks import selected_weeks
    from planner.export.pdf import export_pdf, render_pdf
    from planner.storage.planfile import load_plan

    refuse_output(args.output, args.plan, args.force, looks_like_pdf)
    to_stdout = is_stdout(args.output)
    if to_stdout and sys.stdout.isatty():
        raise PlannerError(
            _("A PDF is not for a terminal: give a file with -o FILE, or pipe the output.")
        )
    plan = load_plan(args.plan)
    catalog = load_catalog()
    have = frozenset(part.strip() for part in args.have.split(",") if part.strip())
    unknown = sorted(food_id for food_id in have if food_id not in catalog)
    if unknown:
        raise PlannerError(
            ngettext(
                "--have: no food has the id {ids}.",
                "--have: no food has the ids {ids}.",
                len(unknown),
            ).format(ids=", ".join(unknown))
        )
    options = {
        "paper": args.paper,
        "shopping": not args.no_shopping,
        "notes": args.notes,
        "have": have,
        "weeks": selected_weeks(plan, args.weeks),
        "recipes": args.recipes,
    }
    evaluator = evaluator_for(args, catalog)  # counts recipe entries (starter and own)
    if to_stdout:
        write_stdout(render_pdf(plan, evaluator, **options))
        say(_("Wrote the PDF to stdout."), file=sys.stderr)
        return 0
    export_pdf(plan, evaluator, args.output, **options)
    say(_("Wrote {file}.").format(file=args.output))
    return 0
