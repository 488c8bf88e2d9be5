"""The Recipe editor's draft: the fields and ingredient lines as shown, and the undo steps.

``Draft`` is what the dialog edits (never the book); every change is one ``DraftCommand``
on the dialog's own undo stack, consecutive typing in one field merging into one step.
``UndoKeys`` sends Ctrl+Z and Ctrl+Shift+Z in a text field to that stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand, QUndoStack

from planner.recipes.model import clean_text

GRAMS, PORTION = "g", "portion"


@dataclass(frozen=True, slots=True)
class Line:
    """An ingredient line as the editor shows it: a food or recipe with an amount in a
    unit, or a note (text only)."""

    food_id: str | None = None
    recipe_id: str | None = None
    amount: float = 0.0
    unit: str = GRAMS
    heated: bool = False
    text: str = ""

    @property
    def key(self) -> tuple[str | None, str | None, str]:
        """What the line is (not how much): a row is rebuilt only when this changes."""
        return self.food_id, self.recipe_id, self.text


@dataclass(frozen=True, slots=True)
class Draft:
    name: str = ""
    portions: float = 2.0
    meal: str = "any"
    tags: str = ""
    method: str = ""
    lines: tuple[Line, ...] = ()


def tags_of(text: str) -> frozenset[str]:
    return frozenset(
        clean_text(word).casefold() for word in text.replace(";", ",").split(",") if word.strip()
    )


class ShowsDraft(Protocol):
    """What an undo step needs of the dialog: to show a draft."""

    def show_draft(self, draft: Draft) -> None: ...


class DraftCommand(QUndoCommand):
    """One change of the draft; consecutive typing in one field merges into one step."""

    def __init__(self, editor: ShowsDraft, before: Draft, after: Draft, text: str, key: str):
        super().__init__(text)
        self._editor, self.before, self.after, self.key = editor, before, after, key

    def id(self) -> int:
        return 1 if self.key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, DraftCommand) or other.key != self.key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self._editor.show_draft(self.after)

    def undo(self) -> None:
        self._editor.show_draft(self.before)


class UndoKeys(QObject):
    """Ctrl+Z and Ctrl+Shift+Z in a text field step the dialog's undo stack: the field's
    own undo would undo its typing behind the dialog's back."""

    def __init__(self, stack: QUndoStack) -> None:
        super().__init__(stack)
        self._stack = stack

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(event, QKeyEvent):
            return False
        undo = event.matches(QKeySequence.StandardKey.Undo)
        redo = event.matches(QKeySequence.StandardKey.Redo) or (
            event.key() == Qt.Key.Key_Z
            and event.modifiers()
            == Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        if not (undo or redo):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes to the field, and so to this filter
            return True
        if redo:
            self._stack.redo()
        else:
            self._stack.undo()
        return True
