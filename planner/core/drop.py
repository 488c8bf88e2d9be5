"""What a drop, a paste or a keyboard move does to a plan: the one place these edits are built.

A drag or a clipboard copy carries foods (``Carried``): each with its amount and unit (a
recipe: its entry id "recipe:<id>" and "portion") and, when it
came from a meal of a plan, where it was (``source``) and which plan (``token``). The ui
turns its MIME data into a ``Carried`` (``decode_payload``) and asks ``drop_edit`` for the
edit; tests and the CLI use the same functions.
"""

from __future__ import annotations

import json
from collections.abc import Container, Sequence
from dataclasses import dataclass

from planner.core.edits import AddFood, Batch, Edit, RemoveEntry, entry_at
from planner.core.plan import MEALS, UNIT_SERVING, Entry, Plan, check_entry
from planner.errors import PlanError
from planner.i18n import _

# Version 2 carries each food's amount and unit; version 1 (servings) is still read, from a
# drag out of an older copy of the app.
PAYLOAD_VERSION = 2
_READ_VERSIONS = (1, 2)
MAX_PAYLOAD_BYTES = 256 * 1024
MAX_PAYLOAD_ITEMS = 500
MAX_FOOD_ID = 200

Source = tuple[int, str, int]  # (day, meal, index) in the plan a food came from


@dataclass(frozen=True)
class CarriedFood:
    """A dragged or copied food, with the plan position it came from, if any."""

    food_id: str
    amount: float = 1.0
    unit: str = UNIT_SERVING
    source: Source | None = None


@dataclass(frozen=True)
class Carried:
    """The foods of one drag or clipboard copy, the plan they came from (``token``) and,
    for a cut, the cut's serial: a paste of it is the second half of one move."""

    token: str | None
    items: tuple[CarriedFood, ...]
    cut: int | None = None


# -- the payload, as bytes ----------------------------------------------------------------------
def encode_payload(carried: Carried) -> bytes:
    payload = {
        "v": PAYLOAD_VERSION,
        "doc": carried.token,
        "items": [
            {
                "food": it.food_id,
                "amount": it.amount,
                "unit": it.unit,
                "from": list(it.source or ()) or None,
            }
            for it in carried.items
        ],
    }
    if carried.cut is not None:
        payload["cut"] = carried.cut
    return json.dumps(payload).encode("utf-8")


def _no_constants(name: str) -> float:
    raise ValueError(name)


def decode_payload(raw: bytes) -> Carried | None:
    """The foods of a payload, or None for malformed or oversized data (a drag may come
    from anywhere, so nothing in it is trusted)."""
    if not raw or len(raw) > MAX_PAYLOAD_BYTES:
        return None
    try:
        payload = json.loads(raw.decode("utf-8"), parse_constant=_no_constants)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(payload, dict) or not _known_version(payload.get("v")):
        return None
    token, raw_items, cut = payload.get("doc"), payload.get("items"), payload.get("cut")
    if not (token is None or isinstance(token, str)) or not isinstance(raw_items, list):
        return None
    if cut is not None and (isinstance(cut, bool) or not isinstance(cut, int)):
        return None
    if not 0 < len(raw_items) <= MAX_PAYLOAD_ITEMS:
        return None
    items = []
    for raw_item in raw_items:
        item = _decode_item(raw_item)
        if item is None:
            return None
        items.append(item)
    return Carried(token, tuple(items), cut)


def _known_version(version: object) -> bool:
    return type(version) is int and version in _READ_VERSIONS


def _decode_item(raw: object) -> CarriedFood | None:
    if not isinstance(raw, dict):
        return None
    food, source = raw.get("food"), raw.get("from")
    amount = raw.get("amount", raw.get("servings", 1.0))
    unit = raw.get("unit", UNIT_SERVING)
    if not isinstance(food, str) or not food or len(food) > MAX_FOOD_ID:
        return None
    try:  # an amount the plan could not hold is refused here, not at the drop
        entry = check_entry(Entry(food, amount, unit))  # type: ignore[arg-type]
    except PlanError:
        return None
    if source is not None:
        if not (isinstance(source, list) and len(source) == 3):
            return None
        day, meal, index = source
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (day, index)):
            return None
        if meal not in MEALS:
            return None
        source = (day, meal, index)
    return CarriedFood(food, entry.amount, entry.unit, source)


# -- the edits ----------------------------------------------------------------------------------
def drop_edit(
    plan: Plan,
    known: Container[str],
    carried: Carried,
    move: bool,
    token: str,
    day: int,
    meal: str,
) -> Edit | None:
    """The one edit a drop (or paste) onto (day, meal) makes, or None if it changes nothing.

    Foods carried from this plan move (or, with ``move`` False, are copied with their
    amounts); a food from elsewhere is added only if ``known`` (the catalog) holds it.
    Raises PlanError for a stale source.
    """
    own = carried.token == token
    if move and own and all(item.source for item in carried.items):
        return move_edit(plan, carried.items, day, meal)
    adds: list[Edit] = [
        AddFood(day, meal, item.food_id, item.amount, item.unit)
        for item in carried.items
        if (own and item.source) or item.food_id in known
    ]
    if not adds:
        return None
    if len(adds) == 1:
        return adds[0]
    return Batch(adds, label=_("Copy foods") if own else _("Add foods"))


def move_edit(plan: Plan, items: Sequence[CarriedFood], day: int, meal: str) -> Edit | None:
    """Move foods of this plan to (day, meal), merging with the same food there; None when
    every food is already there. Raises PlanError if a food is no longer at its source."""
    moving = [it for it in items if it.source and it.source[:2] != (day, meal)]
    if not moving:
        return None
    sources: set[Source] = set()
    for it in moving:
        assert it.source is not None
        d, m, i = it.source
        entries = plan.cell(d, m) if 0 <= d < plan.day_count else ()
        if not 0 <= i < len(entries) or entries[i].food_id != it.food_id:
            raise PlanError(_("That food is no longer where it was dragged from."))
        sources.add(it.source)
    # Remove from the highest index down so the earlier indices stay valid.
    ordered = sorted(sources, key=lambda s: (s[0], s[1], -s[2]))
    removals: list[Edit] = [RemoveEntry(d, m, i) for d, m, i in ordered]
    adds: list[Edit] = [AddFood(day, meal, it.food_id, it.amount, it.unit) for it in moving]
    return Batch(removals + adds, label=_("Move food") if len(moving) == 1 else _("Move foods"))


def move_entry(plan: Plan, day: int, meal: str, index: int, to_day: int, to_meal: str) -> Edit:
    """Move one entry to another meal (merging with the same food there)."""
    entry = entry_at(plan, day, meal, index)
    plan.check_day(to_day)
    plan.check_meal(to_meal)
    item = CarriedFood(entry.food_id, entry.amount, entry.unit, (day, meal, index))
    return move_edit(plan, [item], to_day, to_meal) or Batch([], label=_("Move food"))


def copy_entry(plan: Plan, day: int, meal: str, index: int, to_day: int, to_meal: str) -> Edit:
    """Copy one entry into another meal (adding to the same food there)."""
    entry = entry_at(plan, day, meal, index)
    return AddFood(to_day, to_meal, entry.food_id, entry.amount, entry.unit, label=_("Copy food"))
