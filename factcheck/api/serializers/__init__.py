"""Serializers translate between models and JSON; they hold no workflow. Explicit fields only.

Outputs read at volume (the verdict feed and detail, and what they nest) are declared once, as
field tables in ``factcheck.outputs``; ``OutputSerializer`` derives their schema from the table
and writes with the table's row function. The generated schema documents every output exactly
(``api.schema.exact_responses``), and ``tests/test_api_responses.py`` checks a representative
answer of every operation against it.
"""

from factcheck.api.serializers.articles import (
    ArticleDetailSerializer,
    ArticleSerializer,
    ArticleSubmitSerializer,
    ClaimBriefSerializer,
)
from factcheck.api.serializers.base import (
    ErrorReasonSerializer,
    ErrorSerializer,
    OffsetDateTimeField,
    OutputSerializer,
    RevisionField,
    WebURLField,
)
from factcheck.api.serializers.claims import (
    ClaimAssignSerializer,
    ClaimDetailSerializer,
    ClaimDismissSerializer,
    ClaimSerializer,
    EvidenceSerializer,
    SourceAddSerializer,
    SourceSerializer,
    VerdictCorrectSerializer,
    VerdictDraftSerializer,
    VerdictPublishSerializer,
    VerdictVersionSerializer,
)
from factcheck.api.serializers.verdicts import (
    CitedSourceSerializer,
    ClaimReviewSerializer,
    VerdictArticleSerializer,
    VerdictClaimSerializer,
    VerdictDetailSerializer,
    VerdictSerializer,
)
from factcheck.api.serializers.webhooks import (
    WebhookDeliverySerializer,
    WebhookSubscriptionCreatedSerializer,
    WebhookSubscriptionSerializer,
    WebhookSubscriptionUpdateSerializer,
)

__all__ = [
    "ArticleDetailSerializer",
    "ArticleSerializer",
    "ArticleSubmitSerializer",
    "CitedSourceSerializer",
    "ClaimAssignSerializer",
    "ClaimBriefSerializer",
    "ClaimDetailSerializer",
    "ClaimDismissSerializer",
    "ClaimReviewSerializer",
    "ClaimSerializer",
    "ErrorReasonSerializer",
    "ErrorSerializer",
    "EvidenceSerializer",
    "OffsetDateTimeField",
    "OutputSerializer",
    "RevisionField",
    "SourceAddSerializer",
    "SourceSerializer",
    "VerdictArticleSerializer",
    "VerdictClaimSerializer",
    "VerdictCorrectSerializer",
    "VerdictDetailSerializer",
    "VerdictDraftSerializer",
    "VerdictPublishSerializer",
    "VerdictSerializer",
    "VerdictVersionSerializer",
    "WebURLField",
    "WebhookDeliverySerializer",
    "WebhookSubscriptionCreatedSerializer",
    "WebhookSubscriptionSerializer",
    "WebhookSubscriptionUpdateSerializer",
]
