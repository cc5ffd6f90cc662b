"""An Atom feed of published fact-checks (newest first): each entry links to its public page."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from factcheck.models import Verdict
from factcheck.public import pages
from factcheck.public.views import factcheck_url

FEED_SIZE = 50


class FactCheckFeed(Feed):
    feed_type = Atom1Feed
    title = "Fact-checks"
    link = reverse_lazy("public:index")
    subtitle = "Published fact-checks, newest first."

    def items(self) -> list[Verdict]:
        return list(pages.published()[:FEED_SIZE])

    def item_title(self, verdict: Verdict) -> str:
        return f"{verdict.get_rating_display()}: {verdict.claim_reviewed or verdict.claim.text}"

    def item_description(self, verdict: Verdict) -> str:
        return verdict.summary

    def item_link(self, verdict: Verdict) -> str:
        return factcheck_url(verdict.claim)

    def item_pubdate(self, verdict: Verdict):
        return verdict.published_at

    def item_updateddate(self, verdict: Verdict):
        return verdict.published_at
