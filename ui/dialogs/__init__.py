"""Dialogs, one module each. Each one a test would otherwise have to click through has an
``ask()`` classmethod that tests replace with monkeypatch; they are re-exported here so
that ``from ui import dialogs`` reaches every one.

Nothing on the way to the first window imports this package: the window imports a dialog
where it first needs it (tests/test_ui_startup.py checks that).
"""

from .confirm import Confirm
from .conflict import ConflictDialog
from .copyday import CopyDayDialog
from .crash import CrashDialog
from .files import CSV_FILTER, PDF_FILTER, PLAN_FILTER, FileDialogs
from .foodeditor import FoodEditor
from .help import About
from .messages import Messages
from .myfoods import MyFoodsDialog
from .pantry import PantryDialog, ShoppingListDialog
from .pdfoptions import PdfOptions, PdfOptionsDialog
from .preferences import TAG_LABELS, Chosen, PreferencesDialog
from .recovery import RecoveryDialog
from .servings import AmountDialog, ServingsDialog
from .unsaved import UnsavedChanges

__all__ = [
    "CSV_FILTER",
    "PDF_FILTER",
    "PLAN_FILTER",
    "TAG_LABELS",
    "About",
    "AmountDialog",
    "Chosen",
    "Confirm",
    "ConflictDialog",
    "CopyDayDialog",
    "CrashDialog",
    "FileDialogs",
    "FoodEditor",
    "Messages",
    "MyFoodsDialog",
    "PantryDialog",
    "PdfOptions",
    "PdfOptionsDialog",
    "PreferencesDialog",
    "RecoveryDialog",
    "ServingsDialog",
    "ShoppingListDialog",
    "UnsavedChanges",
]
