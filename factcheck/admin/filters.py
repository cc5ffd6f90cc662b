"""Filters of the review queue."""

from django.contrib import admin

from factcheck.models import Article, Claim


class StatusFilter(admin.SimpleListFilter):
    """Open claims unless told otherwise."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("open", "Open (new or in review)"), ("all", "All")] + list(Claim.Status.choices)

    def value(self) -> str:
        return super().value() or "open"

    def choices(self, changelist):
        for lookup, label in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": label,
            }

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.filter(status__in=Claim.OPEN_STATUSES)
        if self.value() in Claim.Status.values:
            return queryset.filter(status=self.value())
        return queryset


class AssigneeFilter(admin.SimpleListFilter):
    title = "assignee"
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        return [("mine", "Mine"), ("nobody", "Unassigned")]

    def queryset(self, request, queryset):
        if self.value() == "mine":
            return queryset.filter(assignee=request.user)
        if self.value() == "nobody":
            return queryset.filter(assignee__isnull=True)
        return queryset


class ScoreBandFilter(admin.SimpleListFilter):
    title = "check-worthiness"
    parameter_name = "score"
    BANDS = {"high": (0.8, 1.01), "medium": (0.6, 0.8), "low": (0.0, 0.6)}

    def lookups(self, request, model_admin):
        return [("high", "High (0.8+)"), ("medium", "Medium (0.6–0.8)"), ("low", "Low (< 0.6)")]

    def queryset(self, request, queryset):
        if self.value() in self.BANDS:
            low, high = self.BANDS[self.value()]
            return queryset.filter(score__gte=low, score__lt=high)
        return queryset


class ArticleFilter(admin.SimpleListFilter):
    """The 30 most recent articles (one query); any article by its id in the URL."""

    title = "article"
    parameter_name = "article"

    def lookups(self, request, model_admin):
        rows = Article.objects.filter(status=Article.Status.EXTRACTED).values_list("pk", "title")
        return [(str(pk), title or f"Article {pk}") for pk, title in rows[:30]]

    def queryset(self, request, queryset):
        value = self.value() or ""
        # ASCII digits only ("¹" passes isdigit()) and within the database's integer.
        if value.isascii() and value.isdigit() and len(value) <= 18:
            return queryset.filter(article_id=int(value))
        return queryset


class _YesNoFilter(admin.SimpleListFilter):
    annotation = ""

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(**{self.annotation: self.value() == "yes"})
        return queryset


class HasEvidenceFilter(_YesNoFilter):
    title = "has evidence"
    parameter_name = "evidence"
    annotation = "has_evidence"


class NumberConflictFilter(_YesNoFilter):
    title = "number conflicts"
    parameter_name = "conflicts"
    annotation = "has_number_conflict"
