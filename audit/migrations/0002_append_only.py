"""The database itself refuses to change an audit row, whoever asks. Deleting is refused
too on PostgreSQL, except inside the audit log's own retention purge, which sets
portal.audit_purge for its transaction (audit.tasks). Tests on PostgreSQL empty tables
with TRUNCATE, which these row triggers leave alone."""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
]
SQLITE_UNDO = ["DROP TRIGGER IF EXISTS audit_event_no_update"]

POSTGRESQL = [
    """CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'DELETE' AND current_setting('portal.audit_purge', true) = 'on' THEN
           RETURN OLD;
         END IF;
         RAISE EXCEPTION 'the audit log is append-only';
       END $$""",
    """CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_auditevent
       FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()""",
]
POSTGRESQL_UNDO = [
    "DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent",
    "DROP FUNCTION IF EXISTS audit_event_append_only()",
]


def statements(vendor, undo=False):
    if vendor == "sqlite":
        return SQLITE_UNDO if undo else SQLITE
    if vendor == "postgresql":
        return POSTGRESQL_UNDO if undo else POSTGRESQL
    return []


def forwards(apps, schema_editor):
    for sql in statements(schema_editor.connection.vendor):
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    for sql in statements(schema_editor.connection.vendor, undo=True):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_audit_event")]
    operations = [migrations.RunPython(forwards, backwards)]
