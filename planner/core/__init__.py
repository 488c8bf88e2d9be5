"""The domain core: foods and the catalog, week plans, the edits that change them, and
shopping sums. Imports nothing from storage, scoring, export or the CLI."""
