"""API permissions come from the review module's one permission table, as the admin's do."""

from django.conf import settings
from django.contrib.auth.models import Permission
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from factcheck import review


class ReviewPermission(BasePermission):
    """Allow a request when ``review.can(user, action)`` for the view's action.

    The view names its action in ``review_action`` — one string, or a dict from HTTP method
    to action (a method missing from the dict is refused).
    """

    message = "Your role does not allow this."

    def has_permission(self, request: Request, view: object) -> bool:
        action = self._action(request, view)
        if not (request.user and action):
            return False
        load_permissions(request.user)
        return review.can(request.user, action)

    def has_object_permission(self, request: Request, view: object, obj: object) -> bool:
        return review.can(request.user, self._action(request, view), obj)

    @staticmethod
    def _action(request: Request, view: object) -> str | None:
        action = getattr(view, "review_action", None)
        if isinstance(action, dict):
            return action.get(request.method) or action.get("*")
        return action


MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
# Backends that grant no permissions of their own (django-axes only refuses locked-out sign-ins).
NO_PERMISSIONS = {"axes.backends.AxesStandaloneBackend"}


def load_permissions(user: object) -> None:
    """Read an active user's permissions in one query into ModelBackend's per-request cache
    (``_perm_cache``), which would otherwise take two: the user's own, then their groups'."""
    granting = [b for b in settings.AUTHENTICATION_BACKENDS if b not in NO_PERMISSIONS]
    if granting != [MODEL_BACKEND] or hasattr(user, "_perm_cache"):
        return
    if not user.is_authenticated or not user.is_active:
        return
    fields = ("content_type__app_label", "codename")
    if user.is_superuser:
        names = Permission.objects.values_list(*fields).order_by()
    else:
        own = Permission.objects.filter(user=user).values_list(*fields).order_by()
        grouped = Permission.objects.filter(group__user=user).values_list(*fields).order_by()
        names = own.union(grouped)
    user._perm_cache = {f"{app}.{codename}" for app, codename in names}


def manages_webhooks(user: object) -> bool:
    """Webhook subscriptions are for admins and senior editors."""
    if getattr(user, "is_superuser", False):
        return True
    roles = {review.ROLE_ADMIN, review.ROLE_SENIOR_EDITOR}
    return bool(user and user.is_authenticated and user.groups.filter(name__in=roles).exists())


class ManagesWebhooks(BasePermission):
    message = "Only admins and senior editors manage webhooks."

    def has_permission(self, request: Request, view: object) -> bool:
        return manages_webhooks(request.user)
