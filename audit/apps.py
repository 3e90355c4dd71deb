from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The audit log: one append-only record of who viewed, changed, exported or deleted
    a record that holds personal data. Feature apps say which of their models it follows
    (audit.log.follow) in their own ready(); this app imports none of them."""

    name = "audit"
    verbose_name = "Audit log"
