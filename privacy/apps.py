from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """Subject access and erasure: an officer of information governance finds what every
    service holds about a person, downloads it as one file, and erases or anonymises it
    where the law allows. Each feature app says what it holds through the
    `register_personal_data` hook (shared/personal_data.py); this app imports none of them."""

    name = "privacy"
    verbose_name = "Subject access and erasure"
