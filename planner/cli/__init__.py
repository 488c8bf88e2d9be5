"""The `gutskin` command line: subcommands that run without Qt."""
