"""The drag and clipboard payload: ``MIME_TYPE``, a small JSON document of food ids,
servings and, for foods dragged out of the grid, the cell they came from. Anything else
dropped on the grid is ignored; malformed or oversized data decodes to None."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QMimeData

from planner.core.foods import Catalog
from planner.core.plan import MEALS, Plan, format_servings

MIME_TYPE = "application/x-gutskin-foods"
MIME_VERSION = 1
MAX_MIME_BYTES = 256 * 1024
MAX_MIME_ITEMS = 500


@dataclass(frozen=True)
class DragItem:
    """A dragged or copied food, with the plan position it came from, if any."""

    food_id: str
    servings: float = 1.0
    source: tuple[int, str, int] | None = None  # (day, meal, index) in the plan it came from


@dataclass(frozen=True)
class FoodDrag:
    """The foods of one drag or clipboard copy, and the plan document they came from."""

    token: str | None  # the document the sources refer to
    items: tuple[DragItem, ...]


def encode_foods(items: Sequence[DragItem], token: str | None, text: str = "") -> QMimeData:
    payload = {
        "v": MIME_VERSION,
        "doc": token,
        "items": [
            {"food": it.food_id, "servings": it.servings, "from": list(it.source or ()) or None}
            for it in items
        ],
    }
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode("utf-8")))
    if text:
        mime.setText(text)  # for dropping into a text editor
    return mime


def _no_constants(name: str) -> float:
    raise ValueError(name)


def decode_foods(mime: QMimeData | None) -> FoodDrag | None:
    """The payload of a drag, or None for foreign, malformed or oversized data."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    raw = bytes(mime.data(MIME_TYPE).data())
    if not raw or len(raw) > MAX_MIME_BYTES:
        return None
    try:
        payload = json.loads(raw.decode("utf-8"), parse_constant=_no_constants)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(payload, dict) or payload.get("v") != MIME_VERSION:
        return None
    token, raw_items = payload.get("doc"), payload.get("items")
    if not (token is None or isinstance(token, str)) or not isinstance(raw_items, list):
        return None
    if not 0 < len(raw_items) <= MAX_MIME_ITEMS:
        return None
    items = []
    for raw_item in raw_items:
        item = _decode_item(raw_item)
        if item is None:
            return None
        items.append(item)
    return FoodDrag(token, tuple(items))


def _decode_item(raw: object) -> DragItem | None:
    if not isinstance(raw, dict):
        return None
    food, servings, source = raw.get("food"), raw.get("servings", 1.0), raw.get("from")
    if not isinstance(food, str) or not food or len(food) > 200:
        return None
    if isinstance(servings, bool) or not isinstance(servings, int | float):
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
    return DragItem(food, float(servings), source)


def entries_text(catalog: Catalog, plan: Plan, cells: Iterable[tuple[int, str]]) -> str:
    return "\n".join(
        f"{catalog.name_of(e.food_id)} x{format_servings(e.servings)}"
        for day, meal in cells
        for e in plan.cell(day, meal)
    )
