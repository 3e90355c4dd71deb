from django.apps import AppConfig


class SelfAssessmentConfig(AppConfig):
    """Schools' self-assessment of their approach to attendance (issue 6)."""

    name = "self_assessment"
    verbose_name = "Self-assessment"

    def ready(self):
        # Imported here: models and other apps can be imported only once apps are ready.
        from audit.log import follow

        from .models import AreaCompletion, Assessment
        from .summaries import follow_schools

        follow(Assessment, "assessment", service="attendance", label=assessment_label)
        follow(
            AreaCompletion,
            "assessment",
            service="attendance",
            parent=lambda completion: completion.assessment,
            part="area completed",
        )
        follow_schools()


def assessment_label(assessment):
    return f"{assessment.school.name}, {assessment.school_year}"
