"""Small input edges: webhook secrets, blank titles, `ingest www.notes.txt`, odd URL escapes."""

import io

import pytest
from django.core.management import CommandError, call_command

from factcheck.http import netsafety
from factcheck.http.netsafety import RefusedURL
from factcheck.models import Article, WebhookSubscription
from tests.api_fixtures import error_fields

HOOK = "https://93.184.215.14/hook"
SECRET = "a-shared-secret-of-32-characters"


@pytest.mark.django_db
@pytest.mark.parametrize("secret", [f" {SECRET}", f"{SECRET}\n", f"\t{SECRET} ", f"{SECRET}\u00a0"])
def test_a_webhook_secret_with_surrounding_whitespace_is_refused_not_trimmed(
    api, senior_editor, secret
):
    data = {"url": HOOK, "events": ["verdict.published"], "secret": secret}
    response = api(senior_editor).post("/api/v1/webhooks/", data, format="json")
    assert response.status_code == 400
    assert error_fields(response.json()) == ["secret"]
    assert "whitespace" in response.json()["errors"][0]["reason"]
    assert not WebhookSubscription.objects.exists()


@pytest.mark.django_db
def test_a_changed_webhook_secret_is_checked_too(api, senior_editor):
    data = {"url": HOOK, "events": ["verdict.published"], "secret": SECRET}
    created = api(senior_editor).post("/api/v1/webhooks/", data, format="json").json()
    url = f"/api/v1/webhooks/{created['id']}/"
    refused = api(senior_editor).patch(url, {"secret": SECRET + " ", "revision": 0}, format="json")
    assert error_fields(refused.json()) == ["secret"]
    assert WebhookSubscription.objects.get().secret == SECRET
    inner = "inner spaces are kept as given"
    assert (
        api(senior_editor).patch(url, {"secret": inner, "revision": 0}, format="json").status_code
        == 200
    )
    assert WebhookSubscription.objects.get().secret == inner


@pytest.mark.django_db
@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_a_blank_title_is_ignored_and_the_articles_own_is_kept(api, editor, seed_text, title):
    response = api(editor).post("/api/v1/articles/", {"text": seed_text, "title": title})
    assert response.status_code == 202, response.content
    article = Article.objects.get(pk=response.json()["id"])
    assert article.title.strip() != ""


@pytest.mark.django_db
def test_a_given_title_is_kept_without_its_surrounding_whitespace(api, editor, seed_text):
    response = api(editor).post("/api/v1/articles/", {"text": seed_text, "title": "  Idlib  "})
    assert Article.objects.get(pk=response.json()["id"]).title == "Idlib"


@pytest.mark.django_db
def test_ingest_takes_an_existing_www_file_as_a_file(tmp_path, monkeypatch, seed_text):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "www.notes.txt").write_text(seed_text, encoding="utf-8")
    call_command("ingest", "www.notes.txt", stdout=io.StringIO())
    article = Article.objects.get()
    assert (article.origin, article.url, article.status) == ("file", "", "extracted")


@pytest.mark.django_db
def test_ingest_names_a_missing_www_file_instead_of_fetching_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CommandError, match=r"No such file: www.notes.txt\. For a web page"):
        call_command("ingest", "www.notes.txt", stdout=io.StringIO())
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_ingest_asks_for_the_full_url_of_a_www_site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CommandError, match=r"give its full URL \(https://www.example.org\)"):
        call_command("ingest", "www.example.org", stdout=io.StringIO())


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://example.org/%%30", "The link has a % that is not followed by two hex digits"),
        ("http://example.org/a%2", "The link has a % that is not followed by two hex digits"),
        ("http://example.org/?q=%zz", "The link has a % that is not followed by two hex digits"),
        ("http://example.org/100%", "The link has a % that is not followed by two hex digits"),
        ("http://[fe80::1%25eth0]/", "The IPv6 host [fe80::1%25eth0] has a zone id"),
        ("http://[fe80::1%eth0]:8080/", "The IPv6 host [fe80::1%eth0] has a zone id"),
    ],
)
def test_the_normaliser_refuses_invalid_escapes_and_zone_ids(url, reason):
    with pytest.raises(RefusedURL) as refused:
        netsafety.normalise_url(url)
    assert refused.value.reason.startswith(reason)


def test_valid_escapes_stay_as_they_are():
    assert netsafety.normalise_url("http://example.org/100%25/a%2Fb?q=%C3%A9") == (
        "http://example.org/100%25/a%2Fb?q=%C3%A9"
    )
