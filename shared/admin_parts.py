"""Pieces the portal's own admin screens share: filter widgets, the page frame, a
paginator that counts no further than it needs, and listing columns written straight out.

Wagtail renders each table cell through a template of its own, and the title cell of
each row with a menu of actions: on a page of 50 rows and 7 columns, that was most of
the page's time and size. The columns here write the same cells (Wagtail's classes, so
its styles apply) with format_html, and the title cell as a link to the record alone."""

from django import forms
from django.contrib.admin.utils import quote
from django.contrib.humanize.templatetags.humanize import intcomma
from django.templatetags.l10n import unlocalize
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import SuffixedMultiWidget
from wagtail.admin.menu import MenuItem
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, TitleColumn
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


class MenuItemFor(MenuItem):
    """A menu item shown to those `shown_to(user)` lets in (the screen itself refuses
    everyone else): one class for every such item, not one per screen."""

    def __init__(self, label, url, shown_to, **kwargs):
        super().__init__(label, url, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        return self.shown_to(request.user)


class TitledAdminPage(WagtailAdminTemplateMixin):
    """A screen of our own in the Wagtail admin whose header names it, after "Home"."""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]


class NarrowScreenListing:
    """A viewset of ours whose listing's table scrolls in a region of its own on a narrow
    screen (WCAG 1.4.10): Wagtail's main column would cut its last columns off. Put it
    before Wagtail's viewset class in the bases."""

    index_results_template_name = "shared/admin/index_results.html"


class SchoolsPaginator(WagtailPaginator):
    """Pages of schools, given how many match (a summary's aggregate has counted them
    already) rather than counting the annotated rows again."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.count = count
        self.verbose_name = _("school")
        self.verbose_name_plural = _("schools")


class CappedCountPaginator(WagtailPaginator):
    """Counts rows no further than `cap`: a COUNT(*) over the whole of a large table (the
    audit log runs to hundreds of thousands of rows) cost more than the page it numbered,
    and a deep page's OFFSET more still. Past the cap the listing says "more than", its
    pages go up to the cap, and the filters and the search find the rest."""

    cap = 10_000  # rows: 200 pages of 50

    @cached_property
    def counted(self):
        rows = self.object_list
        if hasattr(rows, "order_by"):
            rows = rows.order_by()  # any cap + 1 rows will do: no sort needed to count them
        return rows[: self.cap + 1].count()

    @cached_property
    def count(self):
        return min(self.counted, self.cap)

    @cached_property
    def more(self):
        return self.counted > self.cap

    @cached_property
    def items_count_label(self):
        return more_than(self.cap) if self.more else super().items_count_label


def more_than(count):
    return gettext("More than %(count)s results") % {"count": intcomma(count)}


class PlainColumn(Column):
    """A cell with one value, as Wagtail's cell.html writes it, without a template."""

    def text(self, instance):
        value = self.get_value(instance)
        if value is None:
            return ""
        if isinstance(value, int) and not isinstance(value, bool):
            value = unlocalize(value)
        return value if str(value).strip() else self.empty_value_display

    def render_cell_html(self, instance, parent_context):
        if self.classname:
            return format_html('<td class="{}">{}</td>', self.classname, self.text(instance))
        return format_html("<td>{}</td>", self.text(instance))


class LinkColumn(PlainColumn):
    """The row's title: a link to the record (url_name, given its pk), and no menu of
    actions (to look at the record is the only one these listings offer)."""

    empty_value_display = TitleColumn.empty_value_display  # Wagtail's words, translated
    PK = 917_364_528  # a stand-in pk: the address is reversed once, not once a row

    def __init__(self, name, url_name, **kwargs):
        super().__init__(name, **kwargs)
        self.url_name = url_name

    @cached_property
    def address(self):
        return reverse(self.url_name, args=[self.PK]).replace(str(self.PK), "{pk}")

    def render_cell_html(self, instance, parent_context):
        return format_html(
            '<td class="title"><div class="title-wrapper"><a href="{}">{}</a></div></td>',
            self.address.format(pk=quote(instance.pk)),
            self.text(instance),
        )


class TagsColumn(Column):
    """A cell of status tags, one per value (the value a list, or one label); when there
    is none, `empty_value_display` for screen readers only."""

    tag_class = "w-status"

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        labels = value if isinstance(value, (list, tuple)) else [value] if value else []
        if not labels:
            return format_html(
                '<td><span class="w-sr-only">{}</span></td>', self.empty_value_display
            )
        return format_html(
            "<td>{}</td>",
            format_html_join(
                " ", '<span class="{}">{}</span>', ((self.tag_class, label) for label in labels)
            ),
        )
