"""The booker's pages through the HTTP client, including refusals."""

from datetime import time, timedelta

from django.urls import reverse
from django.utils import timezone

from training import services as bookings
from training.links import manage_token
from training.models import Booking, Feedback, Session
from training.views import DRAFTS

from .conftest import DETAILS, make_course


def book_url(session):
    return reverse("training:book", args=[session.pk])


def check_url(session):
    return reverse("training:check", args=[session.pk])


def book_through_pages(client, session, **changes):
    client.post(book_url(session), {**DETAILS, **changes})
    return client.post(check_url(session))


def test_the_index_lists_upcoming_sessions_and_filters(client, index):
    make_course(index, "for-governors", "online", ("governors",), [(5, 10), (-5, 10)])
    make_course(index, "for-office", "in_person", ("office-staff",), [(40, 10)])
    response = client.get("/training/")
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 2  # the past session is hidden
    assert response.headers["X-Page-Cache"] == "miss"  # anonymous visitors get a cached copy
    body = client.get("/training/?audience=office-staff").content.decode()
    assert "Course for-office" in body and "Course for-governors" not in body
    body = client.get("/training/?format=online").content.decode()
    assert "Course for-governors" in body and "Course for-office" not in body
    month = f"{timezone.localtime(timezone.now() + timedelta(days=40)):%Y-%m}"
    response = client.get(f"/training/?month={month}")
    titles = {s.course.title for s in response.context["sessions"]}
    assert "Course for-office" in titles
    assert client.get("/training/?month=nonsense&format=x").status_code == 200


def test_the_index_with_500_sessions_runs_a_fixed_number_of_queries(
    client, index, django_assert_max_num_queries
):
    now = timezone.now()
    courses = [make_course(index, f"course-{n}") for n in range(10)]
    Session.objects.bulk_create(
        Session(
            course=course,
            sort_order=day,
            starts_at=now + timedelta(days=day + 1),
            ends_at=now + timedelta(days=day + 1, hours=2),
            capacity=20,
            venue="County Hall",
        )
        for course in courses
        for day in range(50)
    )
    client.get("/training/")  # warm the site frame, as a running server would be
    with django_assert_max_num_queries(16):
        response = client.get("/training/?page=3", HTTP_COOKIE="sessionid=x")
    assert response.context["page_obj"].paginator.count == 500
    assert len(response.context["sessions"]) == 20


def test_the_course_page_shows_places_and_hides_joining_details(client, session):
    response = client.get(session.course.url)
    body = response.content.decode()
    assert "3 places left" in body
    assert book_url(session) in body
    assert "secret-room" not in body


def test_the_course_page_gives_times_in_govuk_style_and_in_welsh(client, session):
    # A morning session from 9am to midday, in the council's time zone.
    day = timezone.localtime(session.starts_at).date() + timedelta(days=1)
    starts = timezone.make_aware(timezone.datetime.combine(day, time(9, 0)))
    session.starts_at, session.ends_at = starts, starts + timedelta(hours=3)
    session.save()
    body = client.get(session.course.url).content.decode()
    assert "9am to midday" in body
    assert "a.m." not in body and "p.m." not in body
    welsh = client.get("/cy" + session.course.url).content.decode()
    assert "9yb i ganol dydd" in welsh


def test_booking_errors_keep_what_was_typed(client, session):
    response = client.post(book_url(session), {**DETAILS, "email": "not-an-email", "role": ""})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in body
    assert "Enter an email address in the correct format" in body
    assert "Select your role" in body
    assert 'value="Ada Booker"' in body
    assert not Booking.objects.exists()


def test_booking_through_the_pages_makes_one_booking(client, session, school):
    client.post(book_url(session), {**DETAILS, "school": str(school.pk)})
    check = client.get(check_url(session)).content.decode()
    assert "Ada Booker" in check and school.name in check
    response = client.post(check_url(session))
    booking = Booking.objects.get()
    assert booking.school == school and booking.status == "confirmed"
    assert response.url.startswith(reverse("training:manage", args=[manage_token(booking)]))
    assert "Place booked" in client.get(response.url).content.decode()
    # The button pressed twice: the second post finds the booking already made.
    again = client.post(check_url(session))
    assert again.url == reverse("training:manage", args=[manage_token(booking)])
    assert Booking.objects.count() == 1


def test_booking_the_same_session_twice_gives_a_clear_message(client, session):
    book_through_pages(client, session)
    other_browser = client.__class__(HTTP_HOST="localhost")
    response = other_browser.post(book_url(session), DETAILS)
    assert "already booked on this session" in response.content.decode()
    assert Booking.objects.count() == 1


def test_closed_and_past_sessions_refuse_booking(client, session):
    session.booking_closes_at = timezone.now() - timedelta(hours=1)
    session.save()
    assert "Booking has closed" in client.get(book_url(session)).content.decode()
    response = client.post(book_url(session), DETAILS)
    assert "Booking has closed" in response.content.decode()
    session.starts_at = timezone.now() - timedelta(days=1)
    session.save()
    assert "already taken place" in client.get(book_url(session)).content.decode()
    assert not Booking.objects.exists()


def test_a_full_session_offers_the_waiting_list(client, session):
    session.capacity = 0
    session.save()
    assert "join the waiting list" in client.get(book_url(session)).content.decode()
    book_through_pages(client, session)
    assert Booking.objects.get().status == "waiting"


def test_manage_links_work_only_for_their_booking(client, session):
    book_through_pages(client, session)
    book_through_pages(client.__class__(HTTP_HOST="localhost"), session, email="bo@example.com")
    ada, bo = Booking.objects.order_by("pk")
    fresh = client.__class__(HTTP_HOST="localhost")
    page = fresh.get(reverse("training:manage", args=[manage_token(ada)])).content.decode()
    assert ada.reference in page and bo.reference not in page
    assert "secret-room" in page  # booked on an online session: the joining details
    forged = manage_token(ada).rsplit(":", 1)[0] + ":forged"
    assert fresh.get(reverse("training:manage", args=[forged])).status_code == 404
    swapped = bo.reference + ":" + manage_token(ada).rsplit(":", 1)[1]
    assert fresh.get(reverse("training:manage", args=[swapped])).status_code == 404
    assert fresh.get(reverse("training:cancel", args=[swapped])).status_code == 404


def test_cancelling_through_the_manage_page(client, session):
    book_through_pages(client, session)
    booking = Booking.objects.get()
    url = reverse("training:cancel", args=[manage_token(booking)])
    response = client.post(url, {})
    assert "Select yes if you want to cancel" in response.content.decode()
    client.post(url, {"confirm": "yes"})
    assert Booking.objects.get().status == "cancelled"


def test_after_the_deadline_a_clear_message_with_who_to_contact(client, session):
    book_through_pages(client, session)
    booking = Booking.objects.get()
    session.starts_at = timezone.now() + timedelta(days=1)
    session.ends_at = session.starts_at + timedelta(hours=1)
    session.save()
    token = manage_token(booking)
    response = client.post(reverse("training:cancel", args=[token]), {"confirm": "yes"})
    assert response.status_code == 403
    assert "attendance@testshire.example" in response.content.decode()
    assert client.get(reverse("training:move", args=[token])).status_code == 403
    assert Booking.objects.get().status == "confirmed"


def test_moving_through_the_pages(client, session, later_session):
    book_through_pages(client, session)
    booking = Booking.objects.get()
    url = reverse("training:move", args=[manage_token(booking)])
    assert "Select the date" in client.post(url, {}).content.decode()
    client.post(url, {"session": later_session.pk})
    assert Booking.objects.get().session == later_session


def test_taking_an_offered_place(client, session):
    session.capacity = 1
    session.save()
    book_through_pages(client, session, email="first@example.com")
    book_through_pages(client.__class__(HTTP_HOST="localhost"), session, email="second@example.com")
    first, second = Booking.objects.order_by("pk")
    client.post(reverse("training:cancel", args=[manage_token(first)]), {"confirm": "yes"})
    second.refresh_from_db()
    assert second.status == "offered"
    client.post(reverse("training:accept", args=[manage_token(second)]))
    second.refresh_from_db()
    assert second.status == "confirmed"


def _attended(session, client):
    book_through_pages(client, session)
    booking = Booking.objects.get()
    session.starts_at = timezone.now() - timedelta(hours=3)
    session.ends_at = timezone.now() - timedelta(hours=1)
    session.save()
    return booking


def test_feedback_and_certificate_only_after_attending(client, session):
    booking = _attended(session, client)
    token = manage_token(booking)
    assert client.get(reverse("training:certificate", args=[token])).status_code == 404
    assert client.get(reverse("training:feedback", args=[token])).status_code == 404
    Booking.objects.filter(pk=booking.pk).update(attendance="attended")
    pdf = client.get(reverse("training:certificate", args=[token]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    url = reverse("training:feedback", args=[token])
    assert "Select how you rate" in client.post(url, {"comments": "kept"}).content.decode()
    client.post(url, {"rating": "4", "comments": "Useful"})
    client.post(url, {"rating": "1", "comments": "again"})
    assert list(Feedback.objects.values_list("rating", "comments")) == [(4, "Useful")]


def test_dashboard_shows_own_and_school_bookings(client, session, school_user, governor, school):
    from training.services import book

    book(session.pk, name="Colleague", email="colleague@x.example", role="dsl", school=school)
    book(session.pk, name="Elsewhere", email="else@x.example", role="dsl")
    mine = book(session.pk, name="Lead", email=school_user.email, role="attendance_lead")
    client.force_login(school_user)
    body = client.get("/portal/").content.decode()
    assert "Training bookings" in body
    assert reverse("training:manage", args=[manage_token(mine)]) in body
    assert "Colleague" in body and "Elsewhere" not in body
    client.force_login(governor)  # a governor sees their own bookings, not the school's
    body = client.get("/portal/").content.decode()
    assert "Colleague" not in body


def test_signed_in_people_find_their_details_filled_in(client, session, school_user, school):
    client.force_login(school_user)
    form = client.get(book_url(session)).context["form"]
    assert form.initial["email"] == school_user.email
    assert form.initial["school"] == str(school.pk)
    book_through_pages(client, session, email=school_user.email)
    assert Booking.objects.get().user == school_user


def test_confirm_sent_again_by_a_page_that_raced_the_first_shows_the_same_booking(client, session):
    """A double click: both requests read the session before either saved it, so the
    second still holds the details. It shows the booking made, with its reference."""
    client.post(book_url(session), DETAILS)
    raced = client.session[DRAFTS]
    first = client.post(check_url(session))
    stale = client.session
    stale[DRAFTS] = raced  # the second request's view of the session
    stale.save()
    second = client.post(check_url(session))
    booking = Booking.objects.get()
    assert second.status_code == 302 and second.url == first.url
    assert booking.reference in client.get(second.url).content.decode()
    assert Booking.objects.count() == 1


def test_another_browser_with_the_same_email_is_not_shown_the_booking(client, session):
    client.post(book_url(session), DETAILS)
    other = client.__class__(HTTP_HOST="localhost")
    other.post(book_url(session), DETAILS)  # before the first confirmed
    client.post(check_url(session))
    response = other.post(check_url(session))
    body = response.content.decode()
    assert response.status_code != 302
    assert Booking.objects.get().reference not in body
    assert manage_token(Booking.objects.get()) not in body


def test_a_date_change_sent_twice_moves_once(session, later_session):
    later = later_session
    booking = bookings.book(session.pk, name="Ada", email="ada@example.com", role="dsl")
    stale = Booking.objects.get(pk=booking.pk)
    bookings.move(booking, later.pk)
    again = bookings.move(stale, later.pk)  # the second click, from the page before
    assert again.session_id == later.pk
    assert Booking.objects.get().session_id == later.pk
