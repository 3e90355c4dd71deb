"""The roll-change notice journey (its choice on drafts, submissions and form pages), and
the pupil tracking officers' permissions to work its submissions."""

from django.db import migrations, models

# Pupil tracking officers work the roll-change notices: see, work and export them
# (portal.access narrows each officer to their own service's).
GROUP = "Pupil tracking officers"
CODENAMES = ["view_submission", "work_submission", "export_submission"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="forms_app", codename__in=CODENAMES
    )
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("forms_app", "0007_queue_newest_first"),
        ("portal", "0004_pupil_tracking_group"),
    ]

    operations = [
        migrations.AlterField(
            model_name="draft",
            name="journey",
            field=models.CharField(
                choices=[
                    ("ehe_registration", "Elective home education registration"),
                    ("employment_permit", "Child employment permit"),
                    ("performance_licence", "Child performance licence"),
                    ("chaperone_approval", "Chaperone approval"),
                    ("attendance_referral", "Attendance referral"),
                    ("roll_change", "Roll-change notice"),
                ],
                max_length=40,
            ),
        ),
        migrations.AlterField(
            model_name="formpage",
            name="journey",
            field=models.CharField(
                choices=[
                    ("ehe_registration", "Elective home education registration"),
                    ("employment_permit", "Child employment permit"),
                    ("performance_licence", "Child performance licence"),
                    ("chaperone_approval", "Chaperone approval"),
                    ("attendance_referral", "Attendance referral"),
                    ("roll_change", "Roll-change notice"),
                ],
                max_length=40,
            ),
        ),
        migrations.AlterField(
            model_name="submission",
            name="journey",
            field=models.CharField(
                choices=[
                    ("ehe_registration", "Elective home education registration"),
                    ("employment_permit", "Child employment permit"),
                    ("performance_licence", "Child performance licence"),
                    ("chaperone_approval", "Chaperone approval"),
                    ("attendance_referral", "Attendance referral"),
                    ("roll_change", "Roll-change notice"),
                ],
                db_index=True,
                max_length=40,
            ),
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
