from django.apps import AppConfig


class SelfAssessmentConfig(AppConfig):
    """Schools' self-assessment of their approach to attendance (issue 6)."""

    name = "self_assessment"
    verbose_name = "Self-assessment"
