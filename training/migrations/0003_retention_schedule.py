"""The worker runs the retention purge for these records once a day (PORTAL_RECORD_RETENTION_DAYS)."""

from django.db import migrations

NAME = "Training: anonymise bookings past their retention period"


def forwards(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.update_or_create(
        name=NAME, defaults={"func": "training.tasks.purge_expired_bookings", "schedule_type": "D", "repeats": -1}
    )


def backwards(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0002_audiences_permissions_schedules"),
        ("django_q", "0018_task_success_index"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
