"""Sources cited by published verdicts are re-fetched; a changed or vanished passage flags."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from factcheck.models import Claim, Evidence, Source, SourceChange, SourceSnapshot, Verdict
from factcheck.sources import recheck
from tests.conftest import wait_for
from tests.httpservers import Reply
from tests.personas import make_claim, make_evidence, make_source
from tests.test_sources_tasks import PAGE, add_source, ranked, settled_source, unique_path

CHANGED = PAGE.replace(b"More than 900,000 people", b"About 700,000 people")
EXTENDED = PAGE.replace(
    b"</article>", b"<p>Schools in the province have closed for a week.</p></article>"
)


def publish_citing(evidence: Evidence, editor) -> Verdict:
    verdict = Verdict.objects.create(
        claim=evidence.claim,
        rating=Verdict.Rating.TRUE,
        summary="The UN figure is right.",
        status=Verdict.Status.PUBLISHED,
        editor=editor,
        published_at=timezone.now(),
    )
    verdict.cited_evidence.add(evidence)
    return verdict


def recheck_now(settings) -> list[int]:
    settings.VERDICT_SOURCE_RECHECK_AGE = 0
    with transaction.atomic():
        return recheck.sources_recheck()


@pytest.fixture
def cited(sources_worker, site, editor):
    """A ranked source cited by a published verdict, served at a path the test can change."""
    path = unique_path("cited")
    site.route(path, Reply(body=PAGE))
    evidence = ranked(add_source(site.url(path)))
    publish_citing(evidence, editor)
    return evidence, path


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_changed_cited_passage_flags_the_claim_with_old_and_new_text(cited, site, settings):
    evidence, path = cited
    site.route(path, Reply(body=CHANGED))
    assert recheck_now(settings) == [evidence.source_id]
    change = wait_for(lambda: SourceChange.objects.filter(evidence=evidence).first(), timeout=40)
    assert "More than 900,000 people have fled" in change.old_text
    assert "About 700,000 people have fled" in change.new_text
    assert change.old_hash == evidence.source_hash
    assert change.new_hash == Source.objects.get(pk=evidence.source_id).content_hash
    assert Claim.objects.get(pk=evidence.claim_id).source_changed
    pinned = Evidence.objects.get(pk=evidence.pk)
    assert (pinned.source_hash, pinned.passages) == (evidence.source_hash, evidence.passages)
    assert SourceSnapshot.objects.filter(source_id=evidence.source_id).count() == 2


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_page_that_changed_elsewhere_does_not_flag_the_claim(cited, site, settings):
    evidence, path = cited
    site.route(path, Reply(body=EXTENDED))
    recheck_now(settings)
    wait_for(lambda: SourceSnapshot.objects.filter(source_id=evidence.source_id).count() == 2)
    assert not SourceChange.objects.exists()
    assert not Claim.objects.get(pk=evidence.claim_id).source_changed


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_cited_page_that_is_gone_flags_the_claim(cited, site, settings):
    evidence, path = cited
    site.route(path, Reply(status=410, body=b"gone"))
    recheck_now(settings)
    change = wait_for(lambda: SourceChange.objects.filter(evidence=evidence).first(), timeout=40)
    assert (change.new_hash, change.new_text) == ("", "")
    assert "410" in change.reason
    assert "More than 900,000 people have fled" in change.old_text
    assert Claim.objects.get(pk=evidence.claim_id).source_changed
    assert settled_source(evidence).status == Source.Status.FAILED


@pytest.mark.django_db
def test_only_stale_sources_of_published_verdicts_are_rechecked(settings, editor):
    settings.VERDICT_SOURCE_RECHECK_AGE = 3600
    old = timezone.now() - timedelta(hours=2)

    def evidence_with(fetched_at, status=Source.Status.FETCHED):
        source = make_source(status=status, fetched_at=fetched_at)
        return make_evidence(make_claim(), source=source)

    stale_published = evidence_with(old)
    publish_citing(stale_published, editor)
    fresh_published = evidence_with(timezone.now())
    publish_citing(fresh_published, editor)
    stale_uncited = evidence_with(old)
    stale_pending = evidence_with(old, status=Source.Status.FETCHING)
    publish_citing(stale_pending, editor)
    with transaction.atomic():
        assert recheck.sources_recheck() == [stale_published.source_id]
    statuses = dict(Source.objects.values_list("pk", "status"))
    assert statuses[stale_published.source_id] == Source.Status.QUEUED
    assert statuses[fresh_published.source_id] == Source.Status.FETCHED
    assert statuses[stale_uncited.source_id] == Source.Status.FETCHED
    assert statuses[stale_pending.source_id] == Source.Status.FETCHING
