"""Admin base classes that keep the workflow the only way to write.

``ReadOnlyHistoryAdmin``: a record's history is there to read. django-simple-history's history
form saves whatever is posted to it (a "revert"), checking only view or change permission, which
let an editor publish their own draft with a forged ``approved_by``. Here it only shows, and a
system check refuses to start with any admin whose history form could write.

``WorkflowOnlyAdmin``: models whose rows are born and changed only by named workflow functions
(``factcheck.review``, the fetchers) get no raw add form for anyone, and a change form only for a
superuser and only for ``raw_editable_fields`` (a title to tidy); a verdict has none, so no form
can publish one or forge its sign-off. Deleting is a superuser's repair, refused where it would
change what a verdict cites or says (``protected_from_deletion``).
"""

from django.contrib import admin
from django.core import checks
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from simple_history.admin import SimpleHistoryAdmin

READ_METHODS = ("GET", "HEAD")


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    """History list and past versions to read, for everyone; no revert, no form that writes."""

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context=None
    ) -> HttpResponse:
        if request.method not in READ_METHODS:
            return HttpResponseNotAllowed(READ_METHODS, "Record history is read-only.")
        request.viewing_history = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        if getattr(request, "viewing_history", False):
            opts = self.model._meta
            fields += [f.name for f in [*opts.fields, *opts.many_to_many] if f.editable]
        return fields

    def has_change_history_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def revert_disabled(self, request: HttpRequest, obj=None) -> bool:
        return True


class WorkflowOnlyAdmin(admin.ModelAdmin):
    """View for whoever may view; no raw add; a superuser changes ``raw_editable_fields`` only."""

    raw_editable_fields: tuple[str, ...] = ()

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return bool(self.raw_editable_fields) and _is_superuser(request)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return _is_superuser(request) and not (obj and self.protected_from_deletion(obj))

    def protected_from_deletion(self, obj) -> bool:
        """True when deleting obj would change a verdict; subclasses say when."""
        return False

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        opts = self.model._meta
        names = [f.name for f in [*opts.fields, *opts.many_to_many] if f.editable]
        return fields + [n for n in names if n not in self.raw_editable_fields + (*fields,)]


def _is_superuser(request: HttpRequest) -> bool:
    return request.user.is_active and request.user.is_superuser


@checks.register(checks.Tags.admin)
def check_history_is_read_only(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Every registered admin with a history form must be a ``ReadOnlyHistoryAdmin``."""
    return [
        checks.Error(
            f"{type(model_admin).__name__} ({model._meta.label}) has a history form that can "
            "write; base it on factcheck.admin.guards.ReadOnlyHistoryAdmin.",
            id="factcheck.E001",
        )
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, SimpleHistoryAdmin)
        and not isinstance(model_admin, ReadOnlyHistoryAdmin)
    ]
