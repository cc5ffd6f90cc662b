"""The claims list (filters, search, ordering), detail with evidence, and the editorial actions."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from factcheck import review
from factcheck.api.filters import claim_search
from factcheck.api.pagination import SortingPaginator, _sorted_not_walked
from factcheck.models import Claim, Evidence, Verdict
from tests.api_fixtures import cache_queries, error_fields
from tests.personas import make_article, make_claim, make_evidence, ranked_passages

pytestmark = pytest.mark.django_db
LIST_QUERIES = 3  # exactly: count, rows, tags; plus cache_queries()


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


# --- List, filters, search, ordering --------------------------------------------------------


def test_it_says_whether_the_claimant_is_a_person_or_an_organisation(api, editor):
    who = make_claim(claimant="WHO", claimant_type=Claim.ClaimantType.ORGANISATION)
    row = api(editor).get("/api/v1/claims/").json()["results"][0]
    assert (row["claimant"], row["claimant_type"]) == ("WHO", "organisation")
    detail = api(editor).get(f"/api/v1/claims/{who.pk}/").json()
    assert detail["claimant_type"] == "organisation"


def test_it_lists_claims_by_score(api, editor):
    low, high = make_claim(score=0.2), make_claim(score=0.9)
    assert ids(api(editor).get("/api/v1/claims/")) == [high.pk, low.pk]
    assert ids(api(editor).get("/api/v1/claims/", {"ordering": "score"})) == [low.pk, high.pk]


def test_it_filters_by_status_article_score_claimant_and_assignee(api, editor, second_editor):
    article = make_article(body="The mayor said 5% in 2020. The union said 9% in 2021.")
    mayor = make_claim(article, text="The mayor said 5% in 2020.", claimant="The mayor", score=0.9)
    union = make_claim(article, text="The union said 9% in 2021.", claimant="The union", score=0.4)
    other = make_claim(score=0.7)
    review.claim_assign(claim=union, assignee=second_editor, actor=editor)
    client = api(editor)
    assert ids(client.get("/api/v1/claims/", {"status": "in_review"})) == [union.pk]
    assert ids(client.get("/api/v1/claims/", {"article": article.pk})) == [mayor.pk, union.pk]
    assert ids(client.get("/api/v1/claims/", {"min_score": 0.6})) == [mayor.pk, other.pk]
    assert ids(client.get("/api/v1/claims/", {"claimant": "MAYOR"})) == [mayor.pk]
    assert ids(client.get("/api/v1/claims/", {"assignee": second_editor.pk})) == [union.pk]


def test_it_filters_by_article_url_in_any_spelling(api, editor):
    article = make_article(url="https://news.example.org/story", content_hash="u1")
    claim = make_claim(article)
    make_claim()
    client = api(editor)
    for spelling in ("https://news.example.org/story", "HTTPS://News.Example.org/story?utm_x=1"):
        assert ids(client.get("/api/v1/claims/", {"article_url": spelling})) == [claim.pk]
    response = client.get("/api/v1/claims/", {"article_url": "javascript:alert(1)"})
    assert response.status_code == 400
    assert error_fields(response.json()) == ["article_url"]


def test_it_filters_by_number_conflict(api, editor):
    conflicting, agreeing = make_claim(score=0.9), make_claim(score=0.8)
    make_evidence(conflicting, number_check=Evidence.NumberCheck.CONFLICTS)
    make_evidence(agreeing, number_check=Evidence.NumberCheck.AGREES)
    client = api(editor)
    assert ids(client.get("/api/v1/claims/", {"has_number_conflict": "true"})) == [conflicting.pk]
    assert ids(client.get("/api/v1/claims/", {"has_number_conflict": "false"})) == [agreeing.pk]
    body = client.get("/api/v1/claims/").json()["results"]
    assert [row["has_number_conflict"] for row in body] == [True, False]


def test_it_filters_by_updated_since(api, editor):
    old, new = make_claim(), make_claim()
    Claim.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=3))
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert ids(api(editor).get("/api/v1/claims/", {"updated_since": since})) == [new.pk]
    bad = api(editor).get("/api/v1/claims/", {"updated_since": "yesterday"})
    assert error_fields(bad.json()) == ["updated_since"]


def test_it_searches_claim_text_and_claimant(api, editor):
    article = make_article(body="Unemployment fell to 4% in 2023. Exports doubled in 2022.")
    jobs = make_claim(article, text="Unemployment fell to 4% in 2023.", claimant="The minister")
    make_claim(article, text="Exports doubled in 2022.", claimant="The trade office")
    client = api(editor)
    assert ids(client.get("/api/v1/claims/", {"q": "unemployment"})) == [jobs.pk]
    assert ids(client.get("/api/v1/claims/", {"q": "minister"})) == [jobs.pk]
    assert ids(client.get("/api/v1/claims/", {"q": "🚀 <script>"})) == []


def test_the_search_reads_a_stored_indexed_vector_on_postgresql_only(api, editor):
    article = make_article(body="Unemployment fell to 4% in 2023.")
    jobs = make_claim(article, text="Unemployment fell to 4% in 2023.", claimant="The minister")
    with connection.cursor() as cursor:
        columns = connection.introspection.get_table_description(cursor, "factcheck_claim")
    stored = "search_vector" in {column.name for column in columns}
    assert stored == (connection.vendor == "postgresql")  # SQLite matches substrings
    if stored:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table: show it can
        assert "claim_search_idx" in claim_search(Claim.objects.all(), "minister").explain()
    Claim.objects.filter(pk=jobs.pk).update(claimant="The zebra keeper")  # the trigger follows
    assert ids(api(editor).get("/api/v1/claims/", {"q": "zebra"})) == [jobs.pk]
    assert ids(api(editor).get("/api/v1/claims/", {"q": "minister"})) == []


@pytest.mark.django_db
def test_a_page_of_few_matches_is_sorted_in_the_same_order_without_the_score_index():
    for n in range(30):
        make_claim(score=[0.9, 0.5, 0.5, 0.2][n % 4])
    plain = Claim.objects.order_by("-score", "created_at", "id")
    paginator = SortingPaginator(plain, 25)
    page = paginator.page(2)
    assert [c.pk for c in page] == [c.pk for c in plain[25:]]
    if connection.vendor == "postgresql":  # the first key no longer names an indexed column
        assert 'ORDER BY COALESCE("factcheck_claim"."score"' in str(paginator.object_list.query)
    assert [c.pk for c in _sorted_not_walked(plain)] == [c.pk for c in plain]


@pytest.mark.parametrize("rows", [10, 200])
def test_the_claim_list_takes_constant_queries(api, editor, rows, django_assert_num_queries):
    for n in range(rows):
        claim = make_claim(score=0.5)
        if n % 3 == 0:
            review.claim_assign(claim=claim, assignee=editor, actor=editor)
            claim.tags.create(name=f"topic-{n}")
    client = api(editor)
    client.get("/api/v1/claims/")  # the first request also fills the token cache
    with django_assert_num_queries(LIST_QUERIES + cache_queries()):
        response = client.get("/api/v1/claims/", {"page_size": 100, "q": "minister"})
    assert response.status_code == 200


# --- Detail ------------------------------------------------------------------------------------


def test_the_detail_has_evidence_and_verdict_versions(api, editor, draft, evidence):
    body = api(editor).get(f"/api/v1/claims/{draft.claim_id}/").json()
    assert [item["id"] for item in body["evidence"]] == [evidence.pk]
    assert body["evidence"][0]["source"]["url"] == evidence.source.url
    assert [(v["id"], v["status"]) for v in body["verdicts"]] == [(draft.pk, "draft")]


def test_the_detail_shows_which_figures_the_number_check_compared(api, editor):
    claim = make_claim(make_article(body="The UN says more than 900,000 people have fled."))
    source_text = "UNHCR counted 90,000 people who have fled Idlib."
    make_evidence(claim, passages=ranked_passages(claim.text, source_text))
    body = api(editor).get(f"/api/v1/claims/{claim.pk}/").json()
    pairs = body["evidence"][0]["passages"][0]["pairs"]
    assert pairs == [
        {"claimed": "more than 900,000", "found": "90,000", "found_span": [14, 20],
         "result": "conflicts"}
    ]  # fmt: skip
    schema = api(editor).get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for output in ("Evidence", "CitedSource"):  # the claim's evidence, a verdict's citations
        passages = schema["components"]["schemas"][output]["properties"]["passages"]
        assert "`found_span`" in passages["description"]


# --- Actions -----------------------------------------------------------------------------------


def test_an_editor_assigns_and_unassigns(api, editor, second_editor, claim):
    client = api(editor)
    url = f"/api/v1/claims/{claim.pk}/assign/"
    body = client.post(url, {"assignee": second_editor.pk, "revision": claim.revision}).json()
    assert (body["status"], body["assignee"]) == ("in_review", second_editor.pk)
    body = client.post(url, {"assignee": None, "revision": body["revision"]}, format="json").json()
    assert (body["status"], body["assignee"]) == ("new", None)


def test_assigning_with_a_stale_revision_is_an_edit_conflict(api, editor, claim):
    stale = claim.revision
    review.claim_assign(claim=claim, assignee=editor, actor=editor)
    response = api(editor).post(
        f"/api/v1/claims/{claim.pk}/assign/", {"assignee": editor.pk, "revision": stale}
    )
    assert response.status_code == 409
    assert response.json()["code"] == "edit_conflict"
    assert error_fields(response.json()) == ["revision"]


def test_assigning_to_a_non_editor_names_the_assignee(api, editor, api_client_user, claim):
    url = f"/api/v1/claims/{claim.pk}/assign/"
    response = api(editor).post(url, {"assignee": api_client_user.pk, "revision": 1})
    assert response.status_code == 400
    assert error_fields(response.json()) == ["assignee"]
    response = api(editor).post(url, {"assignee": 999999, "revision": 1})
    assert error_fields(response.json()) == ["assignee"]
    claim.refresh_from_db()
    assert claim.assignee is None
    assert claim.status == Claim.Status.NEW


def test_an_editor_dismisses_with_a_reason(api, editor, claim):
    url = f"/api/v1/claims/{claim.pk}/dismiss/"
    missing = api(editor).post(url, {"reason": "", "revision": 1})
    assert missing.status_code == 400
    assert error_fields(missing.json()) == ["reason"]
    response = api(editor).post(url, {"reason": "Opinion, not a checkable fact.", "revision": 1})
    assert response.json()["status"] == "dismissed"
    again = api(editor).post(url, {"reason": "Twice.", "revision": 2})
    assert again.status_code == 409
    assert again.json()["code"] == "refused_transition"
    assert error_fields(again.json()) == [None]


def test_an_editor_drafts_and_a_second_senior_editor_publishes(
    api, editor, senior_editor, claim, evidence
):
    draft = api(editor).post(
        f"/api/v1/claims/{claim.pk}/verdict/",
        {"rating": "mostly_true", "summary": "Close.", "cited_evidence": [evidence.pk],
         "revision": 0},
    )  # fmt: skip
    assert draft.status_code == 200
    assert draft.json()["status"] == "draft"
    publish = api(senior_editor).post(
        f"/api/v1/claims/{claim.pk}/publish/", {"revision": draft.json()["revision"]}
    )
    assert publish.status_code == 200
    assert publish.json()["status"] == "published"
    claim.refresh_from_db()
    assert claim.status == Claim.Status.VERIFIED


def test_a_senior_editor_cannot_publish_their_own_draft(api, senior_editor, claim, evidence):
    own = review.verdict_draft(
        claim=claim, actor=senior_editor, rating="false", summary="No.", cited_evidence=[evidence]
    )
    url = f"/api/v1/claims/{claim.pk}/publish/"
    response = api(senior_editor).post(url, {"revision": own.revision})
    assert response.status_code == 403
    assert error_fields(response.json()) == [None]
    assert not Verdict.objects.filter(status=Verdict.Status.PUBLISHED).exists()


def test_publishing_without_a_draft_is_refused(api, senior_editor, claim):
    response = api(senior_editor).post(f"/api/v1/claims/{claim.pk}/publish/", {"revision": 1})
    assert response.status_code == 409


def test_drafting_refuses_another_claims_evidence(api, editor, claim):
    foreign = make_evidence(make_claim())
    response = api(editor).post(
        f"/api/v1/claims/{claim.pk}/verdict/",
        {"rating": "false", "summary": "No.", "cited_evidence": [foreign.pk], "revision": 0},
    )
    assert response.status_code == 400
    assert error_fields(response.json()) == ["cited_evidence"]
    assert not Verdict.objects.exists()


def test_drafting_refuses_an_unknown_rating(api, editor, claim):
    response = api(editor).post(
        f"/api/v1/claims/{claim.pk}/verdict/",
        {"rating": "pants_on_fire", "summary": "x", "revision": 0},
    )
    assert error_fields(response.json()) == ["rating"]


def test_a_senior_editor_corrects_and_another_publishes_the_correction(
    api, published, senior_editor, second_senior_editor
):
    url = f"/api/v1/claims/{published.claim_id}/correct/"
    response = api(second_senior_editor).post(
        url,
        {"rating": "mostly_true", "summary": "Revised.", "correction_note": "New data.",
         "revision": published.revision},
    )  # fmt: skip
    assert response.status_code == 201
    correction = response.json()
    assert (correction["corrects"], correction["status"]) == (published.pk, "draft")
    publish = api(senior_editor).post(
        f"/api/v1/claims/{published.claim_id}/publish/", {"revision": correction["revision"]}
    )
    assert publish.status_code == 200
    published.refresh_from_db()
    assert published.status == Verdict.Status.SUPERSEDED


def test_correcting_needs_a_note(api, published, second_senior_editor):
    response = api(second_senior_editor).post(
        f"/api/v1/claims/{published.claim_id}/correct/",
        {"rating": "true", "summary": "x", "revision": published.revision},
    )
    assert error_fields(response.json()) == ["correction_note"]


ACTIONS = {
    "assign": {"assignee": None, "revision": 1},
    "dismiss": {"reason": "Not checkable.", "revision": 1},
    "sources": {"url": "https://stats.example.org/table"},
    "verdict": {"rating": "false", "summary": "No.", "revision": 0},
    "publish": {"revision": 1},
    "correct": {"rating": "true", "summary": "Yes.", "correction_note": "Fixed.", "revision": 1},
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("persona", ["api_client_user", "outsider"])
def test_roles_without_editorial_rights_are_refused_every_action(
    api, request, claim, action, persona
):
    user = request.getfixturevalue(persona)
    before = Claim.objects.values().get(pk=claim.pk)
    response = api(user).post(f"/api/v1/claims/{claim.pk}/{action}/", ACTIONS[action])
    assert response.status_code == 403
    assert error_fields(response.json()) == [None]
    assert Claim.objects.values().get(pk=claim.pk) == before
    assert not Verdict.objects.exists()
    assert not Evidence.objects.exists()


@pytest.mark.parametrize("action", ["publish", "correct"])
def test_editors_are_refused_senior_actions(api, editor, draft, action):
    response = api(editor).post(f"/api/v1/claims/{draft.claim_id}/{action}/", ACTIONS[action])
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == Verdict.Status.DRAFT


def test_actions_on_a_missing_claim_are_404(api, editor):
    response = api(editor).post("/api/v1/claims/999999/dismiss/", {"reason": "x"})
    assert response.status_code == 404


def test_an_editor_adds_a_source_url_for_the_workers(api, editor, claim):
    url = f"/api/v1/claims/{claim.pk}/sources/"
    response = api(editor).post(url, {"url": "https://stats.example.org/table?utm_source=x"})
    assert response.status_code == 202
    evidence = Evidence.objects.get(pk=response.json()["id"])
    assert evidence.provider == Evidence.Provider.EDITOR
    assert response.json()["source"]["url"] == "https://stats.example.org/table"


@pytest.mark.parametrize("bad", ["ftp://example.org/x", "http://", "   ", "x" * 3000])
def test_adding_a_bad_source_url_names_the_url_and_writes_nothing(api, editor, claim, bad):
    response = api(editor).post(f"/api/v1/claims/{claim.pk}/sources/", {"url": bad})
    assert response.status_code == 400
    assert error_fields(response.json()) == ["url"]
    assert not Evidence.objects.exists()
