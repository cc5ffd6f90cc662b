"""Taking in an article from the admin, following it until it is read, and reading it.

The intake page hands one URL, pasted text, pasted HTML or file to ``ingest.article_submit``;
the progress page follows a fetched URL (queued → fetching → extracted, or the reason it
failed) and lands on the reading page: the whole body with every claim highlighted in place.
"""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from factcheck import dates, errors, ingest, selectors
from factcheck.admin.forms import IntakeForm
from factcheck.models import Article, Claim

STEPS = [Article.Status.QUEUED, Article.Status.FETCHING, Article.Status.EXTRACTED]
REFRESH_SECONDS = 2


def _context(request: HttpRequest, model_admin, title: str, **extra) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": title,
        **extra,
    }


def intake_view(request: HttpRequest, model_admin) -> HttpResponse:
    """GET: the form. POST: submit, then follow the article's progress."""
    form = IntakeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = ingest.article_submit(**form.submitted())
        except errors.InputRefused as exc:
            field = exc.field if exc.field in form.fields else None
            form.add_error(field, str(exc))
        else:
            progress = reverse("admin:factcheck_article_progress", args=[article.pk])
            return HttpResponseRedirect(progress)
    context = _context(
        request, model_admin, "Add an article", form=form,
        article_fields=[form[name] for name in ("url", "text", "html", "file")],
        meta_fields=[form[name] for name in ("title", "original_url", "publisher", "published")],
    )  # fmt: skip
    return TemplateResponse(request, "admin/factcheck/article/intake.html", context)


def progress_view(request: HttpRequest, model_admin, pk: int) -> HttpResponse:
    """Where the article is; once extracted, its reading page. Refreshes itself while working."""
    article = get_object_or_404(Article.objects.defer("body"), pk=pk)
    if article.status == Article.Status.EXTRACTED:
        return HttpResponseRedirect(reverse("admin:factcheck_article_read", args=[pk]))
    reached = STEPS.index(article.status) if article.status in STEPS else -1
    steps = [
        {"label": Article.Status(step).label, "done": i < reached, "now": i == reached}
        for i, step in enumerate(STEPS)
    ]
    working = article.status != Article.Status.FAILED
    context = _context(
        request, model_admin, "Taking in the article", article=article, steps=steps,
        refresh=REFRESH_SECONDS if working else 0,
    )  # fmt: skip
    return TemplateResponse(request, "admin/factcheck/article/progress.html", context)


def read_view(request: HttpRequest, model_admin, pk: int) -> HttpResponse:
    """The article's whole body with its claims highlighted; failed or pending states explained."""
    get_object_or_404(Article.objects.only("pk"), pk=pk)
    article, paragraphs = selectors.article_reading(article_id=pk)
    context = _context(
        request, model_admin, article.title or f"Article {pk}", article=article,
        paragraphs=paragraphs, published=dates.published_text(article.published_at,
        article.published_offset), statuses=Claim.Status.choices,
    )  # fmt: skip
    return TemplateResponse(request, "admin/factcheck/article/read.html", context)
