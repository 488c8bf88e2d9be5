"""The open plan as a document: the plan, its file, and the one undo stack every edit uses."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.core.amounts import Resolver
from planner.core.plan import MEALS, Change, Plan
from planner.errors import PlanError
from planner.i18n import _
from planner.storage.limits import limit_problem

# The edits themselves load on the first edit (the methods below import them), not
# before the window first paints.
if TYPE_CHECKING:
    from planner.core.edits import Edit

SERVINGS_COMMAND_ID = 1
CUT_COMMAND_ID = 2

Spot = tuple[int, str, int]  # (day, meal, index of the food) in the plan


def first_difference(
    before: Mapping[tuple[int, str], Sequence[object]], plan: Plan, days: frozenset[int]
) -> Spot | None:
    """Where an undo or redo changed the plan: the first changed meal of the first changed
    day that still exists, and the first food in it that differs (the last food when the
    step only removed foods from its end). None when no existing day changed."""
    for day in sorted(d for d in days if 0 <= d < plan.day_count):
        for meal in MEALS:
            old, new = before.get((day, meal), ()), plan.cell(day, meal)
            if old == new:
                continue
            index = next(
                (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
                min(len(old), len(new)),
            )
            return day, meal, max(0, min(index, len(new) - 1))
    return None


@dataclass(frozen=True, slots=True)
class FileIdentity:
    """What tells one version of a file from another without reading it: its change time
    and size, and which file it is (inode and device; a save by rename makes a new one).
    ``link`` is where the path pointed if it was a symbolic link, else None."""

    mtime_ns: int
    size: int
    inode: int
    device: int
    link: str | None

    @classmethod
    def of(cls, path: Path) -> FileIdentity | None:
        """The identity of the regular file at ``path`` now; None if there is none (a
        folder or a pipe there is no version of the plan: saving reports it)."""
        try:
            link = os.readlink(path) if os.path.islink(path) else None
            info = os.stat(path)
        except (OSError, ValueError):
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        return cls(info.st_mtime_ns, info.st_size, info.st_ino, info.st_dev, link)


class Conflict:
    """Why saving over the plan's own file needs the user's word (see PlanDocument.conflict)."""

    CHANGED = "changed"  # another program or window wrote the file since
    LINKED = "linked"  # the path became a link (or now points elsewhere): never followed


class EditCommand(QUndoCommand):
    """A planner edit on the undo stack. The edit has already been applied when the command
    is pushed (so that a refused edit never reaches the stack); redo and undo then swap the
    edit and its inverse: undo returns the edit that redoes it, computed from the plan.

    Two kinds of command merge with the one before them, decided once when they are made
    (an undo and redo changes the edit they hold, not what they are): consecutive servings
    changes of one food (a spin box's steps), and a paste that ends a cut (``follows`` the
    cut's ``merge_key``), which together are one move.
    """

    def __init__(
        self,
        plan: Plan,
        edit: Edit,
        inverse: Edit,
        *,
        merge_key: object = None,
        follows: object = None,
        stepped: Callable[[Change, Spot | None, str, Edit], None] | None = None,
    ) -> None:
        from planner.core.edits import SetAmount

        super().__init__(edit.label)
        self._stepped = stepped
        self._plan = plan
        self._redo = edit
        self._undo = inverse
        self._pushed = False
        self._merge_key = merge_key
        self._follows = follows
        self._servings_target: tuple[int, str, int] | None = None
        # Steps of the amount box merge; a change of unit (SetAmount with a unit) is a
        # step of its own, so that Undo takes back the switch alone.
        if isinstance(edit, SetAmount) and edit.unit is None:
            self._id = SERVINGS_COMMAND_ID
            self._servings_target = (edit.day, edit.meal, edit.index)
        else:
            self._id = CUT_COMMAND_ID if merge_key is not None or follows is not None else -1

    def redo(self) -> None:
        if not self._pushed:  # QUndoStack.push calls redo(); the edit is already applied
            self._pushed = True
            return
        self._step(redo=True)

    def undo(self) -> None:
        self._step(redo=False)

    def _step(self, *, redo: bool) -> None:
        """Undo or redo, then say what changed and where, so that the window can show it."""
        plan = self._plan
        before = {
            (day, meal): plan.cell(day, meal) for day in range(plan.day_count) for meal in MEALS
        }
        applied = self._redo if redo else self._undo
        with plan.grouped() as group:
            if redo:
                self._undo = self._redo.apply(plan)
            else:
                self._redo = self._undo.apply(plan)
        if self._stepped is not None and group.change is not None:
            spot = first_difference(before, plan, group.change.days)
            # Translators: the status line after an undo or redo; {edit} names the edit.
            said = _("Redone: {edit}") if redo else _("Undone: {edit}")
            text = said.format(edit=self.text())
            self._stepped(group.change, spot, text, applied)

    def id(self) -> int:
        return self._id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other._id != self._id:
            return False
        if self._id == SERVINGS_COMMAND_ID:
            # Keep our inverse: undo goes back to before the first step, and undo computes
            # the redo from the plan as it then is, so the last step is what redo replays.
            return other._servings_target == self._servings_target
        if self._merge_key is None or other._follows != self._merge_key:
            return False
        from planner.core.edits import Batch

        # The cut and its paste become one move: redo both in order, undo both in reverse.
        self._undo = Batch([other._undo, self._undo], label="Move food")
        self._merge_key = None  # a second paste of the same clipboard is a copy
        self.setText(_("Move food"))
        return True


class PlanDocument(QObject):
    """The plan being edited, where it is saved, and whether it has unsaved changes.

    Every change to the plan goes through ``apply``, which puts it on ``undo_stack``.
    ``planChanged`` relays the plan's own change notices; ``planReplaced`` says a different
    plan is now open.
    """

    planChanged = Signal(object)  # planner.core.plan.Change
    # after an undo or redo (once planChanged has been heard): the Change, the Spot where
    # the plan changed (None when no day that still exists changed), and what was done
    historyStepped = Signal(object, object, str, object)  # change, spot, text, the edit
    planReplaced = Signal()
    modifiedChanged = Signal(bool)
    refused = Signal(str)  # the message of an edit the plan refused

    def __init__(self, plan: Plan, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._plan = plan
        self._path = path
        self._title = path.name if path else "Untitled"
        self._unsaved_origin = False  # an imported plan is unsaved before any edit
        self._disk: FileIdentity | None = None  # the file as it was opened or last saved
        # Tells drags from this plan from drags from another (os.urandom: importing uuid
        # costs a millisecond on the way to the first paint).
        self.token = os.urandom(16).hex()
        self.revision = 0  # counts changes, so autosave can tell whether its copy is current
        # What entries weigh, written beside each in the saved file (a resolver of the
        # catalog, or of the catalog and the recipe book); None writes no grams.
        self.resolver: Resolver | None = None
        plan.subscribe(self._relay)

    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def title(self) -> str:
        return self._title

    @property
    def modified(self) -> bool:
        return self._unsaved_origin or not self.undo_stack.isClean()

    def apply(
        self,
        make_edit: Callable[..., Edit] | Edit,
        *args: object,
        merge_key: object = None,
        follows: object = None,
    ) -> bool:
        """Apply an edit (or build one with ``make_edit(*args)``) and push it for undo.

        A refused edit leaves the plan as it was, emits ``refused`` and returns False. So
        does one that would make the plan larger than a plan file may be: the app never
        holds a plan it could save but not open again. An edit that changes nothing is
        accepted but pushes nothing, so the plan does not become modified. The command is
        on the stack before anyone hears of the change: a failing listener cannot leave an
        edit that cannot be undone. ``merge_key`` and ``follows`` join a cut and its paste.
        """
        from planner.core.edits import Edit

        plan = self._plan
        try:
            edit = make_edit if isinstance(make_edit, Edit) else make_edit(*args)
        except PlanError as exc:
            self.refused.emit(str(exc))
            return False
        with plan.grouped() as group:
            try:
                inverse = edit.apply(plan)
            except PlanError as exc:
                self.refused.emit(str(exc))
                return False
            if group.change is None:
                return True
            problem = limit_problem(plan, sorted(group.change.days))
            if problem:
                inverse.apply(plan)
                self.refused.emit(problem)
                return False
            command = EditCommand(
                plan,
                edit,
                inverse,
                merge_key=merge_key,
                follows=follows,
                stepped=self.historyStepped.emit,
            )
            self.undo_stack.push(command)
        return True

    def replace(
        self,
        plan: Plan,
        path: Path | None = None,
        *,
        title: str | None = None,
        unsaved: bool = False,
        disk: FileIdentity | None = None,
    ) -> None:
        """Open another plan: the undo history starts afresh. ``disk`` is the identity of
        ``path`` taken before it was read (see ``conflict``)."""
        was_modified = self.modified
        self._plan.unsubscribe(self._relay)
        self.undo_stack.clear()
        self._plan = plan
        self._path = path
        self._title = title or (path.name if path else "Untitled")
        self._unsaved_origin = unsaved
        self._disk = disk if path is not None else None
        self.token = os.urandom(16).hex()
        self.revision += 1
        plan.subscribe(self._relay)
        self.planReplaced.emit()
        if self.modified != was_modified:
            self.modifiedChanged.emit(self.modified)

    def conflict(self, path: Path) -> str:
        """Why writing the plan to ``path`` might destroy someone's work: Conflict.CHANGED
        if it is the plan's own file and another program (or window) wrote it since it was
        opened or last saved here; Conflict.LINKED if the path has become a symbolic link
        (or a link now pointing elsewhere), which a save would follow into another file.
        "" if the save may go ahead: another file (Save As asked), a file that vanished,
        or a plan whose file's identity is not known (a restored recovery copy)."""
        recorded = self._disk
        if recorded is None or self._path is None or Path(path) != self._path:
            return ""
        now = FileIdentity.of(Path(path))
        if now is None:
            return Conflict.LINKED if os.path.islink(path) else ""
        if now.link is not None and now.link != recorded.link:
            return Conflict.LINKED
        return "" if now == recorded else Conflict.CHANGED

    def save(self, path: Path) -> None:
        """Save to ``path`` (raises PlanFileError; the document stays modified then)."""
        from planner.storage.planfile import save_plan  # not needed before the first save

        save_plan(self._plan, path, self.resolver)
        # What is on disk now is ours: the next save compares with it. (A write by another
        # program between the rename and this look would go unnoticed: a window of a few
        # microseconds, against minutes between saves.)
        self._disk = FileIdentity.of(path)
        was_modified = self.modified
        self._path = path
        self._title = path.name
        self._unsaved_origin = False
        self.undo_stack.setClean()
        if was_modified:
            self.modifiedChanged.emit(False)

    def _relay(self, change: Change) -> None:
        self.revision += 1
        self.planChanged.emit(change)

    def _clean_changed(self, _clean: bool) -> None:
        self.modifiedChanged.emit(self.modified)
