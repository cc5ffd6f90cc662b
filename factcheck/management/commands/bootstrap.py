"""`manage.py bootstrap`: the admin user and the seed article, for `make run`. Safe to run twice."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from factcheck import ingest

SEED = Path(settings.BASE_DIR) / "tests" / "fixtures" / "000_e9fef7baff8a209e.html"


class Command(BaseCommand):
    help = "Create the admin superuser if none exists and ingest the seed article."

    def handle(self, *args, **options) -> None:
        self._admin()
        article = ingest.article_ingest_file(path=SEED)
        self.stdout.write(
            f"Seed article {article.pk}: {article.title} ({article.claims.count()} claims)"
        )

    def _admin(self) -> None:
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            return
        password = os.environ.get("WORKBENCH_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@localhost", password)
        shown = (
            "from WORKBENCH_ADMIN_PASSWORD"
            if "WORKBENCH_ADMIN_PASSWORD" in os.environ
            else password
        )
        self.stdout.write(self.style.SUCCESS(f"Created superuser 'admin' with password: {shown}"))
        self.stdout.write("(shown once; change it in the admin)")
