"""What a drag or a clipboard copy carries, and its bytes on the clipboard.

A drag or a copy carries foods (``Carried``): each with its amount and unit (a recipe: its
entry id "recipe:<id>" and "portion") and, when it came from a meal of a plan, where it was
(``source``) and which plan (``token``). The ui turns its MIME data into a ``Carried``
(``decode_payload``); planner.core.drop makes the edit a drop or paste of it does. Kept
apart from the edits so that the window's models, which only carry foods, do not load
them before the window first paints.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from planner.core.plan import MEALS, UNIT_SERVING, Entry, check_entry
from planner.errors import PlanError

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
