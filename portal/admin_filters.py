"""Pieces for the filters of the portal's admin listings."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import DateRangeWidget


class DateRangeInputs(DateRangeWidget):
    """Two browser date inputs, each with its own name for screen readers. Wagtail's own
    date range picker starts itself with an inline script, which our CSP refuses."""

    template_name = "django/forms/widgets/multiwidget.html"  # django_filters is not an app here

    def __init__(self, attrs=None):
        forms.MultiWidget.__init__(
            self,
            (
                forms.DateInput(attrs={"type": "date", "aria-label": _("From")}),
                forms.DateInput(attrs={"type": "date", "aria-label": _("To")}),
            ),
            attrs,
        )
