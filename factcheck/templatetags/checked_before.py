"""{% checked_before claim %}: the claim page's "Checked before?" panel (its own template)."""

from django import template

from factcheck import match_selectors, review

register = template.Library()


@register.inclusion_tag("admin/factcheck/claim/checked_before.html", takes_context=True)
def checked_before(context: template.Context, claim: object) -> dict:
    user = context["request"].user
    return {
        "claim": claim,
        "panel": match_selectors.claim_panel(claim.pk),
        "may_decide": review.can(user, "triage"),
        "may_apply": review.can(user, "draft"),
        "csrf_token": context.get("csrf_token"),
    }
