from django.apps import AppConfig


class TrainingConfig(AppConfig):
    """Training courses, sessions and bookings (issue 7)."""

    name = "training"
