"""Running sessions in the Wagtail admin: training administrators only."""

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portal.factories import UserFactory
from training.models import Booking
from training.services import book


def _past(session):
    session.starts_at = timezone.now() - timedelta(hours=3)
    session.ends_at = timezone.now() - timedelta(hours=1)
    session.save()


def test_only_training_administrators_run_sessions(
    client, session, training_admin, attendance_officer
):
    urls = [
        reverse("training_sessions"),
        reverse("training_register", args=[session.pk]),
        reverse("training_export", args=[session.pk]),
        reverse("training_email", args=[session.pk]),
        reverse("training_feedback"),
    ]
    assert client.get(urls[0]).status_code == 302  # anonymous: to the sign-in page
    editor = UserFactory(email="editor@council.example", is_staff=True, groups=["Editors"])
    for user in (attendance_officer, editor):
        client.force_login(user)
        # Refused: 403, or back to the admin's sign-in for those without admin access.
        assert {client.get(url).status_code for url in urls} <= {302, 403}
    client.force_login(training_admin)
    assert {client.get(url).status_code for url in urls} == {200}
    assert "Training sessions" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_register_marks_attendance(client, session, training_admin):
    came = book(session.pk, name="Came", email="came@example.com", role="dsl")
    absent = book(session.pk, name="Absent", email="absent@example.com", role="dsl")
    client.force_login(training_admin)
    url = reverse("training_register", args=[session.pk])
    client.post(url, {f"attendance_{came.pk}": "attended"})
    assert Booking.objects.get(pk=came.pk).attendance == ""  # not started yet
    _past(session)
    response = client.post(
        url, {f"attendance_{came.pk}": "attended", f"attendance_{absent.pk}": "no_show"}
    )
    assert response.status_code == 302
    assert dict(Booking.objects.values_list("name", "attendance")) == {
        "Came": "attended",
        "Absent": "no_show",
    }


def test_csv_export_and_email_everyone(
    client, session, training_admin, django_capture_on_commit_callbacks
):
    book(session.pk, name="=HYPERLINK(1)", email="a@example.com", role="dsl")
    book(session.pk, name="Bea", email="b@example.com", role="dsl", needs="Step-free access")
    client.force_login(training_admin)
    csv = client.get(reverse("training_export", args=[session.pk])).content.decode()
    assert "Step-free access" in csv and "'=HYPERLINK(1)" in csv
    mail.outbox.clear()
    url = reverse("training_email", args=[session.pk])
    assert "This field is required" in client.post(url, {}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"subject": "Room change", "message": "We are now in Room 4."})
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.com", "b@example.com"]
    assert "Room 4" in mail.outbox[0].body


def test_feedback_averages_per_course(client, session, training_admin):
    from training.models import Feedback

    for rating, email in ((5, "a@example.com"), (2, "b@example.com")):
        made = book(session.pk, name="X", email=email, role="dsl")
        Feedback.objects.create(booking=made, rating=rating)
    client.force_login(training_admin)
    response = client.get(reverse("training_feedback"))
    assert response.context["rows"][0][1]["average"] == 3.5


def test_session_list_runs_a_fixed_number_of_queries(
    client, index, training_admin, django_assert_max_num_queries
):
    from .conftest import make_course

    for n in range(3):
        make_course(index, f"c-{n}", sessions=[(day + 1, 5) for day in range(30)])
    client.force_login(training_admin)
    client.get(reverse("training_sessions"))
    with django_assert_max_num_queries(20):
        response = client.get(reverse("training_sessions"))
    assert len(response.context["sessions"]) == 50
