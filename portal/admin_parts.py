"""Pieces the portal's own admin screens share: filter widgets and the page frame."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import DateRangeWidget
from wagtail.admin.views.generic import WagtailAdminTemplateMixin


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


class TitledAdminPage(WagtailAdminTemplateMixin):
    """A screen of our own in the Wagtail admin whose header names it, after "Home"."""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]
