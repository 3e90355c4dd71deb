"""Who courses are for; training administrators run sessions (registers, emails, exports,
feedback) and see bookings; the worker offers lapsed places, sends reminders and asks
attendees for feedback on a schedule."""

from django.db import migrations

AUDIENCES = [
    ("governors", "Governors"),
    ("headteachers", "Headteachers"),
    ("attendance-leads", "Attendance leads"),
    ("dsls", "Designated safeguarding leads"),
    ("office-staff", "Office staff"),
    ("partner-agencies", "Partner agencies"),
]
GROUP = "Training administrators"
CODENAMES = ["view_booking", "change_booking", "view_session", "view_feedback"]
SCHEDULES = [
    ("Training: offer places whose hold has lapsed", "training.tasks.expire_offers", 15),
    ("Training: remind booked people two days before", "training.tasks.send_reminders", 60),
    ("Training: ask attendees for feedback", "training.tasks.request_feedback", 60),
]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    Audience = apps.get_model("training", "Audience")
    for order, (slug, name) in enumerate(AUDIENCES, start=1):
        Audience.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})

    app_config = apps.get_app_config("training")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get(name=GROUP).permissions.add(
        *Permission.objects.filter(content_type__app_label="training", codename__in=CODENAMES)
    )

    Schedule = apps.get_model("django_q", "Schedule")
    for name, func, minutes in SCHEDULES:
        Schedule.objects.update_or_create(
            name=name, defaults={"func": func, "schedule_type": "I", "minutes": minutes, "repeats": -1}
        )


def backwards(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(
        name__in=[name for name, _f, _m in SCHEDULES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_courses_sessions_bookings"),
        ("portal", "0002_staff_groups"),
        ("django_q", "0018_task_success_index"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
