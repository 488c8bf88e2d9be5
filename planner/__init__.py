"""Gut–Skin Planner domain: foods, week plans, edits, scoring, files. Pure Python, no Qt."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("gutskin-planner")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"
