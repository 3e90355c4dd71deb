from django.apps import AppConfig


class TrainingConfig(AppConfig):
    """Training courses, sessions and bookings (issue 7)."""

    name = "training"

    def ready(self):
        # Imported here: models and other apps can be imported only once apps are ready.
        from audit.log import follow

        from . import cached_pages
        from .models import Booking, Feedback

        follow(
            Booking,
            "booking",
            service="training",
            label=lambda booking: booking.reference,
            quiet={"updated_at", "reminder_sent_at", "feedback_requested_at"},
        )
        follow(
            Feedback,
            "booking",
            service="training",
            parent=lambda feedback: feedback.booking,
            part="feedback",
        )
        cached_pages.connect_signals()
