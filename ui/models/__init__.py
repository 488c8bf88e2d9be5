"""Item models, thin adapters over planner objects, one module each: the drag payload
(mime), what a drop does (drops), the item roles (roles), the palettes' food lists (foods),
the week grid (week) and the day's suggestions (suggestions)."""
