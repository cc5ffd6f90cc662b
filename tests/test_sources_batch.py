"""Evidence from a provider search is written in one batch; a ranking extracts a page once.

The default configuration adds about a hundred evidence rows an article (every claim's outbound
links), many citing sources already fetched and ranked: these pin that the batch keeps every
guarantee of `evidence_add` one by one (one source per URL, one evidence per claim and source,
a history row each, each fetch queued once) and that ranking new citations of a ranked source
neither extracts its page again nor rewrites the evidence already ranked.
"""

import pytest
from django.utils import timezone

from factcheck.models import Evidence, Source, SourceDocument
from factcheck.sources import pipeline
from factcheck.sources.providers import Candidate
from tests.personas import make_article, make_claim, make_evidence, make_source

PAGE = (
    "<html><head><title>Schools report</title></head><body><article><h1>Schools report</h1>"
    "<p>In 2020, 40% of schools were closed for at least a month, the ministry said.</p>"
    "<p>Teachers moved lessons online where they could, the report adds.</p>"
    "</article></body></html>"
)
CLAIM = "In 2020, 40% of schools were closed for at least a month."


def candidate(url: str, **fields: str) -> Candidate:
    return Candidate(
        url=url, title=fields.get("title", ""), snippet="", provider=Evidence.Provider.ARTICLE_LINK
    )


@pytest.mark.django_db
def test_a_searchs_candidates_are_stored_in_one_batch_each_evidence_with_its_history(
    django_assert_num_queries, django_capture_on_commit_callbacks
):
    claim = make_claim(text=CLAIM)
    known = make_source(url="https://stats.example.org/known", status=Source.Status.QUEUED)
    cited = make_source(url="https://stats.example.org/cited")
    already = make_evidence(claim, source=cited)
    candidates = [
        candidate("https://news.example.org/a", title="A"),
        candidate("HTTPS://news.example.org/a#top"),  # the same source once normalised
        candidate("ftp://files.example.org/report"),  # not http(s): skipped
        candidate("https://stats.example.org/known"),
        candidate("https://stats.example.org/cited"),
    ]
    # Sources by URL; the new source; the claim's evidence; which cited sources have their text
    # ready (none: the known one is still queued); the evidence; their history rows.
    with django_assert_num_queries(8), django_capture_on_commit_callbacks() as queued:
        stored = pipeline.evidence_add_many(claim=claim, candidates=candidates)
    new = Source.objects.get(url="https://news.example.org/a")
    assert new.title == "A"
    assert [e.source_id for e in stored] == [new.pk, known.pk, cited.pk]
    assert stored[2].pk == already.pk
    assert Evidence.objects.filter(claim=claim).count() == 3
    history = Evidence.history.filter(claim_id=claim.pk, history_type="+")
    assert sorted(h.id for h in history) == sorted(e.pk for e in stored)  # `already`'s too
    assert len(queued) == 1  # the new source's fetch; the queued one is fetched anyway


@pytest.mark.django_db
def test_a_search_run_twice_stores_nothing_new():
    claim = make_claim(text=CLAIM)
    candidates = [candidate("https://news.example.org/b"), candidate("https://news.example.org/c")]
    first = pipeline.evidence_add_many(claim=claim, candidates=candidates)
    again = pipeline.evidence_add_many(claim=claim, candidates=candidates)
    assert [e.pk for e in again] == [e.pk for e in first]
    assert Evidence.history.filter(claim_id=claim.pk).count() == 2


@pytest.mark.django_db
def test_ranking_new_citations_uses_the_text_extracted_once_and_leaves_ranked_evidence_alone():
    source = make_source(url="https://stats.example.org/page", text="", fetched_at=timezone.now())
    SourceDocument.objects.create(
        source=source, content=PAGE, content_type="text/html", fetched_at=source.fetched_at
    )
    first = make_evidence(make_claim(make_article(body=CLAIM), text=CLAIM), source=source)
    pipeline.source_rank(source_id=source.pk)
    first.refresh_from_db()
    assert "40% of schools" in first.passages[0]["text"]
    ranked_at = first.updated_at
    # The stored page changes without a new fetch: the text extracted from this fetch stands.
    SourceDocument.objects.filter(source=source).update(content=PAGE.replace("40%", "41%"))
    second = make_evidence(make_claim(make_article(body=CLAIM + " "), text=CLAIM), source=source)
    pipeline.source_rank(source_id=source.pk)
    second.refresh_from_db()
    first.refresh_from_db()
    assert "40% of schools" in second.passages[0]["text"]
    assert second.source_hash == first.source_hash
    assert first.updated_at == ranked_at


@pytest.mark.django_db
def test_a_new_citation_of_a_ranked_source_is_ranked_at_once_with_no_ranking_task(
    django_capture_on_commit_callbacks,
):
    source = make_source(url="https://stats.example.org/ready", text="", fetched_at=timezone.now())
    SourceDocument.objects.create(
        source=source, content=PAGE, content_type="text/html", fetched_at=source.fetched_at
    )
    make_evidence(make_claim(make_article(body=CLAIM), text=CLAIM), source=source)
    pipeline.source_rank(source_id=source.pk)
    claim = make_claim(make_article(body=CLAIM + " "), text=CLAIM)
    with django_capture_on_commit_callbacks() as queued:
        added = pipeline.evidence_add_many(claim=claim, candidates=[candidate(source.url)])
    assert queued == []  # no fetch, no ranking task
    pipeline.evidence_rank_ready(evidence=added)
    ranked = Evidence.objects.get(claim=claim)
    assert ranked.source_hash == Source.objects.get(pk=source.pk).content_hash
    assert "40% of schools" in ranked.passages[0]["text"]
    changed = Evidence.history.filter(id=ranked.pk, history_type="~").get()
    assert changed.source_hash == ranked.source_hash  # the ranking is in the history too
