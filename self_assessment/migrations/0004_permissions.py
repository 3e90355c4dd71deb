"""Editors keep the framework; attendance officers see schools' self-assessments in the
council view (portal.access narrows that to the attendance service)."""

from django.db import migrations

GRANTS = {
    "Editors": [
        "add_frameworkversion", "change_frameworkversion", "view_frameworkversion",
        "add_statement", "change_statement", "delete_statement", "view_statement",
    ],
    "Attendance officers": ["view_assessment", "view_frameworkversion"],
}  # fmt: skip


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("self_assessment")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        permissions = Permission.objects.filter(
            content_type__app_label="self_assessment", codename__in=codenames
        )
        Group.objects.get(name=name).permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("self_assessment", "0003_framework_assessments_actions"),
        ("portal", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
