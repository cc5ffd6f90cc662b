"""Publishing guards: what must hold, or be explained, before a verdict goes public."""

from factcheck.errors import ReviewInputError, WorkflowError
from factcheck.models import Evidence, Source, Verdict

MAX_CLAIM_REVIEWED = 200


def short_wording(value: str | None) -> str | None:
    """``value`` (a verdict's ``claim_reviewed``) with its spaces tidied; None stays None.
    Raises ReviewInputError when it is too long."""
    if value is None:
        return None
    text = " ".join(value.split())
    if len(text) > MAX_CLAIM_REVIEWED:
        raise ReviewInputError(
            f"The short claim is longer than {MAX_CLAIM_REVIEWED} characters "
            "(75 or fewer is best for search engines).",
            field="claim_reviewed",
        )
    return text


def fetched_or_explained(verdict: Verdict, reason: str) -> str:
    """The reason to keep on a verdict about to be published: "" when a cited source is fetched;
    the approver's written ``reason`` when none is. Raises WorkflowError when none is fetched
    and no reason is given."""
    unfetched = unfetched_citations(verdict)
    if unfetched and not (reason or "").strip():
        raise WorkflowError(unfetched)
    return (reason or "").strip()[:5000] if unfetched else ""


def unfetched_citations(verdict: Verdict) -> str:
    """Why the verdict's citations do not stand on a fetched source, or "" when one is fetched
    (or nothing is cited). A senior editor may still publish with a written reason."""
    cited = list(
        Evidence.objects.filter(verdicts=verdict).select_related("source").defer("source__text")
    )
    if not cited or any(e.source.status == Source.Status.FETCHED for e in cited):
        return ""
    states = "; ".join(
        f"{e.source.title or e.source.url}: {e.source.get_status_display().lower()}"
        + (f" ({e.source.failure_reason})" if e.source.failure_reason else "")
        for e in cited
    )
    return (
        f"None of the cited sources has been fetched ({states}). Cite a fetched source, or "
        "write why it is published anyway."
    )
