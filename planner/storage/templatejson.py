"""Templates and rotation rules as JSON, the same in plan files and in the templates file.

A template:

    {"id": "3f2a...", "name": "Pizza night", "kind": "meal",
     "created": "2026-11-30T09:00:00+00:00", "modified": "2026-11-30T09:00:00+00:00",
     "cells": [{"day": 0, "meal": "dinner", "food": "pizza", "amount": 1, "unit": "serving"}]}

(Files written before amounts had units give ``"servings": n`` instead of amount and unit;
they are read as n servings.)

A rule names its templates by id (a plan file holds each template once):

    {"id": "9c1d...", "name": "Pizza night", "templates": ["3f2a..."], "meal": "dinner",
     "weekdays": [4], "step": "week", "anchor": "2026-11-30", "enabled": true}

Readers raise ``DocumentError`` (a ValueError) whose message completes "FILE: ...".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from planner.core.plan import UNIT_SERVING, Entry
from planner.core.rotations import MAX_RULES, Rule, make_rule, rule_templates
from planner.core.templates import Template, make_template
from planner.errors import PlanError
from planner.storage.strictjson import has_unprintable, iso_date

MAX_ID = 64


class DocumentError(ValueError):
    """A template or a rule in a file that cannot be read; the message says where."""


def template_to_json(template: Template) -> dict[str, object]:
    return {
        "id": template.id,
        "name": template.name,
        "kind": template.kind,
        "created": template.created.isoformat(),
        "modified": template.modified.isoformat(),
        "cells": [
            {
                "day": day,
                "meal": meal,
                "food": entry.food_id,
                "amount": entry.amount,
                "unit": entry.unit,
            }
            for day, meal, entries in template.cells
            for entry in entries
        ],
    }


def check_id(value: object, where: str) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= MAX_ID or has_unprintable(value):
        raise DocumentError(f"{where}: the id is missing or not valid")
    return value


def _stamp(value: object, where: str, key: str) -> datetime:
    try:
        stamp = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        stamp = None
    if stamp is None or stamp.tzinfo is None:
        raise DocumentError(f"{where}: {key} is not a date and time like 2026-11-30T09:00:00Z")
    return stamp


def template_from_json(item: object, where: str) -> Template:
    if not isinstance(item, dict):
        raise DocumentError(f"{where} is not an object")
    template_id = check_id(item.get("id"), where)
    cells = item.get("cells")
    if not isinstance(cells, list):
        raise DocumentError(f"{where} has no list of cells")
    grouped: dict[tuple[int, str], list[Entry]] = {}
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict):
            raise DocumentError(f"{where}, food {number} is not an object")
        day, meal, food = cell.get("day"), cell.get("meal"), cell.get("food")
        # Older files give servings; newer ones an amount and its unit.
        amount = cell.get("amount", cell.get("servings"))
        unit = cell.get("unit", UNIT_SERVING)
        if isinstance(day, bool) or not isinstance(day, int):
            raise DocumentError(f"{where}, food {number}: the day is not a day number")
        if not isinstance(meal, str) or not isinstance(food, str):
            raise DocumentError(f"{where}, food {number}: the meal or the food is missing")
        if isinstance(amount, bool) or not isinstance(amount, int | float):
            raise DocumentError(f"{where}, food {number}: the amount is not a number")
        if not isinstance(unit, str):
            raise DocumentError(f"{where}, food {number}: the unit is not a unit")
        grouped.setdefault((day, meal), []).append(Entry(food, float(amount), unit))
    try:
        return make_template(
            item.get("name"),  # type: ignore[arg-type]  # make_template checks it
            str(item.get("kind")),
            grouped,
            template_id=template_id,
            created=_stamp(item.get("created"), where, "created"),
            modified=_stamp(item.get("modified"), where, "modified"),
        )
    except PlanError as exc:
        raise DocumentError(f"{where}: {str(exc).rstrip('.')}") from exc


def rule_to_json(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.id,
        "name": rule.name,
        "templates": [template.id for template in rule.templates],
        "meal": rule.meal,
        "weekdays": sorted(rule.weekdays),
        "step": rule.step,
        "anchor": rule.anchor.isoformat(),
        "enabled": rule.enabled,
    }


def rule_from_json(item: object, templates: Mapping[str, Template], where: str) -> Rule:
    if not isinstance(item, dict):
        raise DocumentError(f"{where} is not an object")
    rule_id = check_id(item.get("id"), where)
    ids = item.get("templates")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise DocumentError(f"{where}: its templates are not a list of ids")
    missing = [i for i in ids if i not in templates]
    if missing:
        raise DocumentError(f"{where}: template {missing[0][:40]!r} is not in the file")
    weekdays = item.get("weekdays")
    if not isinstance(weekdays, list) or not all(
        isinstance(d, int) and not isinstance(d, bool) for d in weekdays
    ):
        raise DocumentError(f"{where}: its weekdays are not a list of numbers 0 to 6")
    anchor = iso_date(item.get("anchor"))
    if anchor is None:
        raise DocumentError(f"{where}: its anchor is not a date like 2026-11-30")
    enabled, meal, name = item.get("enabled"), item.get("meal"), item.get("name")
    if not isinstance(enabled, bool):
        raise DocumentError(f"{where}: enabled must be true or false")
    if meal is not None and not isinstance(meal, str):
        raise DocumentError(f"{where}: its meal is not a meal")
    if not isinstance(name, str):
        raise DocumentError(f"{where}: it has no name")
    try:
        return make_rule(
            [templates[i] for i in ids],
            anchor=anchor,
            meal=meal,
            weekdays=weekdays,
            step=str(item.get("step")),
            name=name,
            enabled=enabled,
            rule_id=rule_id,
        )
    except PlanError as exc:
        raise DocumentError(f"{where}: {str(exc).rstrip('.')}") from exc


# -- the part of a plan file (version 2) that holds rules ----------------------------------------
MAX_FILE_TEMPLATES = 2_000


def plan_id_from_document(document: Mapping[str, object]) -> str:
    return check_id(document.get("id"), "the plan")


def rules_from_document(document: Mapping[str, object]) -> tuple[Rule, ...]:
    """The rules of a version 2 plan document, with the templates they use; templates no
    rule uses are not kept (the app never writes them)."""
    raw_templates, raw_rules = document.get("templates", []), document.get("rules", [])
    if not isinstance(raw_templates, list) or not isinstance(raw_rules, list):
        raise DocumentError("its templates and rules must be lists")
    if len(raw_templates) > MAX_FILE_TEMPLATES:
        raise DocumentError(f"it holds more than {MAX_FILE_TEMPLATES:,} templates")
    if len(raw_rules) > MAX_RULES:
        raise DocumentError(f"it holds more than {MAX_RULES} rules")
    templates: dict[str, Template] = {}
    for number, item in enumerate(raw_templates, start=1):
        template = template_from_json(item, f"template {number}")
        if template.id in templates:
            raise DocumentError(f"template {number}: the id {template.id[:40]} appears twice")
        templates[template.id] = template
    rules: list[Rule] = []
    for number, item in enumerate(raw_rules, start=1):
        rule = rule_from_json(item, templates, f"rule {number}")
        if any(other.id == rule.id for other in rules):
            raise DocumentError(f"rule {number}: the id {rule.id[:40]} appears twice")
        rules.append(rule)
    return tuple(rules)


def rules_to_document(rules: tuple[Rule, ...]) -> dict[str, object]:
    return {
        "templates": [template_to_json(t) for t in rule_templates(rules)],
        "rules": [rule_to_json(rule) for rule in rules],
    }
