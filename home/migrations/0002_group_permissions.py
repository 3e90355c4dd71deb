"""Editors and moderators manage alert banners; moderators also keep the council settings."""

from django.db import migrations

GRANTS = {
    "Editors": ["add_alertbanner", "change_alertbanner", "delete_alertbanner", "view_alertbanner"],
    "Moderators": [
        "add_alertbanner", "change_alertbanner", "delete_alertbanner", "view_alertbanner",
        "change_councilsettings", "view_councilsettings",
    ],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("home")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.get(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="home", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial"), ("portal", "0002_staff_groups")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
