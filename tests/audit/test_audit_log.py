"""The audit log: what is recorded, by whom, and that nobody can change it."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from audit.log import Action, acting_as, record
from audit.models import AppendOnlyError, AuditEvent
from audit.tasks import purge_old_events
from forms_app.factories import SubmissionFactory
from forms_app.journeys.registry import retention_days
from forms_app.models import Attachment
from forms_app.tasks import purge_expired_submissions


@pytest.fixture
def submission(db):
    return SubmissionFactory(submitter_name="Sara Khan")


def events(**filters):
    return list(AuditEvent.objects.filter(**filters).order_by("pk"))


def test_an_officer_opening_a_submission_is_recorded(client, home, ehe_officer, submission):
    client.force_login(ehe_officer)
    client.get(reverse("forms_app_submission:inspect", args=[submission.pk]))
    [viewed] = events(action=Action.VIEWED)
    assert viewed.actor == ehe_officer and viewed.actor_label == "ehe@council.example"
    assert (viewed.kind, viewed.record_id, viewed.label, viewed.service) == (
        "submission",
        str(submission.pk),
        submission.reference,
        "ehe",
    )
    assert viewed.path.endswith(f"/inspect/{submission.pk}/")


def test_the_log_holds_references_not_the_persons_name(client, home, ehe_officer, submission):
    client.force_login(ehe_officer)
    client.get(reverse("forms_app_submission:inspect", args=[submission.pk]))
    assert not AuditEvent.objects.filter(label__icontains="Khan").exists()
    assert not AuditEvent.objects.filter(detail__icontains="Khan").exists()


def test_a_status_change_is_recorded_with_the_fields_changed(client, home, ehe_officer, submission):
    client.force_login(ehe_officer)
    client.post(
        reverse("forms_app_submission:status", args=[submission.pk]), {"status": "first_contact"}
    )
    [changed] = events(action=Action.CHANGED)
    assert changed.actor == ehe_officer and changed.record_id == str(submission.pk)
    assert "status" in changed.detail


def test_a_refused_look_records_nothing(client, home, submission):
    from portal.factories import UserFactory

    licensing = UserFactory(
        email="lic@council.example", is_staff=True, groups=["Licensing officers"]
    )
    client.force_login(licensing)
    client.get(reverse("forms_app_submission:inspect", args=[submission.pk]))
    assert events(action=Action.VIEWED) == []


def test_a_file_download_is_recorded(client, home, ehe_officer, submission, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    attachment = Attachment(
        submission=submission, question="q", original_name="letter.txt", kind="txt", size=5
    )
    attachment.file.save("x", ContentFile(b"hello"), save=True)
    client.force_login(ehe_officer)
    response = client.get(
        reverse("forms_app_submission:download", args=[submission.pk, attachment.pk])
    )
    assert response.status_code == 200
    [downloaded] = events(action=Action.DOWNLOADED)
    assert downloaded.label == submission.reference and f"file {attachment.pk}" in downloaded.detail


def test_a_csv_export_of_the_queue_is_recorded_with_its_size(client, home, ehe_officer, submission):
    SubmissionFactory()
    client.force_login(ehe_officer)
    response = client.get(reverse("forms_app_submission:index") + "?export=csv&status=received")
    assert response.status_code == 200
    b"".join(response.streaming_content)
    [exported] = events(action=Action.EXPORTED)
    assert exported.kind == "submission" and exported.actor == ehe_officer
    assert "csv, 2 rows" in exported.detail and "status=received" in exported.detail


def test_the_retention_purge_is_recorded_per_submission(db):
    old = SubmissionFactory()
    SubmissionFactory._meta.model.objects.filter(pk=old.pk).update(
        updated_at=timezone.now() - timedelta(days=retention_days("ehe") + 1)
    )
    kept = SubmissionFactory()
    purge_expired_submissions()
    [deleted] = events(action=Action.DELETED)
    assert deleted.actor is None and deleted.actor_label == "retention purge"
    assert deleted.label == old.reference and deleted.label != kept.reference


def test_changes_outside_a_request_name_the_job(db):
    with acting_as("training reminders"):
        submission = SubmissionFactory()
    [created] = events(action=Action.CREATED, record_id=str(submission.pk))
    assert created.actor_label == "training reminders"


def test_a_saved_event_cannot_be_changed_or_deleted_through_the_orm(db):
    event = record(Action.VIEWED, kind="submission", record_id="1")
    event.detail = "nothing happened"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()


@pytest.mark.django_db
def test_the_database_refuses_an_update_whoever_asks():
    event = record(Action.VIEWED, kind="submission", record_id="1")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(detail="rewritten")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET actor_label = 'someone else'")
    assert AuditEvent.objects.get(pk=event.pk).detail == ""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL trigger")
@pytest.mark.django_db
def test_postgresql_refuses_a_delete_outside_the_audit_purge():
    event = record(Action.VIEWED, kind="submission", record_id="1")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_events_past_the_log_s_own_retention_are_purged_and_that_is_logged(db, settings):
    old = AuditEvent.objects.create(
        at=timezone.now() - timedelta(days=settings.PORTAL_AUDIT_RETENTION_DAYS + 1),
        actor_label="someone",
        action=Action.VIEWED,
        kind="submission",
    )
    recent = record(Action.VIEWED, kind="submission", record_id="2")
    assert purge_old_events() == 1
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(pk=recent.pk).exists()
    [purge] = events(kind="audit events")
    assert purge.action == Action.DELETED and purge.detail.startswith("1 events")
    assert purge_old_events() == 0


class TestTheLogInTheAdmin:
    def test_information_governance_searches_it(self, client, home, ig_officer, submission):
        other = SubmissionFactory()
        with acting_as("someone"):
            record(Action.VIEWED, submission)
            record(Action.VIEWED, other)
        client.force_login(ig_officer)
        page = client.get(reverse("audit_log:index") + f"?q={submission.reference}")
        assert page.status_code == 200
        html = page.content.decode()
        assert submission.reference in html and other.reference not in html

    def test_it_filters_by_action(self, client, home, ig_officer, submission):
        record(Action.EXPORTED, kind="return", label="Autumn 2026")
        record(Action.VIEWED, submission)
        client.force_login(ig_officer)
        html = client.get(reverse("audit_log:index") + "?action=exported").content.decode()
        assert "Autumn 2026" in html and submission.reference not in html

    def test_service_officers_cannot_read_it(self, client, home, ehe_officer, submission):
        event = record(Action.VIEWED, submission)
        client.force_login(ehe_officer)
        for url in (reverse("audit_log:index"), reverse("audit_log:inspect", args=[event.pk])):
            response = client.get(url)
            assert response.status_code == 302 and response["Location"] == "/admin/"

    def test_nobody_can_edit_or_delete_an_event(self, client, home, submission, django_user_model):
        admin = django_user_model.objects.create_superuser(
            "root@council.example", "root@council.example", "x"
        )
        event = record(Action.VIEWED, submission)
        client.force_login(admin)
        for name in ("audit_log:edit", "audit_log:delete"):
            response = client.post(reverse(name, args=[event.pk]), {"detail": "changed"})
            assert response.status_code in (302, 403)
        assert AuditEvent.objects.get(pk=event.pk).detail == ""
        assert client.get(reverse("audit_log:inspect", args=[event.pk])).status_code == 200


def test_the_log_filters_by_date_with_plain_date_inputs(client, home, ig_officer, submission):
    old = AuditEvent.objects.create(
        at=timezone.now() - timedelta(days=40), actor_label="a", action="viewed", label="OLD-REF"
    )
    record(Action.VIEWED, kind="submission", label="NEW-REF")
    client.force_login(ig_officer)
    since = (timezone.now() - timedelta(days=7)).date().isoformat()
    html = client.get(reverse("audit_log:index") + f"?at_after={since}").content.decode()
    assert "NEW-REF" in html and old.label not in html
    assert 'type="date" name="at_after"' in html and "initDateChooser" not in html
