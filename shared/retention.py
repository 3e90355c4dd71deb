"""The contract between the apps that keep records for a set period and the command that
purges them (privacy's `retention_purge`), which knows no app.

An app registers each purge with the `register_retention_purge` Wagtail hook: a function
of `dry_run` that deletes or anonymises what is past its period (or, in a dry run, only
counts it) and returns the lines to report, one per service or kind of record. The same
functions run daily as django-q2 schedules."""

HOOK_NAME = "register_retention_purge"


def report_line(name, count, what, done, dry_run):
    """ "returns: 2 pupil(s) on reduced-timetable returns deleted" (or "would be deleted")."""
    return f"{name}: {count} {what} {'would be ' if dry_run else ''}{done}"
