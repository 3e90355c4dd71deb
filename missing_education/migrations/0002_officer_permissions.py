"""The pupil tracking officers work the cases: they read, change and add to them (cases
are opened by a notice or a referral, and the permission policy refuses the rest)."""

from django.db import migrations

GROUP = "Pupil tracking officers"
CODENAMES = [
    *(f"{verb}_case" for verb in ("view", "add", "change", "delete")),
    *(f"{verb}_enquiry" for verb in ("view", "add", "change", "delete")),
    "view_caseevent",
]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("missing_education")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="missing_education", codename__in=CODENAMES
    )
    Group.objects.get(name=GROUP).permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("missing_education", "0001_cases_enquiries_history"),
        ("portal", "0004_pupil_tracking_group"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
