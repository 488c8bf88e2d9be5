"""The auto-planner in the window: the constraints dialog and the worker that fills a
week off the GUI thread (planner.autoplan does the planning)."""
