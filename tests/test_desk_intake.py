"""Taking in an article from the admin (URL, pasted text or HTML, a .txt/.html/.pdf file), its
progress page, and the API taking the same metadata."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from factcheck.models import Article
from tests.conftest import wait_for

pytestmark = pytest.mark.usefixtures("plain_static")
ADD = "/admin/factcheck/article/add/"
PARAGRAPHS = [
    "Turkey and Russia held talks on Idlib.",
    "The United Nations says more than 900,000 people have fled since December.",
    "Aid groups said camps near the border were full.",
]


def pdf_with_lines(lines: list[str]) -> bytes:
    """A small valid PDF (one page, Helvetica) holding ``lines`` as text, built by hand."""
    text = " ".join(f"({line}) Tj T*" for line in lines)
    stream = f"BT /F1 11 Tf 14 TL 40 780 Td {text} ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@pytest.mark.django_db
def test_pasted_text_with_its_metadata_lands_on_the_reading_page(client, editor):
    client.force_login(editor)
    response = client.post(
        ADD,
        {
            "text": "\n\n".join(PARAGRAPHS), "title": "Idlib talks",
            "original_url": "https://news.example.org/idlib", "publisher": "The Levant Ledger",
            "published": "2024-03-03 19:45 -05:00",
        },
        follow=True,
    )  # fmt: skip
    article = Article.objects.get()
    assert [url for url, _ in response.redirect_chain] == [
        reverse("admin:factcheck_article_progress", args=[article.pk]),
        reverse("admin:factcheck_article_read", args=[article.pk]),
    ]
    assert (article.origin, article.title, article.publisher) == (
        "text", "Idlib talks", "The Levant Ledger"
    )  # fmt: skip
    assert article.url == "https://news.example.org/idlib"
    assert article.published_at.isoformat() == "2024-03-04T00:45:00+00:00"
    assert article.published_offset == "-05:00"
    html = response.content.decode()
    assert "3 March 2024, 19:45 (UTC-05:00)" in html
    assert 'class="claim status-new"' in html
    assert "more than 900,000" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("story.txt", "\n\n".join(PARAGRAPHS).encode()),
        ("story.html", ("<html><body><article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
                        + "</article></body></html>").encode()),
        ("story.pdf", pdf_with_lines(PARAGRAPHS)),
    ],
)  # fmt: skip
def test_an_uploaded_file_is_an_article_of_origin_file(client, editor, name, content):
    client.force_login(editor)
    upload = SimpleUploadedFile(name, content)
    client.post(ADD, {"file": upload, "title": "Uploaded"})
    article = Article.objects.get()
    assert article.origin == Article.Origin.FILE
    assert article.status == Article.Status.EXTRACTED
    assert "more than 900,000 people have fled" in article.body
    assert article.claims.filter(text__contains="900,000").exists()


@pytest.mark.django_db
def test_the_page_asks_for_exactly_one_input_and_keeps_the_errors_in_view(client, editor):
    client.force_login(editor)
    html = client.post(ADD, {"url": "https://a.example/", "text": "Also text."}).content.decode()
    assert "Give exactly one of a URL to fetch, pasted text, pasted HTML or a file." in html
    html = client.post(ADD, {"url": "ftp://x.example/"}).content.decode()
    assert 'class="errorlist' in html
    html = client.post(ADD, {"text": "Some text.", "published": "next Tuesday"}).content.decode()
    assert "Write it as 2024-03-03 19:45 -05:00" in html
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_only_editors_take_in_articles(client, outsider, editor):
    client.force_login(outsider)
    assert client.get(ADD).status_code == 403
    client.force_login(editor)
    changelist = client.get("/admin/factcheck/article/").content.decode()
    assert ADD in changelist  # the "Add article" button


@pytest.mark.django_db(transaction=True)
def test_a_url_is_followed_from_queued_to_the_reading_page(
    role_groups, client, editor, celery_worker, httpserver, seed_html, allow_loopback
):
    httpserver.expect_request("/story").respond_with_data(seed_html, content_type="text/html")
    client.force_login(editor)
    response = client.post(ADD, {"url": httpserver.url_for("/story")})
    article = Article.objects.get()
    progress = reverse("admin:factcheck_article_progress", args=[article.pk])
    assert response["Location"] == progress
    wait_for(lambda: Article.objects.get().status in ("extracted", "failed"))
    landed = client.get(progress, follow=True)
    assert landed.redirect_chain[-1][0] == reverse(
        "admin:factcheck_article_read", args=[article.pk]
    )
    assert "more than 900,000" in landed.content.decode()


@pytest.mark.django_db
def test_the_progress_page_shows_the_step_and_the_reason_of_a_failure(client, editor):
    queued = Article.objects.create(url="https://a.example/1", status=Article.Status.QUEUED)
    failed = Article.objects.create(
        url="https://a.example/2", status=Article.Status.FAILED,
        failure_reason="The server answered 404 Not Found.",
    )  # fmt: skip
    client.force_login(editor)
    html = client.get(reverse("admin:factcheck_article_progress", args=[queued.pk])).content
    html = html.decode()
    assert '<meta http-equiv="refresh" content="2">' in html
    assert '<li class="now">Queued …</li>' in html
    html = client.get(reverse("admin:factcheck_article_progress", args=[failed.pk])).content
    html = html.decode()
    assert "The article could not be taken in: The server answered 404 Not Found." in html
    assert "http-equiv" not in html


@pytest.mark.django_db
def test_the_api_takes_the_same_metadata_for_pasted_text(api, api_client_user, editor):
    response = api(editor).post(
        "/api/v1/articles/",
        {
            "text": "\n\n".join(PARAGRAPHS), "title": "Idlib talks",
            "original_url": "https://news.example.org/idlib", "publisher": "The Levant Ledger",
            "published_at": "2024-03-03T19:45:00-05:00",
        },
        format="json",
    )  # fmt: skip
    assert response.status_code == 202, response.content
    article = Article.objects.get()
    assert (article.title, article.publisher, article.url) == (
        "Idlib talks", "The Levant Ledger", "https://news.example.org/idlib"
    )  # fmt: skip
    assert article.published_offset == "-05:00"
    assert article.published_at.isoformat() == "2024-03-04T00:45:00+00:00"
