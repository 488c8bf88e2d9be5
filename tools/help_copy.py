"""Copy the scoring method into the app's help: resources/help/scoring.md.

    python -m tools.help_copy          # write the copy
    python -m tools.help_copy --check  # exit 1 if the copy differs from its source

The source is docs/scoring.md where it exists, else the README's "How a day is scored"
section, so that Help > How Scoring Works says what the documentation says. Links to files
of the repository are made plain text: the app ships no repository to open them in.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "help" / "scoring.md"
SECTION = "## How a day is scored"
_LOCAL_LINK = re.compile(r"\[([^\]]+)\]\((?!https?:)[^)]*\)")


def source_text(root: Path = ROOT) -> str:
    """The scoring method's markdown, from docs/scoring.md or the README's section."""
    doc = root / "docs" / "scoring.md"
    if doc.is_file():
        text = doc.read_text(encoding="utf-8")
    else:
        readme = (root / "README.md").read_text(encoding="utf-8")
        start = readme.index(SECTION)
        end = readme.find("\n## ", start + len(SECTION))
        body = readme[start + len(SECTION) : end if end >= 0 else None]
        text = "# How a day is scored\n" + body
    return _LOCAL_LINK.sub(r"\1", text).strip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if stale")
    args = parser.parse_args(argv)
    text = source_text()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.is_file() else ""
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is stale: run python -m tools.help_copy")
            return 1
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
