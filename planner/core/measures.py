"""A food's household measures ("1 cup", "1 clove", "1 tbsp") and their weights.

SR28's WEIGHT table gives, for each food, measures with their grams; the build keeps them in
the ``servings`` column of resources/sr28.csv.gz as ``label|grams;label|grams``. The
catalog's Food carries only its own serving, so the measures are read here, once, on first
need (an amount in a household measure, the import of recipes and the recipe editor need
them; the planner's first window does not). The core converts plan amounts with them
(planner.core.amounts); planner.recipes.measures re-exports this module. A curated food
has the measures of the SR28 food its ``ndb`` names; an own food has its serving only.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from planner.core.foods import Food
from planner.errors import CatalogError
from planner.i18n import _

# Leading counts of a measure's label: "1", "0.5", "1/2", "1 1/2".
_COUNT = re.compile(r"^\s*(\d+(?:\.\d+)?)(?:\s+(\d+)/(\d+)|/(\d+))?\s*")


@dataclass(frozen=True, slots=True)
class Measure:
    """A household measure: ``count`` of ``unit`` weighs ``grams`` ("1/2 cup, chopped":
    count 0.5, unit "cup, chopped", label as SR28 writes it)."""

    label: str
    grams: float
    count: float
    unit: str

    @property
    def grams_each(self) -> float:
        """The weight of one ``unit``."""
        return self.grams / self.count


def parse_measure(label: str, grams: float) -> Measure | None:
    """A measure from SR28's label and weight, or None if the weight is not usable."""
    if not (math.isfinite(grams) and grams > 0):
        return None
    count = 1.0
    unit = label.strip()
    match = _COUNT.match(label)
    if match:
        whole, num, den, frac_den = match.groups()
        count = float(whole)
        if num and den and int(den):
            count += int(num) / int(den)
        elif frac_den and int(frac_den):
            count = float(whole) / int(frac_den)
        unit = label[match.end() :].strip() or "serving"
    if count <= 0:
        return None
    return Measure(label.strip(), grams, count, unit)


def _parse_servings(text: str) -> tuple[Measure, ...]:
    found = []
    for part in text.split(";"):
        label, sep, grams = part.rpartition("|")
        if not sep:
            continue
        try:
            measure = parse_measure(label, float(grams))
        except ValueError:
            continue
        if measure is not None:
            found.append(measure)
    return tuple(found)


@functools.cache
def sr28_measures() -> dict[str, tuple[Measure, ...]]:
    """Every SR28 food's measures by NDB number (read once; about 8,800 foods)."""
    # Imported here: plan amounts import this module on the way to the first window,
    # and only an amount in a household measure needs the table.
    import csv
    import gzip
    import io
    from importlib import resources

    try:
        data = resources.files("resources").joinpath("sr28.csv.gz").read_bytes()
        rows = csv.reader(io.StringIO(gzip.decompress(data).decode("utf-8")))
        header = next(rows)
        i_ndb, i_servings = header.index("ndb"), header.index("servings")
        return {row[i_ndb]: _parse_servings(row[i_servings]) for row in rows if row[i_ndb]}
    except (OSError, ValueError, IndexError, StopIteration) as exc:
        raise CatalogError(
            _("The built-in SR28 food table is damaged: {exc}").format(exc=exc)
        ) from exc


def measures_of(food: Food) -> tuple[Measure, ...]:
    """The food's own serving first, then SR28's other measures for it (no repeats)."""
    own = parse_measure(food.serving_label, food.grams)
    found: list[Measure] = [own] if own is not None else []
    if food.ndb:
        for measure in sr28_measures().get(food.ndb, ()):
            if all(m.label != measure.label for m in found):
                found.append(measure)
    return tuple(found)
