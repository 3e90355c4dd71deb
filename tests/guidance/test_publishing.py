"""Editorial workflow, scheduled publishing and review reminders."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Page, Workflow

from guidance.factories import GuidanceIndexPageFactory, GuidancePageFactory
from guidance.models import GuidancePage
from guidance.tasks import publish_scheduled, remind_review_owners
from portal.factories import UserFactory


@pytest.fixture
def guidance_index(home):
    return GuidanceIndexPageFactory(parent=home)


@pytest.fixture
def editor(db):
    return UserFactory(email="editor@council.example", is_staff=True, groups=["Editors"])


@pytest.fixture
def moderator(db):
    return UserFactory(email="moderator@council.example", is_staff=True, groups=["Moderators"])


def test_editor_submits_and_moderator_approves(guidance_index, editor, moderator):
    workflow = Workflow.objects.get(name="Moderators approval")
    assert workflow.active
    page = GuidancePageFactory(parent=guidance_index, live=False, title="Penalty notices")
    assert page.get_workflow() == workflow
    assert not page.permissions_for_user(editor).can_publish()

    page.save_revision(user=editor)
    state = workflow.start(page, editor)
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(page, moderator)
    task_state.task.specific.on_action(task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.live


def test_scheduled_page_goes_live_when_the_worker_runs(guidance_index):
    from wagtail.models import Revision

    page = GuidancePageFactory(parent=guidance_index, live=False, title="Coming soon")
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()  # with a go-live time ahead, publishing schedules it
    assert not Page.objects.get(pk=page.pk).live
    publish_scheduled()
    assert not Page.objects.get(pk=page.pk).live  # not yet

    # An hour later (the go-live time moved back rather than waiting):
    revision = Revision.objects.get(pk=revision.pk)
    revision.approved_go_live_at = timezone.now() - timedelta(seconds=1)
    revision.content["go_live_at"] = revision.approved_go_live_at.isoformat()
    revision.save()
    publish_scheduled()
    assert Page.objects.get(pk=page.pk).live


def test_owners_are_reminded_of_overdue_pages_once(
    guidance_index, editor, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    GuidancePageFactory(
        parent=guidance_index,
        title="Old page",
        next_review=today - timedelta(days=3),
        content_owner=editor,
    )
    GuidancePageFactory(
        parent=guidance_index,
        title="Fresh page",
        next_review=today + timedelta(days=30),
        content_owner=editor,
    )
    GuidancePageFactory(
        parent=guidance_index, title="Orphan page", next_review=today - timedelta(days=3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_review_owners() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [editor.email]
    assert "Old page" in mail.outbox[0].body and "Fresh page" not in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_review_owners() == 0
    assert len(mail.outbox) == 1

    # A new review date that passes earns a new reminder.
    page = GuidancePage.objects.get(title="Old page")
    GuidancePage.objects.filter(pk=page.pk).update(next_review=today - timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_review_owners() == 1


def test_dashboard_panel_lists_overdue_guidance(client, guidance_index, editor):
    today = timezone.localdate()
    GuidancePageFactory(
        parent=guidance_index,
        title="Reduced timetables",
        content_owner=editor,
        next_review=today - timedelta(days=10),
    )
    GuidancePageFactory(
        parent=guidance_index, title="Up to date", next_review=today + timedelta(days=10)
    )
    client.force_login(editor)
    page = client.get("/admin/").content.decode()
    assert "Guidance overdue for review (1)" in page
    assert "Reduced timetables" in page and "Up to date" not in page


@pytest.mark.django_db
def test_worker_schedules_exist():
    from django_q.models import Schedule

    funcs = set(Schedule.objects.values_list("func", flat=True))
    assert {"guidance.tasks.publish_scheduled", "guidance.tasks.remind_review_owners"} <= funcs
