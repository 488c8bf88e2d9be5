"""HiGHS, quietly: a solver object that prints nothing to the process's standard output.

``highspy.Highs()`` prints a copyright banner to the process's standard output when it is
created (HiGHS issues #1702 and #1932): its output is switched off at once, and the
creation runs with file descriptor 1 pointed at the null device, so that a command's
``--json`` output stays parseable.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import threading

_QUIET = threading.Lock()


def quiet_highs():  # -> highspy.Highs
    """A Highs object whose creation prints nothing to standard output (see above)."""
    import highspy  # here: the solver loads only when a plan is filled

    with _QUIET:
        sys.stdout.flush()
        saved = os.dup(1)
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, 1)
            highs = highspy.Highs()
            highs.setOptionValue("output_flag", False)
            highs.setOptionValue("log_to_console", False)
            _flush_c_stdout()  # a banner still in C's buffer goes to the null device too
        finally:
            os.dup2(saved, 1)
            os.close(saved)
            os.close(null)
    return highs


def _flush_c_stdout() -> None:
    # No C library to reach (Windows): nothing is buffered there to flush.
    with contextlib.suppress(OSError, AttributeError, TypeError):
        ctypes.CDLL(None).fflush(None)
