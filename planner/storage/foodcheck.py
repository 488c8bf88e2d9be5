"""One food of the user's own, checked: ``make_food`` and its bounds, and the JSON form of a
food (``food_to_json``, ``food_from_json``) that planner.storage.userfoods keeps in its file.

Names are cleaned to one printable line; categories, aisle, tags and limit kind must be the
catalog's words; a serving's nutrients are bounded by what a serving of its weight can
physically hold (``PER_GRAM_CAP``), so a typo or a hostile file cannot make a food that
would dominate every score.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from planner.core.foods import (
    AISLES,
    CATEGORIES,
    KIND_FLAGS,
    LIMIT_KINDS,
    NUTRIENTS,
    TAGS,
    USER,
    USER_PREFIX,
    Food,
)
from planner.errors import CatalogError
from planner.i18n import N_, _, locale_id, ngettext
from planner.storage.strictjson import has_unprintable

MAX_NAME = 200
MAX_SERVING_G = 5000.0
# Physical bounds on what a serving can hold, per gram of the serving. A nutrient weighed
# in g, mg or µg cannot weigh more than the serving itself (at most 100 g per 100 g);
# energy is capped at 9.1 kcal/g, a little above the richest food in USDA SR28 (lard,
# NDB 04001: 902 kcal per 100 g; pure fat is about 9 kcal/g by the Atwater factors).
PER_GRAM_CAP: dict[str, float] = {
    "energy_kcal": 9.1,
    "fiber_g": 1.0,
    "sugars_g": 1.0,
    "omega3_g": 1.0,
    "vit_c_mg": 1_000.0,
    "vit_e_mg": 1_000.0,
    "zinc_mg": 1_000.0,
    "vit_a_ug": 1_000_000.0,
    "vit_d_ug": 1_000_000.0,
    # Grams of a part of the food can be at most the food itself.
    "protein_g": 1.0,
    "alcohol_g": 1.0,
    "ala_g": 1.0,
    "epa_dha_g": 1.0,
    "added_sugars_g": 1.0,
    "prebiotic_g": 1.0,
}
GRAM_NUTRIENTS = ("fiber_g", "sugars_g", "omega3_g")  # distinct parts of the same serving


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return slug[:40] or "food"


# Control characters (C0, DEL, C1: Unicode's category Cc) and lone surrogates (Cs).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _clean(text: str) -> str:
    """Text on one line: runs of white space become one space; control characters (ESC,
    BEL, NUL..., which would reach a terminal or a CSV file) and lone surrogates (which
    cannot be written as UTF-8, so the file could not be saved) are dropped."""
    return _UNPRINTABLE.sub("", " ".join(text.split())).strip()


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        # Translators: {what} is a field, such as "A food's name".
        raise CatalogError(_("{what} must be text.").format(what=_(what)))
    return _clean(value)


def make_food(
    name: str,
    *,
    categories: Iterable[str] = (),
    serving_label: str = "",
    grams: float = 100.0,
    nutrients: dict[str, float | None] | None = None,
    aisle: str = "pantry",
    tags: Iterable[str] = (),
    plant: str | None = None,
    limit_kind: str | None = None,
    food_id: str | None = None,
) -> Food:
    """Build a user food, checking every field; raises CatalogError with a readable reason."""
    name = _text(name, N_("A food's name"))
    if not name:
        raise CatalogError(_("A food needs a name."))
    if len(name) > MAX_NAME:
        message = _("A food name can have at most {most} characters.")
        raise CatalogError(message.format(most=MAX_NAME))
    cats = frozenset(categories)
    unknown = cats - set(CATEGORIES)
    if unknown:
        # Translators: {categories} are the file's ids of categories ("fiber").
        message = ngettext(
            "Unknown category: {categories}.", "Unknown categories: {categories}.", len(unknown)
        )
        raise CatalogError(message.format(categories=", ".join(sorted(unknown))))
    if "limit" in cats and len(cats) > 1:
        raise CatalogError(_("A food to limit cannot also be in another category."))
    if "limit" in cats:
        limit_kind = limit_kind or "refined_sugar"
        if limit_kind not in LIMIT_KINDS:
            # Translators: {kind} is the file's id of a kind ("refined_sugar").
            raise CatalogError(_("Unknown kind of food to limit: {kind}.").format(kind=limit_kind))
    else:
        limit_kind = None
    if aisle not in AISLES:
        # Translators: {aisle} is the file's id of an aisle ("pantry").
        raise CatalogError(_("Unknown aisle: {aisle}.").format(aisle=aisle))
    tag_set = frozenset(tags)
    if tag_set - set(TAGS):
        strange = sorted(tag_set - set(TAGS))
        # Translators: {tags} are the file's ids of diet tags ("vegan").
        message = ngettext("Unknown diet tag: {tags}.", "Unknown diet tags: {tags}.", len(strange))
        raise CatalogError(message.format(tags=", ".join(strange)))
    if isinstance(grams, bool) or not isinstance(grams, int | float):
        raise CatalogError(_("A serving's weight must be a number of grams."))
    if not math.isfinite(grams) or not 0 < grams <= MAX_SERVING_G:
        message = _("A serving must weigh more than 0 and at most {most} g.")
        raise CatalogError(message.format(most=_number(MAX_SERVING_G)))
    clean: dict[str, float | None] = {}
    for key in NUTRIENTS:
        value = (nutrients or {}).get(key)
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int | float):
                # Translators: {key} is a nutrient's key in the file ("fiber_g").
                raise CatalogError(_("{key} must be a number or empty.").format(key=key))
            if not math.isfinite(value) or value < 0:
                # Translators: {key} is a nutrient's key in the file ("fiber_g").
                raise CatalogError(_("{key} must be a number of at least 0.").format(key=key))
            value = float(value)
            cap = PER_GRAM_CAP[key] * grams
            if value > cap:
                # Translators: {key} is a nutrient's key in the file ("fiber_g"); {unit}
                # its unit ("g", "mg").
                message = _("{key} can be at most {cap} {unit} in a serving of {grams} g.")
                raise CatalogError(
                    message.format(
                        key=key, cap=_number(cap), unit=NUTRIENTS[key], grams=_number(grams)
                    )
                )
        clean[key] = value
    in_grams = sum(clean[key] or 0.0 for key in GRAM_NUTRIENTS)
    if in_grams > grams:
        message = _(
            "Fiber, sugars and omega-3 together weigh {weight} g, more than the "
            "serving's {grams} g."
        )
        raise CatalogError(message.format(weight=_number(in_grams), grams=_number(grams)))
    # The label a food gets without one is the user's own text from then on, in the
    # language of the day it was made.
    label = _text(serving_label, N_("A serving's label")) or _("1 serving")
    if plant is not None and not isinstance(plant, str):
        raise CatalogError(_("A food's plant must be text."))
    return Food(
        id=food_id or USER_PREFIX + _slug(name),
        name=name,
        categories=cats,
        serving_label=label[:80],
        grams=float(grams),
        nutrients=clean,
        plant=(_clean(plant.casefold())[:MAX_NAME] or None) if plant else None,
        aisle=aisle,
        tags=tag_set,
        limit_kind=limit_kind,
        origin=USER,
        # A food to limit is scored as one: its kind's flag (the catalog's carry theirs).
        flags=frozenset({KIND_FLAGS[limit_kind]}) if limit_kind in KIND_FLAGS else frozenset(),
    )


def food_to_json(food: Food) -> dict:
    return {
        "id": food.id,
        "name": food.name,
        "categories": sorted(food.categories),
        "serving_label": food.serving_label,
        "grams": food.grams,
        "nutrients": dict(food.nutrients),
        "aisle": food.aisle,
        "tags": sorted(food.tags),
        "plant": food.plant,
        "limit_kind": food.limit_kind,
    }


_FIELD_TYPES: dict[str, type | tuple[type, ...]] = {
    "name": str,
    "categories": list,
    "serving_label": str,
    "grams": (int, float),
    "nutrients": dict,
    "aisle": str,
    "tags": list,
    "plant": str,
    "limit_kind": str,
}


def food_from_json(item: object) -> Food:
    if not isinstance(item, dict):
        raise CatalogError(_("each food must be an object"))
    food_id = item.get("id")
    if (
        not isinstance(food_id, str)
        or not food_id.startswith(USER_PREFIX)
        or len(food_id) > 80
        or has_unprintable(food_id)
    ):
        raise CatalogError(_("a food has an invalid id: {id!r}").format(id=str(food_id)[:40]))
    for key, kind in _FIELD_TYPES.items():
        if key in item and item[key] is not None and not isinstance(item[key], kind):
            # Translators: {key} is a field's key in the file ("serving_label").
            raise CatalogError(_("a food's {key} has the wrong type").format(key=key))
    for key in ("categories", "tags"):
        if not all(isinstance(word, str) for word in item.get(key) or ()):
            # Translators: {key} is "categories" or "tags", as the file names them.
            raise CatalogError(_("a food's {key} must be words").format(key=key))
    if isinstance(item.get("grams"), bool):
        raise CatalogError(_("a food's {key} has the wrong type").format(key="grams"))
    if not isinstance(item.get("name"), str):
        raise CatalogError(_("a food's name is missing or not text"))
    try:
        return make_food(
            item["name"],
            categories=item.get("categories") or (),
            serving_label=item.get("serving_label") or "",
            grams=item.get("grams", 100.0),
            nutrients=item.get("nutrients") or {},
            aisle=item.get("aisle") or "pantry",
            tags=item.get("tags") or (),
            plant=item.get("plant"),
            limit_kind=item.get("limit_kind"),
            food_id=food_id,
        )
    except TypeError as exc:
        # Translators: {reason} is Python's own message (in English).
        message = _("a food has a field of the wrong type ({reason})")
        raise CatalogError(message.format(reason=exc)) from exc


def _number(value: float) -> str:
    """A weight in a message as ":g" writes it ("10000", "0.5", "1e+06": six significant
    digits, ungrouped, as the field takes it back), with the locale's decimal sign."""
    text = f"{value:g}"
    if "." not in text:
        return text
    from babel.numbers import get_decimal_symbol

    return text.replace(".", get_decimal_symbol(locale_id()))
