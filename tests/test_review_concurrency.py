"""Concurrent workflow writes on the configured database (PostgreSQL in CI): one lock order
(claim, then verdict) and a bounded retry, so no pair of writers ends in "deadlock detected"."""

import threading
from functools import partial

import pytest
from django.db import OperationalError, connection

from factcheck import review
from factcheck.dbretry import atomic_with_retry, is_retryable
from factcheck.models import Verdict
from tests.personas import make_claim, make_evidence, make_user

PAIRS = 20


def _user(name: str):
    # Superusers hold every permission: a transactional test's flush removes the role groups.
    return make_user(name, is_staff=True, is_superuser=True)


def _run_together(*calls) -> list[object]:
    """Each call in its own thread (its own database connection), released at once."""
    barrier, outcomes = threading.Barrier(len(calls)), [None] * len(calls)

    def run(index: int, call) -> None:
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as exc:  # noqa: BLE001 - the outcome under test
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_concurrent_draft_edits_and_publishes_never_deadlock():
    editor, senior = _user("edna"), _user("sam")
    failures = []
    for n in range(PAIRS):
        claim = make_claim()
        evidence = make_evidence(claim)
        draft = review.verdict_draft(
            claim=claim, actor=editor, rating="false", summary="No.", cited_evidence=[evidence]
        )
        edit = partial(
            review.verdict_draft, claim=claim, actor=editor, rating="mostly_false",
            summary=f"Edit {n}.", cited_evidence=[evidence], revision=draft.revision,
        )  # fmt: skip
        publish = partial(
            review.verdict_publish, verdict=draft, approver=senior, revision=draft.revision
        )
        outcomes = _run_together(edit, publish)
        failures += [o for o in outcomes if isinstance(o, OperationalError)]
        # Exactly one of the two wins; the other is told someone else saved first.
        assert sorted(type(o).__name__ for o in outcomes if isinstance(o, Exception)) in (
            ["EditConflict"],
            [],
        ), outcomes
        assert sum(isinstance(o, Verdict) for o in outcomes) >= 1, outcomes
    assert failures == []


@pytest.mark.django_db(transaction=True)
def test_concurrent_corrections_and_draft_edits_never_deadlock():
    editor, senior, other_senior = _user("edna"), _user("sam"), _user("sasha")
    errors = []
    for n in range(PAIRS // 2):
        claim = make_claim()
        evidence = make_evidence(claim)
        first = review.verdict_draft(
            claim=claim, actor=editor, rating="false", summary="No.", cited_evidence=[evidence]
        )
        published = review.verdict_publish(verdict=first, approver=senior)
        correct = partial(
            review.verdict_correct, verdict=published, actor=other_senior, rating="true",
            summary="Yes.", correction_note=f"Fixed {n}.", revision=published.revision,
        )  # fmt: skip
        draft = partial(
            review.verdict_draft, claim=claim, actor=editor, rating="true", summary="Y", revision=0
        )
        outcomes = _run_together(correct, draft)
        errors += [o for o in outcomes if isinstance(o, OperationalError)]
    assert errors == []


class _Deadlock(Exception):
    sqlstate = "40P01"


@pytest.mark.django_db(transaction=True)
def test_a_deadlocked_workflow_transaction_is_retried_a_bounded_number_of_times():
    calls = []

    @atomic_with_retry
    def flaky(fail_times: int) -> str:
        calls.append(1)
        if len(calls) <= fail_times:
            raise OperationalError("deadlock detected") from _Deadlock()
        return "done"

    assert flaky(2) == "done"
    assert len(calls) == 3
    calls.clear()
    with pytest.raises(OperationalError) as raised:
        flaky(10)
    assert is_retryable(raised.value)
    assert len(calls) == 4
