"""The penalty notice register in the Wagtail admin, for attendance officers: the list
(filters, search, a CSV export recorded in the audit log), the forms to add and change a
notice, and each notice's page with the parent's other notices for the child and what the
law allows next. A new notice may start from a school's referral (?referral=<reference>):
what the referral says comes through shared.penalty_notices.referral, a hook forms_app
answers. Every view of a notice is recorded."""

from datetime import date, timedelta

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from audit.log import Action, record
from audit.views import AuditedExportMixin
from portal.access import works_for
from portal.models import School
from shared import penalty_notices as contract
from shared import times
from shared.admin_parts import LinkColumn, NarrowScreenListing, PlainColumn, TagsColumn

from . import rules
from .models import PenaltyNotice

SERVICE = "attendance"
VIEW = "penalty_notices.view_penaltynotice"
ADD = "penalty_notices.add_penaltynotice"
CHANGE = "penalty_notices.change_penaltynotice"


def may_view(user):
    return works_for(user, SERVICE, VIEW)


def school_year_of(day):
    """The school year a day falls in, by its first calendar year (1 September on)."""
    return day.year if day.month >= 9 else day.year - 1


def year_label(year):
    return f"{year}/{(year + 1) % 100:02d}"


class NoticeForm(WagtailAdminModelForm):
    class Meta:
        model = PenaltyNotice
        fields = [
            "parent_first_name", "parent_last_name", "parent_address",
            "child_first_name", "child_last_name", "child_date_of_birth", "child_upn",
            "school", "offence_from", "offence_to", "issued_on", "amount",
            "paid_on", "amount_paid", "withdrawn_on", "withdrawn_reason",
            "prosecuted_on", "prosecution_outcome", "referral_reference",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = School.objects.order_by("name")
        for name in ("parent_address", "withdrawn_reason", "prosecution_outcome"):
            self.fields[name].widget = forms.Textarea(attrs={"rows": 3})
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                # A browser date input: Wagtail's date picker starts from an inline script.
                field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NoticeIndexView(AuditedExportMixin, IndexView):
    audit_kind = "penalty notice"
    audit_service = SERVICE
    export_headings = {
        "number": gettext_lazy("Register number"),
        "status": gettext_lazy("Status"),
        "school": gettext_lazy("School"),
    }
    list_export = [
        "number", "status", "issued_on", "amount", "child_first_name", "child_last_name",
        "child_date_of_birth", "child_upn", "parent_first_name", "parent_last_name", "school",
        "offence_from", "offence_to", "paid_on", "amount_paid", "withdrawn_on",
        "withdrawn_reason", "prosecuted_on", "prosecution_outcome", "referral_reference",
    ]  # fmt: skip

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("school")

    @property
    def custom_field_preprocess(self):
        def both(function):
            return {self.FORMAT_CSV: function, self.FORMAT_XLSX: function}

        return {
            "status": both(lambda code: str(PenaltyNotice.Status(code).label)),
            "school": both(str),
        }


class NoticeCreateView(CreateView):
    def get_initial_form_instance(self):
        """A notice started from a school's referral: its child, parent and school."""
        reference = self.request.GET.get("referral", "").strip()
        found = contract.referral(reference) if reference else None
        if found is None:
            return None
        notice = PenaltyNotice(
            referral_reference=found.reference,
            child_first_name=found.child.first_name,
            child_last_name=found.child.last_name,
            child_date_of_birth=found.child.date_of_birth,
            child_upn=found.upn,
            school_id=found.school_id,
        )
        if found.parents:
            notice.parent_first_name = found.parents[0].first_name
            notice.parent_last_name = found.parents[0].last_name
            notice.parent_address = (found.parent_addresses or ("",))[0]
        return notice

    def get_success_url(self):
        return reverse("penalty_notices_notice:notice", args=[self.object.pk])


class NoticeEditView(EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        record(Action.VIEWED, self.object)
        return response

    def get_success_url(self):
        return reverse("penalty_notices_notice:notice", args=[self.object.pk])


def year_choices():
    years = {school_year_of(day) for day in PenaltyNotice.objects.dates("issued_on", "month")}
    return [(str(year), year_label(year)) for year in sorted(years, reverse=True)]


class NoticeFilterSet(WagtailFilterSet):
    school = django_filters.ModelChoiceFilter(
        label=gettext_lazy("School"), queryset=School.objects.order_by("name")
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=PenaltyNotice.Status.choices
    )
    year = django_filters.ChoiceFilter(
        label=gettext_lazy("School year issued"), choices=[], method="filter_year"
    )

    class Meta:
        model = PenaltyNotice
        fields = ["school", "status", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = year_choices()

    def filter_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(issued_on__gte=date(year, 9, 1), issued_on__lt=date(year + 1, 9, 1))


class NoticeViewSet(NarrowScreenListing, ModelViewSet):
    model = PenaltyNotice
    icon = "form"
    menu_label = gettext_lazy("Penalty notice register")
    menu_order = 236
    menu_hook = "register_attendance_menu_item"
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = NoticeIndexView
    add_view_class = NoticeCreateView
    edit_view_class = NoticeEditView
    filterset_class = NoticeFilterSet
    export_filename = "penalty-notices"
    # child_key and parent_key hold each name whole ("kai morgan"): "Kai Morgan" finds it.
    search_fields = [
        "number", "child_first_name", "child_last_name", "parent_first_name",
        "parent_last_name", "child_key", "parent_key",
    ]  # fmt: skip
    search_backend_name = None
    ordering = ["-issued_on", "-pk"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("parent_first_name"), FieldPanel("parent_last_name")]
                    ),
                    FieldPanel("parent_address"),
                ],
                heading=gettext_lazy("The parent"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("child_first_name"), FieldPanel("child_last_name")]),
                    FieldRowPanel([FieldPanel("child_date_of_birth"), FieldPanel("child_upn")]),
                    FieldPanel("school"),
                ],
                heading=gettext_lazy("The child"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("offence_from"), FieldPanel("offence_to")]),
                    FieldRowPanel([FieldPanel("issued_on"), FieldPanel("amount")]),
                    FieldPanel("referral_reference"),
                ],
                heading=gettext_lazy("The notice"),
            ),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("paid_on"), FieldPanel("amount_paid")])],
                heading=gettext_lazy("Paid"),
            ),
            MultiFieldPanel(
                [FieldPanel("withdrawn_on"), FieldPanel("withdrawn_reason")],
                heading=gettext_lazy("Withdrawn"),
            ),
            MultiFieldPanel(
                [FieldPanel("prosecuted_on"), FieldPanel("prosecution_outcome")],
                heading=gettext_lazy("Prosecuted"),
            ),
        ],
        base_form_class=NoticeForm,
    )

    @property
    def list_display(self):
        return [
            LinkColumn("number", "penalty_notices_notice:notice", label=gettext_lazy("Number")),
            PlainColumn("child", label=gettext_lazy("Child"), accessor="child_name"),
            PlainColumn("parent", label=gettext_lazy("Parent"), accessor="parent_name"),
            PlainColumn("school", label=gettext_lazy("School"), accessor=lambda n: n.school.name),
            PlainColumn(
                "issued_on", label=gettext_lazy("Issued"), accessor=lambda n: times.day(n.issued_on)
            ),
            PlainColumn("amount", label=gettext_lazy("Amount (£)")),
            TagsColumn("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("notice/<int:pk>/", notice_page, name="notice"),
        ]


notice_viewset = NoticeViewSet("penalty_notices_notice")


def next_allowed(notices, today):
    """What the law allows next for a parent and child with these notices, in words."""
    amounts = settings.PORTAL_PENALTY_NOTICE
    years = amounts["period_years"]
    allowed = rules.allowed_next(notices, today, amounts)
    if allowed is None:
        oldest = contract.counted(notices, today, years)[0]
        return {
            "allowed": False,
            "text": _(
                "No further penalty notice: this parent has had %(most)s for this child in "
                "the last %(years)s years. Another route must be used, such as prosecution "
                "under section 444 of the Education Act 1996."
            )
            % {"most": amounts["most_notices_in_period"], "years": years},
            "from": times.day(rules.counts_until(oldest.issued_on, years) + timedelta(days=1)),
        }
    number, amount, reduced = allowed
    if reduced:
        text = _(
            "A first penalty notice: £%(amount)s, or £%(reduced)s if paid within %(days)s days."
        ) % {"amount": amount, "reduced": reduced, "days": amounts["reduced_days"]}
    else:
        text = _("A second penalty notice within %(years)s years: £%(amount)s.") % {
            "years": years,
            "amount": amount,
        }
    return {"allowed": True, "text": text, "from": ""}


def notice_page(request, pk):
    """One notice: what the register holds, the parent's other notices for the child
    (which of them count today), and what the law allows next."""
    if not may_view(request.user):
        raise PermissionDenied
    notice = get_object_or_404(PenaltyNotice.objects.select_related("school"), pk=pk)
    record(Action.VIEWED, notice)
    others = list(notice.same_family())
    today = date.today()
    years = settings.PORTAL_PENALTY_NOTICE["period_years"]
    family = [*others, notice]
    counting = {n.pk for n in contract.counted(family, today, years)}
    title = _("Penalty notice %(number)s") % {"number": notice.number}
    return TemplateResponse(
        request,
        "penalty_notices/admin/notice.html",
        {
            "notice": notice,
            "others": [
                {"notice": other, "counts": other.pk in counting}
                for other in sorted(others, key=lambda n: n.issued_on, reverse=True)
            ],
            "counts": notice.pk in counting,
            "next": next_allowed(family, today),
            "years": years,
            "may_change": request.user.has_perm(CHANGE),
            "header_title": title,
            "page_title": title,
        },
    )
