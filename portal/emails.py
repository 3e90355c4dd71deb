"""Sending email: every email the portal sends goes through send_email, which queues it
for the worker once the surrounding transaction has committed. The page that caused it
never waits for, or fails because of, the mail server."""

from functools import partial

from django.db import transaction
from django.template.loader import render_to_string
from django_q.tasks import async_task


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
