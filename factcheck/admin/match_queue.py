"""The review queue's "Checked before" column and filter (annotations from match_selectors)."""

from django.contrib import admin
from django.utils.text import Truncator

from factcheck import match_selectors
from factcheck.models import Claim, MatchSuggestion

KIND_LABELS = dict(MatchSuggestion.Kind.choices)


@admin.display(description="Checked before", ordering="-checked_score")
def checked_before_column(claim: Claim) -> str:
    """ "Checked before: '…' — False, published 2026-11-02, match 0.91" (or blank)."""
    score = getattr(claim, "checked_score", None)
    if score is None:
        return ""
    text = Truncator(claim.checked_text or "").chars(60)
    parts = [f"{KIND_LABELS.get(claim.checked_kind, '')}: '{text}'"]
    if claim.checked_rating:
        parts.append(claim.checked_rating.replace("_", " ").capitalize())
    if claim.checked_published:
        parts.append(f"published {claim.checked_published:%Y-%m-%d}")
    parts.append(f"match {score:.2f}")
    return " — ".join(parts[:1]) + (" — " + ", ".join(parts[1:]) if parts[1:] else "")


class CheckedBeforeFilter(admin.SimpleListFilter):
    title = "checked before"
    parameter_name = "checked_before"

    def lookups(self, request, model_admin):
        return [("yes", "Has a match"), ("confirmed", "Confirmed match"), ("no", "No match")]

    def queryset(self, request, queryset):
        return match_selectors.checked_before_filter(queryset, self.value() or "")
