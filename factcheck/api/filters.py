"""Query-string filters of the claim and verdict lists; a bad value is a 400 naming the filter."""

import functools

from django import forms
from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django_filters import rest_framework as filters
from django_filters.utils import translate_validation
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.settings import api_settings

from factcheck.api.params import StrictBooleanField, UTCDateTimeField
from factcheck.http import netsafety
from factcheck.models import Claim, Verdict
from factcheck.selectors import number_conflict_exists

MAX_ID = 2**63 - 1  # larger ids overflow the database's integer


def article_url_q(value: str, prefix: str = "article__") -> Q:
    """Articles whose source or canonical URL is ``value`` (compared in normalised form)."""
    try:
        normalised = netsafety.normalise_url(value)
    except netsafety.RefusedURL as exc:
        raise ValidationError({"article_url": [exc.reason]}) from exc
    urls = {value.strip(), normalised}
    return Q(**{f"{prefix}url__in": urls}) | Q(**{f"{prefix}canonical_url__in": urls})


STORED_VECTOR_CONFIG = "english"  # what migration 0011's factcheck_claim.search_vector holds


def claim_search(queryset: QuerySet, text: str) -> QuerySet:
    """Full-text search on PostgreSQL; a case-insensitive substring match elsewhere (SQLite).

    With the default configuration PostgreSQL matches the stored, GIN-indexed vector of text
    and claimant (migration 0011); with another it computes the same vector on every row."""
    if connection.vendor != "postgresql":
        return queryset.filter(Q(text__icontains=text) | Q(claimant__icontains=text))
    config = settings.API_SEARCH_CONFIG
    if config == STORED_VECTOR_CONFIG:
        matches = RawSQL(
            '"factcheck_claim"."search_vector" @@ websearch_to_tsquery(%s::regconfig, %s)',
            (config, text),
            output_field=BooleanField(),
        )
        return queryset.filter(matches)
    vector = SearchVector("text", "claimant", config=config)
    query = SearchQuery(text, search_type="websearch", config=config)
    return queryset.annotate(search=vector).filter(search=query)


class BooleanFilter(filters.BooleanFilter):
    """true/false; django-filter's own turns any other word into "no filter"."""

    field_class = StrictBooleanField

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("widget", forms.TextInput)
        super().__init__(*args, **kwargs)


class DateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UTCDateTimeField


class FilterSet(filters.FilterSet):
    """A filter set whose form class is built once per class, not per request (half its cost).
    Its filters must not depend on the request (none here do)."""

    def get_form_class(self) -> type:
        cls = type(self)
        if "_form_class" not in cls.__dict__:
            cls._form_class = super().get_form_class()
        return cls._form_class


class FilterBackend(filters.DjangoFilterBackend):
    """django-filter's backend, building only the filters the query string names: none for a
    detail request or an unfiltered page, one of six for ``?updated_since=…`` (each filter, and
    its form field, is deep-copied per request). The browsable API's form still shows them all."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view: object) -> QuerySet:
        filterset_class = self.get_filterset_class(view, queryset)
        _refuse_unknown(request, filterset_class, view)
        named = _named_filters(request, filterset_class) if filterset_class else ()
        if not named:
            return queryset
        kwargs = self.get_filterset_kwargs(request, queryset, view)
        filterset = _narrowed(filterset_class, named)(**kwargs)
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        return filterset.qs


def _refuse_unknown(request: Request, filterset_class: type | None, view: object) -> None:
    """A parameter that is neither a filter, a page parameter nor ``format``, or one given
    with an empty value (``?status=``, which django-filter would take as no filter), is a 400."""
    known = {api_settings.URL_FORMAT_OVERRIDE, *getattr(filterset_class, "base_filters", ())}
    paginator = getattr(view, "paginator", None)
    for attribute in ("page_query_param", "page_size_query_param", "cursor_query_param"):
        known.add(getattr(paginator, attribute, None))
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        expected = ", ".join(sorted(name for name in known if name))
        raise ValidationError(
            {name: [f"Unknown parameter; expected {expected}."] for name in unknown}
        )
    empty = sorted(name for name, value in request.query_params.items() if value == "")
    if empty:
        reason = "Empty value; leave the parameter out instead."
        raise ValidationError({name: [reason] for name in empty})


def _named_filters(request: Request, filterset_class: type[FilterSet]) -> tuple[str, ...]:
    """The filters a parameter names, by name or name with a suffix (``name_after``)."""
    params = set(request.query_params) | {key.rsplit("_", 1)[0] for key in request.query_params}
    return tuple(name for name in filterset_class.base_filters if name in params)


@functools.lru_cache(maxsize=256)
def _narrowed(filterset_class: type[FilterSet], names: tuple[str, ...]) -> type[FilterSet]:
    """``filterset_class`` with only the filters ``names`` (its methods and form class kept)."""
    narrowed = type(filterset_class.__name__, (filterset_class,), {})
    narrowed.base_filters = {name: filterset_class.base_filters[name] for name in names}
    return narrowed


class ClaimFilter(FilterSet):
    q = filters.CharFilter(method="filter_q", max_length=500, label="Full-text search")
    status = filters.ChoiceFilter(choices=Claim.Status.choices)
    article = filters.NumberFilter(field_name="article_id", min_value=1, max_value=MAX_ID)
    article_url = filters.CharFilter(method="filter_article_url", max_length=2048)
    min_score = filters.NumberFilter(
        field_name="score", lookup_expr="gte", min_value=0, max_value=1
    )
    claimant = filters.CharFilter(field_name="claimant", lookup_expr="icontains", max_length=300)
    assignee = filters.NumberFilter(field_name="assignee_id", min_value=1, max_value=MAX_ID)
    has_number_conflict = BooleanFilter(method="filter_number_conflict")
    updated_since = DateTimeFilter(field_name="updated_at", lookup_expr="gte")
    ordering = filters.OrderingFilter(fields=("score", "created_at", "updated_at", "id"))

    class Meta:
        model = Claim
        fields: list[str] = []

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return claim_search(queryset, value) if value.strip() else queryset

    def filter_article_url(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(article_url_q(value))

    def filter_number_conflict(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(number_conflict_exists() if value else ~number_conflict_exists())


class VerdictFilter(FilterSet):
    status = filters.ChoiceFilter(choices=Verdict.Status.choices)
    rating = filters.ChoiceFilter(choices=Verdict.Rating.choices)
    claim = filters.NumberFilter(field_name="claim_id", min_value=1, max_value=MAX_ID)
    article_url = filters.CharFilter(method="filter_article_url", max_length=2048)
    updated_since = DateTimeFilter(field_name="updated_at", lookup_expr="gte")
    publisher = filters.CharFilter(
        field_name="claim__article__publisher",
        lookup_expr="iexact",
        max_length=300,
        label="Publisher of the claim's article",
    )

    class Meta:
        model = Verdict
        fields: list[str] = []

    def filter_article_url(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(article_url_q(value, prefix="claim__article__"))
