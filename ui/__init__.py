"""Gut–Skin Planner's Qt user interface. Imports of Qt happen in the submodules only."""
