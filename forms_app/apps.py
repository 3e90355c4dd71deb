from django.apps import AppConfig


class FormsAppConfig(AppConfig):
    """The form engine, submissions and their back office (issues 4 and 5)."""

    name = "forms_app"
    verbose_name = "Forms"

    def ready(self):
        # Imported here: models and other apps can be imported only once apps are ready.
        from audit.log import follow

        from . import checks, journeys  # noqa: F401  (the journeys register; so does their check)
        from .models import Submission

        follow(
            Submission,
            "submission",
            service=lambda submission: submission.service,
            label=lambda submission: submission.reference,
            quiet={"updated_at"},
        )
