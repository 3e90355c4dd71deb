"""The self-assessment framework's areas.

An area (Expect, Monitor, ...) keeps its identity across framework versions, so guidance
pages and training courses are tagged with the area itself, not with one version of it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AssessmentArea(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("assessment area")

    def __str__(self):
        return self.name
