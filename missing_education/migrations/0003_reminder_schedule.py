"""The worker reminds the pupil tracking officers of next steps due each morning, and
deletes cases past their retention period (PORTAL_RECORD_RETENTION_DAYS) each day."""

from datetime import datetime, time, timedelta

from django.db import migrations
from django.utils import timezone

SCHEDULES = [
    ("Remind pupil tracking officers of next steps due", "missing_education.tasks.remind_due_cases"),
    ("Children missing education: delete cases past their retention period", "missing_education.tasks.purge_expired_cases"),
]


def forwards(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    # Early tomorrow morning, so that reminders arrive at the start of a working day.
    first_run = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time(6)))
    for name, func in SCHEDULES:
        Schedule.objects.update_or_create(
            name=name, defaults={"func": func, "schedule_type": "D", "repeats": -1, "next_run": first_run}
        )


def backwards(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name__in=[name for name, _f in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("missing_education", "0002_officer_permissions"),
        ("django_q", "0018_task_success_index"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
