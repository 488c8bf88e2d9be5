"""The journal's window parts: the daily check-in dialog and the trends view."""

from .checkin import CheckInDialog
from .trends import TrendsWindow

__all__ = ["CheckInDialog", "TrendsWindow"]
