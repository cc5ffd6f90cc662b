"""The four roles as auth groups. ``factcheck.review.can`` reads these permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = [
    "view_article", "add_article", "change_article",
    "view_claim", "change_claim",
    "view_claimnote", "add_claimnote",
    "view_tag", "add_tag",
    "view_source", "add_source",
    "view_evidence", "add_evidence", "change_evidence",
    "view_verdict", "add_verdict", "change_verdict",
]
SENIOR_EDITOR = [*EDITOR, "publish_verdict", "correct_verdict"]
API_CLIENT = ["view_verdict"]


def _ensure_permissions(apps) -> None:
    # Permissions are normally created after all migrations; a fresh database needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor) -> None:
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    factcheck = Permission.objects.filter(content_type__app_label="factcheck")
    roles = {
        "Editor": factcheck.filter(codename__in=EDITOR),
        "Senior editor": factcheck.filter(codename__in=SENIOR_EDITOR),
        "API client": factcheck.filter(codename__in=API_CLIENT),
        "Admin": Permission.objects.all(),
    }
    for name, permissions in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


def delete_roles(apps, schema_editor) -> None:
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=["Editor", "Senior editor", "API client", "Admin"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("factcheck", "0004_verdict_one_draft"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
