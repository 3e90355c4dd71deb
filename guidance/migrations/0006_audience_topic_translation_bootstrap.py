# Existing audiences and topics become the default language's (Wagtail's documented bootstrap).
from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0005_audience_topic_translation_fields"),
    ]

    operations = [
        BootstrapTranslatableModel("guidance.Audience"),
        BootstrapTranslatableModel("guidance.Topic"),
    ]
