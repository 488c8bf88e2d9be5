"""Helpers shared by the tests: GUI fixtures, a tiny catalog, child processes, the
independent reference evaluator."""
