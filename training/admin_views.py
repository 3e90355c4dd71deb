"""Running sessions, for training administrators in the Wagtail admin: the list of
sessions, each session's register (attended / did not attend), emailing everyone booked,
a CSV export, and feedback averages per course. Every view asks for a permission granted
to the "Training administrators" group AND for the training service (portal.access)."""

from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Avg, Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.log import Action, record
from portal import access
from shared import spreadsheets

from . import notify
from .models import Booking, CoursePage, Feedback, Session

SERVICE = "training"


def may_run_sessions(user):
    return access.works_for(user, SERVICE, "training.view_booking")


def training_admin_required(permission="training.view_booking"):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not access.works_for(request.user, SERVICE, permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _sessions_with_counts():
    return Session.objects.select_related("course").annotate(
        booked=Count("bookings", filter=Q(bookings__status=Booking.Status.CONFIRMED)),
        offered=Count("bookings", filter=Q(bookings__status=Booking.Status.OFFERED)),
        waiting=Count("bookings", filter=Q(bookings__status=Booking.Status.WAITING)),
        attended=Count("bookings", filter=Q(bookings__attendance=Booking.Attendance.ATTENDED)),
    )


@training_admin_required()
def session_list(request):
    when = request.GET.get("when", "upcoming")
    now = timezone.now()
    sessions = _sessions_with_counts()
    if when == "past":
        sessions = sessions.filter(starts_at__lte=now).order_by("-starts_at")
    else:
        when = "upcoming"
        sessions = sessions.filter(starts_at__gt=now).order_by("starts_at")
    page_obj = Paginator(sessions, 50).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "training/admin/session_list.html",
        {"page_obj": page_obj, "sessions": list(page_obj), "when": when},
    )


class AttendanceForm(forms.Form):
    """One choice per booked person, named by the booking's id."""

    def __init__(self, *args, bookings=(), **kwargs):
        super().__init__(*args, **kwargs)
        for booking in bookings:
            self.fields[f"attendance_{booking.pk}"] = forms.ChoiceField(
                label=booking.name,
                choices=Booking.Attendance.choices,
                required=False,
                initial=booking.attendance,
            )


def _register(session):
    return list(
        session.bookings.filter(status__in=Booking.ACTIVE)
        .select_related("school")
        .order_by("status", "name")
    )


def _audit(request, action, session, detail):
    # A register lists many bookings: one row for the session, not one per booking.
    record(
        action,
        kind="booking",
        label=str(session)[:200],
        service="training",
        detail=f"session {session.pk}: {detail}",
    )


@training_admin_required()
def register(request, pk):
    session = get_object_or_404(_sessions_with_counts(), pk=pk)
    bookings = _register(session)
    booked = [b for b in bookings if b.status == Booking.Status.CONFIRMED]
    form = AttendanceForm(request.POST if request.method == "POST" else None, bookings=booked)
    if request.method == "POST":
        if not request.user.has_perm("training.change_booking"):
            raise PermissionDenied
        if session.starts_at > timezone.now():
            messages.error(request, _("The register can be marked once the session has started."))
        elif form.is_valid():
            with transaction.atomic():
                for booking in booked:
                    mark = form.cleaned_data.get(f"attendance_{booking.pk}", "")
                    if mark != booking.attendance:
                        booking.attendance = mark
                        booking.save(update_fields=["attendance", "updated_at"])
            messages.success(request, _("Register saved."))
            return redirect("training_register", pk)
    rows = [
        (booking, form[f"attendance_{booking.pk}"] if booking in booked else None)
        for booking in bookings
    ]
    _audit(request, Action.VIEWED, session, f"register of {len(bookings)} bookings")
    return TemplateResponse(
        request,
        "training/admin/register.html",
        {
            "session": session,
            "rows": rows,
            "started": session.starts_at <= timezone.now(),
            "can_mark": request.user.has_perm("training.change_booking"),
        },
    )


class EmailForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=150)
    message = forms.CharField(
        label=gettext_lazy("Message"), widget=forms.Textarea(attrs={"rows": 8})
    )
    include_waiting = forms.BooleanField(
        label=gettext_lazy("Also email people on the waiting list"), required=False
    )


@training_admin_required("training.change_booking")
def email_attendees(request, pk):
    session = get_object_or_404(Session.objects.select_related("course"), pk=pk)
    form = EmailForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        statuses = Booking.ACTIVE if form.cleaned_data["include_waiting"] else Booking.HOLDING_PLACE
        recipients = list(session.bookings.filter(status__in=statuses))
        # One email each, so nobody sees the others' addresses.
        for booking in recipients:
            booking.session = session
            notify.message_from_admin(
                booking, form.cleaned_data["subject"], form.cleaned_data["message"]
            )
        messages.success(
            request,
            _("Email sent to %(count)d people.") % {"count": len(recipients)},
        )
        return redirect("training_register", pk)
    return TemplateResponse(
        request, "training/admin/email.html", {"session": session, "form": form}
    )


CSV_COLUMNS = [
    ("reference", gettext_lazy("Reference")),
    ("name", gettext_lazy("Name")),
    ("email", gettext_lazy("Email")),
    ("role", gettext_lazy("Role")),
    ("school", gettext_lazy("School")),
    ("needs", gettext_lazy("Access or dietary needs")),
    ("status", gettext_lazy("Status")),
    ("attendance", gettext_lazy("Attendance")),
    ("booked_at", gettext_lazy("Booked at")),
]


@training_admin_required()
def export_csv(request, pk):
    session = get_object_or_404(Session.objects.select_related("course"), pk=pk)
    start = timezone.localtime(session.starts_at)
    response = spreadsheets.csv_response(f"register-{session.course.slug}-{start:%Y-%m-%d}.csv")
    writer = spreadsheets.writer(response)
    writer.writerow([str(label) for _key, label in CSV_COLUMNS])
    bookings = _register(session)
    _audit(request, Action.EXPORTED, session, f"CSV of {len(bookings)} bookings")
    for booking in bookings:
        writer.writerow(
            (
                booking.reference,
                booking.name,
                booking.email,
                booking.get_role_display(),
                booking.school.name if booking.school else _("Not a school"),
                booking.needs,
                booking.get_status_display(),
                booking.get_attendance_display(),
                timezone.localtime(booking.created_at).strftime("%Y-%m-%d %H:%M"),
            )
        )
    return response


@training_admin_required("training.view_feedback")
def feedback_report(request):
    """Average rating per course, with how many gave feedback."""
    feedback = Feedback.objects.values("booking__session__course_id").annotate(
        average=Avg("rating"), responses=Count("pk")
    )
    by_course = {row["booking__session__course_id"]: row for row in feedback}
    courses = CoursePage.objects.filter(pk__in=by_course).order_by("title")
    rows = [(course, by_course[course.pk]) for course in courses]
    recent = Feedback.objects.select_related("booking__session__course").order_by("-created_at")[
        :20
    ]
    return TemplateResponse(
        request, "training/admin/feedback.html", {"rows": rows, "recent": recent}
    )
