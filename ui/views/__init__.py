"""Views and their delegates, one module each: the delegates that paint palette rows and
grid cells (delegates), the food lists (lists) and the week grid (week)."""
