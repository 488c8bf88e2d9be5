"""The drag and clipboard payload on Qt's side: ``MIME_TYPE`` wraps the domain's small JSON
payload (planner.core.carried: food ids, servings and, for foods dragged out of the grid, the
cell they came from). Anything else dropped on the grid is ignored; malformed or oversized
data decodes to None."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QByteArray, QMimeData

from planner.core.carried import Carried, CarriedFood, decode_payload, encode_payload
from planner.core.foods import Catalog
from planner.core.plan import Plan, format_amount

MIME_TYPE = "application/x-gutskin-foods"


def encode_foods(
    items: Sequence[CarriedFood], token: str | None, text: str = "", *, cut: int | None = None
) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(encode_payload(Carried(token, tuple(items), cut))))
    if text:
        mime.setText(text)  # for dropping into a text editor
    return mime


def decode_foods(mime: QMimeData | None) -> Carried | None:
    """The payload of a drag, or None for foreign, malformed or oversized data."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    return decode_payload(bytes(mime.data(MIME_TYPE).data()))


def entries_text(catalog: Catalog, plan: Plan, cells: Iterable[tuple[int, str]]) -> str:
    return "\n".join(
        f"{catalog.name_of(e.food_id)} {format_amount(e.amount, e.unit)}"
        for day, meal in cells
        for e in plan.cell(day, meal)
    )
