# Existing banners become the default language's (Wagtail's documented bootstrap).
from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_alert_banner_translation_fields"),
    ]

    operations = [BootstrapTranslatableModel("home.AlertBanner")]
