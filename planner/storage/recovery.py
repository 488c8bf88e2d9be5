"""Recovery copies: unsaved plans written to the user's data folder, never over their files.

While a plan has unsaved changes the app writes a copy of it here at a steady interval
(ui.mainwindow drives the timer; ``Autosaver`` does the writing). A clean save or a
deliberate discard removes the copy. After a crash or a kill the copy is left behind, and
the next start lists it (``RecoveryStore.orphans``) and offers to restore it.

A copy is one JSON file, ``TITLE YYYY-MM-DD HHMMSS SESSION.gutrecovery``, holding the plan
(in the plan file format) and what the app needs to offer it: the plan's title, the file
it belongs to, when it was written, and which running app wrote it, so that a second
copy of the app running at the same time does not offer the first one's live copies.

A copy is input like any other file: every field is checked, and one that is damaged (or
holds a plan the app refuses, such as a start date past 2999) is renamed aside and
reported (``RecoveryStore.take_set_aside``) while the valid copies next to it are still
offered. A copy written by a newer version of the app is left alone.

The writer is identified by host, process id, the process's start time (field 22 of
/proc/PID/stat, in clock ticks since boot) and the boot id (/proc/sys/kernel/random/
boot_id), so that a process id reused after a reboot, in a container or by another
program does not hide a copy. Copies written before these two fields existed are judged
by the process id and by whether that process started before the copy was written.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from planner.core.plan import Plan, check_start, iso_day
from planner.errors import PlanFileError, PlannerError
from planner.i18n import N_, _, format_day, format_number, locale_id, ngettext, weekday_name
from planner.storage.atomic import describe_os_error, write_atomic
from planner.storage.files import EnvelopeError, check_envelope, named, read_file, same_file
from planner.storage.limits import MAX_PLAN_ENTRIES
from planner.storage.paths import data_dir
from planner.storage.processes import (
    MAX_PID,
    boot_id,
    pid_running,
    process_start,
    process_start_time,
)
from planner.storage.strictjson import JsonError, has_unprintable, parse_json

FORMAT = "gutskin-recovery"
VERSION = 1
SUFFIX = ".gutrecovery"
MAX_FILE_BYTES = 60 * 1024 * 1024  # a plan file's limit and room for the metadata

# Sessions (open documents) of this process whose copies are live, not left behind.
_LIVE: set[str] = set()
# A copy's time of writing must lie in these years: the app shows it as a local date, and
# a year 1 or 9999 time cannot be moved to every time zone.
EARLIEST_SAVED = datetime(1970, 1, 2, tzinfo=UTC)
LATEST_SAVED = datetime(2999, 12, 31, tzinfo=UTC)
MAX_TITLE = 200
MAX_FIELD = 4096  # a session id, host name or file path longer than this is damage
# A process that started this many seconds after a copy was written cannot have written
# it (the slack covers clock ticks, rounding to whole seconds and a clock set a little).
START_SLACK_S = 5.0


class NewerCopyError(PlanFileError):
    """A copy written by a newer version of the app: not damaged, only not ours to read."""


@dataclass(frozen=True)
class SetAside:
    """A copy that could not be read and was renamed aside, and why."""

    path: Path
    kept_as: Path | None  # None if it could not be renamed
    reason: str

    def describe(self) -> str:
        # Translators: {reason} is the sentence saying why the copy could not be read.
        if self.kept_as:
            message = _("{reason} The copy was kept as {kept} in {folder}.")
            return message.format(
                reason=self.reason, kept=self.kept_as.name, folder=self.path.parent
            )
        message = _("{reason} The copy was left as it is in {folder}.")
        return message.format(reason=self.reason, folder=self.path.parent)


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
    started: int | None = None  # the writer's start, in clock ticks since boot (Linux)
    boot: str | None = None  # the boot id of the machine when the copy was written

    def describe(self) -> str:
        """One line naming the plan and when it was saved, e.g. for a list of copies."""
        from babel.dates import format_time

        when = self.saved.astimezone()
        # Translators: a recovery copy in a list: "My week, saved Tue, Dec 1, 2026 at 09:30
        # (12 foods)"; {title} is the plan's name, {day} a date, {time} a time of day.
        message = ngettext(
            "{title}, saved {day} at {time} ({count} food)",
            "{title}, saved {day} at {time} ({count} foods)",
            self.foods,
        )
        return message.format(
            title=self.title,
            day=f"{weekday_name(when.date(), 'abbreviated')} {format_day(when.date())}",
            time=format_time(when, format="short", locale=locale_id()),
            count=format_number(self.foods, 0),
        )


class RecoveryStore:
    """The folder of recovery copies: write, list, read and remove them."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or recovery_dir()
        self._set_aside: list[SetAside] = []

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
        if source is not None and same_file(target, source):
            message = _("Refused to write a recovery copy over {name}.")
            raise PlanFileError(message.format(name=source.name))
        # The plan file's writer, loaded with the first copy: the start does not need it.
        from planner.storage.planfile import plan_to_document

        document = {
            "format": FORMAT,
            "version": VERSION,
            "title": title,
            "source": str(source) if source else None,
            "saved": now.isoformat(timespec="seconds"),
            "session": session,
            "pid": os.getpid(),
            "started": process_start(os.getpid()),
            "boot": boot_id(),
            "host": _host(),
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
        not offered again) and noted for ``take_set_aside``; one of a newer version of the
        app is skipped and left as it is."""
        try:
            paths = [p for p in self.folder.iterdir() if p.name.endswith(SUFFIX)]
        except OSError:
            return []
        found = []
        for path in paths:
            try:
                found.append(self._describe(path, self._document(path)))
            except NewerCopyError:
                continue
            except PlannerError as exc:
                self._set_aside.append(SetAside(path, self.set_aside(path), str(exc)))
        return sorted(found, key=lambda c: c.saved, reverse=True)

    def take_set_aside(self) -> list[SetAside]:
        """The damaged copies set aside since the last call, for telling the user."""
        taken, self._set_aside = self._set_aside, []
        return taken

    def orphans(self) -> list[RecoveryCopy]:
        """The copies no running app is keeping: what a crash or a kill left behind."""
        return [copy for copy in self.copies() if not _is_live(copy)]

    def load(self, copy: RecoveryCopy) -> Plan:
        """The plan a copy holds; raises PlanFileError."""
        from planner.storage.planfile import plan_from_document

        document = self._document(copy.path)
        try:
            return plan_from_document(document.get("plan"))
        except (ValueError, PlannerError) as exc:  # PlanError: a date out of range
            raise PlanFileError(named(copy.path.name, str(exc).rstrip("."))) from exc

    def remove(self, path: Path) -> None:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()

    def set_aside(self, path: Path) -> Path | None:
        """Keep a copy that cannot be read (NAME.damaged, NAME.damaged-2, ...: never over
        an earlier one) without offering it again; returns its new path, or None if it
        could not be renamed."""
        for n in range(1, 100):
            target = path.with_name(path.name + (".damaged" if n == 1 else f".damaged-{n}"))
            if os.path.lexists(target):
                continue
            try:
                path.rename(target)
            except OSError:
                return None
            return target
        return None

    def _document(self, path: Path) -> dict:
        data = read_file(path, MAX_FILE_BYTES, N_("a recovery copy"), error=PlanFileError)
        try:
            document, _version = check_envelope(
                parse_json(data), format=FORMAT, newest=VERSION, oldest=VERSION,
                what=N_("a recovery copy"),
            )  # fmt: skip
        except EnvelopeError as exc:  # a newer app's copy is left alone, never set aside
            raise (NewerCopyError if exc.newer else PlanFileError)(named(path.name, exc)) from exc
        except JsonError as exc:
            raise PlanFileError(named(path.name, exc)) from exc
        return document

    @staticmethod
    def _describe(path: Path, document: dict) -> RecoveryCopy:
        """What the copy says about itself, every field checked; raises PlanFileError."""
        try:
            title, source, saved = document["title"], document["source"], document["saved"]
            session, pid, host = document["session"], document["pid"], document["host"]
            foods = document["foods"]
            started, boot = document.get("started"), document.get("boot")
            if not (isinstance(title, str) and isinstance(session, str)
                    and isinstance(host, str) and isinstance(saved, str)
                    and (source is None or isinstance(source, str))
                    and type(pid) is int and type(foods) is int
                    and (started is None or type(started) is int)
                    and (boot is None or isinstance(boot, str))):  # fmt: skip
                raise TypeError(_("a field has the wrong type"))
            if any(len(text) > MAX_FIELD or "\x00" in text
                   for text in (session, host, source or "", boot or "", saved)):  # fmt: skip
                raise ValueError(_("a field is too long or holds a NUL"))
            if not 0 <= foods <= MAX_PLAN_ENTRIES or (started is not None and started < 0):
                raise ValueError(_("a count is out of range"))
            when = datetime.fromisoformat(saved)
            if when.tzinfo is None:
                when = when.replace(tzinfo=datetime.now().astimezone().tzinfo)
            if not EARLIEST_SAVED <= when <= LATEST_SAVED:
                raise ValueError(_("the time of writing is out of range"))
            _check_plan_start(document.get("plan"))
        except KeyError as exc:
            # Translators: {field} is the name of a field the file lacks, as the file spells it.
            message = _("{name}: is a damaged recovery copy (no {field}).")
            raise PlanFileError(message.format(name=path.name, field=exc)) from exc
        except (TypeError, ValueError, OverflowError) as exc:
            raise PlanFileError(_damaged(path, exc)) from exc
        copy = RecoveryCopy(
            path=path,
            title="".join(c for c in title if not has_unprintable(c))[:MAX_TITLE].strip()
            or _("Untitled"),
            source=Path(source) if source else None,
            saved=when,
            session=session,
            pid=pid,
            host=host,
            foods=foods,
            started=started,
            boot=boot,
        )
        try:
            copy.describe()  # what the list of copies shows must work for every copy
        except (ValueError, OverflowError, OSError) as exc:
            raise PlanFileError(_damaged(path, exc)) from exc
        return copy


def _check_plan_start(plan: object) -> None:
    """Refuse a copy whose plan starts on a date the app refuses (past 2999, say), so that
    it is set aside with the damaged ones instead of being offered and failing."""
    start = plan.get("start") if isinstance(plan, dict) else None
    if not isinstance(start, str):
        raise ValueError(_("it holds no plan with a start date"))
    try:
        check_start(iso_day(start))
    except PlannerError as exc:
        raise ValueError(str(exc).rstrip(".")) from exc


def _host() -> str:
    import socket  # here: the start reads this module after the window shows, socket is 3 ms

    return socket.gethostname()


def _session_id() -> str:
    # 128 random bits as 32 hex digits, as uuid4().hex gave (uuid imports platform: 6 ms).
    return os.urandom(16).hex()


def _is_live(copy: RecoveryCopy) -> bool:
    """Whether the process that wrote the copy is still running and keeping it."""
    if copy.session in _LIVE:
        return True
    if copy.pid == os.getpid():
        return False  # this process wrote it for a document that is gone
    if copy.host != _host() or os.name != "posix":
        return False  # cannot tell from here: offer it
    if not 0 < copy.pid <= MAX_PID or not pid_running(copy.pid):
        return False
    if copy.boot is not None or copy.started is not None:
        booted = boot_id()
        if copy.boot is not None and booted is not None and copy.boot != booted:
            return False  # written before a reboot: its process id means nothing now
        started = process_start(copy.pid)
        if copy.started is not None and started is not None:
            return started == copy.started  # the same process, not one given its id since
        return True  # the system does not say: trust the process id, as before
    # A copy from before these fields: a process that started after the copy was written
    # cannot have written it (a reboot, or its id given to another program since).
    began = process_start_time(copy.pid)
    return began is None or began <= copy.saved.timestamp() + START_SLACK_S


class Autosaver:
    """Keeps the recovery copy of one open document: ``save`` writes it (always to the
    same file while the document is open), ``discard`` removes it, ``close`` ends the
    session."""

    def __init__(self, store: RecoveryStore) -> None:
        self.store = store
        self.session = _session_id()
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
        self.session = _session_id()
        self.current = None
        _LIVE.add(self.session)

    def close(self) -> None:
        _LIVE.discard(self.session)


def _damaged(path: Path, problem: object) -> str:
    # Translators: {problem} says what is wrong inside the file.
    return _("{name}: is a damaged recovery copy ({problem}).").format(
        name=path.name, problem=problem
    )
