"""ui.jobs.Job: every way a job ends comes back as done(result, error, cancelled)."""

from __future__ import annotations

from planner.errors import Cancelled, PlannerError
from ui.jobs import Job


class _Job(Job):
    failure = "The thing could not be made"

    def __init__(self, outcome: object) -> None:
        super().__init__()
        self._outcome = outcome

    def work(self) -> object:
        if isinstance(self._outcome, BaseException):
            raise self._outcome
        return self._outcome


def _ending(outcome: object) -> tuple[object, object, bool]:
    job = _Job(outcome)
    seen: list[tuple[object, object, bool]] = []
    job.done.connect(lambda *args: seen.append(args))
    job.run()
    return seen[0]


def test_a_result_an_error_a_cancel_and_a_surprise_each_end_in_done(qapp):
    assert _ending(42) == (42, None, False)
    assert _ending(PlannerError("The disk is full.")) == (None, "The disk is full.", False)
    assert _ending(Cancelled("stopped")) == (None, None, True)
    assert _ending(KeyError("x")) == (None, "The thing could not be made ('x').", False)


def test_a_started_job_runs_on_the_pool_and_reports_on_the_gui_thread(qtbot):
    job = _Job("made")
    with qtbot.waitSignal(job.done, timeout=5000) as blocker:
        job.start()
    assert blocker.args == ["made", None, False]
