"""The workflow's refusals and the failures worth retrying: one home for the error classes.

``InputRefused`` (a value refused before anything was stored; ``field`` names it) is raised by
ingest and the source pipeline; the review workflow's ``ReviewInputError`` is the same refusal
inside a workflow step. ``TransientFailure`` tells a task to try again later.
"""


class InputRefused(ValueError):
    """The input was refused before anything was stored; ``field`` names what was wrong."""

    def __init__(self, message: str, *, field: str = "url") -> None:
        super().__init__(message)
        self.field = field


class WorkflowError(Exception):
    """A transition the workflow refuses; ``str(exc)`` is the reason an editor reads."""


class EditConflict(WorkflowError):
    """The row changed since the caller read it (a stale ``revision``)."""


class ReviewInputError(WorkflowError, InputRefused):
    """A workflow step refused a value before anything was saved; ``field`` names it."""

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message, field=field)


class TransientFailure(Exception):
    """A fetch or delivery failed in a way worth retrying (timeout, connection, 429, 5xx);
    ``retry_after`` is the server's Retry-After in seconds, when it sent one."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after
