"""Build tools run by developers, not shipped in the wheel."""
