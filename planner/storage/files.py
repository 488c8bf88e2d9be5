"""Reading the files a person hands the app: plans, CSV imports, their own foods, recovery
copies. What every reader shares lives here: reading a bounded regular file, decoding
text, and the ``{"format", "version"}`` envelope of the app's JSON files.

Each reader raises its own error type (PlanFileError, CsvImportError, CatalogError ...);
``read_file`` takes that type, and the other helpers raise ValueError subclasses whose
message completes the sentence "FILE: ...", which the reader wraps.
"""

from __future__ import annotations

import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.errors import Cancelled, FileReadError, PlannerError

UTF8_BOM = b"\xef\xbb\xbf"
# UTF-32's little-endian mark starts with UTF-16's, so UTF-32 is tested first.
UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
CHUNK = 1 << 20  # read a megabyte at a time, so that a load can be cancelled between

Progress = Callable[[float], None]


class TextError(ValueError):
    """Bytes that are not UTF-8 text; the message completes "FILE: ..."."""


class EnvelopeError(ValueError):
    """A JSON file that is not of the expected format and version; ``newer`` says whether
    it is only too new (a newer app's file, to be left alone, not a damaged one)."""

    def __init__(self, message: str, *, newer: bool = False) -> None:
        super().__init__(message)
        self.newer = newer


def check_cancel(cancel: threading.Event | None, what: str = "The work") -> None:
    """Raise Cancelled if the user asked to stop."""
    if cancel is not None and cancel.is_set():
        raise Cancelled(f"{what} was cancelled.")


def read_file(
    path: Path,
    limit: int,
    what: str,
    *,
    error: type[PlannerError] = FileReadError,
    cancel: threading.Event | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, for a reader of ``what``
    ("a plan file"); any problem raises ``error`` with a message naming the file.

    A named pipe or a device would never end (or block): only regular files are read.
    ``cancel`` is looked at between megabytes; ``progress`` hears the fraction read.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{path.name}: is a folder, not {what}.")
        if not stat.S_ISREG(info.st_mode):
            raise error(f"{path.name}: is not a regular file.")
        if info.st_size > limit:
            raise error(f"{path.name}: is too large to be {what}.")
        chunks: list[bytes] = []
        size = 0
        with open(path, "rb") as handle:
            while size <= limit:
                check_cancel(cancel, f"Reading {path.name}")
                chunk = handle.read(min(CHUNK, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if progress is not None and info.st_size:
                    progress(min(1.0, size / info.st_size))
    except FileNotFoundError as exc:
        raise error(f"{path.name}: the file does not exist.") from exc
    except OSError as exc:
        raise error(f"{path.name}: cannot be read ({exc.strerror or exc}).") from exc
    if size > limit:  # it grew while being read
        raise error(f"{path.name}: is too large to be {what}.")
    return b"".join(chunks)


def _utf16_or_32(data: bytes) -> str:
    """ "UTF-16" or "UTF-32" if ``data`` looks like text in one of them, else "".

    With a byte-order mark that is certain. Without one, the zero bytes among the first
    four tell, as the first characters of a JSON or CSV file are ASCII (the method of
    RFC 4627, section 3). Such a file holds NUL bytes, which no text file the app reads
    may hold, so the guess can only make a refusal clearer, never refuse a good file.
    """
    if data.startswith(UTF32_BOMS):
        return "UTF-32"
    if data.startswith(UTF16_BOMS):
        return "UTF-16"
    head = data[:4]
    if len(head) == 4:
        zeros = tuple(byte == 0 for byte in head)
        if zeros in ((True, True, True, False), (False, True, True, True)):
            return "UTF-32"
        if zeros in ((True, False, True, False), (False, True, False, True)):
            return "UTF-16"
    return ""


def decode_text(data: bytes, save_as: str = "UTF-8") -> str:
    """UTF-8 text; a UTF-8 byte-order mark (as some Windows editors write) is skipped.

    Raises TextError naming the encoding the file seems to be in instead; ``save_as``
    names the choice the user should make when saving ("CSV UTF-8" for spreadsheets).
    """
    other = _utf16_or_32(data)
    if other:
        raise TextError(f"it is {other} text (save it as {save_as})")
    try:
        return data.removeprefix(UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TextError("it is not UTF-8 text") from exc


def check_envelope(
    document: object, *, format: str, newest: int, oldest: int, what: str
) -> tuple[dict[str, Any], int]:
    """The document and its version, if it is an object ``{"format": format, "version":
    n}`` with ``oldest <= n <= newest``; else EnvelopeError. ``what`` names the kind of
    file for the message ("a plan", "a file of foods", "a recovery copy")."""
    if not isinstance(document, dict):
        raise EnvelopeError(f"it is not {what} (the top level must be an object)")
    if document.get("format") != format:
        raise EnvelopeError(f"it is not {what} (the format name is missing or wrong)")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise EnvelopeError("its version is missing or not a whole number")
    if version > newest:
        raise EnvelopeError(
            f"it was written by a newer version of the app (file version {version}, "
            f"this app reads up to {newest})",
            newer=True,
        )
    if version < oldest:
        raise EnvelopeError(f"its version {version} is not one this app knows")
    return document, version
