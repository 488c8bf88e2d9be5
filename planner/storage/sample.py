"""The sample week that the app opens on first start and `gutskin new --sample` writes."""

from __future__ import annotations

from datetime import date
from importlib import resources

from planner.core.foods import Catalog
from planner.core.plan import Plan
from planner.i18n import _
from planner.storage.csvio import import_csv_text


def sample_plan(start: date | None = None, catalog: Catalog | None = None) -> Plan:
    """A filled week starting on ``start`` (this week's Monday by default).

    The sample names curated foods by id, so the curated catalog alone is enough.
    """
    text = resources.files("resources").joinpath("sample-week.csv").read_text("utf-8")
    if catalog is None:  # not `catalog or`: a catalog's truth is its length, which reads SR28
        catalog = Catalog.load(include_sr28=False)
    return import_csv_text(text, catalog, start=start, name=_("sample week"))
