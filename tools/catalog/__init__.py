"""The catalog build, module by module; ``python -m tools.catalog_build`` runs it."""
