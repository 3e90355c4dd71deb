"""The booker's pages: book (your details, check your answers), and manage a booking
through its private link (cancel, move, take an offered place, feedback, certificate).
None of them is page-cached: they show one person's booking or take a place."""

import secrets
from functools import wraps

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from audit.log import Action, record
from home.localize import in_active_language
from home.models import CouncilSettings
from portal import access
from portal.models import Membership
from shared import times

from . import rules
from . import services as bookings
from .certificate import certificate_pdf
from .forms import AcceptForm, BookingForm, CancelForm, CheckForm, FeedbackForm, MoveForm
from .links import booking_for_token, link_expired, link_expires_at, manage_token
from .models import Booking, CoursePage, Feedback, Session

DRAFTS = "training_booking_drafts"  # {session id: answers} in the visitor's session
JUST_BOOKED = "training_just_booked"  # {session id: reference} after a booking is made
KEY = "request_key"  # in a draft: which "check your answers" page it is

ROLE_OF_MEMBERSHIP = {
    Membership.Role.HEADTEACHER: Booking.Role.HEADTEACHER,
    Membership.Role.ATTENDANCE_LEAD: Booking.Role.ATTENDANCE_LEAD,
    Membership.Role.DSL: Booking.Role.DSL,
    Membership.Role.GOVERNOR: Booking.Role.GOVERNOR,
    Membership.Role.OFFICE: Booking.Role.OFFICE,
}


def _live_session(session_id):
    session = get_object_or_404(Session.objects.select_related("course"), pk=session_id)
    if not session.course.live:
        raise Http404
    return session


def _contact_email(request, course):
    return course.contact_email or CouncilSettings.for_request(request).email


def _refusal_page(request, session, reason, booking=None, status=200):
    return TemplateResponse(
        request,
        "training/refused.html",
        {
            "session": session,
            "course": session.course,
            "reason": reason,
            "booking": booking,
            "contact_email": _contact_email(request, session.course),
        },
        status=status,
    )


def _initial_for(user):
    """A signed-in person's details, so they need not type them."""
    if not user.is_authenticated:
        return {}
    initial = {"name": user.get_full_name(), "email": user.email}
    membership = (
        Membership.objects.filter(user=user, school_id__in=access.school_ids_visible_to(user))
        .order_by("school__name")
        .first()
    )
    if membership:
        initial["school"] = str(membership.school_id)
        initial["role"] = ROLE_OF_MEMBERSHIP.get(membership.role, "")
    return initial


def _book_context(session, **extra):
    # The session is the source course's; the course is named in the visitor's language.
    course = in_active_language([session.course], CoursePage.objects)[0]
    return {"session": session, "course": course, **extra}


@never_cache
def book(request, session_id):
    """Step 1: your details."""
    session = _live_session(session_id)
    reason = session.why_not_bookable()
    if reason:
        return _refusal_page(request, session, reason)
    full = session.bookings.holding_place().count() >= session.capacity
    drafts = request.session.get(DRAFTS, {})
    if request.method == "POST":
        form = BookingForm(request.POST)
        if form.is_valid():
            if session.bookings.active().filter(email=form.cleaned_data["email"]).exists():
                form.add_error(
                    "email",
                    _(
                        "This email address is already booked on this session. Use the link "
                        "in your confirmation email to manage the booking."
                    ),
                )
            else:
                # A new key each time the details are given: "Confirm booking" sent again
                # with it shows the booking it made (services.book).
                drafts[str(session.pk)] = {**form.cleaned_data, KEY: secrets.token_hex(16)}
                request.session[DRAFTS] = drafts
                return redirect("training:check", session.pk)
    else:
        form = BookingForm(initial=drafts.get(str(session.pk)) or _initial_for(request.user))
    return TemplateResponse(
        request, "training/book.html", _book_context(session, form=form, full=full)
    )


@never_cache
def check(request, session_id):
    """Step 2: check your answers, then book (one booking, however often it is sent)."""
    session = _live_session(session_id)
    draft = request.session.get(DRAFTS, {}).get(str(session.pk))
    if draft is None:
        # Sent twice, or the visitor's session ended: show the booking already made.
        reference = request.session.get(JUST_BOOKED, {}).get(str(session.pk))
        made = Booking.objects.filter(reference=reference).first() if reference else None
        if made:
            return redirect("training:manage", manage_token(made))
        return redirect("training:book", session.pk)
    form = BookingForm(draft)
    if not form.is_valid():  # e.g. the school closed since step 1
        return redirect("training:book", session.pk)
    if request.method == "POST":
        try:
            made = bookings.book(
                session.pk,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                school=form.school_instance(),
                needs=form.cleaned_data["needs"],
                user=request.user,
                request_key=draft.get(KEY, ""),
            )
        except bookings.BookingRefused as refusal:
            return _refusal_page(request, session, refusal.reason, refusal.booking)
        drafts = request.session[DRAFTS]
        drafts.pop(str(session.pk), None)
        request.session[DRAFTS] = drafts
        request.session[JUST_BOOKED] = {
            **request.session.get(JUST_BOOKED, {}),
            str(session.pk): made.reference,
        }
        return redirect(reverse("training:manage", args=[manage_token(made)]) + "?new=1")
    school = form.school_instance()
    return TemplateResponse(
        request,
        "training/check.html",
        _book_context(
            session,
            form=CheckForm(),
            answers=form.cleaned_data,
            role=dict(Booking.Role.choices)[form.cleaned_data["role"]],
            school=school.name if school else _("Not a school"),
        ),
    )


def _booking_link(view):
    """The booking a manage link is for, passed to the view; a forged or altered token is
    a 404, and a link past its time a page that says who to ask instead (410)."""

    @wraps(view)
    def wrapped(request, token):
        booking = booking_for_token(token, include_expired=True)
        if booking is None:
            raise Http404
        if link_expired(booking):
            return _link_expired_page(request, booking)
        if request.method == "GET":  # whoever holds the link sees the booking: logged
            record(Action.VIEWED, booking, detail=view.__name__)
        return view(request, token, booking)

    return wrapped


def _link_expired_page(request, booking):
    course = booking.session.course
    return TemplateResponse(
        request,
        "training/link_expired.html",
        {
            "booking": booking,
            "session": booking.session,
            "course": course,
            "expired_at": link_expires_at(booking),
            "contact_email": _contact_email(request, course),
        },
        status=410,
    )


def _manage_context(request, booking, token):
    session, course = booking.session, booking.session.course
    now = timezone.now()
    return {
        "booking": booking,
        "session": session,
        "course": course,
        "token": token,
        "may_change": rules.may_change(now, session.starts_at, course.change_deadline_days),
        "deadline": rules.change_deadline(session.starts_at, course.change_deadline_days),
        "contact_email": _contact_email(request, course),
        "show_joining": booking.status == Booking.Status.CONFIRMED and course.is_online,
        "certificate": booking.attended and session.has_ended,
        "feedback_due": booking.attended and session.has_ended and not _has_feedback(booking),
    }


def _has_feedback(booking):
    try:
        return booking.feedback is not None
    except Feedback.DoesNotExist:
        return False


@never_cache
@_booking_link
def manage(request, token, booking):
    context = _manage_context(request, booking, token)
    just_booked = request.session.get(JUST_BOOKED, {}).get(str(booking.session_id))
    context["new"] = request.GET.get("new") == "1" and just_booked == booking.reference
    return TemplateResponse(request, "training/manage.html", context)


def _after_deadline(request, booking):
    return _refusal_page(
        request, booking.session, bookings.BookingRefused.AFTER_DEADLINE, booking, status=403
    )


@never_cache
@_booking_link
def cancel(request, token, booking):
    if booking.status not in Booking.ACTIVE:
        return redirect("training:manage", token)
    context = _manage_context(request, booking, token)
    if booking.holds_place and not context["may_change"]:
        return _after_deadline(request, booking)
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["confirm"] == "yes":
            try:
                bookings.cancel(booking)
            except bookings.BookingRefused:
                return _after_deadline(request, booking)
            messages.success(request, _("Your booking is cancelled."))
        return redirect("training:manage", token)
    context["form"] = form
    return TemplateResponse(request, "training/cancel.html", context)


def _move_choices(booking):
    """Other upcoming, bookable sessions of the same course with a free place."""
    sessions = (
        Session.objects.with_places_taken()
        .filter(course_id=booking.session.course_id, starts_at__gt=timezone.now())
        .exclude(pk=booking.session_id)
        .order_by("starts_at")
    )
    choices = []
    for session in sessions:
        if session.places_left and not session.why_not_bookable():
            session.label = times.day_and_clock(session.starts_at)
            choices.append(session)
    return choices


@never_cache
@_booking_link
def move(request, token, booking):
    if booking.status != Booking.Status.CONFIRMED:
        return redirect("training:manage", token)
    context = _manage_context(request, booking, token)
    if not context["may_change"]:
        return _after_deadline(request, booking)
    choices = _move_choices(booking)
    form = MoveForm(request.POST if request.method == "POST" else None, sessions=choices)
    if request.method == "POST" and form.is_valid():
        try:
            bookings.move(booking, form.cleaned_data["session"])
        except bookings.BookingRefused as refusal:
            if refusal.reason == bookings.BookingRefused.AFTER_DEADLINE:
                return _after_deadline(request, booking)
            form.add_error("session", _("That date is no longer available. Choose another."))
        else:
            messages.success(request, _("Your booking has moved to the new date."))
            return redirect("training:manage", token)
    context.update(form=form, choices=choices)
    return TemplateResponse(request, "training/move.html", context)


@never_cache
@_booking_link
def accept(request, token, booking):
    context = _manage_context(request, booking, token)
    if booking.status in (Booking.Status.CONFIRMED, Booking.Status.CANCELLED):
        # Taken already, or cancelled: the link shows the booking and changes nothing.
        return redirect("training:manage", token)
    if booking.status != Booking.Status.OFFERED or booking.offer_expires_at <= timezone.now():
        return _refusal_page(
            request, booking.session, bookings.BookingRefused.OFFER_LAPSED, booking
        )
    form = AcceptForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        try:
            bookings.accept_offer(booking)
        except bookings.BookingRefused as refusal:
            return _refusal_page(request, booking.session, refusal.reason, booking)
        messages.success(request, _("The place is yours. We have emailed you the details."))
        return redirect("training:manage", token)
    context["form"] = form
    return TemplateResponse(request, "training/accept.html", context)


@never_cache
@_booking_link
def feedback(request, token, booking):
    context = _manage_context(request, booking, token)
    if not (booking.attended and booking.session.has_ended):
        raise Http404
    if _has_feedback(booking):
        messages.info(request, _("Thank you: we already have your feedback."))
        return redirect("training:manage", token)
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        # get_or_create: a second click on the button leaves one piece of feedback.
        Feedback.objects.get_or_create(
            booking=booking,
            defaults={
                "rating": int(form.cleaned_data["rating"]),
                "comments": form.cleaned_data["comments"],
            },
        )
        messages.success(request, _("Thank you for your feedback."))
        return redirect("training:manage", token)
    context["form"] = form
    return TemplateResponse(request, "training/feedback.html", context)


@never_cache
@_booking_link
def certificate(request, token, booking):
    if not (booking.attended and booking.session.has_ended):
        raise Http404
    council = CouncilSettings.for_request(request)
    response = HttpResponse(certificate_pdf(booking, council), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{booking.reference}.pdf"'
    return response
