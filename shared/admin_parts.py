"""Pieces the portal's own admin screens share: filter widgets and the page frame."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import SuffixedMultiWidget
from wagtail.admin.views.generic import WagtailAdminTemplateMixin


class DateRangeInputs(SuffixedMultiWidget):
    """Two browser date inputs (name_after, name_before, as django-filter's date range
    reads them), each with its own name for screen readers. Wagtail's own date range
    picker starts itself with an inline script, which our CSP refuses."""

    template_name = "django/forms/widgets/multiwidget.html"  # django_filters is not an app here
    suffixes = ["after", "before"]

    def __init__(self, attrs=None):
        widgets = (
            forms.DateInput(attrs={"type": "date", "aria-label": _("From")}),
            forms.DateInput(attrs={"type": "date", "aria-label": _("To")}),
        )
        super().__init__(widgets, attrs)

    def decompress(self, value):
        return [value.start, value.stop] if value else [None, None]


class TitledAdminPage(WagtailAdminTemplateMixin):
    """A screen of our own in the Wagtail admin whose header names it, after "Home"."""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]


class NarrowScreenListing:
    """A viewset of ours whose listing's table scrolls in a region of its own on a narrow
    screen (WCAG 1.4.10): Wagtail's main column would cut its last columns off. Put it
    before Wagtail's viewset class in the bases."""

    index_results_template_name = "shared/admin/index_results.html"
