"""What every `gutskin` command shares: printing without control characters, strict
JSON, refusing to write over the wrong file, standard output, and the catalog (with the
user's own foods) and evaluator a command works with."""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from planner.errors import PlannerError
from planner.i18n import _
from planner.storage.files import same_file

if TYPE_CHECKING:
    from planner.core.foods import Catalog
    from planner.recipes.book import RecipeBook
    from planner.recipes.resolve import PlanResolver

EXIT_ERROR = 2
_FIRST_FORMAT = re.compile(rb'"format"\s*:\s*"([^"]*)"')
# Output paths that mean "standard output" (for a pipe: `gutskin export-csv w.gutplan -o -`).
STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
# Control characters (C0, DEL, C1) and lone surrogates: never printed as they are, since
# ESC and BEL from a food's name would drive the terminal (retitle it, clear it...).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# The same, less what json.dumps already escapes inside strings (C0), so that the line
# breaks of the indentation stay.
_UNPRINTABLE_IN_JSON = re.compile(r"[\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape such as \\x1b."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100
                            else f"\\u{ord(m[0]):04x}", text)  # fmt: skip


def say(*parts: object, sep: str = " ", file=None) -> None:
    print(printable(sep.join(str(p) for p in parts)), file=file or sys.stdout)


def finite(value: object) -> object:
    """JSON-ready data: a number that is not finite becomes None (unknown)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [finite(item) for item in value]
    return value


def json_text(data: object) -> str:
    """Strict JSON (no NaN or Infinity), with control characters escaped inside strings
    (json leaves DEL, the C1 controls and lone surrogates raw when ensure_ascii is off)."""
    text = json.dumps(finite(data), ensure_ascii=False, indent=1, allow_nan=False)
    return _UNPRINTABLE_IN_JSON.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def load_catalog(include_sr28: bool = True) -> Catalog:
    """The built-in foods (SR28 too, unless told not) and the user's own; a file of own
    foods that cannot be read is a warning on standard error, not an error."""
    from planner.core.foods import Catalog
    from planner.storage.paths import user_foods_path
    from planner.storage.userfoods import UserFoods

    try:
        user = list(UserFoods.load(user_foods_path()))
    except PlannerError as exc:
        say(
            _("gutskin: warning: your own foods were not loaded: {error}").format(error=exc),
            file=sys.stderr,
        )
        user = []
    return Catalog.load(include_sr28=include_sr28, user_foods=user)


def load_book(catalog: Catalog) -> RecipeBook:
    """The starter recipes and the user's own; own recipes that cannot be read are a
    warning on standard error (the file is set aside, as the app does), not an error."""
    from planner.recipes.book import RecipeBook, open_own

    own, message = open_own()
    if message:
        say(_("gutskin: warning: {message}").format(message=message), file=sys.stderr)
    return RecipeBook.load(catalog, own)


def resolver_for(catalog: Catalog) -> PlanResolver:
    """What plan entries are made of, recipes (starter and own) included."""
    from planner.recipes.resolve import PlanResolver

    return PlanResolver(catalog, load_book(catalog))


def evaluator_for(args: argparse.Namespace, catalog):
    """The evaluator of the command's preferences, counting recipe entries by their
    ingredients."""
    from planner.scoring.evaluator import Evaluator
    from planner.scoring.model import Preferences

    prefs = Preferences(
        fiber_target_g=args.fiber_target, acne_prone=args.acne_prone, avoid_tags=args.avoid
    )
    return Evaluator(catalog, prefs=prefs, resolver=resolver_for(catalog))


def is_stdout(path: Path) -> bool:
    return str(path) in STDOUT_NAMES


def refuse_output(
    output: Path, source: Path, force: bool, looks_mine: Callable[[bytes], bool]
) -> None:
    """Refuse to write ``output``: never over ``source`` (the file being read), and over
    an existing file only with --force, unless ``looks_mine`` says its first bytes are
    what this command writes (an earlier export)."""
    if is_stdout(output):
        return
    if same_file(output, source):
        raise PlannerError(
            _("{file} is the file being read; choose another output file.").format(file=output)
        )
    if force or not os.path.isfile(output):
        return  # nothing there, or not a file: write_atomic names a folder, a pipe...
    try:
        with open(output, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return  # unreadable: the write reports why, if it fails too
    if head and not looks_mine(head):
        raise PlannerError(
            _(
                "{file} already exists and is a file of another kind; use --force to replace it."
            ).format(file=output)
        )


def refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise PlannerError(_("{file} already exists; use --force to replace it.").format(file=path))


def looks_like_csv(head: bytes) -> bool:
    """An earlier CSV export or a CSV plan: a first line with the columns import needs."""
    from planner.storage.csvio import REQUIRED

    first = head.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace")
    if first.lstrip().startswith("{"):
        return False  # a plan or other JSON file
    columns = {c.strip().strip('"').casefold() for c in first.split(",")}
    return set(REQUIRED) <= columns


def looks_like_pdf(head: bytes) -> bool:
    return head.startswith(b"%PDF-")


def looks_like_calendar(head: bytes) -> bool:
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"BEGIN:VCALENDAR")


def looks_like_plan(head: bytes) -> bool:
    """A plan file: JSON whose first "format" is the plan's (a recovery copy, which holds a
    plan too, names its own format first)."""
    found = _FIRST_FORMAT.search(head)
    return (
        head.lstrip().startswith(b"{") and found is not None and found.group(1) == b"gutskin-plan"
    )


def looks_like_journal_csv(head: bytes) -> bool:
    """An earlier journal export: a CSV file whose first column is the date."""
    first = head.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0]
    return first.split(b",", 1)[0].strip().strip(b'"').lower() == b"date"


def write_stdout(data: bytes) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    sys.stdout.flush()
    if stream is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        stream.write(data)
        stream.flush()
