"""The public fact-check pages: an index and one page per claim with a published verdict.

No login; nothing here reads a draft (``pages`` reads published versions only).
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from factcheck import claimreview, dates
from factcheck.public import pages

PER_PAGE = 30


def factcheck_url(claim) -> str:
    """The path of a claim's public page (the ClaimReview ``url`` without the site)."""
    return reverse("public:factcheck", args=[claim.pk, claim.slug])


def index(request: HttpRequest) -> HttpResponse:
    """Published fact-checks, newest first."""
    page = Paginator(pages.published(), PER_PAGE).get_page(request.GET.get("page"))
    for verdict in page.object_list:
        verdict.page_url = factcheck_url(verdict.claim)
    context = {"page": page, "site_name": settings.CLAIMREVIEW_AUTHOR_NAME}
    return TemplateResponse(request, "public/index.html", context)


def factcheck(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    """One fact-check with its ClaimReview embedded; a wrong slug redirects to the right one."""
    page = pages.factcheck_page(claim_id=pk)
    if page is None:
        raise Http404("No published fact-check here.")
    claim = page.verdict.claim
    if slug != claim.slug:
        return redirect(factcheck_url(claim), permanent=True)
    publisher = claimreview.publisher_from_settings(request)
    document = claimreview.claimreview(page.verdict, publisher)
    context = {
        "page": page,
        "verdict": page.verdict,
        "claim": claim,
        "article": claim.article,
        "claimant_type": claimreview.claimant_type(claim),
        "json_ld": claimreview.claimreview_json(document),
        "canonical": document["url"],
        "published_in_zone": dates.published_text(
            claim.article.published_at, claim.article.published_offset
        ),
        "site_name": settings.CLAIMREVIEW_AUTHOR_NAME,
    }
    return TemplateResponse(request, "public/factcheck.html", context)
