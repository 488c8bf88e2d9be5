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
from planner.i18n import _, format_number
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
        # Translators: {where} names a part of the file: "template 3", "rule 2", "the plan".
        raise DocumentError(_("{where}: the id is missing or not valid").format(where=where))
    return value


def _stamp(value: object, where: str, key: str) -> datetime:
    try:
        stamp = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        stamp = None
    if stamp is None or stamp.tzinfo is None:
        # Translators: {key} is the file's key ("created", "modified"); the example is ISO 8601.
        message = _("{where}: {key} is not a date and time like 2026-11-30T09:00:00Z")
        raise DocumentError(message.format(where=where, key=key))
    return stamp


def template_from_json(item: object, where: str) -> Template:
    if not isinstance(item, dict):
        raise DocumentError(_("{where} is not an object").format(where=where))
    template_id = check_id(item.get("id"), where)
    cells = item.get("cells")
    if not isinstance(cells, list):
        raise DocumentError(_("{where} has no list of cells").format(where=where))
    grouped: dict[tuple[int, str], list[Entry]] = {}
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict):
            message = _("{where}, food {number} is not an object")
            raise DocumentError(message.format(where=where, number=number))
        day, meal, food = cell.get("day"), cell.get("meal"), cell.get("food")
        # Older files give servings; newer ones an amount and its unit.
        amount = cell.get("amount", cell.get("servings"))
        unit = cell.get("unit", UNIT_SERVING)
        if isinstance(day, bool) or not isinstance(day, int):
            message = _("{where}, food {number}: the day is not a day number")
            raise DocumentError(message.format(where=where, number=number))
        if not isinstance(meal, str) or not isinstance(food, str):
            message = _("{where}, food {number}: the meal or the food is missing")
            raise DocumentError(message.format(where=where, number=number))
        if isinstance(amount, bool) or not isinstance(amount, int | float):
            message = _("{where}, food {number}: the amount is not a number")
            raise DocumentError(message.format(where=where, number=number))
        if not isinstance(unit, str):
            message = _("{where}, food {number}: the unit is not a unit")
            raise DocumentError(message.format(where=where, number=number))
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
        raise DocumentError(_problem(where, exc)) from exc


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
        raise DocumentError(_("{where} is not an object").format(where=where))
    rule_id = check_id(item.get("id"), where)
    ids = item.get("templates")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise DocumentError(_("{where}: its templates are not a list of ids").format(where=where))
    missing = [i for i in ids if i not in templates]
    if missing:
        message = _("{where}: template {id!r} is not in the file")
        raise DocumentError(message.format(where=where, id=missing[0][:40]))
    weekdays = item.get("weekdays")
    if not isinstance(weekdays, list) or not all(
        isinstance(d, int) and not isinstance(d, bool) for d in weekdays
    ):
        message = _("{where}: its weekdays are not a list of numbers 0 to 6")
        raise DocumentError(message.format(where=where))
    anchor = iso_date(item.get("anchor"))
    if anchor is None:
        # Translators: the anchor is the date a rule counts from; the example is ISO 8601.
        message = _("{where}: its anchor is not a date like 2026-11-30")
        raise DocumentError(message.format(where=where))
    enabled, meal, name = item.get("enabled"), item.get("meal"), item.get("name")
    if not isinstance(enabled, bool):
        # Translators: "enabled", "true" and "false" are written in the file: keep them.
        raise DocumentError(_("{where}: enabled must be true or false").format(where=where))
    if meal is not None and not isinstance(meal, str):
        raise DocumentError(_("{where}: its meal is not a meal").format(where=where))
    if not isinstance(name, str):
        raise DocumentError(_("{where}: it has no name").format(where=where))
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
        raise DocumentError(_problem(where, exc)) from exc


# -- the part of a plan file (version 2) that holds rules ----------------------------------------
MAX_FILE_TEMPLATES = 2_000


def plan_id_from_document(document: Mapping[str, object]) -> str:
    return check_id(document.get("id"), _("the plan"))


def rules_from_document(document: Mapping[str, object]) -> tuple[Rule, ...]:
    """The rules of a version 2 plan document, with the templates they use; templates no
    rule uses are not kept (the app never writes them)."""
    raw_templates, raw_rules = document.get("templates", []), document.get("rules", [])
    if not isinstance(raw_templates, list) or not isinstance(raw_rules, list):
        raise DocumentError(_("its templates and rules must be lists"))
    if len(raw_templates) > MAX_FILE_TEMPLATES:
        message = _("it holds more than {most} templates")
        raise DocumentError(message.format(most=format_number(MAX_FILE_TEMPLATES, 0)))
    if len(raw_rules) > MAX_RULES:
        raise DocumentError(_("it holds more than {most} rules").format(most=MAX_RULES))
    templates: dict[str, Template] = {}
    for number, item in enumerate(raw_templates, start=1):
        template = template_from_json(item, template_where(number))
        if template.id in templates:
            message = _("template {number}: the id {id} appears twice")
            raise DocumentError(message.format(number=number, id=template.id[:40]))
        templates[template.id] = template
    rules: list[Rule] = []
    for number, item in enumerate(raw_rules, start=1):
        # Translators: {number} counts the rules in the file: "rule 2".
        rule = rule_from_json(item, templates, _("rule {number}").format(number=number))
        if any(other.id == rule.id for other in rules):
            message = _("rule {number}: the id {id} appears twice")
            raise DocumentError(message.format(number=number, id=rule.id[:40]))
        rules.append(rule)
    return tuple(rules)


def rules_to_document(rules: tuple[Rule, ...]) -> dict[str, object]:
    return {
        "templates": [template_to_json(t) for t in rule_templates(rules)],
        "rules": [rule_to_json(rule) for rule in rules],
    }


def template_where(number: int) -> str:
    """ "template 3": where in a file a template is, for messages."""
    # Translators: {number} counts the templates in the file: "template 3".
    return _("template {number}").format(number=number)


def _problem(where: str, exc: Exception) -> str:
    # Translators: {where} names a part of the file; {problem} says what is wrong with it.
    return _("{where}: {problem}").format(where=where, problem=str(exc).rstrip("."))
