"""Background work run by the django-q2 worker."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives


def deliver_email(subject, body, to, html_body=None, attachments=()):
    """Send one email. It raises when the mail server fails: django-q2 then leaves the
    task unacknowledged and hands it out again (Q_CLUSTER retry / max_attempts)."""
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message.send(fail_silently=False)
