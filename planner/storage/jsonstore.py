"""A file of the user's records (own foods, own recipes, templates) in the data folder.

The file is one JSON envelope, ``{"format": ..., "version": ..., KEY: [...]}``, read with a
size limit and written atomically. A damaged file is never written over: it is moved aside
(kept for the user) and the app starts without it; a file of a newer version is left alone.

``LockedJsonStore`` keeps records by id and applies each change to the file as it is on
disk at that moment: under a lock (``NAME.lock`` beside it, ``fcntl.flock``; none on
Windows) the file is read again, the one change applied and the result written, so one
window's change never drops another's.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from planner.errors import PlannerError
from planner.i18n import _, format_number
from planner.storage.atomic import describe_os_error, write_text_atomic
from planner.storage.files import EnvelopeError, check_envelope
from planner.storage.strictjson import JsonError, parse_json

LOCK_TIMEOUT_S = 10.0

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; each change still re-reads the file
    fcntl = None  # type: ignore[assignment]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_HasId)
S = TypeVar("S")
_T = TypeVar("_T")


@dataclass(frozen=True)
class KindTexts:
    """What the user is told about one kind of file, each a whole sentence (marked with
    N_, translated when said), since a kind's name cannot be slotted into another
    language's sentence."""

    what: str  # the kind of file, as read_file's messages name it: "a file of foods"
    item: str  # one record: "{name}: food {number}"
    no_list: str  # "{name}: has no list of foods."
    too_many: Callable[[int], str]  # ngettext: "{name}: holds {count} foods; at most ..."
    not_moved: str  # "{reason} It could not be moved aside ({error}), so your foods ..."
    kept: str  # "{reason} The file was kept as {kept} in {folder}; the app started ..."


@dataclass(frozen=True)
class FileKind:
    """One kind of file: its envelope, its list's key and the errors it raises."""

    format: str
    version: int
    key: str  # the list's key, also the plural in messages: "foods"
    noun: str  # one record, in messages: "food"
    most: int  # the most records a file may hold
    error: type[PlannerError]  # unreadable, newer version, a failed write
    damaged: type[PlannerError]  # content that cannot be read: the file is set aside
    texts: KindTexts

    @property
    def what(self) -> str:
        """The kind of file, marked, untranslated (read_file translates it)."""
        return self.texts.what


def read_records(data: bytes, name: str, kind: FileKind) -> list[Any]:
    """The records of a file's content, undecoded; ``kind.damaged``, or ``kind.error``
    for a file of a newer version (not damaged, only not ours to read)."""
    try:
        document = parse_json(data)
    except JsonError as exc:
        raise kind.damaged(f"{name}: {exc}.") from exc
    try:
        document, _version = check_envelope(
            document, format=kind.format, newest=kind.version, oldest=1, what=kind.what
        )
    except EnvelopeError as exc:  # a newer app's file is not damaged, only not ours
        raise (kind.error if exc.newer else kind.damaged)(f"{name}: {exc}.") from exc
    items = document.get(kind.key)
    if not isinstance(items, list):
        raise kind.damaged(_(kind.texts.no_list).format(name=name))
    if len(items) > kind.most:
        count, most = format_number(len(items), 0), format_number(kind.most, 0)
        raise kind.damaged(
            kind.texts.too_many(len(items)).format(name=name, count=count, most=most)
        )
    return items


def decode_records(
    items: list[Any], name: str, kind: FileKind, decode: Callable[[Any], R]
) -> list[R]:
    """Each record decoded; ``kind.damaged`` names the first bad one or a repeated id."""
    records: list[R] = []
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        where = _(kind.texts.item).format(name=name, number=number)
        try:
            record = decode(item)
        except kind.error as exc:
            raise kind.damaged(f"{where}: {str(exc).rstrip('.')}.") from exc
        if record.id in seen:
            # Translators: {where} names the file and the record, such as "foods.json: food 3".
            message = _("{where}: the id {id} appears twice.")
            raise kind.damaged(message.format(where=where, id=record.id))
        seen.add(record.id)
        records.append(record)
    return records


def records_text(kind: FileKind, records: Iterable[dict[str, Any]]) -> str:
    """A file's text: the envelope and one record per line. Each line is encoded by json's
    C encoder (indent= would switch to the pure-Python one, several times slower at the
    limit of 2,000 records)."""
    lines = ",\n".join(
        " " + json.dumps(item, ensure_ascii=False, allow_nan=False) for item in records
    )
    head = json.dumps({"format": kind.format, "version": kind.version})[:-1]
    key = kind.key
    return f'{head}, "{key}": [\n{lines}\n]}}\n' if lines else f'{head}, "{key}": []}}\n'


def set_aside(path: Path, when: datetime | None = None) -> Path:
    """Rename a damaged file to NAME.damaged-YYYYMMDD-HHMMSS.json beside it (never over
    another file); returns the new path. Raises OSError."""
    stamp = f"{when or datetime.now():%Y%m%d-%H%M%S}"
    for n in range(1, 100):
        suffix = "" if n == 1 else f"-{n}"
        target = path.with_name(f"{path.stem}.damaged-{stamp}{suffix}{path.suffix}")
        if not target.exists():
            path.rename(target)
            return target
    # Translators: said after "It could not be moved aside (...)"; {path} is the file.
    raise FileExistsError(_("no free name beside {path}").format(path=path))


def load_or_set_aside(
    path: Path, kind: FileKind, load: Callable[[], S], empty: Callable[[], S]
) -> tuple[S, str]:
    """What ``load`` reads and a sentence for the user ("" if all went well).

    A damaged file is renamed beside its name and ``empty()`` returned, the sentence ending
    "the app started ``started``". A file of a newer version, or one that cannot be read
    or moved aside, raises ``kind.error``: the caller must then not save over it.
    """
    try:
        return load(), ""
    except kind.damaged as exc:
        reason = str(exc)
    try:
        kept = set_aside(path)
    except OSError as exc:
        message = _(kind.texts.not_moved)
        raise kind.error(message.format(reason=reason, error=exc.strerror or exc)) from exc
    message = _(kind.texts.kept)
    return empty(), message.format(reason=reason, kept=kept.name, folder=kept.parent)


def file_stamp(path: Path) -> tuple[int, ...] | None:
    """What tells one version of a file from another: device, inode, size and change time
    (a save renames a new file into place, so the inode changes with every save)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


@contextlib.contextmanager
def locked(path: Path, error: type[PlannerError]) -> Iterator[None]:
    """Hold the lock file beside ``path`` (nothing to hold without fcntl); ``error`` if it
    cannot be had within LOCK_TIMEOUT_S."""
    if fcntl is None:
        yield
        return
    lock = path.with_name(path.name + ".lock")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # O_NONBLOCK: a pipe planted as the lock file must not block the open.
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK, 0o666)
    except OSError as exc:
        raise error(describe_os_error(lock, exc)) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            message = _("Could not save {path}: {lock} is not a regular file.")
            raise error(message.format(path=path, lock=lock))
        deadline = time.monotonic() + LOCK_TIMEOUT_S
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    message = _(
                        "Could not save {path}: another window has been saving it "
                        "for {seconds} seconds; try again."
                    )
                    seconds = format_number(LOCK_TIMEOUT_S)
                    raise error(message.format(path=path, seconds=seconds)) from None
                time.sleep(0.02)
            except OSError:
                break  # a file system without locks: carry on, re-reading still helps
        yield
    finally:
        os.close(fd)  # releases the lock


class LockedJsonStore(Generic[R]):
    """Records by id, each change saved atomically under the lock. A subclass gives its
    ``kind``, how to read the file again (``_reread``) and how to encode a record."""

    kind: ClassVar[FileKind]

    def __init__(self, path: Path, records: Iterable[R] = ()) -> None:
        self.path = path
        self._records: dict[str, R] = {record.id: record for record in records}
        # The file's identity when this object last read or wrote it: while it is the
        # same, the records here are what the file holds and need not be read again.
        self._stamp: tuple[int, ...] | None = None

    def __iter__(self) -> Iterator[R]:
        return iter(self._records.values())

    def __len__(self) -> int:
        return len(self._records)

    def get(self, record_id: str) -> R | None:
        return self._records.get(record_id)

    def _reread(self) -> dict[str, R]:
        """The records of the file as it is now; ``kind.error`` if it cannot be read."""
        raise NotImplementedError

    def _encode(self, record: R) -> dict[str, Any]:
        raise NotImplementedError

    def _change(self, apply: Callable[[dict[str, R]], _T]) -> _T:
        """Apply one change to the records as they are on disk now, and write them.

        Under the lock the file is read again, so what another window saved meanwhile is
        kept; this object then holds the merged records. On any failure nothing changes,
        on disk or here. A file that became unreadable meanwhile is not written over.
        """
        with locked(self.path, self.kind.error):
            records = self._on_disk()
            result = apply(records)
            self._write(records)
            self._records = records
        return result

    def _on_disk(self) -> dict[str, R]:
        """The records in the file now; this object's own if the file is gone."""
        if not os.path.lexists(self.path):
            return dict(self._records)
        if self._stamp is not None and file_stamp(self.path) == self._stamp:
            return dict(self._records)  # nobody wrote it since this object did
        try:
            records = self._reread()
        except self.kind.error as exc:
            # Translators: {reason} is the sentence saying why the file could not be read.
            message = _(
                "{reason} It changed on disk since it was opened; your change was not "
                "saved, and the file is left as it is."
            )
            raise self.kind.error(message.format(reason=exc)) from exc
        return dict(records)

    def save(self) -> None:
        """Write the records this object holds, as they are (under the lock)."""
        with locked(self.path, self.kind.error):
            self._write(self._records)

    def _write(self, records: dict[str, R]) -> None:
        text = records_text(self.kind, (self._encode(record) for record in records.values()))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.path, text)
            self._stamp = file_stamp(self.path)
        except OSError as exc:
            raise self.kind.error(describe_os_error(self.path, exc)) from exc
