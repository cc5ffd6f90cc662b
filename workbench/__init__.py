"""Factcheck Workbench project package; loads the Celery app with Django."""

from workbench.celery import app as celery_app

__all__ = ["celery_app"]
