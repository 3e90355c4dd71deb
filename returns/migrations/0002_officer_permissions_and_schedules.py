"""Attendance officers set return periods, read and change schools' returns (also after
the due date) and export them; the tracker needs view_schoolreturn. The worker opens
returns for newly active schools and sends reminders each morning, and the summary weekly."""

from datetime import datetime, time, timedelta

from django.db import migrations
from django.utils import timezone

GROUP = "Attendance officers"
CODENAMES = [
    "view_returnperiod",
    "add_returnperiod",
    "change_returnperiod",
    "delete_returnperiod",
    "export_returnperiod",
    "view_schoolreturn",
    "change_schoolreturn",
]
# (name, task, schedule type: D daily, W weekly)
SCHEDULES = [
    ("Open reduced-timetable returns for newly active schools", "returns.tasks.open_missing_returns", "D"),
    ("Remind schools of outstanding reduced-timetable returns", "returns.tasks.send_reminders", "D"),
    ("Weekly summary of reduced-timetable returns", "returns.tasks.send_weekly_summary", "W"),
]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("returns")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="returns", codename__in=CODENAMES)
    Group.objects.get(name=GROUP).permissions.add(*permissions)
    Schedule = apps.get_model("django_q", "Schedule")
    # Early tomorrow morning, so that reminders arrive at the start of a school day.
    first_run = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time(6)))
    for name, func, schedule_type in SCHEDULES:
        Schedule.objects.update_or_create(
            name=name,
            defaults={"func": func, "schedule_type": schedule_type, "repeats": -1, "next_run": first_run},
        )


def backwards(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(
        name__in=[name for name, _f, _t in SCHEDULES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("returns", "0001_reduced_timetable_returns"),
        ("portal", "0002_staff_groups"),
        ("django_q", "0018_task_success_index"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
