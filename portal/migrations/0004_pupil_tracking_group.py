"""The pupil tracking officers' group: into the admin, and able to see schools."""

from django.db import migrations


NAME = "Pupil tracking officers"


def create_group(apps, schema_editor):
    from importlib import import_module

    staff_groups = import_module("portal.migrations.0002_staff_groups")
    staff_groups.ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=NAME)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(
            content_type__app_label="portal", content_type__model="school", codename="view_school"
        ),
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_language")]

    operations = [migrations.RunPython(create_group, remove_group)]
