"""A small hand-made catalog for tests whose numbers are worked out by hand."""

from __future__ import annotations

from planner.core.foods import NUTRIENTS, Catalog, Food


def tiny_catalog():
    """A hand-made catalog whose numbers the tests can work out by hand."""

    def food(fid, name, cats, fiber, plant=None, kind=None, tags=(), **nutrients):
        values = {key: 0.0 for key in NUTRIENTS}
        values["fiber_g"] = fiber
        values.update(nutrients)
        return Food(
            id=fid,
            name=name,
            categories=frozenset(cats),
            serving_label="1 serving",
            grams=100.0,
            nutrients=values,
            plant=plant,
            tags=frozenset(tags),
            limit_kind=kind,
        )

    return Catalog(
        [
            food("kefir", "Kefir", ["probiotic"], 0.0, tags=("dairy", "animal"), vit_a_ug=90.0),
            food("kimchi", "Kimchi", ["probiotic"], 2.0, plant="cabbage"),
            food("oats", "Oats", ["prebiotic", "fiber"], 4.0, plant="oats"),
            food("lentils", "Lentils", ["prebiotic", "fiber"], 8.0, plant="lentils"),
            food("spinach", "Spinach", ["fiber"], 2.0, plant="spinach", vit_c_mg=9.0),
            food("spinach_cooked", "Spinach, cooked", ["fiber"], 4.0, plant="spinach"),
            food("apple", "Apple", ["prebiotic"], None, plant="apple"),
            food("fries", "French fries", ["limit"], 4.0, kind="deep_fried"),
            food("beer", "Beer", ["limit"], 0.0, kind="alcohol", tags=("alcohol", "gluten")),
            food("cheese", "Cheddar", ["limit"], 0.0, kind="dairy", tags=("dairy", "animal")),
            food("water", "Water", ["hydrating"], 0.0),
        ]
    )
