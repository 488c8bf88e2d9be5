"""Performance benchmarks: ``python -m benchmarks`` measures every figure of the
performance targets and prints each with its target and the ratio (see
docs/performance.md). ``--quick`` runs each once, to check that they still work."""
