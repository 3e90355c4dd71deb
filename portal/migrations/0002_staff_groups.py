"""The staff groups, with the Wagtail permissions each needs. Each app grants the groups
the permissions on its own models in its own migrations."""

from django.db import migrations

ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin")
PAGE = ("wagtailcore", "page")

GROUPS = {
    "Editors": {
        "perms": [ADMIN_ACCESS],
        "page_perms": ["add_page", "change_page", "lock_page"],
        "collection_perms": ["add", "change", "choose"],
    },
    "Moderators": {
        "perms": [ADMIN_ACCESS],
        "page_perms": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "collection_perms": ["add", "change", "delete", "choose"],
    },
    # Officers work in the admin: they see schools and invite school users.
    "Attendance officers": {
        "perms": [ADMIN_ACCESS, ("portal", "school", "view_school"),
                  ("portal", "school", "change_school"), ("portal", "school", "add_school"),
                  ("portal", "membership", "view_membership"),
                  ("portal", "membership", "add_membership"),
                  ("portal", "membership", "change_membership"),
                  ("portal", "membership", "delete_membership")],
    },
    "EHE officers": {"perms": [ADMIN_ACCESS, ("portal", "school", "view_school")]},
    "Licensing officers": {"perms": [ADMIN_ACCESS, ("portal", "school", "view_school")]},
    "Training administrators": {"perms": [ADMIN_ACCESS, ("portal", "school", "view_school")]},
}


def ensure_permissions(apps):
    """Permissions are normally made after migrations; make them now so we can grant them."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    def permission(app_label, model, codename):
        if model == "admin":  # wagtailadmin's access_admin has no model of its own
            return Permission.objects.get(content_type__app_label=app_label, codename=codename)
        return Permission.objects.get(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        )

    for name, spec in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(permission(*p) for p in spec["perms"]))
        if root_page is not None:
            for codename in spec.get("page_perms", []):
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page,
                    permission=permission("wagtailcore", "page", codename),
                )
        if root_collection is not None:
            for action in spec.get("collection_perms", []):
                for model in ("image", "document"):
                    app = "wagtailimages" if model == "image" else "wagtaildocs"
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection,
                        permission=permission(app, model, f"{action}_{model}"),
                    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
