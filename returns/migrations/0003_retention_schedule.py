"""The worker runs the retention purge for these records once a day (PORTAL_RECORD_RETENTION_DAYS)."""

from django.db import migrations

NAME = "Reduced-timetable returns: delete pupils past their retention period"


def forwards(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.update_or_create(
        name=NAME, defaults={"func": "returns.tasks.purge_expired_pupils", "schedule_type": "D", "repeats": -1}
    )


def backwards(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("returns", "0002_officer_permissions_and_schedules"),
        ("django_q", "0018_task_success_index"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
