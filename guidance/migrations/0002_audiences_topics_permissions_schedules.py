"""Audiences and topics to start with, editors' permissions on contacts and topics, and
the worker's schedules: publishing pages scheduled for later, and review reminders."""

from django.db import migrations

AUDIENCES = [
    ("schools", "Schools"),
    ("parents", "Parents and carers"),
    ("governors", "Governors"),
    ("partner-agencies", "Partner agencies"),
]
TOPICS = [
    ("registers-and-codes", "Registers and attendance codes"),
    ("penalty-notices", "Penalty notices and legal action"),
    ("reduced-timetables", "Reduced timetables"),
    ("elective-home-education", "Elective home education"),
    ("children-missing-education", "Children missing education"),
    ("child-employment-and-performance", "Child employment and performance"),
    ("safeguarding", "Safeguarding"),
    ("transition", "Transition between schools"),
    ("support-first", "Support first"),
]
GRANTS = {
    "Editors": ["add_agencycontact", "change_agencycontact", "view_agencycontact",
                "add_topic", "change_topic", "view_topic"],
    "Moderators": ["add_agencycontact", "change_agencycontact", "delete_agencycontact",
                   "view_agencycontact", "add_topic", "change_topic", "delete_topic",
                   "view_topic"],
}
SCHEDULES = [
    # name, function, minutes between runs
    ("Publish scheduled pages", "guidance.tasks.publish_scheduled", 1),
    ("Remind owners of guidance overdue for review", "guidance.tasks.remind_review_owners", 60 * 24),
]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    Audience = apps.get_model("guidance", "Audience")
    Topic = apps.get_model("guidance", "Topic")
    for order, (slug, name) in enumerate(AUDIENCES):
        Audience.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    for slug, name in TOPICS:
        Topic.objects.get_or_create(slug=slug, defaults={"name": name})

    app_config = apps.get_app_config("guidance")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        Group.objects.get(name=name).permissions.add(
            *Permission.objects.filter(content_type__app_label="guidance", codename__in=codenames)
        )

    Schedule = apps.get_model("django_q", "Schedule")
    for name, func, minutes in SCHEDULES:
        Schedule.objects.update_or_create(
            name=name,
            defaults={"func": func, "schedule_type": "I", "minutes": minutes, "repeats": -1},
        )


def backwards(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(
        name__in=[name for name, _f, _m in SCHEDULES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0001_initial"),
        ("portal", "0002_staff_groups"),
        ("django_q", "0018_task_success_index"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
