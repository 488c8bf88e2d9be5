"""Scoring: the targets read from resources/scoring.toml, the score types and their
sentences (model), the catalog as arrays (frames) and the evaluator."""
