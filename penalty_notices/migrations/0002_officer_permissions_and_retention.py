"""Attendance officers keep the penalty notice register; the worker deletes notices past
their retention period (PORTAL_RECORD_RETENTION_DAYS) each day."""

from datetime import datetime, time, timedelta

from django.db import migrations
from django.utils import timezone

GROUP = "Attendance officers"
# No delete: a notice is withdrawn, never deleted by hand (ServicePolicy refuses it too).
CODENAMES = [f"{verb}_penaltynotice" for verb in ("view", "add", "change")]
SCHEDULE = "Penalty notice register: delete notices past their retention period"


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("penalty_notices")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="penalty_notices", codename__in=CODENAMES
    )
    Group.objects.get(name=GROUP).permissions.add(*permissions)
    first_run = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time(3)))
    apps.get_model("django_q", "Schedule").objects.update_or_create(
        name=SCHEDULE,
        defaults={
            "func": "penalty_notices.tasks.purge_expired_notices",
            "schedule_type": "D",
            "repeats": -1,
            "next_run": first_run,
        },
    )


def backwards(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=SCHEDULE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("penalty_notices", "0001_penalty_notice_register"),
        ("portal", "0002_staff_groups"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
