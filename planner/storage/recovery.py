"""Recovery copies: unsaved plans written to the user's data folder, never over their files.

While a plan has unsaved changes the app writes a copy of it here at a steady interval
(ui.mainwindow drives the timer; ``Autosaver`` does the writing). A clean save or a
deliberate discard removes the copy. After a crash or a kill the copy is left behind, and
the next start lists it (``RecoveryStore.orphans``) and offers to restore it.

A copy is one JSON file, ``TITLE YYYY-MM-DD HHMMSS SESSION.gutrecovery``, holding the plan
(in the plan file format) and what the app needs to offer it: the plan's title, the file
it belongs to, when it was written, and which running app wrote it, so that a second
copy of the app running at the same time does not offer the first one's live copies.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from planner.core.plan import Plan
from planner.errors import PlanFileError
from planner.storage.atomic import describe_os_error, pid_running, write_atomic
from planner.storage.files import EnvelopeError, check_envelope, read_file
from planner.storage.paths import data_dir
from planner.storage.planfile import plan_from_document, plan_to_document
from planner.storage.strictjson import JsonError, parse_json

FORMAT = "gutskin-recovery"
VERSION = 1
SUFFIX = ".gutrecovery"
MAX_FILE_BYTES = 60 * 1024 * 1024  # a plan file's limit and room for the metadata

# Sessions (open documents) of this process whose copies are live, not left behind.
_LIVE: set[str] = set()


def recovery_dir() -> Path:
    return data_dir() / "recovery"


def _safe_stem(title: str) -> str:
    stem = re.sub(r"[^\w .,()+-]+", "_", title).strip(" ._") or "Untitled"
    return stem[:60]


@dataclass(frozen=True)
class RecoveryCopy:
    """What a recovery file says about itself (its plan is read by RecoveryStore.load)."""

    path: Path
    title: str
    source: Path | None
    saved: datetime
    session: str
    pid: int
    host: str
    foods: int

    def describe(self) -> str:
        """One line naming the plan and when it was saved, e.g. for a list of copies."""
        when = self.saved.astimezone()
        return (
            f"{self.title}, saved {when:%a} {when.day} {when:%b %Y} at {when:%H:%M} "
            f"({self.foods} food{'' if self.foods == 1 else 's'})"
        )


class RecoveryStore:
    """The folder of recovery copies: write, list, read and remove them."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or recovery_dir()

    def write(
        self,
        plan: Plan,
        *,
        title: str,
        source: Path | None,
        session: str,
        target: Path | None = None,
    ) -> Path:
        """Write a copy (to ``target`` if given, else a new name); returns its path.

        Raises PlanFileError with a sentence naming the reason (disk full, ...).
        """
        now = datetime.now().astimezone()
        if target is None:
            target = self.folder / (
                f"{_safe_stem(title)} {now:%Y-%m-%d %H%M%S} {session[:8]}{SUFFIX}"
            )
        if source is not None and _same_file(target, source):
            raise PlanFileError(f"Refused to write a recovery copy over {source.name}.")
        document = {
            "format": FORMAT,
            "version": VERSION,
            "title": title,
            "source": str(source) if source else None,
            "saved": now.isoformat(timespec="seconds"),
            "session": session,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "foods": plan.entry_count(),
            "plan": plan_to_document(plan),
        }
        data = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(target, (data + "\n").encode("utf-8"))
        except OSError as exc:
            raise PlanFileError(describe_os_error(target, exc)) from exc
        return target

    def copies(self) -> list[RecoveryCopy]:
        """Every readable copy, newest first. A damaged one is renamed aside (kept, and
        not offered again)."""
        try:
            paths = [p for p in self.folder.iterdir() if p.name.endswith(SUFFIX)]
        except OSError:
            return []
        found = []
        for path in paths:
            try:
                found.append(self._describe(path, self._document(path)))
            except PlanFileError:
                self.set_aside(path)
        return sorted(found, key=lambda c: c.saved, reverse=True)

    def orphans(self) -> list[RecoveryCopy]:
        """The copies no running app is keeping: what a crash or a kill left behind."""
        return [copy for copy in self.copies() if not _is_live(copy)]

    def load(self, copy: RecoveryCopy) -> Plan:
        """The plan a copy holds; raises PlanFileError."""
        document = self._document(copy.path)
        try:
            return plan_from_document(document.get("plan"))
        except ValueError as exc:
            raise PlanFileError(f"{copy.path.name}: {exc}.") from exc

    def remove(self, path: Path) -> None:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()

    def set_aside(self, path: Path) -> None:
        """Keep a copy that cannot be read (NAME.damaged) without offering it again."""
        with contextlib.suppress(OSError):
            path.rename(path.with_name(path.name + ".damaged"))

    def _document(self, path: Path) -> dict:
        data = read_file(path, MAX_FILE_BYTES, "a recovery copy", error=PlanFileError)
        try:
            document, _version = check_envelope(
                parse_json(data), format=FORMAT, newest=VERSION, oldest=VERSION,
                what="a recovery copy",
            )  # fmt: skip
        except (JsonError, EnvelopeError) as exc:
            raise PlanFileError(f"{path.name}: {exc}.") from exc
        return document

    @staticmethod
    def _describe(path: Path, document: dict) -> RecoveryCopy:
        try:
            title, source, saved = document["title"], document["source"], document["saved"]
            session, pid, host = document["session"], document["pid"], document["host"]
            foods = document["foods"]
            if not (isinstance(title, str) and isinstance(session, str)
                    and isinstance(host, str) and isinstance(saved, str)
                    and (source is None or isinstance(source, str))
                    and type(pid) is int and type(foods) is int):  # fmt: skip
                raise TypeError
            when = datetime.fromisoformat(saved)
            if when.tzinfo is None:
                when = when.astimezone()
        except (KeyError, TypeError, ValueError) as exc:
            raise PlanFileError(f"{path.name}: is a damaged recovery copy.") from exc
        return RecoveryCopy(
            path=path,
            title=title[:200] or "Untitled",
            source=Path(source) if source else None,
            saved=when,
            session=session,
            pid=pid,
            host=host,
            foods=foods,
        )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _is_live(copy: RecoveryCopy) -> bool:
    if copy.session in _LIVE:
        return True
    if copy.pid == os.getpid():
        return False  # this process wrote it for a document that is gone
    if copy.host != socket.gethostname() or os.name != "posix":
        return False  # cannot tell from here: offer it
    return pid_running(copy.pid)


class Autosaver:
    """Keeps the recovery copy of one open document: ``save`` writes it (always to the
    same file while the document is open), ``discard`` removes it, ``close`` ends the
    session."""

    def __init__(self, store: RecoveryStore) -> None:
        self.store = store
        self.session = uuid.uuid4().hex
        self.current: Path | None = None
        _LIVE.add(self.session)

    def save(self, plan: Plan, *, title: str, source: Path | None) -> Path:
        """Write the copy; raises PlanFileError (the previous copy then stays as it was)."""
        self.current = self.store.write(
            plan, title=title, source=source, session=self.session, target=self.current
        )
        return self.current

    def discard(self) -> None:
        """The document was saved or deliberately discarded: its copy goes."""
        if self.current is not None:
            self.store.remove(self.current)
            self.current = None

    def adopt(self, copy: RecoveryCopy) -> None:
        """Take over a copy being restored: the next ``save`` writes over it, and until
        then it stays, so a crash right after restoring still finds it."""
        self.discard()
        self.current = copy.path

    def abandon(self) -> None:
        """Stop keeping the copy without removing it, as a crash would leave it: the next
        start offers it. (Tests simulate a crash with this.)"""
        _LIVE.discard(self.session)
        self.session = uuid.uuid4().hex
        self.current = None
        _LIVE.add(self.session)

    def close(self) -> None:
        _LIVE.discard(self.session)
