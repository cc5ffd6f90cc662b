"""The editors' UI (Django admin): the review queue, the claim page and the article page.

Every button here calls a function in ``factcheck.review``; this package only reads (through
``factcheck.selectors``), renders, and turns refusals into messages. Importing it registers every
model admin.
"""

from django.contrib import admin

from factcheck.admin import (  # noqa: F401  (registers the model admins)
    article,
    claim,
    factchecks,
    others,
    tokens,
)
from factcheck.admin.claim import ClaimAdmin

admin.site.site_header = "Factcheck Workbench"
admin.site.site_title = "Factcheck Workbench"
admin.site.index_title = "Review desk"

__all__ = ["ClaimAdmin"]
