"""Providers against real HTTP servers on 127.0.0.1 serving the services' real JSON formats."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from factcheck import errors, http, ingest
from factcheck.models import ArticleRaw, Evidence, Source, SourceDocument
from factcheck.sources import pipeline, ranking
from factcheck.sources.domains import registered_domain
from factcheck.sources.providers import (
    article_links,
    factcheck_tools,
    find_candidates,
    searxng,
    wikipedia,
)
from factcheck.sources.providers.api import ProviderError
from tests.httpservers import Reply, serve
from tests.personas import make_article, make_claim, make_source
from tests.sources_fixtures import json_reply, provider_json

CLAIM = (
    "The United Nations says more than 900,000 individuals, mostly women and children, "
    "have escaped their homes in Idlib since early December."
)


@pytest.fixture
def providers_on(settings, allow_loopback):
    settings.FETCH_PER_HOST_INTERVAL = 0
    settings.SOURCES_ARTICLE_LINKS = False
    return settings


@pytest.fixture
def un_claim(db):
    return make_claim(text=CLAIM, claimant="The United Nations")


def query_of(request) -> dict[str, list[str]]:
    return parse_qs(urlsplit(request.path).query)


# --- SearxNG -----------------------------------------------------------------------------------


def test_searxng_results_become_candidates_queried_by_entities_and_numbers(providers_on, un_claim):
    with serve({"/search": json_reply(provider_json("searxng-search.json"))}) as server:
        providers_on.SOURCES_SEARXNG_URL = server.origin
        found = searxng.find(un_claim)
    assert [c.url for c in found] == [
        "https://reliefnews.example/2020/02/17/idlib-displacement-900000/",
        "https://wirewire.example/world/idlib-700000",
    ]
    assert found[0].title.startswith("UN: 900,000 displaced")
    assert found[1].snippet.startswith("Some 700,000 people")
    assert {c.provider for c in found} == {Evidence.Provider.SEARXNG}
    params = query_of(server.requests[0])
    assert params["format"] == ["json"]
    assert params["q"] == [ranking.claim_query(CLAIM, "The United Nations")]
    assert "900,000" in params["q"][0]
    assert "Idlib" in params["q"][0]


def test_searxng_with_no_results_finds_nothing(providers_on, un_claim):
    empty = {"query": "x", "number_of_results": 0, "results": [], "answers": []}
    with serve({"/search": json_reply(empty)}) as server:
        providers_on.SOURCES_SEARXNG_URL = server.origin
        assert searxng.find(un_claim) == []


def test_searxng_is_off_without_a_url(settings):
    settings.SOURCES_SEARXNG_URL = ""
    assert not searxng.enabled()


def test_a_failing_search_service_is_skipped_and_the_others_still_answer(providers_on, un_claim):
    routes = {
        "/search": Reply(status=500, body=b"boom", content_type="text/plain"),
        "/w/api.php": json_reply(provider_json("mediawiki-search.json")),
    }
    with serve(routes) as server:
        providers_on.SOURCES_SEARXNG_URL = server.origin
        providers_on.SOURCES_WIKIPEDIA_URL = server.origin
        with pytest.raises(http.FetchError, match="500"):
            searxng.find(un_claim)
        found = find_candidates(un_claim)
    assert len(found) == 3
    assert {c.provider for c in found} == {Evidence.Provider.WIKIPEDIA}


def test_a_search_service_answering_html_is_an_error_not_a_crash(providers_on, un_claim):
    page = Reply(body=b"<html>maintenance</html>", content_type="text/html")
    with serve({"/search": page}) as server:
        providers_on.SOURCES_SEARXNG_URL = server.origin
        with pytest.raises(http.FetchError, match="text/html"):
            searxng.find(un_claim)


def test_a_search_service_answering_broken_json_is_a_provider_error(providers_on, un_claim):
    broken = Reply(body=b'{"results": [', content_type="application/json")
    with serve({"/search": broken}) as server:
        providers_on.SOURCES_SEARXNG_URL = server.origin
        with pytest.raises(ProviderError, match="did not answer with JSON"):
            searxng.find(un_claim)


# --- Wikipedia ---------------------------------------------------------------------------------


def test_wikipedia_search_hits_become_page_urls_without_highlighting(providers_on, un_claim):
    with serve({"/w/api.php": json_reply(provider_json("mediawiki-search.json"))}) as server:
        providers_on.SOURCES_WIKIPEDIA_URL = server.origin
        found = wikipedia.find(un_claim)
    assert [c.url for c in found] == [
        f"{server.origin}/wiki/Syrian_refugees_in_Turkey",
        f"{server.origin}/wiki/Northwestern_Syria_offensive_(December_2019_%E2%80%93_March_2020)",
        f"{server.origin}/wiki/Astana_peace_process",
    ]
    assert found[0].snippet.startswith("Turkey hosts the largest number of Syrian refugees")
    assert "<span" not in found[1].snippet
    params = query_of(server.requests[0])
    assert params["action"] == ["query"]
    assert params["list"] == ["search"]
    assert params["srsearch"] == [ranking.claim_query(CLAIM, "The United Nations")]


def test_wikipedia_with_no_hits_finds_nothing(providers_on, un_claim):
    empty = {"batchcomplete": "", "query": {"searchinfo": {"totalhits": 0}, "search": []}}
    with serve({"/w/api.php": json_reply(empty)}) as server:
        providers_on.SOURCES_WIKIPEDIA_URL = server.origin
        assert wikipedia.find(un_claim) == []


def test_wikipedia_api_errors_surface_as_fetch_errors(providers_on, un_claim):
    with serve({"/w/api.php": Reply(status=503, content_type="text/plain")}) as server:
        providers_on.SOURCES_WIKIPEDIA_URL = server.origin
        with pytest.raises(http.FetchError) as caught:
            wikipedia.find(un_claim)
    assert caught.value.transient


# --- Google Fact Check Tools -----------------------------------------------------------------


def test_fact_check_tools_is_off_without_an_api_key(settings):
    settings.SOURCES_FACTCHECK_API_KEY = ""
    assert not factcheck_tools.enabled()


def test_fact_check_reviews_carry_the_publishers_rating_and_follow_next_page(
    providers_on, un_claim
):
    last_page = {
        "claims": [
            {
                "text": "900,000 displaced in Idlib",
                "claimant": "UN",
                "claimReview": [
                    {
                        "publisher": {"site": "third.example"},
                        "url": "https://third.example/idlib",
                        "title": "Idlib displacement figures",
                        "textualRating": "Mostly true",
                    }
                ],
            }
        ]
    }

    def page(request):
        token = query_of(request).get("pageToken")
        return json_reply(last_page if token == ["CAI"] else provider_json(FACTCHECK_FIXTURE))

    with serve({"/v1alpha1/claims:search": page}) as server:
        providers_on.SOURCES_FACTCHECK_URL = server.origin
        providers_on.SOURCES_FACTCHECK_API_KEY = "test-key"
        found = factcheck_tools.find(un_claim)
    assert [(c.external_publisher, c.external_rating) for c in found] == [
        ("Example Fact Check Desk", "True"),
        ("Another Checker", "Mostly False"),
        ("third.example", "Mostly true"),
    ]
    assert found[0].url == "https://factdesk.example/2020/02/un-idlib-900000-displaced/"
    assert found[0].snippet.startswith("United Nations: “More than 900,000 people")
    assert [query_of(r).get("pageToken") for r in server.requests] == [None, ["CAI"]]
    assert all(query_of(r)["key"] == ["test-key"] for r in server.requests)


FACTCHECK_FIXTURE = "factchecktools-claims-search.json"


def test_fact_check_paging_stops_at_the_page_limit(providers_on, un_claim):
    with serve({"/v1alpha1/claims:search": json_reply(provider_json(FACTCHECK_FIXTURE))}) as server:
        providers_on.SOURCES_FACTCHECK_URL = server.origin
        providers_on.SOURCES_FACTCHECK_API_KEY = "k"
        providers_on.SOURCES_FACTCHECK_MAX_PAGES = 3
        found = factcheck_tools.find(un_claim)
    assert len(server.requests) == 3
    assert len(found) == 6


def test_fact_check_with_no_matches_finds_nothing(providers_on, un_claim):
    with serve({"/v1alpha1/claims:search": json_reply({})}) as server:
        providers_on.SOURCES_FACTCHECK_URL = server.origin
        providers_on.SOURCES_FACTCHECK_API_KEY = "k"
        assert factcheck_tools.find(un_claim) == []
    assert len(server.requests) == 1


def test_fact_check_rating_is_stored_on_the_evidence(providers_on, un_claim):
    with serve({"/v1alpha1/claims:search": json_reply(provider_json(FACTCHECK_FIXTURE))}) as server:
        providers_on.SOURCES_FACTCHECK_URL = server.origin
        providers_on.SOURCES_FACTCHECK_API_KEY = "k"
        providers_on.SOURCES_FACTCHECK_MAX_PAGES = 1
        pipeline.claim_find_sources(claim_id=un_claim.pk)
    evidence = Evidence.objects.get(source__url__contains="factdesk.example")
    assert evidence.provider == Evidence.Provider.FACTCHECK
    assert (evidence.external_publisher, evidence.external_rating) == (
        "Example Fact Check Desk",
        "True",
    )
    assert evidence.source.domain == "factdesk.example"
    un_claim.refresh_from_db()
    assert un_claim.sources_searched_at is not None


# --- Article links -----------------------------------------------------------------------------

ARTICLE_HTML = """<html><head><title>Idlib</title></head><body>
<nav><a href="https://nav.example/menu">Menu</a> <a href="/subscribe/">Subscribe</a></nav>
<article><h1>Turkey and Russia talk about Idlib</h1>
<p>Ankara has pressed Moscow for days over the fighting along the border.
Officials met again on Tuesday without agreeing on a ceasefire or a date for new talks.</p>
<p>Turkey has accepted about 3.7 million Syrian refugees, says <a
href="https://stats.example/refugees?utm_source=x">the refugee agency</a>, more than any.</p>
<p>The United Nations says more than 900,000 individuals, mostly women and children, have escaped
their homes in Idlib since early December, according to
<a href="https://reliefweb.example/report/idlib#top">a UN situation report</a>.</p>
<p>Read our <a href="https://www.ledger.example/2020/02/earlier/">earlier story</a> and
<a href="mailto:desk@ledger.example">write to the desk</a> with tips about the offensive.</p>
</article>
<footer><a href="https://footer.example/privacy">Privacy</a></footer></body></html>"""


def test_article_links_come_from_the_main_text_only_nearest_the_claim_first(settings, db):
    settings.SOURCES_ARTICLE_LINKS = True
    article = make_article(url="https://www.ledger.example/2020/02/20/idlib/")
    ArticleRaw.objects.create(article=article, content=ARTICLE_HTML)
    claim = make_claim(article=article, text=CLAIM)
    found = article_links.find(claim)
    assert [c.url for c in found] == [
        "https://reliefweb.example/report/idlib",
        "https://stats.example/refugees?utm_source=x",
    ]
    # The link text is no title (the page's own comes with its fetch); it is kept as the snippet.
    assert found[0].title == ""
    assert found[0].snippet == "Linked from the article as “a UN situation report”."
    assert {c.provider for c in found} == {Evidence.Provider.ARTICLE_LINK}


def test_article_links_are_worked_out_once_at_extraction_not_per_claim(
    settings, db, django_assert_num_queries
):
    settings.SOURCES_ARTICLE_LINKS, settings.SOURCES_FIND_ON_INGEST = True, False
    article = ingest.article_ingest_html(
        html=ARTICLE_HTML, url="https://www.ledger.example/2020/02/20/idlib/"
    )
    assert [link[0] for link in article.links] == [
        "https://stats.example/refugees?utm_source=x",
        "https://reliefweb.example/report/idlib",
    ]
    ArticleRaw.objects.filter(article=article).delete()  # not read again
    claims = list(article.claims.select_related("article").order_by("start"))
    assert len(claims) >= 2
    for claim in claims:
        with django_assert_num_queries(0):
            found = article_links.find(claim)
        assert {c.url for c in found} == {link[0] for link in article.links}
    un = next(claim for claim in claims if claim.text.startswith("The United Nations"))
    assert article_links.find(un)[0].url == "https://reliefweb.example/report/idlib"


def test_article_links_of_pasted_text_are_none(settings, db):
    settings.SOURCES_ARTICLE_LINKS = True
    article = make_article()
    ArticleRaw.objects.create(article=article, content="Plain text with https://x.example/ in it.")
    assert article_links.find(make_claim(article=article, text=CLAIM)) == []


# --- Editor-supplied URLs and shared sources ---------------------------------------------------


def test_an_editor_url_becomes_evidence_and_one_source_is_shared_by_claims(db, editor):
    first = make_claim(text=CLAIM)
    second = make_claim(text="Turkey has accepted about 3.7 million Syrian refugees.")
    url = "HTTPS://Reliefweb.example/report/idlib?fbclid=abc"
    evidence = pipeline.evidence_add(claim=first, url=url, actor=editor)
    again = pipeline.evidence_add(claim=first, url=url, actor=editor)
    other = pipeline.evidence_add(claim=second, url="https://reliefweb.example/report/idlib")
    assert again.pk == evidence.pk
    assert other.source_id == evidence.source_id
    assert Source.objects.count() == 1
    assert evidence.provider == Evidence.Provider.EDITOR
    assert evidence.added_by == editor
    assert evidence.source.domain == "reliefweb.example"
    assert evidence.source.status == Source.Status.QUEUED


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "javascript:alert(1)",
        "ftp://files.example/report.pdf",
        "http://",
        "not a url at all",
        "https://exa\u200bmple.org/\u202e",
        "https://example.org/" + "a" * 2100,
        "<script>alert(1)</script>",
    ],
)
def test_a_bad_editor_url_is_refused_with_a_reason_and_nothing_is_stored(db, url):
    claim = make_claim(text=CLAIM)
    with pytest.raises(errors.InputRefused) as caught:
        pipeline.evidence_add(claim=claim, url=url)
    assert str(caught.value)
    assert caught.value.field == "url"
    assert not Source.objects.exists()
    assert not Evidence.objects.exists()


def test_registered_domains_come_from_the_bundled_suffix_list():
    assert registered_domain("https://news.bbc.co.uk/story") == "bbc.co.uk"
    assert registered_domain("https://en.wikipedia.org/wiki/Idlib") == "wikipedia.org"
    assert registered_domain("http://127.0.0.2:8000/page") == "127.0.0.2"


# --- Backoff -----------------------------------------------------------------------------------


def test_retry_delays_grow_with_jitter_and_honour_retry_after(settings):
    settings.SOURCE_RETRY_BASE_DELAY, settings.SOURCE_RETRY_MAX_DELAY = 2.0, 60.0
    first = [pipeline.retry_delay(0) for _ in range(200)]
    third = [pipeline.retry_delay(2) for _ in range(200)]
    assert all(1.0 <= d <= 2.0 for d in first)
    assert len(set(first)) > 100
    assert all(4.0 <= d <= 8.0 for d in third)
    assert pipeline.retry_delay(0, retry_after=30) == 30
    assert pipeline.retry_delay(10) <= 60
    assert pipeline.retry_delay(0, retry_after=86400) == 60


# --- A fetched page with no text --------------------------------------------------------------


def test_a_fetched_source_with_no_readable_text_is_failed_with_a_reason(db):
    long_ago = timezone.now() - timedelta(days=30)
    source = make_source(status=Source.Status.FETCHED, fetched_at=long_ago)
    Source.objects.filter(pk=source.pk).update(updated_at=long_ago)
    html = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    SourceDocument.objects.create(
        source=source, content=html, content_type="text/html", fetched_at=long_ago
    )
    pipeline.source_rank(source_id=source.pk)
    source.refresh_from_db()
    assert (source.status, source.failure_reason) == ("failed", "The page has no readable text.")
    assert source.updated_at > long_ago  # the refetch rule counts from the failure
