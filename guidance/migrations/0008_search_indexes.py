"""Indexes for site search on PostgreSQL, at a county's size (issue 18).

Wagtail's PostgreSQL search matches `(title || body) @@ query` on its index entry table,
which has GIN indexes on title and on body but none on the two together: without one,
PostgreSQL reads every entry and, having no statistics for the expression, guesses one
match and joins with a nested loop over every page (seconds, with 10,000 contacts). The
expression index gives it both the index and the statistics. An entry is joined to its
page or contact by the row's id as text, so an index on that lets the few matches find
their rows instead of reading the whole table. SQLite searches through its FTS5 table,
which needs none of these."""

from django.db import migrations

INDEXES = [
    (
        "guidance_search_title_body_gin",
        "wagtailsearch_indexentry USING gin ((title || body))",
    ),
    ("guidance_page_id_text", "wagtailcore_page ((id::varchar(50)))"),
    ("guidance_agencycontact_id_text", "guidance_agencycontact ((id::varchar(50)))"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, target in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")
    schema_editor.execute("ANALYZE wagtailsearch_indexentry")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _target in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0007_audience_topic_translatable"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
