"""Attendance officers import and correct figures, set schools' stages, and schedule and
record targeting support meetings."""

from django.db import migrations

GROUP = "Attendance officers"
MODELS = ["schoolfigures", "areafigures", "figuresimport", "schoolstage", "supportmeeting", "meetingaction"]
CODENAMES = [f"{verb}_{model}" for model in MODELS for verb in ("view", "add", "change", "delete")]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("attendance")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="attendance", codename__in=CODENAMES
    )
    Group.objects.get(name=GROUP).permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("attendance", "0001_attendance_figures_stages_meetings"),
        ("portal", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
