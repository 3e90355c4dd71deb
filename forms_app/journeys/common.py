"""Pieces more than one journey asks for."""

from django.utils.translation import gettext_lazy as _

from ..engine import StepForm


class HealthDeclarationForm(StepForm):
    """A parent's health declaration: `health` (yes or no) and, when yes, `health_details`.
    Subclasses word the questions for their journey."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("health") and not cleaned.get("health_details"):
            self.add_error(
                "health_details", _("Tell us about the child's health condition or disability")
            )
        return cleaned
