"""Household measures now live in planner.core.measures (the core converts plan amounts
with them); this module keeps the recipes' old import path working."""

from planner.core.measures import Measure, measures_of, parse_measure, sr28_measures

__all__ = ["Measure", "measures_of", "parse_measure", "sr28_measures"]
