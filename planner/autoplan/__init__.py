"""The auto-planner: fills a week (or its empty meals) with food people eat, chosen by a
mixed-integer program over the honest day score (candidates, model, solve, relax). A layer
above core, storage and scoring; it never imports Qt, export or the CLI."""
