"""Officers work their own service's submissions: EHE officers, licensing officers and
attendance officers may see, work and export them (portal.access narrows each to its
service). Retention and draft clean-up run on the worker's schedule."""

from django.db import migrations

GROUPS = ["EHE officers", "Licensing officers", "Attendance officers"]
CODENAMES = ["view_submission", "work_submission", "export_submission"]
SCHEDULES = [
    ("Delete submissions past their retention period", "forms_app.tasks.purge_expired_submissions", 60 * 24),
    ("Delete expired form drafts", "forms_app.tasks.purge_expired_drafts", 60),
]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("forms_app")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="forms_app", codename__in=CODENAMES)
    for name in GROUPS:
        Group.objects.get(name=name).permissions.add(*permissions)
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
        ("forms_app", "0002_backoffice"),
        ("portal", "0002_staff_groups"),
        ("django_q", "0018_task_success_index"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
