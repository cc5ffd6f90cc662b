"""The review queue (claim changelist): default filter, filters, search, bulk actions, CSV."""

import csv
import io

import pytest
from django.contrib.admin import site
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from factcheck import review
from factcheck.admin import ClaimAdmin
from factcheck.models import Article, Claim, Evidence
from tests.personas import make_article, make_claim, make_evidence, make_source

QUEUE = reverse("admin:factcheck_claim_changelist")
EXPORT = reverse("admin:factcheck_claim_export")

pytestmark = pytest.mark.usefixtures("plain_static")


def _texts(response) -> list[str]:
    return [claim.text for claim in response.context["cl"].result_list]


@pytest.fixture
def queue(editor, second_editor) -> dict[str, Claim]:
    article = make_article(title="Idlib talks")
    other = make_article(title="Budget")
    claims = {
        "high": make_claim(article, text="High one", score=0.95),
        "medium": make_claim(article, text="Medium one", score=0.7, claimant="UNHCR"),
        "low": make_claim(other, text="Low one", score=0.3),
        "done": make_claim(other, text="Verified one", score=0.99, status="verified"),
        "dismissed": make_claim(other, text="Dismissed one", score=0.9, status="dismissed"),
    }
    review.claim_assign(claim=claims["medium"], assignee=editor, actor=editor)
    review.claim_assign(claim=claims["low"], assignee=second_editor, actor=editor)
    make_evidence(claims["high"], number_check=Evidence.NumberCheck.CONFLICTS)
    make_evidence(claims["medium"], number_check=Evidence.NumberCheck.AGREES)
    review.claim_tag(claim=claims["low"], actor=editor, tags=["Syria"])
    Claim.objects.filter(pk=claims["high"].pk).update(source_changed=True)
    return claims


def test_the_queue_defaults_to_open_claims_by_score(client, editor, queue):
    client.force_login(editor)
    response = client.get(QUEUE)
    assert response.status_code == 200
    assert _texts(response) == ["High one", "Medium one", "Low one"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=all", ["Verified one", "High one", "Dismissed one", "Medium one", "Low one"]),
        ("status=verified", ["Verified one"]),
        ("status=dismissed", ["Dismissed one"]),
        ("assignee=mine", ["Medium one"]),
        ("assignee=nobody", ["High one"]),
        ("score=high", ["High one"]),
        ("score=medium", ["Medium one"]),
        ("score=low", ["Low one"]),
        ("evidence=yes", ["High one", "Medium one"]),
        ("evidence=no", ["Low one"]),
        ("conflicts=yes", ["High one"]),
        ("source_changed__exact=1", ["High one"]),
        ("q=UNHCR", ["Medium one"]),
        ("q=low+one", ["Low one"]),
    ],
)
def test_each_filter_narrows_the_queue(client, editor, queue, query, expected):
    client.force_login(editor)
    response = client.get(f"{QUEUE}?{query}")
    assert response.status_code == 200
    assert _texts(response) == expected


def test_the_article_and_tag_filters_narrow_the_queue(client, editor, queue):
    client.force_login(editor)
    article = queue["high"].article_id
    assert _texts(client.get(f"{QUEUE}?article={article}")) == ["High one", "Medium one"]
    tag = queue["low"].tags.get().pk
    assert _texts(client.get(f"{QUEUE}?tags__id__exact={tag}")) == ["Low one"]


def test_assign_to_me_assigns_the_selected_claims(client, senior_editor, queue):
    client.force_login(senior_editor)
    picked = [queue["high"].pk, queue["medium"].pk, queue["done"].pk]
    response = client.post(
        f"{QUEUE}?status=all", {"action": "assign_to_me", ACTION_CHECKBOX_NAME: picked}, follow=True
    )
    assert response.status_code == 200
    assigned = Claim.objects.filter(assignee=senior_editor, status="in_review")
    assert sorted(assigned.values_list("text", flat=True)) == ["High one", "Medium one"]
    assert "Verified claim is closed" in response.content.decode()
    assert Claim.objects.get(pk=queue["done"].pk).assignee is None


def test_dismiss_asks_for_a_reason_first(client, editor, queue):
    client.force_login(editor)
    picked = {"action": "dismiss_with_reason", ACTION_CHECKBOX_NAME: [queue["low"].pk]}
    response = client.post(QUEUE, picked)
    assert response.status_code == 200
    assert b'name="reason"' in response.content
    assert Claim.objects.get(pk=queue["low"].pk).status == "in_review"
    response = client.post(QUEUE, {**picked, "apply": "1", "reason": "Opinion."}, follow=True)
    claim = Claim.objects.get(pk=queue["low"].pk)
    assert (claim.status, claim.dismiss_reason) == ("dismissed", "Opinion.")
    assert claim.history.first().history_user == editor


def test_dismiss_with_an_empty_reason_changes_nothing(client, editor, queue):
    client.force_login(editor)
    picked = {"action": "dismiss_with_reason", ACTION_CHECKBOX_NAME: [queue["low"].pk]}
    response = client.post(QUEUE, {**picked, "apply": "1", "reason": ""})
    assert b"This field is required" in response.content
    assert Claim.objects.get(pk=queue["low"].pk).status == "in_review"


def test_find_sources_queues_a_search_per_claim_after_commit(
    client, editor, queue, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    picked = {"action": "find_sources", ACTION_CHECKBOX_NAME: [queue["high"].pk, queue["low"].pk]}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(QUEUE, picked, follow=True)
    assert "queued for 2 claim(s)" in response.content.decode()
    assert len(callbacks) == 2


def test_the_api_client_has_no_queue(client, api_client_user, queue):
    client.force_login(api_client_user)
    assert client.get(QUEUE).status_code == 302  # not staff: sent to the login page


def test_an_outsider_is_refused_the_queue_and_its_actions(client, outsider, queue):
    client.force_login(outsider)
    assert client.get(QUEUE).status_code == 403
    response = client.post(
        QUEUE, {"action": "assign_to_me", ACTION_CHECKBOX_NAME: [queue["high"].pk]}
    )
    assert response.status_code == 403
    assert Claim.objects.get(pk=queue["high"].pk).assignee is None


def test_the_csv_export_follows_the_filters(client, editor, queue):
    client.force_login(editor)
    response = client.get(f"{EXPORT}?score=high&status=all")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["id", "claim", "claimant"]
    assert [row[1] for row in rows[1:]] == ["Verified one", "High one", "Dismissed one"]


def test_the_csv_export_defuses_formulas(client, editor):
    make_claim(text='=HYPERLINK("http://evil")', score=0.9)
    client.force_login(editor)
    body = b"".join(client.get(EXPORT).streaming_content).decode()
    assert "'=HYPERLINK" in body


def test_the_csv_export_refuses_outsiders(client, outsider, queue):
    client.force_login(outsider)
    assert client.get(EXPORT).status_code == 403


def test_hostile_claim_text_is_escaped_in_the_queue(client, editor):
    make_claim(text="<script>alert('queue')</script> 90% of <b>x</b>", score=0.9)
    client.force_login(editor)
    body = client.get(QUEUE).content.decode()
    assert "<script>alert('queue')</script>" not in body
    assert "&lt;script&gt;" in body


@pytest.fixture
def many_claims(db):
    def build(count: int) -> None:
        article = Article.objects.create(title="Big", body="x" * 10, content_hash=f"big-{count}")
        Claim.objects.bulk_create(
            Claim(article=article, text=f"Claim {i}", start=i, end=i + 1, score=(i % 100) / 100)
            for i in range(count)
        )

    return build


@pytest.mark.parametrize("count", [10, 1000])
def test_the_queue_costs_the_same_queries_for_10_and_1000_claims(
    client, editor, many_claims, count, django_assert_num_queries
):
    many_claims(count)
    client.force_login(editor)
    with django_assert_num_queries(9):  # exactly, for 10 as for 1000
        response = client.get(f"{QUEUE}?score=low")
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == min(count, 50)


def test_the_queue_shows_how_far_the_workers_are_with_each_claims_sources(client, editor):
    claim = make_claim(make_article(), score=0.9)
    for status in ("fetched", "fetched", "queued", "fetching", "failed"):
        make_evidence(claim, source=make_source(status=status))
    untouched = make_claim(make_article(), score=0.8)

    client.force_login(editor)
    rows = {c.pk: c for c in client.get(QUEUE).context["cl"].result_list}
    admin = ClaimAdmin(Claim, site)

    assert admin.source_progress(rows[claim.pk]) == "2 fetched · 2 pending · 1 failed"
    assert admin.source_progress(rows[untouched.pk]) == "—"
