"""Upgrading plan documents written by older versions of the app, one version at a time.

``STEPS[n]`` turns a parsed document of version n into one of version n + 1 and returns a
new dict (the parsed input and the file on disk are never changed: a migrated plan is
written in the current format only when the user saves it). Every version from ``OLDEST``
up to the current one has a step, and each step is tested with a fixture file of its
version (tests/data/migrations/). See docs/file-format.md for the older layouts.
"""

from __future__ import annotations

from collections.abc import Callable

from planner.i18n import _

OLDEST = 0

# Version 0, the pre-release layout: one week, a mapping of weekday to a mapping of meal to
# foods, where a food is an id (one serving) or {"food": id, "servings": n}.
V0_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
V0_MEALS = {"breakfast": "breakfast", "lunch": "lunch", "dinner": "dinner", "snack": "snacks",
            "snacks": "snacks"}  # fmt: skip


class MigrationError(ValueError):
    """An old document that does not have its version's layout; the message says where."""


def _v0_to_v1(document: dict) -> dict:
    days = document.get("days")
    if not isinstance(days, dict):
        # Translators: "days" is the key a file holds: keep it in English.
        raise MigrationError(_('it has no days (version 0 keeps them under "days")'))
    entries: list[dict] = []
    for key in sorted(days, key=lambda k: V0_DAYS.index(k.lower()) if k.lower() in V0_DAYS else 9):
        day = key.lower()
        if day not in V0_DAYS:
            # Translators: {days} are the day names an old file holds, which stay in English.
            message = _("{key!r} is not a day ({days})")
            raise MigrationError(message.format(key=key[:20], days=", ".join(V0_DAYS)))
        meals = days[key]
        if not isinstance(meals, dict):
            # Translators: {day} is a day's name as the file holds it ("monday").
            raise MigrationError(_("{day} is not a mapping of meals").format(day=day))
        for meal_key, foods in meals.items():
            meal = V0_MEALS.get(meal_key.lower())
            if meal is None:
                message = _("{day}: {meal!r} is not a meal")
                raise MigrationError(message.format(day=day, meal=meal_key[:20]))
            if not isinstance(foods, list):
                # Translators: {day} and {meal} as the file holds them ("monday lunch").
                message = _("{day} {meal}: the foods are not a list")
                raise MigrationError(message.format(day=day, meal=meal))
            for number, food in enumerate(foods, start=1):
                if isinstance(food, str):
                    food = {"food": food, "servings": 1}
                if not isinstance(food, dict):
                    message = _("{day} {meal}: food {number} is not a food")
                    raise MigrationError(message.format(day=day, meal=meal, number=number))
                entries.append(
                    {
                        "day": V0_DAYS.index(day),
                        "meal": meal,
                        "food": food.get("food"),
                        "servings": food.get("servings", 1),
                    }
                )
    # Meals keep their order within a day: breakfast, lunch, dinner, snacks.
    order = list(dict.fromkeys(V0_MEALS.values()))
    entries.sort(key=lambda e: (e["day"], order.index(e["meal"])))
    upgraded = {k: v for k, v in document.items() if k != "days"}
    upgraded.update(version=1, weeks=1, entries=entries)
    return upgraded


def _v1_to_v2(document: dict[str, object]) -> dict[str, object]:
    """Version 2 adds the plan's id and its rules with the templates they use. An old
    plan has no rules; its id is derived from its start date, so that every export of the
    same old file gives its calendar events the same ids (saving then keeps that id)."""
    import uuid  # only old files need it: not on the way to the first window

    upgraded = dict(document)
    upgraded.update(
        version=2,
        id=uuid.uuid5(uuid.NAMESPACE_URL, f"gutskin-plan:{document.get('start')}").hex,
        templates=[],
        rules=[],
    )
    return upgraded


def _v2_to_v3(document: dict[str, object]) -> dict[str, object]:
    """Version 3 gives each entry an amount and a unit instead of servings: n servings
    become amount n in unit "serving", which is exact (the serving's weight in grams is
    written on the next save, when the catalog is at hand). Entries that are not objects
    are left for the reader to report."""
    entries = document.get("entries")
    upgraded = dict(document)
    upgraded["version"] = 3
    if isinstance(entries, list):
        upgraded["entries"] = [_v3_entry(item) for item in entries]
    return upgraded


def _v3_entry(item: object) -> object:
    if not isinstance(item, dict):
        return item
    entry = {key: value for key, value in item.items() if key != "servings"}
    entry["amount"] = item.get("servings")
    entry["unit"] = "serving"
    return entry


STEPS: dict[int, Callable[[dict], dict]] = {0: _v0_to_v1, 1: _v1_to_v2, 2: _v2_to_v3}


def upgrade(document: dict, version: int, current: int) -> dict:
    """The document brought from ``version`` up to ``current``; raises MigrationError."""
    if version < OLDEST:
        raise MigrationError(
            _("its version {version} is not one this app knows").format(version=version)
        )
    while version < current:
        document = STEPS[version](document)
        version += 1
    return document
