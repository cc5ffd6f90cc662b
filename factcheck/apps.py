from django.apps import AppConfig


class FactcheckConfig(AppConfig):
    name = "factcheck"
    verbose_name = "Fact-checking"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, as Django asks: these modules use the models, loaded only by now.
        from factcheck import redact
        from factcheck.api import authentication

        redact.install()
        authentication.connect_hooks()
