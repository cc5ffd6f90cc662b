"""API tokens in the admin: create one (its key shown once), list and revoke your own.

Only a superuser sees or creates other people's tokens (e.g. for an API-client account, which
cannot sign in here). Nobody ever sees a key again after creation: only its digest is stored.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from factcheck.api import tokens
from factcheck.models import ApiToken


class TokenCreateForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="What the token is for, e.g. 'newsroom CMS'.")

    def __init__(self, *args: object, for_anyone: bool, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if for_anyone:
            self.fields["user"] = forms.ModelChoiceField(
                User.objects.filter(is_active=True).order_by("username"),
                required=False,
                help_text="Whose token it is; empty: yours.",
            )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    list_select_related = ("user",)
    fields = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = fields
    actions = ("revoke",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[ApiToken]:
        tokens_seen = super().get_queryset(request)
        return tokens_seen if _superuser(request) else tokens_seen.filter(user=request.user)

    def has_view_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return False  # revoked tokens stay listed, with when they were last used

    def add_view(
        self, request: HttpRequest, form_url: str = "", extra_context=None
    ) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = TokenCreateForm(request.POST or None, for_anyone=_superuser(request))
        token, key = None, None
        if request.method == "POST" and form.is_valid():
            owner = form.cleaned_data.get("user") or request.user
            try:
                token, key = tokens.api_token_create(
                    user=owner, name=form.cleaned_data["name"], actor=request.user
                )
            except tokens.TokenError as exc:
                form.add_error("name", str(exc))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "New API token",
            "form": form,
            "token": token,
            "key": key,
        }
        response = TemplateResponse(request, "admin/factcheck/apitoken/add.html", context)
        patch_cache_control(response, no_store=True)  # the page carries the key
        return response

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset:
            tokens.api_token_revoke(token=token, actor=request.user)
        messages.info(request, f"{len(queryset)} token(s) revoked.")


def _superuser(request: HttpRequest) -> bool:
    return request.user.is_active and request.user.is_superuser
