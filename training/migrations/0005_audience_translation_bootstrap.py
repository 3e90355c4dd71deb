# Existing audiences become the default language's (Wagtail's documented bootstrap).
from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0004_audience_translation_fields"),
    ]

    operations = [BootstrapTranslatableModel("training.Audience")]
