"""The Celery application. Configuration comes from Django settings (CELERY_*)."""

import os

from celery import Celery, signals
from django import db

from workbench import broker

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")
broker.register()

app = Celery("workbench")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.task_prerun.connect
@signals.task_postrun.connect
def close_old_connections(sender, **kwargs) -> None:
    """Close this thread's database connections that are broken or older than CONN_MAX_AGE, as
    Django does around each request (settings.CELERY_DB_REUSE_MAX stops Celery closing them all).

    Eager tasks run inside their caller's transaction, so they are left alone.
    """
    if not getattr(sender.request, "is_eager", False):
        db.close_old_connections()


@signals.worker_init.connect
def load_models_before_forking(sender, **kwargs) -> None:
    """A worker taking the analyse queue loads the models its tasks read (WordLlama, the
    check-worthiness model, matching's background word frequencies) before its pool forks: the
    pool processes then share one copy of their arrays instead of loading one each."""
    if "analyse" not in sender.app.amqp.queues.consume_from:
        return
    # Imported here: the fetch workers (and the web server) never load the models.
    from factcheck.extraction import model
    from factcheck.matching import dense, features

    model.shipped_model()
    dense.model()
    features.idf("claim")
