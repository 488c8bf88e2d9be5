"""Gut–Skin Planner domain: foods, week plans, edits, scoring, files. Pure Python, no Qt."""


def __getattr__(name: str) -> str:
    # The version is read from the package metadata only when asked for: importing
    # importlib.metadata costs about 12 ms, on the path to the first window.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("gutskin-planner")
        except PackageNotFoundError:  # a checkout that was never installed
            return "0.0.0+checkout"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
