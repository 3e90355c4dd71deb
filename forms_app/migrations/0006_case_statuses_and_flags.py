"""Each service's own statuses, and why a submission is flagged.

Home education is a parent's notice, not an application: a registration is never
"approved" or "refused". Those already given one of the statuses every journey had are
moved to the nearest home education status, and the move is written into each one's
history (the earlier entries are left as they were: they record what was done then):

- received: stays received;
- in review: notice acknowledged (an officer had it in hand; no contact is recorded);
- more information needed: first contact made (the council had asked the parent);
- approved: education appears suitable (the officer accepted what the parent said);
- refused: concerns about the education (the officer was not satisfied; nothing says a
  notice was served, so not "school attendance order considered");
- withdrawn and closed: stay as they are (a parent may withdraw a notice, when the child
  stays at school; the erasure rule lets a withdrawn registration go).

Flags are worked out from the answers as sent, with the rules as they stood when this was
written (kept here, not imported, so the migration does the same whatever the code
becomes): the council's consent for home education, a performance licence applied for
at short notice, and a referral flagged for safeguarding (the only reason then)."""

from django.db import migrations, models

HOME_EDUCATION = {
    "in_review": "acknowledged",
    "more_information": "first_contact",
    "approved": "education_suitable",
    "refused": "education_concerns",
}
BACK = {
    "acknowledged": "in_review",
    "first_contact": "more_information",
    "education_suitable": "approved",
    "education_concerns": "refused",
    "attendance_order": "refused",
}


def _flags(submission):
    answers = submission.answers if isinstance(submission.answers, dict) else {}

    def step(slug):
        return answers.get(slug) if isinstance(answers.get(slug), dict) else {}

    flags = []
    if submission.journey == "ehe_registration":
        consent = step("consent")
        if any(
            consent.get(name) is True
            for name in ("special_school", "attendance_order", "child_protection")
        ):
            flags.append("consent")
    elif submission.journey == "performance_licence":
        if step("dates").get("short_notice") is True:
            flags.append("short_notice")
    elif submission.journey == "attendance_referral" and submission.flagged:
        flags.append("safeguarding")
    return flags


def forwards(apps, schema_editor):
    Submission = apps.get_model("forms_app", "Submission")
    SubmissionEvent = apps.get_model("forms_app", "SubmissionEvent")
    for submission in Submission.objects.iterator():
        changed = []
        flags = _flags(submission)
        if flags:
            submission.flags, submission.flagged = flags, True
            changed += ["flags", "flagged"]
        new = (
            HOME_EDUCATION.get(submission.status)
            if submission.journey == "ehe_registration"
            else None
        )
        if new:
            SubmissionEvent.objects.create(
                submission=submission,
                kind="status",
                from_status=submission.status,
                to_status=new,
                note="Moved to the home education statuses: a notice is not approved or refused.",
            )
            submission.status = new
            changed.append("status")
        if changed:
            submission.save(update_fields=changed)


def backwards(apps, schema_editor):
    Submission = apps.get_model("forms_app", "Submission")
    for old, new in BACK.items():
        Submission.objects.filter(journey="ehe_registration", status=old).update(status=new)


class Migration(migrations.Migration):
    dependencies = [
        ("forms_app", "0005_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="flags",
            field=models.JSONField(blank=True, default=list, verbose_name="flags"),
        ),
        migrations.AlterField(
            model_name="submission",
            name="status",
            field=models.CharField(
                choices=[
                    ("received", "Received"),
                    ("in_review", "In review"),
                    ("more_information", "More information needed"),
                    ("approved", "Approved"),
                    ("refused", "Refused"),
                    ("withdrawn", "Withdrawn"),
                    ("acknowledged", "Notice acknowledged"),
                    ("first_contact", "First contact made"),
                    ("education_suitable", "Education appears suitable"),
                    ("education_concerns", "Concerns about the education"),
                    ("attendance_order", "School attendance order considered"),
                    ("closed", "Closed"),
                ],
                db_index=True,
                default="received",
                max_length=20,
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
