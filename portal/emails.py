"""Sending email: every email the portal sends goes through send_email, which queues it
for the worker once the surrounding transaction has committed. The page that caused it
never waits for, or fails because of, the mail server."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django_q.tasks import async_task

from .models import Membership


def send_email(to, subject, template_name, context, attachments=None):
    """`attachments`: optional (filename, content, mimetype) tuples, e.g. a calendar file."""
    body = render_to_string(template_name, context)
    recipients = [to] if isinstance(to, str) else list(to)
    # Only when given, so a task queued without attachments looks as it always has.
    extra = {"attachments": list(attachments)} if attachments else {}
    transaction.on_commit(
        partial(
            async_task,
            "portal.tasks.deliver_email",
            subject,
            body,
            recipients,
            **extra,
            group="email",
            task_name=f"email: {subject}"[:100],
        )
    )


def school_emails_by_language(school_ids, roles):
    """{school id: {language: [email, ...]}} of the active people holding one of `roles`
    at each school, by the language each chose (the default where they chose none), so
    that each is written to in their own. One query whatever the number of schools."""
    found = {}
    memberships = Membership.objects.filter(
        school_id__in=school_ids, role__in=roles, user__is_active=True
    ).values_list("school_id", "user__email", "user__language")
    for school_id, email, language in memberships.order_by("user__email"):
        by_language = found.setdefault(school_id, {})
        by_language.setdefault(language or settings.LANGUAGE_CODE, []).append(email)
    return found
