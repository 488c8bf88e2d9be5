"""The window's docked panels: the food palettes (palette) and the selected day (daypanel)."""
