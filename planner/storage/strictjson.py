"""Strict JSON for files a person may hand the app: plans, their own foods, recovery copies.

Python's json module accepts NaN and Infinity, keeps the last of duplicate keys, turns a
5,000-digit number into an int, and raises RecursionError (not ValueError) on deep
nesting. Every reader here goes through ``parse_json``, which refuses all of that with
one error type, ``JsonError``, whose message completes the sentence "FILE: ...".
"""

from __future__ import annotations

import json
import math
import unicodedata

MAX_INT_DIGITS = 18  # more than any count, day or version a file may hold
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class JsonError(ValueError):
    """The file is not JSON this app reads; the message says why, without the file name."""


def _reject_constant(name: str) -> float:
    raise JsonError(f"it holds {name}, which is not a number a file may hold")


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonError(f"it holds the number {text[:20]}, which is too large")
    return value


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise JsonError("it holds a number with too many digits")
    return int(text)


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise JsonError(f"the key {key[:40]!r} appears twice in one object")
        result[key] = value
    return result


def decode_text(data: bytes) -> str:
    """UTF-8 text; a UTF-8 byte-order mark (as some Windows editors write) is skipped."""
    if data.startswith(UTF16_BOMS):
        raise JsonError("it is UTF-16 text (save it as UTF-8)")
    try:
        return data.removeprefix(UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JsonError("it is not UTF-8 text") from exc


def parse_json(data: bytes) -> object:
    """Parse strict JSON; raises JsonError naming the first problem."""
    text = decode_text(data)
    if not text.strip():
        raise JsonError("it is empty")
    try:
        return json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_parse_float,
            parse_int=_parse_int,
            object_pairs_hook=_no_duplicates,
        )
    except JsonError:
        raise
    except RecursionError as exc:
        raise JsonError("it is nested too deeply") from exc
    except ValueError as exc:  # JSONDecodeError
        raise JsonError(f"it is not valid JSON ({exc})") from exc


def has_unprintable(text: str) -> bool:
    """True for control characters (NUL, newlines, ...) and lone surrogates, which an id or
    a name must not hold: they cannot be shown, and lone surrogates cannot be saved."""
    return any(unicodedata.category(char) in ("Cc", "Cs") for char in text)
