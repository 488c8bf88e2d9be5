"""Strict JSON for files a person may hand the app: plans, their own foods, recovery copies.

Python's json module accepts NaN and Infinity, keeps the last of duplicate keys, turns a
5,000-digit number into an int, and raises RecursionError (not ValueError) on deep
nesting. Every reader here goes through ``parse_json``, which refuses all of that with
one error type, ``JsonError``, whose message completes the sentence "FILE: ...".
"""

from __future__ import annotations

import json
import math
import re
import threading
import unicodedata
from datetime import date

from planner.core.plan import iso_day
from planner.i18n import N_, _, format_number
from planner.storage.files import TextError, check_cancel, decode_text

MAX_INT_DIGITS = 18  # more than any count, day or version a file may hold

READING_CANCELLED = N_("Reading the file was cancelled.")


class JsonError(ValueError):
    """The file is not JSON this app reads; the message says why, without the file name."""


def _reject_constant(name: str) -> float:
    # Translators: {value} is NaN, Infinity or -Infinity, as the file writes it.
    message = _("it holds {value}, which is not a number a file may hold")
    raise JsonError(message.format(value=name))


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        message = _("it holds the number {number}, which is too large")
        raise JsonError(message.format(number=text[:20]))
    return value


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise JsonError(_("it holds a number with too many digits"))
    return int(text)


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            message = _("the key {key!r} appears twice in one object")
            raise JsonError(message.format(key=key[:40]))
        result[key] = value
    return result


# A JSON string once its escaped quotes and backslashes are taken out (see _check_size).
_STRING = re.compile(rb'"[^"]*"')
_OPENERS = (b",", b":", b"[", b"{")


def _count_values(data: bytes) -> int:
    """One more than the characters that open or separate values and keys (",", ":", "[",
    "{"): at least the number of values and keys the JSON ``data`` holds."""
    return 1 + sum(data.count(char) for char in _OPENERS)


def _check_size(data: bytes, max_values: int) -> None:
    """Refuse JSON holding more than ``max_values`` values and keys, before parsing it.

    Works on the UTF-8 bytes, where these ASCII characters never occur inside another
    character, and each step is a pass in C: counting is quick but also counts the
    characters inside strings, so only a count that is too high is looked at again. Each
    string is a value or a key, so too many strings is a refusal; with few strings, taking
    them out makes the count exact.
    """
    if _count_values(data) <= max_values:
        return
    bare = data.replace(b"\\\\", b"").replace(b'\\"', b"")  # no escaped quotes left
    if bare.count(b'"') // 2 > max_values or _count_values(_STRING.sub(b"", bare)) > max_values:
        message = _("it holds more than {most} values and keys, more than such a file may hold")
        raise JsonError(message.format(most=format_number(max_values, 0)))


def parse_json(
    data: bytes, *, max_values: int | None = None, cancel: threading.Event | None = None
) -> object:
    """Parse strict JSON; raises JsonError naming the first problem.

    ``max_values`` bounds the values and keys the document may hold; it is checked before
    parsing, so a hostile file is refused before it takes memory (Python holds a parsed
    key or value in 50 to 100 bytes; a 50 MB file can hold 10 million). ``cancel`` is
    looked at between steps and while objects are built (raising Cancelled).
    """
    try:
        text = decode_text(data)
    except TextError as exc:
        raise JsonError(str(exc)) from exc
    if not text.strip():
        raise JsonError(_("it is empty"))
    check_cancel(cancel, READING_CANCELLED)
    if max_values is not None:
        _check_size(data, max_values)
        check_cancel(cancel, READING_CANCELLED)
    built = 0

    def pairs_hook(pairs: list[tuple[str, object]]) -> dict[str, object]:
        nonlocal built
        built += 1
        if cancel is not None and built % 1024 == 0:
            check_cancel(cancel, READING_CANCELLED)
        return _no_duplicates(pairs)

    try:
        return json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_parse_float,
            parse_int=_parse_int,
            object_pairs_hook=pairs_hook,
        )
    except JsonError:
        raise
    except RecursionError as exc:
        raise JsonError(_("it is nested too deeply")) from exc
    except ValueError as exc:  # JSONDecodeError
        # Translators: {reason} is Python's JSON parser's own message (in English).
        raise JsonError(_("it is not valid JSON ({reason})").format(reason=exc)) from exc


def has_unprintable(text: str) -> bool:
    """True for control characters (NUL, newlines, ...) and lone surrogates, which an id or
    a name must not hold: they cannot be shown, and lone surrogates cannot be saved."""
    return any(unicodedata.category(char) in ("Cc", "Cs") for char in text)


def iso_date(value: object) -> date | None:
    """A JSON value read as a date like 2026-11-30; None when it is not one."""
    if not isinstance(value, str):
        return None
    try:
        return iso_day(value)
    except ValueError:
        return None
