"""Reading the files a person hands the app: plans, CSV imports, their own foods, recovery
copies. What every reader shares lives here: reading a bounded regular file, decoding
text, and the ``{"format", "version"}`` envelope of the app's JSON files.

Each reader raises its own error type (PlanFileError, CsvImportError, CatalogError ...);
``read_file`` takes that type, and the other helpers raise ValueError subclasses whose
message completes the sentence "FILE: ...", which the reader wraps.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.errors import Cancelled, FileReadError, PlannerError
from planner.i18n import N_, _

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


def check_cancel(
    cancel: threading.Event | None, message: str = N_("The work was cancelled."), **fields: object
) -> None:
    """Raise Cancelled if the user asked to stop, saying ``message`` (marked with N_,
    translated and filled with ``fields`` only then, as this is called in loops)."""
    if cancel is not None and cancel.is_set():
        raise Cancelled(_(message).format(**fields))


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
            # Translators: {what} is a kind of file, such as "a plan file".
            raise error(_("{name}: is a folder, not {what}.").format(name=path.name, what=_(what)))
        if not stat.S_ISREG(info.st_mode):
            raise error(_("{name}: is not a regular file.").format(name=path.name))
        if info.st_size > limit:
            raise error(_too_large(path, what))
        chunks: list[bytes] = []
        size = 0
        with open(path, "rb") as handle:
            while size <= limit:
                check_cancel(cancel, N_("Reading {name} was cancelled."), name=path.name)
                chunk = handle.read(min(CHUNK, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if progress is not None and info.st_size:
                    progress(min(1.0, size / info.st_size))
    except FileNotFoundError as exc:
        raise error(_("{name}: the file does not exist.").format(name=path.name)) from exc
    except OSError as exc:
        # Translators: {reason} is the operating system's own description of the error.
        message = _("{name}: cannot be read ({reason}).")
        raise error(message.format(name=path.name, reason=exc.strerror or exc)) from exc
    if size > limit:  # it grew while being read
        raise error(_too_large(path, what))
    return b"".join(chunks)


def _too_large(path: Path, what: str) -> str:
    # Translators: {what} is a kind of file, such as "a plan file".
    return _("{name}: is too large to be {what}.").format(name=path.name, what=_(what))


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
        # Translators: {encoding} is UTF-16 or UTF-32; {save_as} is the encoding to choose
        # when saving, such as "UTF-8" or "CSV UTF-8" (a spreadsheet's choice).
        message = _("it is {encoding} text (save it as {save_as})")
        raise TextError(message.format(encoding=other, save_as=save_as))
    try:
        return data.removeprefix(UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TextError(_("it is not UTF-8 text")) from exc


def check_envelope(
    document: object, *, format: str, newest: int, oldest: int, what: str
) -> tuple[dict[str, Any], int]:
    """The document and its version, if it is an object ``{"format": format, "version":
    n}`` with ``oldest <= n <= newest``; else EnvelopeError. ``what`` names the kind of
    file for the message ("a plan", "a file of foods", "a recovery copy")."""
    if not isinstance(document, dict):
        # Translators: {what} is a kind of file, such as "a Gut–Skin plan".
        message = _("it is not {what} (the top level must be an object)")
        raise EnvelopeError(message.format(what=_(what)))
    if document.get("format") != format:
        # Translators: {what} is a kind of file, such as "a Gut–Skin plan".
        message = _("it is not {what} (the format name is missing or wrong)")
        raise EnvelopeError(message.format(what=_(what)))
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise EnvelopeError(_("its version is missing or not a whole number"))
    if version > newest:
        message = _(
            "it was written by a newer version of the app (file version {version}, "
            "this app reads up to {newest})"
        )
        raise EnvelopeError(message.format(version=version, newest=newest), newer=True)
    if version < oldest:
        raise EnvelopeError(
            _("its version {version} is not one this app knows").format(version=version)
        )
    return document, version


def named(name: str, reason: object) -> str:
    """ "NAME: REASON." for a file's name and what is wrong with it (a clause, no stop)."""
    # Translators: a file's name, then what is wrong with it ("it is empty").
    return _("{name}: {reason}.").format(name=name, reason=reason)


# -- what an export may replace ------------------------------------------------------------------
# The envelope's format of a plan file, as planner.storage.planfile writes it (a recovery
# copy holds one too). Named here so that a check before an export loads no plan reader.
PLAN_FORMAT_MARK = b'"gutskin-plan"'


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (both existing: the same inode; else the same
    resolved path)."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    except (OSError, ValueError, RuntimeError):  # RuntimeError: a loop of symbolic links
        return False


def export_replaces_plan(path: Path, open_plan: Path | None) -> str:
    """Why an export (a PDF, CSV, calendar, report...) must not be written to ``path``: it
    is the open plan's own file, or another plan file; "" when it may. An export over a
    plan would leave the plan nowhere, and the window would close without asking, since
    the plan itself has no unsaved change."""
    if open_plan is not None and same_file(path, open_plan):
        return _(
            "{file} is the open plan's own file: an export there would replace the plan. "
            "Choose another file name."
        ).format(file=path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return ""  # nothing there, or not readable: the write itself says what is wrong
    if PLAN_FORMAT_MARK in head:
        return _(
            "{file} is a plan file: an export there would replace the plan. "
            "Choose another file name."
        ).format(file=path)
    return ""
